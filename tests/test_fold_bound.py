"""``folds_longer_than`` only claims what folding confirms, and spares folding prose."""

from __future__ import annotations

import pytest

from cleaner.labelling.phrases import fold, folds_longer_than
from cleaner.validation.checks import clutter_phrase_in
from tests.conftest import wcxb_dump


@pytest.mark.parametrize("converter", ["bs4", "html_text"])
def test_never_claims_a_line_folds_longer_than_it_does(converter: str) -> None:
    lines = wcxb_dump("0004", converter).splitlines()
    for length in (0, 10, 38, 80):
        for line in lines:
            if folds_longer_than(line, length):
                assert len(fold(line)) > length


@pytest.mark.parametrize(
    "text",
    [
        "  »»  READ   NEXT  ««  ",  # edge punctuation and space runs fold away
        "---- Share\t\tthis ----",  # a tab inside: not printable, so folded
        "Read\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0next",  # odd spaces collapse
        "İİİİİİİİİİ",  # lower case makes each of these two characters
    ],
)
def test_texts_that_fold_short_are_not_claimed_long(text: str) -> None:
    assert not folds_longer_than(text, len(fold(text)))


def test_prose_is_told_long_without_folding() -> None:
    sentence = "The council approved the budget after a long debate on Tuesday night."
    assert folds_longer_than(sentence, 38)


def test_a_bare_clutter_paragraph_is_still_found_among_prose() -> None:
    prose = "The council approved the budget after a long debate on Tuesday night."
    body = f"{prose}\n\n  ›› READ   NEXT ‹‹ \n\n{prose}"
    assert clutter_phrase_in(body) == "  ›› READ   NEXT ‹‹ "
    assert clutter_phrase_in(f"{prose}\n\n{prose}") is None
