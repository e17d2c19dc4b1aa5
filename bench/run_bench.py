"""`make bench`: cleaner against trafilatura (HTML) and C4 line rules (text dumps).

One run prints, side by side:
  - body F1 / precision / recall, overall and per page type, for cleaner and for
    ``trafilatura.extract`` with default options, on the HTML pages;
  - title / author / date accuracy, for cleaner and trafilatura's metadata;
  - pages per second (single process, CPU time): cleaner end to end (read,
    clean, validate, write Parquet) against trafilatura.extract alone;
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
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wcxb import CONVERTERS, DEFAULT_DATA, GoldPage, c4_baseline, fold, load_pages, score

from cleaner.batch import run_batch
from cleaner.inputs.sources import Source


def run_cleaner(sources: list[Source], out: Path) -> tuple[pd.DataFrame, float, float]:
    """A real batch run: the articles by source, end-to-end and cleaning CPU seconds."""
    gc.collect()  # a full collection left over from the previous step is not this one's cost
    started = time.process_time()
    report = run_batch(sources, out, "parquet")
    seconds = time.process_time() - started
    articles = pd.read_parquet(out / "articles.parquet").set_index("source")
    return articles, seconds, report.seconds["clean"]


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


def timed(function: Callable[..., str | None], *inputs: list) -> tuple[list, float]:
    gc.collect()  # a full collection left over from the previous step is not this one's cost
    started = time.process_time()
    outputs = [function(*arguments) for arguments in zip(*inputs, strict=True)]
    return outputs, time.process_time() - started


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
    htmls = [page.html() for page in pages]
    urls = [page.url for page in pages]
    theirs, their_seconds = timed(lambda html, url: trafilatura.extract(html, url=url), htmls, urls)
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
