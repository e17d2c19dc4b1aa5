"""Reading tables (JSONL, CSV, Parquet, JSONL on standard input) in batches.

The same reader serves two callers: a table of pages to clean (each row a
page, ``html`` or ``text`` column, optional ``url``), and ``cleaner check``
validating any table. Reading in batches keeps memory flat however long the
table is.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import sys
import uuid
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


def _open_text(source: Source, encoding: str = "utf-8", newline: str | None = None) -> IO[str]:
    """The source's text, bad bytes replaced; ``encoding`` and ``newline`` as for ``open``."""
    if source.kind == "stdin":
        return io.TextIOWrapper(
            sys.stdin.buffer, encoding=encoding, errors="replace", newline=newline
        )
    if source.compressed:
        return gzip.open(source.path, "rt", encoding=encoding, errors="replace", newline=newline)
    return open(source.path, encoding=encoding, errors="replace", newline=newline)


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


# Fed to the csv module as one more line after a CSV file's last (see _csv_rows).
# It is random per process, so a file that holds it is not to be feared.
_END_OF_FILE = f"cleaner:end-of-file:{uuid.uuid4().hex}"
# The csv module refuses fields over 128 KiB, and pages are often larger; a
# C long (32 bits on Windows) is the most it takes.
_CSV_FIELD_LIMIT = 2**31 - 1


def _read_csv_options(source: Source) -> dict[str, Any]:
    return {
        "keep_default_na": False,
        "na_values": [""],
        "compression": "gzip" if source.compressed else None,
        # As for JSONL and page files: bad bytes become U+FFFD. With the strict
        # default, one bad byte ended the table at the chunk it was in.
        "encoding_errors": "replace",
    }


def _csv_frames(
    source: Source, batch_size: int, strict: bool, string_columns: Collection[str] | None
) -> Iterator[pd.DataFrame]:
    """A CSV table's frames, read by pandas' C parser while it can read them.

    The C parser stops at the first row with more fields than the header
    (``ParserError``), which used to cost the whole rest of the table, and the
    rows before it in that chunk. The file is then read again row by row
    (``_csv_frames_row_by_row``) from the first record not yet yielded, so each
    bad row costs that row only. The C parser stays the reader of well-formed
    files, which are nearly all of them: it is many times faster.
    """
    dtype: type | dict[str, str] = (
        str if string_columns is None else dict.fromkeys(string_columns, "str")
    )
    yielded = 0
    last_row: list[Any] | None = None
    try:
        with pd.read_csv(
            source.path, chunksize=batch_size, dtype=dtype, **_read_csv_options(source)
        ) as chunks:
            for frame in chunks:
                if not isinstance(frame.index, pd.RangeIndex):
                    # When the first row has more fields than the header, pandas takes
                    # the extra leading fields as the frame's index and shifts every
                    # row's values one column along, silently.
                    raise pd.errors.ParserError("the first row has more fields than the header")
                yield frame
                yielded += len(frame)
                if len(frame):
                    last_row = frame.iloc[-1].tolist()
        return
    except pd.errors.ParserError as exc:
        failure = exc
    yield from _csv_frames_row_by_row(
        source, batch_size, strict, yielded, None if strict else last_row, failure
    )


def _csv_rows(source: Source) -> Iterator[tuple[list[str], bool]]:
    """The fields of each record of a CSV file, header first; and whether it is complete.

    The records are split as pandas' C parser splits them, so their count
    matches its row count: a line that is empty or only spaces and tabs is
    skipped, as that parser skips it, but not when those are quoted (``" "``),
    which the fields alone do not tell, so the record's lines are kept until
    the next. A record is incomplete when the file ends inside its quoted
    field (a file cut short); the csv module does not say so, but it reads the
    line appended after the file's last one into that field, which shows it.
    """
    record_lines: list[str] = []

    def kept(lines: Iterator[str]) -> Iterator[str]:
        for line in lines:
            record_lines.append(line)
            yield line

    # ``newline=""`` keeps a quoted ``\r\n`` as pandas' C parser keeps it; ``utf-8-sig``
    # drops a byte-order mark, as that parser does.
    with _open_text(source, encoding="utf-8-sig", newline="") as lines:
        reader = csv.reader(kept(itertools.chain(lines, [_END_OF_FILE])), strict=False)
        while True:
            record_lines.clear()
            # Restored at once: the limit is the whole process's.
            previous_limit = csv.field_size_limit(_CSV_FIELD_LIMIT)
            try:
                fields = next(reader, None)
            finally:
                csv.field_size_limit(previous_limit)
            if fields is None or fields == [_END_OF_FILE]:
                return
            if not fields or (
                len(fields) == 1
                and not fields[0].strip(" \t")
                and not any('"' in line for line in record_lines)
            ):
                continue
            if fields[-1].endswith(_END_OF_FILE):
                fields[-1] = fields[-1].removesuffix(_END_OF_FILE)
                yield fields, False
                return
            yield fields, True


def _missing_as_none(values: list[Any]) -> list[Any]:
    """``values`` with pandas' NaN and None alike None, so two readings compare equal."""
    return [
        None if value is None or (not isinstance(value, str) and pd.isna(value)) else value
        for value in values
    ]


def _csv_frames_row_by_row(
    source: Source,
    batch_size: int,
    strict: bool,
    already_yielded: int,
    last_yielded_row: list[Any] | None,
    failure: pd.errors.ParserError,
) -> Iterator[pd.DataFrame]:
    """The records of a CSV file after ``already_yielded``, a bad one as a record of its error.

    A row with more fields than the header, or a quoted field the file ends
    inside, becomes a record holding only ``BAD_RECORD_COLUMN`` at its place,
    so the rows after it keep their numbers. A row with fewer fields is padded
    with missing values, as pandas pads it. Every column is text, as pandas
    reads a table of pages. With ``strict`` the first bad row raises
    ``ValueError`` instead, and the frames are not yielded: their columns would
    not have the types the caller asked for.

    Should this reading disagree with pandas' on the last row it yielded (a
    difference between the two parsers), reading stops with pandas' error
    rather than yield rows twice or skip some.
    """
    names = [
        str(name) for name in pd.read_csv(source.path, nrows=0, **_read_csv_options(source)).columns
    ]
    rows = _csv_rows(source)
    header, _ = next(rows, ([], True))
    if len(header) != len(names):
        raise failure
    width = len(names)
    last_skipped: list[str | None] | None = None
    for _ in range(already_yielded):
        skipped = next(rows, None)
        if skipped is None:
            raise failure
        last_skipped = [value or None for value in skipped[0]]
    if last_yielded_row is not None and last_skipped is not None:
        padded = last_skipped + [None] * (width - len(last_skipped))
        if padded != _missing_as_none(last_yielded_row):
            raise failure
    batch: list[list[Any]] = []
    for record, (fields, complete) in enumerate(rows, start=already_yielded + 1):
        if not complete:
            problem = f"row {record}: the file ends inside a quoted field"
        elif len(fields) > width:
            problem = f"row {record}: {len(fields)} fields where the header has {width}"
        else:
            problem = None
        if strict:
            if problem is not None:
                raise ValueError(problem) from failure
            continue
        if problem is None:
            values = [value or None for value in fields] + [None] * (width - len(fields))
            batch.append([*values, None])
        else:
            batch.append([None] * width + [problem])
        if len(batch) >= batch_size:
            yield pd.DataFrame(batch, columns=[*names, BAD_RECORD_COLUMN]).astype("str")
            batch = []
    if batch:
        yield pd.DataFrame(batch, columns=[*names, BAD_RECORD_COLUMN]).astype("str")
    if strict:
        # Row by row, nothing is wrong: the C parser's complaint is the one to report.
        raise failure


def _frames(
    source: Source, batch_size: int, strict: bool, string_columns: Collection[str] | None
) -> Iterator[pd.DataFrame]:
    name = source.name.lower().removesuffix(".gz")
    if source.kind == "stdin" or name.endswith((".jsonl", ".ndjson")):
        for records in _jsonl_records(source, batch_size, strict):
            yield pd.DataFrame.from_records(records)
    elif name.endswith(".csv"):
        yield from _csv_frames(source, batch_size, strict, string_columns)
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
    check``); otherwise a bad JSONL line or CSV row becomes a record carrying
    its error, and a file that breaks off yields a last chunk saying where. CSV columns
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
