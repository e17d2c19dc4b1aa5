"""How the kinds of a text dump's removed lines agree with those the HTML path gives.

    python bench/eval_kinds.py [--data DIR] [--converter bs4] [--limit N]

WCXB has no gold kinds; a page's HTML is the nearest thing. The HTML path names
a removed block by its words, then by the container around it (``<nav>``, a
"related" or "comments" class), which a dump has lost. So every page is
cleaned twice, from its HTML and from its dump; each removed dump line whose
text (case and white space folded) is also a block of the HTML page is set
beside that block's kind, or "kept" where the HTML path keeps it. Printed:
for each kind the text path gave, how those lines fall among the HTML
kinds, and the share of lines whose two kinds agree.

WCXB: Web Content eXtraction Benchmark, dev split, by Murrough Foley, CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.wcxb import CONVERTERS, DEFAULT_DATA, fold, load_pages
from cleaner.articles import Article
from cleaner.pages import Page
from cleaner.pipeline import clean_pages


def html_kinds(article: Article) -> dict[str, str]:
    """Each block text of a cleaned HTML page, with its kind ("kept" if kept); first wins."""
    kinds: dict[str, str] = {}
    for block in article.blocks:
        kinds.setdefault(fold(block.text), "kept" if block.kept else block.kind.value)
    return kinds


def agreement(html: list[Article], text: list[Article]) -> dict[str, Counter]:
    """For each kind of a removed dump line, the HTML kinds of the same texts, counted."""
    table: dict[str, Counter] = defaultdict(Counter)
    for from_html, from_text in zip(html, text, strict=True):
        kinds = html_kinds(from_html)
        for block in from_text.blocks:
            if not block.kept and (other := kinds.get(fold(block.text))) is not None:
                table[block.kind.value][other] += 1
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--converter", choices=CONVERTERS, default=None, help="default: both")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    arguments = parser.parse_args()
    pages = load_pages(arguments.data, arguments.limit)
    html = clean_pages([Page(page.page_id, page.html(), "html") for page in pages])
    for converter in [arguments.converter] if arguments.converter else CONVERTERS:
        text = clean_pages([Page(page.page_id, page.dump(converter), "text") for page in pages])
        table = agreement(html, text)
        matched = sum(sum(row.values()) for row in table.values())
        agreeing = sum(row[kind] for kind, row in table.items())
        print(f"\n{converter}: {matched} removed lines whose text is a block of the HTML page")
        for kind, row in sorted(table.items(), key=lambda item: -sum(item[1].values())):
            count = sum(row.values())
            shares = ", ".join(f"{other} {n / count:.2f}" for other, n in row.most_common(5))
            print(f"  {kind:<14} {count:>7}  as HTML: {shares}")
        print(f"  kinds agree on {agreeing / max(matched, 1):.3f} of them")


if __name__ == "__main__":
    main()
