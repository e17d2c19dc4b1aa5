"""Cutting a text dump into blocks: one block per non-empty line.

Text dumps need no parsing: a line is the unit a crawler's converter wrote,
and its neighbours are the context the labeller reads. Any text is accepted:
CRLF and lone CR end lines, tabs and odd spaces fold into one space, and
control characters (NUL and the like, as in binary-looking input) and
zero-width characters are dropped.
"""

from __future__ import annotations

import re

from cleaner.blocks.block import Block

# Control characters other than line ends and tabs, and invisible format marks.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]+")


def segment_text(text: str) -> list[Block]:
    """Every non-empty line of the dump, white space folded, in order."""
    blocks: list[Block] = []
    for line in _INVISIBLE.sub("", text).splitlines():
        folded = " ".join(line.split())
        if folded:
            blocks.append(Block(len(blocks), folded))
    return blocks
