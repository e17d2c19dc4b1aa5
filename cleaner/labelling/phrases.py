"""Clutter phrases per language, read from ``cleaner/data/phrases/*.yaml``.

Adding a language is adding a file: every file found there is loaded, and a
line is matched against the phrases of all languages at once (a page's language
is not known before it is cleaned, and pages mix languages).

A page has hundreds of lines, so the phrases are compiled into one regular
expression per way of matching ("the line starts with", "the line contains")
and a whole page is matched in a single pass over its text (``match_lines``);
``match`` answers for one line with the very same expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from cleaner.blocks.block import Kind

_EDGE_PUNCTUATION = " \t:;,.!?-–—|»«›‹>•·*#\"'()[]"
# A line longer than this is never a whole-line marker ("Read next", "Share").
_MAX_WHOLE_CHARS = 60

Marker = tuple[Kind, str]


def fold(text: str) -> str:
    """Case and surrounding punctuation folded, inner white space single."""
    return " ".join(text.lower().split()).strip(_EDGE_PUNCTUATION)


def _alternation(phrases: list[str]) -> str:
    """Longest first, so that "share this article" wins over "share"; none matches nothing."""
    if not phrases:
        return "(?!)"
    return "|".join(re.escape(phrase) for phrase in sorted(set(phrases), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class PhraseBook:
    """All marker phrases, by kind, ready for matching."""

    whole: dict[str, Kind]
    start_kinds: dict[str, Kind]
    contains_kinds: dict[str, Kind]
    start_pattern: re.Pattern[str]
    contains_pattern: re.Pattern[str]
    section_kinds: frozenset[Kind]
    month_numbers: dict[str, int]

    def match(self, line: str) -> Marker | None:
        """The kind a line is marked as, and the phrase that marked it."""
        folded = fold(line)
        kind = self.whole.get(folded)
        if kind is not None:
            return kind, folded
        lowered = " ".join(line.lower().split())
        found = self.start_pattern.match(lowered)
        if found:
            return self.start_kinds[found.group()], found.group()
        found = self.contains_pattern.search(lowered)
        if found:
            return self.contains_kinds[found.group()], found.group()
        return None

    def match_lines(self, lines: list[str]) -> list[Marker | None]:
        """``match`` for every line of a page, in one pass per kind of phrase.

        The lines must already have their white space folded (as
        ``segment_text`` leaves them) and hold no line break.
        """
        markers: list[Marker | None] = [None] * len(lines)
        if not lines:
            return markers
        whole = self.whole
        for index, line in enumerate(lines):
            if len(line) <= _MAX_WHOLE_CHARS:
                kind = whole.get(fold(line))
                if kind is not None:
                    markers[index] = (kind, fold(line))
        # Lower-casing may change a line's length ("İ"), so offsets are taken after it.
        lowered = "\n".join(lines).lower()
        starts = [0]
        for line in lowered.split("\n")[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        for found in self.start_pattern.finditer(lowered):
            index = bisect_right(starts, found.start()) - 1
            if markers[index] is None:
                markers[index] = (self.start_kinds[found.group()], found.group())
        for found in self.contains_pattern.finditer(lowered):
            index = bisect_right(starts, found.start()) - 1
            if markers[index] is None:
                markers[index] = (self.contains_kinds[found.group()], found.group())
        return markers


def _phrase_files() -> list[dict]:
    folder = resources.files("cleaner.data").joinpath("phrases")
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".yaml")),
        key=lambda entry: entry.name,
    )
    return [yaml.safe_load(entry.read_text(encoding="utf-8")) for entry in files]


def _lowered(phrase: object) -> str:
    return " ".join(str(phrase).lower().split())


@cache
def phrase_book() -> PhraseBook:
    """Every language's phrases merged into one book, loaded once."""
    whole: dict[str, Kind] = {}
    start_kinds: dict[str, Kind] = {}
    contains_kinds: dict[str, Kind] = {}
    section_kinds: set[Kind] = set()
    month_numbers: dict[str, int] = {}
    for language in _phrase_files():
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
            for phrase in lists.get("contains", []):
                contains_kinds.setdefault(_lowered(phrase), kind)
    # The "^" of a start phrase is the start of any line of a page's text.
    start_pattern = re.compile(f"^(?:{_alternation(list(start_kinds))})", re.MULTILINE)
    contains_pattern = re.compile(_alternation(list(contains_kinds)))
    return PhraseBook(
        whole,
        start_kinds,
        contains_kinds,
        start_pattern,
        contains_pattern,
        frozenset(section_kinds),
        month_numbers,
    )


TIME_OF_DAY = re.compile(r"^\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?$", re.IGNORECASE)
