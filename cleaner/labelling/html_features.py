"""The features of the HTML block model: one row of numbers per block.

A block is judged by what it says (length, punctuation, stop words, links),
where it sits (the tags and class/id words of its containers, its position,
how much of the page's prose its containers hold) and what surrounds it (its
neighbours, its repeated siblings, the headline). Everything is computed
from the segmented page in a few vectorised passes; the names of the columns
are ``FEATURE_NAMES`` and the trained model refers to them by position.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from cleaner.blocks.block import Block
from cleaner.blocks.html import SegmentedPage
from cleaner.labelling.html_context import CONTEXT_NAMES, DomContext, dom_context
from cleaner.labelling.html_declared import declared
from cleaner.labelling.html_kinds import looks_like_date
from cleaner.labelling.html_words import DomWords, dom_words
from cleaner.labelling.phrases import Marker, phrase_book
from cleaner.labelling.text_features import WORD_WINDOWS, lexicon_columns
from cleaner.labelling.text_words import WordOdds, word_odds
from cleaner.resources import thresholds

_WORD = re.compile(r"\w+")
_SENTENCE_END = frozenset(".!?")
_TITLE_METAS = frozenset({"og:title", "twitter:title"})
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:€|\$|USD|EUR|GBP|CHF)\b")

# The block's own tag, one column per family.
TAG_FAMILIES: dict[str, frozenset[str]] = {
    "p": frozenset({"p"}),
    "heading": frozenset({"h1", "h2", "h3", "h4", "h5", "h6"}),
    "item": frozenset({"li"}),
    "cell": frozenset({"td", "th"}),
    "definition": frozenset({"dt", "dd"}),
    "pre": frozenset({"pre"}),
    "quote": frozenset({"blockquote"}),
    "caption": frozenset({"figcaption", "caption", "legend"}),
    "control": frozenset({"button", "label", "summary", "form"}),
    "box": frozenset({"div", "section", "article", "main", "span", "body"}),
}
PHRASE_KINDS = (
    "related",
    "comments",
    "share",
    "newsletter",
    "legal",
    "navigation",
    "advertisement",
    "byline",
)
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
ANCESTOR_LEVELS = (0, 1, 2, 3, 5)
MAIN_SHARES = (0.5, 0.8)
REPEAT_LEVELS = (0, 1, 2, 3)  # a subset of ANCESTOR_LEVELS
# The word lexicon's columns (``word_columns``), last in the matrix.
WORD_COLUMNS = (
    "word_odds",
    "known_word_share",
    "least_word_odds",
    *(f"word_odds~{window}" for window in WORD_WINDOWS),
)


def _feature_names() -> tuple[str, ...]:
    names = [
        "log_words",
        "link_density",
        "chars_per_word",
        "sentence_marks",
        "commas",
        "ends_sentence",
        "ends_colon",
        "starts_upper",
        "stopword_share",
        "number_share",
        "capitalised_share",
        "separators",
        "date_like",
        "price_like",
        "repeated_text",
        "heading_level",
    ]
    names += [f"tag_{family}" for family in TAG_FAMILIES]
    names += [f"phrase_{kind}" for kind in PHRASE_KINDS]
    names += [f"in_{kind}_section" for kind in sorted(map(str, phrase_book().section_kinds))]
    names += [f"in_{context}" for context in CONTEXT_NAMES]
    names += [f"own_{context}" for context in CONTEXT_NAMES]
    names += [f"class_{group}" for group in dom_words().group_names]
    names += [f"own_class_{group}" for group in dom_words().group_names]
    names += ["position", "word_offset", "depth", "depth_vs_prose"]
    for level in ANCESTOR_LEVELS:
        names += [
            f"up{level}_word_share",
            f"up{level}_prose_share",
            f"up{level}_link_density",
            f"up{level}_log_blocks",
        ]
    for level in REPEAT_LEVELS:
        names += [f"up{level}_repeats", f"up{level}_repeat_word_share"]
    for share in MAIN_SHARES:
        percent = int(share * 100)
        names += [
            f"in_main{percent}",
            f"distance_main{percent}",
            f"position_in_main{percent}",
            f"depth_vs_main{percent}",
        ]
    for offset in NEIGHBOUR_OFFSETS:
        names += [f"n{offset:+d}_log_words", f"n{offset:+d}_link_density", f"n{offset:+d}_prose"]
    names += ["window_link_density", "window_prose", "window_stopword_share"]
    names += ["stopword_vs_prose", "link_density_vs_page"]
    names += ["title_in_block", "block_in_title", "is_title_block", "after_title"]
    names += ["declared_text_share"]
    names += ["page_link_density", "page_prose_share"]
    names += ["page_price_share"]
    names += [f"declared_{kind}" for kind in dom_words().page_kinds]
    names += WORD_COLUMNS
    return tuple(names)


FEATURE_NAMES = _feature_names()


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """The feature matrix of a page's blocks, and the evidence the labeller reuses.

    ``words`` and ``link_density`` are each block's words and the share of
    them inside links; ``context`` is what the containers of each block say, ``phrases[i]`` the
    phrase-book match of block ``i``'s text (kind and phrase) if any, and
    ``title_block`` the index of the block taken for the headline (``-1`` when
    none).
    """

    matrix: np.ndarray
    words: np.ndarray
    link_density: np.ndarray
    context: DomContext
    phrases: list[Marker | None]
    title_block: int

    def column(self, name: str) -> np.ndarray:
        """The values of one feature (a name of ``FEATURE_NAMES``) for every block."""
        return self.matrix[:, FEATURE_NAMES.index(name)]


def page_titles(page: SegmentedPage) -> list[str]:
    """The titles the page declares: ``og:title`` and ``twitter:title`` metas, ``<title>``.

    Pages may carry several (a site name in one ``og:title``, the article's
    in another); the headline is compared with each.
    """
    head = page.document.find("head")
    if head is None:
        return []
    titles = [
        meta.get("content") or ""
        for meta in head.iterfind("meta")
        if (meta.get("property") or meta.get("name")) in _TITLE_METAS
    ]
    title = head.find("title")
    if title is not None:
        titles.append(title.text_content() or "")
    return [title for title in titles if title.strip()]


def _bits(masks: np.ndarray, width: int) -> np.ndarray:
    """A column per bit of ``masks``: (rows, width) of 0/1."""
    return ((masks[:, None] >> np.arange(width)) & 1).astype(np.float64)


def _text_features(
    page: SegmentedPage, words: DomWords, lowered_words: list[list[str]]
) -> tuple[np.ndarray, list[Marker | None]]:
    """What each block's text says, independent of where it is (columns 0-15).

    ``lowered_words`` holds each block's words (runs of ``\\w``), lower-cased.
    """
    book = phrase_book()
    limits = thresholds("html")
    repeated = Counter(block.text for block in page.blocks)
    stopwords = words.stopwords
    short = list(
        dict.fromkeys(
            block.text
            for block in page.blocks
            if len(block.text.split()) <= limits["phrase_max_words"]
        )
    )
    matches = dict(
        zip(short, book.match_lines([" ".join(text.split()) for text in short]), strict=True)
    )
    phrases: list[Marker | None] = [matches.get(block.text) for block in page.blocks]
    counts = []
    for block, lowered in zip(page.blocks, lowered_words, strict=True):
        text = block.text
        tokens = text.split()
        n_words = len(tokens)
        chars = len(text)
        last = text[-1]
        counts.append(
            (
                n_words,
                chars,
                text.count(". ") + text.count("! ") + text.count("? ") + (last in _SENTENCE_END),
                text.count(","),
                last in _SENTENCE_END,
                last == ":",
                text[0].isupper(),
                sum(map(stopwords.__contains__, lowered)),
                sum(map(str.isdigit, tokens)),
                sum(map(str.istitle, tokens)),
                text.count("|") + text.count("·") + text.count("•") + text.count("/ "),
                n_words <= limits["date_max_words"] and looks_like_date(text),
                chars < limits["price_max_chars"] and _PRICE.search(text) is not None,
                repeated[text] - 1,
                block.heading_level or 0,
            )
        )
    raw = np.array(counts, dtype=np.float64)
    n_words = np.maximum(raw[:, 0], 1.0)
    block_words = np.array(page.words, dtype=np.float64)
    columns = np.column_stack(
        [
            np.log1p(block_words),
            np.array(page.link_words) / np.maximum(block_words, 1.0),
            raw[:, 1] / n_words,
            raw[:, 2] / n_words,
            raw[:, 3] / n_words,
            raw[:, 4:7],
            raw[:, 7:10] / n_words[:, None],
            raw[:, 10:15],
        ]
    )
    return columns, phrases


def _family_columns(page: SegmentedPage) -> np.ndarray:
    columns = np.zeros((len(page.blocks), len(TAG_FAMILIES)))
    for index, block in enumerate(page.blocks):
        for column, tags in enumerate(TAG_FAMILIES.values()):
            if block.tag in tags:
                columns[index, column] = 1.0
                break
    return columns


def _phrase_columns(blocks: list[Block], phrases: list[Marker | None]) -> np.ndarray:
    """The phrase-book kind of each block, and the section a marker opened before it.

    A marker of a section kind ("Related articles", "Comments") opens a
    section that lasts until the next heading that is not itself a marker.
    """
    section_kinds = sorted(map(str, phrase_book().section_kinds))
    columns = np.zeros((len(phrases), len(PHRASE_KINDS) + len(section_kinds)))
    open_section = -1
    for index, phrase in enumerate(phrases):
        if phrase is not None and phrase[0] in PHRASE_KINDS:
            columns[index, PHRASE_KINDS.index(phrase[0])] = 1.0
        if open_section >= 0:
            columns[index, len(PHRASE_KINDS) + open_section] = 1.0
        if phrase is not None and phrase[0] in section_kinds:
            open_section = section_kinds.index(phrase[0])
        elif blocks[index].heading_level:
            open_section = -1
    return columns


def _ancestors(page: SegmentedPage, levels: tuple[int, ...]) -> np.ndarray:
    """For each block, the node ``level`` steps above its own (the root when above it)."""
    parents = np.array([node.parent for node in page.nodes], dtype=np.intp)
    parents = np.where(parents < 0, np.arange(len(parents)), parents)
    current = np.array(page.block_nodes, dtype=np.intp)
    found = np.zeros((len(current), len(levels)), dtype=np.intp)
    step = 0
    for column, level in enumerate(levels):
        while step < level:
            current = parents[current]
            step += 1
        found[:, column] = current
    return found


def _repeats(page: SegmentedPage, node_words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each node: how many siblings share its tag and class (itself included), and
    the words all of them hold: a grid of product cards, a list of posts, a menu."""
    keys = [(node.parent, node.tag, node.attributes) for node in page.nodes]
    counts: Counter = Counter(keys)
    group_words: dict[tuple, float] = {}
    for key, words in zip(keys, node_words.tolist(), strict=True):
        group_words[key] = group_words.get(key, 0.0) + words
    return (
        np.array([counts[key] for key in keys], dtype=np.float64),
        np.array([group_words[key] for key in keys], dtype=np.float64),
    )


def _shifted(values: np.ndarray, offset: int, fill: float) -> np.ndarray:
    """``values`` moved by ``offset`` rows (row i holds row i + offset), padded with ``fill``."""
    shifted = np.full_like(values, fill)
    if offset > 0:
        shifted[:-offset] = values[offset:]
    else:
        shifted[-offset:] = values[: len(values) + offset]
    return shifted


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    padded = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(len(values))
    low = np.maximum(index - radius, 0)
    high = np.minimum(index + radius + 1, len(values))
    return (padded[high] - padded[low]) / (high - low)


def _title_columns(
    page: SegmentedPage, offsets: np.ndarray, lowered_words: list[list[str]]
) -> tuple[np.ndarray, int]:
    """How much each short block looks like the declared title, and which is the headline.

    The headline is the ``<h1>`` most like the declared title; without one,
    the short block most like it, when it is most of the title. A page
    whose title nothing resembles has no headline (``-1``).
    """
    limits = thresholds("html")
    count = len(page.blocks)
    columns = np.zeros((count, 4))
    titles = [set(_WORD.findall(title.lower())) for title in page_titles(page)]
    titles = [title for title in titles if title]
    title_words = set().union(*titles)
    best_h1, best_h1_score, best_other, best_other_score = -1, 0.0, -1, 0.0
    for index, block in enumerate(page.blocks):
        if page.words[index] > limits["title_max_words"]:
            continue
        tokens = set(lowered_words[index])
        if tokens.isdisjoint(title_words):
            continue
        score, title_in_block, block_in_title = max(
            (
                (len(tokens & title) / len(title) + len(tokens & title) / len(tokens)),
                len(tokens & title) / len(title),
                len(tokens & title) / len(tokens),
            )
            for title in titles
        )
        columns[index, 0], columns[index, 1] = title_in_block, block_in_title
        if block.heading_level == 1:
            if score >= limits["title_h1_min_overlap"] and score > best_h1_score:
                best_h1, best_h1_score = index, score
        elif (
            block_in_title >= limits["title_min_block_in_title"]
            and title_in_block >= limits["title_min_title_in_block"]
            and score > best_other_score
        ):
            best_other, best_other_score = index, score
    best = best_h1 if best_h1 >= 0 else best_other
    if best >= 0:
        columns[best, 2] = 1.0
        columns[:, 3] = offsets - offsets[best]
    else:
        columns[:, 3] = np.nan
    return columns, best


def word_columns(texts: list[str], odds: WordOdds) -> np.ndarray:
    """The lexicon's columns of each block, as the text path gives them to a page's lines
    (``lexicon_columns``): the block's text folded to one line."""
    return lexicon_columns([" ".join(text.split()) for text in texts], odds)


def block_features(page: SegmentedPage, odds: WordOdds | None = None) -> BlockFeatures:
    """The feature matrix of every block of ``page`` (columns: ``FEATURE_NAMES``)."""
    words = dom_words()
    limits = thresholds("html")
    count = len(page.blocks)
    context = dom_context(page)
    if count == 0:
        nothing = np.zeros(0)
        return BlockFeatures(np.zeros((0, len(FEATURE_NAMES))), nothing, nothing, context, [], -1)
    n_groups = len(words.group_names)
    lowered_words = [_WORD.findall(block.text.lower()) for block in page.blocks]
    text_columns, phrases = _text_features(page, words, lowered_words)
    block_node = np.array(page.block_nodes, dtype=np.intp)

    block_words = np.array(page.words, dtype=np.float64)
    link_words = np.array(page.link_words, dtype=np.float64)
    link_density = text_columns[:, 1]
    prose = (block_words >= limits["prose_min_words"]) & (
        link_density <= limits["prose_max_link_density"]
    )
    prose_words = np.where(prose, block_words, 0.0)
    total_words = block_words.sum()
    total_prose = max(prose_words.sum(), 1.0)
    cumulative_words = np.concatenate([[0.0], np.cumsum(block_words)])
    cumulative_links = np.concatenate([[0.0], np.cumsum(link_words)])
    cumulative_prose = np.concatenate([[0.0], np.cumsum(prose_words)])
    first = np.array([node.first_block for node in page.nodes], dtype=np.intp)
    end = np.array([node.end_block for node in page.nodes], dtype=np.intp)
    node_words = cumulative_words[end] - cumulative_words[first]
    node_links = cumulative_links[end] - cumulative_links[first]
    node_prose = cumulative_prose[end] - cumulative_prose[first]
    depth = np.array([node.depth for node in page.nodes], dtype=np.float64)

    offsets = cumulative_words[:-1] / max(total_words, 1.0)
    position = np.arange(count) / count
    block_depth = depth[block_node]
    prose_depth = (
        np.average(block_depth, weights=prose_words) if prose_words.sum() else block_depth.mean()
    )

    ancestors = _ancestors(page, ANCESTOR_LEVELS)
    ancestor_columns = []
    for column in ancestors.T:
        ancestor_columns += [
            node_words[column] / max(total_words, 1.0),
            node_prose[column] / total_prose,
            node_links[column] / np.maximum(node_words[column], 1.0),
            np.log1p(end[column] - first[column]),
        ]
    repeats, repeat_words = _repeats(page, node_words)
    repeat_columns = []
    for level in REPEAT_LEVELS:
        column = ancestors[:, ANCESTOR_LEVELS.index(level)]
        repeat_columns += [np.log(repeats[column]), repeat_words[column] / max(total_words, 1.0)]
    main_columns = []
    block_index = np.arange(count)
    for share in MAIN_SHARES:
        holding = np.flatnonzero(node_prose >= share * total_prose)
        main = holding[np.argmax(depth[holding])] if len(holding) else 0
        inside = (block_index >= first[main]) & (block_index < end[main])
        before = first[main] - block_index
        after = block_index - end[main] + 1
        distance = np.where(inside, 0.0, np.where(before > 0, before, after))
        main_columns += [
            inside.astype(np.float64),
            distance / count,
            np.where(inside, (block_index - first[main]) / max(end[main] - first[main], 1), -1.0),
            block_depth - depth[main],
        ]

    stopword_share = text_columns[:, 8]
    log_words = text_columns[:, 0]
    prose_float = prose.astype(np.float64)
    neighbour_columns = []
    for offset in NEIGHBOUR_OFFSETS:
        neighbour_columns += [
            _shifted(log_words, offset, 0.0),
            _shifted(link_density, offset, 1.0),
            _shifted(prose_float, offset, 0.0),
        ]
    radius = limits["window_radius"]
    title_columns, title_block = _title_columns(page, offsets, lowered_words)
    page_declared = declared(page.document)
    page_link_density = link_words.sum() / max(total_words, 1.0)
    page_columns = (
        page_link_density,
        prose_words.sum() / max(total_words, 1.0),
        text_columns[:, 13].mean(),
        *page_declared.page_kinds,
    )

    matrix = np.column_stack(
        [
            text_columns,
            _family_columns(page),
            _phrase_columns(page.blocks, phrases),
            _bits(context.all_contexts, len(CONTEXT_NAMES)),
            _bits(context.own_contexts, len(CONTEXT_NAMES)),
            _bits(context.all_groups, n_groups),
            _bits(context.own_groups, n_groups),
            position,
            offsets,
            block_depth,
            block_depth - prose_depth,
            *ancestor_columns,
            *repeat_columns,
            *main_columns,
            *neighbour_columns,
            _window_mean(link_density, radius),
            _window_mean(prose_float, radius),
            _window_mean(stopword_share, radius),
            stopword_share - (np.median(stopword_share[prose]) if prose.any() else 0.0),
            link_density - page_link_density,
            title_columns,
            [page_declared.share_of(words) for words in lowered_words],
            np.tile(page_columns, (count, 1)),
            word_columns(
                [block.text for block in page.blocks], word_odds() if odds is None else odds
            ),
        ]
    )
    return BlockFeatures(matrix, block_words, link_density, context, phrases, title_block)
