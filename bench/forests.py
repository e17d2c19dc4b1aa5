"""A trained CatBoost model as the numpy-only ``ObliviousForest`` the package ships."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from cleaner.labelling.forest import ObliviousForest


def to_forest(model: object, name: str, feature_names: list[str]) -> ObliviousForest:
    """``model`` (a fitted CatBoostClassifier) exported through CatBoost's JSON format."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        model.save_model(str(path), format="json")  # type: ignore[attr-defined]
        exported = json.loads(path.read_text(encoding="utf-8"))
    return ObliviousForest.from_catboost(name, exported, feature_names)
