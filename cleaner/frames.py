"""Cleaning a pandas DataFrame of pages, for pipelines that hold pages in memory."""

from __future__ import annotations

import pandas as pd

from cleaner.inputs.pages import pages_from_chunk
from cleaner.inputs.tables import TableChunk
from cleaner.pipeline import clean_pages
from cleaner.resources import thresholds
from cleaner.tables.tabulate import Tables, new_validators, tabulate


def clean_frame(pages: pd.DataFrame, source: str = "frame") -> Tables:
    """Clean a DataFrame of pages into the articles, blocks and issues tables.

    ``pages`` has an ``html``, ``text`` or ``markdown`` column (the first of
    them a row fills is cleaned) and optionally ``url``. Row N (from 1) is
    named ``{source}#N`` in the ``source`` column. Every row gives an article row, failed or not.
    """
    max_bytes = int(thresholds("inputs")["max_page_bytes"])
    chunk = TableChunk(pages, first_record=1)
    articles = clean_pages(pages_from_chunk(source, chunk, max_bytes))
    return tabulate(articles, new_validators())
