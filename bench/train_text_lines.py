"""Train the line model of text dumps on the WCXB dev dumps, and ship it as JSON.

    python bench/train_text_lines.py [DATA_DIR] [--cache DIR]

Each line of each dump (both converters) gets a target from the gold main
content: the share of its words that an alignment of the dump's words with
the gold words (difflib, longest matches first) places in the gold text. A
line is "kept" when most of its words are. The features are exactly those
of ``cleaner.labelling.text_features`` at inference time.

The benchmark scores words, and every page counts the same, so a line weighs
as much as its share of its page's words (a long paragraph matters more than
a menu item; a long page no more than a short one). CatBoost fits a small
oblivious-tree ensemble (single thread, fixed seed, so the file is
reproducible) that ``cleaner.labelling.forest`` runs on numpy.

WCXB: Web Content eXtraction Benchmark, dev split, by Murrough Foley, CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.forests import to_forest
from bench.wcxb import CONVERTERS, DEFAULT_DATA, GoldPage, load_pages, page_domains
from cleaner.blocks.text import segment_text
from cleaner.labelling.forest import ObliviousForest
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text_features import FEATURE_NAMES, line_features

MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner/data/models/text_lines.json"
# Line targets take a minute to align; they are kept here between runs.
DEFAULT_CACHE = Path.home() / ".cache" / "cleaner" / "text-lines"
KEPT_SHARE = 0.5
FOLDS = 5
CATBOOST_PARAMS = {
    "iterations": 100,
    "depth": 6,
    "learning_rate": 0.2,
    "border_count": 64,
    "l2_leaf_reg": 3.0,
    "random_seed": 0,
    "thread_count": 1,
    "verbose": False,
    "allow_writing_files": False,
}
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Dump:
    """One converter's dump of one page, cut into lines, with each line's target."""

    page: GoldPage
    converter: str
    domain: str
    lines: list[str]
    targets: np.ndarray  # share of each line's words found in the gold text


def line_targets(lines: list[str], gold: str) -> np.ndarray:
    """Share of each line's words that the alignment with the gold words matches."""
    vocabulary: dict[str, int] = {}
    dump_words: list[int] = []
    owner: list[int] = []
    for index, line in enumerate(lines):
        for token in _TOKEN.findall(line.lower()):
            dump_words.append(vocabulary.setdefault(token, len(vocabulary)))
            owner.append(index)
    gold_words = [
        vocabulary.setdefault(token, len(vocabulary)) for token in _TOKEN.findall(gold.lower())
    ]
    matched = np.zeros(len(lines))
    totals = np.zeros(len(lines))
    np.add.at(totals, owner, 1.0)
    matcher = difflib.SequenceMatcher(None, dump_words, gold_words, autojunk=False)
    for block in matcher.get_matching_blocks():
        np.add.at(matched, owner[block.a : block.a + block.size], 1.0)
    return np.divide(matched, totals, out=np.zeros(len(lines)), where=totals > 0)


def load_dumps(data_dir: Path, cache_dir: Path = DEFAULT_CACHE) -> list[Dump]:
    """Every dump of the set with its line targets (cached: the alignment takes a minute)."""
    cache_file = cache_dir / "text_line_targets.npz"
    pages = load_pages(data_dir)
    domain_of = page_domains(data_dir)
    cached = dict(np.load(cache_file, allow_pickle=False)) if cache_file.exists() else {}
    dumps, fresh = [], {}
    for page in pages:
        for converter in CONVERTERS:
            lines = [block.text for block in segment_text(page.dump(converter))]
            digest = hashlib.blake2b("\n".join(lines).encode(), digest_size=8).hexdigest()
            key = f"{page.page_id}/{converter}/{digest}"
            targets = cached.get(key)
            if targets is None:
                targets = line_targets(lines, page.main_content)
            fresh[key] = targets
            dumps.append(Dump(page, converter, domain_of[page.page_id], lines, targets))
    if fresh.keys() != cached.keys():
        cache_dir.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(cache_file, **fresh)
    return dumps


def dump_features(dump: Dump) -> np.ndarray:
    return line_features(dump.lines, phrase_book().match_lines(dump.lines))


def domain_folds(dumps: list[Dump]) -> np.ndarray:
    """A fold for each dump, by domain: a site's pages are never split across folds."""
    domains = sorted({dump.domain for dump in dumps})
    fold_of = {domain: index % FOLDS for index, domain in enumerate(domains)}
    return np.asarray([fold_of[dump.domain] for dump in dumps])


@dataclass(frozen=True, slots=True)
class Lines:
    """Every line of a set of dumps: features, target, weight and the dump it comes from."""

    rows: np.ndarray
    kept: np.ndarray
    weights: np.ndarray
    owner: np.ndarray

    def subset(self, selected: np.ndarray) -> Lines:
        return Lines(
            self.rows[selected], self.kept[selected], self.weights[selected], self.owner[selected]
        )


def stacked(dumps: list[Dump]) -> Lines:
    """The lines of ``dumps``, each weighing its share of its page's words."""
    features = [dump_features(dump) for dump in dumps]
    rows = np.concatenate(features)
    kept = np.concatenate([dump.targets >= KEPT_SHARE for dump in dumps]).astype(np.int8)
    owner = np.concatenate([np.full(len(f), i) for i, f in enumerate(features)])
    words = rows[:, FEATURE_NAMES.index("words")] + 1.0
    # Each page weighs the same in all (the docstring's rule); weighing pages by their
    # lines, as before, scored 0.0015 lower in domain-grouped CV on both converters.
    weights = words / np.bincount(owner, weights=words)[owner]
    return Lines(rows, kept, weights / weights.mean(), owner)


def fit(lines: Lines) -> ObliviousForest:
    """A CatBoost ensemble fitted on ``lines``, converted for numpy inference."""
    from catboost import CatBoostClassifier

    model = CatBoostClassifier(**CATBOOST_PARAMS)
    model.fit(lines.rows, lines.kept, sample_weight=lines.weights)
    return to_forest(model, "text_lines", list(FEATURE_NAMES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="line targets cache")
    args = parser.parse_args()
    dumps = load_dumps(args.data_dir, args.cache)
    lines = stacked(dumps)
    forest = fit(lines)
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(forest.to_json()), encoding="utf-8")
    print(f"{len(dumps)} dumps, {len(lines.rows)} lines, {lines.kept.mean():.3f} kept")
    print(f"-> {MODEL_PATH}")


if __name__ == "__main__":
    main()
