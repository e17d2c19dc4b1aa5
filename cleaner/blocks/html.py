"""Cutting an HTML page into blocks (paragraphs, headings, list items, cells).

The page is parsed once, here; every later step (labelling, fields) works on
the same tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

from cleaner.blocks.block import Block

_SPACE = re.compile(r"\s+")
SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "object",
        "canvas",
        "select",
        "option",
        "button",
        "input",
        "textarea",
    }
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "td",
        "th",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "figcaption",
        "caption",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "nav",
        "form",
        "table",
        "tr",
        "ul",
        "ol",
        "dl",
        "address",
        "details",
        "summary",
        "body",
        "figure",
        "tbody",
        "thead",
        "tfoot",
        "fieldset",
        "legend",
        "center",
        "hr",
        "br",
    }
)


@dataclass(slots=True)
class SegmentedPage:
    """The blocks of a page with, for each, the element that holds its text."""

    blocks: list[Block]
    elements: list[_Element] = field(default_factory=list)


def parse_html(html: str) -> _Element | None:
    """Parse a page once; ``None`` when nothing parseable is in it."""
    if not html.strip():
        return None
    try:
        return lxml_html.document_fromstring(html)
    except (ParserError, ValueError):
        try:
            return lxml_html.document_fromstring(html.encode("utf-8", "replace"))
        except (ParserError, ValueError):
            return None


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def segment_html(document: _Element) -> SegmentedPage:
    """Every visible text of the page, as blocks in reading order."""
    page = SegmentedPage(blocks=[])
    buffer: list[str] = []

    def flush(element: _Element) -> None:
        text = _normalise("".join(buffer))
        buffer.clear()
        if text:
            tag = element.tag if isinstance(element.tag, str) else "div"
            level = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else None
            page.blocks.append(
                Block(position=len(page.blocks), text=text, tag=tag, heading_level=level)
            )
            page.elements.append(element)

    def walk(element: _Element, container: _Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in SKIPPED_TAGS:  # comments, processing instructions, scripts
            if element.tail:
                buffer.append(element.tail)
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            flush(container)
            container = element
        if element.text:
            buffer.append(element.text)
        for child in element:
            walk(child, container)
        if is_block:
            flush(element)
        if element.tail:
            buffer.append(element.tail)

    body = document.find("body")
    walk(body if body is not None else document, document)
    flush(document)
    return page
