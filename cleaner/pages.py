"""A page: the unit of work that every later step receives.

Readers (``cleaner.inputs``) turn files, table rows and archive records into
``Page`` objects; everything after that is a pure function of the page. A page
that could not be read still travels through the pipeline, carrying its
``error``, so that it appears in the output as an error row: nothing is lost.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Literal

ContentType = Literal["html", "text"]

_SURROGATES = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("source", "content", "url", "error")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, as undecodable bytes are.

    A Python string may hold lone surrogates: a JSON ``\\ud800`` escape, a file
    name that is not UTF-8 (Python names its bytes ``\\udcff``), a caller's
    string. UTF-8 cannot hold them, and pandas keeps its text in Arrow, which
    is UTF-8. One such character stops the whole frame it is in from being
    built: a table's batch when it is read, a run's output when it is written.
    ASCII text is let through without a scan. Other text is scanned only after
    a strict encode fails; the encode is the cheap test, about three times
    faster than the regex.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return text


def make_doc_id(source: str, content: str | bytes | None) -> str:
    """A stable identifier: the same source with the same content gives the same id.

    The source is part of the key so that two identical pages read from two
    places stay two rows (``doc_id`` is unique in the articles table).
    """
    digest = hashlib.blake2b(digest_size=8)
    digest.update(source.encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    digest.update(content or b"")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Page:
    """One scraped page as read from its input, before any cleaning.

    ``content`` is the decoded HTML or text dump; it is ``None`` when reading
    failed, and then ``error`` says why in words a user can act on. Lone
    surrogates in the text fields are replaced by U+FFFD (``without_surrogates``),
    so every page can be written to every table format, whichever reader or
    caller made it.
    """

    source: str
    content: str | None
    content_type: ContentType
    url: str | None = None
    error: str | None = None
    doc_id: str = ""

    def __post_init__(self) -> None:
        # The id is made first, from the text as given: two file names that differ
        # only in bytes that are not UTF-8 would be the same name once replaced.
        if not self.doc_id:
            object.__setattr__(self, "doc_id", make_doc_id(self.source, self.content))
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, without_surrogates(value))

    @classmethod
    def failed(
        cls,
        source: str,
        error: str,
        content_type: ContentType = "html",
        url: str | None = None,
        raw: bytes | None = None,
    ) -> Page:
        """A page that could not be read; ``raw`` keeps its id stable across runs."""
        return cls(
            source=source,
            content=None,
            content_type=content_type,
            url=url,
            error=error,
            doc_id=make_doc_id(source, raw),
        )
