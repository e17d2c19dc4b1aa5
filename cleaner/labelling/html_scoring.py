"""Scoring blocks with the block model, tree level by tree level.

``ObliviousForest.decision`` turns the split answers into leaf indices with a
matrix product: its cost grows with rows x questions x trees (all distinct
(feature, border) questions of the model), and numpy hands it to a BLAS that
may spread it over every core. For the block model (hundreds of trees,
thousands of questions) that is most of the labelling time of a page and
seconds on a page of 50,000 blocks. Here each level of all trees is one
gather and one comparison, linear in rows x trees x depth, single-threaded,
in bounded memory; the scores are the same.
"""

from __future__ import annotations

import numpy as np

from cleaner.labelling.forest import ObliviousForest

_ROWS_PER_CHUNK = 4096


def _decision(forest: ObliviousForest, features: np.ndarray) -> np.ndarray:
    columns = np.ascontiguousarray(features.T)  # one contiguous row per feature
    trees, depth = forest.split_features.shape
    leaf_type = np.uint8 if depth <= 8 else np.uint32  # small integers: faster passes
    leaves = np.zeros((trees, features.shape[0]), dtype=leaf_type)
    with np.errstate(invalid="ignore"):  # NaN compares false: "missing" goes left
        for level in range(depth):
            goes_right = (
                columns[forest.split_features[:, level]] > forest.split_borders[:, level, None]
            )
            leaves |= goes_right.astype(leaf_type) << level
    offsets = np.arange(trees)[:, None] * forest.leaf_values.shape[1]
    picked = forest.leaf_values.ravel()[leaves + offsets]  # (trees, rows)
    return forest.scale * picked.sum(axis=0) + forest.bias


def block_probabilities(forest: ObliviousForest, features: np.ndarray) -> np.ndarray:
    """``forest.probability(features)``, computed in chunks of rows, level by level."""
    decisions = [
        _decision(forest, features[start : start + _ROWS_PER_CHUNK])
        for start in range(0, features.shape[0], _ROWS_PER_CHUNK)
    ]
    raw = np.concatenate(decisions) if decisions else np.zeros(0)
    return 1.0 / (1.0 + np.exp(-raw))
