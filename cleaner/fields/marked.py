"""Elements whose markup says they hold a name: bylines, forum user names, author links.

Sites mark the byline in their HTML: a class or id such as ``byline`` or
``author``, ``username`` on a forum post, a link to ``/author/ann-lee/`` or
to a user's profile, ``rel="author"``, a ``data-author`` attribute. These are
looked for in the part of the page that holds the headline (the byline and
a thread's first post sit there), which also keeps the search cheap. Making
an lxml element object costs far more than reading a string, so the
attribute values are searched as one text and only the few marked elements
are fetched. Two kinds of marked names are looked for over the whole page
instead: the picture of an author box, which stands after the article, and
the poster's name in a forum post's details list. The words are data
(``fields.yaml``, ``author:``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from lxml.etree import XPath, _Element

from cleaner.fields.names import author_rules
from cleaner.fields.page import PageView
from cleaner.labelling.phrases import alternation
from cleaner.resources import thresholds

_MARKING_ATTRIBUTES = XPath(
    "descendant-or-self::*/@class | descendant-or-self::*/@id"
    " | descendant-or-self::a/@href | descendant-or-self::a/@rel"
)
# The author names that forum software writes for its scripts.
_DATA_AUTHORS = XPath("descendant-or-self::*/@data-author", smart_strings=False)
_COUNT_ELEMENTS = XPath("count(descendant::*)")
# Attribute values are joined with a character no HTML attribute holds.
_SEPARATOR = "\x00"
# How many times one marking stem is looked at (forum pages repeat "username" per post).
_MAX_MARKS = 24
_NOT_NAME_TAGS = frozenset({"script", "style", "meta", "link", "body", "html", "head"})


def _any_of(rule: str) -> re.Pattern[str]:
    """A pattern finding any of the literal strings the author rules list under ``rule``."""
    return re.compile("|".join(re.escape(text) for text in author_rules()[rule]))


@cache
def _element_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Class or id words of byline elements, and of forum user-name elements."""
    return _any_of("element_words"), _any_of("user_element_words")


@cache
def _link_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Paths of links to an author's page, and to a user's profile."""
    return _any_of("author_paths"), _any_of("user_paths")


def _marked_positions(text: str) -> list[int]:
    """Where a marking stem ("user" for "username", "/users/") is written in ``text``, in order.

    ``str.find`` per stem is several times faster than one regular
    expression of all the words on the long texts of attribute values.
    """
    positions = []
    for mark in author_rules()["marking_stems"]:
        position = text.find(mark)
        found = 0
        while position >= 0 and found < _MAX_MARKS:
            positions.append(position)
            found += 1
            position = text.find(mark, position + 1)
    return sorted(positions)


def _marked_source(attribute: str, value: str) -> str | None:
    """The source a marked attribute names, if any: a byline, a user, an author link."""
    byline_words, user_words = _element_words()
    author_path, user_path = _link_patterns()
    if attribute == "href":
        if author_path.search(value):
            return "author_link"
        return "user_link" if user_path.search(value) else None
    if attribute == "rel":
        return "rel_author" if "author" in value else None
    if byline_words.search(value):
        return "byline_element"
    return "user_element" if user_words.search(value) else None


def byline_region(view: PageView) -> _Element:
    """The part of the page where a byline is written: around the headline, else the body.

    The headline's ancestors are climbed while they hold few elements (the
    headline's parent is taken whatever its size).
    """
    body = view.document.find("body")
    root = body if body is not None else view.document
    headline = next(iter(view.elements["h1"]), None)
    if headline is None:
        return root
    region = headline.getparent()
    most = thresholds("fields")["author_region_elements"]
    for ancestor in region.iterancestors():
        if ancestor is root or _COUNT_ELEMENTS(ancestor) > most:
            break
        region = ancestor
    return region


def marked_names(view: PageView, wanted: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    """(source, text) of every marked element of the byline region, in page order.

    Sources are ``data_author``, ``byline_element``, ``user_element``,
    ``rel_author``, ``author_link`` and ``user_link``; the text of an element
    is read only when ``wanted(source)``.
    """
    region = byline_region(view)
    for value in _DATA_AUTHORS(region):
        yield "data_author", value
    attributes = _MARKING_ATTRIBUTES(region)
    joined = _SEPARATOR.join(attributes).lower()
    number, counted = 0, 0
    for position in _marked_positions(joined):
        if position < counted:
            continue  # a second mark in the same value
        number += joined.count(_SEPARATOR, counted, position)
        counted = joined.find(_SEPARATOR, position) % (len(joined) + 1)
        attribute = attributes[number]
        source = _marked_source(attribute.attrname, attribute.lower())
        if source is not None and wanted(source):
            element = attribute.getparent()
            if element.tag not in _NOT_NAME_TAGS:
                yield source, element.text_content()


def _marked_by(words: list[str]) -> str:
    """An XPath test: the element's class or id holds one of ``words``."""
    return " or ".join(f"contains(@class, '{word}') or contains(@id, '{word}')" for word in words)


@cache
def _page_wide_paths() -> tuple[XPath, XPath]:
    """Author-box images, and the first terms of forum posts' user-details lists.

    Both are looked for over the whole page: an author box stands after the
    article, far from the headline, and a forum thread's posts below the
    first one.
    """
    rules = author_rules()
    byline = _marked_by(rules["element_words"])
    # The picture itself, its frame or the box around the frame is marked.
    images = XPath(
        f"//img[@alt][ancestor-or-self::*[position() <= 3][{byline}]]/@alt", smart_strings=False
    )
    details = _marked_by(rules["post_details_words"])
    # Only lists are visited: testing the class of every element of a page costs more.
    terms = XPath(f"//dl[{details} or parent::*[{details}]]/dt[1]")
    return images, terms


@cache
def _alt_wording() -> re.Pattern[str]:
    """The words an alt text writes around an author's name, at its start or its end."""
    rules = author_rules()
    prefixes, suffixes = alternation(rules["alt_prefixes"]), alternation(rules["alt_suffixes"])
    return re.compile(rf"^\s*(?:{prefixes})\s+|(?:{suffixes})\s*$", re.IGNORECASE)


def alt_name(alt: str) -> str:
    """The name an author picture's alt text gives: "Headshot of Ann Lee" is "Ann Lee"."""
    return _alt_wording().sub("", alt).strip()


def page_marked_names(view: PageView, wanted: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    """(source, text) of names marked anywhere on the page, in page order, by source.

    ``author_image``: the alt text of a picture in an author box
    (``<div class="author-avatar"><img alt="Ann Lee">``), which is often the
    only place the name is written as such (the bio beside it says "Ann is
    ..."). ``post_term``: the poster's name as the first term of a forum
    post's user-details list, a list with no class of its own.
    """
    images, terms = _page_wide_paths()
    if wanted("author_image"):
        for alt in images(view.document):
            if alt.strip():
                yield "author_image", alt_name(alt)
    if wanted("post_term"):
        for term in terms(view.document):
            yield "post_term", term.text_content()
