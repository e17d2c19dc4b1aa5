"""The fields of a text dump: what its lines say about title, author and date."""

from __future__ import annotations

from cleaner.articles import Fields
from cleaner.blocks.block import Block, Kind


def text_fields(blocks: list[Block], url: str | None) -> Fields:
    """Title and author where a labeller recognised them among the lines."""
    title = next((block.text for block in blocks if block.kind is Kind.TITLE), None)
    byline = next((block.text for block in blocks if block.kind is Kind.BYLINE), None)
    return Fields(title=title, author=byline, url=url)
