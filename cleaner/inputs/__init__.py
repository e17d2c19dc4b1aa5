"""Inputs: where pages come from (files, folders, globs, tables, standard input)."""

from cleaner.inputs.pages import iter_pages, page_from_record
from cleaner.inputs.sources import Source, expand_sources

__all__ = ["Source", "expand_sources", "iter_pages", "page_from_record"]
