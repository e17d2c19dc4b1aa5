"""Where a line of a text dump gets its label.

A learned model (``text_lines.json``, trained by ``bench/train_text_lines.py``
on features of the line and its neighbours) gives each line the probability
that it belongs to the article. Rules name the kinds around it: marker phrases
(per language, from data files) mark share, newsletter, legal, navigation and
other clutter lines; a marker that opens a section ("Read next", "Comments")
takes the lines after it along, well-formed teaser sentences included, unless
the model is sure of one; a bare time of day or a short date line is a
timestamp; the headline above the body is the title. What is left is kept or
removed as the model says: kept short unpunctuated lines are subheadings.
Every label carries the rule or the model's probability as its reason.
"""

from __future__ import annotations

import numpy as np

from cleaner.blocks.block import Block, Kind
from cleaner.labelling.forest import ObliviousForest, load_forest
from cleaner.labelling.phrases import Marker, fold, phrase_book
from cleaner.labelling.text_features import FEATURE_NAMES, line_features
from cleaner.labelling.text_sections import find_title, sections
from cleaner.resources import thresholds

_MODEL = "text_lines.json"
_COLUMN = {name: index for index, name in enumerate(FEATURE_NAMES)}


def _bylines_in_short_lines(
    markers: list[Marker | None], words: np.ndarray, max_words: int
) -> list[Marker | None]:
    """Byline markers ("By ...", "Von ...") only count on short lines, not on sentences."""
    return [
        None if marker is not None and marker[0] is Kind.BYLINE and words[i] > max_words else marker
        for i, marker in enumerate(markers)
    ]


def _bare_lead_in(line: str, marker: Marker | None) -> bool:
    """A byline marker that is the whole line: "By" with the name on the next line."""
    return marker is not None and marker[0] is Kind.BYLINE and marker[1] == fold(line)


def label_text_blocks(blocks: list[Block], forest: ObliviousForest | None = None) -> list[Block]:
    """Label every line of a dump kept or removed, with its kind and reason.

    ``forest`` replaces the shipped line model (the benchmark's cross-validation
    labels each page with a model that never saw its site).
    """
    if not blocks:
        return []
    limits = thresholds("text")
    book = phrase_book()
    lines = [block.text for block in blocks]
    markers = book.match_lines(lines)
    features = line_features(lines, markers)
    words = features[:, _COLUMN["words"]]
    markers = _bylines_in_short_lines(markers, words, limits["max_byline_words"])
    probabilities = (forest or load_forest(_MODEL)).probability(features)
    keep = limits["keep_probability"]
    sentence_end = features[:, _COLUMN["ends_terminal"]]
    timestamp = (features[:, _COLUMN["time_of_day"]] > 0) | (
        (features[:, _COLUMN["numeric_date"]] + features[:, _COLUMN["month_date"]] > 0)
        & (words <= limits["max_date_line_words"])
    )
    kept_lines = np.flatnonzero(probabilities >= keep)
    title = find_title(
        lines,
        words,
        int(kept_lines[0]) if len(kept_lines) else len(lines),
        limits["max_title_words"],
        limits["min_title_overlap"],
    )
    in_section = sections(markers, (probabilities >= keep) & ~timestamp, book.section_kinds)
    labelled: list[Block] = []
    for index, block in enumerate(blocks):
        probability = float(probabilities[index])
        marker = markers[index]
        section = in_section[index]
        if index == title:
            kept, kind, reason = False, Kind.TITLE, "rule: headline above the body"
        elif (
            index > 0
            and _bare_lead_in(lines[index - 1], markers[index - 1])
            and (words[index] <= limits["max_author_words"])
        ):
            kept, kind, reason = False, Kind.BYLINE, "rule: name after a bare byline lead-in"
        elif marker is not None and (
            marker[0] in book.section_kinds or probability < limits["sure_body"]
        ):
            kept, kind, reason = False, marker[0], f"phrase {marker[1]!r}"
        elif timestamp[index]:
            kept, kind, reason = False, Kind.TIMESTAMP, "rule: time or date line"
        elif section is not None:
            kept, kind = False, section.kind
            reason = f"section after {section.phrase!r} (model p={probability:.2f})"
        elif probability >= keep:
            kept = True
            heading = words[index] <= limits["max_heading_words"] and not sentence_end[index]
            kind = Kind.HEADING if heading else Kind.BODY
            reason = f"model p={probability:.2f}"
        else:
            kept, kind, reason = False, Kind.OTHER, f"model p={probability:.2f}"
        labelled.append(
            Block(
                block.position,
                block.text,
                block.tag,
                2 if kind is Kind.HEADING else (1 if kind is Kind.TITLE else None),
                kept,
                kind,
                reason,
            )
        )
    return labelled
