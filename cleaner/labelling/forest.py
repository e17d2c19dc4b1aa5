"""A tree-ensemble classifier that runs on numpy alone.

The models that label blocks are ensembles of oblivious decision trees (every
node of one depth level asks the same question), trained by scripts under
``bench/`` and shipped as JSON in ``cleaner/data/models``. Oblivious trees
evaluate as a handful of array operations for all rows and all trees at once,
so labelling a page's few hundred blocks costs well under a millisecond and
needs no machine-learning library at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from cleaner.resources import data_file


@dataclass(frozen=True, slots=True)
class ObliviousForest:
    """Trees of one depth; split ``d`` of a tree sets bit ``d`` of the leaf index."""

    name: str
    feature_names: tuple[str, ...]
    split_features: np.ndarray  # (trees, depth) column of the feature each split reads
    split_borders: np.ndarray  # (trees, depth) the split is true when value > border
    leaf_values: np.ndarray  # (trees, 2 ** depth)
    bias: float
    scale: float
    # Derived at construction: each distinct (feature, border) question is asked
    # once per row; each tree reads its levels' answers as the bits of its leaf.
    _question_features: np.ndarray = field(init=False, repr=False)
    _question_borders: np.ndarray = field(init=False, repr=False)
    _tree_questions: np.ndarray = field(init=False, repr=False)
    _level_bits: np.ndarray = field(init=False, repr=False)
    _leaf_offsets: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        trees, depth = self.split_features.shape
        pairs = np.stack(
            [self.split_features.ravel().astype(np.float64), self.split_borders.ravel()], axis=1
        )
        questions, which = np.unique(pairs, axis=0, return_inverse=True)
        object.__setattr__(self, "_question_features", questions[:, 0].astype(np.intp))
        object.__setattr__(self, "_question_borders", questions[:, 1])
        object.__setattr__(self, "_tree_questions", which.reshape(trees, depth))
        leaf_type = np.min_scalar_type(2**depth - 1)  # uint8 up to depth 8: less to move
        object.__setattr__(self, "_level_bits", (1 << np.arange(depth)).astype(leaf_type))
        object.__setattr__(self, "_leaf_offsets", np.arange(trees) * self.leaf_values.shape[1])

    def decision(self, features: np.ndarray) -> np.ndarray:
        """The raw score (log-odds) of each row of ``features``."""
        if features.shape[0] == 0:
            return np.zeros(0)
        with np.errstate(invalid="ignore"):  # NaN compares false: "missing" goes left
            answers = features[:, self._question_features] > self._question_borders
        # (rows, trees, depth) answers -> leaf index; integer arithmetic, no BLAS threads.
        bits = answers[:, self._tree_questions] * self._level_bits
        leaves = bits.sum(axis=2, dtype=self._level_bits.dtype)
        picked = self.leaf_values.ravel()[leaves + self._leaf_offsets]  # (rows, trees)
        return self.scale * picked.sum(axis=1) + self.bias

    def probability(self, features: np.ndarray) -> np.ndarray:
        """The probability of the positive class (e.g. "kept") of each row."""
        return 1.0 / (1.0 + np.exp(-self.decision(features)))

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "feature_names": list(self.feature_names),
            "split_features": self.split_features.tolist(),
            "split_borders": self.split_borders.tolist(),
            "leaf_values": self.leaf_values.tolist(),
            "bias": self.bias,
            "scale": self.scale,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ObliviousForest:
        return cls(
            name=data["name"],
            feature_names=tuple(data["feature_names"]),
            split_features=np.asarray(data["split_features"], dtype=np.intp),
            split_borders=np.asarray(data["split_borders"], dtype=np.float64),
            leaf_values=np.asarray(data["leaf_values"], dtype=np.float64),
            bias=float(data["bias"]),
            scale=float(data["scale"]),
        )

    @classmethod
    def from_catboost(
        cls, name: str, model: dict[str, Any], feature_names: list[str]
    ) -> ObliviousForest:
        """Convert CatBoost's JSON export (``save_model(..., format="json")``).

        Trees shallower than the deepest are padded with splits that are never
        true, which leaves their leaf index unchanged.
        """
        trees = model["oblivious_trees"]
        depth = max(len(tree["splits"]) for tree in trees)
        split_features = np.zeros((len(trees), depth), dtype=np.intp)
        split_borders = np.full((len(trees), depth), np.inf)
        leaf_values = np.zeros((len(trees), 2**depth))
        for index, tree in enumerate(trees):
            for level, split in enumerate(tree["splits"]):
                split_features[index, level] = split["float_feature_index"]
                split_borders[index, level] = split["border"]
            values = tree["leaf_values"]
            leaf_values[index, : len(values)] = values
        scale, bias = model.get("scale_and_bias", [1.0, [0.0]])
        bias_value = bias[0] if isinstance(bias, list) else bias
        return cls(
            name,
            tuple(feature_names),
            split_features,
            split_borders,
            leaf_values,
            float(bias_value),
            float(scale),
        )


@cache
def load_forest(file_name: str) -> ObliviousForest:
    """A model shipped in ``cleaner/data/models``, loaded once per process."""
    text = data_file(f"models/{file_name}").read_text(encoding="utf-8")
    return ObliviousForest.from_json(json.loads(text))
