"""`cleaner clean`: inputs of every kind in, three tables and run.json out."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SEEDS, run_cli, run_installed

SEED_TEXT = (SEEDS / "read-next-news.txt").read_text(encoding="utf-8")
EXPECTED = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


def read_table(out: Path, table: str, file_format: str = "parquet") -> pd.DataFrame:
    path = out / f"{table}.{file_format}"
    if file_format == "parquet":
        return pd.read_parquet(path)
    if file_format == "csv":
        return pd.read_csv(path, dtype={"doc_id": str})
    return pd.read_json(path, lines=True, dtype={"doc_id": str})


def test_seed_run_writes_three_tables_and_a_run_report(seed_run: Path):
    articles = read_table(seed_run, "articles")
    assert articles["source"].tolist() == [str(SEEDS / "read-next-news.txt")]
    assert articles.loc[0, "body"] == EXPECTED["body"]
    assert articles.loc[0, "status"] == "ok"
    assert articles.loc[0, "language"] == "en"
    blocks = read_table(seed_run, "blocks")
    assert blocks["text"].tolist() == [line["text"] for line in EXPECTED["blocks"]]
    assert blocks["kept"].tolist() == [line["kept"] for line in EXPECTED["blocks"]]
    assert articles.loc[0, "n_blocks_removed"] == (~blocks["kept"]).sum()
    assert read_table(seed_run, "issues").empty
    report = json.loads((seed_run / "run.json").read_text())
    assert report["pages_by_status"] == {"ok": 1}
    assert report["blocks_by_kind"]["related"] >= 1
    assert report["exit_code"] == 0
    assert report["versions"]["cleaner"]


@pytest.mark.parametrize("file_format", ["csv", "jsonl"])
def test_other_formats_hold_the_same_rows_and_pass_the_check(tmp_path: Path, file_format: str):
    out = tmp_path / "out"
    assert (
        run_cli("clean", str(SEEDS), "-o", str(out), "--format", file_format, "-q").returncode == 0
    )
    articles = read_table(out, "articles", file_format)
    assert articles.loc[0, "body"] == EXPECTED["body"]
    assert len(read_table(out, "blocks", file_format)) == len(EXPECTED["blocks"])
    checked = run_cli("check", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_doc_ids_are_stable_across_runs(tmp_path: Path, seed_run: Path):
    again = tmp_path / "again"
    run_cli("clean", str(SEEDS), "-o", str(again), "-q")
    assert (
        read_table(again, "articles")["doc_id"].tolist()
        == read_table(seed_run, "articles")["doc_id"].tolist()
    )


def test_folders_globs_gzip_and_tables_are_all_read(tmp_path: Path):
    pages = tmp_path / "pages" / "nested"
    pages.mkdir(parents=True)
    (pages / "a.txt.gz").write_bytes(gzip.compress(SEED_TEXT.encode()))
    (pages / "b.html").write_text(
        "<html><body><article><h1>Title</h1><p>"
        + "A plain sentence of an article body. " * 12
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (pages / "notes.rtf").write_text("not a page", encoding="utf-8")
    table = tmp_path / "table.csv"
    pd.DataFrame({"text": [SEED_TEXT], "url": ["https://news.example.com/a"]}).to_csv(
        table, index=False
    )
    out = tmp_path / "out"
    result = run_cli(
        "clean", str(tmp_path / "pages"), str(tmp_path / "*.csv"), "-o", str(out), "-q"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    articles = read_table(out, "articles").set_index("source")
    assert sorted(articles.index) == sorted(
        [str(pages / "a.txt.gz"), str(pages / "b.html"), f"{table}#1"]
    )
    assert articles.loc[f"{table}#1", "domain"] == "news.example.com"
    assert articles.loc[f"{table}#1", "body"] == EXPECTED["body"]


def test_jsonl_on_standard_input(tmp_path: Path):
    lines = "\n".join(
        json.dumps({"text": SEED_TEXT, "url": f"https://e.org/{n}"}) for n in range(3)
    )
    out = tmp_path / "out"
    result = run_cli("clean", "-", "-o", str(out), "-q", stdin=lines.encode())
    assert result.returncode == 0, result.stderr
    articles = read_table(out, "articles")
    assert articles["source"].tolist() == ["-#1", "-#2", "-#3"]
    assert articles["doc_id"].is_unique


def test_the_summary_line_counts_pages_by_status(tmp_path: Path):
    result = run_cli("clean", str(SEEDS), "-o", str(tmp_path / "out"))
    assert "cleaned 1 pages (1 ok)" in result.stdout
    assert "pages/s" in result.stderr  # progress goes to stderr


def test_existing_output_tables_are_replaced(tmp_path: Path):
    out = tmp_path / "out"
    shutil.copytree(SEEDS, tmp_path / "in")
    for _ in range(2):
        assert run_cli("clean", str(tmp_path / "in"), "-o", str(out), "-q").returncode == 0
    assert len(read_table(out, "articles")) == 1


def test_python_dash_m_cleaner_is_the_same_command(tmp_path: Path):
    result = run_installed("clean", str(SEEDS), "-o", str(tmp_path / "out"), "-q")
    assert result.returncode == 0, result.stderr
    assert "cleaned 1 pages (1 ok)" in result.stdout
