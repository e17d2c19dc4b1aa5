"""Which line of a text dump is the page's title: candidates scored by a learned model.

The title is not part of the body, and it fills the article's ``title``. What
marks it depends on the converter that wrote the dump: html-text and
BeautifulSoup write the page's ``<title>`` as the first line and the headline
again above the body; inscriptis and html2text skip ``<title>``, and number
or bullet the breadcrumb that repeats the headline. A rule anchored on the
first line fails on the second kind of dump (1% of titles right against
65%). So the short lines of the page's head each get features of their own
shape, of where they stand (before the first line the line model keeps, next
to a date or a byline), of how their words echo the first line and the body's
opening lines, and of how often the page repeats them. A tree ensemble
trained by ``bench/train_text_title.py`` (on dumps with their first line
and, to stand for converters without ``<title>``, without it) scores them;
the best one is the title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np

from cleaner.blocks.block import Kind
from cleaner.labelling.forest import ObliviousForest, load_forest
from cleaner.labelling.text_features import FEATURE_NAMES, MARKER_KINDS
from cleaner.resources import thresholds

_MODEL = "text_title.json"
_WORD = re.compile(r"\w+")
_STEM_CHARS = 4
# "Headline - Site", "Site | Section | Headline": the separators of a page title; with
# ":" too ("Docs: Chapter 11"), the parts the first line's feature counts.
_SEPARATOR_MARKS = "|\\-–—·•»"
_TITLE_SEPARATOR = re.compile(rf"\s+[{_SEPARATOR_MARKS}]{{1,2}}\s+")
_TITLE_PARTS = re.compile(rf"\s+[{_SEPARATOR_MARKS}:]{{1,2}}\s+")
# A list item's mark before a line's text: "* Cloud", "2. Headline", "+ Reference".
_LIST_MARK = re.compile(r"^\s*(?:[*+•·\-–—►▸>|#]+|\d{1,2}[.)])\s+")
# The characters a line with a list mark starts with, white space aside.
_LIST_MARK_STARTS = frozenset(" \t\n\r\f\v*+•·-–—►▸>|#0123456789")
_COLUMN = {name: index for index, name in enumerate(FEATURE_NAMES)}
_SECTION_MARKERS = [_COLUMN[f"marker_{kind.value}"] for kind in (Kind.RELATED, Kind.COMMENTS)]
# The line's own columns of the line features, read as they are.
_LINE_COLUMNS = (
    "words",
    "chars",
    "capital_word_share",
    "capital_share",
    "digit_share",
    "ends_terminal",
    "ends_colon",
    "starts_bullet",
    "starts_lower",
    "repeats",
    "first_occurrence",
    "body_like",
    "time_of_day",
    "numeric_date",
    "month_date",
    "word_odds",
    "known_word_share",
    "log_body_chars",
    "log_lines",
    *(f"marker_{kind.value}" for kind in MARKER_KINDS),
)
_OWN_COLUMNS = (
    "index",
    "order",
    "relative_index",
    "lines_to_body",
    "first_kept",
    "page_lines",
    "is_first_line",
    "kept",
    "probability",
    "probability_before",
    "probability_after",
    "words_before",
    "words_after",
    "date_before",
    "date_after",
    "date_two_after",
    "byline_before",
    "byline_after",
    "byline_two_after",
    "question",
    "has_separator",
    "first_line_has_separator",
    "first_line_words",
    "first_line_jaccard",
    "first_line_cover",
    "in_first_line",
    "inside_first_line",
    "share_of_first_line",
    "opening_share",
    "times_on_page",
    "times_past_candidates",
)
TITLE_FEATURE_NAMES = (*_LINE_COLUMNS, *_OWN_COLUMNS)
_LINE_COLUMN_INDICES = np.array([_COLUMN[name] for name in _LINE_COLUMNS], dtype=np.intp)
_FIRST_LINE_COVER = TITLE_FEATURE_NAMES.index("first_line_cover")
_NO_CANDIDATES = (np.zeros(0, dtype=np.intp), np.zeros((0, len(TITLE_FEATURE_NAMES))))


def without_list_mark(line: str) -> str:
    """A line without the bullet or number a converter wrote before a list item."""
    first = line[:1]
    # Most lines start with a letter: they need no regular expression.
    return _LIST_MARK.sub("", line) if first in _LIST_MARK_STARTS or first.isspace() else line


def without_site_name(title: str) -> str:
    """A page title without the site's name: "Headline - Site" -> "Headline".

    The headline is the longest of the parts a separator cuts the title into.
    """
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    return max(parts, key=len) if parts else title


def title_text(line: str) -> str:
    """The title a title line states: without a list mark and the site's name."""
    return without_site_name(without_list_mark(line))


def _words(text: str) -> list[str]:
    """The words of ``text``, lower-cased."""
    return _WORD.findall(text.lower())


def _stems(text: str) -> set[str]:
    """The words of ``text`` cut to their first four letters."""
    return _stems_of(_words(text))


def _stems_of(words: list[str]) -> set[str]:
    """``words`` cut to their first four letters.

    A crude stem, but it lets inflected forms ("новые"/"новых", "trend"/"trends")
    count as the same word in any language.
    """
    return {word[:_STEM_CHARS] for word in words}


def _with_words(
    indices: Iterable[int], lines: list[str], wanted: int
) -> dict[int, tuple[str, list[str]]]:
    """The first ``wanted`` of ``indices`` whose line has a word (a list mark aside),
    with its text and its words."""
    found: dict[int, tuple[str, list[str]]] = {}
    for index in indices:
        if len(found) == wanted:
            break
        text = without_list_mark(lines[index])
        if words := _words(text):
            found[index] = (text, words)
    return found


def title_candidates(
    lines: list[str],
    features: np.ndarray,
    probabilities: np.ndarray,
    kept: np.ndarray,
    lowered: list[str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The lines that may be the title, and their features (``TITLE_FEATURE_NAMES``).

    ``features`` are the page's line features, ``probabilities`` the line
    model's, ``kept`` the lines it keeps, ``lowered`` the lines lower-cased
    (by ``str.lower``, as the phrase markers read them; made here if not given).
    Candidates are the short lines (prose is not a title; ``thresholds.yaml``
    says how short) up to the first kept line: a headline the model keeps is
    that line. Letting them run ten lines further, past a teaser kept above the
    headline, found no more titles in cross-validation, and on a dump with no
    headline (the article's first line is prose) it made a title of a later line.
    """
    if not lines:
        return _NO_CANDIDATES
    limits = thresholds("text")
    count = len(lines)
    kept_lines = np.flatnonzero(kept)
    first_kept = int(kept_lines[0]) if len(kept_lines) else count
    limit = min(count, first_kept + 1)
    words = features[:, _COLUMN["words"]]
    short = (words[:limit] >= 1) & (words[:limit] <= limits["title_max_words"])
    # A "Read next" or "Comments" header opens a section: it heads no article.
    short &= features[:limit, _SECTION_MARKERS].sum(axis=1) == 0
    # A line that ends with a full stop is a sentence: the article's first line, not its title.
    short_lines = [
        index for index in np.flatnonzero(short).tolist() if not lines[index].endswith(".")
    ]
    # The headline stands near the body: of a long menu above it, only the lines nearest
    # the body are candidates, and the earliest (the <title>, if the converter wrote it).
    chosen = {
        **_with_words(short_lines, lines, 1),
        **_with_words(reversed(short_lines), lines, limits["title_max_candidates"]),
    }
    if not chosen:
        return _NO_CANDIDATES
    candidates = np.array(sorted(chosen), dtype=np.intp)
    # How often the page writes each candidate, by lower-cased text without a list mark
    # (folding every line of the page as a candidate is folded would cost more than all
    # the rest).
    if lowered is None:
        lowered = [line.lower() for line in lines]
    # A line that starts with a letter has no list mark: only the others are looked at.
    written = list(lowered)
    letter_first = features[:, _COLUMN["starts_capital"]] + features[:, _COLUMN["starts_lower"]]
    for index in np.flatnonzero(letter_first == 0).tolist():
        if lowered[index][:1] in _LIST_MARK_STARTS:
            written[index] = without_list_mark(lowered[index]).strip()
    on_page = Counter(written)
    past_candidates = Counter(written[limit:])
    first_line = lines[0]
    headline = _stems(without_site_name(first_line))
    first_line_word_list = _words(first_line)
    first_line_stems = _stems_of(first_line_word_list)
    first_line_folded = f" {' '.join(first_line_word_list)} "
    first_line_words = len(first_line_word_list)
    opening: set[str] = set()
    for index in kept_lines[: limits["title_opening_lines"]]:
        opening |= _stems(lines[index])
    dated = (
        features[:, _COLUMN["time_of_day"]]
        + features[:, _COLUMN["numeric_date"]]
        + features[:, _COLUMN["month_date"]]
    ) > 0
    byline = features[:, _COLUMN["marker_byline"]] > 0

    # The lines around each candidate, one gather: the page's probabilities, words, dates
    # and bylines, with off-page fills one line before it and two after it.
    padded = np.empty((4, count + 3))
    padded[:, 1 : count + 1] = (probabilities, words, dated, byline)
    padded[:, [0, count + 1, count + 2]] = [[-1.0], [-1.0], [0.0], [0.0]]
    before, after, two_after = (padded[:, candidates + 1 + offset] for offset in (-1, 1, 2))

    echoes = []
    for index in candidates.tolist():
        text, words = chosen[index]
        own = _stems_of(words)
        folded = " ".join(words)
        later = index > 0
        shared = len(own & headline)
        echoes.append(
            (
                shared / (len(own) + len(headline) - shared) if later and headline else -1.0,
                shared / len(headline) if later and headline else -1.0,
                len(own & first_line_stems) / len(own) if later else -1.0,
                float(later and f" {folded} " in first_line_folded),
                len(words) / max(first_line_words, 1) if later else -1.0,
                len(own & opening) / len(own),
                on_page[written[index]],
                past_candidates[written[index]],
                float(text.rstrip().endswith("?")),
                float(bool(_TITLE_SEPARATOR.search(text))),
            )
        )
    echo = np.array(echoes, dtype=float)
    size = len(candidates)
    own_columns = np.column_stack(
        (
            candidates,
            np.arange(size),
            candidates / max(first_kept, 1),
            first_kept - candidates,
            np.full(size, first_kept),
            np.full(size, count),
            candidates == 0,
            kept[candidates],
            probabilities[candidates],
            before[0],
            after[0],
            before[1],
            after[1],
            before[2],
            after[2],
            two_after[2],
            before[3],
            after[3],
            two_after[3],
            echo[:, 8],
            echo[:, 9],
            np.full(size, bool(_TITLE_PARTS.search(first_line))),
            np.full(size, first_line_words),
            echo[:, 0],
            echo[:, 1],
            echo[:, 2],
            echo[:, 3],
            echo[:, 4],
            echo[:, 5],
            echo[:, 6],
            echo[:, 7],
        )
    ).astype(float)
    line_columns = features[np.ix_(candidates, _LINE_COLUMN_INDICES)]
    return candidates, np.hstack((line_columns, own_columns))


def find_titles(
    pages: list[tuple[list[str], np.ndarray, np.ndarray, np.ndarray, list[str]]],
    model: ObliviousForest | None = None,
) -> list[int | None]:
    """The index of each page's title line, or None where no line may be one.

    ``pages`` holds each page's lines, line features, line probabilities, kept
    lines and lines lower-cased (``title_candidates``' arguments). The candidates
    of all pages are scored in one pass of the scorer (its fixed cost is most of
    one page's); each page's title depends on its own candidates only.
    """
    if not pages:
        return []
    listed = [title_candidates(*page) for page in pages]
    scores = (model or load_forest(_MODEL)).decision(np.vstack([rows for _, rows in listed]))
    titles: list[int | None] = []
    start = 0
    for candidates, page_rows in listed:
        end = start + len(candidates)
        if len(candidates):
            best = best_candidate(candidates, page_rows, scores[start:end])
            titles.append(int(candidates[best]))
        else:
            titles.append(None)
        start = end
    return titles


def best_candidate(candidates: np.ndarray, rows: np.ndarray, scores: np.ndarray) -> int:
    """Which candidate is the title: the best-scored one, and the headline over the ``<title>``.

    A ``<title>`` written first is often the headline cut short ("Council
    approves cycle lanes - Gazette" above "Council approves cycle lanes across
    the centre"). When the scorer prefers it, the best-scored line of the page
    that holds every word of it is taken instead: the headline is the title,
    and the line to take out of the body.
    """
    best = int(np.argmax(scores))
    if candidates[best] == 0:
        holding = np.flatnonzero(rows[:, _FIRST_LINE_COVER] >= 1.0)
        if len(holding):
            best = int(holding[np.argmax(scores[holding])])
    return best
