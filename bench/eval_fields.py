"""How well the HTML fields (title, author, publication day) match WCXB's gold.

Usage: python bench/eval_fields.py [--data DIR] [--traf CACHE] [--cv CHOICES] [--limit N]
       [--misses title|author|day]

For each field, over the pages whose gold has it: the share we get right, and
trafilatura's share from its cached metadata (``--traf``, a JSON of
``{id: {title, author, date}}``), overall and per page type; then how often we
state a field the gold lacks, and the CPU time of ``html_fields`` per page.

The scorers are trained on this very set, so ``html_fields`` here is an
in-sample figure. ``--cv`` takes the choices that ``bench/train_fields.py
--cv-out`` made with scorers trained on other domains only (5-fold,
grouped by domain) and prints them in a column of their own: that is the
figure to expect on unseen sites.

Right means: a title equal to the gold after folding case and white space; an
author whose folded text contains the gold name; a publication time on the
gold day. Gold days are the page's local days: the "day" column compares the
day of our time in the offset the page stated (``Article.published_date``),
"utc day" the UTC day (a time stated with an offset may fall on the next or
previous UTC day).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.wcxb import DEFAULT_DATA, GoldPage, fold, load_pages
from cleaner.blocks.html import parse_html, segment_html
from cleaner.fields.html import html_fields

DEFAULT_TRAF = Path.home() / ".cache" / "cleaner" / "trafilatura_default.json"
FIELDS = ("title", "author", "day", "utc day")
SIDE_NAMES = {"ours": "ours in-sample", "cv": "ours domain-CV", "theirs": "trafilatura"}


def gold_day(page: GoldPage) -> date | None:
    try:
        return date.fromisoformat(page.publish_date) if page.publish_date else None
    except ValueError:
        return None


def on_day(moment: datetime | None, day: date, tolerant: bool) -> bool:
    """Whether ``moment`` falls on ``day`` in UTC; with ``tolerant``, under some real offset
    (-12:00 to +14:00) too, which is how the date scorer's training labels count it (a
    candidate day is a UTC day)."""
    if moment is None:
        return False
    moment = moment.astimezone(UTC)
    if moment.date() == day:
        return True
    if not tolerant or moment.time() == datetime.min.time():
        return False
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return start - timedelta(hours=14) <= moment < start + timedelta(hours=36)


def traf_moment(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None
    except ValueError:
        return None


def judge(page: GoldPage, title, author, moment) -> dict[str, bool | None]:
    """Per field: right (True), wrong (False) or not judged (None: no gold)."""
    day = gold_day(page)
    return {
        "title": fold(title) == fold(page.title) if fold(page.title) else None,
        "author": bool(fold(author)) and fold(page.author) in fold(author)
        if fold(page.author)
        else None,
        "day": moment is not None and moment.date() == day if day else None,
        "utc day": on_day(moment, day, tolerant=False) if day else None,
        "extra author": bool(fold(author)) if not fold(page.author) else None,
        "extra date": moment is not None if day is None else None,
    }


def evaluate(pages: list[GoldPage], traf: dict, cv: dict) -> tuple[list[dict], float]:
    rows, cpu = [], 0.0
    for page in pages:
        document = parse_html(page.html())
        blocks = segment_html(document).blocks if document is not None else []
        started = time.process_time()
        fields = html_fields(document, blocks, page.url) if document is not None else None
        cpu += time.process_time() - started
        ours = judge(
            page,
            fields.title if fields else None,
            fields.author if fields else None,
            fields.published_at if fields else None,
        )
        cached = traf.get(page.page_id) or {}
        theirs = judge(
            page, cached.get("title"), cached.get("author"), traf_moment(cached.get("date"))
        )
        chosen = cv.get(page.page_id) or {}
        published = chosen.get("published")
        crossed = judge(
            page,
            chosen.get("title"),
            chosen.get("author"),
            datetime.fromisoformat(published) if published else None,
        )
        rows.append(
            {
                "id": page.page_id,
                "page_type": page.page_type,
                "ours": ours,
                "cv": crossed,
                "theirs": theirs,
                "fields": fields,
                "author_chars": len(fields.author or "") if fields else 0,
                "gold_author_chars": len(page.author or ""),
            }
        )
    return rows, cpu


def share(rows: list[dict], side: str, field: str) -> tuple[int, float]:
    judged = [row[side][field] for row in rows if row[side][field] is not None]
    return len(judged), (sum(judged) / len(judged) if judged else float("nan"))


def report(rows: list[dict], cpu: float, sides: list[str]) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups["all"].append(row)
        groups[row["page_type"]].append(row)
    names = sorted(groups, key=lambda name: (name != "all", -len(groups[name]), name))
    width = 8 * len(sides) + 6
    print(
        "accuracy over pages whose gold has the field: "
        + " / ".join(SIDE_NAMES[side] for side in sides)
        + " (n)"
    )
    print(f"{'pages':<14}" + "".join(f"{field:>{width}}" for field in FIELDS))
    for name in names:
        cells = []
        for field in FIELDS:
            count = share(groups[name], "ours", field)[0]
            values = " / ".join(f"{share(groups[name], side, field)[1]:.3f}" for side in sides)
            cells.append(f"{values} ({count:>3})" if count else "-")
        print(f"{name:<14}" + "".join(f"{cell:>{width}}" for cell in cells))
    print()
    print(
        "stated where the gold has none (false positives): "
        + " / ".join(SIDE_NAMES[side] for side in sides)
        + " (n)"
    )
    for field in ("extra author", "extra date"):
        count = share(rows, "ours", field)[0]
        values = " / ".join(f"{share(rows, side, field)[1]:.3f}" for side in sides)
        print(f"  {field:<14} {values} ({count})")
    with_author = [row for row in rows if row["gold_author_chars"] and row["author_chars"]]
    if with_author:
        ratio = sum(row["author_chars"] / row["gold_author_chars"] for row in with_author)
        print(
            f"  author length / gold length, mean over {len(with_author)} pages: "
            f"{ratio / len(with_author):.2f}"
        )
    print()
    print(f"html_fields CPU time: {1000 * cpu / len(rows):.2f} ms/page over {len(rows)} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--traf", type=Path, default=DEFAULT_TRAF)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cv", type=Path, default=None)
    parser.add_argument("--misses", choices=("title", "author", "day"), default=None)
    arguments = parser.parse_args()
    traf = json.loads(arguments.traf.read_text()) if arguments.traf.exists() else {}
    cv = json.loads(arguments.cv.read_text()) if arguments.cv else {}
    pages = load_pages(arguments.data, arguments.limit)
    rows, cpu = evaluate(pages, traf, cv)
    sides = ["ours"] + (["cv"] if cv else []) + (["theirs"] if traf else [])
    report(rows, cpu, sides)
    if arguments.misses:
        gold = {page.page_id: page for page in pages}
        for row in rows:
            if row["ours"][arguments.misses] is False:
                page, fields = gold[row["id"]], row["fields"]
                ours = {"title": fields.title, "author": fields.author, "day": fields.published_at}
                want = {"title": page.title, "author": page.author, "day": page.publish_date}
                print(
                    f"{row['id']} {row['page_type'][:5]} gold={want[arguments.misses]!r}"
                    f" ours={ours[arguments.misses]!r}"
                )


if __name__ == "__main__":
    main()
