"""The command line: ``cleaner clean`` and ``cleaner check``.

Exit status, for scripts:
    0  everything is fine (all pages ok / the table is valid)
    1  the run finished but some pages failed or are empty, or the table is invalid
    2  usage or read error: a missing path, an unknown option, an unreadable table
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from cleaner import __version__
from cleaner.batch import end_progress, print_progress, run_batch
from cleaner.errors import ReadError, UsageError
from cleaner.inputs import expand_sources
from cleaner.inputs.sources import TABLE_SUFFIXES
from cleaner.tables.rows import issues_frame
from cleaner.tables.writers import FORMATS
from cleaner.validation.check import CheckResult, check_table, tables_in

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_EXAMPLES_SHOWN = 3


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleaner",
        description=(
            "Separate the article from the clutter of scraped pages, validate it, and write "
            "tidy tables."
        ),
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    clean = commands.add_parser(
        "clean",
        help="clean pages into tables",
        description=(
            "Clean HTML pages (.html, .htm), text dumps (.txt, .md), each optionally .gz, and "
            "tables of pages (.jsonl, .csv, .parquet with an html, text or markdown column and an "
            "optional url column; - reads JSONL from standard input) into OUT/articles, "
            "OUT/blocks, OUT/issues and OUT/run.json. Exit 0 when every page is ok, 1 when some "
            "failed."
        ),
    )
    clean.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders (recursive), globs, or - for JSONL on stdin",
    )
    clean.add_argument(
        "-o",
        "--out",
        required=True,
        type=Path,
        metavar="OUT",
        help="folder for the tables (created if missing)",
    )
    clean.add_argument(
        "--format", choices=FORMATS, default="parquet", help="table format (default: parquet)"
    )
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")

    check = commands.add_parser(
        "check",
        help="validate tables against the schemas",
        description=(
            "Validate tables against cleaner's pandera schemas (or your own YAML). Every failure "
            "is reported, not just the first. Exit 0 when valid, 1 when not, 2 on a usage or "
            "read error."
        ),
    )
    check.add_argument(
        "tables",
        nargs="+",
        metavar="TABLE",
        type=Path,
        help="table files, or a run's output folder",
    )
    check.add_argument(
        "--schema",
        metavar="NAME|PATH",
        help="articles, blocks, pages, issues, or a pandera YAML file "
        "(default: from the file name)",
    )
    check.add_argument(
        "--failures",
        type=Path,
        metavar="FILE",
        help="write every failure case to FILE (.csv, .jsonl or .parquet)",
    )
    return parser


def _clean(arguments: argparse.Namespace) -> int:
    sources = expand_sources(arguments.inputs)
    if arguments.out.exists() and not arguments.out.is_dir():
        raise UsageError(f"{arguments.out}: exists and is not a folder")
    progress = None if arguments.quiet else print_progress
    report = run_batch(sources, arguments.out, arguments.format, progress=progress)
    if progress is not None:
        end_progress()
    statuses = ", ".join(f"{count} {status}" for status, count in report.by_status.items())
    print(
        f"cleaned {report.pages} pages ({statuses or 'none'}) into {arguments.out}/ "
        f"({report.issues} validation issues)"
    )
    return EXIT_OK if report.exit_code == 0 else EXIT_FAILED


def _summarise(result: CheckResult) -> None:
    verdict = "valid" if result.valid else f"INVALID, {len(result.issues)} failures"
    print(f"{result.path}: {result.rows} rows, schema {result.schema}: {verdict}")
    groups: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for issue in result.issues:
        key = (issue["column"] or "(row)", issue["check"])
        groups[key] += 1
        example = issue["failure_case"] or issue["doc_id"]
        shown_so_far = examples.setdefault(key, [])
        if example is not None and len(shown_so_far) < _EXAMPLES_SHOWN:
            shown_so_far.append(example)
    for (column, check), count in groups.most_common():
        shown = ", ".join(repr(example[:60]) for example in examples[column, check])
        print(
            f"  column {column}: check {check} failed for {count} rows"
            + (f" (e.g. {shown})" if shown else "")
        )


def _write_failures(path: Path, results: list[CheckResult]) -> None:
    frame = issues_frame([issue for result in results for issue in result.issues])
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix in (".jsonl", ".ndjson"):
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:  # .parquet: _check accepted only table suffixes
        frame.to_parquet(path, index=False)


def _check(arguments: argparse.Namespace) -> int:
    if arguments.failures is not None and arguments.failures.suffix.lower() not in TABLE_SUFFIXES:
        raise UsageError(
            f"--failures {arguments.failures}: use a .csv, .jsonl or .parquet file name"
        )
    paths = [table for argument in arguments.tables for table in tables_in(argument)]
    results = [check_table(path, arguments.schema) for path in paths]
    for result in results:
        _summarise(result)
    if arguments.failures is not None:
        _write_failures(arguments.failures, results)
    return EXIT_OK if all(result.valid for result in results) else EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = _parser().parse_args(argv)
    try:
        if arguments.command == "clean":
            return _clean(arguments)
        return _check(arguments)
    except (UsageError, ReadError) as exc:
        print(f"cleaner {arguments.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
