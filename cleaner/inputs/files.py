"""Reading one page file (``.html``, ``.htm``, ``.txt``, each maybe ``.gz``) into a Page.

Every problem becomes the page's ``error`` (an empty file, a truncated gzip,
binary junk, a page over the size limit), so the page still reaches the
output as an error row and the run goes on.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from cleaner.inputs.decoding import UndecodableError, decode_bytes
from cleaner.inputs.sniffing import content_type_of
from cleaner.inputs.sources import Source
from cleaner.pages import Page

_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20


class PageReadError(ValueError):
    """A page file's bytes could not be had; the message says why."""


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def too_large(size: int, max_bytes: int) -> str:
    """The error message of a page over the size limit."""
    return (
        f"page is {_megabytes(size)}, over the limit of {_megabytes(max_bytes)} "
        "(inputs.max_page_bytes)"
    )


def gunzip(compressed: bytes, max_bytes: int) -> bytes:
    """Decompress a whole gzip member, refusing truncation and outsized output."""
    if not compressed.startswith(_GZIP_MAGIC):
        raise PageReadError("not a gzip file (the .gz name does not match its bytes)")
    inflater = zlib.decompressobj(wbits=31)
    try:
        raw = inflater.decompress(compressed, max_bytes + 1)
    except zlib.error as exc:
        raise PageReadError(f"corrupt gzip data: {exc}") from exc
    if len(raw) > max_bytes:
        raise PageReadError(too_large(len(raw), max_bytes) + " once decompressed")
    if not inflater.eof:
        raise PageReadError("truncated gzip file: the data ends before the end of the stream")
    return raw


def read_page_bytes(path: Path, compressed: bool, max_bytes: int) -> bytes:
    """The page's bytes, decompressed; raises ``PageReadError`` with the reason."""
    try:
        size = path.stat().st_size
        if not compressed and size > max_bytes:
            raise PageReadError(too_large(size, max_bytes))
        raw = path.read_bytes()
    except OSError as exc:
        raise PageReadError(f"cannot read the file: {exc.strerror or exc}") from exc
    return gunzip(raw, max_bytes) if compressed else raw


def read_page_file(source: Source, max_bytes: int) -> Page:
    """One page from a file; a page that cannot be read carries its error."""
    content_type = "html" if source.kind == "html" else "text"
    try:
        raw = read_page_bytes(source.path, source.compressed, max_bytes)
    except PageReadError as exc:
        return Page.failed(source.name, str(exc), content_type)
    try:
        content = decode_bytes(raw)
    except UndecodableError as exc:
        return Page.failed(source.name, str(exc), content_type, raw=raw)
    return Page(
        source=source.name, content=content, content_type=content_type_of(content, content_type)
    )
