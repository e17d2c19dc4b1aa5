"""The fields around the body of an HTML page: title, author, date, language.

Each field is chosen among the candidates the page offers, from what it
declares about itself (meta tags, JSON-LD, microdata; see ``structured``)
and from what it shows (headings, bylines, datelines), by a chooser of its
own (``titles``, ``authors``, ``published``). The tree is read, never
changed, and nothing is parsed twice.
"""

from __future__ import annotations

from lxml.etree import _Element

from cleaner.articles import Fields
from cleaner.blocks.block import Block
from cleaner.fields.authors import choose_author
from cleaner.fields.page import PageView
from cleaner.fields.published import choose_published
from cleaner.fields.titles import choose_title


def html_fields(document: _Element, blocks: list[Block], url: str | None) -> Fields:
    """Title, author, publication time and declared language of a parsed page."""
    view = PageView.read(document, blocks, url)
    return Fields(
        title=choose_title(view),
        author=choose_author(view),
        published_at=choose_published(view),
        language=view.metadata.declared_language,
        url=url,
    )
