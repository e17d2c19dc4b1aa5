"""The word lexicon the line model reads: its words, its look-up, and its language."""

import re
from pathlib import Path

import numpy as np

from cleaner.labelling.html_features import WORD_WINDOWS, word_columns
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text_features import FEATURE_NAMES, line_features
from cleaner.labelling.text_words import WordOdds, page_words, word_odds

TEXTS = Path(__file__).resolve().parent / "data" / "text"
WORD_COLUMNS = [
    index
    for index, name in enumerate(FEATURE_NAMES)
    if name.startswith(("word_odds", "known_word"))
]


def _lines(language: str) -> list[str]:
    return (TEXTS / f"news_{language}.txt").read_text(encoding="utf-8").splitlines()


def test_words_are_lower_case_runs_of_word_characters_without_numbers():
    lines = ["Share it: 12 ways, 3rd time, e-mail_me NOW", "2024", "Ünïcode straße"]
    assert page_words(lines) == [
        ["share", "it", "ways", "3rd", "time", "e", "mail_me", "now"],
        [],
        ["ünïcode", "straße"],
    ]


def test_words_of_english_lines_are_those_of_the_regular_expression():
    lines = _lines("en")
    expected = [
        [word for word in re.findall(r"\w+", line.lower()) if not word.isdigit()] for line in lines
    ]
    assert page_words(lines) == expected


def test_a_lexicon_gives_each_known_word_its_odds_and_nan_to_the_others():
    odds = WordOdds("en", {"subscribe": -3.5, "said": 1.0}, ("she", "so"), 0.1)
    lines = ["Subscribe now", "She said so", "nothing known here"]
    features = line_features(lines, phrase_book().match_lines(lines), odds)
    mean = features[:, FEATURE_NAMES.index("word_odds")]
    share = features[:, FEATURE_NAMES.index("known_word_share")]
    assert mean[0] == -3.5 and mean[1] == 1.0 and np.isnan(mean[2])
    assert share.tolist() == [0.5, 1 / 3, 0.0]


def test_the_shipped_lexicon_knows_menu_words_from_prose_words():
    odds = word_odds()
    assert odds.language == "en"
    assert odds.odds["subscribe"] < -1 < 0 < odds.odds["said"]
    assert {"the", "and", "of"} <= set(odds.function_words)


def test_a_page_without_a_lexicon_function_word_share_gets_no_lexicon_columns():
    odds = WordOdds("en", {"subscribe": -3.5, "said": 1.0}, ("she", "so"), 0.5)
    lines = ["Subscribe now", "She said so"]
    columns = line_features(lines, phrase_book().match_lines(lines), odds)[:, WORD_COLUMNS]
    assert np.isnan(columns).all()  # two function words of five


def test_pages_in_the_nine_languages_get_lexicon_columns_only_in_english():
    for language in ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru"):
        lines = _lines(language)
        columns = line_features(lines, phrase_book().match_lines(lines))[:, WORD_COLUMNS]
        assert np.isnan(columns).all() == (language != "en"), language


def test_html_blocks_read_the_same_lexicon_with_the_same_language_gate():
    odds = WordOdds("en", {"subscribe": -3.5, "said": 1.0}, ("she", "so"), 0.1)
    blocks = ["Subscribe\n  now", "She said so", "nothing known here"]
    columns = word_columns(blocks, odds)
    assert columns[0, 0] == -3.5 and columns[1, 0] == 1.0 and np.isnan(columns[2, 0])
    assert columns[:, 1].tolist() == [0.5, 1 / 3, 0.0]
    # The mean over the blocks around: (-3.5 + 1.0) over the two known words.
    assert columns[2, WORD_WINDOWS.index(2) + 3] == -1.25
    for language in ("en", "de", "ru"):
        columns = word_columns(_lines(language), word_odds())
        assert np.isnan(columns).all() == (language != "en"), language


def test_lines_among_dates_and_times_are_told_from_lines_among_prose():
    """A comment thread is thick with dates; the article above it is not."""
    article = _lines("en")
    thread = []
    for name, time, comment in (
        ("Jane Miller", "March 3, 2025 at 9:46 pm", "Thanks for the update, very useful."),
        ("Tom", "March 3, 2025 at 10:02 pm", "I went to the meeting and agree with this."),
        ("Ann K.", "March 4, 2025 at 7:15 am", "Will the documents be online this week?"),
    ):
        thread += [name, time, comment]
    lines = article + thread
    features = line_features(lines, phrase_book().match_lines(lines))
    share = features[:, FEATURE_NAMES.index("date_share~5")]
    assert share[: len(article) - 5].mean() < 0.1
    assert share[-len(thread) // 2 :].min() >= 0.25
