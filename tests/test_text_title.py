"""The title of a text dump, whichever converter wrote it.

html-text and BeautifulSoup write the page's ``<title>`` as the first line;
inscriptis does not, and bullets the menu and breadcrumb lines. The title
scorer (``text_title``) must find the headline in both kinds of dump: these
tests run it on one dev page rendered by three converters, and on the
html_text dump with its first line taken away.
"""

from __future__ import annotations

import numpy as np
import pytest

import cleaner
from cleaner import Kind
from cleaner.blocks.text import segment_lines, segment_text
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text import label_text_blocks, label_text_pages, read_lines
from cleaner.labelling.text_features import line_features
from cleaner.labelling.text_title import (
    TITLE_FEATURE_NAMES,
    find_titles,
    title_candidates,
    title_text,
    without_list_mark,
)
from tests.conftest import wcxb_dump, wcxb_gold


def _without_first_line(text: str) -> str:
    return "\n".join(block.text for block in segment_text(text)[1:])


@pytest.mark.parametrize("converter", ["html_text", "bs4", "inscriptis"])
def test_the_headline_is_the_title_whatever_the_converter(converter):
    gold = wcxb_gold("0004")
    article = cleaner.clean_text(wcxb_dump("0004", converter))
    assert article.title == gold["title"]
    titles = [block for block in article.blocks if block.kind is Kind.TITLE]
    assert len(titles) == 1 and not titles[0].kept
    assert gold["title"] not in article.body


def test_a_dump_without_its_title_line_still_has_its_headline():
    """The first line (the ``<title>``) gone, the headline in the page is found."""
    dump = wcxb_dump("0004", "html_text")
    assert segment_text(dump)[0].text != wcxb_gold("0004")["title"]  # the <title> says it otherwise
    assert cleaner.clean_text(_without_first_line(dump)).title == wcxb_gold("0004")["title"]


def test_the_title_is_the_same_in_a_batch_and_alone():
    dumps = [
        segment_text(wcxb_dump("0004", converter))
        for converter in ("html_text", "bs4", "inscriptis")
    ]
    together = label_text_pages(dumps)
    for blocks, labelled in zip(dumps, together, strict=True):
        assert labelled == label_text_blocks(blocks)


def test_list_marks_and_site_names_are_not_part_of_the_title():
    assert without_list_mark("2. Certificate vs Certification") == "Certificate vs Certification"
    assert without_list_mark("* Cloud") == "Cloud"
    assert without_list_mark("2024 LED Liftgate Lights") == "2024 LED Liftgate Lights"
    assert title_text("  * Rain returns to the valley | Example News") == (
        "Rain returns to the valley"
    )


def test_candidates_are_the_short_lines_up_to_the_first_kept_one():
    lines = [
        "Home",
        "Read next",
        "Rain returns to the valley",
        "Photo: the river at dawn.",
        "After weeks of drought the first storms reached the valley on Monday, and farmers"
        " who had sold half their herds watched the river rise again for the first time"
        " since the spring of last year.",
        "The storms are expected to last until Friday",
    ]
    features = line_features(lines, phrase_book().match_lines(lines))
    kept = np.array([False, False, False, False, True, True])
    probabilities = np.array([0.1, 0.1, 0.3, 0.2, 0.95, 0.9])
    candidates, rows = title_candidates(lines, features, probabilities, kept)
    # Not a section header, a sentence, the prose, or a line past the body's first.
    assert candidates.tolist() == [0, 2]
    assert rows.shape == (2, len(TITLE_FEATURE_NAMES))


def test_a_dump_that_opens_with_its_prose_has_no_title():
    """The seed's layout: no headline, the article's first line is a sentence."""
    article = cleaner.clean_text(
        "Moscow and Washington have begun talks on joint projects in rare earth metals.\n"
        "The special envoy said companies had already shown interest in the projects.\n"
        "Read next\n"
        "00:55\n"
        "Ukraine is set to hold talks with a select group of allies this Friday.\n"
    )
    assert article.title is None
    assert not any(block.kind is Kind.TITLE for block in article.blocks)


def test_a_dump_without_lines_in_a_batch_leaves_the_others_alone():
    dumps = [
        segment_text(wcxb_dump("0004", "html_text")),
        [],
        segment_text(wcxb_dump("0004", "bs4")),
    ]
    labelled = label_text_pages(dumps)
    assert labelled[1] == []
    assert labelled[0] == label_text_blocks(dumps[0])
    assert labelled[2] == label_text_blocks(dumps[2])


class _RowsSeen:
    """A scorer that keeps the rows it is given and scores them all alike."""

    def __init__(self):
        self.rows = []

    def decision(self, rows):
        self.rows.append(rows)
        return np.zeros(len(rows))


def test_a_batch_is_scored_on_the_rows_each_page_has_alone():
    """find_titles makes the rows of a whole batch at once: each page's must be its own."""
    dump = wcxb_dump("0004", "html_text")
    texts = [dump, "", _without_first_line(dump), wcxb_dump("0004", "inscriptis")]
    read = read_lines([segment_lines(text) for text in texts])
    pages = [
        (page.lines, page.features, page.probabilities, page.kept, page.lowered) for page in read
    ]
    scorer = _RowsSeen()
    find_titles(pages, scorer)
    alone = [title_candidates(*page) for page in pages]
    assert len(alone[1][0]) == 0  # the empty page
    assert np.array_equal(scorer.rows[0], np.vstack([rows for _, rows in alone]), equal_nan=True)
