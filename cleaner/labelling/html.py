"""Where an HTML block gets its label: the block model, then the clutter's name.

Each block of the page is scored by the block model (an ensemble of oblivious
trees trained by ``bench/train_html_blocks.py``, run on numpy alone) from the
features of ``html_features``: the probability that it is main content. A
block is kept when that probability reaches the threshold of
``thresholds.yaml``; the headline is labelled ``title`` and removed (the body
does not repeat the title); every other removed block is named by
``html_kinds`` from its words and its containers, and every label says why.
"""

from __future__ import annotations

import numpy as np

from cleaner.blocks.block import Block, Kind
from cleaner.blocks.html import SegmentedPage
from cleaner.labelling.forest import ObliviousForest, load_forest
from cleaner.labelling.html_features import BlockFeatures, block_features
from cleaner.labelling.html_kinds import ClutterNamer
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


def decide(blocks: list[Block], features: BlockFeatures, probabilities: np.ndarray) -> list[Block]:
    """The labels of the blocks, given the model's probabilities of main content."""
    threshold = thresholds("html")["keep_probability"]
    namer = ClutterNamer()
    labelled = []
    for index, block in enumerate(blocks):
        probability = float(probabilities[index])
        score = f"model p={probability:.2f}"
        if index == features.title_block:
            labelled.append(block.labelled(False, Kind.TITLE, f"headline; {score}"))
        elif probability >= threshold:
            namer.kept()
            kind = Kind.HEADING if block.heading_level else Kind.BODY
            labelled.append(block.labelled(True, kind, score))
        else:
            kind, evidence = namer.name(
                block.text,
                features.phrases[index],
                features.context.clutter[index],
                float(features.link_density[index]),
            )
            reason = f"{score}; {evidence}" if evidence else score
            labelled.append(block.labelled(False, kind, reason))
    return labelled
