"""What the line model sees of where a line stands relative to the article's prose."""

from __future__ import annotations

import numpy as np

from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text_features import FEATURE_NAMES, line_features, pages_line_features

ARTICLE = [
    "The council approved the new cycle lanes on Tuesday after a debate that lasted most of "
    "the evening, with residents from both sides of the river filling the public gallery.",
    "Work on the first section is due to start in the spring and should take about four "
    "months, the transport department said in a statement published after the vote.",
    "The plan links the station to the university campus and adds crossings at three "
    "junctions where residents have long complained about speeding traffic.",
    "Opponents argued that the lanes would remove parking spaces that local shops rely on, "
    "and asked the council to delay the decision until a survey of traders was finished.",
]
AFTER_THE_ARTICLE = [
    "Share this article",
    "Facebook",
    "Subscribe to our newsletter",
    "Anna Novak is a reporter who has covered transport and city politics for the paper "
    "since 2019, and previously wrote for several regional magazines.",
]


def _column(features: np.ndarray, name: str) -> np.ndarray:
    return features[:, FEATURE_NAMES.index(name)]


def test_prose_past_share_and_newsletter_lines_is_set_apart_from_the_article():
    """A bio after the share bar is prose too; what lies between it and the article is not."""
    lines = ["Cycle lanes approved", *ARTICLE, *AFTER_THE_ARTICLE]
    features = line_features(lines, phrase_book().match_lines(lines))
    markers = _column(features, "markers_from_densest")
    gap = _column(features, "gap_from_densest")
    article = slice(1, 1 + len(ARTICLE))
    assert markers[article].tolist() == [0.0] * len(ARTICLE)
    assert gap[article].tolist() == [0.0] * len(ARTICLE)
    # The bio: three marker lines ("Share this article", "Facebook", "Subscribe ...")
    # and a run of three lines that are not prose stand between it and the article.
    assert markers[-1] == 3.0 and gap[-1] == 3.0
    # The headline above: one line that is not prose, no marker.
    assert markers[0] == 0.0 and gap[0] == 1.0


def test_section_headers_are_left_to_the_section_columns():
    """ "Related" has columns of its own; counting it here too made a mid-article header
    cut the article's second half."""
    lines = [ARTICLE[0], "Related", *ARTICLE[1:]]
    features = line_features(lines, phrase_book().match_lines(lines))
    assert _column(features, "markers_from_densest").tolist() == [0.0] * len(lines)


def test_a_page_gets_the_same_columns_alone_and_among_other_pages():
    first = ["Cycle lanes approved", *ARTICLE, *AFTER_THE_ARTICLE]
    second = [*AFTER_THE_ARTICLE, *ARTICLE[:2]]
    markers = [phrase_book().match_lines(page) for page in (first, second)]
    together = pages_line_features([first, second], markers)
    alone = np.concatenate(
        [line_features(page, found) for page, found in zip((first, second), markers, strict=True)]
    )
    assert np.array_equal(together, alone, equal_nan=True)
