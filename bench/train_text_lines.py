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

The word lexicon the features read (``text_words.json``) is built here too,
from the same lines: each word's log-odds of standing in a kept line, over the
words seen on at least ``MIN_DOMAINS`` sites. A model trained on features from
a lexicon that saw the very same lines would learn to trust it more than it
deserves on new sites; so each training dump's lexicon columns come from a
lexicon built without its site (``LEXICON_FOLDS`` folds by domain), and the
lexicon shipped is built from every dump. The language's function words are
the ``FUNCTION_WORDS`` words of the gold texts found on most sites; only dumps
in the lexicon's language by them (``MIN_FUNCTION_SHARE``, nearly all of the
dev set, English) are counted, and one page in ``NO_LEXICON_EVERY`` is
trained without lexicon columns, as a page in another language is labelled.

WCXB: Web Content eXtraction Benchmark, dev split, by Murrough Foley, CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.forests import to_forest
from bench.wcxb import CONVERTERS, DEFAULT_DATA, GoldPage, load_pages, page_domains
from cleaner.blocks.text import segment_lines
from cleaner.labelling.forest import ObliviousForest
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text_features import FEATURE_NAMES, line_features
from cleaner.labelling.text_words import WordOdds, page_words

MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner/data/models/text_lines.json"
WORDS_PATH = MODEL_PATH.with_name("text_words.json")
# Line targets take a minute to align; they are kept here between runs.
DEFAULT_CACHE = Path.home() / ".cache" / "cleaner" / "text-lines"
KEPT_SHARE = 0.5
FOLDS = 5
# 200 trees: in domain-grouped CV (bench/eval_text.py) they scored html_text 0.836 / 0.934
# (overall / articles) and bs4 0.839 / 0.932, against 0.834 / 0.930 and 0.836 / 0.927 with
# 100; 300 scored the same as 200 (0.836 / 0.933, 0.841 / 0.933) at half as much again
# the cost.
CATBOOST_PARAMS = {
    "iterations": 200,
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
# The lexicon: a word must occur on this many sites and this many times; its
# counts are smoothed by this many occurrences at the overall rate, its
# log-odds clipped and rounded. In domain-grouped CV, 10 sites and 20 times,
# 20 and 40, 40 and 80 scored within 0.001 (html_text 0.832 to 0.833, bs4
# 0.835 to 0.836; 0.829 and 0.829 without a lexicon); 20 and 40 keeps 6,700
# words, and fewer of them are one topic's words.
MIN_DOMAINS = 20
MIN_COUNT = 40
SMOOTHING = 5.0
MAX_ODDS = 4.0
ODDS_PLACES = 2
LEXICON_FOLDS = 5
LEXICON_LANGUAGE = "en"
NO_LEXICON_EVERY = 4
FUNCTION_WORDS = 30
# English dev dumps have 25% of their words among the function words (1% of them
# under 5.3%); the nine language test pages in other languages at most 5.6%.
MIN_FUNCTION_SHARE = 0.08
# A lexicon of no language: its columns are NaN on every page.
NO_LEXICON = WordOdds("", {}, (), float("inf"))


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
            lines = segment_lines(page.dump(converter))
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


def dump_features(dump: Dump, odds: WordOdds) -> np.ndarray:
    return line_features(dump.lines, phrase_book().match_lines(dump.lines), odds)


@dataclass(frozen=True, slots=True)
class WordCounts:
    """Each word of one dump (an index in a shared vocabulary): occurrences, and their
    weights in kept and in removed lines.

    A line's weight (its share of its page's words, as the model's) is shared
    by its words.
    """

    ids: np.ndarray
    kept: np.ndarray
    removed: np.ndarray
    occurrences: np.ndarray


def function_words(dumps: Sequence[Dump]) -> tuple[str, ...]:
    """The words of the gold texts found on most sites: the language's commonest words."""
    sites: dict[str, set[str]] = {}
    for dump in dumps:
        for words in page_words(dump.page.main_content.splitlines()):
            for word in words:
                sites.setdefault(word, set()).add(dump.domain)
    return tuple(sorted(sites, key=lambda word: (-len(sites[word]), word))[:FUNCTION_WORDS])


@dataclass(frozen=True, slots=True)
class DumpWords:
    """Dumps with their words counted: what a lexicon is built from.

    ``counts[i]`` are the words of ``dumps[i]``, as ids in ``vocabulary``;
    ``common`` are the language's function words.
    """

    dumps: list[Dump]
    counts: list[WordCounts]
    vocabulary: list[str]
    common: tuple[str, ...]

    def subset(self, indices: Sequence[int]) -> DumpWords:
        return DumpWords(
            [self.dumps[index] for index in indices],
            [self.counts[index] for index in indices],
            self.vocabulary,
            self.common,
        )


def word_counts(dumps: Sequence[Dump]) -> DumpWords:
    """The words of every dump, counted.

    Dumps in another language than the lexicon's (too few function words)
    count no word.
    """
    common = function_words(dumps)
    vocabulary: dict[str, int] = {}
    counted = []
    common_words = set(common)
    for dump in dumps:
        line_words = page_words(dump.lines)
        found = [word for words in line_words for word in words]
        in_common = sum(word in common_words for word in found)
        if in_common < MIN_FUNCTION_SHARE * max(len(found), 1):
            line_words = [[] for _ in dump.lines]
        sizes = np.asarray([len(_TOKEN.findall(line)) for line in dump.lines], dtype=np.float64)
        share = (sizes + 1.0) / (sizes + 1.0).sum() / np.maximum([len(w) for w in line_words], 1)
        owner = np.asarray(
            [line for line, words in enumerate(line_words) for _ in words], dtype=np.intp
        )
        ids = np.asarray(
            [
                vocabulary.setdefault(word, len(vocabulary))
                for words in line_words
                for word in words
            ],
            dtype=np.intp,
        )
        unique, slot = np.unique(ids, return_inverse=True)
        kept = dump.targets[owner] >= KEPT_SHARE
        weight = share[owner]
        counted.append(
            WordCounts(
                unique,
                np.bincount(slot, weights=weight * kept, minlength=len(unique)),
                np.bincount(slot, weights=weight * ~kept, minlength=len(unique)),
                np.bincount(slot, minlength=len(unique)).astype(np.float64),
            )
        )
    return DumpWords(list(dumps), counted, list(vocabulary), common)


def build_word_odds(words: DumpWords) -> WordOdds:
    """Each word's log-odds of standing in a kept line, against the rate of all words.

    Weights are scaled back to occurrences before smoothing, so that the
    smoothing weighs as ``SMOOTHING`` occurrences whatever the pages' sizes.
    """
    size, counts = len(words.vocabulary), words.counts
    ids = np.concatenate([found.ids for found in counts])
    kept = np.bincount(ids, np.concatenate([found.kept for found in counts]), size)
    removed = np.bincount(ids, np.concatenate([found.removed for found in counts]), size)
    seen = np.bincount(ids, np.concatenate([found.occurrences for found in counts]), size)
    domains = sorted({dump.domain for dump in words.dumps})
    domain_index = {domain: index for index, domain in enumerate(domains)}
    on_site = np.concatenate(
        [
            domain_index[dump.domain] * size + found.ids
            for dump, found in zip(words.dumps, counts, strict=True)
        ]
    )
    sites = np.bincount(np.unique(on_site) % size, minlength=size)
    scale = seen.sum() / max(kept.sum() + removed.sum(), 1e-12)
    kept, removed = kept * scale, removed * scale
    rate = kept.sum() / (kept.sum() + removed.sum())
    odds = np.log((kept + SMOOTHING * rate) / (removed + SMOOTHING * (1 - rate)))
    odds = np.round(np.clip(odds - np.log(rate / (1 - rate)), -MAX_ODDS, MAX_ODDS), ODDS_PLACES)
    chosen = np.flatnonzero((seen >= MIN_COUNT) & (sites >= MIN_DOMAINS))
    return WordOdds(
        LEXICON_LANGUAGE,
        {words.vocabulary[index]: float(odds[index]) for index in chosen},
        words.common,
        MIN_FUNCTION_SHARE,
    )


def held_out_word_odds(words: DumpWords) -> list[WordOdds]:
    """For each dump, a lexicon built from the dumps of the other sites' folds, or none."""
    fold_of = _fold_of_domain(words.dumps, LEXICON_FOLDS)
    folds = [fold_of[dump.domain] for dump in words.dumps]
    lexicons = [
        build_word_odds(words.subset([i for i, other in enumerate(folds) if other != fold]))
        for fold in range(LEXICON_FOLDS)
    ]
    return [
        NO_LEXICON if _without_lexicon(dump) else lexicons[fold]
        for dump, fold in zip(words.dumps, folds, strict=True)
    ]


def _without_lexicon(dump: Dump) -> bool:
    """One page in ``NO_LEXICON_EVERY`` (both its dumps), chosen by a hash of its id."""
    digest = hashlib.blake2b(dump.page.page_id.encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") % NO_LEXICON_EVERY == 0


def _fold_of_domain(dumps: Sequence[Dump], folds: int) -> dict[str, int]:
    return {domain: index % folds for index, domain in enumerate(sorted({d.domain for d in dumps}))}


def domain_folds(dumps: list[Dump]) -> np.ndarray:
    """A fold for each dump, by domain: a site's pages are never split across folds."""
    fold_of = _fold_of_domain(dumps, FOLDS)
    return np.asarray([fold_of[dump.domain] for dump in dumps])


@dataclass(frozen=True, slots=True)
class Lines:
    """Every line of a set of dumps: features, target and weight."""

    rows: np.ndarray
    kept: np.ndarray
    weights: np.ndarray


def stacked(words: DumpWords) -> Lines:
    """The lines of the dumps, each weighing its share of its page's words.

    Each dump's lexicon columns come from a lexicon built without its site.
    """
    dumps = words.dumps
    lexicons = held_out_word_odds(words)
    features = [dump_features(dump, odds) for dump, odds in zip(dumps, lexicons, strict=True)]
    rows = np.concatenate(features)
    kept = np.concatenate([dump.targets >= KEPT_SHARE for dump in dumps]).astype(np.int8)
    owner = np.concatenate([np.full(len(f), i) for i, f in enumerate(features)])
    sizes = rows[:, FEATURE_NAMES.index("words")] + 1.0
    # Each page weighs the same in all (the docstring's rule); weighing pages by their
    # lines, as before, scored 0.0015 lower in domain-grouped CV on both converters.
    weights = sizes / np.bincount(owner, weights=sizes)[owner]
    return Lines(rows, kept, weights / weights.mean())


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
    words = word_counts(dumps)
    odds = build_word_odds(words)
    lines = stacked(words)
    forest = fit(lines)
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(forest.to_json()), encoding="utf-8")
    stored = {
        "language": odds.language,
        "function_words": list(odds.function_words),
        "min_function_share": odds.min_function_share,
        "odds": odds.odds,
    }
    WORDS_PATH.write_text(
        json.dumps(stored, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
    )
    print(f"{len(dumps)} dumps, {len(lines.rows)} lines, {lines.kept.mean():.3f} kept")
    print(f"{len(odds.odds)} words in the lexicon")
    print(f"-> {MODEL_PATH}\n-> {WORDS_PATH}")


if __name__ == "__main__":
    main()
