"""What a byline's names look like, and how they are read out of it.

A byline says more than the names: "By Jonathan Sayers Jan. 31, 2026",
"Written by Moses Kim and Kate Shokurova | 5 min read", "ByShivya Nath".
The prefix is cut, the names end where a date, a role or a note starts, and
what is left must look like names: capitalised words with particles between
("Jan van der Berg"), or a single user name. A URL, a phone number or a word
such as "admin" is no name. The words involved are data (``fields.yaml``,
``author:``).
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from typing import Any

from cleaner.fields.structured import squeeze
from cleaner.labelling.phrases import alternation, phrase_book
from cleaner.resources import load_yaml

_URL_LIKE = re.compile(r"https?:|www\.|\.com\b|/|@")
# A declared value kept whole must still not be a link or a handle ("@ann").
_LINK_LIKE = re.compile(r"https?:|www\.|/|^@")
# Several words with a long number are a phone number or a count, not names; a single
# word with digits is a user name ("paulb203").
_LONG_NUMBER = re.compile(r"\d{3}")
_LETTER = re.compile(r"[^\W\d_]")
# A full stop after a name's last word ("© 2025 Toby Hede."), not after an initial or an
# abbreviation ("Ann B.", "Jr.", "Inc."): the end of the sentence the byline stood in.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{4})\.$")
# A user name rather than a name: digits, joining marks or no capital letter.
_HANDLE = re.compile(r"\d|[_.\-]|^[^A-Z]*$")
# Marks a name is cut free of at both ends ("Ann Lee |", "· Bo Chan").
NAME_EDGES = " ,:;-–—|·•"


@cache
def author_rules() -> dict[str, Any]:
    """The ``author:`` section of ``fields.yaml``."""
    return load_yaml("fields.yaml")["author"]


@cache
def _prefix_pattern() -> re.Pattern[str]:
    rules = author_rules()
    spaced = alternation(rules["prefixes"])
    glued = "|".join(re.escape(prefix) for prefix in rules["glued_prefixes"])
    # "ByAnn Lee" (inline elements glued together) counts; "Bystander" does not.
    return re.compile(
        rf"^(?:(?:{spaced})(?:\s+|(?<=:))|(?:{glued})(?-i:(?=[A-Z][a-z])))", re.IGNORECASE
    )


@cache
def _stop_pattern() -> re.Pattern[str]:
    stops = author_rules()["stop_words"]
    words = "|".join(re.escape(word) for word in stops if word[0].isalpha())
    marks = "".join(re.escape(word) for word in stops if not word[0].isalpha())
    months = "|".join(re.escape(name) for name in phrase_book().month_numbers)
    # A word, a mark between spaces, a bullet, a number ("12 posts") or a date ("Jan. 3"):
    # the names end there.
    return re.compile(
        rf"\s(?:{words})\b|\s[{marks}]\s|[|•·]|\s\d|\s(?:{months})\.?\s*\d", re.IGNORECASE
    )


def looks_like_names(text: str) -> bool:
    """Capitalised words, with particles ("van", "and") between: how names are written.

    A single lower-case word passes (forum user names are written so); a
    month name alone does not.
    """
    words = text.split()
    if len(words) == 1:
        return words[0].casefold().rstrip(".") not in phrase_book().month_numbers
    particles = author_rules()["name_particles"]
    return all(
        not word[0].isalpha() or word[0].isupper() or word.casefold() in particles for word in words
    )


def handle_like(text: str) -> bool:
    """Whether ``text`` is a user name ("paulb203", "b.scherer") rather than a person's name."""
    return " " not in text and bool(_HANDLE.search(text))


def _without_prefix(text: str) -> str:
    """``text`` unescaped, its white space squeezed, a leading "By" or "Written by" cut."""
    return _prefix_pattern().sub("", squeeze(unescape(text)), count=1)


def clean_byline(text: str) -> str | None:
    """The name(s) in a byline: prefix, date, role and trailing note removed; None if none."""
    rules = author_rules()
    text = _without_prefix(text).strip(" :,-")
    stop = _stop_pattern().search(text)
    if stop is not None:
        text = text[: stop.start()]
    text = _SENTENCE_END.sub("", text.strip(NAME_EDGES))
    if (
        not text
        or not _LETTER.search(text)
        or len(text) > rules["max_chars"]
        or len(text.split()) > rules["max_words"]
        or _URL_LIKE.search(text)
        or (" " in text and _LONG_NUMBER.search(text))
        or text.casefold() in rules["not_names"]
        or not looks_like_names(text)
    ):
        return None
    return text


def whole_name(text: str) -> str | None:
    """An author value as written (prefix cut, white space squeezed, edges trimmed), or None.

    Meta tags and JSON-LD state what the site calls its author, which is
    often more than the byline rules keep ("Holly Wilgus, E-RYT 200",
    "Center for Drug Evaluation and Research", "kirstin boatto"); the whole
    value is a candidate beside the cleaned one, and the scorer learns when
    to trust it. Links, handles and words that are no name are refused.
    """
    rules = author_rules()
    text = _without_prefix(text).strip(NAME_EDGES)
    if (
        not text
        or not _LETTER.search(text)
        or len(text) > rules["max_whole_chars"]
        or _LINK_LIKE.search(text)
        or text.casefold() in rules["not_names"]
    ):
        return None
    return text
