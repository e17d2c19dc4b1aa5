"""The fields around the body of an HTML page: title, author, date, language.

Each field is chosen among the candidates the page offers, from what it
declares about itself (meta tags, JSON-LD, microdata; see ``structured``)
and from what it shows (headings, bylines, datelines), by a chooser of its
own (``titles``, ``authors``, ``published``). The date comes before the
author: how surely the page is dated tells whether it is an article, and so
whether it should have an author. The tree is read, never changed, and
nothing is parsed twice.
"""

from __future__ import annotations

from lxml.etree import _Element

from cleaner.articles import Fields
from cleaner.blocks.block import Block
from cleaner.fields.authors import choose_author
from cleaner.fields.page import PageView
from cleaner.fields.published import date_page
from cleaner.fields.titles import choose_title


def html_fields(document: _Element, blocks: list[Block], url: str | None) -> Fields:
    """Title, author, publication time and declared language of a parsed page."""
    view = PageView.read(document, blocks, url)
    dating = date_page(view)
    return Fields(
        title=choose_title(view),
        author=choose_author(view, dating.confidence),
        published_at=dating.published_at,
        language=view.metadata.declared_language,
        url=url,
    )
