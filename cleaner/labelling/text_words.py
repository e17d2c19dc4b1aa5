"""What the words of a line say about it: a learned lexicon of word log-odds.

Phrases name clutter a person can list ("Read next", "All rights reserved");
many more words lean one way without being a phrase: menu and shop words
("login", "cart", "price", "reviews"), dates and counts ("posted", "views"),
against the words of prose. ``text_words.json`` holds, for each word seen on
enough sites of the training dumps, the log-odds that a line holding it is
article text rather than clutter (``bench/train_text_lines.py`` builds it: a
word must occur on many sites, so no site's own vocabulary gets in).
The line model reads, per line, the mean and the least log-odds of its known
words and the share of its words that are known, and the mean over the lines
around it.

A lexicon speaks for the language it was counted in (the training pages are
English): in another language the same words mean other things ("en", "de",
"la" are menu items of language switchers on English pages, and prose in
Spanish). So a page in another language gets no lexicon columns (NaN, as a
line without a known word), and the model is trained with a share of pages
without them, so that it labels such pages from the other features alone.
The language is told by the share of the page's words that are the
language's commonest words ("the", "and", "of"), also learned (``WordOdds``).

A page has some 3,000 words, so nothing here makes a string per word: words
are runs of word characters (letters, digits, the underscore) in the page's
code points, lower-cased by a table, hashed in one pass (a polynomial hash
modulo 2**64, then mixed) and looked up in an open-addressing table of the
lexicon's hashes, all as array operations. Words of digits alone are left
out. Training reads the same words as strings (``page_words``), so the
lexicon holds exactly the words this finds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import numpy as np

from cleaner.resources import data_file

_LEXICON = "models/text_words.json"
# Code points beyond the Basic Multilingual Plane are never word characters here.
_BEYOND_BMP = 0x10000
_CODE_POINTS = 0x110000
_OTHER, _WORD, _DIGIT = 0, 1, 2
# The state of a slot of the lexicon's hash table: bits.
_TAKEN, _FUNCTION = 1, 2
# The hash: an odd base (invertible modulo 2**64), and the length mixed in.
_BASE = np.uint64(0x100000001B3)
_BASE_INVERSE = np.uint64(pow(int(_BASE), -1, 2**64))
_LENGTH_MIX = np.uint64(0x9E3779B97F4A7C15)
_MIXERS = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))


@cache
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """For every code point: its kind (other, word character, ASCII digit); and for every
    word character of the BMP its lower-case code point (0 for the others). Word characters
    beyond the BMP are left out."""
    kinds = np.zeros(_CODE_POINTS, dtype=np.uint8)
    lower = np.zeros(_BEYOND_BMP, dtype=np.uint64)
    for code in range(_BEYOND_BMP):
        char = chr(code)
        if char.isalnum() or char == "_":
            kinds[code] = _DIGIT if "0" <= char <= "9" else _WORD
            lowered = char.lower()
            lower[code] = ord(lowered) if len(lowered) == 1 else code
    return kinds, lower


@cache
def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """``_BASE ** j`` and ``_BASE ** -j`` modulo 2**64, for j up to ``size``."""
    one = np.ones(1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        powers = np.concatenate((one, np.cumprod(np.full(size, _BASE, dtype=np.uint64))))
        inverse = np.concatenate((one, np.cumprod(np.full(size, _BASE_INVERSE, dtype=np.uint64))))
    return powers, inverse


@dataclass(frozen=True, slots=True)
class PageWords:
    """The words of a batch of lines, in order: the line each is in and what it hashes to.

    ``lowered`` holds the text's code points, word characters in lower case and
    the others 0; word ``i`` is ``lowered[first[i]:last[i]]``.
    """

    lines: np.ndarray
    hashes: np.ndarray  # uint64
    first: np.ndarray
    last: np.ndarray
    lowered: np.ndarray


class LineCodes(NamedTuple):
    """Lines as code points, the form ``find_words`` and the line features read: ``codes``,
    the lines joined, each ended by a line feed; ``starts``, where each line starts;
    ``line_of``, the line of every code point (its line feed included)."""

    codes: np.ndarray
    starts: np.ndarray
    line_of: np.ndarray


def find_words(text: LineCodes) -> PageWords:
    """The words (not of digits alone) of the lines ``text`` holds.

    A word is a run of word characters; it hashes as the polynomial of its lower-cased
    code points, read where it stands (the other characters count 0 and lie outside it).
    """
    codes = text.codes
    kinds, lower = _tables()
    kind = kinds.take(codes)  # half the cost of ``kinds[codes]``
    edges = np.flatnonzero(np.diff(kind.astype(bool), prepend=False, append=False))
    first, last = edges[0::2], edges[1::2]
    letters = np.zeros(len(codes) + 1, dtype=np.int32)
    np.cumsum(kind == _WORD, dtype=np.int32, out=letters[1:])
    with_letter = letters[last] > letters[first]
    first, last = first[with_letter], last[with_letter]
    lowered = lower[np.minimum(codes, _BEYOND_BMP - 1)]
    # A power of two at least as long, so that the powers are made for few sizes.
    powers, inverse = _powers(1 << max(len(codes), 1).bit_length())
    with np.errstate(over="ignore"):
        prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
        np.cumsum(lowered * powers[: len(codes)], out=prefix[1:])
        hashes = (prefix[last] - prefix[first]) * inverse[first]
        hashes ^= (last - first).astype(np.uint64) * _LENGTH_MIX
        # Mixed (MurmurHash3's finaliser), so that the table's slots, the top bits, spread.
        for multiplier in _MIXERS:
            hashes ^= hashes >> np.uint64(33)
            hashes *= multiplier
        hashes ^= hashes >> np.uint64(33)
    # Each word's line is its first character's: a gather, three times faster than a binary
    # search of the line starts for every word.
    return PageWords(text.line_of[first], hashes, first, last, lowered)


def page_words(lines: list[str]) -> list[list[str]]:
    """The words of each line, as strings: what the lexicon is counted on (training)."""
    if not lines:
        return []
    found = _words_of_lines(lines)
    lowered = found.lowered.astype(np.uint32).tobytes().decode("utf-32-le")
    words: list[list[str]] = [[] for _ in lines]
    for first, last, line in zip(
        found.first.tolist(), found.last.tolist(), found.lines.tolist(), strict=True
    ):
        words[line].append(lowered[first:last])
    return words


def line_codes(lines: list[str]) -> LineCodes:
    """``lines`` as code points (``LineCodes``)."""
    text = "\n".join(lines) + "\n"
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    sizes = np.fromiter(map(len, lines), dtype=np.intp, count=len(lines)) + 1
    return LineCodes(codes, np.cumsum(sizes) - sizes, np.repeat(np.arange(len(lines)), sizes))


def _words_of_lines(lines: list[str]) -> PageWords:
    """``find_words`` of lines given as strings."""
    return find_words(line_codes(lines))


@dataclass(frozen=True)
class WordOdds:
    """A lexicon: each word's log-odds of article text, and how to tell its language.

    ``function_words`` are the most common words of the language's prose
    ("the", "and", "of"); a page is in the lexicon's language when at least
    ``min_function_share`` of its words are among them (English prose has a
    quarter; a page in another language next to none).
    """

    language: str
    odds: dict[str, float]
    function_words: tuple[str, ...]
    min_function_share: float
    # An open-addressing hash table of the words (linear probing): each slot's word
    # hash, log-odds (NaN when empty), and state (``_TAKEN``, and ``_FUNCTION`` for a
    # function word).
    _table: tuple[np.ndarray, np.ndarray, np.ndarray] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = list(dict.fromkeys([*self.odds, *self.function_words]))
        hashes = _words_of_lines(words).hashes if words else []
        # At least 16 slots a word: a page's words are mostly not in the lexicon, and in a
        # table this sparse most of them end at their first, empty, slot (a quarter as many
        # slots took half as long again to look a page's words up; 2.4 MB for 6,700 words).
        bits = max(4, (16 * len(words)).bit_length())
        slots, values = np.zeros(1 << bits, dtype=np.uint64), np.full(1 << bits, np.nan)
        states = np.zeros(1 << bits, dtype=np.uint8)
        function_words = set(self.function_words)
        for word, hashed in zip(words, np.asarray(hashes, dtype=np.uint64).tolist(), strict=True):
            slot = hashed >> (64 - bits)
            while states[slot]:
                slot = (slot + 1) & ((1 << bits) - 1)
            slots[slot], values[slot] = hashed, self.odds.get(word, np.nan)
            states[slot] = _TAKEN | (_FUNCTION if word in function_words else 0)
        object.__setattr__(self, "_table", (slots, values, states))

    def look_up(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The log-odds of each hashed word (NaN for a word not in the lexicon), and
        whether it is a function word."""
        slots, values, states = self._table
        mask = np.uint64(len(slots) - 1)
        slot = hashes >> np.uint64(64 - (len(slots).bit_length() - 1))
        # Most words end at the first probe, in their own slot or an empty one: that
        # probe reads every word's slot whole, without picking the words out.
        hit = slots[slot] == hashes
        found = np.where(hit, values[slot], np.nan)
        state = states[slot]
        is_function = hit & ((state & _FUNCTION) > 0)
        # Probe on, slot after slot, only for the words not found whose slot was taken.
        which = np.flatnonzero(~hit & (state > 0))
        hashes, slot = hashes[which], (slot[which] + np.uint64(1)) & mask
        while len(which):
            hit = slots[slot] == hashes
            found[which[hit]] = values[slot[hit]]
            is_function[which[hit]] = (states[slot[hit]] & _FUNCTION) > 0
            going_on = ~hit & (states[slot] > 0)
            which, hashes = which[going_on], hashes[going_on]
            slot = (slot[going_on] + np.uint64(1)) & mask
        return found, is_function


@cache
def word_odds() -> WordOdds:
    """The shipped lexicon (log-odds against the training set's rate of article text)."""
    stored = json.loads(data_file(_LEXICON).read_text(encoding="utf-8"))
    return WordOdds(
        stored["language"],
        stored["odds"],
        tuple(stored["function_words"]),
        float(stored["min_function_share"]),
    )


def line_word_sums(text: LineCodes, odds: WordOdds) -> tuple[np.ndarray, ...]:
    """For each line of ``text``: its words, its known words, their log-odds' sum and
    least, and its function words. The least is NaN for a line without a known word.
    """
    count = len(text.starts)
    found = find_words(text)
    values, is_function = odds.look_up(found.hashes)
    known = ~np.isnan(values)
    words = np.bincount(found.lines, minlength=count).astype(np.float64)
    function_words = np.bincount(found.lines[is_function], minlength=count).astype(np.float64)
    known_lines, known_values = found.lines[known], values[known]
    known_words = np.bincount(known_lines, minlength=count).astype(np.float64)
    sums = np.bincount(known_lines, weights=known_values, minlength=count)
    least = np.full(count, np.nan)
    if len(known_lines):
        # Words come in line order: each line's known words are one run.
        first = np.flatnonzero(np.concatenate(([True], known_lines[1:] != known_lines[:-1])))
        least[known_lines[first]] = np.minimum.reduceat(known_values, first)
    return words, known_words, sums, least, function_words
