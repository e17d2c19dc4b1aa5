"""The text path's shortcuts give what the plain reading gives.

``match_lines`` lower-cases a page line by line (not the joined page). This
test feeds it the inputs where that could go wrong: letters whose lower case
depends on their neighbours or changes the text's length.
"""

from __future__ import annotations

from cleaner.blocks.block import Kind
from cleaner.blocks.text import segment_lines
from cleaner.labelling.phrases import phrase_book
from tests.conftest import wcxb_dump


def test_a_page_is_marked_as_its_lines_are_one_by_one():
    lines = segment_lines(wcxb_dump("0004", "bs4"))
    lines += [
        "ΟΔΥΣΣΕΥΣ",  # a final capital sigma lower-cases to "ς", by its neighbours
        "İİİİ İİİİ",  # "İ" lower-cases to two characters: the lines after it move
        "Photos: all rights reserved",
        "Share this article",
    ]
    book = phrase_book()
    markers = book.match_lines(lines)
    assert markers == [book.match(line) for line in lines]
    assert markers[-3:] == [
        None,
        (Kind.LEGAL, "all rights reserved"),
        (Kind.SHARE, "share this article"),
    ]
