"""The fields around the body of an HTML page: title, author, date, language.

Each field is read from what the page declares about itself (meta tags,
JSON-LD, microdata; see ``structured``) and from what it shows (the ``h1``,
the byline, the dateline), by a chooser of its own. The tree is read, never
changed, and nothing is parsed twice.
"""

from __future__ import annotations

from lxml.etree import _Element

from cleaner.articles import Fields
from cleaner.blocks.block import Block
from cleaner.fields.authors import choose_author
from cleaner.fields.published import choose_published
from cleaner.fields.sites import site_names
from cleaner.fields.structured import read_metadata
from cleaner.fields.titles import choose_title


def html_fields(document: _Element, blocks: list[Block], url: str | None) -> Fields:
    """Title, author, publication time and declared language of a parsed page."""
    metadata = read_metadata(document)
    site = site_names(metadata, url)
    title = choose_title(metadata, document, blocks, site)
    published = choose_published(metadata, document, blocks, url, title)
    return Fields(
        title=title,
        author=choose_author(metadata, document, blocks, article_like=published is not None),
        published_at=published,
        language=metadata.declared_language,
        url=url,
    )
