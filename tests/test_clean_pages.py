"""A batch cleaned at once gives what each page gives alone, and leaves the process as it was."""

from __future__ import annotations

import gc
import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner.pages import Page
from cleaner.pipeline import clean_page, clean_pages
from cleaner.resources import thresholds
from tests.conftest import wcxb_dump

DATA = Path(__file__).resolve().parent / "data"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "read-next-news.txt"


def _pages() -> list[Page]:
    """Real pages of every kind a batch meets: HTML, dumps, an empty page, an unreadable one."""
    html = gzip.decompress((DATA / "wcxb" / "0437.html.gz").read_bytes()).decode("utf-8")
    dump = wcxb_dump("0004", "bs4")
    return [
        Page("0437.html", html, "html", url="https://example.org/a"),
        Page("seed.txt", SEED.read_text(encoding="utf-8"), "text"),
        Page("0004.txt", dump, "text"),
        Page("empty.txt", "  \n", "text"),
        Page("broken.txt", None, "text", error="could not decode the file"),
    ]


@pytest.fixture
def collector_state() -> Iterator[None]:
    """Whatever a test does to the collector, the next test finds it enabled."""
    yield
    gc.enable()


def test_a_batch_gives_each_page_its_own_article() -> None:
    pages = _pages()
    assert clean_pages(pages) == [clean_page(page) for page in pages]


def test_a_batch_larger_than_a_labelling_group() -> None:
    together = int(thresholds("text")["pages_labelled_together"])
    pages = _pages() * (together // 2)  # two groups and part of a third, of mixed pages
    assert len(pages) > 2 * together
    assert clean_pages(pages) == [clean_page(page) for page in pages]


def test_a_dump_larger_than_a_group_is_labelled_alone() -> None:
    most_chars = int(thresholds("text")["chars_labelled_together"])
    seed = SEED.read_text(encoding="utf-8")
    large = Page("large.txt", "\n".join([seed] * (most_chars // len(seed) + 1)), "text")
    pages = [*_pages(), large, *_pages()]
    assert len(large.content or "") > most_chars
    assert clean_pages(pages) == [clean_page(page) for page in pages]


def test_the_statuses_of_a_mixed_batch() -> None:
    statuses = [article.status for article in clean_pages(_pages())]
    assert statuses == ["ok", "ok", "ok", "empty", "error"]


@pytest.mark.usefixtures("collector_state")
@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    clean_pages(_pages()[:2])
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("collector_state")
def test_the_collector_resumes_when_a_page_raises() -> None:
    gc.enable()

    def pages() -> Iterator[Page]:
        yield _pages()[1]
        raise OSError("the source went away")

    with pytest.raises(OSError, match="went away"):
        clean_pages(pages())
    assert gc.isenabled()
