"""An HTML document saved as text (a .txt file, a table's text column) is cleaned as HTML."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd

import cleaner
from cleaner.inputs.sniffing import content_type_of
from tests.conftest import run_cli

WCXB = Path(__file__).resolve().parent / "data" / "wcxb"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _page_html() -> str:
    """A real dev page (WCXB, CC-BY-4.0)."""
    return gzip.decompress((WCXB / "0437.html.gz").read_bytes()).decode("utf-8")


def test_html_in_a_txt_file_and_in_a_text_column_is_cleaned_as_html(tmp_path: Path):
    html = _page_html()
    expected = cleaner.clean_html(html).body
    assert expected and expected != cleaner.clean_text(html).body
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "saved.txt").write_text(html, encoding="utf-8")
    (tmp_path / "in" / "crawl.jsonl").write_text(json.dumps({"text": html}) + "\n")
    result = run_cli("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert len(articles) == 2
    assert list(articles["body"]) == [expected, expected]


def test_text_that_mentions_tags_stays_text():
    seed = (SEEDS / "read-next-news.txt").read_text(encoding="utf-8")
    mentions = "Write <html> and <body> tags, the tutorial said.\n" + seed
    assert content_type_of(seed, "text") == "text"
    assert content_type_of("<p>A fragment</p> of markup in a note.", "text") == "text"
    assert content_type_of("  <!-- saved -->\n<!DOCTYPE html><p>x", "text") == "html"
    assert content_type_of("<html><body>x</body></html>", "text") == "html"
    assert content_type_of(mentions, "text") == "text"
    body_first = _page_html()[_page_html().lower().index("<body") :]
    assert content_type_of(body_first, "text") == "html"
    assert content_type_of(seed, "html") == "html"
