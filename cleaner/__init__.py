"""cleaner: separate the article from the clutter of scraped pages, validate it, tabulate it.

The public API is small:

- ``clean_html(html, url=None)`` and ``clean_text(text, url=None)`` clean one
  page into an ``Article`` (its fields, its body, and every block with its label);
- ``clean_page(page)`` does the same for a ``Page`` read by ``cleaner.inputs``.
"""

from __future__ import annotations

from cleaner.articles import Article
from cleaner.blocks.block import Block, Kind
from cleaner.pages import Page
from cleaner.pipeline import clean_page

__all__ = ["Article", "Block", "Kind", "Page", "clean_html", "clean_page", "clean_text"]
__version__ = "0.1.0"


def clean_html(html: str, url: str | None = None, source: str = "<html>") -> Article:
    """Clean one HTML page; ``source`` names it in the output (default ``<html>``)."""
    return clean_page(Page(source=source, content=html, content_type="html", url=url))


def clean_text(text: str, url: str | None = None, source: str = "<text>") -> Article:
    """Clean one full-page text dump; ``source`` names it in the output."""
    return clean_page(Page(source=source, content=text, content_type="text", url=url))
