"""An HTML document saved as text is HTML.

Crawlers put a page's raw HTML in a table's ``text`` column, or save pages as
``.txt``. Read as a text dump, its tags, scripts and styles would be its
lines. A page that opens as an HTML document does (a doctype, an ``<html>``
or ``<head>`` tag, after white space and comments), or that has a ``<body>``
tag and many closing tags near its start (a document cut short at the top),
is cleaned as HTML whatever its file or column says; a text that only
mentions a tag stays text.
"""

from __future__ import annotations

import re

from cleaner.pages import ContentType

# An HTML document's opening: white space, comments, then a doctype or the first tags.
_DOCUMENT_START = re.compile(
    r"\A\ufeff?\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
    re.IGNORECASE,
)
_BODY_TAG = re.compile(r"<body[\s>]", re.IGNORECASE)
# How far into a page its <body> tag, and closing tags, are looked for; how many of these.
_BODY_WITHIN = 20_000
_CLOSING_TAGS = 10


def content_type_of(content: str, declared: ContentType) -> ContentType:
    """``"html"`` for a page whose content is an HTML document, else ``declared``."""
    if declared == "html":
        return declared
    if _DOCUMENT_START.match(content):
        return "html"
    if (
        _BODY_TAG.search(content, 0, _BODY_WITHIN)
        and content.count("</", 0, _BODY_WITHIN) >= _CLOSING_TAGS
    ):
        return "html"
    return declared
