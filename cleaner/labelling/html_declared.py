"""What a page declares about itself in its metadata: its kind and its text.

Product, forum and listing pages keep their main content in other shapes
than articles (prices and specs, posts, lists of items), and the block model
does better knowing which shape to expect. Publishers say it for search
engines: JSON-LD ``@type`` values and ``og:type`` (the mapping from declared
types to page kinds is data: ``page_types`` in ``html_words.yaml``), and the
description, article body or post texts they put in JSON-LD and meta tags,
which repeat the page's main text (a product's description, a question).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from lxml.etree import _Element

from cleaner.labelling.html_words import dom_words

_JSON_LD_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"([^"]+)"')
_JSON_LD_TEXT = re.compile(
    r'"(?:articleBody|text|description|reviewBody|abstract)"\s*:\s*"((?:[^"\\]|\\.)*)"'
)
_WORD = re.compile(r"\w+")
_DESCRIPTIONS = frozenset({"description", "og:description", "twitter:description"})


@dataclass(frozen=True, slots=True)
class Declared:
    """The page kinds a page declares (0/1 per ``page_kinds``) and its declared text."""

    page_kinds: np.ndarray
    text_trigrams: frozenset[tuple[str, str, str]]

    def share_of(self, words: list[str]) -> float:
        """The share of the trigrams of ``words`` (lower-cased) that the declared text holds."""
        if not self.text_trigrams or len(words) < 3:
            return 0.0
        trigrams = zip(words, words[1:], words[2:], strict=False)
        return sum(map(self.text_trigrams.__contains__, trigrams)) / (len(words) - 2)


def declared(document: _Element) -> Declared:
    """What the page's JSON-LD and meta tags say it is, and the text they repeat."""
    words = dom_words()
    types: set[str] = set()
    texts: list[str] = []
    for script in document.iterfind(".//script[@type='application/ld+json']"):
        content = script.text or ""
        types.update(found.lower() for found in _JSON_LD_TYPE.findall(content))
        texts.extend(_JSON_LD_TEXT.findall(content))
    head = document.find("head")
    if head is not None:
        for meta in head.iterfind("meta"):
            name = meta.get("property") or meta.get("name") or ""
            if name == "og:type":
                types.add((meta.get("content") or "").strip().lower())
            elif name in _DESCRIPTIONS:
                texts.append(meta.get("content") or "")
    kinds = {words.page_kind_of_type[name] for name in types if name in words.page_kind_of_type}
    text_words = _WORD.findall(" ".join(texts).replace("\\n", " ").lower())
    return Declared(
        np.array([kind in kinds for kind in words.page_kinds], dtype=np.float64),
        frozenset(zip(text_words, text_words[1:], text_words[2:], strict=False)),
    )
