"""Train the scorer of a text dump's title lines (``cleaner.labelling.text_title``) on WCXB dev.

Usage: python bench/train_text_title.py [--data DIR] [--limit N] [--no-save]
       [--other-converters DIR]

Every dev page's html_text and bs4 dumps are labelled by the shipped line
model, and their head's short lines listed with their features by the very
function the cleaner runs (``title_candidates``). Each dump is listed twice:
whole, and without its first line. html-text and BeautifulSoup write the
page's ``<title>`` first; inscriptis, html2text and many crawlers do not, and
a scorer trained on whole dumps only learns to lean on that first line
(titles found in inscriptis dumps: 5%). A line is right when the title it
states (``title_text``) equals the gold title, case and punctuation folded.
A CatBoost classifier of oblivious trees (one thread) learns to score them;
it is exported to ``cleaner/data/models/text_title.json``.

Printed: the share of pages whose chosen line (``best_candidate``) states
the gold title, in 5-fold cross-validation grouped by domain (no site in both
parts) and in-sample, per converter, beside the oracle (some candidate
does). With ``--other-converters`` (the cache of
``bench/other_converters.py``), the same for inscriptis and html2text dumps,
which the scorer never trains on. The line model's probabilities are
in-sample (it was trained on these pages): the first kept line is a little
better placed here than on unseen sites.

WCXB: Web Content eXtraction Benchmark, dev split, by Murrough Foley, CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.forests import to_forest
from bench.other_converters import DEFAULT_CACHE, rendered
from bench.train_fields import grouped_folds, train
from bench.wcxb import CONVERTERS, DEFAULT_DATA, GoldPage, fold_words, load_pages, page_domains
from cleaner.blocks.text import segment_lines
from cleaner.labelling.forest import ObliviousForest
from cleaner.labelling.text import read_lines
from cleaner.labelling.text_title import (
    TITLE_FEATURE_NAMES,
    best_candidate,
    title_candidates,
    title_text,
)
from cleaner.resources import data_file

FOLDS = 5
ROUNDS, LEARNING_RATE = 300, 0.1
OTHER_CONVERTERS = ("inscriptis", "html2text")
_BATCH = 32


@dataclass
class Listed:
    """One dump's title candidates: rows of features, and which are right."""

    page: GoldPage
    domain: str
    source: str  # the converter, "+first line dropped" for the second listing
    candidates: np.ndarray
    rows: np.ndarray
    right: np.ndarray  # the training labels
    gold_right: np.ndarray  # the lines whose title equals the gold (the <title> included)


def list_dumps(
    pages: list[GoldPage], texts: list[str], source: str, domains: dict[str, str]
) -> list[Listed]:
    """Each dump's candidates, labelled against its page's gold title."""
    listed = []
    for start in range(0, len(pages), _BATCH):
        batch = pages[start : start + _BATCH]
        lines = [segment_lines(text) for text in texts[start : start + _BATCH]]
        for page, read in zip(batch, read_lines(lines), strict=True):
            if not read.lines or not fold_words(page.title):
                continue
            candidates, rows = title_candidates(
                read.lines, read.features, read.probabilities, read.kept, read.lowered
            )
            gold = fold_words(page.title)
            gold_right = np.array(
                [fold_words(title_text(read.lines[i])) == gold for i in candidates], bool
            )
            # The ``<title>`` a converter writes first is right only when no line of the page
            # is: the headline is the title, and the line to take out of the body.
            right = gold_right.copy()
            right[candidates == 0] &= not right[candidates != 0].any()
            listed.append(
                Listed(page, domains[page.page_id], source, candidates, rows, right, gold_right)
            )
    return listed


def without_first_line(text: str) -> str:
    """The dump as a converter that does not write ``<title>`` first would have it."""
    return "\n".join(segment_lines(text)[1:])


def fit(listed: list[Listed]) -> ObliviousForest:
    """The scorer, trained as the HTML fields' scorers are (``train_fields.train``)."""
    model = train(
        np.vstack([item.rows for item in listed]),
        np.concatenate([item.right for item in listed]).astype(int),
        ROUNDS,
        LEARNING_RATE,
    )
    return to_forest(model, "text_title", list(TITLE_FEATURE_NAMES))


def accuracy(listed: list[Listed], scores: list[np.ndarray], pages: int) -> dict[str, float]:
    """Share of each source's ``pages`` (with a gold title) whose chosen line is right."""
    right = dict.fromkeys((item.source for item in listed), 0)
    for item, scored in zip(listed, scores, strict=True):
        if len(item.rows):
            chosen = best_candidate(item.candidates, item.rows, scored)
            right[item.source] += bool(item.gold_right[chosen])
    return {source: hits / pages for source, hits in right.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument(
        "--other-converters",
        type=Path,
        default=DEFAULT_CACHE,
        help="cache of bench/other_converters.py: score its dumps too (never trained on)",
    )
    arguments = parser.parse_args()
    pages = load_pages(arguments.data, arguments.limit)
    pages = [page for page in pages if fold_words(page.title)]
    domains = page_domains(arguments.data)
    training: list[Listed] = []
    for converter in CONVERTERS:
        texts = [page.dump(converter) for page in pages]
        training += list_dumps(pages, texts, converter, domains)
        dropped = [without_first_line(text) for text in texts]
        training += list_dumps(pages, dropped, f"{converter}, first line dropped", domains)
        print(f"  listed the {converter} dumps", file=sys.stderr, flush=True)
    others: list[Listed] = []
    for converter in OTHER_CONVERTERS:
        folder = arguments.other_converters / converter
        if not folder.is_dir():
            print(f"  no {converter} dumps in {folder}: not scored", file=sys.stderr)
            continue
        texts = [rendered(page, converter, arguments.other_converters) for page in pages]
        others += list_dumps(pages, texts, f"{converter} (never trained on)", domains)
    everything = training + others
    # Folds by site, over the dumps of every source (a dump's rows are one "page").
    tests = grouped_folds(everything, np.arange(len(everything)), FOLDS)
    cross_validated = [np.zeros(0)] * len(everything)
    for fold, test in enumerate(tests):
        held_out = test[: len(training)]  # ``everything`` starts with ``training``
        forest = fit([item for item, held in zip(training, held_out, strict=True) if not held])
        for index in np.flatnonzero(test):
            cross_validated[index] = forest.decision(everything[index].rows)
        print(f"  fold {fold + 1}/{FOLDS} done", file=sys.stderr, flush=True)
    forest = fit(training)
    # Every page counts for every source: a dump without a candidate is a miss.
    cv = accuracy(everything, cross_validated, len(pages))
    in_sample = accuracy(
        everything, [forest.decision(item.rows) for item in everything], len(pages)
    )
    oracle = dict.fromkeys(cv, 0)
    for item in everything:
        oracle[item.source] += bool(item.gold_right.any())
    print(f"\ntitle lines of the dumps: {len(pages)} pages with a gold title")
    print(f"{'dumps':<40} {'CV':>6} {'in-sample':>10} {'oracle':>7}")
    for source in cv:
        print(
            f"{source:<40} {cv[source]:>6.3f} {in_sample[source]:>10.3f}"
            f" {oracle[source] / len(pages):>7.3f}"
        )
    if not arguments.no_save:
        target = Path(str(data_file("models/text_title.json")))
        target.write_text(json.dumps(forest.to_json()) + "\n")
        print(f"saved {target}")


if __name__ == "__main__":
    main()
