"""Naming the clutter: the kind of a removed block, and the evidence for it.

The block model only says "main content or not"; a person reading the blocks
table wants to know what a removed block is. The most direct evidence wins:
the block's own words (a phrase of the phrase book: "Read more", "Share"),
then the innermost container that names a kind (``<nav>``,
``class="comment-list"``), then the shape of the text (a date, a line of
links). A section opened by a marker ("Related articles", "Comments") gives
its kind to the removed blocks that follow it, up to the next kept block.
"""

from __future__ import annotations

import re

from cleaner.blocks.block import Kind
from cleaner.labelling.html_context import Clutter
from cleaner.labelling.html_words import dom_words
from cleaner.labelling.phrases import Marker, phrase_book
from cleaner.resources import thresholds

_NUMERIC_DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}"
    r"|\d+\s*(?:min|mins|minutes|hours?|days?|weeks?|months?|years?)\s+ago)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
# "Version 3.8.11", "v2.1.0": dotted numbers that are not dates.
_VERSION = re.compile(r"\b(?:version|v)\.?\s*\d+(?:\.\d+)+", re.IGNORECASE)


def looks_like_date(text: str) -> bool:
    """Whether a short text is a date or a time ("March 3, 2024", "5 hours ago").

    Callers bound the length (``date_max_words``): in a long text a date is
    just part of a sentence. A month name needs a number beside it ("May"
    alone is a word), and a bare year is not a date.
    """
    text = _VERSION.sub(" ", text)
    if _NUMERIC_DATE.search(text):
        return True
    if _NUMBER.search(text) is None:
        return False
    months = phrase_book().month_numbers
    return any(word.strip(",.").lower() in months for word in text.split())


class ClutterNamer:
    """Names removed blocks one after the other, in reading order, for one page."""

    def __init__(self) -> None:
        self.open_section: tuple[Kind, str] | None = None
        self.section_kinds = phrase_book().section_kinds
        self.limits = thresholds("html")

    def kept(self) -> None:
        """A kept block closes any section a marker opened."""
        self.open_section = None

    def name(
        self,
        text: str,
        phrase: Marker | None,
        clutter: Clutter | None,
        link_density: float,
        box_link_density: float,
        date_like: bool,
        after_content: bool,
    ) -> tuple[Kind, str]:
        """The kind of a removed block and the evidence for it, in a few words.

        ``box_link_density`` is the share of links in the box around the block
        (a column title of a footer of links is navigation too); ``date_like``
        says the block is a short date (the feature of that name);
        ``after_content`` says the block comes after the last kept block: a
        link there with a headline's length is a teaser of another page.
        """
        if phrase is not None:
            kind = Kind(phrase[0])
            evidence = f"phrase '{phrase[1]}'"
            if kind in self.section_kinds:
                self.open_section = (kind, f"after '{phrase[1]}'")
            return kind, evidence
        if clutter is not None:
            return dom_words().group_kinds[clutter.group], f"inside {clutter.evidence}"
        if self.open_section is not None:
            return self.open_section
        if date_like:
            return Kind.TIMESTAMP, "a date"
        limits = self.limits
        if link_density >= limits["links_max_link_density"]:
            if after_content and len(text.split()) >= limits["teaser_min_words"]:
                return Kind.RELATED, "a link after the content"
            return Kind.NAVIGATION, "mostly links"
        if box_link_density >= limits["links_max_link_density"]:
            return Kind.NAVIGATION, "among links"
        return Kind.OTHER, ""
