"""The language of a page, as an ISO 639-1 code.

py3langid ships its model inside the package (no download); it is loaded once
per process, on first use, and run with numpy (``language_model``). The text
decides; a language the page declares (``<html lang>``) is the answer only
when there is too little text to tell.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cleaner.articles import Fields
from cleaner.blocks.block import Block
from cleaner.fields.language_model import language_model
from cleaner.resources import thresholds

_DECLARED = re.compile(r"^\s*([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)*\s*$")


def normalise_language(declared: str | None) -> str | None:
    """``en-GB`` -> ``en``; anything that is not a two-letter code -> None."""
    if not declared:
        return None
    match = _DECLARED.match(declared)
    return match.group(1).lower() if match else None


def detect_language(text: str, declared: str | None = None) -> str | None:
    """The language of ``text``; ``declared`` breaks the tie when text is short."""
    limits = thresholds("language")
    sample = text[: limits["max_chars"]]
    declared_code = normalise_language(declared)
    if len(sample.strip()) < limits["min_chars"]:
        return declared_code
    code, probability = language_model().classify(sample)
    if probability >= limits["min_probability"] or declared_code is None:
        return str(code)
    return declared_code


def settle_language(fields: Fields, blocks: list[Block]) -> Fields:
    """The fields with ``language`` read from the kept text; the declared one breaks ties."""
    kept_text = "\n".join(block.text for block in blocks if block.kept)
    return replace(fields, language=detect_language(kept_text, declared=fields.language))
