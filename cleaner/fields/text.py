"""The fields of a text dump: what its labelled lines say about title, author and date.

The labeller has already named the lines: the ``title`` line is the title;
a ``byline`` line gives the author once its lead-in ("By", "Von", "Autor:")
and any trailing date or role are cut away; the first date written in a
``timestamp`` or ``byline`` line above the end of the article is the
publication time. A byline that is only the lead-in ("By" on a line of its
own, as converters that write one text node per line give it) takes the
name from the next line.
"""

from __future__ import annotations

import re
from functools import cache

from cleaner.articles import Fields
from cleaner.blocks.block import Block, Kind
from cleaner.fields.dates import parse_date
from cleaner.fields.names import clean_byline
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text_sections import without_site_name
from cleaner.resources import thresholds

# Where a name stops: a separator, a date or time, a role after a comma.
_NAME_END = re.compile(r"\s*(?:[|•·,;:(\[]|\s[-–—]\s|\d|\bon\b).*$", re.IGNORECASE)
# A dash after a space ends the names too ("by Ann Lee —10 min read"); one inside a word does not.
_DASH_END = re.compile(r"\s[-–—].*$")
_LEAD_IN_END = re.compile(r"^[\s:;,.\-–—]+")
_NAME = re.compile(r"^\w[\w.'’\-& ]*\w\.?$")


def _after_lead_in(text: str) -> str:
    """The byline's text after the marker phrase that opened it ("By ", "Autor:")."""
    marker = phrase_book().match(text)
    lowered = text.lower()
    if marker is not None and lowered.startswith(marker[1]):
        text = text[len(marker[1]) :]
    elif marker is not None and marker[1] == lowered.strip(" :"):
        return ""
    return _LEAD_IN_END.sub("", text)


def _before_timestamp(text: str) -> str:
    """``text`` up to a timestamp phrase of any language ("Published", "Aktualisiert am")."""
    lowered = text.lower()
    cut = min(
        (lowered.find(phrase) for phrase in _timestamp_phrases() if phrase in lowered),
        default=len(text),
    )
    return text[:cut]


@cache
def _timestamp_phrases() -> tuple[str, ...]:
    book = phrase_book()
    return tuple(
        phrase.strip(" :")
        for phrase, kind in (*book.start_kinds.items(), *book.contains_kinds.items())
        if kind is Kind.TIMESTAMP
    )


def author_name(byline: str, next_line: str | None = None) -> str | None:
    """The name in a byline, without its lead-in; None when it holds no name."""
    limits = thresholds("text")
    rest = _after_lead_in(byline)
    if not rest and next_line is not None:
        rest = next_line
    # The byline rules of the HTML path cut what follows the names (a month, "in
    # <section>", a second lead-in) and refuse what is no name.
    rest = clean_byline(_DASH_END.sub("", _before_timestamp(rest)))
    if rest is None:
        return None
    name = _NAME_END.sub("", rest).strip()
    words = name.split()
    if not words or len(words) > limits["max_author_words"] or not _NAME.match(name):
        return None
    if not any(word[0].isupper() for word in words):
        return None
    return name


def _title(blocks: list[Block]) -> str | None:
    line = next((block.text for block in blocks if block.kind is Kind.TITLE), None)
    return without_site_name(line) if line else None


def _author(blocks: list[Block]) -> str | None:
    for index, block in enumerate(blocks):
        if block.kind is Kind.BYLINE:
            following = blocks[index + 1].text if index + 1 < len(blocks) else None
            name = author_name(block.text, following)
            if name:
                return name
    return None


def text_fields(blocks: list[Block], url: str | None) -> Fields:
    """Title, author and publication time where the labeller recognised their lines."""
    kept = [index for index, block in enumerate(blocks) if block.kept]
    article_end = kept[-1] if kept else len(blocks)
    published_at = None
    for block in blocks[:article_end]:
        if block.kind in (Kind.TIMESTAMP, Kind.BYLINE):
            published_at = parse_date(block.text)
            if published_at is not None:
                break
    return Fields(title=_title(blocks), author=_author(blocks), published_at=published_at, url=url)
