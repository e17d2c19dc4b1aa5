"""The fields around the body of an HTML page: title, author, date, language."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml.etree import _Element
from trafilatura.metadata import extract_metadata

from cleaner.articles import Fields
from cleaner.blocks.block import Block


def html_fields(document: _Element, blocks: list[Block], url: str | None) -> Fields:
    """Title, author and date from the page's metadata (trafilatura's reading)."""
    metadata = extract_metadata(document, default_url=url)
    published = None
    if metadata.date:
        try:
            published = datetime.fromisoformat(metadata.date).replace(tzinfo=UTC)
        except ValueError:
            published = None
    language = document.get("lang")
    language = language.split("-")[0].lower() if language else None
    return Fields(
        title=metadata.title,
        author=metadata.author,
        published_at=published,
        language=language,
        url=url or metadata.url,
    )
