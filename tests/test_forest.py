"""The forest runtime scores as the trees say, one tree and one split at a time."""

from __future__ import annotations

import math

import numpy as np

from cleaner.labelling.forest import ObliviousForest, load_forest


def _by_hand(forest: ObliviousForest, row: np.ndarray) -> float:
    """Each tree walked split by split in plain Python: NaN goes left (compares false)."""
    total = 0.0
    for tree in range(forest.split_features.shape[0]):
        leaf = 0
        for level in range(forest.split_features.shape[1]):
            value = row[forest.split_features[tree, level]]
            if value > forest.split_borders[tree, level]:
                leaf |= 1 << level
        total += forest.leaf_values[tree, leaf]
    return forest.scale * total + forest.bias


def test_shipped_models_score_as_their_trees_say() -> None:
    generator = np.random.default_rng(0)
    for name in ("text_lines.json", "text_title.json", "html_blocks.json"):
        forest = load_forest(name)
        rows = generator.normal(0.0, 3.0, size=(50, len(forest.feature_names)))
        rows[generator.random(rows.shape) < 0.1] = np.nan  # missing values
        # Values on the borders themselves: a split is true only above its border.
        rows[0, forest.split_features[:, 0]] = forest.split_borders[:, 0]
        scores = forest.decision(rows)
        expected = [_by_hand(forest, row) for row in rows]
        assert all(
            math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
            for a, b in zip(scores, expected, strict=True)
        )
        # Rows laid out feature by feature, as the line features are, are read in place.
        assert forest.decision(np.asfortranarray(rows)).tolist() == scores.tolist()


def test_a_forest_without_splits_scores_its_leaves() -> None:
    forest = ObliviousForest(
        "flat", ("a",), np.zeros((3, 0), np.intp), np.zeros((3, 0)), np.ones((3, 1)), 0.5, 2.0
    )
    assert forest.decision(np.zeros((4, 1))).tolist() == [6.5] * 4
