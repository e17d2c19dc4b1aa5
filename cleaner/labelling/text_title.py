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
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

from cleaner.blocks.block import Kind
from cleaner.labelling.forest import ObliviousForest, load_forest
from cleaner.labelling.text_features import FEATURE_NAMES, MARKER_KINDS
from cleaner.resources import thresholds

_MODEL = "text_title.json"
_WORD = re.compile(r"\w+")
_STEM_CHARS = 4
# A word's first four letters (group) and the rest of it: ``findall`` gives the stems.
_STEM = re.compile(rf"(\w{{1,{_STEM_CHARS}}})\w*")
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
# The lines whose columns a candidate's row reads: its own, the one before it and the
# two after it.
_AROUND = np.array([0, -1, 1, 2])
_NO_CANDIDATES = np.zeros(0, dtype=np.intp)
_NO_ROWS = np.zeros((0, len(TITLE_FEATURE_NAMES)))


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
    """The words of ``text``, lower-cased and cut to their first four letters (``_stems_of``)."""
    return _lowered_stems(text.lower())


def _lowered_stems(text: str) -> set[str]:
    """``_stems`` of a text lower-cased already.

    One regular expression cuts the words: no list of them is made (the opening's
    lines are long).
    """
    return set(_STEM.findall(text))


def _stems_of(words: list[str]) -> set[str]:
    """``words`` cut to their first four letters.

    A crude stem, but it lets inflected forms ("новые"/"новых", "trend"/"trends")
    count as the same word in any language.
    """
    return {word[:_STEM_CHARS] for word in words}


def _with_words(
    indices: Iterable[int], lines: list[str], lowered: list[str], wanted: int
) -> dict[int, tuple[str, list[str]]]:
    """The first ``wanted`` of ``indices`` whose line has a word (a list mark aside) and
    is no sentence, with its text and its words lower-cased.

    A line that ends with a full stop is a sentence: the article's first line, not its
    title. The text is read from the line lower-cased (``lowered``): a list mark has no
    case, so that is the line without its mark lower-cased.
    """
    found: dict[int, tuple[str, list[str]]] = {}
    for index in indices:
        if len(found) == wanted:
            break
        if lines[index].endswith("."):
            continue
        text = without_list_mark(lowered[index])
        if words := _WORD.findall(text):
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
    (candidates,), rows = _candidates_of_pages([(lines, features, probabilities, kept, lowered)])
    return candidates, rows


@dataclass(frozen=True, slots=True)
class _PageCandidates:
    """One page's candidate lines and what their rows read of the page: the rows are
    made for a batch of pages at once (``_rows``)."""

    indices: np.ndarray  # (candidates,) the candidate lines, in page order
    first_kept: int  # the first line the line model keeps, or the page's length
    page_lines: int
    first_line_has_separator: bool
    first_line_words: int
    headline_stems: int  # how many stems the headline (the first line's) has
    # (candidates, 4, _LINE_COLUMNS) the line columns of each candidate and of the lines
    # around it (_AROUND), clipped to the page: what lies off it is filled in later.
    around_columns: np.ndarray
    around_probabilities: np.ndarray  # (candidates, 4) the line model's, the same lines
    # What the candidates' texts give, by name: a value a candidate.
    text_counts: dict[str, list[int] | list[bool]]


def _candidates_of_pages(
    pages: list[tuple[list[str], np.ndarray, np.ndarray, np.ndarray, list[str] | None]],
) -> tuple[list[np.ndarray], np.ndarray]:
    """Each page's candidate lines, and the rows of all of them, page after page.

    ``pages`` holds ``title_candidates``' arguments for each page. A page has some
    thirty candidates: their rows are fifty columns of some thirty numbers, and made
    page by page, numpy's cost per call would be most of the work. So the lines are
    read page by page, and the rows made once for the batch.
    """
    limits = thresholds("text")
    found = [_page_candidates(*page, limits) for page in pages]
    candidates = [_NO_CANDIDATES if page is None else page.indices for page in found]
    read = [page for page in found if page is not None]
    return candidates, _rows(read) if read else _NO_ROWS


def _page_candidates(
    lines: list[str],
    features: np.ndarray,
    probabilities: np.ndarray,
    kept: np.ndarray,
    lowered: list[str] | None,
    limits: dict[str, Any],
) -> _PageCandidates | None:
    """One page's candidate lines (see ``title_candidates``), None if it has none."""
    if not lines:
        return None
    count = len(lines)
    kept_lines = np.flatnonzero(kept)
    first_kept = int(kept_lines[0]) if len(kept_lines) else count
    limit = min(count, first_kept + 1)
    words = features[:limit, _COLUMN["words"]]
    short = (words >= 1) & (words <= limits["title_max_words"])
    # A "Read next" or "Comments" header opens a section: it heads no article.
    short &= features[:limit, _SECTION_MARKERS].sum(axis=1) == 0
    short_lines = np.flatnonzero(short).tolist()
    if lowered is None:
        lowered = [line.lower() for line in lines]
    # The headline stands near the body: of a long menu above it, only the lines nearest
    # the body are candidates, and the earliest (the <title>, if the converter wrote it).
    chosen = {
        **_with_words(short_lines, lines, lowered, 1),
        **_with_words(reversed(short_lines), lines, lowered, limits["title_max_candidates"]),
    }
    if not chosen:
        return None
    candidates = sorted(chosen)
    texts, word_lists = zip(*map(chosen.__getitem__, candidates), strict=True)
    stem_sets = list(map(_stems_of, word_lists))
    first_line = lines[0]
    headline = _stems(without_site_name(first_line))
    first_line_words = _words(first_line)
    first_line_stems = _stems_of(first_line_words)
    first_line_folded = f" {' '.join(first_line_words)} "
    opening_lines = kept_lines[: limits["title_opening_lines"]].tolist()
    opening = _lowered_stems(" ".join(lowered[index] for index in opening_lines))
    times_on_page, times_past_candidates = _times_written(candidates, features, lowered, limit)
    # Counted here; the shares they make are taken for the batch (_rows).
    text_counts = {
        "stems": list(map(len, stem_sets)),
        "stems_in_headline": [len(own & headline) for own in stem_sets],
        "stems_in_first_line": [len(own & first_line_stems) for own in stem_sets],
        "stems_in_opening": [len(own & opening) for own in stem_sets],
        "words": list(map(len, word_lists)),
        "inside_first_line": [
            index > 0 and f" {' '.join(words)} " in first_line_folded
            for index, words in zip(candidates, word_lists, strict=True)
        ],
        "times_on_page": times_on_page,
        "times_past_candidates": times_past_candidates,
        "question": [text.rstrip().endswith("?") for text in texts],
        "has_separator": [_TITLE_SEPARATOR.search(text) is not None for text in texts],
    }
    indices = np.array(candidates, dtype=np.intp)
    around = indices[:, None] + _AROUND
    return _PageCandidates(
        indices=indices,
        first_kept=first_kept,
        page_lines=count,
        first_line_has_separator=_TITLE_PARTS.search(first_line) is not None,
        first_line_words=len(first_line_words),
        headline_stems=len(headline),
        # The head's columns first: the page's features are a slice of a matrix stored
        # column by column.
        around_columns=features[: limit + 2, _LINE_COLUMN_INDICES].take(
            around, axis=0, mode="clip"
        ),
        around_probabilities=probabilities.take(around, mode="clip"),
        text_counts=text_counts,
    )


def _times_written(
    candidates: list[int], features: np.ndarray, lowered: list[str], limit: int
) -> tuple[list[int], list[int]]:
    """How often the page writes each candidate line, and how often past the candidates
    (from line ``limit`` on): by lower-cased text without a list mark.

    Folding every line of the page as a candidate is folded would cost more than all
    the rest: a line that starts with a letter has no list mark, only the others are
    looked at. Only the candidates' texts are counted; the page's other lines are
    passed over.
    """
    written = list(lowered)
    letter_first = features[:, _COLUMN["starts_capital"]] + features[:, _COLUMN["starts_lower"]]
    for index in np.flatnonzero(letter_first == 0).tolist():
        if lowered[index][:1] in _LIST_MARK_STARTS:
            written[index] = without_list_mark(lowered[index]).strip()
    texts = [written[index] for index in candidates]
    is_candidate = set(texts).__contains__
    in_head = Counter(filter(is_candidate, written[:limit]))
    past_candidates = Counter(filter(is_candidate, written[limit:]))
    return (
        [in_head[text] + past_candidates[text] for text in texts],
        [past_candidates[text] for text in texts],
    )


def _rows(pages: list[_PageCandidates]) -> np.ndarray:
    """The rows of the pages' candidates (``TITLE_FEATURE_NAMES``), page after page.

    They are stored column by column: the scorer reads them so.
    """
    sizes = [len(page.indices) for page in pages]
    indices = np.concatenate([page.indices for page in pages])
    later = indices > 0

    def per_page(values: list[int] | list[bool] | np.ndarray) -> np.ndarray:
        """One value a page, repeated for each of its candidates."""
        return np.repeat(values, sizes)

    first_kept = per_page([page.first_kept for page in pages])
    page_lines = per_page([page.page_lines for page in pages])
    first_line_words = per_page([page.first_line_words for page in pages])
    headline = per_page([page.headline_stems for page in pages])
    around = np.concatenate([page.around_columns for page in pages])
    line = {name: around[:, :, position] for position, name in enumerate(_LINE_COLUMNS)}
    # Off the page (before its first line, after its last) a line has no probability and
    # no words (-1), and no date or byline.
    on_page = (indices[:, None] + _AROUND >= 0) & (indices[:, None] + _AROUND < page_lines[:, None])
    probability = np.where(
        on_page, np.concatenate([page.around_probabilities for page in pages]), -1.0
    )
    words = np.where(on_page, line["words"], -1.0)
    dated = on_page & ((line["time_of_day"] + line["numeric_date"] + line["month_date"]) > 0)
    byline = on_page & (line["marker_byline"] > 0)
    text = {
        name: np.fromiter(
            chain.from_iterable(page.text_counts[name] for page in pages), np.intp, len(indices)
        )
        for name in pages[0].text_counts
    }
    stems = text["stems"]
    in_headline = text["stems_in_headline"]
    columns = {
        "index": indices,
        "order": np.arange(len(indices)) - per_page(np.cumsum(sizes) - sizes),
        "relative_index": indices / np.maximum(first_kept, 1),
        "lines_to_body": first_kept - indices,
        "first_kept": first_kept,
        "page_lines": page_lines,
        "is_first_line": indices == 0,
        # Candidates end at the first kept line: it is the only kept one among them.
        "kept": indices == first_kept,
        "probability": probability[:, 0],
        "probability_before": probability[:, 1],
        "probability_after": probability[:, 2],
        "words_before": words[:, 1],
        "words_after": words[:, 2],
        "date_before": dated[:, 1],
        "date_after": dated[:, 2],
        "date_two_after": dated[:, 3],
        "byline_before": byline[:, 1],
        "byline_after": byline[:, 2],
        "byline_two_after": byline[:, 3],
        "question": text["question"],
        "has_separator": text["has_separator"],
        "first_line_has_separator": per_page([page.first_line_has_separator for page in pages]),
        "first_line_words": first_line_words,
        # The first line's own echoes are -1: it is no echo of itself.
        "first_line_jaccard": np.where(
            later & (headline > 0), in_headline / (stems + headline - in_headline), -1.0
        ),
        "first_line_cover": np.where(
            later & (headline > 0), in_headline / np.maximum(headline, 1), -1.0
        ),
        "in_first_line": np.where(later, text["stems_in_first_line"] / stems, -1.0),
        "inside_first_line": text["inside_first_line"],
        "share_of_first_line": np.where(
            later, text["words"] / np.maximum(first_line_words, 1), -1.0
        ),
        "opening_share": text["stems_in_opening"] / stems,
        "times_on_page": text["times_on_page"],
        "times_past_candidates": text["times_past_candidates"],
    }
    own_columns = (columns[name] for name in _OWN_COLUMNS)
    return np.array([*around[:, 0].T, *own_columns], dtype=float).T


def find_titles(
    pages: list[tuple[list[str], np.ndarray, np.ndarray, np.ndarray, list[str]]],
    model: ObliviousForest | None = None,
) -> list[int | None]:
    """The index of each page's title line, or None where no line may be one.

    ``pages`` holds each page's lines, line features, line probabilities, kept
    lines and lines lower-cased (``title_candidates``' arguments). The candidates
    of all pages are made and scored in one pass (the scorer's fixed cost is most
    of one page's); each page's title depends on its own candidates only.
    """
    if not pages:
        return []
    candidates, rows = _candidates_of_pages(pages)
    scores = (model or load_forest(_MODEL)).decision(rows)
    titles: list[int | None] = []
    start = 0
    for page_candidates in candidates:
        end = start + len(page_candidates)
        if len(page_candidates):
            best = best_candidate(page_candidates, rows[start:end], scores[start:end])
            titles.append(int(page_candidates[best]))
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
