"""The seed page: a news article followed by a "Read next" block and a comment prompt."""

import json
from pathlib import Path

import cleaner

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _expected() -> dict:
    return json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


def _cleaned() -> cleaner.Article:
    text = (SEEDS / "read-next-news.txt").read_text(encoding="utf-8")
    return cleaner.clean_text(text)


def test_seed_body_is_exactly_the_article():
    assert _cleaned().body == _expected()["body"]


def test_seed_every_line_has_the_expected_label():
    article = _cleaned()
    expected = _expected()["blocks"]
    assert [block.text for block in article.blocks] == [line["text"] for line in expected]
    for block, line in zip(article.blocks, expected, strict=True):
        allowed = {line["kind"], *line.get("also_ok", [])}
        assert (block.kept, block.kind in allowed) == (line["kept"], True), (
            f"line {line['line']} {line['text'][:40]!r}: got kept={block.kept} "
            f"kind={block.kind}, want kept={line['kept']} kind in {sorted(allowed)}"
        )


def test_seed_removed_blocks_say_why():
    assert all(block.reason for block in _cleaned().blocks)
