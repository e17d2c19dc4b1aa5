"""Where a line of a text dump gets its label.

A learned model (``text_lines.json``, trained by ``bench/train_text_lines.py``
on features of the line and its neighbours, and on what its words say in a
learned lexicon, ``text_words.json``) gives each line the probability that it
belongs to the article. Rules name the kinds around it:
- a marker phrase (per language, from data files) marks share, newsletter,
  legal, navigation, byline and other clutter lines, unless the model is sure
  the line is article text (a sentence may mention "cookies");
- a marker that opens a section ("Read next", "Comments") takes the lines
  after it along, well-formed teaser sentences included, until the article
  visibly resumes (``text_sections``) or the page's closing run of short menu
  lines (its footer) begins;
- a bare time of day or a short date line is a timestamp, unless it stands between
  lines the model keeps and the model keeps it: there it is a table's cell or a
  timeline's entry;
- the title is the line of the page's head a learned scorer ranks first (``text_title``),
  or the line a Markdown dump made its first level-1 heading; it is removed (gold bodies
  exclude it) and fills the article's title.
What is left is kept or removed as the model says, at the page's own cut
(``cut``: lower on pages where the model is unsure everywhere), except that a kept
paragraph the page writes again word for word is kept once, a table written cell by cell
whose rows are numbered is kept whole inside the article (``text_tables``), and a copy of
the page's text as HTML source is removed (``text_markup``); kept short lines without a
sentence end are subheadings (unless pieces of a sentence), and the lines it removes
above the article, or below it short and ending no sentence, navigation (a dump shows
where a page's menus stand, not its ``<nav>``). Every label carries the rule that
decided, or the model's probability, as its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import attrgetter

import numpy as np

from cleaner.blocks.block import Block, Kind
from cleaner.labelling.cut import expected_f1_cut
from cleaner.labelling.forest import ObliviousForest, load_forest
from cleaner.labelling.phrases import Marker, fold, marked_lines, phrase_book
from cleaner.labelling.text_code import code_lines
from cleaner.labelling.text_features import FEATURE_NAMES, pages_line_features
from cleaner.labelling.text_markup import markup_copies
from cleaner.labelling.text_sections import Section, sections
from cleaner.labelling.text_tables import LineColumns, cells_of_numbered_tables
from cleaner.labelling.text_title import find_titles
from cleaner.labelling.text_words import WordOdds, word_odds
from cleaner.resources import thresholds

_MODEL = "text_lines.json"
# The kind of a line the model labels, by what it makes of it (kept prose, a kept short
# line without a sentence end, removed, removed where a page's menus stand: see
# ``_menu_places``), and its reason, by percent of probability and by place (the model's
# alone, above the article, below it): object arrays, so that a page's lines take theirs
# in one indexing, ten times faster than looking each up in a tuple.
_MODEL_KINDS = np.array([Kind.BODY, Kind.HEADING, Kind.OTHER, Kind.NAVIGATION], dtype=object)
_REMOVED, _MENU = 2, 3
_PERCENTS = 101
_MODEL_REASONS = np.array(
    [
        f"model p={percent / 100:.2f}{place}"
        for place in ("", ", above the article", ", short line below the article")
        for percent in range(_PERCENTS)
    ],
    dtype=object,
)
_CODE_REASON = "rule: script or style code"
# The ways a line may open that the features tell.
_OPENINGS = (
    "starts_capital",
    "starts_lower",
    "starts_digit",
    "starts_bullet",
    "starts_continuation",
)
_TABLE_REASON = "rule: a cell of a table whose rows are numbered, inside the article"
_MARKUP_BOX_REASON = "rule: HTML source among copies of the page's lines"
# The reason of a date line kept among kept lines: the fields still read it as a date line.
DATED_BODY_REASON = "rule: a date among kept lines"
_TITLE_MODEL_REASON = "title model: best of the head's lines"
_TITLE_HEADLINE_REASON = "title: the dump's first level-1 heading"
# A title line is a level-1 heading, a kept subheading level 2.
_LEVELS = {Kind.TITLE: 1, Kind.HEADING: 2}
# A heading lettered as an item of an outline: "a. Overview", "c) Emerging players".
_LETTERED = re.compile(r"[a-z][.)]\s")
_COLUMN = {name: index for index, name in enumerate(FEATURE_NAMES)}


def _bylines_in_short_lines(
    markers: list[Marker | None], words: np.ndarray, max_words: int
) -> list[Marker | None]:
    """Byline markers ("By ...", "Von ...") only count on short lines, not on sentences."""
    counted = list(markers)
    for index, (kind, _) in marked_lines(markers):
        if kind is Kind.BYLINE and words[index] > max_words:
            counted[index] = None
    return counted


def _bare_lead_in(line: str, marker: Marker | None) -> bool:
    """A byline marker that is the whole line: "By" with the name on the next line."""
    return marker is not None and marker[0] is Kind.BYLINE and marker[1] == fold(line)


@dataclass(frozen=True, slots=True)
class LineModel:
    """The line model and the word lexicon its features read: trained together."""

    forest: ObliviousForest
    odds: WordOdds


@cache
def shipped_line_model() -> LineModel:
    """The model and lexicon shipped in ``cleaner/data/models``, loaded once."""
    return LineModel(load_forest(_MODEL), word_odds())


def label_text_blocks(blocks: list[Block], model: LineModel | None = None) -> list[Block]:
    """Label every line of a dump kept or removed, with its kind and reason.

    ``model`` replaces the shipped line model (the benchmark's cross-validation
    labels each page with a model and lexicon that never saw its site).
    """
    return label_text_pages([blocks], model)[0]


def label_text_pages(pages: list[list[Block]], model: LineModel | None = None) -> list[list[Block]]:
    """``label_text_blocks`` for several dumps: the same labels, page by page, in less time.

    The line features and the line model run once over all the pages' lines
    (no feature reads across a page's first or last line, so a page's labels
    do not depend on the pages beside it); most of their cost on one page is
    the fixed cost of each array operation. The rules then run page by page.
    """
    return _labelled(
        [[block.text for block in blocks] for blocks in pages],
        [[block.position for block in blocks] for blocks in pages],
        [[block.tag for block in blocks] for blocks in pages],
        model,
    )


def label_text_lines(
    pages: list[list[str]],
    model: LineModel | None = None,
    headlines: Sequence[str | None] | None = None,
) -> list[list[Block]]:
    """``label_text_pages`` for dumps given as their lines (``segment_lines``): the blocks
    ``segment_text`` would give, labelled, each made once. A page's headline, where its
    markup names one (``read_dump``), is its title line if one of its lines states it."""
    return _labelled(
        pages,
        [range(len(lines)) for lines in pages],
        [repeat("line") for _ in pages],
        model,
        headlines,
    )


def _labelled(
    pages: list[list[str]],
    positions: Sequence[Iterable[int]],
    tags: Sequence[Iterable[str]],
    model: LineModel | None,
    headlines: Sequence[str | None] | None = None,
) -> list[list[Block]]:
    """Each page's lines labelled, as blocks at ``positions`` with ``tags``.

    A page that holds its script and style code (``text_code``) is labelled
    without those lines, which are removed as code.
    """
    code = [code_lines(lines) for lines in pages]
    if all(mask is None for mask in code):
        return _labelled_text(pages, positions, tags, model, headlines)
    text_pages, text_positions, text_tags, code_blocks = [], [], [], []
    for lines, page_positions, page_tags, mask in zip(pages, positions, tags, code, strict=True):
        rows = list(zip(page_positions, lines, page_tags, strict=False))
        is_code = mask or [False] * len(rows)
        text = [row for row, code_line in zip(rows, is_code, strict=True) if not code_line]
        text_positions.append([position for position, _, _ in text])
        text_pages.append([line for _, line, _ in text])
        text_tags.append([tag for _, _, tag in text])
        code_blocks.append(
            [
                Block(position, line, tag, None, False, Kind.OTHER, _CODE_REASON)
                for (position, line, tag), code_line in zip(rows, is_code, strict=True)
                if code_line
            ]
        )
    labelled = _labelled_text(text_pages, text_positions, text_tags, model, headlines)
    return [
        sorted(blocks + removed, key=attrgetter("position")) if removed else blocks
        for blocks, removed in zip(labelled, code_blocks, strict=True)
    ]


def _labelled_text(
    pages: list[list[str]],
    positions: Sequence[Iterable[int]],
    tags: Sequence[Iterable[str]],
    model: LineModel | None,
    headlines: Sequence[str | None] | None,
) -> list[list[Block]]:
    """``_labelled`` for pages of text alone (their code, if any, set apart).

    A page whose markup names its headline has it for title line; the title scorer
    looks for the others' (each page's title depends on its own lines alone).
    """
    read = read_lines(pages, model)
    named = [
        _line_of(lines, headline)
        for lines, headline in zip(pages, headlines or [None] * len(pages), strict=True)
    ]
    titles: list[tuple[int, str] | None] = [
        None if line is None else (line, _TITLE_HEADLINE_REASON) for line in named
    ]
    unnamed = [index for index, title in enumerate(titles) if title is None]
    found = find_titles(
        [
            (page.lines, page.features, page.probabilities, page.kept, page.lowered)
            for page in map(read.__getitem__, unnamed)
        ]
    )
    for index, line in zip(unnamed, found, strict=True):
        if line is not None:
            titles[index] = (line, _TITLE_MODEL_REASON)
    return [
        _label_page(page, title, page_positions, page_tags)
        for page, title, page_positions, page_tags in zip(
            read, titles, positions, tags, strict=True
        )
    ]


def _line_of(lines: list[str], text: str | None) -> int | None:
    """The index of the first of ``lines`` that is ``text``; None if none is (or no text)."""
    if text is None:
        return None
    try:
        return lines.index(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ReadLines:
    """One page's lines as the model reads them: what their labels are decided from."""

    lines: list[str]
    lowered: list[str]  # each line lower-cased
    markers: list[Marker | None]
    features: np.ndarray  # the line features, columns ``FEATURE_NAMES``
    probabilities: np.ndarray  # the model's, of belonging to the article
    kept: np.ndarray  # the lines the model keeps, at the page's own cut


def read_lines(pages: list[list[str]], model: LineModel | None = None) -> list[ReadLines]:
    """Each page's phrase markers, line features, probabilities and kept lines.

    The line features and the model run once over all the pages' lines (no
    feature reads across a page's first or last line).
    """
    book = phrase_book()
    lowered = [[line.lower() for line in lines] for lines in pages]
    markers = [book.match_lowered(page) for page in lowered]
    model = model or shipped_line_model()
    features = pages_line_features(pages, markers, model.odds)
    probabilities = model.forest.probability(features)
    bounds = np.cumsum([0, *map(len, pages)]).tolist()
    read = []
    for lines, low, found, start, end in zip(
        pages, lowered, markers, bounds, bounds[1:], strict=False
    ):
        page_features, page_probabilities = features[start:end], probabilities[start:end]
        kept = _model_keeps(page_probabilities, page_features[:, _COLUMN["words"]])
        read.append(ReadLines(lines, low, found, page_features, page_probabilities, kept))
    return read


def _model_keeps(probabilities: np.ndarray, words: np.ndarray) -> np.ndarray:
    """The lines the model keeps: at the page's own cut (see ``cut``), bounded by the
    thresholds' ``keep_probability`` above and ``min_keep_probability`` below."""
    if not len(probabilities):
        return np.zeros(0, dtype=bool)
    limits = thresholds("text")
    keep = min(
        limits["keep_probability"],
        expected_f1_cut(probabilities, words, limits["min_keep_probability"]),
    )
    return probabilities >= keep


def _label_page(
    read: ReadLines, title: tuple[int, str] | None, positions: Iterable[int], tags: Iterable[str]
) -> list[Block]:
    """One page's blocks, labelled from its lines as the model read them, and its title line;
    ``positions`` and ``tags`` are its blocks' (the lines' indices and "line" for a dump)."""
    if not read.lines:
        return []
    lines, features, probabilities = read.lines, read.features, read.probabilities
    limits = thresholds("text")
    book = phrase_book()
    words = features[:, _COLUMN["words"]]
    markers = _bylines_in_short_lines(read.markers, words, limits["max_byline_words"])
    sentence_end = features[:, _COLUMN["ends_terminal"]]
    timestamp = _timestamps(lines, features, words <= limits["max_date_line_words"])
    prose = (sentence_end > 0) | (words >= limits["section_resume_words"])
    in_section = sections(markers, read.kept & ~timestamp, prose, book.section_kinds)
    # Lines a menu's could be: short, ending no sentence (``_menu_places``, ``_closing_run``).
    menu_like = (words <= limits["menu_line_max_words"]) & (sentence_end == 0)
    closing = _closing_run(markers, menu_like, timestamp, read.kept)
    outside_sections = np.fromiter((section is None for section in in_section), bool, len(lines))
    dated_body = _among_body(read.kept & outside_sections, timestamp) & read.kept
    ruled = _rule_labels(
        lines, markers, probabilities, words, timestamp, dated_body, in_section, title, closing
    )
    # Every line labelled as the model says, in bulk; then the rules' labels over them.
    kept = read.kept.tolist()
    heading = _subheadings(lines, read.kept & (words <= limits["max_heading_words"]), features)
    model_kind = np.where(read.kept, heading.astype(np.intp), _REMOVED)
    places = _menu_places(model_kind == _REMOVED, ruled, menu_like)
    model_kind[places > 0] = _MENU
    kinds = _MODEL_KINDS[model_kind].tolist()
    percents = np.rint(probabilities * 100).astype(np.intp)
    reasons = _MODEL_REASONS[percents + _PERCENTS * places].tolist()
    for index, (keep_line, kind, reason) in ruled.items():
        kept[index], kinds[index], reasons[index] = keep_line, kind, reason
    columns = LineColumns(features[:, _COLUMN["chars"]], features[:, _COLUMN["digits"]], words)
    for index in cells_of_numbered_tables(lines, columns, kept):
        if index not in ruled:
            kept[index], kinds[index], reasons[index] = True, Kind.BODY, _TABLE_REASON
    for index, first in _repeated_lines(lines, kept, words, limits["min_repeat_words"]):
        kept[index], kinds[index] = False, Kind.OTHER
        reasons[index] = f"rule: repeats kept line {first}"
    unmarked = _opening_unmarked(features)
    for index, source in markup_copies(lines, unmarked, limits["min_repeat_words"]):
        kept[index], kinds[index] = False, Kind.OTHER
        reasons[index] = (
            _MARKUP_BOX_REASON if source is None else f"rule: copies line {source} as HTML source"
        )
    return list(
        map(
            Block,
            positions,
            lines,
            tags,
            map(_LEVELS.get, kinds),
            kept,
            kinds,
            reasons,
        )
    )


def _subheadings(lines: list[str], short_kept: np.ndarray, features: np.ndarray) -> np.ndarray:
    """Which short kept lines are subheadings: those that end no sentence and are no piece
    of one.

    A converter that writes each inline element on a line of its own (a link, a bold
    word) cuts a sentence into "a folder on", "artmann.se", ", and suddenly I had a place
    on". Such a piece opens in lower case or with a mark that continues a sentence, or
    the line after it does; a heading numbered "a." or "c)" opens in lower case too.
    """
    heading = short_kept & (features[:, _COLUMN["ends_terminal"]] == 0)
    opens_mid_sentence = (
        features[:, _COLUMN["starts_lower"]] + features[:, _COLUMN["starts_continuation"]] > 0
    )
    before_mid_sentence = (
        features[:, _COLUMN["starts_lower@+1"]] + features[:, _COLUMN["starts_continuation@+1"]] > 0
    )
    for index in np.flatnonzero(heading & opens_mid_sentence).tolist():
        opens_mid_sentence[index] = _LETTERED.match(lines[index]) is None
    return heading & ~opens_mid_sentence & ~before_mid_sentence


def _opening_unmarked(features: np.ndarray) -> list[int]:
    """The lines that open with no letter, digit, bullet or mark that continues a sentence:
    a tag's "<" among them (``markup_copies``)."""
    opening = sum(features[:, _COLUMN[name]] for name in _OPENINGS)
    return np.flatnonzero(opening == 0).tolist()


def _repeated_lines(
    lines: list[str], kept: list[bool], words: np.ndarray, min_words: int
) -> list[tuple[int, int]]:
    """The kept lines of at least ``min_words`` words that repeat an earlier kept line
    word for word, each with the index of the line it repeats.

    A page that writes a paragraph twice (a mobile and a desktop copy, one of them
    hidden; a pull quote; a forum post quoted whole below it) says it once, and the gold
    writes it once. Short lines repeat in earnest (a table's labels, a tutorial's code
    lines).
    """
    first_kept: dict[str, int] = {}
    repeated = []
    for index in np.flatnonzero(words >= min_words).tolist():
        if kept[index]:
            first = first_kept.setdefault(lines[index], index)
            if first != index:
                repeated.append((index, first))
    return repeated


def _menu_places(
    removed: np.ndarray, ruled: dict[int, tuple[bool, Kind, str]], menu_like: np.ndarray
) -> np.ndarray:
    """For each line, whether the model removes it where a page's menus stand: 1 above the
    article's first kept line (the site's header, menus and breadcrumbs), 2 below its last
    for a short line that ends no sentence (footer menus, category and tag lists), else 0.

    Where an HTML page marks its menus (``<nav>``, menu classes), a dump only shows where
    they stand: on the dev pages, nine in ten of those above, and three in four of those
    short ones below, are navigation in the HTML. A page that keeps nothing has no article
    to stand around. The rules' lines are labelled over these (and every rule removes the
    line it labels: it bounds no article).
    """
    places = np.zeros(len(removed), dtype=np.intp)
    kept = np.flatnonzero(~removed).tolist()
    first = next((index for index in kept if index not in ruled), None)
    if first is None:
        return places
    last = next(index for index in reversed(kept) if index not in ruled)
    places[:first][removed[:first]] = 1
    places[last + 1 :][removed[last + 1 :] & menu_like[last + 1 :]] = 2
    return places


# The features' patterns take "95.08" for a time and "9.7/10" for a date: enough for the
# model, which weighs them with the rest; the rule that removes a timestamp line reads the
# numbers: hours to 23, minutes to 59, months to 12, days to 31, one separator (a table's
# scores and a telephone number are not timestamps).
_VALID_TIME = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?", re.IGNORECASE)
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_VALID_NUMERIC_DATE = re.compile(
    rf"(?<!\d)(?:\d{{4}}([-/.]){_MONTH}\1{_DAY}|{_DAY}([-/.]){_DAY}\2(?:\d{{4}}|\d{{2}}))(?!\d)"
)


def _timestamps(lines: list[str], features: np.ndarray, short: np.ndarray) -> np.ndarray:
    """The lines that are a time of day, or a short line (``short``) holding a date."""
    time_of_day = features[:, _COLUMN["time_of_day"]] > 0
    numeric_date = (features[:, _COLUMN["numeric_date"]] > 0) & short
    for index in np.flatnonzero(time_of_day).tolist():
        time_of_day[index] = _VALID_TIME.fullmatch(lines[index].strip()) is not None
    for index in np.flatnonzero(numeric_date).tolist():
        numeric_date[index] = _VALID_NUMERIC_DATE.search(lines[index]) is not None
    return time_of_day | numeric_date | ((features[:, _COLUMN["month_date"]] > 0) & short)


def _among_body(body: np.ndarray, timestamp: np.ndarray) -> np.ndarray:
    """The timestamp lines whose nearest other lines, above and below, are ``body`` (the
    model keeps them, outside any "Read next" or "Comments" section). Those of them the
    model keeps are kept (``_rule_labels``).

    A date among body lines is a table's cell ("1/1/2014" above "+9.7%"), a
    timeline's entry or an event's date, which gold texts keep: in the dev set's
    BeautifulSoup dumps of articles, 97% of the words of the date lines between two
    kept lines were gold text, against 8% of the other date lines' words. A post's
    stamp between a forum's posts is one too, and forum gold texts mostly keep those.
    """
    count = len(timestamp)
    index = np.arange(count)
    other = ~timestamp
    # On a timestamp line, the nearest other line above and below (-1 and ``count`` if none,
    # both read from the appended False).
    above = np.maximum.accumulate(np.where(other, index, -1))
    below = np.minimum.accumulate(np.where(other, index, count)[::-1])[::-1]
    body_other = np.append(body & other, False)
    return timestamp & body_other[above] & body_other[below]


def _closing_run(
    markers: list[Marker | None],
    menu_like: np.ndarray,
    timestamp: np.ndarray,
    model_kept: np.ndarray,
) -> int:
    """Where the page's closing run of menu lines starts: the last lines, up to the end,
    that the model removes and that are marker phrases ("Privacy policy") or short lines
    ending no sentence and no date ("Press Room", "Site Map"); ``len(markers)`` if none.

    A "Related" or "Comments" section runs on to the end of the page, through the
    site's footer after its teasers and comments: there, its lines are menus. Of the
    section lines in that run, nearly nine in ten are navigation in the HTML of the dev pages.
    """
    start = len(markers)
    while start > 0:
        index = start - 1
        if model_kept[index] or timestamp[index]:
            break
        if markers[index] is None and not menu_like[index]:
            break
        start = index
    return start


def _rule_labels(
    lines: list[str],
    markers: list[Marker | None],
    probabilities: np.ndarray,
    words: np.ndarray,
    timestamp: np.ndarray,
    dated_body: np.ndarray,
    in_section: list[Section | None],
    title: tuple[int, str] | None,
    closing: int,
) -> dict[int, tuple[bool, Kind, str]]:
    """The labels the rules give, by line; the other lines are the model's. A section's
    lines in the page's closing run of menu lines (from ``closing`` on) are navigation;
    the timestamp lines of ``dated_body`` (dates among body lines) are kept."""
    limits = thresholds("text")
    section_kinds = phrase_book().section_kinds
    labels: dict[int, tuple[bool, Kind, str]] = {}
    marked = [index for index, _ in marked_lines(markers)]
    candidates = set(marked)
    candidates.update(index + 1 for index in marked if index + 1 < len(lines))
    candidates.update(np.flatnonzero(timestamp).tolist())
    candidates.update(compress(range(len(in_section)), in_section))
    title_line, title_reason = title if title is not None else (None, "")
    if title_line is not None:
        candidates.add(title_line)
    for index in sorted(candidates):
        probability = float(probabilities[index])
        marker = markers[index]
        section = in_section[index]
        if index == title_line:
            labels[index] = (False, Kind.TITLE, title_reason)
        elif (
            index > 0
            and _bare_lead_in(lines[index - 1], markers[index - 1])
            and words[index] <= limits["max_author_words"]
        ):
            labels[index] = (False, Kind.BYLINE, "rule: name after a bare byline lead-in")
        elif marker is not None and (
            marker[0] in section_kinds or probability < limits["sure_body"]
        ):
            labels[index] = (False, marker[0], f"phrase {marker[1]!r}")
        elif dated_body[index]:
            labels[index] = (True, Kind.BODY, f"{DATED_BODY_REASON} (model p={probability:.2f})")
        elif timestamp[index]:
            labels[index] = (False, Kind.TIMESTAMP, "rule: time or date line")
        elif section is not None and index >= closing:
            reason = f"closing menu lines, after {section.phrase!r} (model p={probability:.2f})"
            labels[index] = (False, Kind.NAVIGATION, reason)
        elif section is not None:
            reason = f"section after {section.phrase!r} (model p={probability:.2f})"
            labels[index] = (False, section.kind, reason)
    return labels
