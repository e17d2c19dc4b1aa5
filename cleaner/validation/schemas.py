"""The data contracts: pandera schemas read from ``schemas/*.yaml``.

The YAML files live at the top of the repository and ship inside the package
as ``cleaner.schemas``; the cleaning run and ``cleaner check`` load them from
the same place, so there is one source of truth for what a valid table is.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import pandera.pandas as pa

import cleaner.validation.checks  # noqa: F401  (registers the checks the YAML names)
from cleaner.errors import UsageError

TABLE_NAMES = ("articles", "blocks", "issues", "pages")


def schema_text(name: str) -> str:
    """The YAML of a packaged schema."""
    return resources.files("cleaner.schemas").joinpath(f"{name}.yaml").read_text("utf-8")


@cache
def packaged_schema(name: str) -> pa.DataFrameSchema:
    """A packaged schema by table name, parsed once."""
    if name not in TABLE_NAMES:
        raise UsageError(
            f"unknown schema {name!r}: use one of {', '.join(TABLE_NAMES)} "
            "or the path of a pandera YAML file"
        )
    return pa.DataFrameSchema.from_yaml(schema_text(name))


def load_schema(name_or_path: str) -> pa.DataFrameSchema:
    """A packaged schema (``articles``, ``blocks``, ...) or a pandera YAML file."""
    if name_or_path in TABLE_NAMES:
        return packaged_schema(name_or_path)
    path = Path(name_or_path)
    if not path.is_file():
        raise UsageError(
            f"schema {name_or_path!r}: no such schema name or file "
            f"(names: {', '.join(TABLE_NAMES)})"
        )
    try:
        return pa.DataFrameSchema.from_yaml(path)
    except Exception as exc:  # pandera raises many types for a malformed file
        raise UsageError(f"schema {name_or_path}: not a pandera YAML schema: {exc}") from exc


def schema_for_table_file(path: Path) -> str | None:
    """The packaged schema a run's output file is validated with, from its name."""
    stem = path.name.split(".", 1)[0]
    return stem if stem in TABLE_NAMES else None
