"""What class and id words (and a few tags) say about a container: ``html_words.yaml``.

Site builders name their boxes: ``class="related-posts"``, ``id="commentList"``,
``class="c-newsletter-signup"``. The words of those names, matched against the
groups of the word file, are the most telling DOM evidence the block model
gets, and they name the kind of a removed block. Adding a word is editing the
YAML file, not this code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cleaner.blocks.block import Kind
from cleaner.resources import load_yaml

_ATTRIBUTE_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@dataclass(frozen=True, slots=True)
class DomWords:
    """The word groups, each a bit of a mask, the stop words of all languages, and
    the page kinds that metadata types declare."""

    group_names: tuple[str, ...]
    group_kinds: dict[str, Kind]
    tag_masks: dict[str, int]
    word_masks: dict[str, int]
    prefix_pattern: re.Pattern[str]  # the longest listed prefix a word starts with
    prefix_masks: dict[str, int]  # a prefix's groups, and those of the prefixes inside it
    stopwords: frozenset[str]
    ignored_class_prefixes: re.Pattern[str]  # class names that are taxonomy, not role
    page_kinds: tuple[str, ...]  # what a page can declare itself to be
    page_kind_of_type: dict[str, str]  # lower-cased schema.org type or og:type -> page kind

    def bit(self, group: str) -> int:
        """The bit of ``group`` in a mask."""
        return 1 << self.group_names.index(group)

    def mask_of(self, tag: str, attributes: str) -> int:
        """The groups of an element, from its tag and its ``class``/``id`` words."""
        mask = self.tag_masks.get(tag, 0)
        if self.ignored_class_prefixes.search(attributes):
            attributes = self.ignored_class_prefixes.sub(" ", attributes)
        for word in _ATTRIBUTE_WORD.findall(attributes):
            word = word.lower()
            mask |= self.word_masks.get(word, 0)
            prefix = self.prefix_pattern.match(word)
            if prefix is not None:
                mask |= self.prefix_masks[prefix.group()]
        return mask


@cache
def dom_words() -> DomWords:
    """The word file, parsed once."""
    data = load_yaml("html_words.yaml")
    groups = data["groups"]
    names = tuple(groups)
    tag_masks: dict[str, int] = {}
    word_masks: dict[str, int] = {}
    prefix_masks: dict[str, int] = {}
    for index, name in enumerate(names):
        for tag in groups[name].get("tags", []):
            tag_masks[str(tag)] = tag_masks.get(str(tag), 0) | 1 << index
        for word in groups[name].get("words", []):
            word_masks[str(word)] = word_masks.get(str(word), 0) | 1 << index
        for prefix in groups[name].get("prefixes", []):
            prefix_masks[str(prefix)] = prefix_masks.get(str(prefix), 0) | 1 << index
    kinds = {name: Kind(spec["kind"]) for name, spec in groups.items() if spec.get("kind")}
    stopwords = frozenset(
        str(word).lower() for words in data["stopwords"].values() for word in words
    )
    for prefix in prefix_masks:
        for shorter, mask in list(prefix_masks.items()):
            if prefix != shorter and prefix.startswith(shorter):
                prefix_masks[prefix] |= mask
    longest_first = sorted(prefix_masks, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(prefix) for prefix in longest_first))
    page_kind_of_type = {
        str(declared).lower(): page_kind
        for page_kind, declared_types in data["page_types"].items()
        for declared in declared_types
    }
    return DomWords(
        names,
        kinds,
        tag_masks,
        word_masks,
        pattern,
        prefix_masks,
        stopwords,
        re.compile(
            r"(?<!\S)(?:"
            + "|".join(re.escape(prefix) for prefix in data["ignored_class_prefixes"])
            + r")\S*"
        ),
        tuple(data["page_types"]),
        page_kind_of_type,
    )
