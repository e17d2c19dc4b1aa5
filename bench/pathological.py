"""CPU time of cleaning pathological pages: long runs of one character or pattern.

    python bench/pathological.py [--chars 100000] [--limit 1.0]

A regular expression whose parts can match the same characters takes time
quadratic (or worse) in a line that runs long without the character that
ends it: a minute for 100,000 question marks, two for a Markdown line of
100,000 spaces (both found so, and mended). This cleans about fifty kinds of
such lines (spaces, marks, brackets, dates, bylines, Markdown, HTML-ish text),
each as a text dump (alone, with Markdown links, cut in three lines) and set
into HTML (a paragraph, the title, meta tags, JSON-LD, class names, a
byline), and prints the CPU seconds of the slowest, and every case over
``--limit``. A case whose time grows with the square of ``--chars`` is a bug.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaner.pages import Page
from cleaner.pipeline import clean_page

# Each kind of line: what opens it, the unit repeated to its length, and what ends it.
_LINES = {
    "spaces": ("", " ", "x"),
    "tabs": ("", "\t", "x"),
    "letters": ("", "a", ""),
    "words": ("", "word ", ""),
    "capitals": ("", "Aa ", ""),
    "dashes": ("", "-", ""),
    "digits": ("", "1", ""),
    "numbered": ("", "1. ", ""),
    "colons": ("", ":", ""),
    "commas": ("", "a,", ""),
    "dots": ("", ". ", ""),
    "question marks": ("", "?", ""),
    "exclamation marks": ("", "!", ""),
    "ellipses": ("", "…", ""),
    "quotes": ("", '"', ""),
    "apostrophes": ("", "'", ""),
    "slashes": ("", "/", ""),
    "backslashes": ("", "\\", ""),
    "at signs": ("", "@", ""),
    "brackets": ("", "[", ""),
    "braces": ("", "{a:", ""),
    "parentheses": ("", "f(", ""),
    "stars": ("", "*", ""),
    "underscores": ("", "_", ""),
    "hashes": ("", "#", ""),
    "heading": ("# ", "a ", ""),
    "emphasis": ("", "*a ", ""),
    "strong": ("", "**a ", ""),
    "pipes": ("", "| a ", ""),
    "markdown links": ("", "[a](/x) ", ""),
    "open links": ("", "[a](", ""),
    "tags": ("", "<div>", ""),
    "less-than signs": ("", "<", ""),
    "entities": ("", "&amp;", ""),
    "byline": ("By ", "Ann ", ""),
    "dates": ("", "2024-01-", ""),
    "months": ("", "January ", ""),
    "times": ("", "12:30 ", ""),
    "copyright": ("", "© ", ""),
    "url": ("http://", "a/", ""),
    "emails": ("", "a@b.", ""),
    "no-break spaces": ("", "\u00a0", ""),
    "CJK": ("", "中文。", ""),
    "list": ("", "- item\n", ""),
    "blank lines": ("", "\n\n", "x"),
    "carriage returns": ("", "\r", ""),
}


def lines_of(chars: int) -> dict[str, str]:
    """One long line of each kind, about ``chars`` characters."""
    return {
        kind: opening + unit * (chars // len(unit)) + ending
        for kind, (opening, unit, ending) in _LINES.items()
    }


def text_cases(line: str) -> dict[str, str]:
    """A line as text dumps hold it."""
    third = line[: len(line) // 3]
    return {
        "text": line,
        "text + Markdown links": line + "\n[a](/x) [b](/y) [c](/z)\n",
        "text, three lines": "\n".join([third] * 3),
    }


def html_cases(line: str) -> dict[str, str]:
    """A line set into the places of an HTML page that cleaning reads."""
    escaped = html.escape(line)
    plain = line[:50_000].replace('"', "")
    return {
        "HTML paragraph": f"<html><body><article><h1>Head</h1><p>{escaped}</p></article>"
        "</body></html>",
        "HTML title": f"<html><head><title>{escaped}</title>"
        f"<meta property='og:title' content='{escaped[:50_000]}'></head><body><p>x</p></body>"
        "</html>",
        "HTML meta": f"<html><head><meta name='author' content='{escaped}'>"
        f"<meta property='article:published_time' content='{escaped}'></head>"
        "<body><p>Some text here.</p></body></html>",
        "HTML JSON-LD": "<html><head><script type='application/ld+json'>"
        f'{{"@type":"NewsArticle","headline":"{plain}","author":{{"name":"{plain}"}},'
        f'"datePublished":"{plain}"}}</script></head><body><p>x</p></body></html>',
        "HTML class": f"<html><body><div class='{escaped}' id='{escaped}'>"
        "<p>Some text of the article that is long enough.</p></div></body></html>",
        "HTML byline": f"<html><body><article><h1>Head</h1><p class='byline'>By {escaped}</p>"
        f"<time datetime='{escaped[:1000]}'>{escaped}</time><p>Body text.</p></article>"
        "</body></html>",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000, help="length of each line")
    parser.add_argument("--limit", type=float, default=1.0, help="report cases over this (s)")
    arguments = parser.parse_args()
    timings: list[tuple[float, str, str]] = []
    for kind, line in lines_of(arguments.chars).items():
        pages = [(case, Page(kind, text, "text")) for case, text in text_cases(line).items()]
        pages += [(case, Page(kind, text, "html")) for case, text in html_cases(line).items()]
        for case, page in pages:
            started = time.process_time()
            article = clean_page(page)
            seconds = time.process_time() - started
            timings.append((seconds, kind, case))
            if seconds > arguments.limit or article.status == "error":
                print(f"  SLOW OR FAILED: {kind}, {case}: {seconds:.2f} s, {article.status}")
    timings.sort(reverse=True)
    print(f"\n{len(timings)} pathological pages of {arguments.chars:,} characters, CPU time:")
    for seconds, kind, case in timings[:5]:
        print(f"  {seconds:6.3f} s  {kind}, {case}")
    over = sum(seconds > arguments.limit for seconds, _, _ in timings)
    print(f"  {over} over {arguments.limit} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
