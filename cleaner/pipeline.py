"""Cleaning one page: the pure function at the heart of cleaner.

``clean_page`` takes a ``Page`` and returns an ``Article``; it reads no file,
writes nothing and keeps no state between calls (packaged data such as phrase
lists and models is loaded once, read-only). That is what lets a batch run be
parallel, streaming and resumable, on one machine or on Dask: inputs and
outputs are plain picklable dataclasses. ``clean_pages`` cleans a batch into
exactly the articles ``clean_page`` gives its pages one by one, in less time.

The steps, each in a module of its own:
    page -> blocks (``cleaner.blocks``) -> labelled blocks (``cleaner.labelling``)
    -> fields (``cleaner.fields``) -> article (``cleaner.articles``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

from cleaner.articles import Article, assemble_article, failed_article
from cleaner.blocks.block import Block
from cleaner.blocks.html import parse_html, segment_html
from cleaner.blocks.text import read_dump
from cleaner.collector import collector_paused
from cleaner.fields.html import html_fields
from cleaner.fields.language import settle_language
from cleaner.fields.text import text_fields
from cleaner.labelling.html import label_html_blocks
from cleaner.labelling.text import label_text_lines
from cleaner.pages import Page
from cleaner.resources import thresholds


def clean_page(page: Page) -> Article:
    """Clean one page into an article; never raises for a bad page.

    A page that could not be read, or whose cleaning failed, comes back as an
    article with ``status="error"`` and the reason, so a batch always finishes
    and every input appears in its output.
    """
    unusable = _unusable(page)
    if unusable is not None:
        return unusable
    if page.content_type == "html":
        return _guarded(page, _clean_html_page)
    return _guarded(page, lambda dump: _text_article(dump, _labelled_dumps([dump])[0]))


def clean_pages(pages: Iterable[Page]) -> list[Article]:
    """Clean a batch of pages: what ``clean_page`` gives each, sooner.

    Text dumps are labelled several at a time (``label_text_lines``): their
    lines go through the line features and the model together, which costs
    far less than page by page, and gives each page the same labels. The
    garbage collector is paused meanwhile (``collector``).
    """
    with collector_paused():
        return [article for group in _groups(pages) for article in _clean_group(group)]


def _groups(pages: Iterable[Page]) -> Iterator[list[Page]]:
    """``pages`` in groups of at most ``pages_labelled_together`` pages.

    A group also closes before its text dumps would pass ``chars_labelled_together``
    characters, so that memory stays bounded by the larger of that and one page,
    as when pages are labelled one by one (a dump's features take about 50 bytes
    per character).
    """
    limits = thresholds("text")
    most_pages, most_chars = limits["pages_labelled_together"], limits["chars_labelled_together"]
    group: list[Page] = []
    chars = 0
    for page in pages:
        size = 0 if page.content_type == "html" else len(page.content or "")
        if group and (len(group) == most_pages or chars + size > most_chars):
            yield group
            group, chars = [], 0
        group.append(page)
        chars += size
    if group:
        yield group


def _clean_group(pages: list[Page]) -> list[Article]:
    """Articles for ``pages``, with their text dumps labelled together."""
    articles = [_unusable(page) for page in pages]
    dumps = [
        index
        for index, (page, article) in enumerate(zip(pages, articles, strict=True))
        if article is None and page.content_type != "html"
    ]
    try:
        labelled = _labelled_dumps([pages[index] for index in dumps])
    except Exception:  # one of them is pathological: each is cleaned alone, and fails alone
        return [clean_page(page) for page in pages]
    for index, blocks in zip(dumps, labelled, strict=True):
        articles[index] = _guarded(pages[index], partial(_text_article, blocks=blocks))
    # What is left are the HTML pages, each known to have content.
    return [
        article if article is not None else _guarded(page, _clean_html_page)
        for page, article in zip(pages, articles, strict=True)
    ]


def _unusable(page: Page) -> Article | None:
    """The article of a page that has nothing to clean (unreadable or empty), else None."""
    if page.error is not None or page.content is None:
        return failed_article(page, page.error or "the page has no content")
    if not page.content or page.content.isspace():
        return failed_article(page, "the page is empty", status="empty")
    return None


def _guarded(page: Page, clean: Callable[[Page], Article]) -> Article:
    """``clean(page)``, or an error article saying why it failed."""
    try:
        return clean(page)
    except Exception as exc:  # a pathological page must not stop a batch
        return failed_article(page, f"cleaning failed: {type(exc).__name__}: {exc}")


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


def _labelled_dumps(pages: list[Page]) -> list[list[Block]]:
    """The blocks of text dumps, labelled together: their lines (``read_dump``) become
    blocks when labelled."""
    read = [read_dump(page.content or "") for page in pages]
    return label_text_lines(
        [dump.lines for dump in read], headlines=[dump.headline for dump in read]
    )


def _text_article(page: Page, blocks: list[Block]) -> Article:
    """The article of a text dump, from its labelled lines."""
    fields = settle_language(text_fields(blocks, page.url), blocks)
    return assemble_article(page, blocks, fields)
