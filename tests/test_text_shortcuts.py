"""The text path's shortcuts give what the plain reading gives.

``match_lines`` lower-cases a page line by line (not the joined page), and
``find_title`` passes over a candidate line when the headline stems written
anywhere in it cannot reach the best overlap. These tests feed them the
inputs where a shortcut could go wrong: letters whose lower case depends on
their neighbours or changes the text's length, and lines that hold a
headline stem inside a longer word.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np

from cleaner.blocks.block import Kind
from cleaner.blocks.text import segment_text
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text_sections import find_title

DUMP = Path(__file__).resolve().parent / "data" / "wcxb" / "0004.bs4.txt.gz"


def _words(lines: list[str]) -> np.ndarray:
    return np.array([len(line.split()) for line in lines], dtype=float)


def test_a_page_is_marked_as_its_lines_are_one_by_one():
    lines = [block.text for block in segment_text(gzip.decompress(DUMP.read_bytes()).decode())]
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


def test_the_title_is_the_line_that_best_repeats_the_page_title():
    lines = [
        "Rain returns to the valley | Example News",
        "Home",
        "Terrain and travel",  # "rain" is written in it, but no word of it starts so
        "Terrain returned, the valleys",  # shares three stems of five: a candidate
        "RAIN RETURNS TO THE VALLEY",  # the headline, in capitals
        "After weeks of drought the first storms reached the valley on Monday.",
    ]
    assert find_title(lines, _words(lines), 5, 30, 0.4) == 4
    assert find_title(lines[:4], _words(lines[:4]), 3, 30, 0.4) == 3
    # No line below repeats it: the first line, itself short, is the fallback.
    assert find_title(lines[:3], _words(lines[:3]), 2, 30, 0.4) == 0
