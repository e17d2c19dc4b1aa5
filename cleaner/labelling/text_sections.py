"""Where a page's sections are, read from the sequence of lines.

A "Read next" or "Comments" header opens a section: the lines after it are
teasers, timestamps, section labels and comments, well-formed sentences
included, so inside a section a line needs more than a sentence-like look to
be kept. A section lasts until the article visibly resumes (two lines in a
row the model keeps, one of them prose: a sentence, or a few words at least)
or another section marker opens the next one. Two short labels the model keeps
on a page it is unsure of ("vlog", "Whisky" in a list of tags) resume nothing.
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
    markers: list[Marker | None],
    kept: np.ndarray,
    prose: np.ndarray,
    section_kinds: frozenset[Kind],
) -> list[Section | None]:
    """For each line, the section it lies in (not counting the marker line itself).

    ``kept`` says which lines would be kept as article text, ``prose`` which read as
    prose. A section ends where the article resumes: two kept lines in a row, one of
    them prose. One is not enough: a teaser is a well-formed sentence too, but teasers
    come one by one, between section labels and timestamps.
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
        if (
            current is not None
            and kept[index]
            and index < last
            and kept[index + 1]
            and (prose[index] or prose[index + 1])
        ):
            current = None
        found[index] = current
    return found
