"""How high the publication-day score can go on WCXB dev: where the gold day is written at all.

Usage: python bench/date_ceiling.py [--data DIR] [--list]

Issue 3 asks for the gold day on 95% of the pages that have one. A day can
only be found if the page states it. For every page whose gold has a
``publish_date``, this script looks for the gold day in the raw HTML and the
URL, in any form a page writes a date in, and far more loosely than the
cleaner reads dates:

- numbers in any order and with any separator ("2022-10-05", "2022/10/5",
  "05.10.2022", "10/5/2022", "5-10-2022"), and "20221005";
- a month's name in any language of the phrase files, or its first three
  letters, beside the day number (with or without "st", "th", "of", a
  hyphen, a comma: "04-ago-2021"), with the year within 40 characters either side;
- a Unix time (seconds or milliseconds) that falls on the day under any real
  offset (-12:00 to +14:00), wherever it stands (an image's "?v=1598815384"
  counts too).

It prints how many gold days the page states in none of those ways: no
extractor can get them from the page. It prints the share of pages where the
gold day is among the cleaner's candidate days (the best a ranker of them can
do), and the share where the cleaner states it. Last, it counts how the gold
picks between the two days of a page that declares a publication time and a
different modification time: those pages say which convention the gold
follows, and how often it departs from it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_fields import gold_day, on_day
from bench.wcxb import DEFAULT_DATA, GoldPage, load_pages
from cleaner.blocks.html import parse_html, segment_html
from cleaner.fields.page import PageView
from cleaner.fields.published import (
    DECLARED,
    DECLARED_MODIFIED,
    MODEL,
    pick_published,
    published_candidates,
)
from cleaner.fields.ranking import scores
from cleaner.labelling.phrases import phrase_book

_UNIX = re.compile(r"(?<!\d)1[0-9]\d{8}(?:\d{3})?(?!\d)")
_YEAR_NEAR = 40


def _month_names(month: int) -> list[str]:
    """Every name of ``month`` in the phrase files, and the first three letters of each."""
    names = {name for name, number in phrase_book().month_numbers.items() if number == month}
    return sorted(names | {name[:3] for name in names if len(name) > 3}, key=len, reverse=True)


def _numeric_forms(day: date) -> re.Pattern[str]:
    """``day`` in numbers, in any order and with any separator, padded or not."""
    year, month, number = day.year, f"0?{day.month}", f"0?{day.day}"
    separator = r"\s?[-/.]\s?"
    forms = [
        rf"{year}{separator}{month}{separator}{number}",
        rf"{number}{separator}{month}{separator}{year}",
        rf"{month}{separator}{number}{separator}{year}",
        rf"{year}{day.month:02d}{day.day:02d}",
    ]
    return re.compile(r"(?<!\d)(?:" + "|".join(forms) + r")(?!\d)")


def _worded_forms(day: date) -> re.Pattern[str]:
    """The day number beside a name of ``day``'s month, either way round (the year is checked
    apart)."""
    months = "|".join(re.escape(name) for name in _month_names(day.month))
    number = rf"0?{day.day}(?:st|nd|rd|th|er|\.|º)?"
    return re.compile(
        rf"(?<!\w){number}[\s-]*(?:of\s+|de\s+)?(?:{months})\b"
        rf"|\b(?:{months})[a-z]*\.?,?\s+{number}(?!\d)",
        re.IGNORECASE,
    )


def _unix_written(text: str, day: date) -> bool:
    """Whether ``text`` holds a Unix time (seconds or milliseconds) on ``day`` under some offset."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    earliest = (start - timedelta(hours=14)).timestamp()
    latest = (start + timedelta(hours=36)).timestamp()
    for match in _UNIX.finditer(text):
        value = int(match.group())
        seconds = value / 1000 if value > 10**11 else value
        if earliest <= seconds < latest:
            return True
    return False


def day_written(text: str, day: date) -> bool:
    """Whether ``text`` states ``day`` in any of the forms the module docstring lists."""
    if _numeric_forms(day).search(text) or _unix_written(text, day):
        return True
    year = str(day.year)
    for match in _worded_forms(day).finditer(text):
        around = text[max(0, match.start() - _YEAR_NEAR) : match.end() + _YEAR_NEAR]
        if year in around:
            return True
    return False


def convention(candidates, gold: date) -> str | None:
    """Which declared day the gold takes, on a page declaring two different ones; else None."""

    def declared_days(sources: tuple[str, ...]) -> set[date]:
        return {
            candidate.value.astimezone(UTC).date()
            for candidate in candidates
            if any(candidate.features.get(f"from_{source}") for source in sources)
        }

    published, modified = declared_days(DECLARED), declared_days(DECLARED_MODIFIED)
    if not published or not modified or published & modified:
        return None
    if gold in published:
        return "the declared publication day"
    if gold in modified:
        return "the declared modification day"
    return "another day"


def measure(pages: list[GoldPage]) -> tuple[Counter, list[str], Counter]:
    """Counts of the pages with a gold day, the pages stating it nowhere, and the conventions
    (keyed by what the gold takes and whether the cleaner is right)."""
    counts: Counter = Counter()
    unwritten: list[str] = []
    conventions: Counter = Counter()
    for page in pages:
        gold = gold_day(page)
        if gold is None:
            continue
        html = page.html()
        document = parse_html(html)
        view = PageView.read(document, segment_html(document).blocks, page.url)
        candidates = published_candidates(view)  # listed once: the scorer reads them too
        stated = pick_published(candidates, scores(candidates, MODEL))
        right = stated is not None and stated.date() == gold
        counts["pages"] += 1
        counts["stated"] += right
        counts["candidate"] += any(on_day(c.value, gold, tolerant=True) for c in candidates)
        if day_written(html, gold) or day_written(page.url, gold):
            counts["written"] += 1
        else:
            unwritten.append(page.page_id)
        picked = convention(candidates, gold)
        if picked is not None:
            conventions[picked, right] += 1
    return counts, unwritten, conventions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--list", action="store_true", help="list the pages that never state it")
    args = parser.parse_args()
    pages = load_pages(args.data)
    counts, unwritten, conventions = measure(pages)
    total = counts["pages"]
    print(f"pages whose gold has a publication day: {total}")
    rows = (
        ("cleaner states the gold day", counts["stated"]),
        ("the gold day is among cleaner's candidate days", counts["candidate"]),
        ("the page writes the gold day somewhere (HTML or URL)", counts["written"]),
        ("the page writes the gold day nowhere", total - counts["written"]),
    )
    for label, count in rows:
        print(f"  {label:<54} {count:>4}  {count / total:.3f}")
    print("pages declaring a publication day and a different modification day:")
    print(f"  {'the gold takes':<54} {'pages':>5}  cleaner right")
    for label in sorted({label for label, _right in conventions}):
        right, wrong = conventions[label, True], conventions[label, False]
        print(f"  {label:<54} {right + wrong:>5}  {right:>5}")
    if args.list:
        print("pages that write the gold day nowhere: " + " ".join(unwritten))


if __name__ == "__main__":
    main()
