"""A table written cell by cell, its rows numbered 1, 2, 3, ..., is kept whole inside the
article; a numbered list of teasers below it is not."""

from pathlib import Path

import numpy as np

import cleaner
from cleaner.blocks.block import Kind
from cleaner.labelling.text_tables import numbered_rows

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_TABLE_REASON = "rule: a cell of a table whose rows are numbered, inside the article"

# The largest producers, as BeautifulSoup writes a table: one cell a line.
TABLE = [
    "Largest producers of rare earth metals, 2024",
    "Rank",
    "Country",
    "Output (tonnes)",
    *[
        cell
        for number, (country, tonnes) in enumerate(
            [
                ("China", "270,000"),
                ("United States", "45,000"),
                ("Myanmar", "31,000"),
                ("Australia", "13,000"),
                ("Nigeria", "13,000"),
                ("Thailand", "13,000"),
                ("India", "2,900"),
            ],
            start=1,
        )
        for cell in (str(number), country, tonnes)
    ],
    "Source: national geological surveys",
]


def _seed_lines() -> list[str]:
    return (SEEDS / "read-next-news.txt").read_text(encoding="utf-8").splitlines()


def _with_table(lines: list[str]) -> list[str]:
    heading = lines.index("Strategic Importance of Rare Earth Metals")
    return lines[: heading + 2] + TABLE + lines[heading + 2 :]


def test_a_numbered_table_inside_the_article_is_kept_cell_by_cell():
    article = cleaner.clean_text("\n".join(_with_table(_seed_lines())))
    cells = {block.text: block for block in article.blocks}
    for cell in ("1", "China", "270,000", "4", "Australia", "7", "India", "2,900"):
        assert cells[cell].kept, cell
    ruled = [block for block in article.blocks if block.reason == _TABLE_REASON]
    assert len(ruled) >= 10
    assert all(block.kind is Kind.BODY for block in ruled)
    for paragraph in _seed_lines()[2:5]:
        assert paragraph in article.body


def test_rows_are_found_by_their_numbers_and_their_period():
    lines = _with_table(_seed_lines())
    (first, after), *others = _rows(lines)
    assert not others
    assert lines[first] == "1" and lines[after - 1] == "2,900"
    # Rows of changing length, or numbers that do not count up, are no such table.
    shuffled = ["1", "a", "b", "2", "c", "3", "d", "e", "4", "f", "g", "5", "h", "i", "6"]
    assert _rows(shuffled) == []
    repeated = ["1", "Page", "1", "Page", "1", "Page", "1", "Page", "1", "Page", "1"]
    assert _rows(repeated) == []


def _rows(lines: list[str]) -> list[tuple[int, int]]:
    words = np.array([float(len(line.split())) for line in lines])
    return list(numbered_rows(lines, range(len(lines)), words, 5, 8, 8))


def test_a_numbered_list_of_teasers_after_a_read_next_marker_stays_removed():
    lines = _seed_lines()
    read_next = lines.index("Read next")
    teasers = [
        cell
        for number, title in enumerate(
            [
                "Ukraine grain deal talks resume",
                "Oil prices fall on supply fears",
                "Central bank holds interest rates",
                "New sanctions target shipping firms",
                "Election results due on Sunday",
            ],
            start=1,
        )
        for cell in (str(number), title)
    ]
    article = cleaner.clean_text("\n".join(lines[: read_next + 1] + teasers))
    removed = {block.text for block in article.blocks if not block.kept}
    assert {"Oil prices fall on supply fears", "Election results due on Sunday"} <= removed
    assert not any(block.reason == _TABLE_REASON for block in article.blocks)
