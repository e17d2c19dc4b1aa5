"""Clutter phrases per language, read from ``cleaner/data/phrases/*.yaml``.

Adding a language is adding a file: every file found there is loaded, and a
line is matched against the phrases of all languages at once (a page's language
is not known before it is cleaned, and pages mix languages).

A page has hundreds of lines and is matched in one pass (``match_lines``):
whole-line phrases are dictionary look-ups, and one Aho-Corasick automaton
(``ahocorasick_rs``, compiled) finds, in the page's lines joined, every
"contains" phrase, every start phrase that follows a line break, and every
line that starts with a digit (tried against the phrases that follow a count:
"59 comments on “…”", "5 min read"). One substring search of the page per
phrase cost most of a page's time in phrases, and a Python step per line most
of what was left. ``match`` answers for one line with the very same code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import compress, repeat
from typing import cast

import numpy as np
import yaml
from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from cleaner.blocks.block import Kind
from cleaner.resources import thresholds

_EDGE_PUNCTUATION = " \t:;,.!?-–—|»«›‹>•·*#\"'()[]"
# A line longer than this is never a whole-line marker ("Read next", "Share").
_MAX_WHOLE_CHARS = 60

Marker = tuple[Kind, str]


def fold(text: str) -> str:
    """Case and surrounding punctuation folded, inner white space single."""
    lowered = text.lower()
    if lowered.isprintable() and "  " not in lowered:
        # Single spaces are its only white space (others are not printable): nothing to fold
        # inside, and the ends are stripped anyway. Most texts asked about are so.
        return lowered.strip(_EDGE_PUNCTUATION)
    return " ".join(lowered.split()).strip(_EDGE_PUNCTUATION)


def folds_longer_than(text: str, length: int) -> bool:
    """Whether ``fold(text)`` is surely longer than ``length``, told without folding ``text``.

    Folding splits the text into words and joins them again, which costs a
    string per word; this costs two. ``fold`` keeps the text's core (what
    edge punctuation surrounds) with each run of white space made one space,
    and lower case never shortens a character: a printable core (so white
    space in it is spaces) with more than ``length`` characters that are not
    spaces folds longer than ``length``.
    """
    if len(text) <= length:
        return False
    core = text.strip(_EDGE_PUNCTUATION)
    return core.isprintable() and len(core) - core.count(" ") > length


def marked_lines(markers: Sequence[Marker | None]) -> list[tuple[int, Marker]]:
    """Each marked line's index and marker, in page order.

    Most lines have no marker: ``itertools.compress`` passes over them (``None``
    is false, a marker true) without a Python step for each.
    """
    found = [(index, markers[index]) for index in compress(range(len(markers)), markers)]
    return cast(list[tuple[int, Marker]], found)


def lines_at(lengths: Sequence[int] | np.ndarray, positions: Sequence[int]) -> np.ndarray:
    """The line each of ``positions`` lies in, in lines of ``lengths`` joined by line feeds.

    Line ``i`` owns its text and the line feed after it; in the text with a line feed
    put before the first line too, the line feed before it and its text.
    """
    starts = np.zeros(len(lengths), dtype=np.intp)
    np.cumsum(np.asarray(lengths[:-1], dtype=np.intp) + 1, out=starts[1:])
    return np.searchsorted(starts, positions, side="right") - 1


def alternation(phrases: Iterable[str]) -> str:
    """Longest first, so that "share this article" wins over "share"."""
    return "|".join(re.escape(phrase) for phrase in sorted(set(phrases), key=len, reverse=True))


def _lengths(lines: list[str]) -> np.ndarray:
    return np.fromiter(map(len, lines), np.intp, len(lines))


# The digits a count starts with ("59 comments on ..."): the automaton finds the lines
# that start with one, for the pattern of the phrases that follow a count.
_DIGITS = "0123456789"


@dataclass(frozen=True, slots=True)
class PhraseBook:
    """All marker phrases, by kind, ready for matching."""

    whole: dict[str, Kind]
    start_kinds: dict[str, Kind]
    # Longest first: a line holding several is marked by the longest.
    contains_kinds: dict[str, Kind]
    # Phrases that follow a count at the start of a line ("59 comments on ..."): one
    # pattern, tried on the lines that start with a digit.
    counted_kinds: dict[str, Kind]
    counted_pattern: re.Pattern[str] | None
    section_kinds: frozenset[Kind]
    month_numbers: dict[str, int]
    # Every month name of ``month_numbers``, found in one pass over a text; None when
    # no language lists months.
    month_automaton: AhoCorasick | None
    # What ``line_automaton`` finds, by the index of its pattern: a "contains" phrase
    # (the markers of ``contains_kinds``, in order), then a start phrase, then a digit,
    # these two after a line break (a line that starts with it).
    line_patterns: tuple[tuple[Marker, ...], tuple[Marker, ...], str]
    line_automaton: AhoCorasick
    # Start phrases that mark a line only when it is short ("Credit:", "Photo:": a photo's
    # credit is a few words; a sentence may open so), and how short: at most this many words.
    short_starts: frozenset[str]
    short_start_max_words: int

    def match(self, line: str) -> Marker | None:
        """The kind a line is marked as, and the phrase that marked it."""
        return self.match_lines([" ".join(line.split())])[0]

    def match_lines(self, lines: list[str]) -> list[Marker | None]:
        """``match`` for every line of a page, in one pass.

        The lines must already have their white space folded (as
        ``segment_text`` leaves them) and hold no line break.
        """
        return self.match_lowered([line.lower() for line in lines])

    def match_lowered(self, lowered: list[str]) -> list[Marker | None]:
        """``match_lines`` for its lines lower-cased, each by ``str.lower`` (the title
        scorer reads them too).

        A line is marked by the first that marks it of: the whole line (its edge
        punctuation aside), the longest start phrase it starts with, a phrase after
        the count it starts with, the longest phrase it contains. Most lines hold
        none: the whole lines are looked up without a Python step per line, and one
        automaton finds every phrase of the others at once, in the page's lines joined.
        """
        if not lowered:
            return []
        count = len(lowered)
        markers: list[Marker | None] = [None] * count
        stripped = list(map(str.strip, lowered, repeat(_EDGE_PUNCTUATION)))
        whole_kinds = list(map(self.whole.get, stripped))
        for index in compress(range(count), whole_kinds):
            if len(lowered[index]) <= _MAX_WHOLE_CHARS:
                markers[index] = (whole_kinds[index], stripped[index])
        # Every line follows a line break, the first one too.
        found = self.line_automaton.find_matches_as_indexes(
            "\n" + "\n".join(lowered), overlapping=True
        )
        if not found:
            return markers
        patterns = [pattern for pattern, _, _ in found]
        lines = lines_at(_lengths(lowered), [start for _, start, _ in found]).tolist()
        self._mark_starts(lowered, markers, patterns, lines)
        contains = self.line_patterns[0]
        # For each line not marked yet, the first phrase (the longest) of those it holds.
        best: dict[int, int] = {}
        for pattern, index in zip(patterns, lines, strict=True):
            if (
                pattern < len(contains)
                and markers[index] is None
                and pattern < best.get(index, len(contains))
            ):
                best[index] = pattern
        for index, pattern in best.items():
            markers[index] = contains[pattern]
        return markers

    def month_lines(self, lowered: list[str]) -> list[int]:
        """The lines, lower-cased, that hold a month's name somewhere, in order (an automaton
        finds them all at once; the date patterns read only these)."""
        if self.month_automaton is None or not lowered:
            return []
        found = self.month_automaton.find_matches_as_indexes("\n".join(lowered), overlapping=True)
        return np.unique(lines_at(_lengths(lowered), [start for _, start, _ in found])).tolist()

    def _mark_starts(
        self,
        lowered: list[str],
        markers: list[Marker | None],
        patterns: list[int],
        lines: list[int],
    ) -> None:
        """Mark each line not yet marked with the longest start phrase it starts with, else
        with the phrase after the count it starts with (``patterns``: the automaton's finds,
        on ``lines``)."""
        contains, starts, _digits = self.line_patterns
        first_start, first_digit = len(contains), len(contains) + len(starts)
        longest: dict[int, Marker] = {}
        counted: list[int] = []
        for pattern, index in zip(patterns, lines, strict=True):
            if pattern < first_start or markers[index] is not None:
                continue
            if pattern >= first_digit:
                counted.append(index)
            else:
                marker = starts[pattern - first_start]
                if len(marker[1]) <= len(longest.get(index, (None, ""))[1]) or (
                    marker[1] in self.short_starts
                    and lowered[index].count(" ") >= self.short_start_max_words
                ):
                    continue
                longest[index] = marker
        markers_found = dict(longest)
        if self.counted_pattern is not None:
            for index in counted:
                if index not in markers_found and (
                    found := self.counted_pattern.match(lowered[index])
                ):
                    markers_found[index] = (self.counted_kinds[found.group(1)], found.group(1))
        for index, marker in markers_found.items():
            markers[index] = marker


# Kinds whose marker, standing alone as a paragraph, is never article text.
CLUTTER_KINDS = frozenset(
    {
        Kind.RELATED,
        Kind.COMMENTS,
        Kind.SHARE,
        Kind.NEWSLETTER,
        Kind.NAVIGATION,
        Kind.ADVERTISEMENT,
        Kind.LEGAL,
    }
)


@cache
def _longest_clutter_marker() -> int:
    markers = phrase_book().whole
    return max(
        (len(phrase) for phrase, kind in markers.items() if kind in CLUTTER_KINDS), default=0
    )


def clutter_marker(text: str) -> Kind | None:
    """The kind of a text that is, whole, a clutter marker ("Read next", "Also read:").

    A text that surely folds longer than any marker is not folded: most texts
    asked about are sentences.
    """
    return _whole_clutter(text, _longest_clutter_marker(), phrase_book().whole)


def first_clutter_marker(texts: Iterable[str]) -> str | None:
    """The first of ``texts`` that is, whole, a clutter marker (a body's paragraphs)."""
    longest, whole = _longest_clutter_marker(), phrase_book().whole
    return next((text for text in texts if _whole_clutter(text, longest, whole)), None)


def _whole_clutter(text: str, longest: int, whole: dict[str, Kind]) -> Kind | None:
    if len(text) > longest and folds_longer_than(text, longest):
        return None
    kind = whole.get(fold(text))
    return kind if kind in CLUTTER_KINDS else None


@cache
def phrase_files() -> tuple[dict, ...]:
    """Every language's phrase file as read, sorted by file name (read once: do not change)."""
    folder = resources.files("cleaner.data").joinpath("phrases")
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".yaml")),
        key=lambda entry: entry.name,
    )
    return tuple(yaml.safe_load(entry.read_text(encoding="utf-8")) for entry in files)


def _lowered(phrase: object) -> str:
    """Lower case, inner white space single; a trailing space is kept ("by " is not "bylaw")."""
    text = str(phrase)
    return " ".join(text.lower().split()) + (" " if text.endswith(" ") else "")


@cache
def phrase_book() -> PhraseBook:
    """Every language's phrases merged into one book, loaded once."""
    whole: dict[str, Kind] = {}
    start_kinds: dict[str, Kind] = {}
    counted_kinds: dict[str, Kind] = {}
    contains_kinds: dict[str, Kind] = {}
    section_kinds: set[Kind] = set()
    month_numbers: dict[str, int] = {}
    short_starts: set[str] = set()
    for language in phrase_files():
        for number, forms in enumerate(language.get("months") or [], start=1):
            for form in forms:
                month_numbers.setdefault(str(form).lower(), number)
        for kind_name, lists in (language.get("kinds") or {}).items():
            kind = Kind(kind_name)
            if lists.get("opens_section"):
                section_kinds.add(kind)
            for phrase in lists.get("whole", []):
                whole.setdefault(fold(str(phrase)), kind)
            for phrase in lists.get("start", []):
                start_kinds.setdefault(_lowered(phrase), kind)
            for phrase in lists.get("short_start", []):
                start_kinds.setdefault(_lowered(phrase), kind)
                short_starts.add(_lowered(phrase))
            for phrase in lists.get("after_count", []):
                counted_kinds.setdefault(_lowered(phrase).strip(), kind)
            for phrase in lists.get("contains", []):
                contains_kinds.setdefault(_lowered(phrase), kind)
    # Longest first, so that "share this article" wins over "share".
    contains = dict(sorted(contains_kinds.items(), key=lambda item: -len(item[0])))
    line_patterns = (
        tuple((kind, phrase) for phrase, kind in contains.items()),
        tuple((kind, phrase) for phrase, kind in start_kinds.items()),
        _DIGITS if counted_kinds else "",
    )
    return PhraseBook(
        whole,
        start_kinds,
        contains,
        counted_kinds,
        # A count is digits, maybe grouped ("1,204"), then one space.
        re.compile(rf"[0-9][0-9,.]* ({alternation(counted_kinds)})\b") if counted_kinds else None,
        frozenset(section_kinds),
        month_numbers,
        AhoCorasick(list(month_numbers), matchkind=MatchKind.Standard) if month_numbers else None,
        line_patterns,
        AhoCorasick(
            [
                *contains,
                *(f"\n{phrase}" for phrase in start_kinds),
                *(f"\n{digit}" for digit in line_patterns[2]),
            ],
            matchkind=MatchKind.Standard,
            implementation=Implementation.DFA,
        ),
        frozenset(short_starts),
        thresholds("phrases")["short_start_max_words"],
    )
