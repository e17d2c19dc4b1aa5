"""Where a page's sections are, read from the sequence of lines.

A "Read next" or "Comments" header opens a section: the lines after it are
teasers, timestamps, section labels and comments, well-formed sentences
included, so inside a section a line needs more than a sentence-like look to
be kept. A section lasts until the article visibly resumes (two lines in a
row the model keeps) or another section marker opens the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cleaner.blocks.block import Kind
from cleaner.labelling.phrases import Marker, marked_lines


@dataclass(frozen=True, slots=True)
class Section:
    """The section a line belongs to: its kind and the marker phrase that opened it."""

    kind: Kind
    phrase: str


def sections(
    markers: list[Marker | None], kept: np.ndarray, section_kinds: frozenset[Kind]
) -> list[Section | None]:
    """For each line, the section it lies in (not counting the marker line itself).

    ``kept`` says which lines would be kept as article text. A section ends
    where the article resumes: two such lines in a row. One is not enough: a
    teaser is a well-formed sentence too, but teasers come one by one,
    between section labels and timestamps.
    """
    found: list[Section | None] = [None] * len(markers)
    # Lines before the first section marker are in no section (most pages have none).
    opening = next(
        (index for index, (kind, _) in marked_lines(markers) if kind in section_kinds), None
    )
    if opening is None:
        return found
    current: Section | None = None
    last = len(markers) - 1
    for index in range(opening, len(markers)):
        marker = markers[index]
        if marker is not None:
            kind, phrase = marker
            current = Section(kind, phrase) if kind in section_kinds else current
            continue
        if current is not None and kept[index] and index < last and kept[index + 1]:
            current = None
        found[index] = current
    return found
