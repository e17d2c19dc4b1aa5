"""One bad record of a table costs at most its own row, never the rest of the table.

Every table here is a real file in ``tmp_path`` read by the real command line,
so each test covers what a user's run does: reading, cleaning, validating and
writing. Text that UTF-8 cannot hold (a lone surrogate, invalid bytes) is
replaced by U+FFFD and the page is cleaned as usual; a line that is not JSON,
or a CSV row with more fields than the header, is one error row naming its
line or row. Either way the records around it come through.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.frames import clean_frame
from cleaner.resources import thresholds
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


def _csv_row(url: str, html: str, *extra: str) -> str:
    """A CSV row with its HTML quoted, as CSV writers quote a field holding commas."""
    return ",".join([url, '"' + html.replace('"', '""') + '"', *extra])


def _write_csv(path: Path, rows: list[str]) -> Path:
    text = "url,html\n" + "\n".join(rows) + "\n"
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _check_passes(out: Path) -> None:
    checked = run_cli("check", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    "name, html, bad_row",
    [
        ("pages.csv", _html(), 2),
        # pandas took the first row's extra field for an index and shifted every row.
        ("pages.csv", _html(), 1),
        # Record numbers are not line numbers: row 1 spans three lines.
        ("pages.csv", _html("A line\nthat goes on\nand on."), 2),
        ("pages.csv.gz", _html(), 2),
    ],
    ids=["middle", "first", "after-quoted-newlines", "gzip"],
)
def test_a_csv_row_with_too_many_fields_is_one_error_row_naming_its_row(
    tmp_path: Path, name: str, html: str, bad_row: int
):
    rows = [_csv_row(f"https://{letter}.example/", html) for letter in "ac"]
    rows.insert(bad_row - 1, _csv_row("https://b.example/", _html(), "extra"))
    path = _write_csv(tmp_path / name, rows)
    out = tmp_path / "out"
    articles = _clean(path, out)
    assert articles.index.tolist() == [f"{path}#{record}" for record in (1, 2, 3)]
    statuses = ["ok", "ok", "ok"]
    statuses[bad_row - 1] = "error"
    assert articles["status"].tolist() == statuses
    assert articles.loc[f"{path}#{bad_row}", "error"] == (
        f"row {bad_row}: 3 fields where the header has 2"
    )
    assert set(articles["url"].dropna()) == {"https://a.example/", "https://c.example/"}
    _check_passes(out)


def test_a_csv_row_with_too_few_fields_is_padded_and_reads_as_an_empty_page(tmp_path: Path):
    # Too few fields are not a parse error: pandas pads the row, which is then a page
    # without content. Beside a row with too many, the row-by-row reading pads it too.
    path = _write_csv(
        tmp_path / "pages.csv",
        [
            _csv_row("https://a.example/", _html()),
            _csv_row("https://b.example/", _html(), "extra"),
            "https://c.example/",
            _csv_row("https://d.example/", _html()),
        ],
    )
    out = tmp_path / "out"
    articles = _clean(path, out)
    assert articles.index.tolist() == [f"{path}#{record}" for record in (1, 2, 3, 4)]
    assert articles["status"].tolist() == ["ok", "error", "empty", "ok"]
    assert articles.loc[f"{path}#3", "url"] == "https://c.example/"
    assert articles.loc[f"{path}#3", "error"] == "the page is empty"
    _check_passes(out)


def test_a_csv_file_cut_short_inside_a_quoted_field_loses_that_row_only(tmp_path: Path):
    path = tmp_path / "pages.csv"
    rows = [_csv_row(f"https://{letter}.example/", _html()) for letter in "ab"]
    path.write_text("url,html\n" + "\n".join(rows) + '\nhttps://c.example/,"<p>cut sho', "utf-8")
    out = tmp_path / "out"
    articles = _clean(path, out)
    assert articles.index.tolist() == [f"{path}#{record}" for record in (1, 2, 3)]
    assert articles["status"].tolist() == ["ok", "ok", "error"]
    assert articles.loc[f"{path}#3", "error"] == "row 3: the file ends inside a quoted field"
    _check_passes(out)


def test_csv_rows_read_before_a_bad_row_are_not_read_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # With two rows a chunk, pandas has handed over rows 1 to 4 when it fails on row 6;
    # reading again row by row goes on from row 5. Row 7 is longer than the csv
    # module's default field limit (128 KiB), over which it drops a row silently.
    limits = {**thresholds("inputs"), "batch_size": 2}
    monkeypatch.setattr("cleaner.inputs.pages.thresholds", lambda section: limits)
    long_html = _html("And more. " * 15_000)
    assert len(long_html) > csv.field_size_limit()
    rows = [_csv_row(f"https://{number}.example/", _html()) for number in range(1, 8)]
    rows[5] = _csv_row("https://6.example/", _html(), "extra", "more")
    rows[6] = _csv_row("https://7.example/", long_html)
    path = _write_csv(tmp_path / "pages.csv", rows)
    out = tmp_path / "out"
    articles = _clean(path, out)
    assert articles.index.tolist() == [f"{path}#{record}" for record in range(1, 8)]
    assert articles["status"].tolist() == ["ok"] * 5 + ["error", "ok"]
    assert articles["url"].tolist()[:5] == [f"https://{number}.example/" for number in range(1, 6)]
    assert articles.loc[f"{path}#6", "error"] == "row 6: 4 fields where the header has 2"
    assert "And more." in articles.loc[f"{path}#7", "body"]
    assert csv.field_size_limit() == 128 * 1024
    _check_passes(out)


def test_csv_rows_are_counted_as_pandas_counts_them_when_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # pandas skips a line of spaces and tabs but keeps a quoted one as a row; the csv
    # module gives both as one field of spaces. Miscounted, row 5 would be skipped
    # as read already, or row 4 read twice.
    limits = {**thresholds("inputs"), "batch_size": 2}
    monkeypatch.setattr("cleaner.inputs.pages.thresholds", lambda section: limits)
    text = f'"{SENTENCES}"'
    path = tmp_path / "pages.csv"
    path.write_text("\n".join(["text", text, '" "', " \t ", text, text, "x,y", text]) + "\n")
    articles = _clean(path, tmp_path / "out")
    assert articles.index.tolist() == [f"{path}#{record}" for record in range(1, 7)]
    assert articles["status"].tolist() == ["ok", "empty", "ok", "ok", "error", "ok"]
    assert articles.loc[f"{path}#5", "error"] == "row 5: 2 fields where the header has 1"


@pytest.mark.parametrize("bad_row", [1, 2])
def test_check_names_the_csv_row_with_too_many_fields(tmp_path: Path, bad_row: int):
    rows = [_csv_row(f"https://{letter}.example/", _html()) for letter in "ac"]
    rows.insert(bad_row - 1, _csv_row("https://b.example/", _html(), "extra"))
    path = _write_csv(tmp_path / "pages.csv", rows)
    result = run_cli("check", str(path), "--schema", "pages")
    assert result.returncode != 0
    assert f"row {bad_row}: 3 fields where the header has 2" in result.stdout + result.stderr


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
