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
from itertools import compress, repeat

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


def _tagless_words(line: str) -> str:
    """The words (``_words``) of a line of markup, its tags removed and its entities read."""
    return _words(html.unescape(_TAG.sub(" ", line)))


def markup_copies(lines: list[str], min_words: int) -> list[tuple[int, int | None]]:
    """The lines that copy the page's text as markup, each with the line above it that
    the copy's text starts from, or None for a line of the box that copies nothing.

    A copy has at least ``min_words`` words once its tags are removed.
    """
    # Few lines start with "<": those are picked out without a Python step per line.
    opening = compress(range(len(lines)), map(str.startswith, lines, repeat("<")))
    markup = [index for index in opening if _opens_with_markup(lines[index])]
    # The words of the lines long enough to be copies; the words of the page's other
    # lines are only read when there is one (on few pages).
    words_of = {index: _tagless_words(lines[index]) for index in markup}
    copy_words = {
        index: words for index, words in words_of.items() if words.count(" ") - 1 >= min_words
    }
    if not copy_words:
        return []
    markup_set = set(markup)
    plain = [index for index in range(len(lines)) if index not in markup_set]
    starts: list[int] = []
    joined: list[str] = []
    length = 0
    for index in plain:
        words = _words(lines[index])[:-1]
        starts.append(length)
        joined.append(words)
        length += len(words)
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
