"""Train the HTML block model from the WCXB dev set, and ship it as JSON.

    PYTHONPATH=. python bench/train_html_blocks.py [--data ../shared/bench/wcxb-dev]

Every page is parsed and segmented exactly as at run time; each block is then
labelled "main content" when most of its words align, in order, with the
page's gold main_content (a longest-matching-blocks alignment of the page's
tokens against the gold's, so a "Share" button is not counted as content just
because the word "share" occurs in the article). A CatBoost model of
oblivious trees is trained on the features of ``cleaner.labelling.html_features``
and exported to ``cleaner/data/models/html_blocks.json``, which the labeller
runs on numpy alone. The run is deterministic (fixed seed, one thread).

The features include the word lexicon of the text path (``text_words.json``,
built by ``bench/train_text_lines.py`` from the dumps of the same pages, so
train that first). A model trained on lexicon columns from a lexicon that saw
its very pages would trust them more than they deserve on new sites; so each
training page's lexicon columns come from a lexicon built from the dumps of
the other sites' folds, and one page in four gets none, as a page in another
language does at run time (the same held-out lexicons as the text model's).

The cross-validation (5 folds grouped by domain: no site is in both the
training and the test folds) is run by ``bench/eval_html.py`` with the
functions here, so that it measures exactly this training.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import tempfile
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

from bench.forests import to_forest
from bench.train_text_lines import held_out_word_odds, load_dumps, word_counts
from bench.wcxb import DEFAULT_DATA, GoldPage, load_pages, page_domains, score, tokens
from cleaner.blocks.block import Block
from cleaner.blocks.html import parse_html, segment_html
from cleaner.labelling.forest import ObliviousForest
from cleaner.labelling.html_features import (
    FEATURE_NAMES,
    WORD_COLUMNS,
    BlockFeatures,
    block_features,
    word_columns,
)
from cleaner.labelling.text_words import WordOdds

REPOSITORY = Path(__file__).resolve().parent.parent
MODEL_PATH = REPOSITORY / "cleaner" / "data" / "models" / "html_blocks.json"
DEFAULT_CACHE = Path.home() / ".cache" / "cleaner" / "html-blocks"
FOLDS = 5
# A block is main content when at least this share of its words align with the gold.
KEPT_SHARE = 0.5
# A page whose gold cannot be rebuilt from its blocks (F1 of the aligned blocks below
# this: the text is rendered by scripts) teaches nothing about blocks; it is left out
# of training, never out of evaluation.
MIN_ALIGNED_F1 = 0.5
CATBOOST_PARAMETERS = {
    "iterations": 400,
    "depth": 6,
    "learning_rate": 0.12,
    "l2_leaf_reg": 5.0,
    "border_count": 64,
    "loss_function": "Logloss",
    "random_seed": 0,
    "thread_count": 1,
    "verbose": False,
    "allow_writing_files": False,
}


@dataclass(slots=True)
class PageData:
    """One page as the model sees it: its blocks, their features and gold labels."""

    gold: GoldPage
    domain: str
    blocks: list[Block]
    features: BlockFeatures
    aligned_share: np.ndarray  # share of each block's words found in the gold, in order

    @property
    def labels(self) -> np.ndarray:
        return (self.aligned_share >= KEPT_SHARE).astype(int)

    @property
    def trainable(self) -> bool:
        """Whether the gold can be rebuilt from the page's blocks at all."""
        labels = self.labels
        kept = "\n".join(
            block.text for block, label in zip(self.blocks, labels, strict=True) if label
        )
        return score(kept, self.gold.main_content)[2] >= MIN_ALIGNED_F1


def aligned_shares(blocks: list[Block], gold_text: str) -> np.ndarray:
    """The share of each block's tokens that align with the gold text, in reading order."""
    block_tokens = [tokens(block.text) for block in blocks]
    page_tokens = [token for block in block_tokens for token in block]
    owners = np.repeat(np.arange(len(blocks)), [len(block) for block in block_tokens])
    matched = np.zeros(len(blocks))
    matcher = SequenceMatcher(None, page_tokens, tokens(gold_text), autojunk=False)
    for start, _, size in matcher.get_matching_blocks():
        np.add.at(matched, owners[start : start + size], 1.0)
    sizes = np.array([max(len(block), 1) for block in block_tokens])
    return matched / sizes


def load_dataset(data_dir: Path, cache_dir: Path) -> list[PageData]:
    """Every page segmented and featurised; alignments are cached (they are slow)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache_path = cache_dir / "alignments.pickle"
    cache = pickle.loads(cache_path.read_bytes()) if cache_path.exists() else {}
    domains = page_domains(data_dir)
    dataset = []
    for gold in load_pages(data_dir):
        document = parse_html(gold.html())
        if document is None:
            continue
        segmented = segment_html(document)
        key = hashlib.blake2b(
            "\0".join(block.text for block in segmented.blocks).encode()
            + gold.main_content.encode()
        ).hexdigest()
        if cache.get(gold.page_id, (None,))[0] != key:
            cache[gold.page_id] = (key, aligned_shares(segmented.blocks, gold.main_content))
        dataset.append(
            PageData(
                gold,
                domains.get(gold.page_id, gold.page_id),
                segmented.blocks,
                block_features(segmented),
                cache[gold.page_id][1],
            )
        )
    with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False) as handle:
        handle.write(pickle.dumps(cache))
    Path(handle.name).replace(cache_path)
    return dataset


def with_held_out_lexicons(pages: list[PageData], data_dir: Path) -> list[PageData]:
    """``pages`` with lexicon columns from a lexicon that never saw their site.

    The lexicons are the text model's held-out ones (folds by domain, built from
    the dumps of the same pages), so a page gets no lexicon exactly when its
    dumps get none.
    """
    words = word_counts(load_dumps(data_dir))
    lexicon_of_page: dict[str, WordOdds] = {
        dump.page.page_id: odds
        for dump, odds in zip(words.dumps, held_out_word_odds(words), strict=True)
    }
    first = FEATURE_NAMES.index(WORD_COLUMNS[0])
    held_out = []
    for page in pages:
        matrix = page.features.matrix.copy()
        texts = [block.text for block in page.blocks]
        matrix[:, first : first + len(WORD_COLUMNS)] = word_columns(
            texts, lexicon_of_page[page.gold.page_id]
        )
        held_out.append(replace(page, features=replace(page.features, matrix=matrix)))
    return held_out


def block_weights(page: PageData) -> np.ndarray:
    """How much each block counts in training: the metric is per page, by words."""
    words = np.array([len(tokens(block.text)) for block in page.blocks], dtype=np.float64)
    return np.sqrt(words + 1.0) / max(np.sqrt(words + 1.0).sum(), 1.0) * len(words) ** 0.5


def stack(pages: list[PageData]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and weights of all blocks of ``pages``."""
    features = np.vstack([page.features.matrix for page in pages]).astype(np.float32)
    labels = np.concatenate([page.labels for page in pages])
    weights = np.concatenate([block_weights(page) for page in pages])
    return features, labels, weights


def train(pages: list[PageData]) -> ObliviousForest:
    """A CatBoost model trained on the trainable ``pages``, converted for numpy inference."""
    from catboost import CatBoostClassifier

    features, labels, weights = stack([page for page in pages if page.trainable])
    model = CatBoostClassifier(**CATBOOST_PARAMETERS)
    model.fit(features, labels, sample_weight=weights)
    return to_forest(model, "html_blocks", list(FEATURE_NAMES))


def domain_folds(pages: list[PageData], folds: int = FOLDS) -> list[np.ndarray]:
    """Page indices of each test fold; every domain falls in exactly one fold."""
    from sklearn.model_selection import GroupKFold

    splitter = GroupKFold(n_splits=folds)
    groups = [page.domain for page in pages]
    return [test for _, test in splitter.split(np.zeros(len(pages)), groups=groups)]


def cross_validated_probabilities(pages: list[PageData]) -> list[np.ndarray]:
    """Each page's block probabilities from the model trained on the other domains' folds."""
    probabilities: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for fold, test in enumerate(domain_folds(pages)):
        held_out = set(test.tolist())
        forest = train([page for index, page in enumerate(pages) if index not in held_out])
        for index in test:
            probabilities[index] = forest.probability(pages[index].features.matrix)
        print(f"fold {fold + 1}/{FOLDS} trained", file=sys.stderr)
    return probabilities


def block_accuracy(pages: list[PageData], probabilities: list[np.ndarray]) -> float:
    """The share of blocks (weighted as in training) on the right side of p = 0.5."""
    _, labels, weights = stack(pages)
    predicted = np.concatenate(probabilities) >= 0.5
    return float(((predicted == labels) * weights).sum() / weights.sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    arguments = parser.parse_args()
    pages = load_dataset(arguments.data, arguments.cache)
    trainable = sum(page.trainable for page in pages)
    print(f"{len(pages)} pages ({trainable} trainable), {sum(len(p.blocks) for p in pages)} blocks")
    forest = train(with_held_out_lexicons(pages, arguments.data))
    in_sample = [forest.probability(page.features.matrix) for page in pages]
    print(f"block accuracy (weighted), in-sample: {block_accuracy(pages, in_sample):.4f}")
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(forest.to_json()), encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(REPOSITORY)}; cross-validation: bench/eval_html.py")


if __name__ == "__main__":
    main()
