"""Where an HTML block gets its label: the block model, then the clutter's name.

Each block of the page is scored by the block model (an ensemble of oblivious
trees trained by ``bench/train_html_blocks.py``, run on numpy alone) from the
features of ``html_features``: the probability that it is main content. The
page's cut is then chosen to maximise the expected F1 of the kept words (see
``cut``); the headline is labelled ``title`` and removed (the body does
not repeat the title); every other removed block is named by ``html_kinds``
from its words and its containers, and every label says why.
"""

from __future__ import annotations

import numpy as np

from cleaner.blocks.block import Block, Kind
from cleaner.blocks.html import SegmentedPage
from cleaner.labelling.cut import expected_f1_cut
from cleaner.labelling.forest import ObliviousForest, load_forest
from cleaner.labelling.html_features import BlockFeatures, block_features
from cleaner.labelling.html_kinds import ClutterNamer
from cleaner.labelling.phrases import clutter_marker
from cleaner.resources import thresholds

MODEL_FILE = "html_blocks.json"


def label_html_blocks(
    segmented: SegmentedPage, model: ObliviousForest | None = None
) -> list[Block]:
    """Label every block of the page; ``model`` replaces the shipped one (evaluation)."""
    if not segmented.blocks:
        return []
    features = block_features(segmented)
    forest = model if model is not None else load_forest(MODEL_FILE)
    return decide(segmented.blocks, features, forest.probability(features.matrix))


def page_cut(probabilities: np.ndarray, words: np.ndarray) -> float:
    """The page's cut (``cut.expected_f1_cut``), never below ``min_keep_probability``."""
    return expected_f1_cut(probabilities, words, thresholds("html")["min_keep_probability"])


def decide(blocks: list[Block], features: BlockFeatures, probabilities: np.ndarray) -> list[Block]:
    """The labels of the blocks, given the model's probabilities of main content."""
    cut = page_cut(probabilities, features.words) if len(blocks) else 0.5
    kept_indices = np.flatnonzero(probabilities >= cut)
    last_kept = int(kept_indices[-1]) if len(kept_indices) else len(blocks)
    box_link_density = features.column("up2_link_density")
    date_like = features.column("date_like")
    namer = ClutterNamer()
    labelled = []
    for index, block in enumerate(blocks):
        probability = float(probabilities[index])
        score = f"model p={probability:.2f}"
        if probability >= cut and cut < 0.5:
            score += f" (page cut {cut:.2f})"
        if index == features.title_block:
            labelled.append(block.labelled(False, Kind.TITLE, f"headline; {score}"))
        elif probability >= cut and clutter_marker(block.text) is None:
            namer.kept()
            kind = Kind.HEADING if block.heading_level else Kind.BODY
            labelled.append(block.labelled(True, kind, score))
        else:
            if probability >= cut:  # the model's pick, but a bare marker is never article text
                score += ", a bare clutter marker"
            kind, evidence = namer.name(
                block.text,
                features.phrases[index],
                features.context.clutter[index],
                float(features.link_density[index]),
                float(box_link_density[index]),
                bool(date_like[index]),
                after_content=index > last_kept,
            )
            reason = f"{score}; {evidence}" if evidence else score
            labelled.append(block.labelled(False, kind, reason))
    return labelled
