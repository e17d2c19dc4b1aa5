"""Hard-wrapped text rejoined into its paragraphs.

Text-mode browsers and some converters (lynx and w3m dumps, mail archives)
break every paragraph into lines of at most a fixed width, 70 to 80
characters, with a blank line between paragraphs. (Markdown dumps, which
html2text breaks so by default, have their paragraphs joined by Markdown's
own rule: ``blocks.markdown``.) The labeller reads a line as the unit the
page wrote: a wrapped paragraph's lines stop in mid-sentence and look like a
menu's. On the dev pages' html_text dumps broken at 78 characters, articles
scored 0.909 against 0.942 unbroken (0.939 once rejoined here).

A dump is taken for wrapped when many of its lines stop just short of one
length, its width, and few run past it (a URL that no space breaks); when the
lines after those mostly go on in lower case, as a sentence does; and when
blank lines part its paragraphs. A plain dump's line lengths spread
smoothly, with no such cliff. Without blank lines (BeautifulSoup's
``get_text`` keeps the breaks of HTML source written wrapped, and writes no
blank line), a full line before a heading cannot be told from a broken one,
so such dumps are left alone. A wrapped dump's lines are joined where the
next line's first word would not have fitted on the line, which is where the
converter broke it.
"""

from __future__ import annotations

import re

import numpy as np

from cleaner.resources import thresholds

# A wrapped dump shows its first blank line within this many characters (looking no
# further keeps the test nearly free on the many dumps without blank lines).
_LOOKED_AT = 4000
# A line that opens a list item or a Markdown heading starts a block of its own.
_OWN_START = re.compile(r"\s*(?:[-*+•·]\s|\d{1,3}[.)]\s|#{1,6}\s|>)")


def _width(lengths: np.ndarray, least: int, most: int, near: int) -> tuple[int, int, int]:
    """The width a dump looks wrapped at, with how many lines stop within ``near``
    characters short of it and how many run up to ``near`` past it.

    The width is where lines pile up most against a cliff: a wrapped dump's lines
    stop just short of it, and only a few (a URL no space breaks) run past it.
    """
    counts = np.bincount(np.minimum(lengths, most + 2 * near), minlength=most + 2 * near + 1)
    below = np.concatenate(([0], np.cumsum(counts)))
    widths = np.arange(least, most + 1)
    within = below[widths + 1] - below[widths - near]
    beyond = below[widths + 1 + near] - below[widths + 1]
    best = int(np.argmax(within - 2 * beyond))
    return int(widths[best]), int(within[best]), int(beyond[best])


def _next_word_overruns(length: int, following: str, width: int) -> bool:
    """Whether the first word of ``following`` (stripped, not empty) would have made a line
    of ``length`` characters longer than ``width``: the converter broke the line there."""
    return length + 1 + len(following.split(maxsplit=1)[0]) > width


def _breaks(lines: list[str], lengths: list[int], width: int) -> list[bool]:
    """For each line, whether the converter broke a paragraph after it.

    That is: the next line holds text, opens no list item or heading, and its
    first word would have made this line longer than ``width``.
    """
    broken = [False] * len(lines)
    for index in range(len(lines) - 1):
        following = lines[index + 1]
        stripped = following.lstrip()
        if not stripped or not lengths[index]:
            continue
        if _next_word_overruns(lengths[index], stripped, width) and not _OWN_START.match(following):
            broken[index] = True
    return broken


def _is_wrapped(lines: list[str], lengths: np.ndarray, width: int) -> bool:
    """Whether enough lines stop near ``width`` where the next word would not have fitted,
    and go on in lower case on the next line, as a sentence does."""
    limits = thresholds("text")
    full = 0
    lower = 0
    for index in np.flatnonzero(lengths[:-1] >= width - limits["wrap_near_width"]).tolist():
        following = lines[index + 1].lstrip()
        if following and _next_word_overruns(int(lengths[index]), following, width):
            full += 1
            lower += following[:1].islower()
    return full >= limits["wrap_min_full_lines"] and lower >= limits["wrap_min_lower_share"] * full


def unwrapped(text: str) -> tuple[str, list[str] | None]:
    """``text`` with each of its hard-wrapped paragraphs on one line, if it is wrapped, and
    its lines (split at line feeds) if they had to be split to tell: the caller needs
    them too, and splitting a dump costs as much as the rest of this test."""
    limits = thresholds("text")
    # Without blank lines between paragraphs, a paragraph's last line, if it is full,
    # cannot be told from a broken one: the heading after it would be joined to it. (The
    # cheapest test, first: it settles the dumps of converters that write no blank line.)
    if text.find("\n\n", 0, _LOOKED_AT) < 0:
        if text.find("\r\n\r\n", 0, _LOOKED_AT) < 0:
            return text, None
        text = text.replace("\r\n", "\n")  # saved on Windows
    lines = text.split("\n")
    if len(lines) <= limits["wrap_min_full_lines"] or lines.count("") < limits[
        "wrap_min_blank_share"
    ] * len(lines):
        return text, lines
    lengths = np.fromiter(map(len, lines), dtype=np.intp, count=len(lines))
    width, within, beyond = _width(
        lengths, limits["wrap_min_width"], limits["wrap_max_width"], limits["wrap_near_width"]
    )
    if within < limits["wrap_min_full_lines"] or within < limits["wrap_cliff"] * (beyond + 1):
        return text, lines
    if not _is_wrapped(lines, lengths, width):
        return text, lines
    joined = _joined(lines, _breaks(lines, lengths.tolist(), width))
    return "\n".join(joined), joined


def _joined(lines: list[str], broken: list[bool]) -> list[str]:
    """``lines`` with each line joined to the next where it was ``broken``."""
    joined: list[str] = []
    paragraph: list[str] = []
    for line, is_broken in zip(lines, broken, strict=True):
        if not paragraph:
            paragraph.append(line.rstrip())
        elif _hyphenated(paragraph[-1]):
            # "well-" / "known": a word the converter broke at its hyphen.
            paragraph.append(line.strip())
        else:
            paragraph.append(" " + line.strip())
        if not is_broken:
            joined.append("".join(paragraph))
            paragraph = []
    return joined


def _hyphenated(line: str) -> bool:
    """Whether ``line`` ends in a hyphen after a letter: its last word goes on below."""
    return line.endswith("-") and len(line) > 1 and line[-2].isalpha()
