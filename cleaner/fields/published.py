"""When the page's article was published, as the page states it.

The time keeps the offset the page wrote ("2025-12-19T01:00:00+05:30"), so
that its day is the page's day; candidates are still grouped, compared and
scored by their UTC day, as the scorer was trained.

Pages state dates in many places: the publication time they declare for
their article (JSON-LD ``datePublished``, ``article:published_time`` and kin,
microdata), the same for the web page as a whole (which sites stamp on every
page), modification times, ``<time>`` elements, the dateline by the headline,
the dates of comments, of related articles, of the copyright line, and the
URL (``/2024/05/17/``). Every day any of them names is a candidate,
described by the sources that name it, whether they call it a modification,
where it is shown relative to the headline and how it compares with the other
dates of the page; a learned scorer picks one, or none (many pages have no
publication date, and a false one is worse than none).
htmldate is not used: on the development set its fast mode cost 9 ms a page
and stated a date on half the pages that have none. A day before 1990 or
more than a day in the future is never a candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

import numpy as np
from lxml.etree import _Element

from cleaner.fields.dates import find_dates, numeric_order, parse_date, readings
from cleaner.fields.page import PageView
from cleaner.fields.ranking import Candidate, scores, top
from cleaner.fields.structured import microdata_value
from cleaner.labelling.phrases import alternation, phrase_book
from cleaner.resources import load_yaml, thresholds

MODEL = "fields_published.json"
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-|\.)")
_LATEST_AHEAD = timedelta(days=1)
# The sources of a date; each gives a feature "from_<source>".
SOURCES = (
    "ld_article",
    "ld_page",
    "ld_other",
    "ld_modified",
    "meta",
    "meta_modified",
    "microdata",
    "microdata_modified",
    "time_element",
    "dateline",
    "dateline_modified",
    "url",
)
_DAYS_BOUND = 400
# The sources that declare the article's publication time, and its modification time.
DECLARED = ("ld_article", "meta", "microdata")
DECLARED_MODIFIED = ("ld_modified", "meta_modified", "microdata_modified")
# What the words before a shown date may say of it, in order of precedence (see ``date_role``).
_ROLES = (
    ("other", "other_event_words"),
    ("modification", "modification_words"),
    ("publication", "publication_words"),
)


@cache
def _rules() -> dict[str, Any]:
    return load_yaml("fields.yaml")["published"]


def _word(word: str) -> str:
    """``word`` as a pattern that matches it whole: "ends" is not found in "trends"."""
    pattern = re.escape(word)
    if word[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if word[-1:].isalnum():
        pattern += r"(?!\w)"
    return pattern


@cache
def _words_pattern(rule: str) -> re.Pattern[str]:
    """Any of the words the date rules list under ``rule``, whole, in any case."""
    return re.compile("|".join(_word(word) for word in _rules()[rule]), re.IGNORECASE)


def date_role(before: str) -> str | None:
    """What the words before a shown date (since the previous date) say it is.

    "other" for a date of something else (a member joining, an offer ending,
    a copyright), "modification", "publication", or None when they say
    nothing. The first of these that the words name wins: "Updated on" is a
    modification, "Joined on" another event.
    """
    for role, rule in _ROLES:
        if _words_pattern(rule).search(before):
            return role
    return None


def _plausible(moment: datetime | None) -> datetime | None:
    if moment is None or moment > datetime.now(UTC) + _LATEST_AHEAD:
        return None
    return moment


@dataclass(slots=True)
class _Evidence:
    """What the sources say about one day, gathered before features are made."""

    moment: datetime
    sources: dict[str, int] = field(default_factory=dict)  # source -> rank within it
    shown_at: int | None = None  # first block that writes the day
    shown_count: int = 0
    # Of the first block that shows the day: its length, how much of it the date
    # takes, and how many dates it writes. A dateline is short and mostly date; a
    # teaser of another article or an entry of a list is a title with a date.
    shown_chars: int = 0
    shown_share: float = 0.0
    shown_dates: int = 0
    after_publication_word: bool = False
    has_time: bool = False


def _utc_day(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


class _Days:
    """The candidate days of a page, keyed by UTC day."""

    def __init__(self) -> None:
        self.found: dict[date, _Evidence] = {}
        self.counts: dict[str, int] = {}

    def add(self, source: str, moment: datetime | None) -> _Evidence | None:
        moment = _plausible(moment)
        if moment is None:
            return None
        utc = moment.astimezone(UTC)
        evidence = self.found.setdefault(utc.date(), _Evidence(moment))
        if source not in evidence.sources:
            evidence.sources[source] = self.counts.get(source, 0)
            self.counts[source] = self.counts.get(source, 0) + 1
        if utc.time() != datetime.min.time() and not evidence.has_time:
            evidence.moment, evidence.has_time = moment, True
        return evidence


def _linked_dates(view: PageView, days: _Days) -> None:
    rules = _rules()
    article_nodes = set(map(id, view.metadata.nodes_of_kind("article_types")))
    page_nodes = set(map(id, view.metadata.nodes_of_kind("page_types")))
    for node in view.metadata.linked_data:
        if id(node) in article_nodes:
            source = "ld_article"
        elif id(node) in page_nodes:
            source = "ld_page"
        else:
            source = "ld_other"
        for name in rules["linked_data"]:
            value = node.properties.get(name)
            if isinstance(value, str):
                days.add(source, parse_date(value))
        for name in rules["linked_data_modified"]:
            value = node.properties.get(name)
            if isinstance(value, str):
                days.add("ld_modified", parse_date(value))


@cache
def _url_month_date() -> re.Pattern[str]:
    """A date in a URL's path with the month in words: "/2023/october/03/"."""
    names = alternation(phrase_book().month_numbers)
    return re.compile(rf"/((?:19|20)\d{{2}})/({names})/(\d{{1,2}})(?:/|$|-|\.)", re.IGNORECASE)


def _url_date(url: str) -> datetime | None:
    """The day a URL's path names ("/2024/05/17/", "/2023/october/03/"), or None."""
    match = _URL_DATE.search(url)
    if match is not None:
        return parse_date("-".join(match.groups()))
    match = _url_month_date().search(url)
    if match is not None:
        year, month, day = match.groups()
        number = phrase_book().month_numbers[month.lower()]
        return parse_date(f"{year}-{number:02d}-{int(day):02d}")
    return None


@cache
def _meta_name_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    rules = _rules()
    return (
        re.compile("|".join(rules["meta_modified_name_patterns"])),
        re.compile("|".join(rules["meta_name_patterns"])),
        frozenset(rules["meta"]) | frozenset(rules["meta_modified"]),
    )


@lru_cache(maxsize=4096)
def _unlisted_meta_source(name: str) -> str | None:
    """The source of a meta tag the rules do not list, by its name; None for most tags.

    Sites name their own tags ("w-published-date", "cxenseparse:publishtime",
    "ms.date"); the words of the name tell a publication from a modification.
    """
    modified, published, listed = _meta_name_patterns()
    if name in listed:
        return None
    if modified.search(name):
        return "meta_modified"
    if published.search(name):
        return "meta"
    return None


def _declared_dates(view: PageView, days: _Days, day_first: bool | None) -> None:
    rules = _rules()
    metadata = view.metadata
    _linked_dates(view, days)
    for value in metadata.meta_values(rules["meta"]):
        days.add("meta", parse_date(value))
    for value in metadata.meta_values(rules["meta_modified"]):
        days.add("meta_modified", parse_date(value))
    for name, values in metadata.meta.items():
        source = _unlisted_meta_source(name)
        if source is not None:
            for value in values:
                days.add(source, parse_date(value))
    for name, source in (("microdata", "microdata"), ("microdata_modified", "microdata_modified")):
        for prop in rules[name]:
            for element in metadata.microdata.get(prop, ()):
                days.add(source, parse_date(microdata_value(element)))
    either_way = []
    for element in view.elements["time"]:
        written, moment = _time_date(element)
        both = readings(written) if moment is not None else None
        if both is not None:
            either_way.append((written, moment, both))
        else:
            days.add("time_element", moment)
    days.add("url", _url_date(view.url or ""))
    # A numeric <time> that reads either way ("02-12-2025") is read in the page's order, or
    # as the day another source of the page declares, as a shown date is (``_settled``).
    declared = set(days.found)
    for written, moment, both in either_way:
        ordered = moment if day_first is None else both[0 if day_first else 1]
        days.add("time_element", _settled(written, ordered, declared))


def _time_date(element: _Element) -> tuple[str, datetime | None]:
    """What a ``<time>`` writes (its datetime, else its text) and the date it reads as."""
    written = element.get("datetime") or ""
    moment = parse_date(written)
    if moment is None:
        written = element.text_content()
        moment = parse_date(written)
    return written, moment


def _day_first(view: PageView) -> bool | None:
    """Whether the page writes numeric dates day first: as an unambiguous date of it does."""
    for index in view.dated_blocks:
        order = numeric_order(view.blocks[index].text)
        if order is not None:
            return order
    return None


def _settled(written: str, moment: datetime, declared: set[date]) -> datetime:
    """``moment``, or the other reading of the numeric date ``written`` if the page declares it.

    "03/10/2023" under a URL of 3 October 2023 is the 3rd of October.
    """
    day = _utc_day(moment)
    if day in declared:
        return moment
    both = readings(written)
    if both is None:
        return moment
    other = both[1] if both[0].date() == day else both[0]
    return other if other.date() in declared else moment


def _shown_dates(view: PageView, days: _Days, day_first: bool | None) -> None:
    """Dates written in short blocks: datelines, and every other date the reader sees."""
    # Gathered before the shown dates: the days the page declares, which settle a numeric
    # date that reads either way.
    declared = set(days.found)
    for index in view.dated_blocks:
        text = view.blocks[index].text
        previous_end = 0
        found = find_dates(text, day_first)
        for start, end, moment in found:
            # Only the words since the previous date speak of this one: in "Published
            # March 3 · Updated June 1" the first is no modification.
            role = date_role(text[previous_end:start])
            previous_end = end
            if role == "other":
                continue
            moment = _settled(text[start:end], moment, declared)
            source = "dateline_modified" if role == "modification" else "dateline"
            evidence = days.add(source, moment)
            if evidence is None:
                continue
            evidence.shown_count += 1
            if evidence.shown_at is None:
                evidence.shown_at = index
                evidence.shown_chars = len(text)
                evidence.shown_share = (end - start) / max(len(text), 1)
                evidence.shown_dates = len(found)
            evidence.after_publication_word |= role == "publication"


def _features(
    day: date, evidence: _Evidence, view: PageView, headline: int | None, page: dict
) -> dict[str, float]:
    others = page["_days"]
    shown_at = evidence.shown_at
    features = {f"from_{source}": float(source in evidence.sources) for source in SOURCES}
    features |= {
        "sources": float(len(evidence.sources)),
        "best_rank": float(min(evidence.sources.values())),
        "has_time": float(evidence.has_time),
        "shown": float(shown_at is not None),
        "shown_at": shown_at / max(len(view.blocks), 1) if shown_at is not None else float("nan"),
        "from_headline": float(shown_at - headline)
        if shown_at is not None and headline is not None
        else float("nan"),
        "shown_count": float(evidence.shown_count),
        "shown_chars": float(evidence.shown_chars) if shown_at is not None else float("nan"),
        "shown_share": evidence.shown_share if shown_at is not None else float("nan"),
        "shown_dates": float(evidence.shown_dates) if shown_at is not None else float("nan"),
        "after_publication_word": float(evidence.after_publication_word),
        "age_rank": float(sum(other < day for other in others)) / len(others),
        "is_newest": float(day == others[-1]),
        "is_oldest": float(day == others[0]),
        "neighbour_shown": float(
            any(abs((day - other).days) == 1 for other in page["_shown_days"])
        ),
        "shown_rank": float(page["_by_nearness"].index(day))
        if day in page["_by_nearness"]
        else float("nan"),
        "days_from_declared": _days_between(day, page["_declared"]),
        "days_from_modified": _days_between(day, page["_modified"]),
    }
    return features | {key: value for key, value in page.items() if not key.startswith("_")}


def _days_between(day: date, other: date | None) -> float:
    """Signed days from ``other`` to ``day``, bounded to a year; NaN without ``other``."""
    if other is None:
        return float("nan")
    return float(max(-_DAYS_BOUND, min(_DAYS_BOUND, (day - other).days)))


def _first_day(days: _Days, sources: tuple[str, ...]) -> date | None:
    """The first-ranked day that one of ``sources`` names."""
    for source in sources:
        named = [(e.sources[source], day) for day, e in days.found.items() if source in e.sources]
        if named:
            return min(named)[1]
    return None


def _gather(view: PageView) -> _Days:
    days = _Days()
    day_first = _day_first(view)
    _declared_dates(view, days, day_first)
    _shown_dates(view, days, day_first)
    return days


def _by_nearness(days: _Days, headline: int | None) -> list[date]:
    """The days the page shows, nearest the headline (or the top) first."""
    anchor = headline or 0
    shown = [
        (abs(e.shown_at - anchor), day) for day, e in days.found.items() if e.shown_at is not None
    ]
    return [day for _distance, day in sorted(shown)]


def published_candidates(view: PageView) -> list[Candidate[datetime]]:
    """Every day the page names, with the features the scorer reads."""
    days = _gather(view)
    if not days.found:
        return []
    headline = view.headline
    page = view.kind_features | {
        "page_days": float(len(days.found)),
        "page_declares": float(any(source in days.counts for source in DECLARED)),
        "page_has_headline": float(headline is not None),
        "_days": sorted(days.found),
        "_shown_days": [
            day for day, evidence in days.found.items() if evidence.shown_at is not None
        ],
        "_by_nearness": _by_nearness(days, headline),
        "_declared": _first_day(days, DECLARED),
        "_modified": _first_day(days, DECLARED_MODIFIED),
    }
    return [
        Candidate(evidence.moment, _features(day, evidence, view, headline, page))
        for day, evidence in days.found.items()
    ]


def pick_published(candidates: list[Candidate[datetime]], scored: np.ndarray) -> datetime | None:
    """The day scored highest, when its score is high enough."""
    chosen = top(candidates, scored, thresholds("fields")["published_min_score"])
    return chosen.value if chosen else None


@dataclass(frozen=True, slots=True)
class Dating:
    """The page's publication time, and the score of the best candidate day.

    The score says how much the page reads as a dated article or post, which
    the author scorer uses too.
    """

    published_at: datetime | None
    confidence: float


def date_page(view: PageView) -> Dating:
    """The page's publication time, as the scorer ranks the candidate days."""
    candidates = published_candidates(view)
    scored = scores(candidates, MODEL)
    confidence = float(scored.max()) if len(scored) else 0.0
    return Dating(pick_published(candidates, scored), confidence)
