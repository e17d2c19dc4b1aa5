"""Who wrote the page's article or started its thread, as the page writes the name(s).

Names come from what the page declares (JSON-LD ``author`` of the article and
of other objects, meta ``author`` and kin, microdata, ``rel=author`` links) and
from what it shows: a byline ("By Ann Lee and Bo Chan"), a name under a
"Written by" label, an element whose class says ``byline``, ``author`` or
``username`` (a forum post's author), a link to an author's or a user's page,
a short name near the headline, the alt text of an author box's picture,
the first term of a forum post's details list. Prefixes ("By", "Written by"), dates and
roles after the names are cut off; a URL, a handle or a word such as "admin"
is no name. Every distinct name is a candidate, described by its sources,
how many agree, where it stands relative to the headline and what kind of
page it is on; a learned scorer picks one, or none when no score is high
enough (many pages name no author, and a wrong name is worse than none).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
from lxml.etree import XPath

from cleaner.fields.dates import find_dates
from cleaner.fields.lines import fold_quotes
from cleaner.fields.marked import marked_names, page_marked_names
from cleaner.fields.names import author_rules, clean_byline, handle_like, whole_name
from cleaner.fields.page import PageView
from cleaner.fields.ranking import Candidate, scores, top
from cleaner.fields.structured import PageMetadata, microdata_value
from cleaner.resources import thresholds

MODEL = "fields_author.json"
_NAME_PROP = XPath(".//*[@itemprop='name']")
_JOINER = re.compile(r",|&|\sand\s|\sund\s|\set\s|\sy\s", re.IGNORECASE)
_PERSON = "person"
# The sources of a name; each gives a feature "from_<source>".
SOURCES = (
    "ld_article_person",
    "ld_article_organisation",
    "ld_other",
    "ld_person",
    "meta",
    "meta_label",
    "microdata",
    "rel_author",
    "byline_element",
    "user_element",
    "by_prefix",
    "after_label",
    "author_link",
    "user_link",
    "near_headline",
    "dateline_part",
    "data_author",
    "copyright",
    "site_name",
    "span_of_names",
    "author_image",
    "post_term",
)
# Sources that name an article's author (not any user of the page): several of their
# names written together in one block are a byline of several authors.
_AUTHOR_SOURCES = frozenset(
    {
        "ld_article_person",
        "meta",
        "meta_label",
        "microdata",
        "rel_author",
        "byline_element",
        "author_link",
        "by_prefix",
        "after_label",
    }
)
_DECLARED_SOURCES = frozenset(
    {"ld_article_person", "meta", "meta_label", "microdata", "rel_author"}
)
# Sources whose names, when several, are also joined into one candidate.
_JOINED_SOURCES = ("author_link", "rel_author")
# How many numbered label/value meta pairs are read (twitter:label1 ... twitter:label4).
_LABEL_PAIRS = 4
_DATELINE_PIECES = re.compile(r"\s[|·•—–-]\s|[|·•]|,\s")


@dataclass(frozen=True, slots=True)
class _LinePatterns:
    """Patterns run once over a page's short lines (see ``lines``), each starting with a literal
    so that the engine skips fast; ``folded`` ones read the folded lines, the others as written.
    """

    prefixed: re.Pattern[str]  # folded: "\nby ", "\nwritten by ", ...
    glued: re.Pattern[str]  # "\nByAnn Lee"
    inner: tuple[re.Pattern[str], ...]  # "... by Ann Lee" after other words
    label: re.Pattern[str]  # folded: a line that is only "Written by" or "Author:"
    copyright: re.Pattern[str]  # folded: "© 2024 " or "copyright 2020-2024 "


@cache
def _line_patterns() -> _LinePatterns:
    rules = author_rules()
    prefixes = sorted(rules["prefixes"], key=len, reverse=True)
    spaced = "|".join(re.escape(prefix) for prefix in prefixes)
    labels = "|".join(re.escape(prefix.rstrip(":")) for prefix in prefixes)
    glued = "|".join(
        "".join(f"[{char.upper()}{char}]" for char in prefix) for prefix in rules["glued_prefixes"]
    )
    years = r"[ \t]*(?:\d{4}[ \t]*[-–]?[ \t]*)*"
    return _LinePatterns(
        prefixed=re.compile(rf"\n(?:{spaced})(?:[ \t]+|(?<=:))"),
        glued=re.compile(rf"\n(?:{glued})(?=[A-Z][a-z])"),
        inner=tuple(
            re.compile(rf" {re.escape(word)} +(?=[A-Z])") for word in rules["inner_prefixes"]
        ),
        label=re.compile(rf"\n(?:{labels})[ \t]*:?[ \t]*(?=\n|$)"),
        copyright=re.compile(rf"(?:©|copyright){years}"),
    )


@cache
def _not_bylines() -> tuple[str, ...]:
    """Words that make "... by X" a link or a quote, not a byline ("More posts by X")."""
    return tuple(author_rules()["not_byline_before"])


@dataclass(slots=True)
class _Evidence:
    """What the sources say about one name, gathered before features are made."""

    text: str
    sources: dict[str, int] = field(default_factory=dict)  # source -> rank within it
    block: int | None = None  # the block it was read from, if any
    # Whether some source gave it through the byline rules (not only as a declared whole).
    cleaned: bool = False


class _Names:
    """The candidate names of a page, merged by their folded form."""

    def __init__(self) -> None:
        self.found: dict[str, _Evidence] = {}
        self.counts: dict[str, int] = {}
        self.whole_counts: dict[str, int] = {}
        self.per_source = thresholds("fields")["author_names_per_source"]

    def full(self, source: str) -> bool:
        """Whether ``source`` has given all the names it may."""
        return self.counts.get(source, 0) >= self.per_source

    def wanted(self, source: str) -> bool:
        """Whether ``source`` may still give names."""
        return not self.full(source)

    def add(
        self, source: str, raw: str | None, block: int | None = None, whole: bool = False
    ) -> None:
        """Add the name(s) of ``raw`` as the byline rules read them, or as written (``whole``).

        Whole values have a count of their own, so that they never crowd out
        the cleaned names of their source; they rank with the cleaned name
        read before them.
        """
        counts = self.whole_counts if whole else self.counts
        if counts.get(source, 0) >= self.per_source or not raw:
            return
        name = whole_name(raw) if whole else clean_byline(raw)
        if name is None:
            return
        evidence = self.found.setdefault(fold_quotes(name), _Evidence(name))
        evidence.cleaned = evidence.cleaned or not whole
        if source not in evidence.sources:
            evidence.sources[source] = max(self.counts.get(source, 0) - whole, 0)
            counts[source] = counts.get(source, 0) + 1
        if evidence.block is None:
            evidence.block = block

    def add_declared(self, source: str, value: str | None) -> None:
        """A declared value: its names as a byline gives them, and the value as written."""
        self.add(source, value)
        self.add(source, value, whole=True)


def _linked_names(value: Any, metadata: PageMetadata) -> Iterator[tuple[str, bool]]:
    """The names in a JSON-LD author value, each with whether it names a person."""
    value = metadata.resolve(value)
    if isinstance(value, list):
        for item in value:
            yield from _linked_names(item, metadata)
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


def _declared(names: _Names, metadata: PageMetadata) -> None:
    """Names the page declares: JSON-LD authors, people, meta tags, microdata."""
    rules = author_rules()
    article_nodes = set(map(id, metadata.nodes_of_kind("article_types")))
    people: list[str] = []
    for node in metadata.linked_data:
        is_article = id(node) in article_nodes
        for prop in rules["linked_data"]:
            for name, is_person in _linked_names(node.properties.get(prop), metadata):
                if not is_article:
                    names.add_declared("ld_other", name)
                elif is_person:
                    names.add_declared("ld_article_person", name)
                    people.append(name)
                else:
                    names.add_declared("ld_article_organisation", name)
        if _PERSON in node.types and isinstance(node.properties.get("name"), str):
            names.add_declared("ld_person", node.properties["name"])
    if len(people) > 1:
        names.add_declared("ld_article_person", ", ".join(dict.fromkeys(people)))
    for key in rules["meta"]:
        values = [value for value in metadata.meta.get(key, ()) if value]
        for value in values:
            names.add_declared("meta", value)
        if len(values) > 1:
            names.add_declared("meta", ", ".join(values))
    for value in _labelled_meta(metadata):
        names.add_declared("meta_label", value)
    for element in metadata.microdata.get("author", ()):
        named = _NAME_PROP(element)
        names.add_declared("microdata", microdata_value(named[0] if named else element))


def _joined_links(names: _Names) -> None:
    """The names of several author links (or rel=author links) as one byline, in page order.

    Sites link each of an article's authors to their page; the byline is
    those links together ("Adrien Ramirez, Joanna Nelius").
    """
    for source in _JOINED_SOURCES:
        linked = sorted(
            (evidence.sources[source], evidence.text)
            for evidence in names.found.values()
            if source in evidence.sources and evidence.cleaned
        )
        if len(linked) > 1:
            names.add(source, ", ".join(text for _rank, text in linked), whole=True)


def _labelled_meta(metadata: PageMetadata) -> Iterator[str]:
    """Values of numbered meta pairs whose label announces an author.

    Yoast SEO, on a great many WordPress sites, writes the author only so:
    ``twitter:label1`` "Written by" and ``twitter:data1`` "Ann Lee".
    """
    rules = author_rules()
    labels = frozenset(rules["meta_author_labels"])
    for label_key, data_key in rules["meta_label_pairs"]:
        for number in range(1, _LABEL_PAIRS + 1):
            written = metadata.meta.get(f"{label_key}{number}", ())
            if any(label.casefold().strip(" :") in labels for label in written):
                yield from metadata.meta.get(f"{data_key}{number}", ())


def _shown_in_blocks(names: _Names, view: PageView, headline: int | None) -> None:
    """Bylines the reader sees: "By ..." lines, names under a label, names by the headline."""
    lines, blocks = view.lines, view.blocks
    patterns = _line_patterns()
    prefixed = set()
    for match in patterns.prefixed.finditer(lines.folded):
        prefixed.add(lines.line_at(match.start() + 1, folded=True))
        names.add("by_prefix", lines.rest_of_line(match.end(), folded=True), None)
    for match in patterns.glued.finditer(lines.text):
        prefixed.add(lines.line_at(match.start() + 1))
        names.add("by_prefix", lines.rest_of_line(match.end()), None)
    for pattern in patterns.inner:
        for match in pattern.finditer(lines.text):
            number = lines.line_at(match.start())
            before = lines.text[lines.starts[number] : match.start()].casefold()
            if number not in prefixed and not before.endswith(_not_bylines()):
                names.add("by_prefix", lines.rest_of_line(match.end()), None)
    for match in patterns.label.finditer(lines.folded):
        index = lines.blocks[lines.line_at(match.start() + 1, folded=True)] + 1
        if index < len(blocks):
            names.add("after_label", blocks[index].text, index)
    for match in patterns.copyright.finditer(lines.folded):
        names.add("copyright", lines.rest_of_line(match.end(), folded=True), None)
    max_chars = author_rules()["max_chars"]
    limits = thresholds("fields")
    if headline is None:
        low, high = 0, limits["author_top_blocks"]
    else:
        low = -limits["author_blocks_before_headline"]
        high = limits["author_blocks_after_headline"]
    start = headline or 0
    dated = set(view.dated_blocks)
    for index in range(max(0, start + low), min(len(blocks), start + high)):
        text = blocks[index].text
        if index == headline:
            continue
        if len(text.split()) <= limits["author_unmarked_max_words"] and headline is not None:
            names.add("near_headline", text, index)
        elif len(text) <= max_chars and index in dated:
            _dateline_names(names, text, index)


def _dateline_names(names: _Names, text: str, index: int) -> None:
    """The names in a dateline ("Dec. 19, 2025 · Niko Matsakis"): its pieces around the dates."""
    dates = find_dates(text)
    if not dates:
        return
    kept, last = [], 0
    for start, end, _moment in dates:
        kept.append(text[last:start])
        last = end
    kept.append(text[last:])
    for piece in _DATELINE_PIECES.split(" | ".join(kept)):
        names.add("dateline_part", piece, index)


def _spans_of_names(names: _Names, view: PageView) -> None:
    """Several authors' names written together ("Ann Lee, Bo Chan & Cy Dee"), as written."""
    authors = [
        key for key, evidence in names.found.items() if _AUTHOR_SOURCES & evidence.sources.keys()
    ]
    if len(authors) < 2:
        return
    lines = view.lines
    places: dict[int, list[tuple[int, int]]] = {}
    for key in authors:
        position = lines.folded.find(key)
        while position >= 0:
            number = lines.line_at(position, folded=True)
            offset = position - lines.folded_starts[number]
            places.setdefault(number, []).append((offset, offset + len(key)))
            position = lines.folded.find(key, position + 1)
    for number, spans in places.items():
        if len(spans) < 2:
            continue
        line = lines.line(number)
        start, end = min(span[0] for span in spans), max(span[1] for span in spans)
        names.add("span_of_names", line[start:end], lines.blocks[number])


_WORD = re.compile(r"[^\W\d_]+")


def _common_word_share(text: str, view: PageView) -> float:
    """The share of the capitalised words of ``text`` that the page also writes in lower case.

    A name's words are capitalised wherever they stand; the words of menus,
    labels and headings ("Search", "Home", "Updated") are ordinary words
    that running text writes lower case. Particles ("van", "and") are left out.
    """
    particles = author_rules()["name_particles"]
    words = [
        word
        for word in _WORD.findall(text)
        if len(word) > 1 and word[0].isupper() and word.casefold() not in particles
    ]
    if not words:
        return float("nan")
    return sum(view.writes_lower_case(word) for word in words) / len(words)


def _first_shown(key: str, view: PageView, evidence: _Evidence) -> tuple[int | None, int]:
    """The first short block that holds the name, and how often the short blocks write it."""
    lines = view.lines
    position = lines.folded.find(key)
    if position < 0:
        return evidence.block, 0
    first = lines.blocks[lines.line_at(position, folded=True)]
    if evidence.block is not None:
        first = min(first, evidence.block)
    return first, lines.folded.count(key)


def _features(
    key: str, evidence: _Evidence, view: PageView, headline: int | None, page: dict
) -> dict[str, float]:
    text = evidence.text
    shown_at, shown_count = _first_shown(key, view, evidence)
    words = text.split()
    features = {f"from_{source}": float(source in evidence.sources) for source in SOURCES}
    features |= {
        "sources": float(len(evidence.sources)),
        "best_rank": float(min(evidence.sources.values())),
        "shown": float(shown_at is not None),
        "shown_at": shown_at / max(len(view.blocks), 1) if shown_at is not None else float("nan"),
        "from_headline": float(shown_at - headline)
        if shown_at is not None and headline is not None
        else float("nan"),
        "shown_count": float(shown_count),
        "words": float(len(words)),
        "chars": float(len(text)),
        "capitalised": float(all(word[0].isupper() for word in words if word[0].isalpha())),
        "handle_like": float(handle_like(text)),
        "whole_only": float(not evidence.cleaned),
        "common_words": _common_word_share(text, view),
        "has_joiner": float(bool(_JOINER.search(text))),
        "has_digit": float(any(char.isdigit() for char in text)),
        "names_site": float(view.site.names(text)),
        "holds_declared": float(sum(name in key for name in page["_declared"] if name != key)),
        "held_by_other": float(any(key in other for other in page["_keys"] if other != key)),
    }
    return features | {name: value for name, value in page.items() if not name.startswith("_")}


def author_candidates(view: PageView, dated: float) -> list[Candidate[str]]:
    """Every name the page offers as its author's, with the features the scorer reads.

    ``dated`` is how sure the date scorer is of the page's publication date:
    dated pages are articles and posts, which have authors.
    """
    names = _Names()
    _declared(names, view.metadata)
    headline = view.headline
    _shown_in_blocks(names, view, headline)
    for source, text in marked_names(view, names.wanted):
        names.add(source, text)
    for source, text in page_marked_names(view, names.wanted):
        names.add(source, text)
    _joined_links(names)
    for value in view.metadata.meta_values(["og:site_name"]):
        names.add("site_name", value)
    _spans_of_names(names, view)
    page = view.kind_features | {
        "page_has_declared_person": float(
            "ld_article_person" in names.counts or "meta" in names.counts
        ),
        "page_user_elements": float(names.counts.get("user_element", 0)),
        "page_has_headline": float(headline is not None),
        "page_dated": dated,
        "_declared": [
            key
            for key, evidence in names.found.items()
            if _DECLARED_SOURCES & evidence.sources.keys()
        ],
        "_keys": list(names.found),
    }
    candidates = [
        Candidate(evidence.text, _features(key, evidence, view, headline, page))
        for key, evidence in names.found.items()
    ]
    _relative_features(candidates)
    return candidates


def _relative_features(candidates: list[Candidate[str]]) -> None:
    """How each candidate compares with the page's others.

    The scorer judges one candidate at a time, but the right name is the
    best of its page: the most agreed-on one. ``sources_lead`` is how many
    more sources name it than name the page's next best-supported candidate.
    """
    counts = sorted((candidate.features["sources"] for candidate in candidates), reverse=True)
    first, second = counts[0] if counts else 0.0, counts[1] if len(counts) > 1 else 0.0
    total = float(len(candidates))
    for candidate in candidates:
        mine = candidate.features["sources"]
        candidate.features["sources_lead"] = mine - (second if mine == first else first)
        candidate.features["page_candidates"] = total


def pick_author(candidates: list[Candidate[str]], scored: np.ndarray) -> str | None:
    """The name scored highest, when its score is high enough.

    When the page writes that name together with its other declared
    authors ("Ann Lee and Bo Chan"), the names are given as written there.
    """
    chosen = top(candidates, scored, thresholds("fields")["author_min_score"])
    if chosen is None:
        return None
    parts = [part.strip() for part in _JOINER.split(fold_quotes(chosen.value))]
    spans = (
        candidate.value
        for candidate in candidates
        if candidate.features["from_span_of_names"]
        and all(part in fold_quotes(candidate.value) for part in parts if part)
    )
    return next(spans, chosen.value)


def choose_author(view: PageView, dated: float) -> str | None:
    """The page's author(s), as the scorer ranks the candidates (see ``author_candidates``)."""
    candidates = author_candidates(view, dated)
    return pick_author(candidates, scores(candidates, MODEL))
