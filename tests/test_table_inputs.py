"""One bad record of a table costs at most its own row, never the rest of the table.

Every table here is a real file in ``tmp_path`` read by the real command line,
so each test covers what a user's run does: reading, cleaning, validating and
writing. Text that UTF-8 cannot hold (a lone surrogate, invalid bytes) is
replaced by U+FFFD and the page is cleaned as usual; a line that is not JSON
is one error row naming its line. Either way the records around it come
through.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.frames import clean_frame
from tests.conftest import run_cli

FORMATS = ("parquet", "csv", "jsonl")
SENTENCES = "A sentence of a perfectly ordinary article. " * 12
REPLACEMENT = "\ufffd"


def _html(extra: str = "") -> str:
    return f"<html><body><article><p>{SENTENCES}{extra}</p></article></body></html>"


def _html_with_bad_bytes() -> bytes:
    """A page whose text holds bytes that are not UTF-8.

    \\xed\\xa0\\x80 is U+D800 as a lax UTF-8 writer encodes it; \\xff is never UTF-8.
    """
    return _html("Bad bytes BAD here.").encode().replace(b"BAD", b"\xed\xa0\x80 and \xff")


def _line(url: str, html: str) -> str:
    """A JSONL line as Python's json writes it: a lone surrogate becomes the escape \\ud800."""
    return json.dumps({"url": url, "html": html})


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read_articles(out: Path, file_format: str) -> pd.DataFrame:
    path = out / f"articles.{file_format}"
    if file_format == "parquet":
        frame = pd.read_parquet(path)
    elif file_format == "csv":
        frame = pd.read_csv(path, dtype={"doc_id": str})
    else:
        frame = pd.read_json(path, lines=True, dtype={"doc_id": str})
    return frame.set_index("source")


def _clean(inputs: Path, out: Path, file_format: str = "parquet", *extra: str) -> pd.DataFrame:
    result = run_cli("clean", str(inputs), "-o", str(out), "--format", file_format, "-q", *extra)
    assert result.returncode in (0, 1), result.stderr
    return _read_articles(out, file_format)


def _three_lines_the_second_with_a_lone_surrogate() -> list[str]:
    return [
        _line("https://a.example/", _html()),
        _line("https://b.example/?q=\ud800", _html("Then a lone \ud800 surrogate.")),
        _line("https://c.example/", _html()),
    ]


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_lone_surrogate_in_a_jsonl_line_is_replaced_and_every_line_is_cleaned(
    tmp_path: Path, file_format: str
):
    path = _write_lines(tmp_path / "pages.jsonl", _three_lines_the_second_with_a_lone_surrogate())
    assert "\\ud800" in path.read_text(encoding="utf-8")
    out = tmp_path / "out"
    articles = _clean(path, out, file_format)
    assert articles.index.tolist() == [f"{path}#{record}" for record in (1, 2, 3)]
    assert articles["status"].tolist() == ["ok", "ok", "ok"]
    second = articles.loc[f"{path}#2"]
    assert second["url"] == f"https://b.example/?q={REPLACEMENT}"
    assert f"a lone {REPLACEMENT} surrogate" in second["body"]
    checked = run_cli("check", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_lone_surrogate_on_standard_input_is_replaced_and_every_line_is_cleaned(
    tmp_path: Path,
):
    lines = _three_lines_the_second_with_a_lone_surrogate()
    result = run_cli(
        "clean", "-", "-o", str(tmp_path), "-q", stdin="\n".join(lines).encode("utf-8")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    articles = _read_articles(tmp_path, "parquet")
    assert articles.index.tolist() == ["-#1", "-#2", "-#3"]
    assert articles["status"].tolist() == ["ok", "ok", "ok"]


def test_check_reads_a_jsonl_table_with_a_lone_surrogate_to_its_end(tmp_path: Path):
    path = _write_lines(tmp_path / "pages.jsonl", _three_lines_the_second_with_a_lone_surrogate())
    result = run_cli("check", str(path), "--schema", "pages")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 rows" in result.stdout


@pytest.mark.parametrize(
    "bad_line, reason",
    [
        ("this line is not JSON", "Expecting value"),
        # The string cut short runs into the line's newline.
        ('{"url": "https://b.example/", "html": "<p>cut sho', "Invalid control character"),
        ('["a", "list"]', "a JSON list, not an object"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
    ids=["not-json", "cut-short", "a-list", "too-deep"],
)
def test_a_jsonl_line_that_is_not_a_json_object_is_one_error_row_naming_its_line(
    tmp_path: Path, bad_line: str, reason: str
):
    path = _write_lines(
        tmp_path / "pages.jsonl",
        [_line("https://a.example/", _html()), bad_line, _line("https://c.example/", _html())],
    )
    articles = _clean(path, tmp_path / "out")
    assert articles.index.tolist() == [f"{path}#{record}" for record in (1, 2, 3)]
    assert articles["status"].tolist() == ["ok", "error", "ok"]
    error = articles.loc[f"{path}#2", "error"]
    assert error.startswith("line 2: not a JSON object")
    assert reason in error


def test_invalid_utf8_in_a_csv_row_is_replaced_and_every_row_is_cleaned(tmp_path: Path):
    rows = [
        f'https://a.example/,"{_html()}"'.encode(),
        b'https://b.example/,"' + _html_with_bad_bytes() + b'"',
        f'https://c.example/,"{_html()}"'.encode(),
    ]
    path = tmp_path / "pages.csv"
    path.write_bytes(b"url,html\n" + b"\n".join(rows) + b"\n")
    articles = _clean(path, tmp_path / "out")
    assert articles.index.tolist() == [f"{path}#{record}" for record in (1, 2, 3)]
    assert articles["status"].tolist() == ["ok", "ok", "ok"]
    assert REPLACEMENT in articles.loc[f"{path}#2", "body"]


def _string_array_without_validation(values: list[bytes]) -> pa.Array:
    """An Arrow string column holding ``values`` as they are, valid UTF-8 or not.

    Arrow's own constructors refuse invalid UTF-8, but other writers of Parquet
    files do not check, so such files exist.
    """
    offsets = np.cumsum([0, *map(len, values)], dtype=np.int32)
    buffers = [None, pa.py_buffer(offsets.tobytes()), pa.py_buffer(b"".join(values))]
    return pa.Array.from_buffers(pa.string(), len(values), buffers)


def test_invalid_utf8_in_a_parquet_string_column_is_replaced_and_every_row_is_cleaned(
    tmp_path: Path,
):
    html = [_html().encode(), _html_with_bad_bytes(), _html().encode()]
    path = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"html": _string_array_without_validation(html)}), path)
    articles = _clean(path, tmp_path / "out")
    assert articles.index.tolist() == [f"{path}#{record}" for record in (1, 2, 3)]
    assert articles["status"].tolist() == ["ok", "ok", "ok"]
    assert REPLACEMENT in articles.loc[f"{path}#2", "body"]


@pytest.mark.parametrize("file_format", FORMATS)
def test_file_names_that_are_not_utf8_are_written_in_every_format(tmp_path: Path, file_format: str):
    folder = tmp_path / "pages"
    folder.mkdir()
    # Python names a file whose name is not UTF-8 with lone surrogates (\udcff for \xff).
    # Two such names that differ only there are one name once replaced; their ids differ.
    try:
        for odd_name in (b"caf\xff.html", b"caf\xfe.html"):
            (folder / os.fsdecode(odd_name)).write_text(_html(), encoding="utf-8")
    except OSError:
        pytest.skip("this file system only takes UTF-8 file names")
    (folder / "plain.html").write_text(_html(), encoding="utf-8")
    out = tmp_path / "out"
    articles = _clean(folder, out, file_format)
    assert sorted(articles.index) == [
        str(folder / f"caf{REPLACEMENT}.html"),
        str(folder / f"caf{REPLACEMENT}.html"),
        str(folder / "plain.html"),
    ]
    assert articles["status"].tolist() == ["ok", "ok", "ok"]
    assert articles["doc_id"].is_unique
    checked = run_cli("check", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_clean_frame_replaces_lone_surrogates_in_a_callers_strings():
    pages = pd.DataFrame(
        {
            "text": pd.Series([SENTENCES + "A lone \ud800 surrogate."], dtype=object),
            "url": pd.Series(["https://a.example/\udcff"], dtype=object),
        }
    )
    articles = clean_frame(pages, source="frame\ud800").articles
    assert articles["source"].tolist() == [f"frame{REPLACEMENT}#1"]
    assert articles["url"].tolist() == [f"https://a.example/{REPLACEMENT}"]
    assert f"A lone {REPLACEMENT} surrogate." in articles.loc[0, "body"]
