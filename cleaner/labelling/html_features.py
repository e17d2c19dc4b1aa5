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

from cleaner.blocks.html import SegmentedPage
from cleaner.labelling.html_context import CONTEXT_NAMES, DomContext, dom_context
from cleaner.labelling.html_kinds import looks_like_date
from cleaner.labelling.html_words import DomWords, dom_words
from cleaner.labelling.phrases import phrase_book
from cleaner.resources import thresholds

_WORD = re.compile(r"\w+")
_SENTENCE_END = frozenset(".!?")
_DIGITS = str.maketrans("", "", "0123456789")
_CAPITALISED = re.compile(r"(?<!\S)[^\W\d_a-z]", re.UNICODE)

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
    "box": frozenset({"div", "section", "article", "main", "span", "td", "body"}),
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
        "digit_share",
        "capitalised_share",
        "separators",
        "date_like",
        "repeated_text",
        "heading_level",
    ]
    names += [f"tag_{family}" for family in TAG_FAMILIES]
    names += [f"phrase_{kind}" for kind in PHRASE_KINDS]
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
    names += ["node_repeats", "parent_repeats"]
    for share in MAIN_SHARES:
        names += [f"in_main{int(share * 100)}", f"distance_main{int(share * 100)}"]
    for offset in NEIGHBOUR_OFFSETS:
        names += [f"n{offset:+d}_log_words", f"n{offset:+d}_link_density", f"n{offset:+d}_prose"]
    names += ["window_link_density", "window_prose", "window_stopword_share"]
    names += ["title_in_block", "block_in_title", "is_title_block", "after_title"]
    names += ["page_log_words", "page_log_blocks", "page_link_density", "page_prose_share"]
    return tuple(names)


FEATURE_NAMES = _feature_names()


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """The feature matrix of a page's blocks, and the evidence the labeller reuses.

    ``words`` and ``link_density`` are each block's words and the share of
    them inside links; ``containers[i, level]`` is the range of blocks (first,
    end) of block ``i``'s container ``ANCESTOR_LEVELS[level]`` steps up;
    ``context`` is what the containers of each block say, ``phrases[i]`` the
    phrase-book match of block ``i``'s text (kind and phrase) if any, and
    ``title_block`` the index of the block taken for the headline (``-1`` when
    none).
    """

    matrix: np.ndarray
    words: np.ndarray
    link_density: np.ndarray
    containers: np.ndarray
    context: DomContext
    phrases: list[tuple[str, str] | None]
    title_block: int


def page_title(page: SegmentedPage) -> str:
    """The title the page declares: ``og:title``, else ``<title>``."""
    head = page.document.find("head")
    if head is None:
        return ""
    for meta in head.iterfind("meta"):
        if meta.get("property") == "og:title" and meta.get("content"):
            return meta.get("content") or ""
    title = head.find("title")
    return (title.text_content() if title is not None else "") or ""


def _bits(masks: np.ndarray, width: int) -> np.ndarray:
    """A column per bit of ``masks``: (rows, width) of 0/1."""
    return ((masks[:, None] >> np.arange(width)) & 1).astype(np.float64)


def _text_features(
    page: SegmentedPage, words: DomWords
) -> tuple[np.ndarray, list[tuple[str, str] | None]]:
    """What each block's text says, independent of where it is."""
    book = phrase_book()
    counts = Counter(block.text for block in page.blocks)
    rows = np.zeros((len(page.blocks), 15))
    phrases: list[tuple[str, str] | None] = []
    stopwords = words.stopwords
    matches: dict[str, tuple[str, str] | None] = {}
    max_phrase_words = thresholds("html")["phrase_max_words"]
    max_date_words = thresholds("html")["date_max_words"]
    for index, block in enumerate(page.blocks):
        text = block.text
        tokens = text.split()
        n_words = max(len(tokens), 1)
        chars = len(text)
        if n_words <= max_phrase_words:
            if text not in matches:
                matched = book.match(text)
                matches[text] = (str(matched[0]), matched[1]) if matched else None
            phrases.append(matches[text])
        else:
            phrases.append(None)
        rows[index] = (
            np.log1p(page.words[index]),
            page.link_words[index] / max(page.words[index], 1),
            chars / n_words,
            (text.count(". ") + text.count("! ") + text.count("? ") + (text[-1] in _SENTENCE_END))
            / n_words,
            text.count(",") / n_words,
            text[-1] in _SENTENCE_END,
            text[-1] == ":",
            text[0].isupper(),
            sum(map(stopwords.__contains__, text.lower().split())) / n_words,
            (chars - len(text.translate(_DIGITS))) / chars,
            len(_CAPITALISED.findall(text)) / n_words,
            text.count("|") + text.count("·") + text.count("•") + text.count("/ "),
            n_words <= max_date_words and looks_like_date(text),
            counts[text] - 1,
            block.heading_level or 0,
        )
    return rows, phrases


def _family_columns(page: SegmentedPage) -> np.ndarray:
    columns = np.zeros((len(page.blocks), len(TAG_FAMILIES)))
    for index, block in enumerate(page.blocks):
        for column, tags in enumerate(TAG_FAMILIES.values()):
            if block.tag in tags:
                columns[index, column] = 1.0
                break
    return columns


def _phrase_columns(phrases: list[tuple[str, str] | None]) -> np.ndarray:
    columns = np.zeros((len(phrases), len(PHRASE_KINDS)))
    for index, phrase in enumerate(phrases):
        if phrase is not None and phrase[0] in PHRASE_KINDS:
            columns[index, PHRASE_KINDS.index(phrase[0])] = 1.0
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


def _repeats(page: SegmentedPage) -> np.ndarray:
    """For each node, how many nodes share its parent, tag and class (itself included)."""
    signatures = Counter((node.parent, node.tag, node.attributes) for node in page.nodes)
    return np.array(
        [signatures[(node.parent, node.tag, node.attributes)] for node in page.nodes],
        dtype=np.float64,
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


def _title_columns(page: SegmentedPage, offsets: np.ndarray) -> tuple[np.ndarray, int]:
    """How much each short block looks like the declared title, and where the headline is."""
    count = len(page.blocks)
    columns = np.zeros((count, 4))
    title_tokens = set(_WORD.findall(page_title(page).lower()))
    best, best_score = -1, 0.0
    for index, block in enumerate(page.blocks):
        if not title_tokens or page.words[index] > 40:
            continue
        tokens = set(_WORD.findall(block.text.lower()))
        if not tokens:
            continue
        shared = len(tokens & title_tokens)
        title_in_block, block_in_title = shared / len(title_tokens), shared / len(tokens)
        columns[index, 0], columns[index, 1] = title_in_block, block_in_title
        score = title_in_block + block_in_title + (0.5 if block.heading_level == 1 else 0.0)
        if block_in_title >= 0.6 and score > best_score:
            best, best_score = index, score
    if best < 0:
        best = next((i for i, block in enumerate(page.blocks) if block.heading_level == 1), -1)
    if best >= 0:
        columns[best, 2] = 1.0
        columns[:, 3] = offsets - offsets[best]
    else:
        columns[:, 3] = np.nan
    return columns, best


def block_features(page: SegmentedPage) -> BlockFeatures:
    """The feature matrix of every block of ``page`` (columns: ``FEATURE_NAMES``)."""
    words = dom_words()
    limits = thresholds("html")
    count = len(page.blocks)
    context = dom_context(page)
    if count == 0:
        nothing = np.zeros(0)
        containers = np.zeros((0, len(ANCESTOR_LEVELS), 2), dtype=np.intp)
        return BlockFeatures(
            np.zeros((0, len(FEATURE_NAMES))), nothing, nothing, containers, context, [], -1
        )
    n_groups = len(words.group_names)
    text_columns, phrases = _text_features(page, words)
    block_node = np.array(page.block_nodes, dtype=np.intp)

    block_words = np.array(page.words, dtype=np.float64)
    link_words = np.array(page.link_words, dtype=np.float64)
    link_density = link_words / np.maximum(block_words, 1.0)
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
    repeats = _repeats(page)
    parents = np.array([max(node.parent, 0) for node in page.nodes], dtype=np.intp)

    main_columns = []
    block_index = np.arange(count)
    for share in MAIN_SHARES:
        holding = np.flatnonzero(node_prose >= share * total_prose)
        main = holding[np.argmax(depth[holding])] if len(holding) else 0
        inside = (block_index >= first[main]) & (block_index < end[main])
        before = first[main] - block_index
        after = block_index - end[main] + 1
        distance = np.where(inside, 0.0, np.where(before > 0, before, after))
        main_columns += [inside.astype(np.float64), distance / count]

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
    title_columns, title_block = _title_columns(page, offsets)
    page_columns = (
        np.log1p(total_words),
        np.log1p(count),
        link_words.sum() / max(total_words, 1.0),
        prose_words.sum() / max(total_words, 1.0),
    )

    matrix = np.column_stack(
        [
            text_columns,
            _family_columns(page),
            _phrase_columns(phrases),
            _bits(context.all_contexts, len(CONTEXT_NAMES)),
            _bits(context.own_contexts, len(CONTEXT_NAMES)),
            _bits(context.all_groups, n_groups),
            _bits(context.own_groups, n_groups),
            position,
            offsets,
            block_depth,
            block_depth - prose_depth,
            *ancestor_columns,
            np.log(repeats[block_node]),
            np.log(repeats[parents[block_node]]),
            *main_columns,
            *neighbour_columns,
            _window_mean(link_density, radius),
            _window_mean(prose_float, radius),
            _window_mean(stopword_share, radius),
            title_columns,
            np.tile(page_columns, (count, 1)),
        ]
    )
    containers = np.stack([first[ancestors], end[ancestors]], axis=2)
    return BlockFeatures(
        matrix, block_words, link_density, containers, context, phrases, title_block
    )
