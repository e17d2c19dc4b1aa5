"""HTML main-content extraction: segmentation, labels and kinds, on real pages.

The WCXB pages under tests/data/wcxb are copied from the dev set (CC-BY-4.0,
see the README there) with their gold main content; they are scored with the
benchmark's own bag-of-words metric.
"""

import gzip
import json
import re
from pathlib import Path

import pytest

from bench.wcxb import score
from cleaner import clean_html
from cleaner.blocks.block import Kind
from cleaner.blocks.html import parse_html, segment_html
from cleaner.labelling.forest import load_forest
from cleaner.labelling.html import MODEL_FILE, label_html_blocks
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
    for invisible in body.iter("script", "style", "template"):
        invisible.text = ""  # our copy of the tree, parsed for this test only
    visible = re.findall(r"\w+", " ".join(body.itertext()))
    in_blocks = re.findall(r"\w+", " ".join(block.text for block in segmented.blocks))
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
    assert _texts("<body>" + "<div>" * 3000 + "deep text" + "</div>" * 3000) == ["deep text"]
