"""Dumps labelled together get exactly what each gets alone: no context crosses a page."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cleaner.blocks.text import segment_lines, segment_text
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text import label_text_blocks, label_text_lines, label_text_pages
from cleaner.labelling.text_features import FEATURE_NAMES, line_features, pages_line_features
from tests.conftest import wcxb_dump

DATA = Path(__file__).resolve().parent / "data"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "read-next-news.txt"


def _dumps() -> list[str]:
    """Real dumps: the seed, the news pages in nine languages, a dev page from two converters."""
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8") for path in sorted((DATA / "text").glob("*.txt"))]
    texts += [wcxb_dump("0004", converter) for converter in ("html_text", "bs4")]
    return texts


def test_features_of_pages_together_are_each_page_alone() -> None:
    pages = [segment_lines(text) for text in _dumps()]
    pages.insert(3, [])  # a page without lines has no rows and shifts nothing
    book = phrase_book()
    markers = [book.match_lines(lines) for lines in pages]
    together = pages_line_features(pages, markers)
    alone = np.vstack(
        [line_features(lines, found) for lines, found in zip(pages, markers, strict=True)]
    )
    assert together.shape == (sum(map(len, pages)), len(FEATURE_NAMES))
    # Exactly, NaN where a neighbour is past the page's end included.
    assert np.array_equal(together, alone, equal_nan=True)


def test_context_stops_at_the_edges_of_a_page() -> None:
    first, second = segment_lines(_dumps()[0]), segment_lines(_dumps()[1])
    book = phrase_book()
    together = pages_line_features(
        [first, second], [book.match_lines(first), book.match_lines(second)]
    )
    column = {name: index for index, name in enumerate(FEATURE_NAMES)}
    last_of_first, first_of_second = len(first) - 1, len(first)
    assert np.isnan(together[last_of_first, column["words@+1"]])
    assert np.isnan(together[first_of_second, column["words@-1"]])
    assert together[first_of_second, column["position"]] == 0.0


def test_labels_of_pages_together_are_each_page_alone() -> None:
    pages = [segment_text(text) for text in _dumps()]
    assert label_text_pages(pages) == [label_text_blocks(blocks) for blocks in pages]


def test_labelling_lines_gives_the_blocks_labelling_blocks_gives() -> None:
    texts = _dumps()
    labelled = label_text_pages([segment_text(text) for text in texts])
    assert label_text_lines([segment_lines(text) for text in texts]) == labelled
    assert any(block.kept for blocks in labelled for block in blocks)


def test_a_date_is_read_within_a_line_not_across_two() -> None:
    lines = ["Posted in News and Features, June", "12 comments so far on this story"]
    features = line_features(lines, phrase_book().match_lines(lines))
    month_date = features[:, FEATURE_NAMES.index("month_date")]
    assert month_date.tolist() == [0.0, 0.0]
    lines = ["Christmas menu drops for the holidays", "December 16, 2025 No Comments"]
    features = line_features(lines, phrase_book().match_lines(lines))
    assert features[:, FEATURE_NAMES.index("month_date")].tolist() == [0.0, 1.0]
