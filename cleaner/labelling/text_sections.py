"""Where a page's sections and its title are, read from the sequence of lines.

A "Read next" or "Comments" header opens a section: the lines after it are
teasers, timestamps, section labels and comments, well-formed sentences
included, so inside a section a line needs more than a sentence-like look to
be kept. A section lasts until the article visibly resumes (two lines in a
row the model keeps) or another section marker opens the next one.

The title is not part of the body. Converters often write the page's
``<title>`` as the first line and the headline again just above the body, so
the title is the line before the body that best repeats the first line's
words; a first line that is itself a short unpunctuated line is the fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from cleaner.blocks.block import Kind
from cleaner.labelling.phrases import Marker

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Section:
    """The section a line belongs to: its kind and the marker phrase that opened it."""

    kind: Kind
    phrase: str


def sections(
    markers: list[Marker | None],
    probabilities: np.ndarray,
    section_kinds: frozenset[Kind],
    keep: float,
) -> list[Section | None]:
    """For each line, the section it lies in (not counting the marker line itself).

    A section ends where the article resumes: two lines in a row that the
    model keeps. One is not enough: a teaser is a well-formed sentence too,
    but teasers come one by one, between section labels and timestamps.
    """
    found: list[Section | None] = [None] * len(markers)
    current: Section | None = None
    kept = probabilities >= keep
    last = len(markers) - 1
    for index, marker in enumerate(markers):
        if marker is not None:
            kind, phrase = marker
            current = Section(kind, phrase) if kind in section_kinds else current
            continue
        if current is not None and kept[index] and index < last and kept[index + 1]:
            current = None
        found[index] = current
    return found


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def find_title(
    lines: list[str],
    probabilities: np.ndarray,
    keep: float,
    max_words: int,
    min_overlap: float,
) -> int | None:
    """The index of the title line, or None when no line reads as one.

    Candidates are the short lines before the first kept line. The first line
    of the dump (usually the ``<title>``) votes for the candidate sharing most
    of its words; a first line that is itself a candidate is the fallback.
    """
    kept = np.flatnonzero(probabilities >= keep)
    body_start = int(kept[0]) if len(kept) else len(lines)
    candidates = [
        index
        for index in range(body_start)
        if len(_WORD.findall(lines[index])) <= max_words and not lines[index].endswith(".")
    ]
    if not candidates:
        return None
    first_words = _words(lines[0])
    best, best_overlap = None, min_overlap
    for index in candidates:
        if index == 0:
            continue
        words = _words(lines[index])
        if len(words) < 2:
            continue
        overlap = len(words & first_words) / len(words)
        if overlap >= best_overlap:
            best, best_overlap = index, overlap
    if best is None and candidates[0] == 0 and len(first_words) >= 2:
        return 0
    return best
