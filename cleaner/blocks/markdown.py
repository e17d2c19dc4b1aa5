"""Markdown dumps read as the text they show.

Many crawlers save pages as Markdown (html2text, markdownify, the "reader"
services that feed language models): a link is ``[its text](its url)``, a
heading ``## its text``, a bold word ``**word**``. Read as plain text, every
link adds its URL's words to the line, and markup hides what a line looks
like (a heading, a sentence ending in a link). A page that is Markdown, told
by its links (``](`` followed by a URL, on several lines: headings and
emphasis alone are also code comments and star ratings), is turned into the
text a reader sees before it is cut into lines; other pages are left as they
are, so a plain dump that quotes one ``[x](y)`` is untouched.
"""

from __future__ import annotations

import re
from itertools import islice

# Markdown links a page must hold before it is read as Markdown.
_MIN_LINKS = 3
# A link's destination: a URL and perhaps a title, in parentheses; inside,
# parentheses come escaped (``javascript:void\(0\)``) or in pairs
# (``/wiki/Mercury_(planet)``). No part of a pattern here may run over the
# bracket or parenthesis that ends it: a line of thousands of unclosed ``[``
# must cost a pass, not a pass per bracket.
_DESTINATION = r"\((?:[^()\n\\]|\\.|\([^()\n]*\))*\)"
# The tail of an inline link or image, as a page that is Markdown writes it: ``]``
# and a destination that opens with a URL (absolute, rooted, relative or an anchor).
_LINK_TAIL = re.compile(rf"\](?=\((?:[a-z][a-z0-9+.-]*:|/|#|\.)){_DESTINATION}", re.IGNORECASE)
# An image: ``![alt](src)``; its alternative text is not shown on the page.
_IMAGE = re.compile(rf"!\[[^\[\]\n]*\]{_DESTINATION}")
# An inline link ``[text](url "title")``, an autolink ``<https://...>``, a
# reference link ``[text][ref]``; each shows its text only.
# A link's text may hold one level of brackets ("[[edit]](...)", "[Item [2]](...)").
_LINK_TEXT = r"((?:[^\[\]\n]|\[[^\[\]\n]*\])*)"
_INLINE_LINK = re.compile(rf"\[{_LINK_TEXT}\]{_DESTINATION}")
_REFERENCE_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# A reference definition line ``[1]: https://...`` shows nothing.
_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.MULTILINE)
# Line prefixes: an ATX heading's hashes (and its closing ones), a block quote's marks.
# (Its closing hashes are cut by ``_heading_text``: a pattern for them after a lazy text
# costs time quadratic in a line of many spaces.)
_HEADING = re.compile(r"^([ \t]{0,3})#{1,6}(?:[ \t]+|$)([^\n]*)$", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)
# List item marks, nested ones too (``  *   * item``, ``1. item``): the page shows a bullet or a
# number the list's HTML never held as text.
_LIST_ITEM = re.compile(r"^[ \t]*(?:(?:[*+-]|\d{1,3}[.)])[ \t]+)+", re.MULTILINE)
# Emphasis and code marks around words: ``**strong**``, ``__strong__``, ``*em*``, ``_em_``, `code`.
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.*?\S?)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]*?\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]*)`")
# A thematic break (``* * *``, ``---``), a table's rule line (``|---|:--:|``), a code fence.
_RULE_LINE = re.compile(
    r"^[ \t]*(?:(?:[-*_][ \t]*){3,}"  # a thematic break
    r"|(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?"  # a table's rule line
    r"|`{3,}.*|~{3,}.*)$",  # a code fence
    re.MULTILINE,
)
# A line that starts a block of its own: a list item, a heading, a quote, a table row, a
# thematic break or fence (``_RULE_LINE``), an HTML tag.
_BLOCK_START = re.compile(
    r"[ \t]*(?:(?:[*+-]|\d{1,3}[.)])(?:[ \t]|$)|#|>|\||`{3}|~{3}|<[a-zA-Z/!])"
)
# A level-1 ATX heading, with its text.
_FIRST_LEVEL_ONE = re.compile(r"^[ \t]{0,3}#[ \t]+([^\n]+)$", re.MULTILINE)
# What ends a line in a hard break: two spaces, a backslash.
_HARD_BREAKS = ("  ", "\\")
# A block that is one line: a heading, a table row, an HTML tag, a reference definition.
_ONE_LINE_BLOCK = re.compile(r"[ \t]*(?:#|\||<[a-zA-Z/!]|\[[^\]\n]+\]:)")
# Backslash escapes of punctuation (html2text writes ``1\.`` and ``\- item``).
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def is_markdown(text: str) -> bool:
    """Whether a dump is written in Markdown: it holds several Markdown links."""
    if text.count("](") < _MIN_LINKS:
        return False
    links = _LINK_TAIL.finditer(text)
    return sum(1 for _ in islice(links, _MIN_LINKS)) == _MIN_LINKS


def _paragraphs(text: str) -> str:
    """``text`` with each paragraph on one line, as Markdown renders it.

    In Markdown, the lines of a paragraph are one paragraph: a converter that
    breaks them at a width (html2text does, at 78 characters by default, inside
    links too) writes the same page as one that does not. A line is joined to
    the line before it unless either is blank, it starts a block of its own,
    the line before is a heading, a table row, a rule or a fence, or ends in a
    hard break (two spaces, a backslash); nothing is joined in fenced code. A
    quoted line goes on with the quoted line before it.
    """
    lines = text.split("\n")
    joined: list[str] = []
    in_fence = False
    for line in lines:
        fence = line.lstrip().startswith(("```", "~~~"))
        # A line ending in a hard break ends its paragraph; nothing joins in fenced code.
        joinable = bool(joined) and not in_fence and not joined[-1].endswith(_HARD_BREAKS)
        if joinable and not fence and _continues(joined[-1], line):
            joined[-1] = joined[-1].rstrip() + " " + line.lstrip()
        elif joinable and _continues_quote(joined[-1], line):
            joined[-1] = joined[-1].rstrip() + " " + _QUOTE.sub("", line, count=1).lstrip()
        else:
            joined.append(line)
        in_fence ^= fence
    return "\n".join(joined)


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the paragraph (or list item, or quote) of ``previous``,
    which ends in no hard break."""
    return (
        bool(line.strip())
        and bool(previous.strip())
        and not _BLOCK_START.match(line)
        and not _ONE_LINE_BLOCK.match(previous)
        and not _RULE_LINE.match(previous)
    )


def _continues_quote(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the quoted paragraph of ``previous`` (both quoted, with
    text; ``previous`` ends in no hard break)."""
    quoted = _QUOTE.match(previous), _QUOTE.match(line)
    return all(quoted) and all(
        text[mark.end() :].strip() for text, mark in zip((previous, line), quoted, strict=True)
    )


def markdown_headline(text: str) -> str | None:
    """A Markdown dump's first level-1 heading, as it shows (``# A *big* day`` -> "A big
    day"), white space folded; None if it has none.

    Converters write a page's ``<h1>``, its headline, so; a text dump has lost it.
    """
    found = _FIRST_LEVEL_ONE.search(text)
    if found is None:
        return None
    return " ".join(markdown_as_text(_heading_text(found.group(1))).split()) or None


def _heading_text(heading: str) -> str:
    """An ATX heading's text without its closing hashes ("Title ##" -> "Title")."""
    heading = heading.rstrip(" \t")
    unclosed = heading.rstrip("#")
    if unclosed != heading and (not unclosed or unclosed[-1] in " \t"):
        return unclosed.rstrip(" \t")
    return heading


def markdown_as_text(text: str) -> str:
    """The text a Markdown page shows: links as their text, no markup.

    Each paragraph is one line (``_paragraphs``); other line structure is
    kept, so what the labeller reads of neighbours and position is as in the
    dump.
    """
    text = _paragraphs(text)
    text = _DEFINITION.sub("", text)
    text = _IMAGE.sub("", text)
    text = _INLINE_LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _RULE_LINE.sub("", text)
    text = _HEADING.sub(lambda found: found.group(1) + _heading_text(found.group(2)), text)
    text = _QUOTE.sub("", text)
    text = _LIST_ITEM.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _CODE.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)
