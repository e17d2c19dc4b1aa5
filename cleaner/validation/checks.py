"""The custom checks the schemas name, registered with pandera.

pandera's YAML can name only checks it knows; registering these at import
lets ``schemas/*.yaml`` use them (``no_clutter_phrase: {}`` and the like).
``cleaner.validation.schemas`` imports this module before loading a schema,
so a schema is never read without its checks.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import pandera.extensions as extensions

from cleaner.articles import PARAGRAPH_SEPARATOR
from cleaner.blocks.block import Kind
from cleaner.inputs.pages import CONTENT_COLUMNS
from cleaner.labelling.phrases import first_clutter_marker
from cleaner.words import count_words

KEPT_KINDS = frozenset({Kind.BODY.value, Kind.HEADING.value})


def clutter_phrase_in(body: str | None) -> str | None:
    """The first paragraph of ``body`` that is, whole, a clutter marker phrase."""
    if not body:
        return None
    return first_clutter_marker(body.split(PARAGRAPH_SEPARATOR))


def evidence(check: str, value: object) -> str | None:
    """The part of a failing value that made ``check`` fail, when the check can point at it.

    A body is long and its failure case is shortened; the clutter paragraph
    inside it is what a reader needs to see.
    """
    if check == "no_clutter_phrase" and isinstance(value, str):
        return clutter_phrase_in(value)
    return None


@cache
def explain(check: str) -> str | None:
    """The first line of a registered check's docstring: what it asks, in words."""
    function = globals().get(check)
    doc = getattr(function, "__doc__", None) if callable(function) else None
    return doc.strip().splitlines()[0].replace("``", "") if doc else None


@extensions.register_check_method(statistics=["tolerance_days"], supported_types=[pd.Series])
def not_in_future(series: pd.Series, *, tolerance_days: float) -> pd.Series:
    """A time is not later than now (plus a tolerance for time zones and clock skew)."""
    limit = pd.Timestamp.now(tz="UTC") + pd.Timedelta(days=tolerance_days)
    return series.isna() | (series <= limit)


@extensions.register_check_method(supported_types=[pd.Series])
def no_clutter_phrase(series: pd.Series) -> pd.Series:
    """No paragraph of a body is a bare clutter marker ("Read next", "Leave a comment")."""
    return series.map(lambda body: clutter_phrase_in(body) is None).astype(bool)


@extensions.register_check_method(supported_types=[pd.DataFrame])
def word_count_matches_body(frame: pd.DataFrame) -> pd.Series:
    """``word_count`` is the number of words of ``body``, counted as cleaner counts them."""
    return frame["body"].map(count_words) == frame["word_count"]


@extensions.register_check_method(supported_types=[pd.DataFrame])
def published_date_matches_time(frame: pd.DataFrame) -> pd.Series:
    """``published_date`` is stated with ``published_at``, within a day of its UTC day.

    A page's day differs from the UTC day by its offset, which is under a day.
    """
    utc_day = pd.to_datetime(frame["published_at"], utc=True).dt.normalize()
    day = pd.to_datetime(frame["published_date"], format="%Y-%m-%d", errors="coerce", utc=True)
    both_missing = frame["published_at"].isna() & frame["published_date"].isna()
    return both_missing | ((day - utc_day).abs() <= pd.Timedelta(days=1)).fillna(False)


@extensions.register_check_method(supported_types=[pd.DataFrame])
def ok_articles_have_body(frame: pd.DataFrame) -> pd.Series:
    """An article whose status is ``ok`` has a body with text in it."""
    has_text = frame["body"].fillna("").str.strip().str.len() > 0
    return (frame["status"] != "ok") | has_text


@extensions.register_check_method(supported_types=[pd.DataFrame])
def error_explains_status(frame: pd.DataFrame) -> pd.Series:
    """``error`` is empty exactly when ``status`` is ``ok``."""
    return (frame["status"] == "ok") == frame["error"].isna()


@extensions.register_check_method(supported_types=[pd.DataFrame])
def kept_blocks_are_content(frame: pd.DataFrame) -> pd.Series:
    """A kept block is body text or a heading; clutter kinds are always removed."""
    return ~frame["kept"].astype(bool) | frame["kind"].isin(KEPT_KINDS)


@extensions.register_check_method(supported_types=[pd.DataFrame])
def has_page_content(frame: pd.DataFrame) -> pd.Series:
    """Each row of a page table has an ``html``, ``text`` or ``markdown`` value to clean."""
    present = pd.Series(False, index=frame.index)
    for column in CONTENT_COLUMNS:
        if column in frame:
            present |= frame[column].fillna("").astype(str).str.strip().str.len() > 0
    return present
