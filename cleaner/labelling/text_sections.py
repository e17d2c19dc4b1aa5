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
_STEM_CHARS = 4
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•»]{1,2}\s+")


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
    current: Section | None = None
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


def _stems(text: str) -> set[str]:
    """The words of ``text`` cut to their first four letters.

    A crude stem, but it lets inflected forms ("новые"/"новых", "trend"/"trends")
    count as the same word in any language.
    """
    return {word[:_STEM_CHARS] for word in _WORD.findall(text.lower())}


def _shared_at_most(stems: set[str], text: str) -> int:
    """At least as many of ``stems`` as are stems of ``text``: those written anywhere in it.

    A stem of ``text`` is the start of one of its words, so it is written in
    ``text``. A page has dozens of short lines before its body (menus,
    labels) that share no word with the headline: this bound, a few
    substring searches, rules them out (their Jaccard index is at most
    ``shared / len(stems)``) before their own stems are listed.
    """
    lowered = text.lower()
    return sum(stem in lowered for stem in stems)


def without_site_name(title: str) -> str:
    """A page title without the site's name: "Headline - Site" -> "Headline".

    The headline is the longest of the parts a separator cuts the title into.
    """
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    return max(parts, key=len) if parts else title


def find_title(
    lines: list[str],
    words: np.ndarray,
    body_start: int,
    max_words: int,
    min_overlap: float,
) -> int | None:
    """The index of the title line, or None when no line reads as one.

    Candidates are the short lines (``words`` per line) up to the first line
    of the article, ``body_start`` (a headline the model kept is that line).
    The first line of the dump (usually the ``<title>``, less the site's
    name) picks the candidate that shares most of its (stemmed) words, by
    Jaccard index; a first line that is itself a candidate is the fallback.
    """
    before_body = words[: body_start + 1]
    short = np.flatnonzero((before_body >= 2) & (before_body <= max_words)).tolist()
    candidates = [index for index in short if not lines[index].endswith(".")]
    if not candidates:
        return None
    headline = _stems(without_site_name(lines[0]))
    best, best_overlap = None, min_overlap
    for index in candidates[1:] if candidates[0] == 0 else candidates:
        if headline and _shared_at_most(headline, lines[index]) / len(headline) < best_overlap:
            continue
        found = _stems(lines[index])
        overlap = len(found & headline) / len(found | headline)
        if overlap >= best_overlap:
            best, best_overlap = index, overlap
    if best is None and candidates[0] == 0:
        return 0
    return best
