"""Where a table is written: Parquet (default), CSV or JSONL, one batch at a time.

A writer is opened once per table and run, takes frames as the run produces
them, and is closed at the end; memory holds one batch, not the run. Every
table file exists at the end of a run, even with no rows, so a pipeline can
always read it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Literal

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from cleaner.tables.columns import arrow_schema

Format = Literal["parquet", "csv", "jsonl"]
FORMATS: tuple[Format, ...] = ("parquet", "csv", "jsonl")


class TableWriter(ABC):
    """Appends frames of one table to one file."""

    def __init__(self, path: Path, table: str) -> None:
        self.path = path

    @abstractmethod
    def write(self, frame: pd.DataFrame) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class ParquetWriter(TableWriter):
    """Each batch becomes a row group of one Parquet file with the contract's types."""

    def __init__(self, path: Path, table: str) -> None:
        super().__init__(path, table)
        self._schema = arrow_schema(table)
        self._writer = pq.ParquetWriter(path, self._schema, compression="zstd")

    def write(self, frame: pd.DataFrame) -> None:
        if len(frame):
            batch = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
            self._writer.write_table(batch)

    def close(self) -> None:
        self._writer.close()


class CsvWriter(TableWriter):
    """A CSV file with a header row; times in ISO 8601."""

    def __init__(self, path: Path, table: str) -> None:
        super().__init__(path, table)
        pd.DataFrame(columns=arrow_schema(table).names).to_csv(path, index=False)

    def write(self, frame: pd.DataFrame) -> None:
        frame.to_csv(
            self.path, mode="a", header=False, index=False, date_format="%Y-%m-%dT%H:%M:%SZ"
        )

    def close(self) -> None:
        pass


class JsonlWriter(TableWriter):
    """One JSON object per line; times in ISO 8601, missing values as null."""

    def __init__(self, path: Path, table: str) -> None:
        super().__init__(path, table)
        path.write_text("", encoding="utf-8")

    def write(self, frame: pd.DataFrame) -> None:
        if len(frame):
            text = frame.to_json(
                orient="records", lines=True, date_format="iso", date_unit="s", force_ascii=False
            )
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(text if text.endswith("\n") else text + "\n")

    def close(self) -> None:
        pass


_WRITERS: dict[Format, type[TableWriter]] = {
    "parquet": ParquetWriter,
    "csv": CsvWriter,
    "jsonl": JsonlWriter,
}


def open_writer(out_dir: Path, table: str, file_format: Format) -> TableWriter:
    """A writer for ``OUT/<table>.<format>``."""
    return _WRITERS[file_format](out_dir / f"{table}.{file_format}", table)
