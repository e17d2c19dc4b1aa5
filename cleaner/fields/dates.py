"""Reading a publication time from what a page writes: ISO stamps and human dates.

Month names come from the phrase files of every language (``months:``), so a
date in a new language needs only that language's file. Every result is a
timezone-aware UTC datetime; a date without a time is midnight UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import cache

from cleaner.labelling.phrases import phrase_book

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_YEAR_SLASH = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
_EARLIEST_YEAR = 1990


@cache
def _human_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted(phrase_book().month_numbers, key=len, reverse=True)
    month = "(" + "|".join(re.escape(name) for name in names) + r")\.?"
    day = r"(\d{1,2})(?:st|nd|rd|th|er|\.|º|°)?"
    day_first = re.compile(
        rf"(?<!\w){day}\s*(?:de\s+)?{month},?\s*(?:de\s+)?(\d{{4}})(?!\d)", re.IGNORECASE
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
        moment = datetime(
            year, month, day, hour, minute, second, tzinfo=UTC if offset is None else None
        )
    except ValueError:
        return None
    if offset is not None:
        moment = (moment - offset).replace(tzinfo=UTC)
    if year < _EARLIEST_YEAR:
        return None
    return moment


def _offset(text: str | None) -> timedelta | None:
    if not text or text == "Z":
        return None
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))


def parse_date(text: str | None) -> datetime | None:
    """The first date written in ``text``, in UTC; None when there is none."""
    if not text:
        return None
    match = _ISO.search(text)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        found = _valid(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            _offset(zone),
        )
        if found:
            return found
    months = phrase_book().month_numbers
    day_first, month_first = _human_patterns()
    match = day_first.search(text)
    if match:
        day, month, year = match.groups()
        found = _valid(int(year), months[month.lower()], int(day))
        if found:
            return found
    match = month_first.search(text)
    if match:
        month, day, year = match.groups()
        found = _valid(int(year), months[month.lower()], int(day))
        if found:
            return found
    match = _YEAR_SLASH.search(text)
    if match:
        year, month, day = match.groups()
        return _valid(int(year), int(month), int(day))
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        day, month, year = match.groups()
        return _valid(int(year), int(month), int(day))
    return None
