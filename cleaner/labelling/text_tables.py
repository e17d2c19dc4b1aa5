"""Tables of a text dump whose rows are numbered: a ranking, a table of states or years.

A converter that writes each text node on a line of its own (BeautifulSoup's
``get_text("\\n")``) writes a table cell by cell: "1", "State Farm Group",
"107,764,591", "16.4", "2", "Berkshire Hathaway Ins", ... Each cell is a short
line that ends no sentence, as a menu's items are, and the line model removes
most of them, while the table is the article's (dev page 0286: 208 of its 400
cells kept). A converter that writes a row on a line keeps such a table whole.

Such a table shows as rows of a fixed number of short cells whose first cell
counts 1, 2, 3, ...: every ``period`` lines a number one higher than the last.
When it stands inside the article (a line kept just above its first row, and
one just below its last or a good share of its cells kept: a table may end an
article), its every cell is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np

from cleaner.resources import thresholds

# A row's number: "7", "12.", a cell alone on its line.
_ROW_NUMBER = re.compile(r"(\d{1,4})\.?")
_NUMBER_CHARS = 5


class LineColumns(NamedTuple):
    """The columns of the line features a table is found by, one value per line."""

    chars: np.ndarray
    digits: np.ndarray
    words: np.ndarray


def numbered_rows(
    lines: list[str],
    candidates: Iterable[int],
    words: np.ndarray,
    min_rows: int,
    max_period: int,
    max_cell_words: int,
) -> Iterator[tuple[int, int]]:
    """The spans (first line, line after the last) of the tables whose rows are numbered.

    A table has ``min_rows`` rows or more, each of the same number of lines (2 to
    ``max_period``), the first of which is the row's number, one more than the
    last row's; its other cells have at most ``max_cell_words`` words. Only the
    ``candidates`` lines (short, with a digit) are read as numbers.
    """
    numbers = [
        (index, int(found.group(1)))
        for index in candidates
        if (found := _ROW_NUMBER.fullmatch(lines[index])) is not None
    ]
    start = 0
    while start < len(numbers):
        end = start + 1
        period = numbers[end][0] - numbers[start][0] if end < len(numbers) else 0
        while (
            end < len(numbers)
            and 2 <= period <= max_period
            and numbers[end][0] - numbers[end - 1][0] == period
            and numbers[end][1] == numbers[end - 1][1] + 1
        ):
            end += 1
        if end - start >= min_rows:
            first = numbers[start][0]
            after = min(numbers[end - 1][0] + period, len(lines))
            if words[first:after].max() <= max_cell_words:
                yield first, after
            start = end
        else:
            start += 1


def cells_of_numbered_tables(lines: list[str], columns: LineColumns, kept: list[bool]) -> list[int]:
    """The lines of the numbered tables that stand inside the article, as the labels so far
    (``kept``) place it: a kept line within ``table_article_reach`` lines above the first
    row, and one as near below the last or ``table_min_kept_share`` of the cells kept.
    """
    limits = thresholds("text")
    reach = limits["table_article_reach"]
    candidates = np.flatnonzero((columns.chars <= _NUMBER_CHARS) & (columns.digits > 0))
    cells: list[int] = []
    for first, after in numbered_rows(
        lines,
        candidates.tolist(),
        columns.words,
        limits["table_min_rows"],
        limits["table_max_period"],
        limits["table_max_cell_words"],
    ):
        above = any(kept[max(first - reach, 0) : first])
        below = any(kept[after : after + reach])
        cells_kept = sum(kept[first:after]) / (after - first)
        if above and (below or cells_kept >= limits["table_min_kept_share"]):
            cells.extend(range(first, after))
    return cells
