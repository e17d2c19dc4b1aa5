"""`cleaner check`: the contracts other pipelines run in CI."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cleaner.validation.schemas import packaged_schema
from cleaner.validation.validator import TableValidator
from tests.conftest import run_cli


def _broken_articles(seed_run: Path) -> pd.DataFrame:
    """The seed's article twice (a duplicated doc_id), the copy with an empty body."""
    articles = pd.read_parquet(seed_run / "articles.parquet")
    broken = pd.concat([articles, articles], ignore_index=True)
    broken.loc[1, "body"] = ""
    broken.loc[1, "word_count"] = 0
    return broken


def test_the_run_output_is_valid(seed_run: Path):
    result = run_cli("check", str(seed_run))
    assert result.returncode == 0, result.stdout
    for table in ("articles", "blocks", "issues"):
        assert f"{table}.parquet" in result.stdout
    assert "INVALID" not in result.stdout


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_a_duplicated_id_and_an_empty_body_are_rejected_by_name(
    seed_run: Path, tmp_path: Path, suffix: str
):
    path = tmp_path / f"table{suffix}"
    broken = _broken_articles(seed_run)
    if suffix == ".parquet":
        broken.to_parquet(path, index=False)
    elif suffix == ".csv":
        broken.to_csv(path, index=False)
    else:
        broken.to_json(path, orient="records", lines=True, date_format="iso")
    result = run_cli("check", str(path), "--schema", "articles")
    assert result.returncode == 1
    assert "INVALID" in result.stdout
    assert "doc_id" in result.stdout and "field_uniqueness" in result.stdout
    assert "ok_articles_have_body" in result.stdout


def test_failure_cases_are_written_to_a_file(seed_run: Path, tmp_path: Path):
    table = tmp_path / "articles.parquet"  # the schema comes from the file name
    _broken_articles(seed_run).to_parquet(table, index=False)
    failures = tmp_path / "failures.csv"
    assert run_cli("check", str(table), "--failures", str(failures)).returncode == 1
    rows = pd.read_csv(failures)
    assert set(rows["check"]) == {"field_uniqueness", "ok_articles_have_body"}
    assert set(rows["table"]) == {"articles"}
    assert rows["message"].str.len().min() > 0


def test_every_failure_is_reported_not_just_the_first(seed_run: Path, tmp_path: Path):
    blocks = pd.read_parquet(seed_run / "blocks.parquet")
    blocks.loc[0, "kind"] = "sidebar"
    blocks.loc[1, "position"] = -1
    blocks.loc[2, "reason"] = ""
    path = tmp_path / "blocks.parquet"
    blocks.to_parquet(path, index=False)
    failures = tmp_path / "failures.jsonl"
    assert run_cli("check", str(path), "--failures", str(failures)).returncode == 1
    found = pd.read_json(failures, lines=True)
    assert {"isin", "greater_than_or_equal_to", "str_length"} <= {
        check.split("(")[0] for check in found["check"]
    }


def test_published_at_in_the_future_is_rejected(seed_run: Path, tmp_path: Path):
    articles = pd.read_parquet(seed_run / "articles.parquet")
    articles["published_at"] = pd.Timestamp("2999-01-01", tz="UTC")
    path = tmp_path / "articles.parquet"
    articles.to_parquet(path, index=False)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    assert "not_in_future" in result.stdout


def test_a_clutter_phrase_left_in_a_body_is_rejected(seed_run: Path, tmp_path: Path):
    articles = pd.read_parquet(seed_run / "articles.parquet")
    articles.loc[0, "body"] += "\n\nRead next"
    articles.loc[0, "word_count"] += 2
    path = tmp_path / "articles.parquet"
    articles.to_parquet(path, index=False)
    failures = tmp_path / "failures.csv"
    result = run_cli("check", str(path), "--failures", str(failures))
    assert result.returncode == 1
    assert "no_clutter_phrase" in result.stdout
    (message,) = pd.read_csv(failures)["message"]
    assert "paragraph 'Read next'" in message


def test_a_table_of_pages_is_checked_with_the_pages_schema(tmp_path: Path):
    path = tmp_path / "pages.csv"
    pd.DataFrame({"html": ["<p>x</p>", None], "url": ["https://a.b/", "not a url"]}).to_csv(
        path, index=False
    )
    result = run_cli("check", str(path), "--schema", "pages")
    assert result.returncode == 1
    assert "has_page_content" in result.stdout and "str_matches" in result.stdout


def test_a_schema_of_ones_own_can_be_given_as_a_file(seed_run: Path, tmp_path: Path):
    schema = tmp_path / "short.yaml"
    schema.write_text(
        "schema_type: dataframe\ncolumns:\n  word_count:\n    dtype: int64\n"
        "    checks:\n      less_than: 10\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(seed_run / "articles.parquet"), "--schema", str(schema))
    assert result.returncode == 1
    assert "less_than" in result.stdout


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["missing.parquet"], "no such file or directory"),
        (["--schema", "nope"], "no such schema name or file"),
        (["--failures", "out.txt"], "use a .csv, .jsonl or .parquet"),
    ],
)
def test_usage_errors_exit_2_with_one_line(seed_run: Path, arguments: list[str], message: str):
    table = [] if arguments[0] == "missing.parquet" else [str(seed_run / "articles.parquet")]
    result = run_cli("check", *table, *arguments)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_an_unreadable_table_is_a_read_error(tmp_path: Path):
    path = tmp_path / "articles.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    result = run_cli("check", str(path))
    assert result.returncode == 2
    assert "articles.parquet" in result.stderr


def test_a_duplicate_in_a_later_batch_is_found(seed_run: Path):
    articles = pd.read_parquet(seed_run / "articles.parquet")
    validator = TableValidator("articles", packaged_schema("articles"))
    assert validator.validate(articles) == []
    issues = validator.validate(articles)
    assert [(issue["column"], issue["check"]) for issue in issues] == [
        ("doc_id", "field_uniqueness")
    ]
    assert issues[0]["source"] == articles.loc[0, "source"]
