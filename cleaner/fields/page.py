"""One page as the field choosers see it: its tree, blocks, metadata and site names.

The title, author and date choosers all read the same things about a page,
and the scorers of all three want to know what kind of page it is (an
article, a product, a forum thread), which the page itself often declares.
They are gathered here once per page.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from lxml.etree import _Element

from cleaner.blocks.block import Block
from cleaner.fields.lines import Lines
from cleaner.fields.sites import SiteNames, site_names
from cleaner.fields.structured import PageMetadata, landmarks, read_metadata

# The JSON-LD kinds of fields.yaml whose presence describes the page (features "ld_<kind>").
_DECLARED_KINDS = ("article_types", "page_types", "product_types", "forum_types")
_OPEN_GRAPH_TYPES = ("article", "website", "product")
_SLUG_WORD = re.compile(r"[^\W_]+")
_URL_DATE = re.compile(r"/(?:19|20)\d{2}[/-]\d{1,2}[/-]")
# A line's first four-digit number, and the rest of the line (so each line is found once).
_DATED = re.compile(r"\d{4}[^\n]*")


@dataclass(frozen=True)
class PageView:
    """A parsed page with what it declares about itself, read once."""

    document: _Element
    blocks: list[Block]
    url: str | None
    metadata: PageMetadata
    # The page's headings, meta, script, title and time elements, by tag (see ``landmarks``).
    elements: dict[str, list[_Element]]

    @classmethod
    def read(cls, document: _Element, blocks: list[Block], url: str | None) -> PageView:
        found = landmarks(document)
        return cls(document, blocks, url, read_metadata(document, found), found)

    @cached_property
    def site(self) -> SiteNames:
        return site_names(self.metadata, self.url)

    @cached_property
    def open_graph_type(self) -> str:
        return next(self.metadata.meta_values(["og:type"]), "").casefold()

    @cached_property
    def headline(self) -> int | None:
        """The block of the headline: the first ``h1``."""
        return next((i for i, block in enumerate(self.blocks) if block.heading_level == 1), None)

    @cached_property
    def lines(self) -> Lines:
        """The short blocks as one text, for one-pass searches."""
        return Lines.of(self.blocks)

    @cached_property
    def text(self) -> str:
        """Every block's text, each after a space: for searches of words across the page."""
        return " " + " ".join(block.text for block in self.blocks)

    def writes_lower_case(self, word: str) -> bool:
        """Whether the page writes ``word`` in lower case as a word of its own somewhere.

        Names are written capitalised everywhere; a menu's "Home" or a label's
        "Updated" is written lower case in running text too.
        """
        text, probe = self.text, " " + word.lower()
        position = text.find(probe)
        while position >= 0:
            after = position + len(probe)
            if after >= len(text) or not text[after].isalpha():
                return True
            position = text.find(probe, after)
        return False

    @cached_property
    def dated_blocks(self) -> list[int]:
        """The short blocks that write a four-digit number: the only ones that can hold a date."""
        lines = self.lines
        return [lines.blocks[lines.line_at(match.start())] for match in _DATED.finditer(lines.text)]

    @cached_property
    def prose(self) -> list[int]:
        """The blocks too long to be lines: the prose of the page."""
        return sorted(set(range(len(self.blocks))).difference(self.lines.blocks))

    def blocks_to_prose(self, index: int | None) -> float:
        """How many blocks lie from block ``index`` to the next block of prose.

        A headline, a byline and a dateline stand right above the article.
        """
        if index is None:
            return float("nan")
        after = bisect_right(self.prose, index)
        return float(self.prose[after] - index) if after < len(self.prose) else float("nan")

    @cached_property
    def slug(self) -> str:
        """The words of the last segment of the URL's path ("/blog/best-cameras-2025/")."""
        try:
            path = urlsplit(self.url or "").path.rstrip("/")
        except ValueError:
            return ""
        return " ".join(_SLUG_WORD.findall(path.rsplit("/", 1)[-1].rsplit(".", 1)[0]))

    @cached_property
    def kind_features(self) -> dict[str, float]:
        """What kind of page this is, as features shared by every candidate of every field.

        What the page declares (Open Graph and JSON-LD types), and what marks an
        article: prose (long blocks), a long slug, a date in the URL.
        """
        features = {f"og_{kind}": float(self.open_graph_type == kind) for kind in _OPEN_GRAPH_TYPES}
        for kind in _DECLARED_KINDS:
            features[f"ld_{kind}"] = float(any(self.metadata.nodes_of_kind(kind)))
        features["page_blocks"] = float(len(self.blocks))
        features["long_blocks"] = float(len(self.blocks) - len(self.lines.blocks))
        features["slug_words"] = float(len(self.slug.split()))
        features["url_has_date"] = float(bool(_URL_DATE.search(self.url or "")))
        return features
