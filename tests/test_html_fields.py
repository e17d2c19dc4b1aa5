"""Title, author and publication time of HTML pages: WCXB dev pages and small written pages."""

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from cleaner.blocks.html import parse_html, segment_html
from cleaner.fields.authors import clean_byline
from cleaner.fields.html import html_fields
from cleaner.fields.page import PageView
from cleaner.fields.titles import title_candidates

WCXB = Path(__file__).resolve().parent / "data" / "wcxb"

# (page, its URL, WCXB's gold title, author and publication day)
GOLD = [
    (
        "0437",
        "https://www.coryd.dev/posts/2021/a-brief-intro-to-git",
        "A brief intro to git",
        "Cory Dransfeldt",
        "2021-06-06",
    ),
    (
        "4027",
        "https://svs.gsfc.nasa.gov/4974",
        "Impact of Climate Change on Global Agricultural Yields",
        "Mark SubbaRao and Jonas Jaegermeyer",
        "2022-03-02",
    ),
    (
        "0525",
        "https://forum.doom9.org/showthread.php?t=186269",
        "Amd RX7800XT Wrong refresh rate ...",
        "microfast",
        "2025-03-30",
    ),
    (
        "4908",
        "https://www.petplace.com/insurance/",
        "Compare Pet Insurance: Side-By-Side Plans, Costs & Coverage",
        None,
        None,
    ),
    (
        "4650",
        "https://investor.vanguard.com/tools-calculators/retirement-income-calculator",
        "Retirement income calculator",
        None,
        None,
    ),
]


def _fields_of(html: str, url: str | None = None):
    document = parse_html(html)
    return html_fields(document, segment_html(document).blocks, url)


def _page(page_id: str) -> str:
    return gzip.decompress((WCXB / f"{page_id}.html.gz").read_bytes()).decode("utf-8")


@pytest.mark.parametrize(("page_id", "url", "title", "author", "day"), GOLD)
def test_fields_of_wcxb_pages_match_the_gold(page_id, url, title, author, day):
    fields = _fields_of(_page(page_id), url)
    assert fields.title.casefold() == title.casefold()
    assert fields.author == author
    published = fields.published_at.date().isoformat() if fields.published_at else None
    assert published == day


def test_fields_leave_the_tree_unchanged():
    document = parse_html(_page("0437"))
    before = etree.tostring(document)
    html_fields(document, segment_html(document).blocks, None)
    assert etree.tostring(document) == before


def test_published_time_is_utc_from_the_declared_offset():
    fields = _fields_of(
        '<html><head><meta property="article:published_time" '
        'content="2023-01-21T16:43:28-08:00"></head><body><h1>A</h1></body></html>'
    )
    assert fields.published_at == datetime(2023, 1, 22, 0, 43, 28, tzinfo=UTC)


def test_future_dates_are_not_publication_times():
    fields = _fields_of(
        '<html><head><meta property="article:published_time" content="2999-01-01">'
        "</head><body><h1>A headline of the page</h1></body></html>"
    )
    assert fields.published_at is None


def test_dateline_beats_a_restamped_declared_date():
    template = (
        '<html><head><script type="application/ld+json">'
        '{{"@type": "Article", "datePublished": "2025-06-01"}}</script></head>'
        "<body><h1>Ten tips for gardens</h1><p>{dateline}</p><p>Body text.</p></body></html>"
    )
    restamped = _fields_of(template.format(dateline="March 3, 2021"))
    assert restamped.published_at == datetime(2021, 3, 3, tzinfo=UTC)


def test_json_ld_people_are_written_as_the_byline_writes_them():
    fields = _fields_of(
        '<html><head><script type="application/ld+json">'
        '{"@graph": [{"@type": "NewsArticle", "datePublished": "2025-05-19",'
        ' "author": [{"@id": "#a"}, {"@type": "Person", "name": "Bo Chan"}]},'
        ' {"@id": "#a", "@type": "Person", "name": "Ann Lee"}]}</script></head>'
        "<body><h1>News</h1><p>By Ann Lee and Bo Chan | May 19, 2025</p></body></html>"
    )
    assert fields.author == "Ann Lee and Bo Chan"


def test_declared_language_falls_back_to_open_graph_locale():
    fields = _fields_of(
        '<html><head><meta property="og:locale" content="fr_FR"></head><body></body></html>'
    )
    assert fields.language == "fr_FR"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jonathan Sayers Jan. 31, 2026", "Jonathan Sayers"),
        ("Written by Moses Kim and Kate Shokurova", "Moses Kim and Kate Shokurova"),
        ("ByShivya Nath 12th February 2025", "Shivya Nath"),
        ("Author: Jan van der Berg | 5 min read", "Jan van der Berg"),
        ("Discover our collections", None),
        ("By using our site you agree to our Cookie Policy.", None),
        ("https://www.facebook.com/someone", None),
        ("admin", None),
    ],
)
def test_clean_byline_keeps_only_the_names(byline, names):
    assert clean_byline(byline) == names


def test_title_candidates_mark_the_site_name_cut_from_either_end():
    document = parse_html(
        "<html><head><title>Best Cloud Stocks of 2025 | The Motley Fool</title>"
        '<meta property="og:site_name" content="The Motley Fool"></head>'
        "<body><h1>The Motley Fool</h1></body></html>"
    )
    view = PageView.read(document, segment_html(document).blocks, None)
    candidates = {candidate.value: candidate.features for candidate in title_candidates(view)}
    assert candidates["Best Cloud Stocks of 2025"]["cut_site_back"] == 1.0
    assert candidates["Best Cloud Stocks of 2025"]["cut_only_site"] == 1.0
    assert candidates["The Motley Fool"]["names_site"] == 1.0
