"""Text dumps from converters cleaner was not trained on, rendered from the dev HTML.

    python bench/other_converters.py [--data DIR] [--limit N] [--cache DIR]

The line model learnt from two converters' dumps (html_text and bs4); pages
in the wild are saved by others. This renders every dev page with
inscriptis (plain text, its own layout) and html2text (Markdown: links with
their URLs, ``#`` headings, ``*`` bullets), unwrapped and as html2text writes
by default (lines broken at 78 characters, inside links too); sets the
html_text dumps out as a text-mode browser does (lynx, w3m: paragraphs apart,
broken at 79 characters); joins the bs4 dumps into one line, as
``get_text(" ", strip=True)`` writes a page (no line breaks at all); and
takes every text node with lxml's ``text_content()``, which keeps the page's
scripts and styles and writes line breaks only where the HTML source has
them. It prints cleaner beside the C4 line rules and the dump kept whole,
overall and per page type, so a dependence on one converter's habits shows
as a gap to the two converters of ``make bench``. Rendered dumps are cached
(``--cache``). Needs the ``converters`` extra (``pip install -e '.[converters]'``).

WCXB: Web Content eXtraction Benchmark, dev split, by Murrough Foley, CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.wcxb import (
    DEFAULT_DATA,
    GoldPage,
    c4_baseline,
    fold,
    load_pages,
    score,
    type_table,
)
from cleaner import clean_text

DEFAULT_CACHE = Path.home() / ".cache" / "cleaner" / "dumps"


def _inscriptis(page: GoldPage) -> str:
    import inscriptis

    return inscriptis.get_text(page.html())


def _html2text(page: GoldPage, width: int = 0) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = width  # 0: no hard wrapping, one paragraph a line
    return converter.handle(page.html())


def _text_browser(page: GoldPage) -> str:
    """The html_text dump as lynx or w3m lays text out: blank lines apart, 79 columns."""
    return "\n".join(
        "\n".join(textwrap.wrap(line, 79)) if line.strip() else ""
        for line in page.dump("html_text").splitlines()
    )


def _one_line(page: GoldPage) -> str:
    """The page's text joined by spaces, as BeautifulSoup's ``get_text(" ", strip=True)`` is."""
    return " ".join(page.dump("bs4").splitlines())


def _text_content(page: GoldPage) -> str:
    """Every text node of the page, scripts and styles too, as lxml's ``text_content()``."""
    import lxml.html

    return lxml.html.fromstring(page.html()).text_content()


CONVERTERS: dict[str, Callable[[GoldPage], str]] = {
    "inscriptis": _inscriptis,
    "html2text": _html2text,
    "html2text, wrapped at 78 (its default)": lambda page: _html2text(page, 78),
    "html_text, wrapped at 79 as text browsers write": _text_browser,
    'bs4, one line: get_text(" ", strip=True)': _one_line,
    "lxml text_content(), scripts and styles kept": _text_content,
}
# The Python packages the converters need.
PACKAGES = ("inscriptis", "html2text")


def rendered(page: GoldPage, converter: str, cache: Path) -> str:
    """The page's dump by ``converter``, from the cache or rendered now (a failure: empty)."""
    path = cache / re.sub(r"\W+", "_", converter).strip("_") / f"{page.page_id}.txt.gz"
    if path.exists():
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    try:
        text = CONVERTERS[converter](page)
    except Exception as exc:  # a converter's crash on one page is that page's empty dump
        print(f"{converter} failed on {page.page_id}: {exc}", file=sys.stderr)
        text = ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8", "replace")))
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    arguments = parser.parse_args()
    missing = [name for name in PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        parser.error(f"{', '.join(missing)} not installed: pip install -e '.[converters]'")
    if not (arguments.data / "ground-truth").is_dir():
        parser.error(f"{arguments.data}: not a WCXB folder (no ground-truth/ in it)")
    pages = load_pages(arguments.data, arguments.limit)
    systems = ("cleaner", "C4 rules", "kept whole")
    for converter in CONVERTERS:
        rows = {system: [] for system in systems}
        titles = []
        for page in pages:
            text = rendered(page, converter, arguments.cache)
            article = clean_text(text)
            if fold(page.title):
                titles.append(fold(article.title) == fold(page.title))
            for system, body in zip(systems, (article.body, c4_baseline(text), text), strict=True):
                precision, recall, f1 = score(body, page.main_content)
                rows[system].append(
                    {
                        "page_type": page.page_type,
                        "f1": f1,
                        "precision": precision,
                        "recall": recall,
                    }
                )
        print(f"\nText dumps ({converter}; not seen in training): body F1 (P / R)")
        print("\n".join(type_table(rows)))
        print(f"  title found on {sum(titles) / max(len(titles), 1):.3f} of {len(titles)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
