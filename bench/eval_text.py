"""Evaluate the text-dump path on the WCXB dev dumps: ours against the C4 line rules.

    python bench/eval_text.py [DATA_DIR] [--no-cv] [--limit N] [--cache DIR]

For each converter (html_text, bs4) it prints the mean F1 (and precision,
recall) overall and per page type of:
- ``trafilatura-html`` (with ``--trafilatura FILE``): trafilatura's extraction
  from the HTML page itself, read from a cache, as the reference to beat;
- ``c4``: the C4 line rules (keep lines ending in terminal punctuation with at
  least 3 words; drop lines mentioning javascript, cookie or lorem ipsum, or
  holding a curly brace), the baseline;
- ``ours``: ``cleaner.clean_text`` with the shipped line model (in-sample:
  the model was trained on these very pages);
- ``ours-cv``: the same labeller with a model trained, for each of 5 folds
  grouped by domain, on the other folds' pages only: what to expect on sites
  never seen.
Then the fields (title, author, date) found against the gold ones, and the
speed of the whole text path (segment, label, fields, language) in pages per
second of CPU time, single process.

WCXB: Web Content eXtraction Benchmark, dev split, by Murrough Foley, CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.train_text_lines import (
    DEFAULT_CACHE,
    FOLDS,
    Dump,
    build_word_odds,
    domain_folds,
    fit,
    load_dumps,
    stacked,
    word_counts,
)
from bench.wcxb import CONVERTERS, DEFAULT_DATA, c4_baseline, fold_words, score, type_table
from cleaner import clean_text
from cleaner.articles import assemble_article
from cleaner.blocks.block import Block
from cleaner.blocks.text import segment_text
from cleaner.fields.language import settle_language
from cleaner.fields.text import text_fields
from cleaner.labelling.text import LineModel, label_text_blocks, label_text_lines
from cleaner.pages import Page
from cleaner.resources import thresholds


def cv_bodies(dumps: list[Dump]) -> list[str]:
    """The body of each dump labelled by a model and a lexicon that never saw its domain.

    The training dumps' lexicon columns are held out within the training
    folds, as ``train_text_lines`` does for the shipped model.
    """
    folds = domain_folds(dumps)
    words = word_counts(dumps)
    bodies = [""] * len(dumps)
    for fold in range(FOLDS):
        training = words.subset(np.flatnonzero(folds != fold).tolist())
        model = LineModel(fit(stacked(training)), build_word_odds(training))
        held_out = np.flatnonzero(folds == fold).tolist()
        for index, blocks in zip(held_out, _labelled(dumps, held_out, model), strict=True):
            bodies[index] = "\n\n".join(block.text for block in blocks if block.kept)
        print(f"  fold {fold + 1}/{FOLDS} done", file=sys.stderr, flush=True)
    return bodies


def _labelled(
    dumps: list[Dump], indices: list[int], model: LineModel | None = None
) -> list[list[Block]]:
    """The lines of ``dumps[indices]`` (read and segmented once, by ``load_dumps``) labelled,
    a batch of pages at a time as a batch run labels them."""
    together = int(thresholds("text")["pages_labelled_together"])
    return [
        blocks
        for start in range(0, len(indices), together)
        for blocks in label_text_lines(
            [dumps[index].lines for index in indices[start : start + together]], model
        )
    ]


def _row(dump: Dump, system: str, body: str) -> dict:
    precision, recall, f1 = score(body, dump.page.main_content)
    return {
        "converter": dump.converter,
        "system": system,
        "page_type": dump.page.page_type,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def print_table(rows: list[dict]) -> None:
    systems = list(dict.fromkeys(row["system"] for row in rows))
    for converter in CONVERTERS:
        print(f"\n{converter}: mean F1 (P / R) per page type")
        selected = {
            s: [r for r in rows if r["converter"] == converter and r["system"] == s]
            for s in systems
        }
        print("\n".join(type_table(selected)))


def field_accuracy(dumps: list[Dump]) -> None:
    """Share of pages whose title, author and date match the gold (where it has one)."""
    print("\nfields found (share of pages with a gold value whose value matches)")
    for converter in CONVERTERS:
        hits = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}
        indices = [index for index, dump in enumerate(dumps) if dump.converter == converter]
        for index, blocks in zip(indices, _labelled(dumps, indices), strict=True):
            dump = dumps[index]
            fields = text_fields(blocks, dump.page.url)
            gold = dump.page
            for name, found, wanted in (
                ("title", fields.title, gold.title),
                ("author", fields.author, gold.author),
                (
                    "date",
                    fields.published_at and fields.published_at.date().isoformat(),
                    gold.publish_date,
                ),
            ):
                if wanted:
                    hits[name][1] += 1
                    hits[name][0] += _same(found, wanted)
        cells = "  ".join(
            f"{name} {hit / max(total, 1):.3f} ({total})" for name, (hit, total) in hits.items()
        )
        print(f"  {converter:<10} {cells}")


def _same(found: str | None, wanted: str) -> bool:
    return bool(found) and fold_words(found) == fold_words(wanted)


def speed(dumps: list[Dump]) -> None:
    """Pages per second of the whole text path, and where the time goes."""
    print("\nspeed: the text path (segment + label + fields + language + article), CPU time,")
    print("one process; milliseconds per page for each step")
    for converter in CONVERTERS:
        texts = [dump.page.dump(converter) for dump in dumps if dump.converter == converter]
        clean_text(texts[0])  # load the model, phrase book and tables first
        spent = dict.fromkeys(("segment", "label", "fields", "language", "article"), 0.0)
        lines = 0
        for text in texts:
            started = time.process_time()
            blocks = segment_text(text)
            segmented = time.process_time()
            blocks = label_text_blocks(blocks)
            labelled = time.process_time()
            fields = text_fields(blocks, None)
            found = time.process_time()
            fields = settle_language(fields, blocks)
            settled = time.process_time()
            assemble_article(Page("speed", text, "text"), blocks, fields)
            done = time.process_time()
            for step, seconds in zip(
                spent,
                (
                    segmented - started,
                    labelled - segmented,
                    found - labelled,
                    settled - found,
                    done - settled,
                ),
                strict=True,
            ):
                spent[step] += seconds
            lines += len(blocks)
        total = sum(spent.values())
        steps = "  ".join(
            f"{step} {seconds / len(texts) * 1000:.2f}" for step, seconds in spent.items()
        )
        print(
            f"  {converter:<10} {len(texts) / total:6.1f} pages/s  "
            f"{lines / len(texts):.0f} lines/page  {steps}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-cv", action="store_true", help="skip the grouped cross-validation")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="line targets cache")
    parser.add_argument(
        "--trafilatura",
        type=Path,
        default=None,
        help="cached trafilatura output on the HTML pages ({id: {text, ...}}): a reference column",
    )
    args = parser.parse_args()
    dumps = load_dumps(args.data_dir, args.cache)
    if args.limit:
        keep = {dump.page.page_id for dump in dumps[: 2 * args.limit]}
        dumps = [dump for dump in dumps if dump.page.page_id in keep]
    reference = json.loads(args.trafilatura.read_text()) if args.trafilatura else {}
    rows = []
    for dump in dumps:
        text = dump.page.dump(dump.converter)
        if reference:
            html_body = (reference.get(dump.page.page_id) or {}).get("text") or ""
            rows.append(_row(dump, "trafilatura-html", html_body))
        rows.append(_row(dump, "c4", c4_baseline(text)))
        rows.append(_row(dump, "ours", clean_text(text).body))
    if not args.no_cv:
        for dump, body in zip(dumps, cv_bodies(dumps), strict=True):
            rows.append(_row(dump, "ours-cv", body))
    print_table(rows)
    field_accuracy(dumps)
    speed(dumps)


if __name__ == "__main__":
    main()
