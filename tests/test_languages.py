"""Each language of the phrase book: a news page whose clutter goes and whose body stays.

Every page under tests/data/text/news_LANG.txt has the same layout (written for
these tests): the <title>, a skip link and a menu (lines 1-8), the headline,
a byline and a date (9-11), the article with one subheading (12-17), then a
"Read next" block of timestamps, labels and teasers, share buttons, a
newsletter prompt, comments, a cookie notice and a copyright line.
"""

from datetime import date
from pathlib import Path

import pytest

import cleaner
from cleaner import Kind

PAGES = Path(__file__).resolve().parent / "data" / "text"
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru")
AUTHORS = {
    "en": "Margaret Hollis",
    "de": "Katharina Brenner",
    "fr": "Camille Durand",
    "es": "Lucía Fernández",
    "it": "Giulia Romano",
    "pt": "Ana Carvalho",
    "nl": "Sanne de Vries",
    "pl": "Katarzyna Nowak",
    "ru": "Ирина Соколова",
}
DATES = {"pl": date(2024, 9, 12), "ru": date(2024, 9, 5)}


def _page(language: str) -> tuple[list[str], cleaner.Article]:
    text = (PAGES / f"news_{language}.txt").read_text(encoding="utf-8")
    return text.splitlines(), cleaner.clean_text(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_body_is_exactly_the_article(language):
    lines, article = _page(language)
    assert article.body == "\n\n".join(lines[11:17])


@pytest.mark.parametrize("language", LANGUAGES)
def test_subheading_is_kept_as_a_heading(language):
    _, article = _page(language)
    assert article.blocks[14].kind is Kind.HEADING
    assert article.blocks[14].kept


@pytest.mark.parametrize("language", LANGUAGES)
def test_read_next_block_is_removed_as_related(language):
    _, article = _page(language)
    header = article.blocks[17]
    assert (header.kept, header.kind) == (False, Kind.RELATED)
    assert header.reason.startswith("phrase")
    teasers = [block for block in article.blocks[18:24] if len(block.text) > 60]
    assert len(teasers) == 2
    assert all(block.kind is Kind.RELATED and not block.kept for block in teasers)
    assert article.blocks[18].kind in {Kind.TIMESTAMP, Kind.RELATED}


@pytest.mark.parametrize("language", LANGUAGES)
def test_tail_clutter_is_named(language):
    _, article = _page(language)
    kinds = {block.kind for block in article.blocks[24:]}
    assert {Kind.COMMENTS, Kind.LEGAL, Kind.NEWSLETTER} <= kinds
    assert not any(block.kept for block in article.blocks[24:])
    assert article.blocks[-1].kind is Kind.LEGAL


@pytest.mark.parametrize("language", LANGUAGES)
def test_fields_title_author_date_and_language(language):
    lines, article = _page(language)
    assert article.title == lines[8]
    assert article.author == AUTHORS[language]
    assert article.published_at is not None
    assert article.published_at.date() == DATES.get(language, date(2024, 3, 14))
    assert article.language == language
