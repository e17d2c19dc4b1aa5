"""Articles: what a cleaned page becomes.

An article is assembled from the kept blocks of a page and the fields found
around them. The body is exactly the kept blocks' texts joined by a blank line,
so the blocks table always reproduces the body and every word can be traced to
the block (and the reason) that let it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit

from cleaner.blocks.block import Block
from cleaner.pages import Page
from cleaner.words import count_words

Status = Literal["ok", "empty", "error"]

PARAGRAPH_SEPARATOR = "\n\n"


def domain_of(url: str | None) -> str | None:
    """The host of ``url``, lower-cased and without a leading ``www.``."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


@dataclass(frozen=True, slots=True)
class Fields:
    """The fields found around the body of a page; any of them may be missing."""

    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned page: its fields, its body, and every block with its label."""

    doc_id: str
    source: str
    url: str | None
    domain: str | None
    title: str | None
    author: str | None
    published_at: datetime | None
    language: str | None
    body: str
    word_count: int
    n_blocks_removed: int
    status: Status
    error: str | None
    blocks: tuple[Block, ...] = field(default=())

    @property
    def published_date(self) -> str | None:
        """The publication day as the page states it, ``YYYY-MM-DD``.

        ``published_at`` keeps the offset the page wrote, but tables store it
        in UTC, where an evening in New York is already the next day; this is
        the day in the page's own time zone (the UTC day when it states none).
        """
        return self.published_at.date().isoformat() if self.published_at else None

    @property
    def kept_blocks(self) -> tuple[Block, ...]:
        return tuple(block for block in self.blocks if block.kept)


def assemble_article(page: Page, blocks: list[Block], fields: Fields) -> Article:
    """Join the kept blocks into the body and attach the fields.

    A page whose blocks are all removed is ``empty``, not an error: the page
    was read and cleaned, there was just no article in it.
    """
    kept_texts = [block.text for block in blocks if block.kept]
    body = PARAGRAPH_SEPARATOR.join(kept_texts)
    has_text = bool(body.strip())
    url = fields.url or page.url
    return Article(
        doc_id=page.doc_id,
        source=page.source,
        url=url,
        domain=domain_of(url),
        title=fields.title,
        author=fields.author,
        published_at=fields.published_at,
        language=fields.language,
        body=body,
        word_count=count_words(body),
        n_blocks_removed=len(blocks) - len(kept_texts),
        status="ok" if has_text else "empty",
        error=None if has_text else "no article text found on the page",
        blocks=tuple(blocks),
    )


def failed_article(page: Page, error: str, status: Status = "error") -> Article:
    """The row of a page that could not be read or cleaned (or was empty): nothing is lost."""
    return Article(
        doc_id=page.doc_id,
        source=page.source,
        url=page.url,
        domain=domain_of(page.url),
        title=None,
        author=None,
        published_at=None,
        language=None,
        body="",
        word_count=0,
        n_blocks_removed=0,
        status=status,
        error=error,
    )
