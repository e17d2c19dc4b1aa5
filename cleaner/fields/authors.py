"""Who wrote the article, as the page writes the name(s).

Names come from what the page declares (JSON-LD ``author`` of the article,
meta ``author`` and kin, microdata) and from the byline it shows ("By Ann Lee
and Bo Chan", an element whose class says ``byline`` or ``author``). A shown
byline that holds the declared name is preferred, because it writes several
authors the way the page does; a declared person is preferred to a shown
byline that does not mention them. Prefixes ("By", "Written by"), dates and
roles after the names are cut off; a value that is a URL, a handle or a word
such as "admin" is no author.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from html import unescape
from itertools import chain
from typing import Any

from lxml.etree import XPath, _Element

from cleaner.blocks.block import Block, Kind
from cleaner.fields.structured import PageMetadata, microdata_value, squeeze
from cleaner.labelling.phrases import phrase_book
from cleaner.resources import load_yaml

_URL_LIKE = re.compile(r"https?:|www\.|\.com\b|/|@|\d{3,}")
_LETTER = re.compile(r"[^\W\d_]")
_PERSON = "person"
_NOT_BYLINE_TAGS = frozenset({"script", "style", "meta", "link", "body", "html", "head"})


@cache
def _rules() -> dict[str, Any]:
    return load_yaml("fields.yaml")["author"]


@cache
def _prefix_pattern() -> re.Pattern[str]:
    rules = _rules()
    spaced = "|".join(re.escape(prefix) for prefix in sorted(rules["prefixes"], key=len)[::-1])
    glued = "|".join(re.escape(prefix) for prefix in rules["glued_prefixes"])
    # "ByAnn Lee" (inline elements glued together) counts; "Bystander" does not.
    return re.compile(
        rf"^(?:(?:{spaced})(?:\s+|(?<=:))|(?:{glued})(?-i:(?=[A-Z][a-z])))", re.IGNORECASE
    )


@cache
def _stop_pattern() -> re.Pattern[str]:
    stops = _rules()["stop_words"]
    words = "|".join(re.escape(word) for word in stops if word[0].isalpha())
    marks = "".join(re.escape(word) for word in stops if not word[0].isalpha())
    months = "|".join(re.escape(name) for name in phrase_book().month_numbers)
    # A word, a mark between spaces, a bullet, a number ("12 posts") or a date ("Jan. 3"):
    # the names end there.
    return re.compile(
        rf"\s(?:{words})\b|\s[{marks}]\s|[|•·]|\s\d|\s(?:{months})\.?\s*\d", re.IGNORECASE
    )


@cache
def _element_words() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in _rules()["element_words"]))


# Elements that have a class or an id; which of them hold a byline is decided in Python:
# one regular expression is much faster than a dozen XPath contains() per element.
_CLASSED = XPath("//body//*[@class or @id]")


def _looks_like_names(text: str) -> bool:
    """Capitalised words, with particles ("van", "and") between: how names are written.

    A single lower-case word passes (forum user names are written so); a
    month name alone does not.
    """
    words = text.split()
    if len(words) == 1:
        return words[0].casefold().rstrip(".") not in phrase_book().month_numbers
    particles = _rules()["name_particles"]
    return all(
        not word[0].isalpha() or word[0].isupper() or word.casefold() in particles for word in words
    )


def clean_byline(text: str) -> str | None:
    """The name(s) in a byline: prefix, date, role and trailing note removed; None if none."""
    rules = _rules()
    text = squeeze(unescape(text))
    text = _prefix_pattern().sub("", text, count=1).strip(" :,-")
    stop = _stop_pattern().search(text)
    if stop is not None:
        text = text[: stop.start()]
    text = text.strip(" ,:;-–—|·•")
    if (
        not text
        or not _LETTER.search(text)
        or len(text) > rules["max_chars"]
        or len(text.split()) > rules["max_words"]
        or _URL_LIKE.search(text)
        or text.casefold() in rules["not_names"]
        or not _looks_like_names(text)
    ):
        return None
    return text


def _names(value: Any, metadata: PageMetadata) -> Iterator[tuple[str, bool]]:
    """The names in a JSON-LD author value, each with whether it names a person."""
    value = metadata.resolve(value)
    if isinstance(value, list):
        for item in value:
            yield from _names(item, metadata)
    elif isinstance(value, str):
        yield value, True
    elif isinstance(value, dict):
        name = value.get("name")
        declared = value.get("@type")
        kinds = declared if isinstance(declared, list) else [declared]
        is_person = any(str(kind).lower() == _PERSON for kind in kinds) or not declared
        if isinstance(name, str):
            yield name, is_person
        elif isinstance(name, list):
            yield from ((str(item), is_person) for item in name)


def _declared(metadata: PageMetadata) -> tuple[list[str], bool]:
    """The article's authors as declared, and whether they are people (not organisations).

    JSON-LD people of the article come first, then meta tags and microdata,
    then JSON-LD organisations.
    """
    rules = _rules()
    people: list[str] = []
    organisations: list[str] = []
    for node in metadata.nodes_of_kind("article_types"):
        for prop in rules["linked_data"]:
            for name, is_person in _names(node.properties.get(prop), metadata):
                cleaned = clean_byline(name)
                if cleaned:
                    (people if is_person else organisations).append(cleaned)
        if people or organisations:
            break
    if people:
        return list(dict.fromkeys(people)), True
    texts = chain(
        metadata.meta_values(rules["meta"]),
        (microdata_value(element) for element in metadata.microdata.get("author", ())),
    )
    for text in texts:
        cleaned = clean_byline(text)
        if cleaned:
            return [cleaned], True
    return list(dict.fromkeys(organisations)), False


def _shown_in_blocks(blocks: list[Block]) -> Iterator[str]:
    """Bylines written as such: blocks labelled byline, or short ones starting with "By"."""
    max_chars = _rules()["max_chars"]
    for block in blocks:
        if block.kind is Kind.BYLINE or (
            len(block.text) <= max_chars and _prefix_pattern().match(block.text)
        ):
            cleaned = clean_byline(block.text)
            if cleaned:
                yield cleaned


def _shown_in_elements(document: _Element) -> Iterator[str]:
    """Names in elements whose class or id says byline, author or user name."""
    words = _element_words()
    for element in _CLASSED(document):
        if element.tag in _NOT_BYLINE_TAGS:
            continue
        if words.search(f"{element.get('class', '')} {element.get('id', '')}".lower()):
            cleaned = clean_byline(element.text_content())
            if cleaned:
                yield cleaned


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _holding_all(bylines: Iterator[str], names: list[str]) -> str | None:
    """The first byline that mentions every one of ``names``."""
    folded = [_fold(name) for name in names]
    return next((line for line in bylines if all(name in _fold(line) for name in folded)), None)


def choose_author(
    metadata: PageMetadata, document: _Element, blocks: list[Block], article_like: bool
) -> str | None:
    """The author name(s) of the page's article, or None.

    ``article_like`` says whether the page reads as an article or a post (it
    has a publication time): only then do author-classed elements count, since
    elsewhere they hold reviewers, filters and sellers. Those elements are
    searched only when needed, as that is the costly part.
    """
    declared, are_people = _declared(metadata)
    in_blocks = list(_shown_in_blocks(blocks))
    if declared and are_people:
        written = _holding_all(iter(in_blocks), declared)
        if written is None and len(declared) > 1 and article_like:
            written = _holding_all(_shown_in_elements(document), declared)
        return written or ", ".join(declared)
    if in_blocks:
        return in_blocks[0]
    shown = next(_shown_in_elements(document), None) if article_like else None
    if declared:
        return _holding_all(iter([shown] if shown else []), declared) or ", ".join(declared)
    return shown
