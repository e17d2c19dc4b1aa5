"""Cleaning one page: the pure function at the heart of cleaner.

``clean_page`` takes a ``Page`` and returns an ``Article``; it reads no file,
writes nothing and keeps no state between calls (packaged data such as phrase
lists and models is loaded once, read-only). That is what lets a batch run be
parallel, streaming and resumable, on one machine or on Dask: inputs and
outputs are plain picklable dataclasses.

The steps, each in a module of its own:
    page -> blocks (``cleaner.blocks``) -> labelled blocks (``cleaner.labelling``)
    -> fields (``cleaner.fields``) -> article (``cleaner.articles``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from cleaner.articles import Article, assemble_article, failed_article
from cleaner.blocks.html import parse_html, segment_html
from cleaner.blocks.text import segment_text
from cleaner.fields.html import html_fields
from cleaner.fields.language import settle_language
from cleaner.fields.text import text_fields
from cleaner.labelling.html import label_html_blocks
from cleaner.labelling.text import label_text_blocks
from cleaner.pages import Page


def clean_page(page: Page) -> Article:
    """Clean one page into an article; never raises for a bad page.

    A page that could not be read, or whose cleaning failed, comes back as an
    article with ``status="error"`` and the reason, so a batch always finishes
    and every input appears in its output.
    """
    if page.error is not None or page.content is None:
        return failed_article(page, page.error or "the page has no content")
    if not page.content or page.content.isspace():
        return failed_article(page, "the page is empty", status="empty")
    try:
        if page.content_type == "html":
            return _clean_html_page(page)
        return _clean_text_page(page)
    except Exception as exc:  # a pathological page must not stop a batch
        return failed_article(page, f"cleaning failed: {type(exc).__name__}: {exc}")


def clean_pages(pages: Iterable[Page]) -> list[Article]:
    """Clean a batch of pages, each by ``clean_page``: the same articles, sooner.

    Python's cyclic garbage collector is paused while the batch is cleaned,
    then resumed as it was. Cleaning allocates a few objects per line of every
    page (blocks, their labels), and they live until the batch is written:
    the collector would scan them over and over and find almost nothing to
    free (about one object per page on the dev dumps, none on HTML pages;
    reference counting frees the rest as usual). Pausing it saved 7% of the
    CPU time of a text-dump run.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return [clean_page(page) for page in pages]
    finally:
        if was_enabled:
            gc.enable()


def _clean_html_page(page: Page) -> Article:
    document = parse_html(page.content or "")
    if document is None:
        return failed_article(page, "not HTML: no element could be parsed from the page")
    segmented = segment_html(document)
    blocks = label_html_blocks(segmented)
    # The field scorers read the blocks as segmented, as they were trained
    # (bench/train_fields.py): the labels would shift their features.
    fields = settle_language(html_fields(document, segmented.blocks, page.url), blocks)
    return assemble_article(page, blocks, fields)


def _clean_text_page(page: Page) -> Article:
    blocks = label_text_blocks(segment_text(page.content or ""))
    fields = settle_language(text_fields(blocks, page.url), blocks)
    return assemble_article(page, blocks, fields)
