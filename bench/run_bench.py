"""`make bench`: cleaner against trafilatura (HTML) and C4 line rules (text dumps).

One run prints, side by side:
  - body F1 / precision / recall, overall and per page type, for cleaner and for
    ``trafilatura.extract`` with default options, on the HTML pages;
  - title / author / date accuracy, for cleaner and trafilatura's metadata;
  - pages per second (single process, CPU time): cleaner end to end (read,
    clean, validate, write Parquet) against trafilatura.extract alone, each
    timed in a fresh process of its own after an untimed warm-up;
  - for each text-dump converter, cleaner against the C4 line-rule baseline,
    overall and per page type, and cleaner's pages per second on dumps.
Per-page scores go to ``--out`` (default bench/results/per_page.csv), so a
regression can be traced to its pages.

Usage: python bench/run_bench.py [--data ../shared/bench/wcxb-dev] [--limit N]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wcxb import CONVERTERS, DEFAULT_DATA, GoldPage, c4_baseline, fold, load_pages, score

from cleaner.batch import run_batch
from cleaner.inputs.sources import Source

# Pages each timed run first cleans (or extracts) untimed, so that loading models and
# warming caches, paid once per process, is not counted against the throughput.
WARM_UP_PAGES = 20


def in_fresh_process(function: Callable[..., Any], *arguments: Any) -> Any:
    """``function(*arguments)`` in a new Python process, and its result.

    Each timed system runs alone in a process of its own: timed after another
    system in the same process, it pays for what that one left behind (a large
    heap, filled caches), and trafilatura ran at 6 to 12 pages/s after cleaner's
    run against 27 alone.
    """
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *arguments).result()


def run_cleaner(sources: list[Source], out: Path) -> tuple[pd.DataFrame, float, float]:
    """A real batch run: the articles by source, end-to-end and cleaning CPU seconds.

    Runs in a fresh process, after an untimed run over the first pages.
    """
    seconds, cleaning = in_fresh_process(_timed_batch, sources, out)
    articles = pd.read_parquet(out / "articles.parquet").set_index("source")
    return articles, seconds, cleaning


def _timed_batch(sources: list[Source], out: Path) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        run_batch(sources[:WARM_UP_PAGES], Path(folder), "parquet")
    gc.collect()
    started = time.process_time()
    report = run_batch(sources, out, "parquet")
    return time.process_time() - started, report.seconds["clean"]


def run_cleaner_on_pages(pages: list[GoldPage]) -> tuple[pd.DataFrame, float, float]:
    """The HTML pages as a scraper keeps them, a table of pages with their URLs."""
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "pages.parquet"
        frame = pd.DataFrame(
            {"url": [page.url for page in pages], "html": [page.html() for page in pages]}
        )
        frame.to_parquet(table)
        articles, seconds, cleaning = run_cleaner(
            [Source(str(table), "table")], Path(folder) / "out"
        )
    articles.index = [page.page_id for page in pages]  # sources are pages.parquet#1, #2, ...
    return articles, seconds, cleaning


def run_cleaner_on_dumps(paths: list[Path]) -> tuple[pd.DataFrame, float, float]:
    """Text dumps as a crawler saves them: one gzipped file per page."""
    with tempfile.TemporaryDirectory() as folder:
        sources = [Source(str(path), "text", compressed=True) for path in paths]
        articles, seconds, cleaning = run_cleaner(sources, Path(folder))
    articles.index = [Path(source).name.split(".")[0] for source in articles.index]
    return articles, seconds, cleaning


def run_trafilatura(data: Path, limit: int | None) -> tuple[list[str | None], float]:
    """``trafilatura.extract`` with default options on every page, and its CPU seconds,
    in a fresh process, after an untimed run over the first pages."""
    return in_fresh_process(_timed_trafilatura, data, limit)


def _timed_trafilatura(data: Path, limit: int | None) -> tuple[list[str | None], float]:
    import trafilatura  # imported here: only the benchmark needs it directly

    pages = load_pages(data, limit)
    htmls, urls = [page.html() for page in pages], [page.url for page in pages]
    for html, url in zip(htmls[:WARM_UP_PAGES], urls, strict=False):
        trafilatura.extract(html, url=url)
    gc.collect()
    started = time.process_time()
    texts = [trafilatura.extract(html, url=url) for html, url in zip(htmls, urls, strict=True)]
    return texts, time.process_time() - started


def field_hits(
    page: GoldPage, title: str | None, author: str | None, published: str | None
) -> dict[str, bool | None]:
    """Per field: None when the gold has no value, else whether ours matches."""
    return {
        "title_ok": None if not page.title else fold(title) == fold(page.title),
        "author_ok": None
        if not page.author
        else bool(author) and fold(page.author) in fold(author),
        "date_ok": None
        if not page.publish_date
        else bool(published) and str(published)[:10] == page.publish_date[:10],
    }


def print_scores(rows: pd.DataFrame, systems: list[str], label: str) -> None:
    """F1, precision, recall per page type, systems side by side."""
    print(f"\n{label}")
    header = f"{'page type':<15}{'pages':>6}"
    for system in systems:
        header += f" | {system:>14} F1     P     R"
    print(header)
    types = ["all", *list(rows[rows.system == systems[0]].page_type.value_counts().index)]
    for page_type in types:
        line = ""
        for system in systems:
            chosen = rows[rows.system == system]
            if page_type != "all":
                chosen = chosen[chosen.page_type == page_type]
            if not line:
                line = f"{page_type:<15}{len(chosen):>6}"
            line += (
                f" | {chosen.f1.mean():>17.3f} {chosen.precision.mean():.3f} "
                f"{chosen.recall.mean():.3f}"
            )
        print(line)


def print_fields(rows: pd.DataFrame, systems: list[str]) -> None:
    print("\nFields (share of pages whose gold has the field)")
    print(f"{'field':<10}{'pages':>6}" + "".join(f"{system:>14}" for system in systems))
    for field in ("title_ok", "author_ok", "date_ok"):
        line = ""
        for system in systems:
            values = rows[rows.system == system][field].dropna().astype(bool)
            line = line or f"{field.removesuffix('_ok'):<10}{len(values):>6}"
            line += f"{values.mean():>14.3f}"
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="the WCXB dev folder (default: ../shared/bench/wcxb-dev)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "results" / "per_page.csv"
    )
    arguments = parser.parse_args()
    if not (arguments.data / "ground-truth").is_dir():
        parser.error(f"{arguments.data}: not a WCXB folder (no ground-truth/ in it)")

    import trafilatura  # imported here: only the benchmark needs it directly

    pages = load_pages(arguments.data, arguments.limit)
    print(f"WCXB dev: {len(pages)} pages from {arguments.data}")
    rows: list[dict] = []

    ours, our_seconds, cleaning_seconds = run_cleaner_on_pages(pages)
    theirs, their_seconds = run_trafilatura(arguments.data, arguments.limit)
    htmls = [page.html() for page in pages]
    for page, html, their_text in zip(pages, htmls, theirs, strict=True):
        mine = ours.loc[page.page_id]
        # The gold is the page's day: compared with the day the page states, not the UTC day.
        published = None if pd.isna(mine["published_date"]) else mine["published_date"]
        rows.append(
            {
                "page_id": page.page_id,
                "page_type": page.page_type,
                "input": "html",
                "system": "cleaner",
                **dict(
                    zip(
                        ("precision", "recall", "f1"),
                        score(mine["body"], page.main_content),
                        strict=True,
                    )
                ),
                **field_hits(page, mine["title"], mine["author"], published),
            }
        )
        metadata = trafilatura.extract_metadata(html, default_url=page.url)
        rows.append(
            {
                "page_id": page.page_id,
                "page_type": page.page_type,
                "input": "html",
                "system": "trafilatura",
                **dict(
                    zip(
                        ("precision", "recall", "f1"),
                        score(their_text, page.main_content),
                        strict=True,
                    )
                ),
                **field_hits(page, metadata.title, metadata.author, metadata.date),
            }
        )
    html_rows = pd.DataFrame(rows)
    print_scores(html_rows, ["cleaner", "trafilatura"], "HTML pages: body, bag-of-words")
    print_fields(html_rows, ["cleaner", "trafilatura"])
    print("\nSpeed on HTML (single process, CPU time)")
    print(
        f"  cleaner end to end (read, clean, validate, write): "
        f"{len(pages) / our_seconds:8.1f} pages/s"
    )
    print(
        f"  cleaner, the cleaning step alone:                 "
        f"{len(pages) / cleaning_seconds:8.1f} pages/s"
    )
    print(
        f"  trafilatura.extract, default options:             "
        f"{len(pages) / their_seconds:8.1f} pages/s"
    )

    for converter in CONVERTERS:
        dump_rows = []
        dumps = [arguments.data / "dumps" / converter / f"{page.page_id}.txt.gz" for page in pages]
        ours, our_seconds, cleaning_seconds = run_cleaner_on_dumps(dumps)
        for page in pages:
            baseline = c4_baseline(page.dump(converter))
            mine = ours.loc[page.page_id]
            published = None if pd.isna(mine["published_date"]) else mine["published_date"]
            hits = field_hits(page, mine["title"], mine["author"], published)
            for system, text in (
                ("cleaner", mine["body"]),
                ("C4 rules", baseline),
            ):
                dump_rows.append(
                    {
                        "page_id": page.page_id,
                        "page_type": page.page_type,
                        "input": converter,
                        "system": system,
                        **dict(
                            zip(
                                ("precision", "recall", "f1"),
                                score(text, page.main_content),
                                strict=True,
                            )
                        ),
                        **(hits if system == "cleaner" else {}),
                    }
                )
        frame = pd.DataFrame(dump_rows)
        print_scores(frame, ["cleaner", "C4 rules"], f"Text dumps ({converter}): body")
        found = frame[frame.system == "cleaner"]
        print(
            f"  fields found in the {converter} dumps: "
            + ", ".join(
                f"{field.removesuffix('_ok')} {found[field].dropna().astype(bool).mean():.3f}"
                for field in ("title_ok", "author_ok", "date_ok")
            )
        )
        print(
            f"  cleaner on {converter} dumps (single process, CPU time): "
            f"{len(pages) / our_seconds:.1f} pages/s end to end, "
            f"{len(pages) / cleaning_seconds:.1f} pages/s the cleaning step alone"
        )
        rows.extend(dump_rows)

    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(arguments.out, index=False)
    print(f"\nper-page scores: {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
