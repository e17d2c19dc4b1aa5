"""When the article was published, as a UTC datetime.

The sources, most trusted first:
1. what the page declares for its article: JSON-LD ``datePublished`` of an
   article object, ``article:published_time`` and kindred meta tags, microdata;
2. the dateline the reader sees next to the headline;
3. the ``datePublished`` of a JSON-LD web-page object, which many sites stamp
   on every page, articles or not: trusted only when the page shows that day;
4. a ``<time datetime>`` element, then a date in the URL (``/2024/05/17/``).
htmldate is not used: on the development set its fast mode cost 9 ms a page
and stated a date on half the pages that have none.
Modification dates are never used, and neither is a date before 1990 or more
than a day in the future.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import cache

from lxml.etree import _Element

from cleaner.blocks.block import Block, Kind
from cleaner.fields.dates import parse_date
from cleaner.fields.structured import PageMetadata, microdata_value
from cleaner.resources import load_yaml, thresholds

_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_LATEST_AHEAD = timedelta(days=1)


def _plausible(moment: datetime | None) -> datetime | None:
    if moment is None or moment > datetime.now(UTC) + _LATEST_AHEAD:
        return None
    return moment


def _linked_data_dates(metadata: PageMetadata, kind: str) -> Iterator[str]:
    names = load_yaml("fields.yaml")["published"]["linked_data"]
    for node in metadata.nodes_of_kind(kind):
        for name in names:
            value = node.properties.get(name)
            if isinstance(value, str):
                yield value


def _declared(metadata: PageMetadata) -> Iterator[str]:
    """Publication times the page states for its article, most trusted first."""
    rules = load_yaml("fields.yaml")["published"]
    yield from _linked_data_dates(metadata, "article_types")
    yield from metadata.meta_values(rules["meta"])
    for name in rules["microdata"]:
        for element in metadata.microdata.get(name, ()):
            yield microdata_value(element)


@cache
def _modification_pattern() -> re.Pattern[str]:
    words = load_yaml("fields.yaml")["published"]["modification_words"]
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)


def _dateline(text: str) -> tuple[datetime | None, bool]:
    """The date a dateline gives, and whether it is a modification date.

    "May 2, 2024 - Updated June 1, 2025" is published on May 2; "By Ann,
    last updated June 1, 2025" gives only a modification date.
    """
    marker = _modification_pattern().search(text)
    if marker is not None:
        published = _plausible(parse_date(text[: marker.start()]))
        if published is not None:
            return published, False
    return _plausible(parse_date(text)), marker is not None


def _headline_index(blocks: list[Block], title: str | None) -> int | None:
    """Where the headline is among the blocks: a block labelled title, or the title's ``h1``."""
    for index, block in enumerate(blocks):
        if block.kind is Kind.TITLE or (block.heading_level == 1 and block.text == title):
            return index
    return next((index for index, block in enumerate(blocks) if block.heading_level == 1), None)


def _dateline_order(blocks: list[Block], title: str | None) -> list[Block]:
    """The blocks where a dateline is written: around the headline, nearest first.

    Blocks labelled timestamps come first; then the blocks after the headline,
    then the few before it (a dateline above the headline). Without a
    recognisable headline, the page from its top.
    """
    limits = thresholds("fields")
    stamped = [block for block in blocks if block.kind is Kind.TIMESTAMP]
    start = _headline_index(blocks, title)
    if start is None:
        return stamped + blocks[: limits["dateline_blocks_after"]]
    after = blocks[start : start + limits["dateline_blocks_after"]]
    before = blocks[max(0, start - limits["dateline_blocks_before"]) : start][::-1]
    return stamped + after + before


def _shown(blocks: list[Block], title: str | None) -> tuple[datetime | None, bool]:
    """The date of the dateline next to the headline, and whether it is a modification date.

    A "last updated" date is returned only when no other date is near the
    headline: on many pages it is the only date shown, and then it is the one
    readers see.
    """
    max_chars = thresholds("fields")["dateline_max_chars"]
    updated = None
    for block in _dateline_order(blocks, title):
        if len(block.text) > max_chars:
            continue
        moment, is_modification = _dateline(block.text)
        if moment is None:
            continue
        if not is_modification:
            return moment, False
        updated = updated or moment
    return updated, updated is not None


def _time_elements(document: _Element) -> Iterator[datetime]:
    """The machine-readable times of the ``<time datetime>`` elements of the page."""
    for element in document.iter("time"):
        moment = _plausible(parse_date(element.get("datetime")))
        if moment is not None:
            yield moment


def _shown_days(blocks: list[Block], document: _Element) -> set[date]:
    """Every day the page writes in a short block or a ``<time>`` element."""
    max_chars = thresholds("fields")["dateline_max_chars"]
    days = {moment.date() for moment in _time_elements(document)}
    for block in blocks:
        if len(block.text) <= max_chars:
            moment = parse_date(block.text)
            if moment is not None:
                days.add(moment.date())
    return days


def _from_url(url: str | None) -> datetime | None:
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return _plausible(datetime(year, month, day, tzinfo=UTC))
    except ValueError:
        return None


def _first_plausible(texts: Iterator[str]) -> datetime | None:
    for text in texts:
        moment = _plausible(parse_date(text))
        if moment is not None:
            return moment
    return None


def _shown_somewhere(moment: datetime, days: set[date]) -> bool:
    """Whether the page shows the day of ``moment``, allowing for its time zone."""
    return any(abs((moment.date() - day).days) <= 1 for day in days)


def choose_published(
    metadata: PageMetadata,
    document: _Element,
    blocks: list[Block],
    url: str | None,
    title: str | None,
) -> datetime | None:
    """The publication time of the page's article, in UTC, or None.

    The declared time wins unless the page shows another date (not a
    modification date) by the headline and nowhere shows the declared day:
    sites re-stamp old articles with a new ``datePublished`` (or stamp new
    ones with a template's date) while the dateline stays true.
    """
    declared = _first_plausible(_declared(metadata))
    shown, shown_is_modification = _shown(blocks, title)
    if declared is not None:
        if shown is None or shown_is_modification or shown.date() == declared.date():
            return declared
        days = _shown_days(blocks, document)
        return declared if _shown_somewhere(declared, days) else shown
    if shown is not None:
        return shown
    timed = next(_time_elements(document), None)
    if timed is not None:
        return timed
    days = _shown_days(blocks, document)
    for text in _linked_data_dates(metadata, "page_types"):
        moment = _plausible(parse_date(text))
        if moment is not None and _shown_somewhere(moment, days):
            return moment
    return _from_url(url)
