"""Where a line of a text dump gets its label.

Rules over a line and its neighbours: marker phrases (per language, from data
files) name clutter kinds; a marker that opens a section ("Read next",
"Comments") takes the lines after it along, well-formed teaser sentences
included; body-like lines are kept, and a short line between body lines is an
in-article subheading.
"""

from __future__ import annotations

import re

from cleaner.blocks.block import Block, Kind
from cleaner.labelling.phrases import TIME_OF_DAY, phrase_book
from cleaner.resources import thresholds

_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]$")
_WORD = re.compile(r"\w+")


def _is_body_like(text: str, limits: dict) -> bool:
    words = len(_WORD.findall(text))
    if len(text) >= limits["long_line_chars"]:
        return True
    return words >= limits["min_body_words"] and bool(_TERMINAL.search(text))


def label_text_blocks(blocks: list[Block]) -> list[Block]:
    """Label every line of a dump kept or removed, with its kind and reason."""
    limits = thresholds("text")
    book = phrase_book()
    body_like = [_is_body_like(block.text, limits) for block in blocks]
    labelled: list[Block] = []
    section: Kind | None = None
    section_phrase = ""
    for index, block in enumerate(blocks):
        text = block.text
        marker = book.match(text)
        if marker is not None and (marker[0] in book.section_kinds or not body_like[index]):
            kind, phrase = marker
            if kind in book.section_kinds:
                section, section_phrase = kind, phrase
            labelled.append(block.labelled(False, kind, f"phrase: {phrase!r}"))
            continue
        if TIME_OF_DAY.match(text):
            labelled.append(block.labelled(False, Kind.TIMESTAMP, "rule: time of day"))
            continue
        if section is not None:
            labelled.append(block.labelled(False, section, f"section: after {section_phrase!r}"))
            continue
        if body_like[index]:
            labelled.append(block.labelled(True, Kind.BODY, "rule: sentence-like line"))
            continue
        words = len(_WORD.findall(text))
        before = index > 0 and body_like[index - 1]
        after = index + 1 < len(blocks) and body_like[index + 1]
        if before and after and words <= limits["max_heading_words"]:
            labelled.append(
                block.labelled(True, Kind.HEADING, "rule: short line between body lines")
            )
            continue
        labelled.append(block.labelled(False, Kind.OTHER, "rule: short line outside the body"))
    return labelled
