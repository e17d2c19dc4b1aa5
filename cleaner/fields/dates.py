"""Reading a publication time from what a page writes: ISO stamps and human dates.

Month names come from the phrase files of every language (``months:``), so a
date in a new language needs only that language's file. Every result is a
timezone-aware datetime: a time stated with an offset keeps that offset (its
day is the page's day: "2025-12-19T01:00+05:30" is the 19th, not the UTC
18th), any other time or date is UTC; a date without a time is midnight UTC.

Year-first numeric dates ("2024/11/29", "2024.11.29") are always year, month,
day. Numeric dates ("11/29/2024", "29.11.2024", "11-29-2024") are read day first
when the first number cannot be a month, month first when the second cannot
be; otherwise the order is the caller's hint (``day_first``, e.g. from another
date of the page), by default day first with dots and month first with
slashes or hyphens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from functools import cache

from cleaner.labelling.phrases import alternation, phrase_book

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)")
_YEAR_SLASH = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
# Year first with dots ("2025.12.17", Korean "2025. 12. 17."); not inside a file name or a
# version ("archlinux-2022.06.01-x86_64.iso", "ver=2025.11.17-e581f4").
_YEAR_DOTS = re.compile(r"(?<![\w.-])(\d{4})\. ?(\d{1,2})\. ?(\d{1,2})(?![\w-]|\.\w)")
_MONTHS_IN_YEAR = 12
# Every form written here has a four-digit year: a text without one holds no date.
_YEAR = re.compile(r"\d{4}")
_EARLIEST_YEAR = 1990


@cache
def _human_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    month = "(" + alternation(phrase_book().month_numbers) + r")\.?"
    day = r"(\d{1,2})(?:st|nd|rd|th|er|\.|º|°)?"
    # "4 August 2021", "4. August 2021", "4 de agosto de 2021", "04-Aug-2021".
    day_first = re.compile(
        rf"(?<![\w-]){day}(?:\s*(?:de\s+)?|-){month}(?:,?\s*(?:de\s+)?|-)(\d{{4}})(?!\d)",
        re.IGNORECASE,
    )
    month_first = re.compile(rf"(?<!\w){month}\s+{day},?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
    return day_first, month_first


def _valid(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    offset: timedelta | None = None,
) -> datetime | None:
    try:
        # ``timezone`` refuses an offset of a day or more: no place has one.
        zone = UTC if offset is None else timezone(offset)
        moment = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
    if year < _EARLIEST_YEAR:
        return None
    return moment


def _offset(text: str | None) -> timedelta | None:
    if not text or text == "Z":
        return None
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))


def _matches(text: str, day_first: bool | None) -> Iterator[tuple[int, int, int, datetime]]:
    """(form, start, end, date) of every valid date in ``text``; forms in order of trust."""
    months = phrase_book().month_numbers
    day_first_human, month_first_human = _human_patterns()
    for match in _ISO.finditer(text):
        year, month, day, hour, minute, second, zone = match.groups()
        times = (int(hour or 0), int(minute or 0), int(second or 0))
        moment = _valid(int(year), int(month), int(day), *times, offset=_offset(zone))
        if moment is not None:
            yield 0, match.start(), match.end(), moment
    for match in day_first_human.finditer(text):
        day, month, year = match.groups()
        moment = _valid(int(year), months[month.lower()], int(day))
        if moment is not None:
            yield 1, match.start(), match.end(), moment
    for match in month_first_human.finditer(text):
        month, day, year = match.groups()
        moment = _valid(int(year), months[month.lower()], int(day))
        if moment is not None:
            yield 2, match.start(), match.end(), moment
    for pattern in (_YEAR_SLASH, _YEAR_DOTS):
        for match in pattern.finditer(text):
            year, month, day = match.groups()
            moment = _valid(int(year), int(month), int(day))
            if moment is not None:
                yield 3, match.start(), match.end(), moment
    for match in _NUMERIC.finditer(text):
        moment = _numeric(match, day_first)
        if moment is not None:
            yield 4, match.start(), match.end(), moment


def _numeric(match: re.Match[str], day_first: bool | None) -> datetime | None:
    """A numeric date, its order settled by a number above 12, else by ``day_first``.

    Without a hint, dots mean day first (German, Russian, ...) and slashes or
    hyphens month first.
    """
    first, mark, second, year = match.groups()
    order = _order(int(first), int(second))
    if order is None:
        order = day_first if day_first is not None else mark == "."
    day, month = (int(first), int(second)) if order else (int(second), int(first))
    return _valid(int(year), month, day)


def _order(first: int, second: int) -> bool | None:
    """Whether numbers ``first`` and ``second`` of a numeric date must be day then month."""
    if first > _MONTHS_IN_YEAR >= second:
        return True
    if second > _MONTHS_IN_YEAR >= first:
        return False
    return None


def numeric_order(text: str) -> bool | None:
    """Whether ``text`` writes numeric dates day first (True), month first (False), or can't say.

    A page writes all its dates in one order: one unambiguous date ("11/24/2025")
    settles the others ("09/10/2024").
    """
    for match in _NUMERIC.finditer(text):
        order = _order(int(match.group(1)), int(match.group(3)))
        if order is not None:
            return order
    return None


def readings(text: str) -> tuple[datetime, datetime] | None:
    """Both readings of a numeric date whose numbers are both 12 or less ("03/10/2023").

    The order of such a date was a guess; a page that declares one of the two
    days elsewhere (its URL, its metadata) settles it. None for any other text.
    """
    match = _NUMERIC.fullmatch(text.strip())
    if match is None:
        return None
    first, _mark, second, year = (
        int(group) if group.isdigit() else group for group in match.groups()
    )
    if _order(first, second) is not None or first == second:
        return None
    day_first = _valid(year, second, first)
    month_first = _valid(year, first, second)
    if day_first is None or month_first is None:
        return None
    return day_first, month_first


def parse_date(text: str | None) -> datetime | None:
    """The date written in ``text`` in the most trusted form (ISO first); else None."""
    if not text or not _YEAR.search(text):
        return None
    # ``_matches`` yields the forms in order of trust, each in reading order.
    best = next(_matches(text, None), None)
    return best[3] if best else None


def find_dates(text: str, day_first: bool | None = None) -> list[tuple[int, int, datetime]]:
    """Every date written in ``text``, with where it starts and ends, in the order of the text.

    Where two forms read overlapping characters, the one starting first (then
    the longer) wins. ``day_first`` settles numeric dates that the numbers
    leave open.
    """
    if not _YEAR.search(text):
        return []
    found = sorted(_matches(text, day_first), key=lambda item: (item[1], -item[2]))
    dates: list[tuple[int, int, datetime]] = []
    covered = -1
    for _form, start, end, moment in found:
        if start >= covered:
            dates.append((start, end, moment))
            covered = end
    return dates
