"""A dump that writes the page's article again as HTML source (a "Republish this story"
box) says it once; HTML a page teaches stays."""

import json
from pathlib import Path

import cleaner
from cleaner.labelling.text_markup import markup_copies

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_lines() -> list[str]:
    return (SEEDS / "read-next-news.txt").read_text(encoding="utf-8").splitlines()


def _expected() -> dict:
    return json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


def _republish_box(paragraphs: list[str]) -> list[str]:
    """The article's source as BeautifulSoup writes a republishing box's textarea."""
    return [
        "Republish this story",
        "Copy the story's HTML below to republish it under our licence.",
        "<h1>Russia and US discuss rare earth metals projects</h1>",
        '<p class="byline">by Staff Writer, Example News <br />March 31, 2025</p>',
        *(f"<p>{paragraph}</p>" for paragraph in paragraphs),
        '<p>This <a target="_blank" href="https://news.example.org/rare-earths/">article</a> '
        "first appeared on Example News.</p>",
        "&lt;img id=&quot;republication-tracker&quot; src=&quot;https://news.example.org/px.gif&quot;&gt;",
        "Copy to Clipboard",
    ]


def test_a_republishing_box_that_copies_the_article_is_removed_and_the_body_stays_exact():
    lines = _seed_lines()
    article_lines = lines[:6]
    dump = "\n".join(lines + _republish_box(article_lines))
    article = cleaner.clean_text(dump)
    assert article.body == _expected()["body"]
    source = [block for block in article.blocks if block.text.startswith("<p>")]
    assert len(source) == len(article_lines) + 1
    assert not any(block.kept for block in source)
    copies = [block for block in source if block.reason.startswith("rule: copies line")]
    assert [block.reason for block in copies] == [
        f"rule: copies line {index} as HTML source" for index in range(6)
    ]
    tracker = next(block for block in article.blocks if block.text.startswith("&lt;img"))
    assert not tracker.kept
    assert tracker.reason == "rule: HTML source among copies of the page's lines"


def test_html_a_page_teaches_repeats_nothing_and_is_not_a_copy():
    lines = [
        "How to write your first web page",
        "A paragraph is written between two tags, and a link inside it takes an address.",
        '<p class="intro">Hello, world! This is my very first page on the web.</p>',
        'Inside it, a link: <a href="https://example.org/">my favourite site</a>.',
        '<font color="red"><center>Hello!</center></font>',
        "Save the file, open it in a browser, and the tags are gone: only the words show.",
    ]
    assert markup_copies(lines, range(len(lines)), 8) == []


def test_a_copy_must_repeat_a_line_above_it_not_below():
    lines = [
        "<p>The council will meet on Tuesday to vote on the new budget for the city parks.</p>",
        "The council will meet on Tuesday to vote on the new budget for the city parks.",
    ]
    assert markup_copies(lines, range(len(lines)), 8) == []
    assert markup_copies(list(reversed(lines)), range(2), 8) == [(1, 0)]
