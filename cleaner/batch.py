"""A batch run: sources in, three validated tables and ``run.json`` out.

The run is a pipeline of small steps over batches of pages:
read (``cleaner.inputs``) -> clean (``cleaner.pipeline.clean_page``, pure) ->
tabulate (``cleaner.tables.rows``) -> validate (``cleaner.validation``) ->
write (``cleaner.tables.writers``). Only one batch is in memory at a time.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Any

from cleaner.articles import Article
from cleaner.collector import collector_paused
from cleaner.inputs import Source, iter_pages
from cleaner.pipeline import clean_pages
from cleaner.resources import thresholds
from cleaner.tables.tabulate import Tables, new_validators, tabulate
from cleaner.tables.writers import Format, open_writer

OUTPUT_TABLES = ("articles", "blocks", "issues")
_VERSIONED_PACKAGES = ("cleaner", "lxml", "numpy", "py3langid", "pandera", "pandas", "pyarrow")


@dataclass
class RunReport:
    """What a run did: counted as it goes, written to ``run.json`` at the end."""

    inputs: list[str]
    out_dir: str
    file_format: str
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    started_monotonic: float = field(default_factory=time.monotonic)
    pages: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    blocks_by_kind: Counter[str] = field(default_factory=Counter)
    issues_by_check: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=Counter)

    @property
    def failed_pages(self) -> int:
        return self.pages - self.by_status["ok"]

    @property
    def issues(self) -> int:
        return sum(self.issues_by_check.values())

    @property
    def exit_code(self) -> int:
        """0 when every page is ok and valid; 1 when any page failed, was empty or invalid."""
        return 0 if self.failed_pages == 0 and self.issues == 0 else 1

    def add(self, articles: list[Article], tables: Tables) -> None:
        self.pages += len(articles)
        self.by_status.update(article.status for article in articles)
        self.blocks_by_kind.update(tables.blocks["kind"].value_counts().to_dict())
        issues = tables.issues
        # A row-wide issue has no column: None, or NaN once in a frame with column issues.
        self.issues_by_check.update(
            f"{table}.{column if isinstance(column, str) else '*'}:{check}"
            for table, column, check in zip(
                issues["table"], issues["column"], issues["check"], strict=True
            )
        )

    def to_json(self) -> dict[str, Any]:
        total = sum(self.seconds.values())
        return {
            "inputs": self.inputs,
            "out_dir": self.out_dir,
            "format": self.file_format,
            "started_at": self.started_at,
            "finished_at": datetime.now(UTC).isoformat(),
            "pages": self.pages,
            "pages_by_status": dict(self.by_status),
            "blocks_by_kind": dict(self.blocks_by_kind.most_common()),
            "issues_by_check": dict(self.issues_by_check.most_common()),
            "exit_code": self.exit_code,
            "wall_seconds": round(time.monotonic() - self.started_monotonic, 3),
            "cpu_seconds_by_step": {step: round(value, 3) for step, value in self.seconds.items()},
            "pages_per_cpu_second": round(self.pages / total, 2) if total else None,
            "versions": _versions(),
        }


def _versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for package in _VERSIONED_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


@contextmanager
def _timed(report: RunReport, step: str) -> Iterator[None]:
    """Adds the CPU time spent in a step to the report."""
    started = time.process_time()
    try:
        yield
    finally:
        report.seconds[step] += time.process_time() - started


ProgressCallback = Callable[[RunReport], None]


def run_batch(
    sources: Iterable[Source],
    out_dir: Path,
    file_format: Format = "parquet",
    progress: ProgressCallback | None = None,
) -> RunReport:
    """Clean every page of ``sources`` into ``out_dir``; returns what happened.

    Tables are written batch by batch; ``run.json`` is written last. The
    caller turns ``report.exit_code`` into the process's exit status.
    """
    sources = list(sources)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = RunReport(
        inputs=[source.name for source in sources], out_dir=str(out_dir), file_format=file_format
    )
    validators = new_validators()
    batch_size = int(thresholds("inputs")["batch_size"])
    pages = iter_pages(sources)
    with ExitStack() as stack:
        writers = {
            name: stack.enter_context(open_writer(out_dir, name, file_format))
            for name in OUTPUT_TABLES
        }
        while True:
            with _timed(report, "read"):
                batch = list(islice(pages, batch_size))
            if not batch:
                break
            # The batch's objects all live until it is written, and are freed before the
            # collector resumes: it never scans them.
            with collector_paused():
                with _timed(report, "clean"):
                    articles = clean_pages(batch)
                with _timed(report, "tabulate and validate"):
                    tables = tabulate(articles, validators)
                with _timed(report, "write"):
                    for name, frame in tables.frames().items():
                        writers[name].write(frame)
                report.add(articles, tables)
                del articles, tables, batch
            if progress is not None:
                progress(report)
    (out_dir / "run.json").write_text(
        json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8"
    )
    return report


def print_progress(report: RunReport) -> None:
    """Progress on standard error: one line rewritten in place on a terminal."""
    elapsed = time.monotonic() - report.started_monotonic
    rate = report.pages / elapsed if elapsed > 0 else 0.0
    minutes, seconds = divmod(int(elapsed), 60)
    line = (
        f"cleaner: {report.pages} pages, {report.failed_pages} not ok, "
        f"{report.issues} issues, {rate:.1f} pages/s, {minutes}m{seconds:02d}s"
    )
    if sys.stderr.isatty():
        print("\r" + line, end="", file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr, flush=True)


def end_progress() -> None:
    """Ends the progress line on a terminal, so the summary starts on a line of its own."""
    if sys.stderr.isatty():
        print(file=sys.stderr, flush=True)
