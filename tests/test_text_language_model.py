"""The numpy run of py3langid's model gives py3langid's own answers."""

from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from cleaner.fields.language_model import language_model

PAGES = Path(__file__).resolve().parent / "data" / "text"
SAMPLES = [
    *(page.read_text(encoding="utf-8")[:1000] for page in sorted(PAGES.glob("news_*.txt"))),
    "THE COUNCIL APPROVED THE BUDGET ON MONDAY",  # all capitals: lower-cased first
    "Ein kurzer Satz.",
    "東京都は月曜日に新しい計画を発表した。",
    "x",
    "",
    "\x00\x01 binary \xff\ufffd",
]


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


@pytest.mark.parametrize("text", SAMPLES)
def test_same_language_and_probability_as_py3langid(reference, text):
    language, probability = language_model().classify(text)
    expected_language, expected_probability = reference.classify(text)
    assert language == expected_language
    assert probability == pytest.approx(expected_probability, abs=1e-4)


def test_the_automaton_depth_is_the_longest_n_gram():
    assert language_model().depth == 6
