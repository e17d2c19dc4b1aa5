"""py3langid's language model, run with numpy instead of a Python loop over bytes.

py3langid walks a finite automaton over the UTF-8 bytes of the text, one
Python step per byte, and counts the byte n-gram features the states it
passes emit. That loop was most of the cost of a page's language. The
automaton is built from a trie of n-grams (Aho-Corasick): the state after a
byte depends only on the last ``depth`` bytes, where ``depth`` is the deepest
state's distance from the start. So every position's state is found at
once, by walking ``depth`` steps from the start over all positions together.
The feature counts, scores and normalisation are py3langid's own (the tests
check the answers agree), and the model file is py3langid's: nothing is
downloaded or trained here.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE
from py3langid.modelio import load_model

_BYTES = 256


@dataclass(frozen=True, slots=True)
class NgramLanguageModel:
    """A naive Bayes model over byte n-grams, found by an automaton."""

    transitions: np.ndarray  # next state, at row offset + byte
    row_offsets: np.ndarray  # each state's row offset in ``transitions``
    emitted: np.ndarray  # the feature each state emits, -1 for none
    feature_scores: np.ndarray  # (features, classes) log-probabilities, float32
    class_scores: np.ndarray  # (classes,) prior log-probabilities
    classes: tuple[str, ...]
    aliases: tuple[tuple[int, int], ...]  # (first, duplicate) columns of one label
    depth: int

    def classify(self, text: str) -> tuple[str, float]:
        """The most probable language of ``text`` and its probability."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", "surrogatepass")
        scores = self._scores(np.frombuffer(data, dtype=np.uint8).astype(np.int64))
        scores *= np.float32(1.0 / math.sqrt(len(data) or 1))
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        for first, duplicate in self.aliases:
            probabilities[first] += probabilities[duplicate]
            probabilities[duplicate] = 0.0
        best = int(probabilities.argmax())
        return self.classes[best], float(probabilities[best])

    def _scores(self, data: np.ndarray) -> np.ndarray:
        """Log-likelihood of each class: the n-gram counts against the feature scores."""
        count = len(data)
        states = np.zeros(count, dtype=np.int64)
        for step in range(self.depth):
            start = self.depth - 1 - step  # positions this close to the start begin later
            if start < count:
                states[start:] = self.transitions[
                    self.row_offsets[states[start:]] + data[: count - start]
                ]
        features = self.emitted[states]
        features = features[features >= 0]
        if len(features) == 0:
            return np.zeros(len(self.classes), dtype=np.float32)
        found, counts = np.unique(features, return_counts=True)
        weights = np.log1p(counts.astype(np.float32))
        return weights @ self.feature_scores[found] + self.class_scores


def _depth(transitions: np.ndarray, row_offsets: np.ndarray) -> int:
    """The most steps any state is from the start (breadth-first, all bytes at once)."""
    seen = np.zeros(len(row_offsets), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.int64)
    depth = 0
    while len(frontier):
        reached = np.zeros_like(seen)
        reached[transitions[row_offsets[frontier][:, None] + np.arange(_BYTES)]] = True
        frontier = np.flatnonzero(reached & ~seen)
        seen |= reached
        depth += 1
    return depth - 1


@cache
def language_model() -> NgramLanguageModel:
    """py3langid's shipped model, loaded once per process."""
    feature_scores, class_scores, classes, nextmove, rows, emitted = load_model(
        MODEL_DIR / MODEL_FILE
    )
    transitions = np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode))
    row_offsets = np.frombuffer(rows, dtype=np.dtype(rows.typecode)).astype(np.int64) * _BYTES
    first_column: dict[str, int] = {}
    aliases = []
    for column, label in enumerate(classes):
        if label in first_column:
            aliases.append((first_column[label], column))
        else:
            first_column.setdefault(label, column)
    return NgramLanguageModel(
        transitions=transitions,
        row_offsets=row_offsets,
        emitted=np.asarray(emitted, dtype=np.int32),
        feature_scores=np.asarray(feature_scores, dtype=np.float32),
        class_scores=np.asarray(class_scores, dtype=np.float32),
        classes=tuple(classes),
        aliases=tuple(aliases),
        depth=_depth(transitions, row_offsets),
    )
