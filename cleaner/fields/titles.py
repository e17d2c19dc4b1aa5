"""The article's headline, not the browser-tab title with the site name attached.

A page states its title in several places: the ``h1`` the reader sees, the
``og:title`` and JSON-LD ``headline`` written for sharing, and the ``<title>``
of the tab, which usually adds the site's name ("Headline | Site"). The ``h1``
is the headline when the metadata agrees with it (the site's logo or a section
name is an ``h1`` on many pages too); otherwise the metadata title, with the
site's name cut off, is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from lxml.etree import _Element

from cleaner.blocks.block import Block, Kind
from cleaner.fields.sites import SiteNames
from cleaner.fields.structured import PageMetadata, squeeze
from cleaner.resources import load_yaml, thresholds

_WORD = re.compile(r"\w+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# How much of a heading's words the metadata title must share for the two to agree.
_AGREEMENT = 0.6
_MAX_HEADING_WORDS = 40


@cache
def _separator_pattern() -> re.Pattern[str]:
    rules = load_yaml("fields.yaml")["title"]
    spaced = "|".join(re.escape(mark) for mark in rules["separators"])
    tight = "|".join(re.escape(mark) for mark in rules["tight_separators"])
    return re.compile(rf"\s+(?:{spaced})\s+|\s*(?:{tight})\s*")


@cache
def _trailing_marks() -> str:
    return "".join(load_yaml("fields.yaml")["title"]["trailing_marks"]) + " "


def tidy_title(text: str) -> str:
    """White space collapsed, invisible characters and heading anchor marks removed."""
    return squeeze(_INVISIBLE.sub("", text)).rstrip(_trailing_marks())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def without_site_name(title: str, site: SiteNames) -> str:
    """``title`` with the site's name cut from its start and end ("Headline | Site").

    Only whole segments between separators are cut, and never the last one
    left: a title that is nothing but the site's name stays as it is.
    """
    pieces = _separator_pattern().split(title)
    marks = _separator_pattern().findall(title)
    while len(pieces) > 1 and site.names(pieces[-1]):
        pieces.pop()
        marks.pop()
    while len(pieces) > 1 and site.names(pieces[0]):
        pieces.pop(0)
        marks.pop(0)
    joined = pieces[0]
    for mark, piece in zip(marks, pieces[1:], strict=True):
        joined += mark + piece
    return joined.strip()


def _metadata_titles(metadata: PageMetadata) -> Iterator[str]:
    """Titles written for sharing and search: meta tags, JSON-LD headline, ``<title>``."""
    rules = load_yaml("fields.yaml")
    yield from metadata.meta_values(rules["title"]["meta"])
    for node in metadata.nodes_of_kind("article_types"):
        headline = node.properties.get("headline")
        if isinstance(headline, str):
            yield headline
    if metadata.document_title:
        yield metadata.document_title


def _headings(document: _Element, blocks: list[Block]) -> Iterator[str]:
    """The page's visible headline candidates: blocks labelled title, then ``h1``s."""
    for block in blocks:
        if block.kind is Kind.TITLE:
            yield block.text
    for heading in document.iter("h1"):
        yield heading.text_content()


def _agreement(heading: str, title: str) -> float:
    """The share of the heading's words that the title holds too."""
    heading_words = _words(heading)
    if not heading_words:
        return 0.0
    title_words = set(_words(title))
    return sum(word in title_words for word in heading_words) / len(heading_words)


def _first_part(title: str) -> str:
    """The part of a title before its first strong separator ("Service | Tagline")."""
    head = title.split(" | ", 1)[0].strip()
    return head if len(head.split()) >= 2 else title


def _is_article(metadata: PageMetadata) -> bool:
    """Whether the page declares itself an article (Open Graph type or a JSON-LD article)."""
    declared_type = next(metadata.meta_values(["og:type"]), "")
    return declared_type.casefold() == "article" or any(metadata.nodes_of_kind("article_types"))


def choose_title(
    metadata: PageMetadata, document: _Element, blocks: list[Block], site: SiteNames
) -> str | None:
    """The headline: an ``h1`` the metadata agrees with, else the metadata title."""
    titles = [tidy_title(title) for title in _metadata_titles(metadata)]
    titles = [without_site_name(title, site) for title in titles if title]
    headings = [tidy_title(heading) for heading in _headings(document, blocks)]
    headings = [
        heading
        for heading in headings
        if heading and len(heading.split()) <= _MAX_HEADING_WORDS and not site.names(heading)
    ]
    for heading in headings:
        if any(_agreement(heading, title) >= _AGREEMENT for title in titles):
            return _first_part(heading)
    if _is_article(metadata):
        min_words = thresholds("fields")["headline_min_words"]
        for heading in headings:
            if len(heading.split()) >= min_words:
                return heading
    if titles:
        return _first_part(titles[0])
    return headings[0] if headings else None
