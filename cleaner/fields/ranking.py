"""Choosing a field's value among the candidates a page offers, with a learned scorer.

A page states its title, author and date in several places that often
disagree (the ``h1``, the metadata, the ``<title>`` with the site's name, the
byline, the dateline, the comments' dates). Which one is right depends on many
weak signals at once: where the candidate comes from, how many sources agree
with it, where it stands on the page, what kind of page it is. Each field's
module lists its candidates with such features; a small tree ensemble trained
on the development set (``bench/train_fields.py``) scores them, and the best
one is taken when its score is high enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Generic, TypeVar

import numpy as np

from cleaner.labelling.forest import load_forest

Value = TypeVar("Value")


@dataclass(frozen=True, slots=True)
class Candidate(Generic[Value]):
    """One possible value of a field, with what is known about it (named numbers)."""

    value: Value
    features: dict[str, float]


def feature_matrix(candidates: Sequence[Candidate], names: Sequence[str]) -> np.ndarray:
    """The features of ``candidates`` as rows, in the order of ``names``; NaN where absent."""
    pick = itemgetter(*names)
    rows = []
    for candidate in candidates:
        features = candidate.features
        try:
            rows.append(pick(features))
        except KeyError:
            rows.append(tuple(features.get(name, np.nan) for name in names))
    return np.array(rows, dtype=float).reshape(len(candidates), len(names))


def scores(candidates: Sequence[Candidate], model_file: str) -> np.ndarray:
    """The scorer's probability that each candidate is the field's value."""
    if not candidates:
        return np.zeros(0)
    forest = load_forest(model_file)
    return forest.probability(feature_matrix(candidates, forest.feature_names))


def top(
    candidates: Sequence[Candidate[Value]], scored: np.ndarray, min_score: float
) -> Candidate[Value] | None:
    """The highest-scored candidate, or None if no score reaches ``min_score``.

    Ties keep the earlier candidate: candidate lists are in order of trust.
    """
    if not candidates:
        return None
    best = int(np.argmax(scored))
    return candidates[best] if scored[best] >= min_score else None
