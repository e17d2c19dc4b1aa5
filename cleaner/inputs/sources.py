"""Which inputs a command line names: files, folders, globs, tables, standard input.

Expanding the arguments is done before anything is read, so that a missing
path is a usage error reported at once (exit 2), not a failure half-way
through a long run.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cleaner.errors import UsageError

SourceKind = Literal["html", "text", "table", "stdin"]
PAGE_SUFFIXES: dict[str, SourceKind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".txt": "text",
    # Markdown dumps (html2text, markdownify, reader services) are text dumps.
    ".md": "text",
    ".markdown": "text",
}
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
STDIN = "-"
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a page file, a table of pages, or standard input (JSONL)."""

    name: str  # as the user wrote it, or as found under a folder the user named
    kind: SourceKind
    compressed: bool = False

    @property
    def path(self) -> Path:
        return Path(self.name)


def classify(name: str) -> Source | None:
    """The source a file name stands for, from its suffixes; None when unsupported."""
    lowered = name.lower()
    compressed = lowered.endswith(".gz")
    if compressed:
        lowered = lowered[: -len(".gz")]
    suffix = lowered[lowered.rfind(".") :] if "." in lowered else ""
    if suffix in PAGE_SUFFIXES:
        return Source(name, PAGE_SUFFIXES[suffix], compressed)
    if suffix in TABLE_SUFFIXES and not (compressed and suffix == ".parquet"):
        return Source(name, "table", compressed)
    return None


def _supported_list() -> str:
    pages = ", ".join(PAGE_SUFFIXES)
    tables = ", ".join(TABLE_SUFFIXES)
    return f"pages {pages} and tables {tables} (each optionally .gz, except .parquet)"


def _folder_sources(folder: Path) -> list[Source]:
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative) or not path.is_file():
            continue
        source = classify(str(path))
        if source is not None:
            found.append(source)
    return found


def expand_sources(arguments: list[str]) -> list[Source]:
    """Every source the arguments name, in order, each once.

    Raises ``UsageError`` for a path that does not exist, a glob that matches
    nothing, a folder without pages, or a named file of an unsupported type.
    """
    if not arguments:
        raise UsageError("no input given: name files, folders, globs, or - for JSONL on stdin")
    sources: list[Source] = []
    for argument in arguments:
        if argument == STDIN:
            sources.append(Source(STDIN, "stdin"))
            continue
        path = Path(argument)
        if path.is_dir():
            found = _folder_sources(path)
            if not found:
                raise UsageError(f"{argument}: folder has no pages or tables ({_supported_list()})")
            sources.extend(found)
        elif path.is_file():
            source = classify(argument)
            if source is None:
                raise UsageError(
                    f"{argument}: unsupported file type; cleaner reads {_supported_list()}"
                )
            sources.append(source)
        elif _GLOB_CHARACTERS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            expanded = [
                source
                for match in matches
                for source in (
                    _folder_sources(Path(match)) if Path(match).is_dir() else [classify(match)]
                )
                if source is not None
            ]
            if not expanded:
                raise UsageError(f"{argument}: no page or table matches this pattern")
            sources.extend(expanded)
        else:
            raise UsageError(f"{argument}: no such file or directory")
    unique: dict[str, Source] = {}
    for source in sources:
        unique.setdefault(source.name, source)
    return list(unique.values())
