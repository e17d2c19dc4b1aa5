"""Bad input gets a clear error, and nothing is lost: every page is a row of articles."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SEEDS, run_cli

ARTICLE = (
    "<html><body><article><p>"
    + "A sentence of a perfectly ordinary article. " * 12
    + "</p></article></body></html>"
)


def _twenty_megabytes() -> bytes:
    paragraph = "<p>" + "filler words for a very large page " * 30 + "</p>\n"
    return (
        "<html><body>" + paragraph * (20_000_000 // len(paragraph) + 1) + "</body></html>"
    ).encode()


BAD_PAGES = {
    "empty.html": (b"", "empty", "empty"),
    "junk.html": (os.urandom(4096) + bytes(range(32)) * 64, "error", "binary"),
    "truncated.txt.gz": (
        gzip.compress((SEEDS / "read-next-news.txt").read_bytes())[:300],
        "error",
        "truncated gzip",
    ),
    "not-gzip.html.gz": (b"<html>plain bytes, not gzip</html>", "error", "not a gzip file"),
    "huge.html": (_twenty_megabytes(), "error", "over the limit"),
    "no-body.html": (
        b"<html><head><title>Only a head</title></head></html>",
        "empty",
        "no article text",
    ),
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    folder = tmp_path_factory.mktemp("bad")
    for name, (content, _, _) in BAD_PAGES.items():
        (folder / name).write_bytes(content)
    (folder / "latin1.html").write_bytes(
        ARTICLE.replace("ordinary", "ordinaire, très café").encode("latin-1")
    )
    (folder / "no-columns.jsonl").write_text(
        '{"body": "<p>hello</p>", "url": "https://a.b/c"}\nthis line is not JSON\n',
        encoding="utf-8",
    )
    pd.DataFrame({"html": [ARTICLE, None]}).to_parquet(folder / "pages.parquet")
    out = folder / "out"
    result = run_cli("clean", str(folder), "-o", str(out), "-q")
    return folder, out, result.returncode


@pytest.fixture(scope="module")
def articles(bad_run: tuple[Path, Path, int]) -> pd.DataFrame:
    folder, out, _ = bad_run
    frame = pd.read_parquet(out / "articles.parquet")
    frame["name"] = frame["source"].str.removeprefix(str(folder) + os.sep)
    return frame.set_index("name")


def test_a_run_with_failed_pages_finishes_with_exit_status_1(bad_run):
    assert bad_run[2] == 1


@pytest.mark.parametrize("name", sorted(BAD_PAGES))
def test_each_bad_page_is_a_row_with_its_reason(articles: pd.DataFrame, name: str):
    _, status, reason = BAD_PAGES[name]
    assert articles.loc[name, "status"] == status
    assert reason in articles.loc[name, "error"]
    assert articles.loc[name, "body"] == ""


def test_invalid_utf8_is_decoded_not_fatal(articles: pd.DataFrame):
    row = articles.loc["latin1.html"]
    assert row["status"] == "ok"
    assert "très café" in row["body"]


def test_a_table_without_html_or_text_gives_one_error_row_per_record(articles: pd.DataFrame):
    assert "'html', 'text' or 'markdown' column" in articles.loc["no-columns.jsonl#1", "error"]
    assert articles.loc["no-columns.jsonl#1", "url"] == "https://a.b/c"
    assert "not a JSON object" in articles.loc["no-columns.jsonl#2", "error"]


def test_a_table_row_without_content_is_empty(articles: pd.DataFrame):
    assert articles.loc["pages.parquet#1", "status"] == "ok"
    assert articles.loc["pages.parquet#2", "status"] == "empty"


def test_every_input_page_appears_once(articles: pd.DataFrame):
    expected = {
        *BAD_PAGES,
        "latin1.html",
        "no-columns.jsonl#1",
        "no-columns.jsonl#2",
        "pages.parquet#1",
        "pages.parquet#2",
    }
    assert set(articles.index) == expected
    assert articles["doc_id"].is_unique


def test_output_of_a_bad_run_is_still_valid(bad_run):
    result = run_cli("check", str(bad_run[1]))
    assert result.returncode == 0, result.stdout


def test_a_missing_input_is_a_usage_error(tmp_path: Path):
    result = run_cli("clean", str(tmp_path / "nope.html"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"cleaner clean: error: {tmp_path / 'nope.html'}: no such file or directory"
    ]
    assert not (tmp_path / "out").exists()


def test_an_unknown_option_is_a_usage_error(tmp_path: Path):
    result = run_cli("clean", str(SEEDS), "-o", str(tmp_path), "--fast-please")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--fast-please" in result.stderr


def test_an_unsupported_file_named_explicitly_is_a_usage_error(tmp_path: Path):
    (tmp_path / "page.pdf").write_bytes(b"%PDF-1.4")
    result = run_cli("clean", str(tmp_path / "page.pdf"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "unsupported file type" in result.stderr


def test_a_glob_matching_nothing_is_a_usage_error(tmp_path: Path):
    result = run_cli("clean", str(tmp_path / "*.html"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "no page or table matches" in result.stderr
