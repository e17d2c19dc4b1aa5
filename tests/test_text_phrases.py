"""The phrase book: markers of every language, one line or a whole page at once."""

import json
from pathlib import Path

import pytest

import cleaner
from cleaner import Kind
from cleaner.fields.dates import parse_date
from cleaner.labelling.phrases import phrase_book

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LINES = [
    "Read next",
    "READ NEXT:",
    "Share this article",
    "© 2024 Example Media. All rights reserved.",
    "We use cookies to give you the best experience on our website, as explained in our policy.",
    "By Jane Doe",
    "Lesen Sie auch",
    "Czytaj także",
    "Читайте также",
    "Laisser un commentaire",
    "The council met on Tuesday to discuss the budget for next year.",
    "Nothing to see here",
]


def test_whole_start_and_contains_phrases_name_their_kind():
    book = phrase_book()
    assert book.match("Read next") == (Kind.RELATED, "read next")
    assert book.match("  READ   NEXT: ") == (Kind.RELATED, "read next")
    assert book.match("Share this article")[0] is Kind.SHARE
    assert book.match("By Jane Doe") == (Kind.BYLINE, "by ")
    assert book.match("Site © 2024, all rights reserved")[0] is Kind.LEGAL
    assert book.match("The council met on Tuesday to discuss the budget.") is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Lesen Sie auch", Kind.RELATED),
        ("À lire aussi", Kind.RELATED),
        ("Te puede interesar", Kind.RELATED),
        ("Leggi anche", Kind.RELATED),
        ("Leia também", Kind.RELATED),
        ("Lees ook", Kind.RELATED),
        ("Czytaj także", Kind.RELATED),
        ("Читайте также", Kind.RELATED),
        ("Kommentare", Kind.COMMENTS),
        ("Dodaj komentarz", Kind.COMMENTS),
        ("Оставить комментарий", Kind.COMMENTS),
        ("Tous droits réservés", Kind.LEGAL),
        ("Wszelkie prawa zastrzeżone.", Kind.LEGAL),
    ],
)
def test_markers_of_other_languages(line, kind):
    assert phrase_book().match(line)[0] is kind


def test_a_whole_page_matches_as_line_by_line():
    book = phrase_book()
    assert book.match_lines(LINES) == [book.match(line) for line in LINES]
    assert book.match_lines([]) == []


def test_a_contains_phrase_marks_every_line_that_holds_it():
    lines = ["All rights reserved.", "Body text here.", "Copyright 2020, all rights reserved"]
    markers = phrase_book().match_lines(lines)
    assert [marker and marker[0] for marker in markers] == [Kind.LEGAL, None, Kind.LEGAL]


def test_a_line_holding_several_contains_phrases_is_marked_by_the_longest():
    # Lines before it change the offsets (non-ASCII text lower-cases to other lengths);
    # a line a start phrase marked keeps that marker.
    lines = [
        "İstanbul Öğrenci Haberleri — Ünlü Şehir",
        "By Jane Doe. All rights reserved",
        "Ta strona używa plików cookies. We use cookies. All rights reserved.",
        "Nothing here",
    ]
    markers = phrase_book().match_lines(lines)
    assert markers[0] is None
    assert markers[1] == (Kind.BYLINE, "by ")
    assert markers[2] == (Kind.LEGAL, "ta strona używa plików cookies")
    assert markers[3] is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published: Jan 29, 2025", "2025-01-29"),
        ("12 września 2024", "2024-09-12"),
        ("5 сентября 2024 г.", "2024-09-05"),
        ("14. März 2024", "2024-03-14"),
        ("14 de marzo de 2024", "2024-03-14"),
        ("14 août 2024", "2024-08-14"),
        ("14 maart 2024", "2024-03-14"),
        ("14 marzo 2024", "2024-03-14"),
        ("14 de março de 2024", "2024-03-14"),
        ("on 04-ago-2021 5:11:10", "2021-08-04"),
        ("Posted 04-Aug-2021", "2021-08-04"),
    ],
)
def test_month_names_of_every_language_read_as_dates(text, iso):
    assert parse_date(text).date().isoformat() == iso


@pytest.mark.parametrize(
    ("line", "kind", "phrase"),
    [
        ("59 Comments on “The December Comfort Watches 2025”", Kind.COMMENTS, "comments on"),
        ("3 thoughts on “10 Things I Wish I Knew”", Kind.COMMENTS, "thoughts on"),
        ("1,204 responses to “Open letter”", Kind.COMMENTS, "responses to"),
        ("12 Gedanken zu „Ein Artikel“", Kind.COMMENTS, "gedanken zu"),
        ("3 réflexions sur « Un article »", Kind.COMMENTS, "réflexions sur"),
        ("12 комментариев к записи", Kind.COMMENTS, "комментариев к"),
        ("5 min read", Kind.TIMESTAMP, "min read"),
        ("7 minutes de lecture", Kind.TIMESTAMP, "minutes de lecture"),
    ],
)
def test_a_phrase_after_a_count_is_a_marker(line, kind, phrase):
    """WordPress and its kin head comments "59 Comments on “Title”"; blogs state "5 min read"."""
    assert phrase_book().match(line) == (kind, phrase)


@pytest.mark.parametrize(
    "line",
    [
        "59 comments",  # a count alone is a teaser's comment count, not a section header
        "12 comments online",  # "comments on" must end a word
        "Comments on the draft came from 12 readers.",  # no count before the phrase
    ],
)
def test_a_count_needs_its_phrase_right_after_it(line):
    assert phrase_book().match(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Click to share on Facebook (Opens in new window) Facebook", Kind.SHARE),
        ("Like this:", Kind.SHARE),
        (
            "These cookies are necessary for the website to function and cannot be switched off.",
            Kind.LEGAL,
        ),
        (
            "You are using an out of date browser. It may not display this or other websites "
            "correctly.",
            Kind.NAVIGATION,
        ),
        ("Table of Contents", Kind.NAVIGATION),
        ("Cliquez pour partager sur Facebook(ouvre dans une nouvelle fenêtre)", Kind.SHARE),
        ("Inhaltsverzeichnis", Kind.NAVIGATION),
        (
            "When you buy through links on our site, we may earn an affiliate commission.",
            Kind.ADVERTISEMENT,
        ),
        (
            "You can change your choices at any time. This site participates in the IAB "
            "Transparency and Consent Framework.",
            Kind.LEGAL,
        ),
        ("Last edited by a moderator: Mar 3, 2025", Kind.TIMESTAMP),
    ],
)
def test_widget_and_consent_lines_are_markers(line, kind):
    """Sharing widgets, cookie-consent texts and browser notices, as many sites print them."""
    assert phrase_book().match(line)[0] is kind


def test_the_first_rule_that_marks_a_line_wins_and_start_phrases_only_start_lines():
    # Whole line, then the longest start phrase, then a phrase after a count, then the
    # longest "contains" phrase; a start phrase in the middle of a line marks nothing.
    lines = [
        "Share this",  # whole, before the start phrase "share this"
        "Share this article on Facebook",  # the longest start phrase it starts with
        "Please share this article with your friends and family, who will enjoy it.",
        "12 comments on “Budget vote”, all rights reserved",  # the count before "contains"
        "Read also: all rights reserved",  # the start phrase before "contains"
        "Ünlü şehir: read also",  # not at the start
        "We use cookies. All rights reserved.",  # the longest "contains" phrase
    ]
    assert phrase_book().match_lines(lines) == [
        (Kind.SHARE, "share this"),
        (Kind.SHARE, "share this"),
        None,
        (Kind.COMMENTS, "comments on"),
        (Kind.RELATED, "read also"),
        None,
        (Kind.LEGAL, "all rights reserved"),
    ]


@pytest.mark.parametrize(
    "line",
    ["Credit: Serious Eats", "Photo by Ann Lee for Example News", "Foto: dpa", "Fot. Jan Nowak"],
)
def test_a_photo_credit_is_a_rights_notice_on_a_short_line(line):
    assert phrase_book().match(line)[0] is Kind.LEGAL


def test_a_sentence_that_opens_like_a_credit_is_no_marker():
    book = phrase_book()
    sentence = (
        "Photo: the bridge at dawn, before the march reached the square and the police closed it"
    )
    assert book.match(sentence) is None
    assert book.match_lines([sentence, "Credit: Reuters"]) == [None, (Kind.LEGAL, "credit:")]


def test_photo_credits_under_the_pictures_of_an_article_are_removed_as_legal():
    lines = (SEEDS / "read-next-news.txt").read_text(encoding="utf-8").splitlines()
    heading = lines.index("Strategic Importance of Rare Earth Metals")
    dump = [*lines[:3], "Credit: Reuters", *lines[3:heading], "Photo: Getty Images"]
    dump += lines[heading:]
    article = cleaner.clean_text("\n".join(dump))
    labels = {block.text: block for block in article.blocks}
    for credit in ("Credit: Reuters", "Photo: Getty Images"):
        assert not labels[credit].kept
        assert labels[credit].kind is Kind.LEGAL
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))["body"]
    assert article.body == expected
