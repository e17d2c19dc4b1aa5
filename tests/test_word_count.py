"""The numpy word count gives exactly what ``re.findall(r"\\w+", text)`` gives."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from cleaner.words import count_words

WCXB = Path(__file__).resolve().parent / "data" / "wcxb"
_WORDS = re.compile(r"\w+")


@pytest.mark.parametrize("name", ["0004.bs4.txt.gz", "0004.html_text.txt.gz"])
def test_counts_a_real_dump_as_the_regex_does(name: str) -> None:
    text = gzip.decompress((WCXB / name).read_bytes()).decode("utf-8")
    assert count_words(text) == len(_WORDS.findall(text)) > 100


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (None, 0),
        ("", 0),
        ("word", 1),
        ("  snake_case, x2 -- 3.5 ", 4),
        ("naïve café, Straße über", 4),
        ("東京 2024年", 2),
        ("emoji 😀 between", 2),
        ("math 𝐀𝐁𝐂 letters", 3),  # letters beyond the Basic Multilingual Plane
        ("lone \ud800 surrogate", 2),
    ],
)
def test_counts_runs_of_word_characters(text: str | None, words: int) -> None:
    assert count_words(text) == words
    if text is not None:
        assert words == len(_WORDS.findall(text))
