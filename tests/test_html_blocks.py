"""HTML main-content extraction: segmentation, labels and kinds, on real pages.

The WCXB pages under tests/data/wcxb are copied from the dev set (CC-BY-4.0,
see the README there) with their gold main content; they are scored with the
benchmark's own bag-of-words metric.
"""

import gzip
import json
import re
from pathlib import Path

import numpy as np
import pytest

from bench.wcxb import score
from cleaner import clean_html
from cleaner.blocks.block import Kind
from cleaner.blocks.html import SKIPPED_TAGS, parse_html, segment_html
from cleaner.labelling.forest import load_forest
from cleaner.labelling.html import MODEL_FILE, label_html_blocks, page_cut
from cleaner.labelling.html_features import FEATURE_NAMES, block_features

WCXB = Path(__file__).resolve().parent / "data" / "wcxb"
KEPT_KINDS = {Kind.BODY, Kind.HEADING}


def _segment(html: str):
    document = parse_html(html)
    assert document is not None
    return segment_html(document)


def _texts(html: str) -> list[str]:
    return [block.text for block in _segment(html).blocks]


def _labelled(html: str):
    return label_html_blocks(_segment(html))


# --- segmentation -----------------------------------------------------------------------------


def test_blocks_follow_reading_order_and_structure():
    html = """<html><head><title>T</title><style>p {color: red}</style></head><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
      <h1>The headline</h1>
      <p>First <b>bold</b> paragraph with <a href="#">a link</a>.</p>
      <div>Loose text<p>Nested paragraph</p>tail text</div>
      <table><tr><td>cell one</td><td>cell two</td></tr></table>
      <script>var hidden = "never shown";</script>
      <p>Line one<br>line two</p>
    </body></html>"""
    assert _texts(html) == [
        "Home",
        "News",
        "The headline",
        "First bold paragraph with a link.",
        "Loose text",
        "Nested paragraph",
        "tail text",
        "cell one",
        "cell two",
        "Line one",
        "line two",
    ]


def test_every_visible_word_lands_in_exactly_one_block():
    html = (WCXB / "0502.html.gz").read_bytes()
    segmented = _segment(gzip.decompress(html).decode("utf-8"))
    body = segmented.document.find("body")
    for invisible in list(body.iter(*SKIPPED_TAGS)):
        invisible.drop_tree()  # our copy of the tree, parsed for this test only
    visible = re.sub(r"\s+", "", "".join(body.itertext()))
    in_blocks = re.sub(r"\s+", "", "".join(block.text for block in segmented.blocks))
    assert in_blocks == visible


def test_headings_carry_their_level_and_blocks_their_position():
    blocks = _segment("<body><h2>Section</h2><p>Text</p><h4>Sub</h4></body>").blocks
    assert [(block.tag, block.heading_level) for block in blocks] == [
        ("h2", 2),
        ("p", None),
        ("h4", 4),
    ]
    assert [block.position for block in blocks] == [0, 1, 2]


def test_comment_tails_are_kept_and_noscript_content_is_read():
    texts = _texts("<body><p>before<!-- a comment -->after</p><noscript><p>Posts</p></noscript>")
    assert texts == ["beforeafter", "Posts"]


def test_links_are_counted_per_block():
    segmented = _segment('<body><p>one two <a href="/">three four</a></p><p>five</p></body>')
    assert segmented.words == [4, 1]
    assert segmented.link_words == [2, 0]


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html></html>",
        "<html><body></body></html>",
        "<frameset><frame src='a.html'></frameset>",
        "<p>no body tag at all</p>",
        "<div>" * 5000 + "deep text" + "</div>" * 5000,
        "<body><p>unclosed <b>tags <i>everywhere<div>and</p> more",
        "\x00\x01 binary \xff garbage <<>>",
    ],
)
def test_weird_html_never_raises(html):
    document = parse_html(html)
    if document is None:
        return
    blocks = label_html_blocks(segment_html(document))
    assert all(block.reason for block in blocks)


def test_a_page_without_text_gives_no_blocks():
    assert _labelled("<html><body><img src='a.png'><script>x()</script></body></html>") == []


def test_deep_nesting_keeps_the_text():
    assert _texts("<body>" + "<div>" * 1500 + "deep text" + "</div>" * 1500) == ["deep text"]


# --- labels on real pages ---------------------------------------------------------------------


def _wcxb(page_id: str) -> tuple[str, dict]:
    html = gzip.decompress((WCXB / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    gold = json.loads(gzip.decompress((WCXB / f"{page_id}.json.gz").read_bytes()))
    return html, gold["ground_truth"]


@pytest.mark.parametrize(
    ("page_id", "min_f1"),
    [("4249", 0.95), ("4087", 0.9), ("4378", 0.9), ("0599", 0.8), ("0502", 0.8)],
)
def test_real_pages_come_out_close_to_their_gold(page_id, min_f1):
    html, gold = _wcxb(page_id)
    article = clean_html(html)
    assert score(article.body, gold["main_content"])[2] >= min_f1


def test_body_is_the_kept_blocks_and_kept_blocks_are_body_or_headings():
    html, _ = _wcxb("4249")
    article = clean_html(html)
    kept = [block for block in article.blocks if block.kept]
    assert article.body == "\n\n".join(block.text for block in kept)
    assert {block.kind for block in kept} <= KEPT_KINDS
    assert all(block.kind == Kind.HEADING for block in kept if block.heading_level)
    assert all(block.reason.startswith("model p=") for block in article.blocks if block.kept)


def test_the_headline_is_the_title_and_is_not_in_the_body():
    html, gold = _wcxb("4249")
    titles = [block for block in _labelled(html) if block.kind == Kind.TITLE]
    assert [block.text for block in titles] == [
        "Which robotic lawnmower is suitable for which lawn size?"
    ]
    assert not titles[0].kept
    assert gold["title"].startswith(titles[0].text)


def test_menus_are_removed_as_navigation_and_say_why():
    html, _ = _wcxb("4249")
    menu = [block for block in _labelled(html) if block.text in {"RKS Series", "Robot finder"}]
    assert menu
    assert all(not block.kept and block.kind == Kind.NAVIGATION for block in menu)
    assert all("<nav>" in block.reason or "links" in block.reason for block in menu)


def test_forum_posts_written_for_crawlers_in_noscript_are_kept():
    html, _ = _wcxb("0502")
    kept = " ".join(block.text for block in _labelled(html) if block.kept)
    assert "getting back in to using Docker after a few retirement years" in kept
    assert "127.0.0.11 is what you see when you use a user-defined bridge network" in kept


def test_clutter_is_named_by_its_words_and_its_containers():
    paragraph = (
        "<p>The committee met on Tuesday to discuss the budget, and after a long debate it "
        "agreed to fund the new library, the repairs to the bridge and a study of traffic.</p>"
    )
    html = f"""<html><head><title>Budget approved</title></head><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
      <article><h1>Budget approved</h1>{paragraph * 6}
        <div class="share-buttons"><a href="#">Share on Facebook</a></div></article>
      <section class="related-posts"><h2>Related articles</h2>
        <a href="/a">The library opens its doors to the public next spring</a></section>
      <div class="cookie-banner">We use cookies to improve your experience.</div>
    </body></html>"""
    kinds = {block.text: block.kind for block in _labelled(html) if not block.kept}
    assert kinds["Home"] == Kind.NAVIGATION
    assert kinds["Budget approved"] == Kind.TITLE
    assert kinds["Share on Facebook"] == Kind.SHARE
    assert kinds["Related articles"] == Kind.RELATED
    assert kinds["The library opens its doors to the public next spring"] == Kind.RELATED
    assert kinds["We use cookies to improve your experience."] == Kind.LEGAL


# --- the model and the page cut ---------------------------------------------------------------


def test_the_shipped_model_reads_the_features_we_compute():
    assert load_forest(MODEL_FILE).feature_names == FEATURE_NAMES
    html, _ = _wcxb("4378")
    assert block_features(_segment(html)).matrix.shape[1] == len(FEATURE_NAMES)


def test_page_cut_keeps_confident_blocks_and_the_best_of_an_unsure_page():
    words = np.array([100.0, 100.0, 100.0, 100.0])
    assert page_cut(np.array([0.95, 0.9, 0.1, 0.05]), words) == pytest.approx(0.9)
    unsure = np.array([0.45, 0.4, 0.02, 0.01])
    assert page_cut(unsure, words) == pytest.approx(0.4)
    hopeless = np.array([0.1, 0.08, 0.02, 0.01])
    assert page_cut(hopeless, words) == pytest.approx(0.3)


def _probability_by_definition(forest, features: np.ndarray) -> np.ndarray:
    """Tree by tree: split ``d`` true (value > border; NaN never) sets bit ``d`` of the leaf."""
    trees, depth = forest.split_features.shape
    leaves = np.zeros((len(features), trees), dtype=np.intp)
    for tree in range(trees):
        for level in range(depth):
            values = features[:, forest.split_features[tree, level]]
            right = np.nan_to_num(values, nan=-np.inf) > forest.split_borders[tree, level]
            leaves[:, tree] |= right.astype(np.intp) << level
    raw = forest.leaf_values[np.arange(trees), leaves].sum(axis=1) * forest.scale + forest.bias
    return 1.0 / (1.0 + np.exp(-raw))


def test_level_by_level_scoring_matches_the_forest():
    forest = load_forest(MODEL_FILE)
    html, _ = _wcxb("4378")
    features = block_features(_segment(html)).matrix.copy()
    features[::5, 0] = np.nan  # missing values go left in both
    features = np.tile(features, (5000 // len(features) + 1, 1))  # more rows than one chunk
    assert np.allclose(forest.probability(features), _probability_by_definition(forest, features))
    assert forest.probability(features[:0]).shape == (0,)
