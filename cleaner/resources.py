"""Packaged data, loaded once: phrase lists, thresholds, models, schemas.

Data lives in files so that adding a language or a clutter phrase, or tuning a
threshold, needs no code change. Everything here is read-only after loading,
which keeps cleaning a pure function of the page.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml


def data_file(relative_path: str) -> Traversable:
    """A file shipped in ``cleaner/data``."""
    return resources.files("cleaner.data").joinpath(relative_path)


@cache
def load_yaml(relative_path: str) -> Any:
    """A YAML file of ``cleaner/data``, parsed once per process."""
    return yaml.safe_load(data_file(relative_path).read_text(encoding="utf-8"))


def thresholds(section: str) -> dict[str, Any]:
    """One section of ``thresholds.yaml`` (e.g. ``inputs`` or ``text``)."""
    return dict(load_yaml("thresholds.yaml")[section])
