"""Clutter phrases per language, read from ``cleaner/data/phrases/*.yaml``.

Adding a language is adding a file: every file found there is loaded, and a
line is matched against the phrases of all languages at once (a page's language
is not known before it is cleaned, and pages mix languages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from cleaner.blocks.block import Kind

_EDGE_PUNCTUATION = " \t:;,.!?-–—|»«›‹>•·*#\"'()[]"


def fold(text: str) -> str:
    """Case and surrounding punctuation folded, inner white space single."""
    return " ".join(text.lower().split()).strip(_EDGE_PUNCTUATION)


@dataclass(frozen=True, slots=True)
class PhraseBook:
    """All marker phrases, by kind, ready for matching."""

    whole: dict[str, Kind]
    start: tuple[tuple[str, Kind], ...]
    contains: tuple[tuple[str, Kind], ...]
    section_kinds: frozenset[Kind]
    month_numbers: dict[str, int]

    def match(self, line: str) -> tuple[Kind, str] | None:
        """The kind a line is marked as, and the phrase that marked it."""
        folded = fold(line)
        kind = self.whole.get(folded)
        if kind is not None:
            return kind, folded
        lowered = " ".join(line.lower().split())
        for phrase, kind in self.start:
            if lowered.startswith(phrase):
                return kind, phrase
        for phrase, kind in self.contains:
            if phrase in lowered:
                return kind, phrase
        return None


def _phrase_files() -> list[dict]:
    folder = resources.files("cleaner.data").joinpath("phrases")
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".yaml")),
        key=lambda entry: entry.name,
    )
    return [yaml.safe_load(entry.read_text(encoding="utf-8")) for entry in files]


@cache
def phrase_book() -> PhraseBook:
    """Every language's phrases merged into one book, loaded once."""
    whole: dict[str, Kind] = {}
    start: list[tuple[str, Kind]] = []
    contains: list[tuple[str, Kind]] = []
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
            start.extend((" ".join(str(p).lower().split()), kind) for p in lists.get("start", []))
            contains.extend((str(p).lower(), kind) for p in lists.get("contains", []))
    # Longest phrases first, so "share this article" wins over "share".
    start.sort(key=lambda item: -len(item[0]))
    contains.sort(key=lambda item: -len(item[0]))
    return PhraseBook(whole, tuple(start), tuple(contains), frozenset(section_kinds), month_numbers)


TIME_OF_DAY = re.compile(r"^\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?$", re.IGNORECASE)
