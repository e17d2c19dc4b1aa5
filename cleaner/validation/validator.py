"""Validating tables batch by batch, and turning failures into issue rows.

Validation is lazy (every failure, not the first) and its failures are data:
each becomes a row of the issues table, naming the page, the column, the check
and the offending value. A ``TableValidator`` remembers the values of unique
columns across batches, so a duplicated ``doc_id`` is found however far apart
the two rows are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from cleaner.validation.checks import evidence, explain

_MAX_CASE_CHARS = 200


def _shorten(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value)
    return text if len(text) <= _MAX_CASE_CHARS else text[: _MAX_CASE_CHARS - 1] + "…"


def _message(column: str | None, check: str, case: str | None, culprit: str | None) -> str:
    where = f"column {column!r}" if column else "row"
    value = "" if case is None else f" (value {case!r})"
    if culprit is not None:
        value = f" (paragraph {culprit.strip()!r} of value {case!r})"
    explanation = explain(check)
    return f"{where} fails {check}{value}" + (f": {explanation}" if explanation else "")


@dataclass
class TableValidator:
    """Validates successive frames of one table against one schema.

    With ``across_batches`` the values of unique columns are remembered (as
    64-bit hashes) so duplicates in different batches are found too; that
    costs memory per row, so a cleaning run, whose ids are unique by
    construction (they hash the unique source name), leaves it off.
    """

    table: str
    schema: pa.DataFrameSchema
    across_batches: bool = True
    _seen: dict[str, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.across_batches:
            for name, column in self.schema.columns.items():
                if column.unique:
                    self._seen[name] = set()

    def validate(
        self, frame: pd.DataFrame, sources: Mapping[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """The issues of one frame; ``sources`` maps doc_id to source for tables without it."""
        frame = frame.reset_index(drop=True)
        issues = self._schema_issues(frame) + self._cross_batch_duplicates(frame)
        for issue in issues:
            row = issue.pop("_row")
            in_frame = row is not None and row < len(frame)
            if in_frame and "doc_id" in frame:
                issue["doc_id"] = _shorten(frame.at[row, "doc_id"])
            if issue.get("doc_id") is not None:
                if in_frame and "source" in frame:
                    issue["source"] = _shorten(frame.at[row, "source"])
                elif sources:
                    issue["source"] = sources.get(issue["doc_id"])
        return issues

    def _issue(self, row: int | None, column: str | None, check: str, case: Any) -> dict[str, Any]:
        shown = _shorten(case)
        return {
            "_row": row,
            "doc_id": None,
            "source": None,
            "table": self.table,
            "column": column,
            "check": check,
            "failure_case": shown,
            "message": _message(column, check, shown, evidence(check, case)),
        }

    def _schema_issues(self, frame: pd.DataFrame) -> list[dict[str, Any]]:
        try:
            self.schema.validate(frame, lazy=True)
        except SchemaErrors as errors:
            return self._from_failure_cases(errors.failure_cases)
        except SchemaError as error:  # raised for problems lazy mode cannot defer
            return [self._issue(None, None, "schema", str(error))]
        return []

    def _from_failure_cases(self, cases: pd.DataFrame) -> list[dict[str, Any]]:
        issues = []
        frame_checks_seen: set[tuple[Any, str]] = set()
        for case in cases.to_dict("records"):
            row = case.get("index")
            row = None if row is None or pd.isna(row) else int(row)
            check = str(case.get("check"))
            column = case.get("column")
            if (
                case.get("schema_context") == "DataFrameSchema"
                and column in self.schema.columns
                and check not in ("column_in_dataframe", "column_in_schema")
            ):
                # A row-level check fails once per row, not once per column of the row.
                if (row, check) in frame_checks_seen:
                    continue
                frame_checks_seen.add((row, check))
                column, case["failure_case"] = None, None
            if column not in self.schema.columns:
                column = None  # a check that failed for the frame as a whole
            issues.append(self._issue(row, column, check, case.get("failure_case")))
        return issues

    def _cross_batch_duplicates(self, frame: pd.DataFrame) -> list[dict[str, Any]]:
        issues = []
        for name, seen in self._seen.items():
            if name not in frame:
                continue
            values = frame[name].dropna()
            hashes = pd.util.hash_pandas_object(values.astype(str), index=False).tolist()
            for row, value, key in zip(values.index, values, hashes, strict=True):
                if key in seen:
                    issues.append(self._issue(int(row), name, "field_uniqueness", value))
            seen.update(hashes)
        return issues
