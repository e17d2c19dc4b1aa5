"""The second pass: each block reconsidered with the first-pass scores around it.

The first pass scores blocks one by one. Main content comes in runs and
boxes, though: a short line between two paragraphs of the article is article,
a paragraph-like teaser inside a box of links is not, and on a product or
listing page whose blocks all score low the best-scoring box still holds the
content. The second model sees, next to the first-pass features, the scores
of the block's neighbours and containers and where the block's score stands
on its page.
"""

from __future__ import annotations

import numpy as np

from cleaner.labelling.html_features import ANCESTOR_LEVELS, BlockFeatures

NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
WINDOW_RADII = (2, 5, 12)


def _second_pass_names() -> tuple[str, ...]:
    names = ["p", "p_logit", "page_max_p", "page_mean_p", "page_kept_share", "p_vs_max", "p_rank"]
    names += [f"p{offset:+d}" for offset in NEIGHBOUR_OFFSETS]
    names += [f"window{radius}_p" for radius in WINDOW_RADII]
    for level in ANCESTOR_LEVELS:
        names += [f"up{level}_mean_p", f"up{level}_kept_share", f"up{level}_p_vs_mean"]
    names += ["kept_before", "kept_after", "between_kept"]
    return tuple(names)


SECOND_PASS_NAMES = _second_pass_names()


def _range_means(cumulative: np.ndarray, first: np.ndarray, end: np.ndarray) -> np.ndarray:
    return cumulative[end] - cumulative[first]


def _distances_to_kept(kept: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance (share of page words) to the nearest kept block before and after; 1 if none."""
    count = len(kept)
    index = np.arange(count)
    last_kept = np.maximum.accumulate(np.where(kept, index, -1))
    previous = np.concatenate([[-1], last_kept[:-1]])
    next_kept = np.minimum.accumulate(np.where(kept, index, count)[::-1])[::-1]
    following = np.concatenate([next_kept[1:], [count]])
    padded = np.concatenate([offsets, [1.0]])
    before = np.where(previous >= 0, offsets - padded[np.maximum(previous, 0)], 1.0)
    after = np.where(following < count, padded[following] - offsets, 1.0)
    return before, after


def second_pass_features(features: BlockFeatures, probabilities: np.ndarray) -> np.ndarray:
    """The second model's input: first-pass features plus the scores around each block."""
    count = len(probabilities)
    if count == 0:
        return np.zeros((0, features.matrix.shape[1] + len(SECOND_PASS_NAMES)))
    p = probabilities
    words = np.maximum(features.words, 1.0)
    kept = p >= 0.5
    cumulative_words = np.concatenate([[0.0], np.cumsum(words)])
    cumulative_weighted = np.concatenate([[0.0], np.cumsum(p * words)])
    cumulative_kept = np.concatenate([[0.0], np.cumsum(kept * words)])
    total_words = cumulative_words[-1]
    offsets = cumulative_words[:-1] / total_words
    page_max = p.max()
    columns = [
        p,
        np.log(np.clip(p, 1e-6, 1.0)) - np.log(np.clip(1.0 - p, 1e-6, 1.0)),
        np.full(count, page_max),
        np.full(count, cumulative_weighted[-1] / total_words),
        np.full(count, cumulative_kept[-1] / total_words),
        p / max(page_max, 1e-6),
        np.argsort(np.argsort(p, kind="stable"), kind="stable") / count,
    ]
    for offset in NEIGHBOUR_OFFSETS:
        shifted = np.zeros(count)
        if offset > 0:
            shifted[:-offset] = p[offset:]
        else:
            shifted[-offset:] = p[: count + offset]
        columns.append(shifted)
    index = np.arange(count)
    for radius in WINDOW_RADII:
        low = np.maximum(index - radius, 0)
        high = np.minimum(index + radius + 1, count)
        columns.append(
            _range_means(cumulative_weighted, low, high) / _range_means(cumulative_words, low, high)
        )
    for level in range(len(ANCESTOR_LEVELS)):
        first, end = features.containers[:, level, 0], features.containers[:, level, 1]
        container_words = _range_means(cumulative_words, first, end)
        mean_p = _range_means(cumulative_weighted, first, end) / container_words
        columns += [
            mean_p,
            _range_means(cumulative_kept, first, end) / container_words,
            p - mean_p,
        ]
    before, after = _distances_to_kept(kept, offsets)
    columns += [before, after, ((before < 1.0) & (after < 1.0)).astype(np.float64)]
    return np.column_stack([features.matrix, *columns])
