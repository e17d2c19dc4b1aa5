"""From cleaned articles to the three validated tables of a batch.

Used by the batch run (one call per batch, the validators carried across
batches) and by ``clean_frame`` (one call for a whole DataFrame).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from cleaner.articles import Article
from cleaner.tables.rows import articles_frame, blocks_frame, issues_frame
from cleaner.validation.schemas import packaged_schema
from cleaner.validation.validator import TableValidator

VALIDATED_TABLES = ("articles", "blocks")


@dataclass(frozen=True, slots=True)
class Tables:
    """One row per article, one per block, one per problem found."""

    articles: pd.DataFrame
    blocks: pd.DataFrame
    issues: pd.DataFrame

    def frames(self) -> dict[str, pd.DataFrame]:
        return {"articles": self.articles, "blocks": self.blocks, "issues": self.issues}


def new_validators() -> list[TableValidator]:
    """Validators for the tables a run validates.

    Ids are not remembered across batches: a ``doc_id`` hashes the page's
    source name, and a run reads each source once, so memory stays flat.
    """
    return [
        TableValidator(name, packaged_schema(name), across_batches=False)
        for name in VALIDATED_TABLES
    ]


def tabulate(articles: Sequence[Article], validators: Sequence[TableValidator]) -> Tables:
    """The tables of ``articles``, validated; failures become rows of ``issues``."""
    frames = {"articles": articles_frame(articles), "blocks": blocks_frame(articles)}
    sources_by_id = {article.doc_id: article.source for article in articles}
    issues = [
        issue
        for validator in validators
        for issue in validator.validate(frames[validator.table], sources_by_id)
    ]
    return Tables(frames["articles"], frames["blocks"], issues_frame(issues))
