"""Title, author and publication time of HTML pages: WCXB dev pages and small written pages."""

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from lxml import etree

from cleaner.blocks.block import Block
from cleaner.blocks.html import parse_html, segment_html
from cleaner.fields.authors import author_candidates
from cleaner.fields.dates import find_dates, numeric_order, parse_date
from cleaner.fields.html import html_fields
from cleaner.fields.lines import Lines
from cleaner.fields.names import clean_byline
from cleaner.fields.page import PageView
from cleaner.fields.published import published_candidates
from cleaner.fields.ranking import Candidate, feature_matrix, top
from cleaner.fields.titles import title_candidates
from cleaner.resources import data_file, load_yaml

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
    # The name and the date glued in one line: "Dec 17, 2025Julian K. Arni".
    (
        "0453",
        "https://garnix.io/blog/attested-nix-builds",
        "Hardware-Attested Nix Builds",
        "Julian K. Arni",
        "2025-12-17",
    ),
    # A month-first numeric date, "2/24/2026".
    (
        "4497",
        "https://www.cartalk.com/car-reviews/best-electric-vehicles",
        "Best EVs of 2026",
        "John Goreham",
        "2026-02-24",
    ),
    # The only date shown is "Updated: 10/31/2024".
    (
        "1837",
        "https://sfist.com/san-francisco-moving-companies-movers/",
        "21+ Best Movers / Moving Companies in San Francisco (2024)",
        "SFist Contributor",
        "2024-10-31",
    ),
    # A forum thread: its starter is the author.
    (
        "0516",
        "https://www.physicsforums.com/threads/"
        "buying-microsoft-office-2024-but-not-from-microsoft.1066181/",
        "Buying Microsoft Office 2024 but not from Microsoft",
        "paulb203",
        "2024-10-08",
    ),
]


def _view_of(html: str, url: str | None = None) -> PageView:
    document = parse_html(html)
    return PageView.read(document, segment_html(document).blocks, url)


def _date_features(view: PageView) -> dict[str, dict[str, float]]:
    """The features of each publication-day candidate of ``view``, by ISO day."""
    return {
        candidate.value.date().isoformat(): candidate.features
        for candidate in published_candidates(view)
    }


def _fields_of(html: str, url: str | None = None):
    document = parse_html(html)
    return html_fields(document, segment_html(document).blocks, url)


def _page(page_id: str) -> str:
    return gzip.decompress((WCXB / f"{page_id}.html.gz").read_bytes()).decode("utf-8")


@pytest.mark.parametrize(("page_id", "url", "title", "author", "day"), GOLD)
def test_fields_of_wcxb_pages_match_the_gold(page_id, url, title, author, day):
    """WCXB's rules: title equal after folding case, gold author within ours, same day."""
    fields = _fields_of(_page(page_id), url)
    assert fields.title.casefold() == title.casefold()
    if author is None:
        assert fields.author is None
    else:
        assert author.casefold() in fields.author.casefold()
    published = fields.published_at.date().isoformat() if fields.published_at else None
    assert published == day


def test_fields_leave_the_tree_unchanged():
    document = parse_html(_page("0437"))
    before = etree.tostring(document)
    html_fields(document, segment_html(document).blocks, None)
    assert etree.tostring(document) == before


@pytest.mark.parametrize("page_id", ["0437", "0516"])
def test_the_shipped_scorers_read_exactly_the_features_the_candidates_have(page_id):
    """A feature renamed in the code but not in a model would silently read as missing."""
    view = _view_of(_page(page_id))
    listed = {
        "fields_title.json": title_candidates(view),
        "fields_author.json": author_candidates(view, dated=0.5),
        "fields_published.json": published_candidates(view),
    }
    for model_file, candidates in listed.items():
        model = json.loads(data_file(f"models/{model_file}").read_text(encoding="utf-8"))
        assert candidates
        for candidate in candidates:
            assert set(candidate.features) == set(model["feature_names"])


def test_published_time_is_utc_from_the_declared_offset():
    candidates = published_candidates(
        _view_of(
            '<html><head><meta property="article:published_time" '
            'content="2023-01-21T16:43:28-08:00"></head><body><h1>A</h1></body></html>'
        )
    )
    assert [candidate.value for candidate in candidates] == [
        datetime(2023, 1, 22, 0, 43, 28, tzinfo=UTC)
    ]


def test_future_dates_are_never_candidates():
    view = _view_of(
        '<html><head><meta property="article:published_time" content="2999-01-01">'
        "</head><body><h1>A headline of the page</h1><p>March 3, 2998</p></body></html>"
    )
    assert published_candidates(view) == []
    assert html_fields(view.document, view.blocks, None).published_at is None


def test_date_candidates_tell_the_modification_date_from_the_publication_date():
    view = _view_of(
        "<html><body><h1>Ten tips for gardens</h1>"
        "<p>Published March 3, 2021 · Last updated June 1, 2025</p>"
        "<p>Body text.</p></body></html>",
        "https://example.org/2021/03/03/ten-tips/",
    )
    features = _date_features(view)
    assert features["2021-03-03"]["from_dateline"] == 1.0
    assert features["2021-03-03"]["after_publication_word"] == 1.0
    assert features["2021-03-03"]["from_url"] == 1.0
    assert features["2025-06-01"]["from_dateline_modified"] == 1.0
    assert features["2025-06-01"]["is_newest"] == 1.0


def test_words_before_a_date_speak_of_it_only_until_the_previous_date():
    # "Updated" first, "Published" second: the second date is no modification.
    view = _view_of(
        "<html><body><h1>Ten tips for gardens</h1>"
        "<p>Updated June 1, 2025 · Published March 3, 2021</p>"
        "<p>Body text.</p></body></html>"
    )
    features = _date_features(view)
    assert features["2025-06-01"]["from_dateline_modified"] == 1.0
    assert features["2021-03-03"]["from_dateline_modified"] == 0.0
    assert features["2021-03-03"]["after_publication_word"] == 1.0


def test_dates_of_other_events_are_no_candidates():
    # A forum post: the member's join date is not the post's; an offer's end is no date of
    # the page either.
    view = _view_of(
        "<html><body><h1>Wrong refresh rate</h1>"
        "<div><span>galitsyn</span><dl><dd>Joined: 4. Jul 2012, 16:09</dd></dl></div>"
        "<p>Post by galitsyn » 11. Sep 2024, 18:36</p>"
        "<p>Offer valid until Dec 31, 2025 · Travel through Mar 31, 2026</p>"
        "<p>My screen runs at the wrong rate since the last driver update, any idea?</p>"
        "</body></html>"
    )
    days = sorted(candidate.value.date().isoformat() for candidate in published_candidates(view))
    assert days == ["2024-09-11"]


def test_shown_dates_tell_a_dateline_from_a_teaser_of_another_article():
    view = _view_of(
        "<html><body><h1>A guide to Armenian wines</h1><p>9 February 2026</p>"
        "<p>Armenia has made wine for six thousand years, and its grapes are its own.</p>"
        "<h3>Related</h3><ul><li>What is orange wine? Skin-contact white wines - 22 January 2026"
        " · Sparkling wine explained - 19 January 2026</li></ul></body></html>"
    )
    features = _date_features(view)
    dateline, teaser = features["2026-02-09"], features["2026-01-22"]
    assert dateline["shown_share"] == 1.0
    assert dateline["shown_dates"] == 1.0
    assert teaser["shown_share"] < 0.2
    assert teaser["shown_dates"] == 2.0
    assert teaser["shown_chars"] > dateline["shown_chars"]


def test_the_url_settles_a_numeric_dateline_that_reads_either_way():
    # "03/10/2023" reads as the 10th of March or the 3rd of October; the URL names October.
    view = _view_of(
        "<html><body><h1>How many wine types and styles are there?</h1><p>03/10/2023</p>"
        "<p>There are more styles of wine than most drinkers ever taste, and here they are.</p>"
        "</body></html>",
        "https://www.example.com/knowledge-centre/blog/2023/october/03/wine-types/",
    )
    features = _date_features(view)
    assert list(features) == ["2023-10-03"]
    assert features["2023-10-03"]["from_url"] == 1.0
    assert features["2023-10-03"]["from_dateline"] == 1.0


def test_a_year_first_dateline_with_dots_is_read_but_not_a_version_or_file_name():
    view = _view_of(
        "<html><body><h1>Why Small Languages Die in the Age of AI</h1>"
        '<p><span>Essay - Published: 2025.12.17 | </span><a href="/tags/ai">ai</a></p>'
        "<p>Every language needs a community that keeps writing code and answering questions "
        "in it, and the assistants now answer most of those questions.</p>"
        "<p>Switch to archlinux-2022.06.01-x86_64.iso or build 2025.11.17-e581 to follow.</p>"
        "</body></html>"
    )
    features = _date_features(view)
    assert list(features) == ["2025-12-17"]
    assert features["2025-12-17"]["from_dateline"] == 1.0
    assert features["2025-12-17"]["after_publication_word"] == 1.0


def test_a_numeric_time_element_that_reads_either_way_is_settled_like_a_shown_date():
    # "02-12-2025" reads as the 12th of February or the 2nd of December; the sidebar's list of
    # recent posts dates this very post "2025-12-02".
    post = (
        "<html><body><h1>Reflections on a pixel-perfect UI pipeline</h1>"
        '<ul><li>Bence Kovács</li><li><time datetime="02-12-2025">02-12-2025</time></li></ul>'
        "<p>Designers hand over vector files, and the plugin has to draw them exactly at every "
        "scale the host window allows.</p>{sidebar}</body></html>"
    )
    recent = (
        '<h3>Recent posts</h3><div><h4><a href="/blog/pixel-perfect">Reflections on a '
        'pixel-perfect UI pipeline</a></h4><time datetime="2025-12-02">December 02, 2025</time>'
        '</div><div><h4><a href="/blog/templates">Template woes</a></h4>'
        '<time datetime="2024-12-11">December 11, 2024</time></div>'
    )
    features = _date_features(_view_of(post.format(sidebar=recent)))
    assert sorted(features) == ["2024-12-11", "2025-12-02"]
    assert features["2025-12-02"]["from_time_element"] == 1.0
    assert features["2025-12-02"]["from_dateline"] == 1.0
    # Without the sidebar, a date the page writes day first ("Updated 24-12-2025") settles it.
    updated = "<p>Updated 24-12-2025</p>"
    assert sorted(_date_features(_view_of(post.format(sidebar=updated)))) == [
        "2025-12-02",
        "2025-12-24",
    ]


def test_json_ld_in_a_meta_tag_is_read_as_a_script_of_it_would_be():
    view = _view_of(
        '<html><head><meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article'
        "&quot;,&quot;headline&quot;:&quot;Full EV cars: a guide&quot;,&quot;dateModified"
        "&quot;:&quot;2025-11-17T09:00:00-05:00&quot;,&quot;datePublished&quot;:&quot;"
        '2025-11-17T09:00:00-05:00&quot;}"/></head><body><h1>Full EV cars: a guide</h1>'
        "<p>A fully electric car runs on its battery alone, with no engine to fall back on.</p>"
        "</body></html>"
    )
    (node,) = view.metadata.nodes_of_kind("article_types")
    assert node.properties["headline"] == "Full EV cars: a guide"
    features = _date_features(view)
    assert list(features) == ["2025-11-17"]
    assert features["2025-11-17"]["from_ld_article"] == 1.0


def test_meta_tags_a_site_names_itself_are_read_by_the_words_of_their_names():
    view = _view_of(
        '<html><head><meta name="w-published-date" content="2025-05-27T06:03:43.274Z">'
        '<meta name="w-last-updated" content="2025-09-02">'
        '<meta name="ms.date" content="05/27/2025"><meta name="viewport" content="2025">'
        "</head><body><h1>Moving legal work in-house</h1>"
        "<p>A cost-benefit analysis starts with what the outside counsel costs today.</p>"
        "</body></html>"
    )
    features = _date_features(view)
    assert sorted(features) == ["2025-05-27", "2025-09-02"]
    assert features["2025-05-27"]["from_meta"] == 1.0
    assert features["2025-09-02"]["from_meta_modified"] == 1.0


def test_a_dated_page_with_a_byline_gets_its_author_and_date():
    fields = _fields_of(
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Rain returns to the valley",'
        ' "datePublished": "2025-05-19T08:00:00Z", "author": {"@type": "Person",'
        ' "name": "Ann Lee"}}</script></head>'
        "<body><h1>Rain returns to the valley</h1><p>By Ann Lee | May 19, 2025</p>"
        "<p>After three dry months the rain came back on Sunday night.</p></body></html>"
    )
    assert fields.title == "Rain returns to the valley"
    assert fields.author == "Ann Lee"
    assert fields.published_at == datetime(2025, 5, 19, 8, tzinfo=UTC)


def test_json_ld_people_are_written_as_the_byline_writes_them():
    fields = _fields_of(
        '<html><head><script type="application/ld+json">'
        '{"@graph": [{"@type": "NewsArticle", "datePublished": "2025-05-19",'
        ' "author": [{"@id": "#a"}, {"@type": "Person", "name": "Bo Chan"}]},'
        ' {"@id": "#a", "@type": "Person", "name": "Ann Lee"}]}</script></head>'
        "<body><h1>News</h1><p>By Ann Lee and Bo Chan | May 19, 2025</p></body></html>"
    )
    assert fields.author == "Ann Lee and Bo Chan"


def _author_sources(html: str) -> dict[str, set[str]]:
    candidates = author_candidates(_view_of(html), dated=0.5)
    return {
        candidate.value: {
            name.removeprefix("from_")
            for name, value in candidate.features.items()
            if name.startswith("from_") and name != "from_headline" and value == 1.0
        }
        for candidate in candidates
    }


def test_author_candidates_come_from_labels_datelines_links_and_forum_markup():
    sources = _author_sources(
        "<html><body><div class='post'><h1>Notes on gardens</h1>"
        "<p>Written by</p><p>Edzel Tabing</p>"
        "<p>Dec. 19, 2025 · Niko Matsakis</p>"
        "<a href='/author/ruth-ozeki/'>Ruth Ozeki</a>"
        "<article data-author='paulb203'><span class='username'>paulb203</span></article>"
        "</div><p>© 2025 Toby Hede. All rights reserved.</p></body></html>"
    )
    assert "after_label" in sources["Edzel Tabing"]
    assert "dateline_part" in sources["Niko Matsakis"]
    assert "author_link" in sources["Ruth Ozeki"]
    assert {"data_author", "user_element"} <= sources["paulb203"]
    assert "copyright" in sources["Toby Hede"]


def test_declared_authors_are_read_from_label_pairs_and_kept_whole():
    sources = _author_sources(
        "<html><head>"
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Rasmus Barslund">'
        '<meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="9 minutes">'
        '<meta name="dcterms.creator" content="Center for Drug Evaluation and Research">'
        '<meta name="author" content="kirstin boatto">'
        "</head><body><h1>Moving day</h1></body></html>"
    )
    assert "meta_label" in sources["Rasmus Barslund"]
    assert "9 minutes" not in sources
    assert "meta" in sources["Center for Drug Evaluation and Research"]
    assert "meta" in sources["kirstin boatto"]


def test_author_candidates_know_ordinary_words_and_how_they_stand_against_the_others():
    view = _view_of(
        "<html><head><meta name='author' content='Sofia Gonzalez'></head><body>"
        "<p>Home</p><h1>New restaurants</h1><p>By Sofia Gonzalez</p>"
        "<p>Back home, we ate at every new place in town and wrote down what we liked.</p>"
        "</body></html>"
    )
    features = {c.value: c.features for c in author_candidates(view, dated=0.5)}
    assert features["Home"]["common_words"] == 1.0
    assert features["Sofia Gonzalez"]["common_words"] == 0.0
    lead = features["Sofia Gonzalez"]["sources"] - features["Home"]["sources"]
    assert lead > 0
    assert features["Sofia Gonzalez"]["sources_lead"] == lead
    assert features["Home"]["sources_lead"] == -lead
    assert features["Home"]["page_candidates"] == len(features)


def test_several_author_links_are_also_one_byline_in_page_order():
    sources = _author_sources(
        "<html><body><h1>Gaming laptops under $1,000</h1>"
        "<div class='meta'><a href='/authors/adrien-ramirez'>Adrien Ramirez</a>"
        "<a href='/library/?_author=Joanna%20Nelius'>Joanna Nelius</a></div>"
        "<p>We tested twenty laptops over three months of games and work.</p></body></html>"
    )
    assert "author_link" in sources["Adrien Ramirez, Joanna Nelius"]


def test_an_author_box_picture_names_its_author_by_its_alt_text():
    sources = _author_sources(
        "<html><body><h1>How to price a practice</h1>"
        "<p>Most clinics charge too little for their first visit.</p>"
        "<div class='post-author-wrapper'><div class='author-avatar'>"
        "<img src='/a.png' alt='Headshot of Danielle Padula'></div>"
        "<div class='bio'>This post was written by our head of marketing.</div></div>"
        "<img src='/b.png' alt='A bowl of soup'></body></html>"
    )
    assert "author_image" in sources["Danielle Padula"]
    assert not any("author_image" in found for name, found in sources.items() if "soup" in name)


def test_a_forum_posts_details_list_names_its_poster_by_its_first_term():
    sources = _author_sources(
        "<html><body><h1>Why did the ISO grow?</h1>"
        "<div class='post'><div class='postleft'><dl><dt><strong>chunix64</strong></dt>"
        "<dd class='usertitle'><strong>Member</strong></dd>"
        "<dd><span>Registered: 2025-01-27</span></dd></dl></div>"
        "<div class='postright'><p>The image doubled in a year.</p></div></div>"
        "<dl><dt><strong>Red Wine</strong></dt><dd>Still wine from black grapes.</dd></dl>"
        "</body></html>"
    )
    assert "post_term" in sources["chunix64"]
    assert "post_term" not in sources.get("Red Wine", set())


def test_title_candidates_mark_the_site_name_cut_from_either_end():
    view = _view_of(
        "<html><head><title>Best Cloud Stocks of 2025 | The Motley Fool</title>"
        '<meta property="og:site_name" content="The Motley Fool"></head>'
        "<body><h1>The Motley Fool</h1></body></html>"
    )
    candidates = {candidate.value: candidate.features for candidate in title_candidates(view)}
    assert candidates["Best Cloud Stocks of 2025"]["cut_site_back"] == 1.0
    assert candidates["Best Cloud Stocks of 2025"]["cut_only_site"] == 1.0
    assert candidates["The Motley Fool"]["names_site"] == 1.0


def test_title_variants_in_quote_marks_are_one_candidate_written_as_the_metadata_writes_it():
    view = _view_of(
        "<html><head><meta property='og:title' content=\"Here's how to sleep well\">"
        "</head><body><h1>Here’s how to sleep well</h1></body></html>"
    )
    candidates = title_candidates(view)
    assert [candidate.value for candidate in candidates] == ["Here's how to sleep well"]
    assert candidates[0].features["og_whole"] == candidates[0].features["h1_whole"] == 1.0


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
        ("paulb203", "paulb203"),
        ("Discover our collections", None),
        ("By using our site you agree to our Cookie Policy.", None),
        ("https://www.facebook.com/someone", None),
        ("+1-555-123-4567 Sales", None),
        ("admin", None),
        ("By Erik Demaine.", "Erik Demaine"),
        ("By Ann B.", "Ann B."),
    ],
)
def test_clean_byline_keeps_only_the_names(byline, names):
    assert clean_byline(byline) == names


@pytest.mark.parametrize(
    ("text", "day_first", "days"),
    [
        ("Updated: 10/31/2024", None, ["2024-10-31"]),
        ("29.11.2024 and 2024-12-01T10:00:00Z", None, ["2024-11-29", "2024-12-01"]),
        ("03/04/2024", None, ["2024-03-04"]),
        ("03/04/2024", True, ["2024-04-03"]),
        ("Posted Dec. 19, 2025 · Updated 3 January 2026", None, ["2025-12-19", "2026-01-03"]),
        ("in 1989, on 12/31/1989", None, []),
        ("Published: 2025.12.17 | Essay", None, ["2025-12-17"]),
        ("작성일 2025. 12. 3.", None, ["2025-12-03"]),
    ],
)
def test_find_dates_reads_every_date_of_a_line_in_order(text, day_first, days):
    found = find_dates(text, day_first)
    assert [moment.date().isoformat() for _, _, moment in found] == days
    assert all(text[start:end].strip() for start, end, _ in found)


def test_an_unambiguous_numeric_date_settles_the_order_of_the_others():
    assert numeric_order("Posted 11.24.2025") is False
    assert numeric_order("Posted 24/11/2025") is True
    assert numeric_order("Posted 09.10.2024") is None
    assert parse_date("11-29-2024, 09:03 AM") == datetime(2024, 11, 29, tzinfo=UTC)


def test_lines_map_positions_back_to_their_blocks():
    blocks = [
        Block(0, "Hello World"),
        Block(1, "x" * 300),
        Block(2, "By Ann Lee"),
        Block(3, "Caf… “quoted”"),
    ]
    lines = Lines.of(blocks)
    assert lines.blocks == (0, 2, 3)
    assert lines.folded_lines() == ["hello world", "by ann lee", 'caf... "quoted"']
    position = lines.folded.find("ann")
    assert lines.blocks[lines.line_at(position, folded=True)] == 2
    assert lines.rest_of_line(position, folded=True) == "Ann Lee"
    assert lines.rest_of_line(lines.folded.find("quoted"), folded=True) == "Caf… “quoted”"


def test_features_missing_from_a_candidate_read_as_not_a_number():
    matrix = feature_matrix(
        [Candidate("a", {"x": 1.0, "y": 2.0}), Candidate("b", {"x": 3.0})], ["x", "y"]
    )
    assert matrix[0].tolist() == [1.0, 2.0]
    assert matrix[1, 0] == 3.0 and np.isnan(matrix[1, 1])


def test_the_top_candidate_is_stated_only_above_the_threshold_and_ties_keep_the_first():
    candidates = [Candidate("first", {}), Candidate("second", {})]
    assert top(candidates, np.array([0.4, 0.4]), 0.3).value == "first"
    assert top(candidates, np.array([0.1, 0.2]), 0.3) is None
    assert top([], np.zeros(0), 0.0) is None


def test_every_marking_word_and_path_holds_a_stem_the_attribute_search_finds():
    rules = load_yaml("fields.yaml")["author"]
    stems = rules["marking_stems"]
    marks = (
        rules["element_words"]
        + rules["user_element_words"]
        + rules["author_paths"]
        + rules["user_paths"]
    )
    assert [mark for mark in marks if not any(stem in mark for stem in stems)] == []
