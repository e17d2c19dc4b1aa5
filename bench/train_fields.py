"""Train the candidate scorers of the HTML fields (title, author, publication day) on WCXB dev.

Usage: python bench/train_fields.py [--fields title author published] [--data DIR]
       [--iterations N] [--no-save]

For every page, the field's candidates are listed by the very functions the
cleaner runs (``cleaner.fields.titles.title_candidates``, ...) and labelled
right or wrong against the gold with the rules of ``bench/eval_fields.py``. A
CatBoost classifier of oblivious trees (one thread) learns to score them; it
is exported to ``cleaner/data/models/fields_<field>.json`` for
``cleaner.labelling.forest``.

Printed per field: page-level accuracy of the value the cleaner would state
(``pick_title`` and kin: the top-scored candidate, when its score passes the
field's threshold in ``thresholds.yaml``), in-sample and in 5-fold
cross-validation grouped by domain (no site is in both the training and the
test part), beside the oracle (pages where some candidate is right), how
often a value is stated where the gold has none, and candidate-level
accuracy. ``--cv-out`` writes the cross-validated choices for
``bench/eval_fields.py --cv``, which sets them beside trafilatura's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_fields import gold_day, on_day
from bench.forests import to_forest
from bench.wcxb import DEFAULT_DATA, GoldPage, fold, load_pages, page_domains
from cleaner.blocks.html import parse_html, segment_html
from cleaner.fields.authors import author_candidates, pick_author
from cleaner.fields.page import PageView
from cleaner.fields.published import pick_published, published_candidates
from cleaner.fields.ranking import Candidate, feature_matrix
from cleaner.fields.titles import pick_title, title_candidates
from cleaner.resources import data_file

FOLDS = 5
# Boosting rounds and learning rate per field. The date scorer learns from noisier labels
# (the gold takes the shown "Updated" day on some pages, the declared publication day on
# others): slower learning over more rounds scored better in cross-validation.
TRAINING = {"title": (150, 0.15), "author": (150, 0.15), "published": (300, 0.05)}


@dataclass(frozen=True)
class FieldTask:
    """How one field's candidates are listed, chosen among and judged."""

    lister: Callable[[PageView], list[Candidate]]
    # The cleaner's own decision, given the candidates and their scores.
    picker: Callable[[list[Candidate], np.ndarray], object]
    # Whether a value is right for a page (the page has gold for the field).
    is_right: Callable[[object, GoldPage], bool]
    has_gold: Callable[[GoldPage], bool]


TASKS = {
    "title": FieldTask(
        title_candidates,
        pick_title,
        lambda value, page: fold(value) == fold(page.title),
        lambda page: bool(fold(page.title)),
    ),
    # The date scorer's confidence is filled in by ``date_confidence`` once it is trained.
    "author": FieldTask(
        lambda view: author_candidates(view, dated=float("nan")),
        pick_author,
        lambda value, page: bool(fold(value)) and fold(page.author) in fold(value),
        lambda page: bool(fold(page.author)),
    ),
    "published": FieldTask(
        published_candidates,
        pick_published,
        lambda value, page: on_day(value, gold_day(page), tolerant=True),
        lambda page: gold_day(page) is not None,
    ),
}


@dataclass
class PageCandidates:
    page: GoldPage
    domain: str
    candidates: dict[str, list[Candidate]]


def list_candidates(pages: list[GoldPage], domains: dict[str, str], fields: list[str]):
    listed = []
    for number, page in enumerate(pages, 1):
        document = parse_html(page.html())
        if document is None:
            continue
        view = PageView.read(document, segment_html(document).blocks, page.url)
        listed.append(
            PageCandidates(
                page,
                domains.get(page.page_id, page.page_id),
                {field: TASKS[field].lister(view) for field in fields},
            )
        )
        if number % 200 == 0:
            print(f"  listed candidates of {number} pages", file=sys.stderr)
    return listed


def table(listed: list[PageCandidates], field: str):
    """Feature rows, labels, and the page each row belongs to (pages without gold included)."""
    task = TASKS[field]
    names = sorted({name for item in listed for c in item.candidates[field] for name in c.features})
    rows, labels, owners = [], [], []
    for index, item in enumerate(listed):
        candidates = item.candidates[field]
        if not candidates:
            continue
        rows.append(feature_matrix(candidates, names))
        gold = task.has_gold(item.page)
        labels.extend(gold and task.is_right(c.value, item.page) for c in candidates)
        owners.extend([index] * len(candidates))
    return names, np.vstack(rows), np.array(labels, dtype=int), np.array(owners)


def train(matrix: np.ndarray, labels: np.ndarray, iterations: int, learning_rate: float):
    from catboost import CatBoostClassifier

    model = CatBoostClassifier(
        iterations=iterations,
        depth=6,
        learning_rate=learning_rate,
        loss_function="Logloss",
        thread_count=1,
        random_seed=0,
        verbose=False,
        allow_writing_files=False,
    )
    model.fit(matrix, labels)
    return model


def page_choices(listed, field, owners, scored) -> dict[str, object]:
    """The value the cleaner states for each page, given the candidates' scores."""
    task = TASKS[field]
    choices = {}
    for index, item in enumerate(listed):
        candidates = item.candidates[field]
        mine = scored[owners == index] if candidates else np.zeros(0)
        choices[item.page.page_id] = task.picker(candidates, mine) if candidates else None
    return choices


def page_scores(listed, field, choices) -> dict[str, float]:
    """Page-level accuracy of the choices, and how often a value is stated without gold."""
    task = TASKS[field]
    right = judged = oracle = extra = without = 0
    for item in listed:
        value = choices[item.page.page_id]
        if task.has_gold(item.page):
            judged += 1
            right += value is not None and task.is_right(value, item.page)
            oracle += any(task.is_right(c.value, item.page) for c in item.candidates[field])
        else:
            without += 1
            extra += value is not None
    return {
        "accuracy": right / judged,
        "oracle": oracle / judged,
        "pages": judged,
        "false_positive": extra / without if without else float("nan"),
    }


def grouped_folds(listed, owners, folds: int) -> list[np.ndarray]:
    """Row masks of ``folds`` test parts, whole domains at a time, balanced by page count."""
    domains = sorted({item.domain for item in listed})
    rng = np.random.default_rng(0)
    rng.shuffle(domains)
    part_of = {domain: index % folds for index, domain in enumerate(domains)}
    page_part = np.array([part_of[item.domain] for item in listed])
    return [page_part[owners] == part for part in range(folds)]


def evaluate_field(
    listed, field: str, iterations: int | None, save: bool
) -> tuple[dict[str, object], np.ndarray]:
    """Train, cross-validate and (unless told not to) save one field's scorer.

    Returns the value chosen for each page by the cross-validated scorers,
    and their scores of the candidates.
    """
    names, matrix, labels, owners = table(listed, field)
    rounds, learning_rate = TRAINING[field]
    rounds = iterations or rounds
    print(f"\n== {field}: {len(labels)} candidates, {labels.sum()} right, {len(names)} features")
    cv_scores = np.zeros(len(labels))
    for test in grouped_folds(listed, owners, FOLDS):
        model = train(matrix[~test], labels[~test], rounds, learning_rate)
        forest = to_forest(model, field, names)
        cv_scores[test] = forest.probability(matrix[test])
    model = train(matrix, labels, rounds, learning_rate)
    forest = to_forest(model, f"fields_{field}", names)
    in_sample = forest.probability(matrix)
    cv_choices = page_choices(listed, field, owners, cv_scores)
    for label, scores in (("in-sample", in_sample), ("domain-grouped 5-fold CV", cv_scores)):
        result = page_scores(listed, field, page_choices(listed, field, owners, scores))
        candidate_accuracy = ((scores >= 0.5) == labels).mean()
        print(
            f"  {label:<26} page accuracy {result['accuracy']:.3f} (oracle {result['oracle']:.3f},"
            f" {result['pages']} pages)  stated without gold {result['false_positive']:.3f}"
            f"  candidate accuracy {candidate_accuracy:.3f}"
        )
    importance = sorted(zip(model.get_feature_importance(), names, strict=True), reverse=True)[:12]
    print("  top features: " + ", ".join(f"{name} {value:.1f}" for value, name in importance))
    if save:
        target = Path(str(data_file(f"models/fields_{field}.json")))
        target.write_text(json.dumps(forest.to_json()) + "\n")
        print(f"  saved {target}")
    return cv_choices, cv_scores


def date_confidence(listed, cv_scores: np.ndarray) -> None:
    """Give the author candidates the date scorer's confidence in their page.

    The cross-validated confidence is used, for training as for testing: it
    is what the date scorer says of pages it has not seen, as in use.
    """
    if listed and "author" not in listed[0].candidates:
        return
    _, _, _, owners = table(listed, "published")
    for index, item in enumerate(listed):
        mine = cv_scores[owners == index]
        confidence = float(mine.max()) if len(mine) else 0.0
        for candidate in item.candidates["author"]:
            candidate.features["page_dated"] = confidence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--fields", nargs="+", choices=tuple(TASKS), default=list(TASKS))
    parser.add_argument(
        "--iterations", type=int, default=None, help="boosting rounds (default: per field)"
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument(
        "--cv-out",
        type=Path,
        default=None,
        help="write the cross-validated choice of every page here (JSON, for eval_fields --cv)",
    )
    arguments = parser.parse_args()
    # The author scorer reads the date scorer's confidence: the date comes first.
    fields = [field for field in ("title", "published", "author") if field in arguments.fields]
    if "author" in fields and "published" not in fields:
        fields.insert(0, "published")
    pages = load_pages(arguments.data, arguments.limit)
    listed = list_candidates(pages, page_domains(arguments.data), fields)
    choices: dict[str, dict[str, object]] = {item.page.page_id: {} for item in listed}
    for field in fields:
        save = not arguments.no_save and field in arguments.fields
        field_choices, cv_scores = evaluate_field(listed, field, arguments.iterations, save)
        if field == "published":
            date_confidence(listed, cv_scores)
        for page_id, value in field_choices.items():
            choices[page_id][field] = value.isoformat() if isinstance(value, datetime) else value
    if arguments.cv_out:
        arguments.cv_out.write_text(json.dumps(choices, ensure_ascii=False, indent=0))
        print(f"\ncross-validated choices written to {arguments.cv_out}")


if __name__ == "__main__":
    main()
