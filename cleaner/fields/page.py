"""One page as the field choosers see it: its tree, blocks, metadata and site names.

The title, author and date choosers all read the same things about a page,
and the scorers of all three want to know what kind of page it is (an
article, a product, a forum thread), which the page itself often declares.
They are gathered here once per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from lxml.etree import _Element

from cleaner.blocks.block import Block, Kind
from cleaner.fields.sites import SiteNames, site_names
from cleaner.fields.structured import PageMetadata, read_metadata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})
# The JSON-LD kinds of fields.yaml whose presence describes the page (features "ld_<kind>").
_DECLARED_KINDS = ("article_types", "page_types", "product_types", "forum_types")
_OPEN_GRAPH_TYPES = ("article", "website", "product")
_YEAR = re.compile(r"\d{4}")
# Blocks up to this long are lines (headings, bylines, datelines), not prose.
SHORT_BLOCK_CHARS = 240


def fold(text: str | None) -> str:
    """Case folded, white space collapsed: the form in which texts are compared."""
    return " ".join((text or "").casefold().split())


def fold_quotes(text: str) -> str:
    """``fold`` with curly quotes made straight, so typographic variants meet."""
    return fold(text.translate(_QUOTES))


@dataclass(frozen=True)
class PageView:
    """A parsed page with what it declares about itself, read once."""

    document: _Element
    blocks: list[Block]
    url: str | None
    metadata: PageMetadata

    @classmethod
    def read(cls, document: _Element, blocks: list[Block], url: str | None) -> PageView:
        return cls(document, blocks, url, read_metadata(document))

    @cached_property
    def site(self) -> SiteNames:
        return site_names(self.metadata, self.url)

    @cached_property
    def open_graph_type(self) -> str:
        return next(self.metadata.meta_values(["og:type"]), "").casefold()

    @cached_property
    def headline(self) -> int | None:
        """The block of the headline: one labelled title, else the first ``h1``."""
        first_heading = None
        for index, block in enumerate(self.blocks):
            if block.kind is Kind.TITLE:
                return index
            if first_heading is None and block.heading_level == 1:
                first_heading = index
        return first_heading

    @cached_property
    def short_blocks(self) -> list[tuple[int, str]]:
        """(index, text folded with ``fold_quotes``) of the blocks short enough to be a line."""
        return [
            (index, fold_quotes(block.text))
            for index, block in enumerate(self.blocks)
            if len(block.text) <= SHORT_BLOCK_CHARS
        ]

    @cached_property
    def dated_blocks(self) -> list[int]:
        """The short blocks that write a four-digit number: the only ones that can hold a date."""
        return [index for index, _ in self.short_blocks if _YEAR.search(self.blocks[index].text)]

    @cached_property
    def kind_features(self) -> dict[str, float]:
        """What the page declares itself to be, as features shared by every candidate."""
        features = {f"og_{kind}": float(self.open_graph_type == kind) for kind in _OPEN_GRAPH_TYPES}
        for kind in _DECLARED_KINDS:
            features[f"ld_{kind}"] = float(any(self.metadata.nodes_of_kind(kind)))
        features["page_blocks"] = float(len(self.blocks))
        return features
