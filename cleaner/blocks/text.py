"""Cutting a text dump into blocks: one block per non-empty line.

Text dumps need no parsing: a line is the unit a crawler's converter wrote,
and its neighbours are the context the labeller reads.
"""

from __future__ import annotations

import re

from cleaner.blocks.block import Block

_SPACE = re.compile(r"[ \t\f\v\u00a0\u200b]+")


def segment_text(text: str) -> list[Block]:
    """Every non-empty line of the dump, white space folded, in order."""
    blocks: list[Block] = []
    for line in text.splitlines():
        folded = _SPACE.sub(" ", line).strip()
        if folded:
            blocks.append(Block(position=len(blocks), text=folded, tag="line"))
    return blocks
