"""Where the time of a text-dump run goes: CPU milliseconds per page, step by step.

    python bench/dump_speed.py [--data DIR] [--converter bs4] [--limit 300] [--repeat 3]

``run_bench.py`` gives one number per converter (pages per second, end to
end); this splits it into the steps of ``clean_page`` on a dump (segment,
phrase markers, line features, line model, the whole labelling, fields and
language, assembly) and of the table edge (blocks and articles frames,
validation, Parquet), so a change can be measured where it is made. Each
step runs on the outputs of the one before, over the same pages; the best of
``--repeat`` runs is kept (other processes only ever add time). A batch run
labels dumps several at a time (``label_text_lines``, ``clean_pages``): those
two lines show what that saves against one page at a time. Table steps
run on batches of ``inputs.batch_size`` pages, as a real run does, and are
reported per page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wcxb import CONVERTERS, DEFAULT_DATA, load_pages

from cleaner.articles import assemble_article
from cleaner.blocks.text import segment_lines
from cleaner.fields.language import settle_language
from cleaner.fields.text import text_fields
from cleaner.labelling.forest import load_forest
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text import label_text_lines
from cleaner.labelling.text_features import line_features
from cleaner.pages import Page
from cleaner.pipeline import clean_page, clean_pages
from cleaner.resources import thresholds
from cleaner.tables.rows import articles_frame, blocks_frame
from cleaner.tables.tabulate import new_validators, tabulate
from cleaner.tables.writers import open_writer


def best_ms_per_page(
    step: Callable[[Any], Any], inputs: Sequence[Any], pages: int, repeat: int
) -> tuple[float, list[Any]]:
    """The least CPU milliseconds per page over ``repeat`` runs of ``step`` on every input."""
    best = float("inf")
    outputs: list[Any] = []
    for _ in range(repeat):
        started = time.process_time()
        outputs = [step(one) for one in inputs]
        best = min(best, time.process_time() - started)
    return best / pages * 1000, outputs


def write_parquet(tables: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, frame in tables.frames().items():
            with open_writer(Path(folder), name, "parquet") as writer:
                writer.write(frame)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--converter", choices=CONVERTERS, default="bs4")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    gold = load_pages(arguments.data, arguments.limit)
    pages = [Page(page.page_id, page.dump(arguments.converter), "text") for page in gold]
    count, repeat = len(pages), arguments.repeat
    clean_page(pages[0])  # loads the models and phrase files before timing

    def report(name: str, step: Callable[[Any], Any], inputs: Sequence[Any]) -> list[Any]:
        milliseconds, outputs = best_ms_per_page(step, inputs, count, repeat)
        print(f"  {name:<44}{milliseconds:7.3f} ms/page")
        return outputs

    print(f"{count} {arguments.converter} dumps, CPU time, best of {repeat}")
    lines = report("segment_lines", lambda page: segment_lines(page.content), pages)
    markers = report("phrase markers (match_lines)", phrase_book().match_lines, lines)
    features = report(
        "line features", lambda pair: line_features(*pair), list(zip(lines, markers, strict=True))
    )
    report("line model", load_forest("text_lines.json").probability, features)
    labelled = report(
        "label one dump (all the above, rules)",
        lambda page_lines: label_text_lines([page_lines])[0],
        lines,
    )
    together = int(thresholds("text")["pages_labelled_together"])
    groups = [lines[start : start + together] for start in range(0, count, together)]
    report(f"label_text_lines ({together} pages at a time)", label_text_lines, groups)
    fields = report(
        "fields and language",
        lambda blocks: settle_language(text_fields(blocks, None), blocks),
        labelled,
    )
    report(
        "assemble_article",
        lambda triple: assemble_article(*triple),
        list(zip(pages, labelled, fields, strict=True)),
    )
    articles = report("clean_page (all the steps above)", clean_page, pages)
    report("clean_pages (as a batch run calls it)", clean_pages, [pages])
    size = int(thresholds("inputs")["batch_size"])
    batches = [articles[start : start + size] for start in range(0, count, size)]
    validators = new_validators()
    report("articles frame", articles_frame, batches)
    report("blocks frame", blocks_frame, batches)
    tables = report("tabulate (frames and validation)", lambda b: tabulate(b, validators), batches)
    report("write Parquet", write_parquet, tables)
    return 0


if __name__ == "__main__":
    sys.exit(main())
