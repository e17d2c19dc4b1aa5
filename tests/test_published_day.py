"""The publication day is the page's day, even where its UTC day is another one."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

import cleaner
from tests.conftest import run_cli

# Published at 1 a.m. in India: the 19th there, still the 18th in UTC.
PAGE = (
    '<html><head><meta property="article:published_time" content="2025-12-19T01:00:00+05:30">'
    '<script type="application/ld+json">{"@type": "NewsArticle",'
    ' "headline": "Monsoon data centre opens in Pune", "datePublished":'
    ' "2025-12-19T01:00:00+05:30"}</script></head>'
    "<body><h1>Monsoon data centre opens in Pune</h1><p>December 19, 2025</p>"
    "<p>The new data centre, built to stay cool through the monsoon, opened on Friday with "
    "room for four thousand servers and its own water recycling plant.</p>"
    "<p>Its operator said the first customers would move in before the end of January.</p>"
    "</body></html>"
)


def test_a_time_keeps_the_offset_the_page_states():
    article = cleaner.clean_html(PAGE)
    assert article.published_at == datetime(2025, 12, 18, 19, 30, tzinfo=UTC)
    assert article.published_at.utcoffset() == timedelta(hours=5, minutes=30)
    assert article.published_date == "2025-12-19"


def test_a_time_in_utc_or_a_bare_date_gives_its_own_day():
    utc = cleaner.clean_html(PAGE.replace("+05:30", "Z"))
    assert (utc.published_at, utc.published_date) == (
        datetime(2025, 12, 19, 1, tzinfo=UTC),
        "2025-12-19",
    )
    dump = cleaner.clean_text(
        "Monsoon data centre opens in Pune\n19 December 2025\n"
        "The new data centre, built to stay cool through the monsoon, opened on Friday with "
        "room for four thousand servers and its own water recycling plant.\n"
    )
    assert dump.published_date == "2025-12-19"


@pytest.mark.parametrize("file_format", ["parquet", "csv", "jsonl"])
def test_tables_store_utc_beside_the_page_day(tmp_path: Path, file_format: str):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pune.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    assert (
        run_cli("clean", str(tmp_path / "in"), "-o", str(out), "--format", file_format).returncode
        == 0
    )
    path = out / f"articles.{file_format}"
    if file_format == "parquet":
        row = pd.read_parquet(path).iloc[0].to_dict()
        published_at = row["published_at"].isoformat()
    elif file_format == "csv":
        row = pd.read_csv(path).iloc[0].to_dict()
        published_at = row["published_at"]
    else:
        row = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        published_at = row["published_at"]
    assert published_at.startswith("2025-12-18T19:30:00")
    assert row["published_date"] == "2025-12-19"
    assert run_cli("check", str(out)).returncode == 0


def test_a_day_far_from_the_time_is_rejected(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pune.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("clean", str(tmp_path / "in"), "-o", str(out), "-q").returncode == 0
    articles = pd.read_parquet(out / "articles.parquet")
    articles.loc[0, "published_date"] = "2025-12-21"
    path = tmp_path / "articles.parquet"
    articles.to_parquet(path, index=False)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    assert "published_date_matches_time" in result.stdout
