"""Articles as tidy rows: one frame of articles, one of blocks, one of issues.

Column names and order come from the schemas (the contracts), so a table is
built exactly as it will be validated and written.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa

from cleaner.articles import Article
from cleaner.blocks.block import Kind
from cleaner.validation.schemas import packaged_schema

# Each kind's name, looked up: cheaper per block than asking the enum.
_KIND_NAMES = {kind: kind.value for kind in Kind}


def columns_of(table: str) -> list[str]:
    """The columns of a table, in the order its schema declares."""
    return list(packaged_schema(table).columns)


def articles_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """One row per article (the blocks go to their own table)."""
    columns = columns_of("articles")
    rows = [{name: getattr(article, name) for name in columns} for article in articles]
    frame = pd.DataFrame.from_records(rows, columns=columns)
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    return frame.astype({"word_count": "int64", "n_blocks_removed": "int64"})


def blocks_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """One row per block of every article, in page order.

    Built column by column, straight from the blocks: a run makes hundreds of
    block rows per page, and a tuple per row would cost more than the frame
    (every new container object feeds the garbage collector, which then walks
    the whole batch's blocks).
    """
    blocks = list(chain.from_iterable(article.blocks for article in articles))
    columns = {
        "doc_id": _repeated_text_column(
            [article.doc_id for article in articles],
            [len(article.blocks) for article in articles],
        ),
        "position": np.array([block.position for block in blocks], dtype=np.int64),
        "text": _text_column([block.text for block in blocks]),
        "kept": np.array([block.kept for block in blocks], dtype=bool),
        "kind": _text_column([_KIND_NAMES[block.kind] for block in blocks]),
        "reason": _text_column([block.reason for block in blocks]),
    }
    return pd.DataFrame(columns)[columns_of("blocks")]


def _text_column(values: list[str]) -> pd.api.extensions.ExtensionArray:
    """A pandas text column from Python strings, converted by Arrow in one call.

    The same column ``pd.DataFrame`` would make of the list (pandas keeps its
    text in Arrow), at less than half the cost: given a list, pandas first
    checks and converts the values one by one.
    """
    return pd.array(pa.array(values, type=pa.large_string(), from_pandas=True), dtype="str")


def _repeated_text_column(values: list[str], times: list[int]) -> pd.api.extensions.ExtensionArray:
    """``_text_column`` of each of ``values`` repeated its number of ``times``: each value is
    converted once, and Arrow repeats it (a page's id, for its hundreds of blocks)."""
    repeated = np.repeat(np.arange(len(values)), times)
    return pd.array(pa.array(values, type=pa.large_string()).take(repeated), dtype="str")


def issues_frame(issues: Sequence[dict]) -> pd.DataFrame:
    """One row per problem found by validation."""
    return pd.DataFrame.from_records(list(issues), columns=columns_of("issues"))
