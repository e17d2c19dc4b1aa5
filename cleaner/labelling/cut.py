"""The page's own cut: the probability above which its blocks are kept.

A fixed threshold suits pages whose content the model recognises with
confidence (most articles). Where it is unsure everywhere (a product grid, a
listing, a page of a site unlike any it saw) a fixed threshold keeps nothing,
while the best-scoring blocks are still the content. So each page gets the cut
that maximises the expected F1 of its kept words under the model's own
probabilities; the HTML and the text labellers bound it with their thresholds.
"""

from __future__ import annotations

import numpy as np


def expected_f1_cut(probabilities: np.ndarray, words: np.ndarray, floor: float = 0.0) -> float:
    """The cut that maximises the expected F1 of the kept words, never below ``floor``.

    Keeping the blocks of highest probability first, the expected F1 of the
    kept words is about ``2 * kept_expected / (kept + expected)`` (expected:
    words the model believes are main content). It is maximal when every
    block with ``p > F / 2`` is kept, so the cut is never above 0.5, and is
    lower on pages where the model is unsure everywhere. The floor is there
    because a page may have no main content at all (an error page, a login wall).
    """
    words = np.maximum(words, 1.0)
    order = np.argsort(-probabilities, kind="stable")
    kept_expected = np.cumsum(probabilities[order] * words[order])
    kept = np.cumsum(words[order])
    expected_f1 = 2.0 * kept_expected / (kept + kept_expected[-1])
    return max(float(probabilities[order[int(np.argmax(expected_f1))]]), floor)
