"""What the line model sees of each line of a text dump: one row of numbers per line.

A page has a few hundred lines and must be labelled in about a millisecond, so
nothing here loops over characters in Python. The page's lines are joined
into one string, viewed as an array of code points, and every character
count (letters, capitals, digits, punctuation, word starts) is a numpy
reduction per line; the few patterns (times, dates, counts) are one regular
expression pass over the short lines that hold a digit. Context is the same numbers shifted to
the neighbours and averaged over windows, and where the line sits in the page
(relative position, share of the page's sentence-like text before it, lines
since a "Read next" or "Comments" marker).

Nothing depends on a converter's habits: a line is whatever the dump wrote on
one line, a whole paragraph or a link's text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

import numpy as np

from cleaner.blocks.block import Kind
from cleaner.labelling.phrases import Marker, phrase_book

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
_WORD_BY_NUMBER = re.compile(
    r"\b([^\W\d_]{3,})\.?\s+\d{1,2}(?!\d)|\b\d{1,2}(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?([^\W\d_]{3,})"
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


def _feature_names() -> tuple[str, ...]:
    names = list(_OWN_COLUMNS)
    for offset in _NEIGHBOUR_OFFSETS:
        names.extend(f"{column}@{offset:+d}" for column in _NEIGHBOUR_COLUMNS)
    for window in _WINDOWS:
        names.extend((f"body_share~{window}", f"log_chars~{window}", f"body_chars_share~{window}"))
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
            "log_run_chars",
            "run_words",
            "run_ends_terminal",
            "run_lines",
        )
    )
    return tuple(names)


FEATURE_NAMES = _feature_names()


def _per_line_counts(codes: np.ndarray, chars: np.ndarray) -> dict[str, np.ndarray]:
    """Characters of each class, and word starts of each kind, in every line.

    ``codes`` are the code points of the lines joined, each followed by a line
    break; one ``bincount`` over (line, class) pairs counts the characters,
    another over (line, kind) pairs the word starts.
    """
    count = len(chars)
    line_of = np.repeat(np.arange(count), chars.astype(np.intp) + 1)
    looked_up = _counting_table()[np.minimum(codes, _BEYOND_BMP)]
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
    text = "\n".join([lines[index] for index in short])
    offsets = np.concatenate(([0], np.cumsum(chars[short][:-1] + 1)))

    def mark(name: str, positions: list[int]) -> None:
        if positions:
            hits[name][short[np.searchsorted(offsets, positions, side="right") - 1]] = 1.0

    for name, pattern in _PATTERNS:
        mark(name, [found.start() for found in pattern.finditer(text)])
    months = phrase_book().month_numbers
    mark(
        "month_date",
        [
            found.start()
            for found in _WORD_BY_NUMBER.finditer(text)
            if (found.group(1) or found.group(2)).lower() in months
        ],
    )
    return hits


def _shifted(rows: np.ndarray, offsets: tuple[int, ...]) -> list[np.ndarray]:
    """The rows of ``rows`` (one per feature) read at each offset, NaN past either end of the page.

    The result holds, for each offset in turn, all the rows of ``rows``.
    """
    width, count = rows.shape
    pad = max(abs(offset) for offset in offsets)
    padded = np.full((width, count + 2 * pad), np.nan)
    padded[:, pad : pad + count] = rows
    return [padded[:, pad + offset : pad + offset + count] for offset in offsets]


def _window_sums(
    rows: np.ndarray, radii: tuple[int, ...]
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """For each radius, row sums over the lines within it of each line, and how many lines.

    ``rows`` holds one row per feature. The running sums are made once, and
    padded with their first and last values so that every window is the
    difference of two slices (a window is cut short at either end of the page).
    """
    width, count = rows.shape
    pad = max(radii) + 1
    total = np.zeros((width, count + 1 + 2 * pad))
    np.cumsum(rows, axis=1, out=total[:, pad + 1 : pad + 1 + count])
    total[:, pad + 1 + count :] = total[:, pad + count : pad + 1 + count]
    index = np.arange(count)
    for radius in radii:
        high = total[:, pad + radius + 1 : pad + radius + 1 + count]
        low = total[:, pad - radius : pad - radius + count]
        lines = np.minimum(index + radius + 1, count) - np.maximum(index - radius, 0)
        yield high - low, lines.astype(np.float64)


def _lines_since(flags: np.ndarray, cap: float) -> np.ndarray:
    """For each line, lines since the last flagged line at or before it (``cap`` if none)."""
    index = np.arange(len(flags))
    last = np.maximum.accumulate(np.where(flags, index, -1))
    return np.where(last >= 0, np.minimum(index - last, cap), cap)


def _lines_until(flags: np.ndarray, cap: float) -> np.ndarray:
    return _lines_since(flags[::-1], cap)[::-1]


def _runs(
    chars: np.ndarray,
    words: np.ndarray,
    ends_terminal: np.ndarray,
    starts_lower: np.ndarray,
    starts_continuation: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """The paragraph each line is part of: its characters, words, end and lines.

    A line continues the one above when that one does not end a sentence and
    this one starts in lower case or with punctuation: a converter that writes
    each text node on its own line cuts a paragraph at every link, and the
    pieces should be judged as the paragraph they make.
    """
    continues = np.zeros(len(chars), dtype=bool)
    continues[1:] = ~ends_terminal[:-1] & ((starts_lower[1:] + starts_continuation[1:]) > 0)
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


def line_features(lines: list[str], markers: list[Marker | None]) -> np.ndarray:
    """The feature matrix of a page's lines, one row per line, columns ``FEATURE_NAMES``.

    ``lines`` are the texts of ``segment_text``'s blocks (non-empty, no line
    break); ``markers`` what the phrase book says of each.
    """
    count = len(lines)
    if count == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    text = "\n".join(lines) + "\n"
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    chars = np.fromiter(map(len, lines), dtype=np.float64, count=count)
    starts = np.concatenate(([0], np.cumsum(chars[:-1] + 1))).astype(np.intp)
    ends = starts + chars.astype(np.intp)
    own = _per_line_counts(codes, chars)
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
    first_class = _class_table()[np.minimum(first, 0xFFFF)]
    own["starts_capital"] = (first_class == 2).astype(np.float64)
    own["starts_digit"] = ((first >= 48) & (first <= 57)).astype(np.float64)
    own["starts_bullet"] = ((first_marks & _BULLET) > 0).astype(np.float64)
    own["starts_lower"] = (first_class == 1).astype(np.float64)
    own["starts_continuation"] = ((first_marks & _CONTINUATION) > 0).astype(np.float64)
    body_like = ((words >= 8) & ends_terminal) | (chars >= 150)
    own["body_like"] = body_like.astype(np.float64)
    occurrences = Counter(lines)
    own["repeats"] = np.fromiter(map(occurrences.__getitem__, lines), np.float64, count)
    first_seen = np.zeros(count)
    # Built from the end, the dictionary keeps each line's first index.
    first_index = dict(zip(reversed(lines), range(count - 1, -1, -1), strict=True))
    first_seen[list(first_index.values())] = 1.0
    own["first_occurrence"] = first_seen
    marked = np.zeros((len(MARKER_KINDS), count))
    section_open = np.zeros(count, dtype=bool)
    marked_lines = [(line, marker[0]) for line, marker in enumerate(markers) if marker is not None]
    for position, kind in marked_lines:
        if kind in MARKER_KINDS:
            marked[MARKER_KINDS.index(kind), position] = 1.0
        section_open[position] = kind in _SECTION_KINDS
    for kind, column in zip(MARKER_KINDS, marked, strict=True):
        own[f"marker_{kind.value}"] = column

    body_chars = chars * body_like
    total_body_chars = max(body_chars.sum(), 1.0)
    # One row per feature, stacked once at the end: cheaper than stacking columns.
    rows: list[np.ndarray] = [own[name] for name in _OWN_COLUMNS]
    rows.extend(_shifted(np.array([own[name] for name in _NEIGHBOUR_COLUMNS]), _NEIGHBOUR_OFFSETS))
    windowed = np.array((own["body_like"], own["log_chars"], body_chars / total_body_chars))
    for sums, lines_in in _window_sums(windowed, _WINDOWS):
        sums[:2] /= lines_in
        rows.append(sums)
    index = np.arange(count, dtype=np.float64)
    since_section = _lines_since(section_open, _SECTION_CAP)
    body_count = np.cumsum(body_like)
    section_line = np.maximum.accumulate(np.where(section_open, np.arange(count), -1))
    body_since_section = np.where(
        section_line >= 0, body_count - body_count[np.maximum(section_line, 0)], -1.0
    )
    density = next(_window_sums(body_chars[None, :], (5,)))[0][0]
    rows.extend(
        (
            index / count,
            (np.cumsum(chars) - chars) / chars.sum(),
            (np.cumsum(body_chars) - body_chars) / total_body_chars,
            _lines_since(body_like, _SECTION_CAP),
            _lines_until(body_like, _SECTION_CAP),
            np.full(count, np.log1p(count)),
            np.full(count, np.log1p(body_chars.sum())),
            chars / chars.max(),
            since_section,
            body_since_section,
            _lines_until(section_open, _SECTION_CAP),
            (index - float(np.argmax(density))) / count,
            *_runs(chars, words, ends_terminal, own["starts_lower"], own["starts_continuation"]),
        )
    )
    # Lines by features in memory, read as lines by features: a feature's
    # values for all lines are contiguous, which is how the model reads them.
    return np.vstack(rows).T
