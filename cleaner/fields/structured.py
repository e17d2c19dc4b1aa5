"""What a page says about itself in machine-readable form.

Publishers describe their pages for search engines and social networks: meta
tags (Open Graph, Twitter cards, ``name=author``, ``citation_*``, Dublin Core,
Parse.ly, ...), JSON-LD objects and microdata. These are the most reliable
sources of a page's title, author and publication time, so they are read once,
here, into one plain record that the title, author and date choosers consult.
Nothing in the tree is changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml.etree import XPath, _Element

from cleaner.resources import load_yaml

_LINKED_DATA_TYPE = "ld+json"
# The elements the field choosers look for in the whole page (see ``landmarks``).
LANDMARK_TAGS = ("meta", "script", "title", "h1", "h2", "time")
# Elements whose microdata value is an attribute rather than their text.
_VALUE_ATTRIBUTES = ("content", "datetime", "value")
# Elements of the head: their itemprop is a meta tag, read with the others.
_HEAD_TAGS = frozenset({"meta", "link", "title"})
# Microdata properties: an attribute query is much faster than an element query with a
# predicate.
_ITEMPROPS = XPath("//@itemprop")


def squeeze(text: str | None) -> str:
    """White space collapsed to single spaces and stripped."""
    return " ".join((text or "").split())


@dataclass(frozen=True, slots=True)
class LinkedNode:
    """One JSON-LD object: its types (lower-cased) and its properties."""

    types: frozenset[str]
    properties: dict[str, Any]


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """Everything machine-readable a page declares, keyed by lower-cased names.

    ``meta`` maps a meta tag's ``property``/``name``/``itemprop`` to its
    contents in page order; ``microdata`` maps an ``itemprop`` of the body to
    the elements that carry it; ``linked_data`` holds every
    JSON-LD object, nested ones included, in page order; ``nodes_by_id`` lets
    a reference such as ``{"@id": "#author"}`` be followed.
    """

    document_title: str
    meta: dict[str, tuple[str, ...]]
    microdata: dict[str, tuple[_Element, ...]]
    linked_data: tuple[LinkedNode, ...]
    nodes_by_id: dict[str, LinkedNode]
    declared_language: str | None

    def meta_values(self, keys: tuple[str, ...] | list[str]) -> Iterator[str]:
        """Non-empty contents of the meta tags named ``keys``, in the order of ``keys``."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    yield value

    def nodes_of_kind(self, kind: str) -> Iterator[LinkedNode]:
        """JSON-LD objects of a kind of ``fields.yaml`` (``article_types``, ...), in page order."""
        types = node_types(kind)
        return (node for node in self.linked_data if node.types & types)

    def resolve(self, value: Any) -> Any:
        """``value`` itself, or the node it refers to by ``@id`` when it is a bare reference."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            node = self.nodes_by_id.get(str(value["@id"]))
            return node.properties if node is not None else value
        return value


@cache
def node_types(kind: str) -> frozenset[str]:
    """The JSON-LD ``@type`` names (lower-cased) listed under ``kind`` in ``fields.yaml``."""
    return frozenset(load_yaml("fields.yaml")[kind])


def landmarks(document: _Element) -> dict[str, list[_Element]]:
    """The page's elements of ``LANDMARK_TAGS``, by tag, in page order, found in one pass.

    Each search of the whole tree costs about as much as this one pass for
    all of them, so the field choosers share it.
    """
    found: dict[str, list[_Element]] = {tag: [] for tag in LANDMARK_TAGS}
    for element in document.iter(*LANDMARK_TAGS):
        found[element.tag].append(element)
    return found


def _meta_tags(elements: list[_Element]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for element in elements:
        content = element.get("content")
        if content is None:
            continue
        content = squeeze(content)
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                found.setdefault(key.strip().lower(), []).append(content)
    return {key: tuple(values) for key, values in found.items()}


def _microdata(document: _Element) -> dict[str, tuple[_Element, ...]]:
    """The microdata of the body: each ``itemprop`` name and the elements that carry it."""
    found: dict[str, list[_Element]] = {}
    for attribute in _ITEMPROPS(document):
        element = attribute.getparent()
        if element.tag not in _HEAD_TAGS:
            for name in attribute.split():
                found.setdefault(name.lower(), []).append(element)
    return {key: tuple(values) for key, values in found.items()}


def microdata_value(element: _Element) -> str:
    """The value a microdata element states: its content/datetime attribute, else its text."""
    for attribute in _VALUE_ATTRIBUTES:
        value = element.get(attribute)
        if value:
            return squeeze(value)
    return squeeze(element.text_content())


def _parse_json(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--") or text.startswith("//<![CDATA["):
        text = text.split("\n", 1)[-1] if "\n" in text else text[4:]
    text = text.removesuffix("-->").removesuffix("//]]>").strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _walk_nodes(value: Any, into: list[LinkedNode]) -> None:
    """Every object of a JSON-LD value, parents before their children."""
    if isinstance(value, list):
        for item in value:
            _walk_nodes(item, into)
        return
    if not isinstance(value, dict):
        return
    declared = value.get("@type")
    types = declared if isinstance(declared, list) else [declared]
    into.append(LinkedNode(frozenset(str(kind).lower() for kind in types if kind), value))
    for key, child in value.items():
        if key != "@context":
            _walk_nodes(child, into)


def _linked_data(scripts: list[_Element], meta: dict[str, tuple[str, ...]]) -> list[LinkedNode]:
    """The JSON-LD objects of the page's scripts, then of the meta tags that carry JSON-LD."""
    nodes: list[LinkedNode] = []
    for script in scripts:
        if _LINKED_DATA_TYPE in (script.get("type") or "").lower():
            _walk_nodes(_parse_json(script.text or ""), nodes)
    for key in load_yaml("fields.yaml")["linked_data_meta"]:
        for content in meta.get(key, ()):
            _walk_nodes(_parse_json(content), nodes)
    return nodes


def _document_title(titles: list[_Element]) -> str:
    """The text of the page's ``<title>`` (the first; an SVG may hold others)."""
    return squeeze(titles[0].text_content()) if titles else ""


def _declared_language(document: _Element, meta: dict[str, tuple[str, ...]]) -> str | None:
    """The language the page declares: ``<html lang>``, else Open Graph or HTTP-equiv meta."""
    for declared in (document.get("lang"), document.get("xml:lang")):
        if declared and declared.strip():
            return declared.strip()
    for key in ("og:locale", "content-language", "language", "dc.language"):
        for value in meta.get(key, ()):
            if value:
                return value
    return None


def read_metadata(document: _Element, found: dict[str, list[_Element]]) -> PageMetadata:
    """Read every meta tag, JSON-LD object and microdata property of the page, once.

    ``found`` are the page's ``landmarks``.
    """
    meta = _meta_tags(found["meta"])
    nodes = _linked_data(found["script"], meta)
    nodes_by_id = {
        str(node.properties["@id"]): node
        for node in nodes
        if "@id" in node.properties and len(node.properties) > 2
    }
    return PageMetadata(
        document_title=_document_title(found["title"]),
        meta=meta,
        microdata=_microdata(document),
        linked_data=tuple(nodes),
        nodes_by_id=nodes_by_id,
        declared_language=_declared_language(document, meta),
    )
