"""Arrow column types, derived from the schemas, so Parquet files match the contracts.

A batch with no rows (or only nulls in a column) still writes the right
types, and every batch of a run writes the same Parquet schema.
"""

from __future__ import annotations

from functools import cache

import pyarrow as pa

from cleaner.validation.schemas import packaged_schema


def _arrow_type(pandera_dtype: str) -> pa.DataType:
    name = pandera_dtype.lower()
    if name.startswith("datetime64"):
        return pa.timestamp("us", tz="UTC" if "utc" in name else None)
    if name in ("bool", "boolean"):
        return pa.bool_()
    if name.startswith(("int", "uint")):
        return pa.int64()
    if name.startswith("float"):
        return pa.float64()
    return pa.string()


@cache
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a packaged table, in the schema's column order."""
    columns = packaged_schema(table).columns
    return pa.schema(
        [
            pa.field(name, _arrow_type(str(column.dtype)), nullable=column.nullable)
            for name, column in columns.items()
        ]
    )
