"""``cleaner check``: validate any table file against a contract, batch by batch.

This is what other projects run in CI. It reads the table in batches (memory
stays flat), collects every failure (lazy validation), and returns them as
issue rows that the command line summarises and can write to a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from cleaner.errors import ReadError, UsageError
from cleaner.inputs.sources import TABLE_SUFFIXES, classify
from cleaner.inputs.tables import read_table
from cleaner.validation.schemas import load_schema, schema_for_table_file
from cleaner.validation.validator import TableValidator

CHECK_BATCH_ROWS = 50_000


@dataclass
class CheckResult:
    """The outcome of checking one table file."""

    path: str
    schema: str
    rows: int = 0
    issues: list[dict[str, Any]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.issues


def _is_text(column: pa.Column) -> bool:
    return str(column.dtype).startswith(("str", "string"))


def _text_columns(schema: pa.DataFrameSchema) -> list[str]:
    return [name for name, column in schema.columns.items() if _is_text(column)]


def _restore_empty_strings(frame: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """CSV cannot tell "" from missing: read an empty required text field as ""."""
    for name, column in schema.columns.items():
        if name in frame and not column.nullable and _is_text(column):
            frame[name] = frame[name].fillna("")
    return frame


def tables_in(path: Path) -> list[Path]:
    """The table files to check: the file itself, or a run folder's known tables."""
    if path.is_dir():
        found = sorted(
            child
            for child in path.iterdir()
            if child.is_file()
            and schema_for_table_file(child) is not None
            and classify(child.name) is not None
        )
        if not found:
            raise UsageError(f"{path}: folder has no articles, blocks, issues or pages table")
        return found
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    return [path]


def check_table(path: Path, schema_name: str | None) -> CheckResult:
    """Validate one table file; raises ``UsageError``/``ReadError`` when it cannot."""
    name = schema_name or schema_for_table_file(path)
    if name is None:
        raise UsageError(
            f"{path}: cannot tell which schema to use from the file name; "
            "pass --schema articles|blocks|pages|issues|PATH"
        )
    source = classify(str(path))
    if source is None or source.kind != "table":
        raise UsageError(f"{path}: not a table file ({', '.join(TABLE_SUFFIXES)})")
    schema = load_schema(name)
    validator = TableValidator(schema.name or Path(name).stem, schema)
    result = CheckResult(path=str(path), schema=name)
    is_csv = path.name.lower().removesuffix(".gz").endswith(".csv")
    try:
        for chunk in read_table(
            source,
            CHECK_BATCH_ROWS,
            strict=True,
            string_columns=_text_columns(schema),
        ):
            frame = _restore_empty_strings(chunk.frame, schema) if is_csv else chunk.frame
            result.issues.extend(validator.validate(frame))
            result.rows += len(frame)
    except ValueError as exc:
        raise ReadError(str(exc)) from exc
    return result
