"""Reading tables (JSONL, CSV, Parquet, JSONL on standard input) in batches.

The same reader serves two callers: a table of pages to clean (each row a
page, ``html`` or ``text`` column, optional ``url``), and ``cleaner check``
validating any table. Reading in batches keeps memory flat however long the
table is.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import IO, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from cleaner.inputs.sources import Source
from cleaner.pages import without_surrogates

BAD_RECORD_COLUMN = "__read_error__"


@dataclass(frozen=True, slots=True)
class TableChunk:
    """Consecutive records of a table; ``first_record`` numbers the first from 1.

    A chunk with ``error`` set says reading stopped there (a truncated or
    corrupt file); its frame is empty.
    """

    frame: pd.DataFrame
    first_record: int
    error: str | None = None


def _open_text(source: Source) -> IO[str]:
    if source.kind == "stdin":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    if source.compressed:
        return gzip.open(source.path, "rt", encoding="utf-8", errors="replace")
    return open(source.path, encoding="utf-8", errors="replace")


def _json_without_surrogates(value: Any) -> Any:
    """A decoded JSON value with lone surrogates replaced in every string and key."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {
            without_surrogates(key): _json_without_surrogates(item) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_json_without_surrogates(item) for item in value]
    return value


def _jsonl_records(source: Source, batch_size: int, strict: bool) -> Iterator[list[dict]]:
    """The table's records in lists of ``batch_size``; a bad line is a record of its error.

    A line's text is decoded with replacement, so a lone surrogate can only
    come from a ``\\u`` escape: valid JSON that Arrow, and so a pandas frame,
    cannot hold. It is replaced here, because one such string would make the
    whole batch's frame fail and end the table there.
    """
    records: list[dict] = []
    with _open_text(source) as lines:
        for line_number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError(f"a JSON {type(record).__name__}, not an object")
                if "\\u" in line:
                    record = _json_without_surrogates(record)
            except (ValueError, RecursionError) as exc:
                # json's decoder recurses once per level of nesting: deep nesting is a bad line.
                reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
                message = f"line {line_number}: not a JSON object ({reason})"
                if strict:
                    raise ValueError(message) from exc
                record = {BAD_RECORD_COLUMN: message}
            records.append(record)
            if len(records) >= batch_size:
                yield records
                records = []
    if records:
        yield records


def _with_valid_utf8(column: pa.Array) -> pa.Array:
    """A string column with its invalid UTF-8 replaced by U+FFFD; other columns as they are."""
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return column
    try:
        column.validate(full=True)
        return column
    except pa.ArrowInvalid:
        pass
    as_bytes = column.view(pa.binary() if pa.types.is_string(column.type) else pa.large_binary())
    texts = [raw if raw is None else raw.decode("utf-8", "replace") for raw in as_bytes.to_pylist()]
    return pa.array(texts, type=column.type)


def _valid_parquet_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with its text made valid UTF-8, as JSONL and CSV are decoded.

    Arrow's string type promises UTF-8, but a Parquet file from another
    writer may break that promise, and reading it does not check. Nothing
    failed until pandas converted the bad value to a Python string while
    pages were made, outside ``read_table``'s handler, so the whole run
    stopped. Checking costs one pass in C++; only a column that fails it is
    decoded again, in Python. Bad text nested in lists or structs stays
    invalid and raises here, so it becomes an error chunk, not a crash.
    """
    try:
        batch.validate(full=True)
        return batch
    except pa.ArrowInvalid:
        pass
    columns = [_with_valid_utf8(column) for column in batch.columns]
    repaired = pa.RecordBatch.from_arrays(columns, schema=batch.schema)
    repaired.validate(full=True)
    return repaired


def _frames(
    source: Source, batch_size: int, strict: bool, string_columns: Collection[str] | None
) -> Iterator[pd.DataFrame]:
    name = source.name.lower().removesuffix(".gz")
    if source.kind == "stdin" or name.endswith((".jsonl", ".ndjson")):
        for records in _jsonl_records(source, batch_size, strict):
            yield pd.DataFrame.from_records(records)
    elif name.endswith(".csv"):
        dtype: type | dict[str, str] = (
            str if string_columns is None else dict.fromkeys(string_columns, "str")
        )
        yield from pd.read_csv(
            source.path,
            chunksize=batch_size,
            dtype=dtype,
            keep_default_na=False,
            na_values=[""],
            compression="gzip" if source.compressed else None,
            # As for JSONL and page files: bad bytes become U+FFFD. With the strict
            # default, one bad byte ended the table at the chunk it was in.
            encoding_errors="replace",
        )
    elif name.endswith(".parquet"):
        for batch in pq.ParquetFile(source.path).iter_batches(batch_size=batch_size):
            yield _valid_parquet_batch(batch).to_pandas()
    else:
        raise ValueError(f"{source.name}: not a table (.jsonl, .csv or .parquet)")


def read_table(
    source: Source,
    batch_size: int,
    *,
    strict: bool = False,
    string_columns: Collection[str] | None = None,
) -> Iterator[TableChunk]:
    """The table's records in chunks of ``batch_size``.

    With ``strict`` any unreadable part raises ``ValueError`` (for ``cleaner
    check``); otherwise a bad JSONL line becomes a record carrying its error,
    and a file that breaks off yields a last chunk saying where. CSV columns
    named in ``string_columns`` (all, when None) are read as text, so ids of
    digits keep their leading zeros.
    """
    first_record = 1
    try:
        for frame in _frames(source, batch_size, strict, string_columns):
            yield TableChunk(frame.reset_index(drop=True), first_record)
            first_record += len(frame)
    except (OSError, ValueError, EOFError, UnicodeError, pd.errors.ParserError) as exc:
        # pyarrow's errors for a corrupt Parquet file are OSError and ValueError too.
        where = "" if first_record == 1 else f" after record {first_record - 1}"
        message = f"cannot read the table{where}: {exc}"
        if strict:
            raise ValueError(f"{source.name}: {message}") from exc
        yield TableChunk(pd.DataFrame(), first_record, message)
