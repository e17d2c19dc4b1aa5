"""Blocks: the pieces a page is cut into, and the labels they receive.

Both kinds of input share this model. An HTML page is cut into paragraphs,
headings, list items, table cells and the like; a text dump into its lines.
Each block is then labelled kept or removed, with a ``kind`` (what it is) and a
``reason`` (the rule or model that decided), so that every removal can be
explained and audited in the blocks table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a block is. Kept blocks are ``body``, ``heading`` (and ``title``)."""

    BODY = "body"
    HEADING = "heading"
    TITLE = "title"
    BYLINE = "byline"
    TIMESTAMP = "timestamp"
    RELATED = "related"
    COMMENTS = "comments"
    SHARE = "share"
    NEWSLETTER = "newsletter"
    NAVIGATION = "navigation"
    ADVERTISEMENT = "advertisement"
    LEGAL = "legal"
    OTHER = "other"


@dataclass(slots=True)
class Block:
    """One piece of a page, in reading order.

    ``tag`` names the structure the block came from: an HTML tag (``p``,
    ``h2``, ``li``, ``td``, ...) or ``line`` for a line of a text dump.
    ``heading_level`` is 1-6 for headings (``h1``-``h6``, or a line recognised
    as a heading), else ``None``. The label fields are filled by a labeller.

    Blocks are treated as values: a labeller returns new blocks and never
    changes the ones it is given. The class is not frozen only because a page
    has hundreds of blocks and frozen dataclasses cost three times as much to
    create.
    """

    position: int
    text: str
    tag: str = "line"
    heading_level: int | None = None
    kept: bool = False
    kind: Kind = Kind.OTHER
    reason: str = ""

    def labelled(self, kept: bool, kind: Kind, reason: str) -> Block:
        """This block with a label; blocks are immutable, so a new one."""
        return Block(self.position, self.text, self.tag, self.heading_level, kept, kind, reason)
