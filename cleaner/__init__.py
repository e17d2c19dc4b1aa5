"""cleaner: separate the article from the clutter of scraped pages, validate it, tabulate it.

The public API is small:

- ``clean_html(html, url=None)`` and ``clean_text(text, url=None)`` clean one
  page into an ``Article`` (its fields, its body, and every block with its label);
- ``clean_page(page)`` does the same for a ``Page`` read by ``cleaner.inputs``;
- ``clean_frame(frame)`` cleans a pandas DataFrame of pages (``html`` or ``text``
  column, optional ``url``) into ``Tables``: ``articles``, ``blocks`` and ``issues``.
"""

from __future__ import annotations

from cleaner.articles import Article
from cleaner.blocks.block import Block, Kind
from cleaner.pages import Page
from cleaner.pipeline import clean_page

__all__ = [
    "Article",
    "Block",
    "Kind",
    "Page",
    "Tables",
    "clean_frame",
    "clean_html",
    "clean_page",
    "clean_text",
]
__version__ = "0.1.0"


def clean_html(html: str, url: str | None = None, source: str = "<html>") -> Article:
    """Clean one HTML page; ``source`` names it in the output (default ``<html>``)."""
    return clean_page(Page(source=source, content=html, content_type="html", url=url))


def clean_text(text: str, url: str | None = None, source: str = "<text>") -> Article:
    """Clean one full-page text dump; ``source`` names it in the output."""
    return clean_page(Page(source=source, content=text, content_type="text", url=url))


def __getattr__(name: str) -> object:
    # The DataFrame API pulls in pandera; import it only when it is asked for.
    if name in ("clean_frame", "Tables"):
        from cleaner import frames, tables

        return frames.clean_frame if name == "clean_frame" else tables.tabulate.Tables
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
