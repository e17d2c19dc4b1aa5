"""What the containers of each block say about it: tags, class/id words, hiding.

Every block sits in a chain of containers. Their tags (``<nav>``, ``<a>``,
``<table>``) and their class/id word groups (``html_words.yaml``) are passed
down the node tree once, so that each block knows every context it is inside
(features of the block model) and the innermost container that names a kind
of clutter (the kind and the reason given for a removed block).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cleaner.blocks.html import SegmentedPage, is_hidden
from cleaner.labelling.html_words import DomWords, dom_words

# Tags whose presence among a block's containers is evidence, by context name.
TAG_CONTEXTS: dict[str, frozenset[str]] = {
    "link": frozenset({"a"}),
    "nav": frozenset({"nav"}),
    "header": frozenset({"header"}),
    "footer": frozenset({"footer"}),
    "aside": frozenset({"aside"}),
    "article": frozenset({"article"}),
    "main": frozenset({"main"}),
    "form": frozenset({"form", "fieldset", "button", "label"}),
    "list": frozenset({"li", "dd", "dt", "ul", "ol", "dl"}),
    "table": frozenset({"table", "tr", "td", "th"}),
    "figure": frozenset({"figure", "figcaption", "picture"}),
    "quote": frozenset({"blockquote"}),
    "noscript": frozenset({"noscript"}),
    "heading": frozenset({"h1", "h2", "h3", "h4", "h5", "h6"}),
    "code": frozenset({"pre", "code"}),
    "section": frozenset({"section"}),
    "details": frozenset({"details", "summary", "dialog"}),
}
CONTEXT_NAMES = (*TAG_CONTEXTS, "hidden")
# The page itself: the classes of <body> and <html> describe the whole page (a theme, a
# template), not a part of it, so they are not read as evidence about any block.
_PAGE_TAGS = frozenset({"html", "body"})
_HIDDEN_BIT = 1 << (len(CONTEXT_NAMES) - 1)
_TAG_MASKS: dict[str, int] = {}
for _index, _tags in enumerate(TAG_CONTEXTS.values()):
    for _tag in _tags:
        _TAG_MASKS[_tag] = _TAG_MASKS.get(_tag, 0) | 1 << _index


@dataclass(frozen=True, slots=True)
class Clutter:
    """The innermost container of a block that names a kind of clutter."""

    group: str
    evidence: str  # e.g. "<nav>" or "class 'related-posts'"


@dataclass(frozen=True, slots=True)
class DomContext:
    """Per block: bit masks of tag contexts and word groups, and clutter evidence.

    ``all_*`` masks hold what any container of the block says, ``own_*`` what
    the block's own element says (its parent's too, for word groups: a ``<p>``
    rarely has a class, its box does).
    """

    all_contexts: np.ndarray
    own_contexts: np.ndarray
    all_groups: np.ndarray
    own_groups: np.ndarray
    clutter: list[Clutter | None]


def _evidence(tag: str, attributes: str, group: str, words: DomWords) -> str:
    if words.tag_masks.get(tag, 0) & words.bit(group):
        return f"<{tag}>"
    return f"class '{' '.join(attributes.split())[:40]}'"


def dom_context(page: SegmentedPage) -> DomContext:
    """The context of every block of ``page``, in one pass over its nodes."""
    words = dom_words()
    count = len(page.nodes)
    own_contexts = np.zeros(count, dtype=np.int64)
    own_groups = np.zeros(count, dtype=np.int64)
    all_contexts = np.zeros(count, dtype=np.int64)
    all_groups = np.zeros(count, dtype=np.int64)
    clutter: list[Clutter | None] = [None] * count
    clutter_groups = [
        (words.bit(name), name) for name in words.group_names if name in words.group_kinds
    ]
    memo: dict[tuple[str, str], tuple[int, Clutter | None]] = {}
    for index, node in enumerate(page.nodes):
        context = _TAG_MASKS.get(node.tag, 0)
        if is_hidden(node.element) or node.element.get("aria-hidden") == "true":
            context |= _HIDDEN_BIT
        key = (node.tag, node.attributes if node.tag not in _PAGE_TAGS else "")
        if key not in memo:
            group = words.mask_of(*key)
            named = next((name for bit, name in clutter_groups if group & bit), None)
            found = None
            if named is not None:
                found = Clutter(named, _evidence(*key, named, words))
            memo[key] = (group, found)
        group, own_clutter = memo[key]
        own_contexts[index], own_groups[index] = context, group
        parent = node.parent
        if parent >= 0:
            context |= all_contexts[parent]
            group |= all_groups[parent]
            if own_clutter is None:
                own_clutter = clutter[parent]
        all_contexts[index], all_groups[index], clutter[index] = context, group, own_clutter
    block_nodes = np.array(page.block_nodes, dtype=np.intp)
    parents = np.array([max(node.parent, 0) for node in page.nodes], dtype=np.intp)
    return DomContext(
        all_contexts=all_contexts[block_nodes],
        own_contexts=own_contexts[block_nodes],
        all_groups=all_groups[block_nodes],
        own_groups=own_groups[block_nodes] | own_groups[parents[block_nodes]],
        clutter=[clutter[node] for node in page.block_nodes],
    )
