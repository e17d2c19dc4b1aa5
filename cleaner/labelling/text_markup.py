"""Lines of a text dump that copy the page's own text as HTML source.

News sites that let others republish a story show its source in a box
("Republish this story", "Embed this article"): a ``<textarea>`` holding the
article again as markup, ``<h1>``, ``<p class="byline">``, every ``<p>``. A
browser-like converter skips a textarea; BeautifulSoup's ``get_text`` and
others write its contents as lines, so the article appears twice, the second
time with its tags. That copy is well-formed prose, which the line model
keeps.

A line is such a copy when it opens with a tag and its words, tags removed,
repeat in order the words of the lines above it. A page that teaches HTML
writes short examples (``<font color="red">``) that repeat nothing, and keeps
them. Every line that opens with a tag, or with an escaped one (``&lt;img``),
between the first and the last copy or in an unbroken run of such lines
around them, belongs to the same box: its headings' closing tags, a byline
the page wrote differently, its tracking pixel.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

_OPENS_WITH_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:[\s/>]|$)")
_OPENS_WITH_ESCAPED_TAG = re.compile(r"&lt;/?[A-Za-z]")
_TAG = re.compile(r"<[^<>]*>")
_WORD = re.compile(r"\w+")


def _opens_with_markup(line: str) -> bool:
    return line.startswith("<") and bool(_OPENS_WITH_TAG.match(line))


def _words(text: str) -> str:
    """The words of ``text``, lowered and joined by single spaces, with a space on each
    side: so that one line's words are found in another's only whole."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def markup_copies(
    lines: list[str], candidates: Iterable[int], min_words: int
) -> list[tuple[int, int | None]]:
    """The lines that copy the page's text as markup, each with the line above it that
    the copy's text starts from, or None for a line of the box that copies nothing.

    The ``candidates`` are the lines that may open with a tag (those that open with no
    letter, digit or mark of punctuation: a few of a page); every other line is read as
    plain text. A copy has at least ``min_words`` words once its tags are removed.
    """
    markup = [index for index in candidates if _opens_with_markup(lines[index])]
    copy_words: dict[int, str] = {}
    for index in markup:
        words = _words(html.unescape(_TAG.sub(" ", lines[index])))
        if words.count(" ") - 1 >= min_words:
            copy_words[index] = words
    if not copy_words:
        return []
    # The words of the other lines, joined, and where each line's start in them.
    plain = sorted(set(range(len(lines))).difference(markup))
    joined = [_words(lines[index])[:-1] for index in plain]
    starts = list(accumulate(map(len, joined), initial=0))[:-1]
    text = "".join(joined) + " "
    copies: dict[int, int | None] = {}
    for index, words in copy_words.items():
        found = text.find(words)
        if found >= 0:
            source = plain[bisect_right(starts, found) - 1]
            if source < index:
                copies[index] = source
    if not copies:
        return []
    first, last = min(copies), max(copies)
    while first > 0 and _in_box(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and _in_box(lines[last + 1]):
        last += 1
    for index in range(first, last + 1):
        if index not in copies and _in_box(lines[index]):
            copies[index] = None
    return sorted(copies.items())


def _in_box(line: str) -> bool:
    """Whether ``line`` opens with a tag or an escaped one, as every line of a source box."""
    return _opens_with_markup(line) or bool(_OPENS_WITH_ESCAPED_TAG.match(line))
