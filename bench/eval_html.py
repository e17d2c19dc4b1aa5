"""Evaluate HTML main-content extraction on the WCXB dev set, against trafilatura.

    PYTHONPATH=. python bench/eval_html.py [--data ../shared/bench/wcxb-dev] [--no-cv]

Prints, per page type, the mean bag-of-words F1 / precision / recall of:
- ours, in-sample: the shipped model, run through the real pipeline steps
  (``parse_html`` -> ``segment_html`` -> ``label_html_blocks``), with the
  CPU time of each step and of the whole HTML path (``clean_page``:
  plus fields and language), single process;
- ours, 5-fold CV grouped by domain: each page labelled by a model trained
  without any page of its domain (what we believe about unseen sites);
- trafilatura 2.3.1, default ``extract``, from its cached output when
  ``--trafilatura-cache`` exists (else run here).
"""

from __future__ import annotations

import os

# CPU time is measured single-threaded: numpy's BLAS would otherwise spread the
# model's matrix products over every core and count each core's time.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import json
import time
from pathlib import Path

from bench.train_html_blocks import (
    DEFAULT_CACHE,
    PageData,
    block_accuracy,
    cross_validated_probabilities,
    load_dataset,
    with_held_out_lexicons,
)
from bench.wcxb import DEFAULT_DATA, GoldPage, by_type, score
from cleaner.articles import PARAGRAPH_SEPARATOR
from cleaner.blocks.block import Block
from cleaner.blocks.html import parse_html, segment_html
from cleaner.labelling.forest import load_forest
from cleaner.labelling.html import MODEL_FILE, decide, label_html_blocks
from cleaner.pages import Page
from cleaner.pipeline import clean_page

TRAFILATURA_CACHE = Path.home() / ".cache" / "cleaner" / "trafilatura_default.json"
COLUMNS = ("f1", "precision", "recall")


def body_of(blocks: list[Block]) -> str:
    return PARAGRAPH_SEPARATOR.join(block.text for block in blocks if block.kept)


def scored(gold: GoldPage, predicted: str) -> dict:
    precision, recall, f1 = score(predicted, gold.main_content)
    return {"page_type": gold.page_type, "f1": f1, "precision": precision, "recall": recall}


def run_in_sample(golds: list[GoldPage]) -> tuple[list[dict], dict[str, float]]:
    """Our shipped model through the real steps, timed (CPU seconds per step)."""
    rows, seconds = [], {"parse": 0.0, "segment": 0.0, "label": 0.0, "html path": 0.0}
    for gold in golds:
        html = gold.html()
        started = time.process_time()
        document = parse_html(html)
        parsed = time.process_time()
        segmented = segment_html(document) if document is not None else None
        segmented_at = time.process_time()
        blocks = label_html_blocks(segmented) if segmented is not None else []
        labelled = time.process_time()
        seconds["parse"] += parsed - started
        seconds["segment"] += segmented_at - parsed
        seconds["label"] += labelled - segmented_at
        started = time.process_time()
        clean_page(Page(source=gold.page_id, content=html, content_type="html", url=gold.url))
        seconds["html path"] += time.process_time() - started
        rows.append(scored(gold, body_of(blocks)))
    return rows, seconds


def run_cross_validated(pages: list[PageData]) -> tuple[list[dict], float]:
    """Each page labelled by the model trained on the folds without its domain."""
    probabilities = cross_validated_probabilities(pages)
    rows = [
        scored(page.gold, body_of(decide(page.blocks, page.features, page_probabilities)))
        for page, page_probabilities in zip(pages, probabilities, strict=True)
    ]
    return rows, block_accuracy(pages, probabilities)


def run_trafilatura(golds: list[GoldPage], cache: Path) -> list[dict]:
    if cache.exists():
        outputs = json.loads(cache.read_text(encoding="utf-8"))
        return [scored(gold, outputs[gold.page_id]["text"]) for gold in golds]
    import trafilatura

    return [scored(gold, trafilatura.extract(gold.html()) or "") for gold in golds]


def table(systems: dict[str, list[dict]]) -> str:
    names = list(systems)
    header = f"{'type':<14}{'pages':>6}" + "".join(f"{name:>24}" for name in names)
    lines = [header, f"{'':<20}" + "".join(f"{'F1    P     R':>24}" for _ in names)]
    summaries = {
        name: {column: dict((t, v) for t, _, v in by_type(rows, column)) for column in COLUMNS}
        for name, rows in systems.items()
    }
    counts = {t: n for t, n, _ in by_type(next(iter(systems.values())), "f1")}
    for page_type, count in counts.items():
        cells = "".join(
            f"{'  '.join(f'{summaries[name][c][page_type]:.3f}' for c in COLUMNS):>24}"
            for name in names
        )
        lines.append(f"{page_type:<14}{count:>6}{cells}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--trafilatura-cache", type=Path, default=TRAFILATURA_CACHE)
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    arguments = parser.parse_args()
    pages = load_dataset(arguments.data, arguments.cache)
    golds = [page.gold for page in pages]
    in_sample, seconds = run_in_sample(golds)
    systems = {"ours in-sample": in_sample}
    forest = load_forest(MODEL_FILE)
    accuracies = {
        "in-sample": block_accuracy(pages, [forest.probability(p.features.matrix) for p in pages])
    }
    if not arguments.no_cv:
        held_out = with_held_out_lexicons(pages, arguments.data)
        systems["ours CV by domain"], accuracies["5-fold CV by domain"] = run_cross_validated(
            held_out
        )
    systems["trafilatura"] = run_trafilatura(golds, arguments.trafilatura_cache)
    print(table(systems))
    print(
        "\nblock accuracy (weighted as in training): "
        + ", ".join(f"{name} {value:.4f}" for name, value in accuracies.items())
    )
    count = len(golds)
    ours = seconds["parse"] + seconds["segment"] + seconds["label"]
    print(
        f"\nCPU per page, single process: parse {1000 * seconds['parse'] / count:.1f} ms, "
        f"segment {1000 * seconds['segment'] / count:.1f} ms, "
        f"label {1000 * seconds['label'] / count:.1f} ms; "
        f"parse+segment+label {1000 * ours / count:.1f} ms ({count / ours:.1f} pages/s); "
        f"whole HTML path (clean_page) {1000 * seconds['html path'] / count:.1f} ms "
        f"({count / seconds['html path']:.1f} pages/s)"
    )


if __name__ == "__main__":
    main()
