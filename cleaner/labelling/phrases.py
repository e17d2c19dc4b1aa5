"""Clutter phrases per language, read from ``cleaner/data/phrases/*.yaml``.

Adding a language is adding a file: every file found there is loaded, and a
line is matched against the phrases of all languages at once (a page's language
is not known before it is cleaned, and pages mix languages).

A page has hundreds of lines and is matched in one pass (``match_lines``):
a whole-line phrase is one dictionary look-up, a line is tried only against
the start phrases that begin with its first character, a line that starts
with a digit also against the phrases that follow a count ("59 comments on
“…”", "5 min read"), and all "contains" phrases are found in one pass over the
whole page by an Aho-Corasick automaton (``ahocorasick_rs``, compiled): one
substring search of the page per phrase cost most of a page's time in
phrases. ``match`` answers for one line with the very same code.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import compress
from typing import cast

import yaml
from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from cleaner.blocks.block import Kind

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


def alternation(phrases: Iterable[str]) -> str:
    """Longest first, so that "share this article" wins over "share"."""
    return "|".join(re.escape(phrase) for phrase in sorted(set(phrases), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class PhraseBook:
    """All marker phrases, by kind, ready for matching."""

    whole: dict[str, Kind]
    start_kinds: dict[str, Kind]
    # Longest first: a line holding several is marked by the longest.
    contains_kinds: dict[str, Kind]
    # The same phrases as markers, in the same order, and the automaton that finds
    # every occurrence of each (by its index there) in one pass over a page; None
    # when no language has a "contains" phrase.
    contains_markers: tuple[Marker, ...]
    contains_automaton: AhoCorasick | None
    # The start phrases by their first character: a line is tried only against
    # the few phrases that begin as it does.
    start_patterns: dict[str, re.Pattern[str]]
    start_prefixes: dict[str, tuple[str, ...]]
    # Phrases that follow a count at the start of a line ("59 comments on ..."):
    # one pattern, tried on the lines that start with a digit.
    counted_kinds: dict[str, Kind]
    counted_pattern: re.Pattern[str] | None
    section_kinds: frozenset[Kind]
    month_numbers: dict[str, int]
    # Every month name of ``month_numbers``, found in one pass over a text; None when
    # no language lists months.
    month_automaton: AhoCorasick | None

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

        They are joined for the automaton: joining first and splitting the lower-cased
        page again would cost half as much more.
        """
        if not lowered:
            return []
        text = "\n".join(lowered)
        markers: list[Marker | None] = [None] * len(lowered)
        whole, start_patterns, counted = self.whole, self.start_patterns, self.counted_pattern
        start_prefixes = self.start_prefixes
        for index, line in enumerate(lowered):
            if len(line) <= _MAX_WHOLE_CHARS:
                folded = line.strip(_EDGE_PUNCTUATION)
                kind = whole.get(folded)
                if kind is not None:
                    markers[index] = (kind, folded)
                    continue
            first = line[:1]
            prefixes = start_prefixes.get(first)
            # Most lines start with none of the phrases: ``startswith`` tells that sooner
            # than the pattern, which finds the longest phrase a line starts with.
            if prefixes is not None and line.startswith(prefixes):
                found = start_patterns[first].match(line)
                if found:
                    markers[index] = (self.start_kinds[found.group()], found.group())
                    continue
            if counted is not None and first.isdigit():
                found = counted.match(line)
                if found:
                    markers[index] = (self.counted_kinds[found.group(1)], found.group(1))
        self._mark_contained(text, lowered, markers)
        return markers

    def _mark_contained(self, text: str, lowered: list[str], markers: list[Marker | None]) -> None:
        """Mark each line not yet marked that holds a "contains" phrase, with its longest one.

        ``text`` is the page's lines lower-cased and joined, ``lowered`` the
        same lines apart; phrases hold no line break, so a match lies in one line.
        """
        if self.contains_automaton is None:
            return
        found = self.contains_automaton.find_matches_as_indexes(text, overlapping=True)
        if not found:
            return
        starts: list[int] = []
        offset = 0
        for line in lowered:
            starts.append(offset)
            offset += len(line) + 1
        # For each line, the first phrase (the longest) of those it holds.
        best: dict[int, int] = {}
        for phrase, position, _ in found:
            index = bisect_right(starts, position) - 1
            if markers[index] is None and phrase < best.get(index, len(self.contains_markers)):
                best[index] = phrase
        for index, phrase in best.items():
            markers[index] = self.contains_markers[phrase]


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
            for phrase in lists.get("after_count", []):
                counted_kinds.setdefault(_lowered(phrase).strip(), kind)
            for phrase in lists.get("contains", []):
                contains_kinds.setdefault(_lowered(phrase), kind)
    by_first_character: dict[str, list[str]] = {}
    for phrase in start_kinds:
        by_first_character.setdefault(phrase[:1], []).append(phrase)
    start_patterns = {
        character: re.compile(alternation(phrases))
        for character, phrases in by_first_character.items()
    }
    # Longest first, so that "share this article" wins over "share".
    contains = dict(sorted(contains_kinds.items(), key=lambda item: -len(item[0])))
    return PhraseBook(
        whole,
        start_kinds,
        contains,
        tuple((kind, phrase) for phrase, kind in contains.items()),
        AhoCorasick(list(contains), matchkind=MatchKind.Standard, implementation=Implementation.DFA)
        if contains
        else None,
        start_patterns,
        {character: tuple(phrases) for character, phrases in by_first_character.items()},
        counted_kinds,
        # A count is digits, maybe grouped ("1,204"), then one space.
        re.compile(rf"[0-9][0-9,.]* ({alternation(counted_kinds)})\b") if counted_kinds else None,
        frozenset(section_kinds),
        month_numbers,
        AhoCorasick(list(month_numbers), matchkind=MatchKind.Standard) if month_numbers else None,
    )
