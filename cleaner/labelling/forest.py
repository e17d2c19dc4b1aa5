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

# Rows scored at once: bounds the (trees, rows) working arrays on a huge page.
_ROWS_PER_CHUNK = 4096


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
    # The distinct questions (feature, border) of all splits, sorted by feature, and
    # which of them each split asks: many splits ask the same one.
    _question_borders: np.ndarray = field(init=False, repr=False, compare=False)
    _question_spans: tuple[tuple[int, int, int], ...] = field(
        init=False, repr=False, compare=False
    )  # (feature, first, end) of each feature's questions
    _split_questions: np.ndarray = field(init=False, repr=False, compare=False)
    # (trees, 1) where each tree's leaf values start in ``leaf_values`` flattened.
    _tree_offsets: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = np.stack(
            (self.split_features.ravel().astype(np.float64), self.split_borders.ravel())
        )
        questions, asked = np.unique(pairs, axis=1, return_inverse=True)
        features = questions[0].astype(np.intp)
        starts = np.flatnonzero(np.diff(features, prepend=-1))
        ends = np.append(starts[1:], len(features)) if len(starts) else starts
        spans = tuple(
            (int(features[start]), int(start), int(end))
            for start, end in zip(starts, ends, strict=True)
        )
        object.__setattr__(self, "_question_borders", questions[1][:, None])
        object.__setattr__(self, "_question_spans", spans)
        object.__setattr__(self, "_split_questions", asked.reshape(self.split_features.shape))
        trees, leaves = self.leaf_values.shape
        object.__setattr__(self, "_tree_offsets", (np.arange(trees) * leaves)[:, None])

    def decision(self, features: np.ndarray) -> np.ndarray:
        """The raw score (log-odds) of each row of ``features``, in chunks of rows."""
        decisions = [
            self._chunk_decision(features[start : start + _ROWS_PER_CHUNK])
            for start in range(0, features.shape[0], _ROWS_PER_CHUNK)
        ]
        return np.concatenate(decisions) if decisions else np.zeros(0)

    def _chunk_decision(self, features: np.ndarray) -> np.ndarray:
        """Every distinct question answered once for all rows, a feature's borders at once
        (no copy of its column per split); then each level of all trees is one gather of
        answers, a byte per row. Linear in rows x (questions + trees x depth),
        single-threaded (no BLAS), in memory bounded by the chunk."""
        columns = features.T  # one row per feature: copied unless its values are contiguous
        if columns.strides[1] != columns.itemsize:
            columns = np.ascontiguousarray(columns)
        answers = np.empty((len(self._question_borders), features.shape[0]), dtype=bool)
        with np.errstate(invalid="ignore"):  # NaN compares false: "missing" goes left
            for feature, first, end in self._question_spans:
                np.greater(
                    columns[feature], self._question_borders[first:end], out=answers[first:end]
                )
        trees, depth = self.split_features.shape
        rows = features.shape[0]
        leaf_type = np.uint8 if depth <= 8 else np.uint32  # small integers: faster passes
        answered = answers.view(np.uint8).astype(leaf_type, copy=False)
        # Each level's answers are gathered into one buffer and made its bit there: no new
        # (trees, rows) array per level. The indices are all in range: "clip" only spares
        # numpy the copy it makes of ``out`` when it must be ready to raise. The bit is a
        # product, not a shift: numpy's shift loop is not vectorised, and cost more than
        # the rest of the levels together (an answer is 0 or 1, so both give the same bit).
        leaves = np.zeros((trees, rows), dtype=leaf_type)
        level_bits = np.empty((trees, rows), dtype=leaf_type)
        for level in range(depth):
            np.take(answered, self._split_questions[:, level], axis=0, out=level_bits, mode="clip")
            np.multiply(level_bits, leaf_type(1 << level), out=level_bits)
            np.bitwise_or(leaves, level_bits, out=leaves)
        # Each tree's leaves are read from its own stretch of the flat table of leaf values.
        slots = np.empty((trees, rows), dtype=np.intp)
        np.add(leaves, self._tree_offsets, out=slots, casting="unsafe")
        return self.scale * np.take(self.leaf_values.ravel(), slots).sum(axis=0) + self.bias

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
