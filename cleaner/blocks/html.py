"""Cutting an HTML page into blocks (paragraphs, headings, list items, cells).

The page is parsed once, here; every later step (labelling, fields) works on
the same tree, which nothing modifies. One pass over the tree (lxml's
``iterwalk``, so no recursion limit on deeply nested pages) cuts the visible
text of ``<body>`` into blocks in reading order, and records the structure the
labeller needs around them: for every element that holds text, its tag, its
class and id, its parent and the range of blocks inside it. Container-level
evidence (a ``<nav>``, a ``class="related-posts"``, a box made of links) is
then a lookup, not a second walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

from cleaner.blocks.block import Block

_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}

# Never rendered as text, or form controls whose text is not the page's.
SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "svg",
        "math",
        "head",
        "title",
        "meta",
        "link",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "map",
        "select",
        "option",
        "datalist",
        "input",
        "textarea",
    }
)
# Elements that flow inside a line of text. Every other tag (including the
# custom elements of component frameworks) starts a block of its own.
INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "nobr",
        "picture",
        "q",
        "s",
        "samp",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    }
)


@dataclass(slots=True)
class DomNode:
    """An element that holds at least one block, and where its blocks are.

    Nodes are listed in document order, each after its parent, so a single
    forward pass can pass evidence from containers down to what they hold.
    ``first_block`` and ``end_block`` delimit the blocks inside it (end is one
    past the last); ``attributes`` is its ``class`` and ``id``, as written.
    """

    element: _Element
    tag: str
    attributes: str
    parent: int
    depth: int
    first_block: int
    end_block: int


@dataclass(slots=True)
class SegmentedPage:
    """The blocks of a page, and the DOM context of each.

    ``block_nodes[i]`` is the index in ``nodes`` of the element that holds
    block ``i``'s text, ``words[i]`` and ``link_words[i]`` the number of words of the block and
    of those inside a link (measured on the raw text pieces).
    """

    document: _Element
    blocks: list[Block]
    block_nodes: list[int]
    words: list[int]
    link_words: list[int]
    nodes: list[DomNode]


def parse_html(html: str) -> _Element | None:
    """Parse a page once; ``None`` when nothing parseable is in it.

    ``huge_tree`` lifts libxml2's default limits (text nodes over 10 MB,
    nesting deeper than 256 elements), past which it silently drops text.
    A parser is made per call: lxml parsers are not to be shared by threads.
    """
    if not html.strip():
        return None
    parser = lxml_html.HTMLParser(huge_tree=True)
    try:
        return lxml_html.document_fromstring(html, parser=parser)
    except (ParserError, ValueError):
        try:  # e.g. a string with an XML encoding declaration
            return lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
        except (ParserError, ValueError):
            return None


def is_hidden(element: _Element) -> bool:
    """Declared invisible: the ``hidden`` attribute or an inline ``display:none``."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def segment_html(document: _Element) -> SegmentedPage:
    """Every visible text of the page's body, as blocks in reading order.

    Text in scripts, styles, templates and form controls is left out;
    everything else lands in exactly one block. Text that a style hides is
    kept, marked by its container (``is_hidden``): collapsed tabs and
    accordions of product and documentation pages are main content. The walk
    is one loop with local state: it visits every element of the page, so it
    is written for speed.
    """
    body = document.find("body")
    root = body if body is not None else document
    page = SegmentedPage(document, [], [], [], [], [])
    blocks, nodes = page.blocks, page.nodes
    # Open elements, outermost first: [element, tag, node index or -1, is_block].
    stack: list[list] = []
    block_positions: list[int] = [0]  # stack positions of the open block elements
    pieces: list[str] = []
    words = link_words = 0  # words gathered in ``pieces``, and of them inside links
    open_links = 0

    def node_of(position: int) -> int:
        """The node of the open element at ``position``, created with its ancestors."""
        first_missing = position
        while first_missing >= 0 and stack[first_missing][2] < 0:
            first_missing -= 1
        parent = stack[first_missing][2] if first_missing >= 0 else -1
        for depth in range(first_missing + 1, position + 1):
            entry = stack[depth]
            element = entry[0]
            attributes = f"{element.get('class') or ''} {element.get('id') or ''}"
            nodes.append(DomNode(element, entry[1], attributes, parent, depth, len(blocks), -1))
            parent = entry[2] = len(nodes) - 1
        return parent

    def flush() -> None:
        """The text gathered so far becomes a block of the innermost open block element."""
        nonlocal words, link_words
        if words:
            text = _SPACE.sub(" ", "".join(pieces)).strip()
            position = block_positions[-1]
            tag = stack[position][1]
            page.block_nodes.append(node_of(position))
            blocks.append(Block(len(blocks), text, tag, _HEADING_LEVELS.get(tag)))
            page.words.append(words)
            page.link_words.append(link_words)
            words = link_words = 0
        pieces.clear()

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event == "start":
            tag = element.tag  # lower-case: libxml2's HTML parser folds tag names
            skipped = tag in SKIPPED_TAGS
            is_block = not skipped and tag not in INLINE_TAGS
            if is_block:
                if pieces:
                    flush()
                block_positions.append(len(stack))
            stack.append([element, tag, -1, is_block])
            if skipped:
                walker.skip_subtree()
                continue
            if tag == "a":
                open_links += 1
            text = element.text
        elif event == "end":
            if stack[-1][3]:  # a block element ends: its text so far is one block
                if pieces:
                    flush()
                block_positions.pop()
            _, tag, node, _ = stack.pop()
            if node >= 0:
                nodes[node].end_block = len(blocks)
            if tag == "a":  # never skipped: a link's subtree is always walked
                open_links -= 1
            text = element.tail if stack else None  # the root's tail lies outside the walk
        else:  # a comment or processing instruction: only its tail shows
            text = element.tail
        if text:
            pieces.append(text)
            text_words = len(text.split())
            words += text_words
            if open_links:
                link_words += text_words
    if pieces:
        flush()
    return page
