"""Hard-wrapped dumps (lynx, w3m, html2text's default) are read paragraph by paragraph."""

import json
import textwrap
from pathlib import Path

import pytest

import cleaner
from cleaner.blocks import unwrap
from tests.test_text_markdown import _seed_as_markdown

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXTS = Path(__file__).resolve().parent / "data" / "text"


def _seed() -> str:
    return (SEEDS / "read-next-news.txt").read_text(encoding="utf-8")


def unwrapped(text: str) -> str:
    return unwrap.unwrapped(text)[0]


def _expected() -> dict:
    return json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


def _wrapped(text: str, width: int) -> str:
    """``text`` as a text-mode browser dumps it: paragraphs apart, each broken at ``width``."""
    paragraphs = [line for line in text.splitlines() if line.strip()]
    return "\n\n".join("\n".join(textwrap.wrap(line, width)) for line in paragraphs)


@pytest.mark.parametrize(("width", "line_end"), [(64, "\n"), (72, "\n"), (79, "\r\n")])
def test_the_seed_wrapped_gives_the_seed_body_and_labels(width: int, line_end: str):
    wrapped = _wrapped(_seed(), width).replace("\n", line_end)
    assert max(map(len, wrapped.splitlines())) <= width < max(map(len, _seed().splitlines()))
    article = cleaner.clean_text(wrapped)
    assert article.body == _expected()["body"]
    expected = _expected()["blocks"]
    assert [block.text for block in article.blocks] == [line["text"] for line in expected]
    for block, line in zip(article.blocks, expected, strict=True):
        assert block.kept == line["kept"], line["text"]
        assert block.kind in {line["kind"], *line.get("also_ok", [])}, line["text"]


def test_markdown_wrapped_as_html2text_writes_it_gives_the_seed_body():
    """html2text breaks lines at 78 characters by default, inside links too."""
    markdown = _seed_as_markdown().replace(
        "Russian Direct Investment Fund", "[Russian Direct Investment Fund](https://a.example/rdif)"
    )
    wrapped = "\n".join(
        "\n".join(textwrap.wrap(line, 78, break_long_words=False)) if line else ""
        for line in markdown.splitlines()
    )
    # Some link's text or destination now runs over a line break.
    assert any("[" in line and "](" not in line for line in wrapped.splitlines())
    assert cleaner.clean_text(wrapped).body == _expected()["body"]


def test_a_word_broken_at_its_hyphen_is_whole_again():
    paragraph = (
        "The economist said that effects of the trade agreement would be long-term and felt "
        "across the region for many years, well beyond the current round of talks."
    )
    wrapped = "\n".join(textwrap.wrap(paragraph, 72))
    assert "long-\nterm" in wrapped
    assert unwrapped("\n\n".join([wrapped] * 12)).split("\n\n") == [paragraph] * 12


def test_list_items_and_headings_keep_their_own_lines():
    prose = [line for line in _seed().splitlines() if len(line) > 150][:4]
    item = "- " + prose[0]
    full_line = textwrap.wrap(prose[1], 72)[0]
    blocks = ["\n".join(textwrap.wrap(line, 72)) for line in prose * 3]
    blocks.append("\n".join(textwrap.wrap(item, 72, subsequent_indent="  ")))
    blocks.append(f"{full_line}\n- a short item\n## A heading\n1. a numbered item")
    lines = unwrapped("\n\n".join(blocks)).split("\n")
    assert item in lines
    assert lines[-4:] == [full_line, "- a short item", "## A heading", "1. a numbered item"]


@pytest.mark.parametrize("path", [*sorted(TEXTS.glob("*.txt")), SEEDS / "read-next-news.txt"])
def test_dumps_that_are_not_wrapped_are_left_as_they_are(path: Path):
    text = path.read_text(encoding="utf-8")
    assert unwrapped(text) is text


def test_full_lines_without_blank_lines_between_paragraphs_are_not_joined():
    """As bs4 writes a page whose HTML source was wrapped: a heading may follow a full line."""
    paragraphs = [line for line in _seed().splitlines() if line.strip()]
    wrapped = "\n".join("\n".join(textwrap.wrap(line, 72)) for line in paragraphs)
    assert unwrapped(wrapped) is wrapped


def test_a_paragraph_of_fifty_thousand_lines_is_joined_in_linear_time():
    """Each join once searched the whole paragraph so far: quadratic in its length."""
    line = ("word " * 14).strip()
    paragraphs = [[line] * 3] * 20_000 + [[line] * 50_000]
    text = "\n\n".join("\n".join(paragraph) for paragraph in paragraphs)
    assert unwrapped(text).split("\n\n") == [" ".join(paragraph) for paragraph in paragraphs]
