"""Where an HTML block gets its label.

The main-content decision is trafilatura's: its extraction of the page says
which texts are the article; every block of the page is then labelled kept or
removed against it.
"""

from __future__ import annotations

import copy
import re

import trafilatura

from cleaner.blocks.block import Block, Kind
from cleaner.blocks.html import SegmentedPage

_SPACE = re.compile(r"\s+")


def label_html_blocks(page: SegmentedPage) -> list[Block]:
    """Label every block: kept when trafilatura's extraction holds its text."""
    if not page.elements:
        return []
    tree = page.elements[0].getroottree().getroot()
    extracted = trafilatura.extract(copy.deepcopy(tree), include_comments=False) or ""
    lines = {_SPACE.sub(" ", line).strip() for line in extracted.splitlines()}
    joined = _SPACE.sub(" ", extracted)
    labelled = []
    for block in page.blocks:
        inside = block.text in lines or (len(block.text) > 40 and block.text in joined)
        if inside:
            kind = Kind.HEADING if block.heading_level else Kind.BODY
            labelled.append(block.labelled(True, kind, "trafilatura: main content"))
        else:
            labelled.append(block.labelled(False, Kind.OTHER, "trafilatura: outside main content"))
    return labelled
