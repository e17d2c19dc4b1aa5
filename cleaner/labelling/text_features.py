"""What the line model sees of each line of a text dump: one row of numbers per line.

A page has a few hundred lines and must be labelled in about a millisecond, so
nothing here loops over characters in Python. The page's lines are joined
into one string, viewed as an array of code points, and every character
count (letters, capitals, digits, punctuation, word starts) is a numpy
reduction per line; the few patterns (times, dates, counts) are one regular
expression pass over the short lines that hold a digit. Context is the same numbers shifted to
the neighbours and averaged over windows (among them the share of lines that end in
an ellipsis: teasers' excerpts cut short), and where the line sits in the page
(relative position, share of the page's sentence-like text before it, lines
since a "Read next" or "Comments" marker, and what stands between it and the
page's densest prose: "Share" or "Subscribe" lines and runs of lines that are
not prose, where an article ends and the comments and bios after it begin).
Last, what the line's words say in a learned lexicon (``text_words``), alone
and over the lines around it.

Most of the cost on one page is the fixed cost of each numpy operation, so a
batch run computes several pages in one pass (``pages_line_features``).
Context stops at a page's first and last line, and window sums are made
exact (``_exact``), so each page's rows are, to the bit, what it gets alone.

Nothing depends on a converter's habits: a line is whatever the dump wrote on
one line, a whole paragraph or a link's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import chain

import numpy as np

from cleaner.blocks.block import Kind
from cleaner.labelling.phrases import Marker, lines_at, marked_lines, phrase_book
from cleaner.labelling.text_words import (
    LineCodes,
    WordOdds,
    line_codes,
    line_word_sums,
    word_odds,
)

# Marker kinds the model sees, one column each.
MARKER_KINDS = (
    Kind.RELATED,
    Kind.COMMENTS,
    Kind.SHARE,
    Kind.NEWSLETTER,
    Kind.LEGAL,
    Kind.NAVIGATION,
    Kind.ADVERTISEMENT,
    Kind.BYLINE,
    Kind.TIMESTAMP,
)
# Sentence ends, in the scripts the phrase files cover and beyond, and the
# other characters a line's first or last character is looked up among.
_TERMINALS = ".!?…。！？"
_CLOSERS = "\"')]”’»"
# A line that starts with these continues the sentence of the line above
# (converters that write each text node on its own line cut sentences at links).
_CONTINUATIONS = ",.;:)]!?'’%"
_BULLETS = "•·*-–—►▸>|#"
# Character classes, one per code point (they do not overlap); counted per line.
_PUNCTUATION_CLASSES = {
    "comma": ",",
    "period": ".",
    "separator": "|/»›>•·",
    "colon": ":",
    "quote": '"“”«»„',
    "bracket": "()[]",
    "symbol": "#@&©®™$€£¥%+=",
}
_CLASSES = ("other", "lower", "capital", "caseless", "digit", *_PUNCTUATION_CLASSES)
# The kind of word a character of each class starts: none, lower-case or caseless, capital, number.
_WORD_KIND_OF_CLASS = np.array([0, 1, 2, 1, 3] + [0] * len(_PUNCTUATION_CLASSES), dtype=np.intp)
# Patterns are looked for in lines up to this long: times, dates and counts
# that say something about a line stand in short lines.
_MAX_PATTERN_CHARS = 120
_TIME_OF_DAY = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?$", re.IGNORECASE | re.MULTILINE)
_COUNT_IN_BRACKETS = re.compile(r"[(\[]\d[\d,.]*[)\]]")
_NUMERIC_DATE = re.compile(r"\d(?:\d{3}[-/.]\d{1,2}[-/.]\d{1,2}|\d?[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)")
# The bits of ``_mark_table``.
_TERMINAL, _CLOSER, _CONTINUATION, _BULLET = 1, 2, 4, 8


@cache
def _mark_table() -> np.ndarray:
    """For every code point of the Basic Multilingual Plane, the marks it carries as bits."""
    table = np.zeros(0x10000, dtype=np.uint8)
    for bit, characters in (
        (_TERMINAL, _TERMINALS),
        (_CLOSER, _CLOSERS),
        (_CONTINUATION, _CONTINUATIONS),
        (_BULLET, _BULLETS),
    ):
        for character in characters:
            table[ord(character)] |= bit
    return table


@cache
def _class_table() -> np.ndarray:
    """The class of every code point of the Basic Multilingual Plane (the rest: "other")."""
    table = np.zeros(0x10000, dtype=np.uint8)
    for code in range(0x10000):
        char = chr(code)
        if char.isdigit() and code < 128:
            table[code] = 4
        elif char.isupper():
            table[code] = 2
        elif char.islower():
            table[code] = 1
        elif char.isalnum() or char == "_":
            table[code] = 3
    for number, (_, characters) in enumerate(_PUNCTUATION_CLASSES.items(), start=5):
        for char in characters:
            table[ord(char)] = number
    return table


# Code points beyond the Basic Multilingual Plane are looked up at this index: class "other".
_BEYOND_BMP = 0x10000
_WORD_KIND_BITS = 3


@cache
def _counting_table() -> np.ndarray:
    """Every code point's class times four plus the kind of word it starts (the two low bits).

    One look-up gives both numbers a line's counts need; the last entry
    stands for every code point beyond the Basic Multilingual Plane.
    """
    classes = np.append(_class_table(), 0)
    return (classes * 4 + _WORD_KIND_OF_CLASS[classes]).astype(np.uint8)


# A word next to a day number, "Jan 29", "29 września", "5 de marzo": a date
# when the word is a month name of the phrase files (looked up, not matched:
# one alternation of every month form of every language would be slow).
# The lines are searched joined, so spaces are matched as ``[^\S\n]``: never across lines.
_WORD_BY_NUMBER = re.compile(
    r"\b([^\W\d_]{3,})\.?[^\S\n]+\d{1,2}(?!\d)"
    r"|\b\d{1,2}(?:st|nd|rd|th|er)?\.?[^\S\n]*(?:de[^\S\n]+)?([^\W\d_]{3,})"
)
_PATTERNS = (
    ("time_of_day", _TIME_OF_DAY),
    ("count_in_brackets", _COUNT_IN_BRACKETS),
    ("numeric_date", _NUMERIC_DATE),
)


_COUNT_COLUMNS = (
    "chars",
    "words",
    "capital_words",
    "number_words",
    "letters",
    "capitals",
    "digits",
    *(f"n_{name}" for name in _PUNCTUATION_CLASSES),
)
_OWN_COLUMNS = (
    *_COUNT_COLUMNS,
    "log_chars",
    "word_length",
    "capital_share",
    "capital_word_share",
    "digit_share",
    "letter_share",
    "ends_terminal",
    "ends_colon",
    "ends_ellipsis",
    "starts_capital",
    "starts_digit",
    "starts_bullet",
    "starts_lower",
    "starts_continuation",
    "body_like",
    "repeats",
    "first_occurrence",
    "time_of_day",
    "count_in_brackets",
    "numeric_date",
    "month_date",
    *(f"marker_{kind.value}" for kind in MARKER_KINDS),
)
# Markers of these kinds open a section of the page ("Read next", "Comments").
_SECTION_KINDS = (Kind.RELATED, Kind.COMMENTS)
_NEIGHBOUR_COLUMNS = (
    "log_chars",
    "words",
    "ends_terminal",
    "body_like",
    "repeats",
    "starts_lower",
    "starts_continuation",
)
_NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
_WINDOWS = (2, 5, 12, 30)
_SECTION_CAP = 200.0
WORD_WINDOWS = (2, 5)


def _feature_names() -> tuple[str, ...]:
    names = list(_OWN_COLUMNS)
    for offset in _NEIGHBOUR_OFFSETS:
        names.extend(f"{column}@{offset:+d}" for column in _NEIGHBOUR_COLUMNS)
    for window in _WINDOWS:
        names.extend(
            (
                f"body_share~{window}",
                f"log_chars~{window}",
                f"body_chars_share~{window}",
                f"date_share~{window}",
                f"ellipsis_share~{window}",
            )
        )
    names.extend(
        (
            "position",
            "char_position",
            "body_chars_before",
            "lines_since_body",
            "lines_until_body",
            "log_lines",
            "log_body_chars",
            "chars_to_max",
            "lines_since_section",
            "body_since_section",
            "lines_until_section",
            "distance_to_densest",
            "markers_from_densest",
            "gap_from_densest",
            "log_run_chars",
            "run_words",
            "run_ends_terminal",
            "run_lines",
        )
    )
    names.extend(("word_odds", "known_word_share", "word_odds_least"))
    names.extend(f"word_odds~{window}" for window in WORD_WINDOWS)
    return tuple(names)


FEATURE_NAMES = _feature_names()
_NEIGHBOURS_START = len(_OWN_COLUMNS)


def _per_line_counts(text: LineCodes, chars: np.ndarray) -> dict[str, np.ndarray]:
    """Characters of each class, and word starts of each kind, in every line of ``text``
    (``chars`` long each, its line feed not counted).

    One ``bincount`` over (line, class) pairs counts the characters, another over
    (line, kind) pairs the word starts.
    """
    count = len(chars)
    codes, line_of = text.codes, text.line_of
    # "clip" reads every code point beyond the BMP at the table's last entry: one
    # ``take``, half the cost of indexing with ``np.minimum(codes, _BEYOND_BMP)``.
    looked_up = _counting_table().take(codes, mode="clip")
    width = len(_CLASSES)
    by_class = np.bincount(line_of * width + (looked_up >> 2), minlength=count * width)
    by_class = by_class.reshape(count, width).astype(np.float64)
    word_kind = looked_up & _WORD_KIND_BITS
    word_start = word_kind > 0
    word_start[1:] &= word_kind[:-1] == 0
    # Words are counted where they start: a tenth of the characters.
    first_letters = np.flatnonzero(word_start)
    starts = line_of[first_letters] * 4 + word_kind[first_letters]
    by_start = np.bincount(starts, minlength=count * 4).reshape(count, 4)
    counts = {
        "chars": chars,
        "words": by_start[:, 1:].sum(axis=1).astype(np.float64),
        "capital_words": by_start[:, 2].astype(np.float64),
        "number_words": by_start[:, 3].astype(np.float64),
        "letters": by_class[:, 1:4].sum(axis=1),
        "capitals": by_class[:, 2],
        "digits": by_class[:, 4],
    }
    for index, name in enumerate(_PUNCTUATION_CLASSES, start=5):
        counts[f"n_{name}"] = by_class[:, index]
    return counts


def _pattern_hits(lines: list[str], chars: np.ndarray, digits: np.ndarray) -> dict[str, np.ndarray]:
    """For each pattern, 1 where a line holds a match; every pattern needs a digit."""
    count = len(lines)
    short = np.flatnonzero((chars <= _MAX_PATTERN_CHARS) & (digits > 0))
    hits = {name: np.zeros(count) for name, _ in _PATTERNS}
    hits["month_date"] = np.zeros(count)
    if len(short) == 0:
        return hits

    def mark(name: str, chosen: np.ndarray, positions: list[int]) -> None:
        """Marks the ``chosen`` lines holding ``positions`` of their text, joined."""
        if positions:
            hits[name][chosen[lines_at(chars[chosen], positions)]] = 1.0

    text = "\n".join([lines[index] for index in short])
    for name, pattern in _PATTERNS:
        mark(name, short, [found.start() for found in pattern.finditer(text)])
    # A month date's word is a month's name: only the lines that hold one somewhere are
    # read by the pattern.
    book = phrase_book()
    dated = short[book.month_lines([lines[index].lower() for index in short])]
    months = book.month_numbers
    mark(
        "month_date",
        dated,
        [
            found.start()
            for found in _WORD_BY_NUMBER.finditer("\n".join([lines[index] for index in dated]))
            if (found.group(1) or found.group(2)).lower() in months
        ],
    )
    return hits


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each page's lines lie among the lines of a batch of pages, joined.

    Context never crosses a page: every neighbour, window and "lines since"
    is cut at the page's first and last line, so a page's features are the
    same whichever pages share its batch.
    """

    index: np.ndarray  # (lines,) each line's index in the batch
    page_of: np.ndarray  # (lines,) the page each line belongs to
    first: np.ndarray  # (lines,) the index of the first line of its page
    last: np.ndarray  # (lines,) the index of the last line of its page
    size: np.ndarray  # (lines,) how many lines its page has
    starts: np.ndarray  # (pages,) the index of each page's first line

    @classmethod
    def of(cls, sizes: list[int]) -> _Layout:
        counts = np.asarray(sizes, dtype=np.intp)
        starts = np.cumsum(counts) - counts
        page_of = np.repeat(np.arange(len(counts)), counts)
        first, size = starts[page_of], counts[page_of]
        return cls(np.arange(int(counts.sum())), page_of, first, first + size - 1, size, starts)

    def page_sums(self, values: np.ndarray) -> np.ndarray:
        """Each page's sum of ``values``, for each of its lines."""
        return np.bincount(self.page_of, weights=values, minlength=len(self.starts))[self.page_of]


def _shifted(rows: np.ndarray, offsets: tuple[int, ...], layout: _Layout, out: np.ndarray) -> None:
    """The rows of ``rows`` (one per feature) read at each offset, NaN past either end of the
    page, written to ``out``: for each offset in turn, all the rows of ``rows``."""
    width, count = rows.shape
    source = layout.index + np.asarray(offsets)[:, None]  # (offsets, lines)
    outside = (source < layout.first) | (source > layout.last)
    source = np.clip(source, 0, count - 1)  # in range: "clip" spares ``take`` a buffered copy
    for number in range(len(offsets)):
        shifted = out[number * width : (number + 1) * width]
        np.take(rows, source[number], axis=1, out=shifted, mode="clip")
        shifted[:, outside[number]] = np.nan


def _window_sums(
    rows: np.ndarray, radii: tuple[int, ...], layout: _Layout
) -> tuple[np.ndarray, np.ndarray]:
    """For each radius, row sums over the lines within it of each line, and how many lines.

    ``rows`` holds one row per feature; the result is (radii, features, lines)
    and (radii, lines). The running sums are made once, and a window (cut
    short at either end of its page) is the difference of two of them. That
    is exact, and the same in any batch, only for values whose sums float64
    holds exactly: whole numbers, or numbers rounded to a power of two (``_exact``).
    """
    width, count = rows.shape
    total = np.zeros((width, count + 1))
    np.cumsum(rows, axis=1, out=total[:, 1:])
    reach = np.asarray(radii)[:, None]
    high = np.minimum(layout.index + reach, layout.last) + 1  # (radii, lines)
    low = np.maximum(layout.index - reach, layout.first)
    # ``take`` gathers the same values as indexing ``total[:, high]``, in half the time.
    sums = np.take(total, high, axis=1) - np.take(total, low, axis=1)  # (features, radii, lines)
    return sums.transpose(1, 0, 2), (high - low).astype(np.float64)


# Values summed over windows are rounded to this many binary places: their sums
# are then exact in float64 for any batch (2**33 lines of up to 2**20 characters).
_EXACT_BITS = 16


def _exact(values: np.ndarray) -> np.ndarray:
    """``values`` rounded to a multiple of 2**-16, so that float64 sums them exactly."""
    return np.rint(values * 2.0**_EXACT_BITS) / 2.0**_EXACT_BITS


def _lines_since(flags: np.ndarray, cap: float, layout: _Layout) -> np.ndarray:
    """For each line, lines since the last flagged line of its page at or before it, or ``cap``."""
    last = np.maximum.accumulate(np.where(flags, layout.index, -1))
    return np.where(last >= layout.first, np.minimum(layout.index - last, cap), cap)


def _lines_until(flags: np.ndarray, cap: float, layout: _Layout) -> np.ndarray:
    """For each line, lines until the next flagged line of its page at or after it, or ``cap``."""
    beyond = len(flags)
    following = np.minimum.accumulate(np.where(flags, layout.index, beyond)[::-1])[::-1]
    return np.where(following <= layout.last, np.minimum(following - layout.index, cap), cap)


def _densest(values: np.ndarray, layout: _Layout) -> np.ndarray:
    """For each line, the index of the first line of its page with the most ``values``."""
    page_max = np.maximum.reduceat(values, layout.starts)
    at_max = np.flatnonzero(values == page_max[layout.page_of])
    pages = layout.page_of[at_max]
    first_of_page = np.ones(len(at_max), dtype=bool)
    first_of_page[1:] = pages[1:] != pages[:-1]  # at_max is in order: a page's first comes first
    return at_max[first_of_page][layout.page_of]


def _from_densest(
    densest: np.ndarray,
    marked: np.ndarray,
    since_prose: np.ndarray,
    until_prose: np.ndarray,
    layout: _Layout,
) -> tuple[np.ndarray, np.ndarray]:
    """What lies between each line and its page's densest stretch of prose: how many
    ``marked`` lines, and the longest run of lines that are not prose.

    ``since_prose`` and ``until_prose`` are each line's distance to the prose line
    before and after it (``_lines_since``, ``_lines_until``): on a line that is not
    prose, the length of its run up to that line and from it.

    An article is one stretch of prose; what follows a share bar and a newsletter
    box, or a long run of menu and teaser lines, is seldom more of it, however well
    written (comments, an author's bio, the next article's opening).
    """
    index = layout.index
    markers_before = np.concatenate(([0], np.cumsum(marked)))  # markers before each index
    after = index > densest
    before = index < densest
    between = np.where(
        after,
        markers_before[index] - markers_before[np.minimum(densest + 1, len(index))],
        np.where(before, markers_before[densest] - markers_before[index + 1], 0),
    )
    # Runs of lines that are not prose, counted only from beyond the densest line.
    since_prose = np.minimum(since_prose, index - densest)
    until_prose = np.minimum(until_prose, densest - index)
    # The longest run between the densest line and each line: a maximum accumulated
    # away from the densest line, page by page (each page's values are lifted above
    # those of the pages before it, so the maximum never crosses a page).
    lift = layout.page_of * (len(index) + 1)
    forward = np.maximum.accumulate(np.where(after, since_prose, 0) + lift) - lift
    reverse_lift = (layout.page_of[-1] - layout.page_of[::-1]) * (len(index) + 1)
    backward = (
        np.maximum.accumulate(np.where(before, until_prose, 0)[::-1] + reverse_lift) - reverse_lift
    )[::-1]
    gap = np.where(after, forward, np.where(before, backward, 0))
    return between.astype(np.float64), np.minimum(gap, _SECTION_CAP).astype(np.float64)


def _runs(
    chars: np.ndarray,
    words: np.ndarray,
    ends_terminal: np.ndarray,
    starts_lower: np.ndarray,
    starts_continuation: np.ndarray,
    layout: _Layout,
) -> tuple[np.ndarray, ...]:
    """The paragraph each line is part of: its characters, words, end and lines.

    A line continues the one above when that one does not end a sentence and
    this one starts in lower case or with punctuation: a converter that writes
    each text node on its own line cuts a paragraph at every link, and the
    pieces should be judged as the paragraph they make.
    """
    continues = np.zeros(len(chars), dtype=bool)
    continues[1:] = ~ends_terminal[:-1] & ((starts_lower[1:] + starts_continuation[1:]) > 0)
    continues[layout.starts] = False  # a page's first line continues nothing
    run = np.cumsum(~continues) - 1
    run_chars = np.bincount(run, weights=chars)
    run_words = np.bincount(run, weights=words)
    run_lines = np.bincount(run).astype(np.float64)
    last_line = np.cumsum(np.bincount(run)) - 1
    return (
        np.log1p(run_chars[run]),
        run_words[run],
        ends_terminal[last_line][run].astype(np.float64),
        run_lines[run],
    )


def line_features(
    lines: list[str], markers: list[Marker | None], odds: WordOdds | None = None
) -> np.ndarray:
    """The feature matrix of a page's lines, one row per line, columns ``FEATURE_NAMES``.

    ``lines`` are the texts of ``segment_text``'s blocks (non-empty, no line
    break); ``markers`` what the phrase book says of each; ``odds`` the word
    lexicon (the shipped one unless given: training builds its own).
    """
    return pages_line_features([lines], [markers], odds)


def pages_line_features(
    pages: list[list[str]],
    markers: list[list[Marker | None]],
    odds: WordOdds | None = None,
) -> np.ndarray:
    """``line_features`` of several pages in one pass: their rows, page after page.

    A page's rows are exactly those it gets alone (context stops at its
    first and last line). One pass costs a fraction of one per page: most
    of the cost of a page's features is the fixed cost of each array
    operation, paid here once per batch.
    """
    # A page without lines has no rows; leaving it out keeps every page of the layout whole.
    with_lines = [(page, found) for page, found in zip(pages, markers, strict=True) if page]
    pages, markers = [page for page, _ in with_lines], [found for _, found in with_lines]
    layout = _Layout.of([len(page) for page in pages])
    lines = list(chain.from_iterable(pages))
    count = len(lines)
    if count == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    text = line_codes(lines)
    codes, starts = text.codes, text.starts
    chars = (np.append(starts[1:], len(codes)) - starts - 1).astype(np.float64)
    ends = starts + chars.astype(np.intp)
    own = _per_line_counts(text, chars)
    own.update(_pattern_hits(lines, chars, own["digits"]))

    last = codes[ends - 1]
    before_last = codes[np.maximum(ends - 2, starts)]
    first = codes[starts]
    words = own["words"]
    letters = np.maximum(own["letters"], 1.0)
    own["log_chars"] = np.log1p(chars)
    own["word_length"] = own["letters"] / np.maximum(words, 1.0)
    own["capital_share"] = own["capitals"] / letters
    own["capital_word_share"] = own["capital_words"] / np.maximum(words, 1.0)
    own["digit_share"] = own["digits"] / chars
    own["letter_share"] = own["letters"] / chars
    marks = _mark_table()
    last_marks = marks[np.minimum(last, 0xFFFF)]
    first_marks = marks[np.minimum(first, 0xFFFF)]
    ends_terminal = ((last_marks & _TERMINAL) > 0) | (
        ((last_marks & _CLOSER) > 0) & ((marks[np.minimum(before_last, 0xFFFF)] & _TERMINAL) > 0)
    )
    own["ends_terminal"] = ends_terminal.astype(np.float64)
    own["ends_colon"] = (last == ord(":")).astype(np.float64)
    # A teaser's excerpt is cut short ("Every January, companies promise that..."): its
    # sentence end is not one.
    own["ends_ellipsis"] = (
        (last == ord("…")) | ((last == ord(".")) & (before_last == ord(".")))
    ).astype(np.float64)
    first_class = _class_table()[np.minimum(first, 0xFFFF)]
    own["starts_capital"] = (first_class == 2).astype(np.float64)
    own["starts_digit"] = ((first >= 48) & (first <= 57)).astype(np.float64)
    own["starts_bullet"] = ((first_marks & _BULLET) > 0).astype(np.float64)
    own["starts_lower"] = (first_class == 1).astype(np.float64)
    own["starts_continuation"] = ((first_marks & _CONTINUATION) > 0).astype(np.float64)
    body_like = ((words >= 8) & ends_terminal) | (chars >= 150)
    own["body_like"] = body_like.astype(np.float64)
    own["repeats"], own["first_occurrence"] = _repetition(pages)
    marked = np.zeros((len(MARKER_KINDS), count))
    section_open = np.zeros(count, dtype=bool)
    marked_kinds = [
        (start + line, kind)
        for start, page_markers in zip(layout.starts.tolist(), markers, strict=True)
        for line, (kind, _) in marked_lines(page_markers)
    ]
    for position, kind in marked_kinds:
        if kind in MARKER_KINDS:
            marked[MARKER_KINDS.index(kind), position] = 1.0
        section_open[position] = kind in _SECTION_KINDS
    for kind, column in zip(MARKER_KINDS, marked, strict=True):
        own[f"marker_{kind.value}"] = column

    body_chars = chars * body_like
    page_body_chars = layout.page_sums(body_chars)
    total_body_chars = np.maximum(page_body_chars, 1.0)
    # One row per feature, each written where the model reads it: the matrix is made once.
    matrix = np.empty((len(FEATURE_NAMES), count))
    for row, name in enumerate(_OWN_COLUMNS):
        matrix[row] = own[name]
    neighbours_end = _NEIGHBOURS_START + len(_NEIGHBOUR_OFFSETS) * len(_NEIGHBOUR_COLUMNS)
    _shifted(
        np.array([own[name] for name in _NEIGHBOUR_COLUMNS]),
        _NEIGHBOUR_OFFSETS,
        layout,
        matrix[_NEIGHBOURS_START:neighbours_end],
    )
    # Lines that state a date or a time: dense in comment threads and teaser lists, rare in prose.
    dated = np.maximum.reduce(
        (own["time_of_day"], own["numeric_date"], own["month_date"], own["marker_timestamp"])
    )
    windowed = np.array(
        (own["body_like"], _exact(own["log_chars"]), body_chars, dated, own["ends_ellipsis"])
    )
    sums, lines_in = _window_sums(windowed, _WINDOWS, layout)
    sums[:, :2] /= lines_in[:, None]
    sums[:, 2] /= total_body_chars
    sums[:, 3:] /= lines_in[:, None]
    windows_end = neighbours_end + sums.shape[0] * sums.shape[1]
    matrix[neighbours_end:windows_end] = sums.reshape(-1, count)
    index = (layout.index - layout.first).astype(np.float64)
    size = layout.size.astype(np.float64)
    body_count = np.cumsum(body_like)
    section_line = np.maximum.accumulate(np.where(section_open, layout.index, -1))
    body_since_section = np.where(
        section_line >= layout.first, body_count - body_count[np.maximum(section_line, 0)], -1.0
    )
    density = _window_sums(body_chars[None, :], (5,), layout)[0][0, 0]
    densest = _densest(density, layout)
    # Section markers have their own columns (lines_since_section, ...); these are the rest.
    other_markers = marked[[kind not in _SECTION_KINDS for kind in MARKER_KINDS]].any(axis=0)
    since_body = _lines_since(body_like, _SECTION_CAP, layout)
    until_body = _lines_until(body_like, _SECTION_CAP, layout)
    markers_between, gap_between = _from_densest(
        densest, other_markers, since_body, until_body, layout
    )
    chars_before = np.cumsum(chars) - chars
    body_chars_before = np.cumsum(body_chars) - body_chars
    place = (
        index / size,
        (chars_before - chars_before[layout.first]) / layout.page_sums(chars),
        (body_chars_before - body_chars_before[layout.first]) / total_body_chars,
        since_body,
        until_body,
        np.log1p(size),
        np.log1p(page_body_chars),
        chars / np.maximum.reduceat(chars, layout.starts)[layout.page_of],
        _lines_since(section_open, _SECTION_CAP, layout),
        body_since_section,
        _lines_until(section_open, _SECTION_CAP, layout),
        (layout.index - densest) / size,
        markers_between,
        gap_between,
        *_runs(
            chars, words, ends_terminal, own["starts_lower"], own["starts_continuation"], layout
        ),
    )
    for row, values in enumerate(place, start=windows_end):
        matrix[row] = values
    lexical = _word_rows(text, word_odds() if odds is None else odds, layout)
    matrix[windows_end + len(place) :] = lexical
    # Lines by features in memory, read as lines by features: a feature's
    # values for all lines are contiguous, which is how the model reads them.
    return matrix.T


def lexicon_columns(lines: list[str], odds: WordOdds) -> np.ndarray:
    """The lexicon's columns (``_word_rows``) of one page's lines, one row per line: the
    HTML blocks read them too, each block's text folded to one line."""
    return _word_rows(line_codes(lines), odds, _Layout.of([len(lines)])).T


def _word_rows(text: LineCodes, odds: WordOdds, layout: _Layout) -> np.ndarray:
    """The lexicon's columns: mean log-odds of each line's known words, their share, the least,
    and the mean over the lines around it; NaN where no word is known, and on every line of
    a page in another language than the lexicon's."""
    words, known, sums, least, function_words = line_word_sums(text, odds)
    with np.errstate(invalid="ignore", divide="ignore"):
        window_sums, _ = _window_sums(np.array((_exact(sums), known)), WORD_WINDOWS, layout)
        rows = np.concatenate(
            (
                np.array((sums / known, known / np.maximum(words, 1.0), least)),
                window_sums[:, 0] / window_sums[:, 1],
            )
        )
    in_language = layout.page_sums(function_words) >= odds.min_function_share * np.maximum(
        layout.page_sums(words), 1.0
    )
    rows[:, ~in_language] = np.nan
    return rows


def _repetition(pages: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """How often each line occurs in its page, and 1 where it occurs for the first time.

    Each line is looked up once, for the index of its first occurrence: the lines that
    share it are its copies, counted by numpy (a ``Counter`` of the lines took 40% longer).
    """
    count = sum(map(len, pages))
    repeats = np.empty(count)
    first_seen = np.empty(count)
    start = 0
    for lines in pages:
        size = len(lines)
        # Built from the end, the dictionary keeps each line's first index.
        first_index = dict(zip(reversed(lines), range(size - 1, -1, -1), strict=True))
        first = np.fromiter(map(first_index.__getitem__, lines), np.intp, size)
        repeats[start : start + size] = np.bincount(first, minlength=size)[first]
        first_seen[start : start + size] = first == np.arange(size)
        start += size
    return repeats, first_seen
