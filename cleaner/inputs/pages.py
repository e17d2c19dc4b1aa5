"""Turning sources into pages: the reading edge of a run.

``iter_pages`` yields one ``Page`` per page file and per table record, lazily,
so a run over millions of pages holds one batch at a time. Whatever goes
wrong while reading becomes a page that carries its error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from cleaner.inputs.decoding import UndecodableError, decode_bytes
from cleaner.inputs.files import read_page_file, too_large
from cleaner.inputs.sniffing import content_type_of
from cleaner.inputs.sources import Source
from cleaner.inputs.tables import BAD_RECORD_COLUMN, TableChunk, read_table
from cleaner.pages import ContentType, Page
from cleaner.resources import thresholds

# The columns a table row's page may be in, in order of preference, and what each holds.
# Crawlers that save Markdown name its column so; Markdown is cleaned as a text dump.
CONTENT_COLUMNS: dict[str, ContentType] = {"html": "html", "text": "text", "markdown": "text"}
_QUOTED = [repr(column) for column in CONTENT_COLUMNS]
# "'html', 'text' or 'markdown'", for messages.
_CONTENT_COLUMN_NAMES = ", ".join(_QUOTED[:-1]) + " or " + _QUOTED[-1]


def _present(value: Any) -> bool:
    return isinstance(value, str | bytes) and len(value) > 0


def page_from_record(record: dict[str, Any], source: str, max_bytes: int) -> Page:
    """A page from one table row: the first ``CONTENT_COLUMNS`` it fills, optional ``url``."""
    url = record.get("url") if isinstance(record.get("url"), str) and record["url"] else None
    if _present(record.get(BAD_RECORD_COLUMN)):
        return Page.failed(source, str(record[BAD_RECORD_COLUMN]), url=url)
    if not any(column in record for column in CONTENT_COLUMNS):
        columns = ", ".join(str(name) for name in record if name != BAD_RECORD_COLUMN) or "none"
        return Page.failed(
            source,
            f"table has no {_CONTENT_COLUMN_NAMES} column (its columns: {columns})",
            url=url,
        )
    column = next((column for column in CONTENT_COLUMNS if _present(record.get(column))), "html")
    content_type = CONTENT_COLUMNS[column]
    value = record.get(column)
    if isinstance(value, bytes):
        try:
            value = decode_bytes(value)
        except UndecodableError as exc:
            return Page.failed(source, str(exc), content_type, url=url, raw=value)
    content = value if isinstance(value, str) else ""
    if len(content) > max_bytes:
        return Page.failed(source, too_large(len(content), max_bytes), content_type, url=url)
    return Page(
        source=source, content=content, content_type=content_type_of(content, content_type), url=url
    )


def pages_from_chunk(name: str, chunk: TableChunk, max_bytes: int) -> Iterator[Page]:
    """The pages of one chunk of the table ``name``, named ``name#N`` for the Nth record."""
    if chunk.error is not None:
        yield Page.failed(f"{name}#{chunk.first_record}", chunk.error)
        return
    for offset, record in enumerate(chunk.frame.to_dict("records")):
        yield page_from_record(record, f"{name}#{chunk.first_record + offset}", max_bytes)


def iter_pages(sources: Iterable[Source]) -> Iterator[Page]:
    """Every page of every source, in order, one at a time."""
    limits = thresholds("inputs")
    max_bytes = int(limits["max_page_bytes"])
    rows_per_chunk = int(limits["batch_size"])
    for source in sources:
        if source.kind in ("html", "text"):
            yield read_page_file(source, max_bytes)
            continue
        for chunk in read_table(source, rows_per_chunk):
            yield from pages_from_chunk(source.name, chunk, max_bytes)
