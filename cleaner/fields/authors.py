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
from typing import Any

from lxml.etree import _Element

from cleaner.blocks.block import Block, Kind
from cleaner.fields.dates import parse_date
from cleaner.fields.structured import PageMetadata, microdata_value, squeeze
from cleaner.resources import load_yaml

_URL_LIKE = re.compile(r"https?:|www\.|\.com\b|/|@|\d{3,}")
_LETTER = re.compile(r"[^\W\d_]")
_PERSON = "person"


@cache
def _rules() -> dict[str, Any]:
    return load_yaml("fields.yaml")["author"]


@cache
def _prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted(_rules()["prefixes"], key=len, reverse=True)
    alternatives = "|".join(re.escape(prefix) for prefix in prefixes)
    # "ByAnn Lee" (inline elements glued together) counts; "Discover" does not.
    return re.compile(rf"^(?:{alternatives})(?:\s+|(?<=:)|(?-i:(?=[A-Z])))", re.IGNORECASE)


@cache
def _stop_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in _rules()["stop_words"] if word[0].isalpha())
    marks = "".join(re.escape(word) for word in _rules()["stop_words"] if not word[0].isalpha())
    return re.compile(rf"\s(?:{words})\b|\s[{marks}]\s|[|•·]", re.IGNORECASE)


@cache
def _element_xpath() -> str:
    tests = " or ".join(
        f"contains(@class, '{word}') or contains(@id, '{word}') or contains(@rel, '{word}')"
        for word in _rules()["element_words"]
    )
    return f"//body//*[{tests}]"


def clean_byline(text: str) -> str | None:
    """The name(s) in a byline: prefix, date, role and trailing note removed; None if none."""
    rules = _rules()
    text = squeeze(text)
    text = _prefix_pattern().sub("", text, count=1).strip(" :,-")
    stop = _stop_pattern().search(text)
    if stop is not None:
        text = text[: stop.start()]
    if parse_date(text) is not None:
        month_or_digit = re.search(r"\d", text)
        text = text[: month_or_digit.start()] if month_or_digit else text
    text = text.strip(" ,:;-–—|·•")
    if (
        not text
        or not _LETTER.search(text)
        or len(text) > rules["max_chars"]
        or len(text.split()) > rules["max_words"]
        or _URL_LIKE.search(text)
        or text.casefold() in rules["not_names"]
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


def _declared(metadata: PageMetadata) -> list[str]:
    """The article's authors as declared: people first, then organisations, then meta tags."""
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
        return list(dict.fromkeys(people))
    for text in metadata.meta_values(rules["meta"]):
        cleaned = clean_byline(text)
        if cleaned:
            return [cleaned]
    for element in metadata.microdata.get("author", ()):
        cleaned = clean_byline(microdata_value(element))
        if cleaned:
            return [cleaned]
    return list(dict.fromkeys(organisations))


def _shown(document: _Element, blocks: list[Block]) -> Iterator[str]:
    """Bylines the reader sees: blocks labelled byline or starting with "By", byline elements."""
    max_chars = _rules()["max_chars"]
    for block in blocks:
        if block.kind is Kind.BYLINE or (
            len(block.text) <= max_chars and _prefix_pattern().match(block.text)
        ):
            cleaned = clean_byline(block.text)
            if cleaned:
                yield cleaned
    for element in document.xpath(_element_xpath()):
        if element.tag in ("script", "style", "meta", "link", "body", "html"):
            continue
        cleaned = clean_byline(element.text_content())
        if cleaned:
            yield cleaned


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def choose_author(metadata: PageMetadata, document: _Element, blocks: list[Block]) -> str | None:
    """The author name(s) of the page's article, or None."""
    declared = _declared(metadata)
    shown = list(_shown(document, blocks))
    if declared:
        for byline in shown:
            if all(_fold(name) in _fold(byline) for name in declared):
                return byline
        return ", ".join(declared)
    return shown[0] if shown else None
