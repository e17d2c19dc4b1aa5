"""The WCXB development set and its metric, shared by the benchmark scripts.

WCXB: Web Content eXtraction Benchmark, dev split, by Murrough Foley,
CC-BY-4.0. The data is read from a folder given on the command line; nothing
of it is copied into this repository except the few pages under tests/data.

The metric (from the data set's README): per page, tokens are
``re.findall(r"\\w+", text.lower())``; overlap is the size of the multiset
intersection of predicted and gold tokens; precision = overlap / predicted,
recall = overlap / gold, F1 their harmonic mean; an empty prediction scores 0,
an empty gold with an empty prediction scores 1. Means are over pages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+")
DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "wcxb-dev"
CONVERTERS = ("html_text", "bs4")


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One page of the set with its gold fields."""

    page_id: str
    url: str
    page_type: str
    html_path: Path
    main_content: str
    title: str | None
    author: str | None
    publish_date: str | None

    def html(self) -> str:
        return gzip.open(self.html_path).read().decode("utf-8", "replace")

    def dump(self, converter: str) -> str:
        path = self.html_path.parent.parent / "dumps" / converter / f"{self.page_id}.txt.gz"
        return gzip.open(path).read().decode("utf-8", "replace")


def load_pages(data_dir: Path, limit: int | None = None) -> list[GoldPage]:
    """Every page of the set, sorted by id."""
    pages = []
    for gold_path in sorted((data_dir / "ground-truth").glob("*.json")):
        record = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = record["ground_truth"]
        page_id = gold_path.stem
        pages.append(
            GoldPage(
                page_id=page_id,
                url=record.get("url") or "",
                page_type=record["_internal"]["page_type"]["primary"],
                html_path=data_dir / "html" / f"{page_id}.html.gz",
                main_content=gold.get("main_content") or "",
                title=gold.get("title"),
                author=gold.get("author"),
                publish_date=gold.get("publish_date"),
            )
        )
        if limit and len(pages) >= limit:
            break
    return pages


def page_domains(data_dir: Path) -> dict[str, str]:
    """Each page's domain, from the set's metadata: cross-validation folds group by it."""
    files = json.loads((data_dir / "metadata.json").read_text(encoding="utf-8"))["files"]
    return {page_id: entry["domain"] for page_id, entry in files.items()}


def fold(text: object) -> str:
    """Case and white space folded, as fields are compared; a missing value is ""."""
    return " ".join(text.casefold().split()) if isinstance(text, str) else ""


def fold_words(text: str | None) -> str:
    """Its words only (``\\w+``), lower-cased: how text dumps' titles are compared."""
    return " ".join(re.findall(r"\w+", (text or "").lower()))


_C4_TERMINAL = (".", "!", "?", '"', "'", "”", "’")
_C4_BANNED = ("javascript", "cookie", "lorem ipsum")


def c4_baseline(text: str) -> str:
    """C4's line rules, the text-dump baseline: lines of three words or more that end
    like a sentence, minus lines mentioning javascript, cookie or lorem ipsum, or
    holding a curly brace."""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        lowered = line.lower()
        if len(line.split()) < 3 or not line.endswith(_C4_TERMINAL):
            continue
        if any(word in lowered for word in _C4_BANNED) or "{" in line or "}" in line:
            continue
        kept.append(line)
    return "\n".join(kept)


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall((text or "").lower())


def score(predicted: str | None, gold: str | None) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of one page."""
    predicted_tokens, gold_tokens = tokens(predicted), tokens(gold)
    if not gold_tokens and not predicted_tokens:
        return 1.0, 1.0, 1.0
    if not predicted_tokens or not gold_tokens:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(predicted_tokens) & Counter(gold_tokens)).values())
    if overlap == 0:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / len(predicted_tokens), overlap / len(gold_tokens)
    return precision, recall, 2 * precision * recall / (precision + recall)


def by_type(rows: list[dict], value: str) -> Iterator[tuple[str, int, float]]:
    """Mean of ``value`` over all rows, then per page type (most pages first)."""
    groups: dict[str, list[float]] = {"all": []}
    for row in rows:
        groups["all"].append(row[value])
        groups.setdefault(row["page_type"], []).append(row[value])
    for name in sorted(groups, key=lambda key: (key != "all", -len(groups[key]), key)):
        values = groups[name]
        yield name, len(values), sum(values) / len(values)


def type_table(rows_by_system: dict[str, list[dict]]) -> list[str]:
    """Lines of a table of mean F1 (precision / recall) per page type, one column per system.

    ``rows_by_system`` maps each system to its rows (``page_type``, ``f1``,
    ``precision``, ``recall``), one per page, every system over the same pages.
    """
    systems = list(rows_by_system)
    lines = [f"{'page type':<15}{'pages':>6}" + "".join(f"{system:>22}" for system in systems)]
    cells: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for rows in rows_by_system.values():
        means = {
            value: {name: mean for name, _, mean in by_type(rows, value)}
            for value in ("f1", "precision", "recall")
        }
        for name, count, _ in by_type(rows, "f1"):
            counts[name] = count
            f1, precision, recall = (means[value][name] for value in ("f1", "precision", "recall"))
            cell = f"{f1:.3f} ({precision:.2f}/{recall:.2f})"
            cells.setdefault(name, []).append(f"{cell:>22}")
    lines.extend(f"{name:<15}{counts[name]:>6}" + "".join(row) for name, row in cells.items())
    return lines
