"""A page: the unit of work that every later step receives.

Readers (``cleaner.inputs``) turn files, table rows and archive records into
``Page`` objects; everything after that is a pure function of the page. A page
that could not be read still travels through the pipeline, carrying its
``error``, so that it appears in the output as an error row: nothing is lost.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

ContentType = Literal["html", "text"]


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
    failed, and then ``error`` says why in words a user can act on.
    """

    source: str
    content: str | None
    content_type: ContentType
    url: str | None = None
    error: str | None = None
    doc_id: str = ""

    def __post_init__(self) -> None:
        if not self.doc_id:
            object.__setattr__(self, "doc_id", make_doc_id(self.source, self.content))

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
