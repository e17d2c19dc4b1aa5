"""The page's title as a reader would name it: the headline, not the browser-tab title.

A page states its title in several places: the ``h1`` the reader sees, the
``og:title`` and JSON-LD ``headline`` written for sharing, the ``<title>`` of
the tab, which usually adds the site's name or a tagline ("Headline | Site",
"Site - Product - Category"). Which of them, and which part of it, is the
title varies: the ``h1`` is often the site's logo or a slogan, the metadata
often a text written for search engines. So every source and every run of
segments between separators is a candidate, described by where it comes from,
what was cut off (the site's name, a tagline), how many sources agree with it
and what kind of page it is on; a learned scorer picks one (see ``ranking``).
The page's characters are kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from lxml.etree import XPath, _Element

from cleaner.fields.lines import fold_quotes
from cleaner.fields.page import PageView
from cleaner.fields.ranking import Candidate, scores, top
from cleaner.fields.structured import squeeze
from cleaner.resources import load_yaml, thresholds

MODEL = "fields_title.json"
_WORD = re.compile(r"\w+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_MIN_SLUG_WORDS = 2
# A heading's surroundings, its eight nearest ancestors, read as strings and booleans
# (making element objects is what costs in lxml).
_ANCESTOR_MARKS = XPath(
    "ancestor::*[position() <= 8]/@class | ancestor::*[position() <= 8]/@id",
    smart_strings=False,
)
_IN_CHROME_TAGS = XPath(
    "boolean(ancestor::*[position() <= 8][self::header or self::nav or self::footer"
    " or self::aside])"
)
_IN_LINK = XPath("boolean(ancestor::a)")
# How many headings of each level are candidates.
# The sources of a title, in order of trust; each gives features "<source>_whole/_part".
SOURCES = ("og", "twitter", "meta", "ld_headline", "ld_name", "document", "h1", "h2")
# Separator marks after or before a segment, grouped: the group names a feature.
_MARK_GROUPS = {"|": "pipe", "-": "dash", "–": "dash", "—": "dash", ":": "colon", "::": "colon"}


@cache
def _separator_pattern() -> re.Pattern[str]:
    rules = load_yaml("fields.yaml")["title"]
    spaced = "|".join(re.escape(mark) for mark in rules["separators"])
    tight = "|".join(re.escape(mark) for mark in rules["tight_separators"])
    return re.compile(rf"(\s+(?:{spaced})\s+|\s*(?:{tight})\s*|(?<=\w):\s+)")


@cache
def _trailing_marks() -> str:
    return "".join(load_yaml("fields.yaml")["title"]["trailing_marks"]) + " "


def tidy_title(text: str) -> str:
    """White space collapsed, invisible characters and heading anchor marks removed."""
    return squeeze(_INVISIBLE.sub("", text)).rstrip(_trailing_marks())


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


@dataclass(slots=True)
class _Evidence:
    """What the sources say about one candidate text, gathered before features are made."""

    text: str
    whole: set[str] = field(default_factory=set)
    part: set[str] = field(default_factory=set)
    h1_rank: float = float("nan")
    heading: _Element | None = None
    cut_front: int = 99
    cut_back: int = 99
    cut_only_site: bool = False
    cut_site_front: bool = False
    cut_site_back: bool = False
    mark_after: str = ""
    mark_before: str = ""
    pieces: int = 1


@dataclass(frozen=True, slots=True)
class _Stated:
    """A title as one source states it; ``heading`` is the element of a heading source."""

    source: str
    text: str
    rank: int
    heading: _Element | None = None


def _stated_titles(view: PageView) -> Iterator[_Stated]:
    """Every place the page states a title, the most trusted sources first."""
    rules = load_yaml("fields.yaml")["title"]
    metadata = view.metadata
    for key, source in (("og:title", "og"), ("twitter:title", "twitter")):
        for value in metadata.meta.get(key, ())[:1]:
            yield _Stated(source, value, 0)
    for rank, value in enumerate(metadata.meta_values(rules["meta"])):
        yield _Stated("meta", value, rank)
    for rank, node in enumerate(metadata.nodes_of_kind("article_types")):
        headline = node.properties.get("headline")
        if isinstance(headline, str):
            yield _Stated("ld_headline", headline, rank)
    for rank, node in enumerate(metadata.nodes_of_kind("named_types")):
        name = node.properties.get("name")
        if isinstance(name, str):
            yield _Stated("ld_name", name, rank)
    if metadata.document_title:
        yield _Stated("document", metadata.document_title, 0)
    yield from _headings(view)


def _headings(view: PageView) -> Iterator[_Stated]:
    """The first headings of the page."""
    limits = thresholds("fields")
    for tag in ("h1", "h2"):
        for index, heading in enumerate(view.elements[tag][: limits[f"title_{tag}s"]]):
            yield _Stated(tag, heading.text_content(), index, heading)


def _runs(pieces: list[str]) -> Iterator[tuple[int, int]]:
    """The (start, end) of every run of consecutive pieces, the whole excepted."""
    count = len(pieces)
    most = thresholds("fields")["title_runs_max_pieces"]
    for start in range(count):
        for end in range(start + 1, count + 1):
            if (start, end) == (0, count):
                continue
            if count > most and start != 0 and end != count:
                continue
            yield start, end


def _gather(view: PageView) -> dict[str, _Evidence]:
    """Every candidate text, keyed by its folded form, with the evidence of each source.

    Texts that differ only in case, white space or quote marks are one
    candidate, written as the most trusted source writes it.
    """
    found: dict[str, _Evidence] = {}
    site = view.site
    longest = thresholds("fields")["title_max_words"]
    for stated in _stated_titles(view):
        text = tidy_title(stated.text)
        if not text or len(text.split()) > longest * 2:
            continue
        evidence = found.setdefault(fold_quotes(text), _Evidence(text))
        evidence.whole.add(stated.source)
        evidence.cut_front = evidence.cut_back = 0
        if stated.source == "h1" and not evidence.h1_rank <= stated.rank:
            evidence.h1_rank = stated.rank
        if evidence.heading is None:
            evidence.heading = stated.heading
        split = _separator_pattern().split(text)
        pieces, marks = split[::2], [mark.strip() or ":" for mark in split[1::2]]
        if len(pieces) < 2:
            continue
        site_piece = [site.names(piece) for piece in pieces]
        for start, end in _runs(pieces):
            part = "".join(split[2 * start : 2 * end - 1]).strip()
            if not part:
                continue
            evidence = found.setdefault(fold_quotes(part), _Evidence(part))
            evidence.part.add(stated.source)
            cut = site_piece[:start] + site_piece[end:]
            if (start, len(pieces) - end) < (evidence.cut_front, evidence.cut_back):
                evidence.cut_front, evidence.cut_back = start, len(pieces) - end
                evidence.mark_before = marks[start - 1] if start else ""
                evidence.mark_after = marks[end - 1] if end < len(pieces) else ""
                evidence.pieces = len(pieces)
            evidence.cut_only_site |= all(cut)
            evidence.cut_site_front |= start > 0 and all(site_piece[:start])
            evidence.cut_site_back |= end < len(pieces) and all(site_piece[end:])
    return found


def _overlap(words: set[str], other: set[str]) -> float:
    return len(words & other) / len(words) if words else 0.0


@cache
def _chrome_pattern() -> re.Pattern[str]:
    words = load_yaml("fields.yaml")["title"]["chrome_words"]
    return re.compile("|".join(re.escape(word) for word in words))


def _heading_features(heading: _Element | None) -> dict[str, float]:
    """Where a heading stands: in the page's chrome (header, logo, link) or in its content."""
    if heading is None:
        return {"heading_in_chrome": float("nan"), "heading_in_link": float("nan")}
    marks = " ".join(_ANCESTOR_MARKS(heading)).lower()
    in_chrome = _IN_CHROME_TAGS(heading) or bool(_chrome_pattern().search(marks))
    return {"heading_in_chrome": float(in_chrome), "heading_in_link": float(_IN_LINK(heading))}


def _features(key: str, evidence: _Evidence, view: PageView, reference: dict) -> dict:
    text = evidence.text
    words = _words(text)
    letters = sum(map(str.isalpha, text))
    features = {
        f"{source}_{how}": float(source in chosen)
        for source in SOURCES
        for how, chosen in (("whole", evidence.whole), ("part", evidence.part))
    }
    shown_at = reference["shown"].get(key)
    features |= {
        "h1_rank": evidence.h1_rank,
        "cut_front": float(evidence.cut_front),
        "cut_back": float(evidence.cut_back),
        "cut_pieces_of": float(evidence.pieces),
        "cut_only_site": float(evidence.cut_only_site),
        "cut_site_front": float(evidence.cut_site_front),
        "cut_site_back": float(evidence.cut_site_back),
        "agreeing_sources": float(len(evidence.whole)),
        "containing_sources": float(sum(key in whole for whole in reference["folded_wholes"])),
        "shown_at": shown_at / max(len(view.blocks), 1) if shown_at is not None else float("nan"),
        "to_prose": view.blocks_to_prose(shown_at),
        "words": float(len(text.split())),
        "chars": float(len(text)),
        "upper_share": sum(map(str.isupper, text)) / letters if letters else 0.0,
        "has_digit": float(any(map(str.isdigit, text))),
        "names_site": float(view.site.names(text)),
        "has_separator": float(bool(_separator_pattern().search(text))),
    }
    features |= _heading_features(evidence.heading)
    for mark_name in ("pipe", "dash", "colon"):
        features[f"mark_after_{mark_name}"] = float(
            _MARK_GROUPS.get(evidence.mark_after) == mark_name
        )
        features[f"mark_before_{mark_name}"] = float(
            _MARK_GROUPS.get(evidence.mark_before) == mark_name
        )
    for name, other in reference["word_sets"].items():
        features[f"in_{name}"] = _overlap(words, other) if other else float("nan")
        features[f"covers_{name}"] = _overlap(other, words) if other else float("nan")
    return features | reference["page"]


def _reference(found: dict[str, _Evidence], view: PageView) -> dict:
    """What candidates are compared with: each source's whole texts, the blocks, the URL."""
    firsts: dict[str, tuple[str, str]] = {}  # source -> (folded text, text)
    for key, evidence in found.items():
        for source in evidence.whole:
            firsts.setdefault(source, (key, evidence.text))
    # Reversed, so that the first block of a text is the one kept.
    shown = dict(zip(reversed(view.lines.folded_lines()), reversed(view.lines.blocks), strict=True))
    return {
        "folded_wholes": [key for key, _ in firsts.values()],
        "shown": shown,
        "word_sets": {
            name: _words(firsts.get(name, ("", ""))[1]) for name in ("h1", "document", "og")
        }
        | {"slug": _words(view.slug) if len(view.slug.split()) >= _MIN_SLUG_WORDS else set()},
        "page": view.kind_features
        | {
            "h1_count": float(len(view.elements["h1"])),
            "has_og_title": float("og" in firsts),
        },
    }


def title_candidates(view: PageView) -> list[Candidate[str]]:
    """Every title the page offers, with the features the scorer reads."""
    longest = thresholds("fields")["title_max_words"]
    found = {
        key: evidence
        for key, evidence in _gather(view).items()
        if len(evidence.text.split()) <= longest and any(char.isalnum() for char in key)
    }
    reference = _reference(found, view)
    return [
        Candidate(evidence.text, _features(key, evidence, view, reference))
        for key, evidence in found.items()
    ]


def pick_title(candidates: list[Candidate[str]], scored: np.ndarray) -> str | None:
    """The title scored highest: every page has one when it states any."""
    chosen = top(candidates, scored, thresholds("fields")["title_min_score"])
    return chosen.value if chosen else None


def choose_title(view: PageView) -> str | None:
    """The page's title, as the scorer ranks the candidates."""
    candidates = title_candidates(view)
    return pick_title(candidates, scores(candidates, MODEL))
