"""Cutting a text dump into blocks: one block per non-empty line.

Text dumps need no parsing: a line is the unit a crawler's converter wrote,
and its neighbours are the context the labeller reads. Any text is accepted:
CRLF and lone CR end lines, tabs and odd spaces fold into one space, and
control characters (NUL and the like, as in binary-looking input) and
zero-width characters are dropped.

Where a converter's lines are not the page's, they are made so first: a
Markdown dump (``blocks.markdown``) is read as the text it shows, a paragraph
a line, links as their text, without URLs or markup; a dump broken at a fixed
width has its paragraphs rejoined (``blocks.unwrap``); a wall of text, a page
joined by spaces, is cut into sentences (``blocks.sentences``).

Most lines need none of that, and a page has hundreds: a line that is
printable (no control, format or odd space character) with single inner
spaces and none at its ends is taken as it is, and only the others are tidied.
When the whole dump is so (most dumps of some converters), its lines are
taken as they are without asking each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import count

from cleaner.blocks.block import Block
from cleaner.blocks.markdown import is_markdown, markdown_as_text, markdown_headline
from cleaner.blocks.sentences import split_walls
from cleaner.blocks.unwrap import unwrapped

# Control characters other than line ends and tabs, and invisible format marks.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]+")
# Line breaks to ``str.splitlines`` but control characters to be dropped here.
_DROPPED_BREAKS = ("\x1c", "\x1d", "\x1e")


def _tidy(line: str) -> str:
    """``line`` without invisible characters, its white space folded into single spaces."""
    if not line.isprintable():
        line = _INVISIBLE.sub("", line)
    return " ".join(line.split())


def _tidy_already(text: str) -> bool:
    """Whether every line of ``text`` is printable, with single inner spaces and none at its ends.

    Line feeds are its only line breaks then (the others are not printable).
    """
    return (
        text.replace("\n", "").isprintable()
        and "  " not in text
        and " \n" not in text
        and "\n " not in text
        and text[:1] != " "
        and text[-1:] != " "
    )


def segment_text(text: str) -> list[Block]:
    """Every non-empty line of the dump, white space folded, in order, as a block."""
    return list(map(Block, count(), segment_lines(text)))


@dataclass(frozen=True, slots=True)
class DumpLines:
    """A dump's lines, and the headline its markup names, if any."""

    lines: list[str]
    # A Markdown dump's first level-1 heading (``markdown_headline``): the title line.
    headline: str | None = None


def segment_lines(text: str) -> list[str]:
    """``segment_text``'s lines as strings: what the text labeller reads, and makes
    blocks of once, labelled (``label_text_lines``)."""
    return read_dump(text).lines


def read_dump(text: str) -> DumpLines:
    """``segment_lines``, with the headline a Markdown dump names."""
    if is_markdown(text):
        return DumpLines(_tidied(markdown_as_text(text), None), markdown_headline(text))
    # Plain text of many lines is a dump broken at a width, or not (``unwrapped``), which
    # may split it into its lines on the way. (Markdown has paragraphs of many lines:
    # ``markdown_as_text`` joins them.)
    text, split = unwrapped(text)
    return DumpLines(_tidied(text, split))


def _tidied(text: str, split: list[str] | None) -> list[str]:
    """The non-empty lines of ``text`` (``split``, if given, is ``text`` split at line
    feeds), tidied; a wall of text's cut into sentences."""
    if any(character in text for character in _DROPPED_BREAKS):
        text, split = _INVISIBLE.sub("", text), None
    if _tidy_already(text):
        return split_walls(list(filter(None, split if split is not None else text.split("\n"))))
    lines = [
        line if line.isprintable() and "  " not in line and line == line.strip(" ") else _tidy(line)
        for line in text.splitlines()
    ]
    return split_walls(list(filter(None, lines)))
