"""Labelling real dumps: a dev page from two converters, and the model's contract."""

import re
from collections import Counter
from itertools import pairwise

import numpy as np
import pytest

import cleaner
from cleaner import Kind
from cleaner.blocks.text import segment_lines, segment_text
from cleaner.labelling.forest import load_forest
from cleaner.labelling.phrases import phrase_book
from cleaner.labelling.text import label_text_blocks
from cleaner.labelling.text_features import FEATURE_NAMES, line_features
from cleaner.labelling.text_sections import sections
from tests.conftest import CYCLE_LANES, wcxb_dump, wcxb_gold


def _f1(predicted: str, gold: str) -> float:
    """The benchmark's bag-of-words F1."""
    found = Counter(re.findall(r"\w+", predicted.lower()))
    wanted = Counter(re.findall(r"\w+", gold.lower()))
    overlap = sum((found & wanted).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(found.values()), overlap / sum(wanted.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("converter", ["html_text", "bs4"])
def test_dev_page_body_and_fields(converter):
    gold = wcxb_gold("0004")
    article = cleaner.clean_text(wcxb_dump("0004", converter), url=gold["url"])
    assert _f1(article.body, gold["main_content"]) > 0.95
    assert article.title == gold["title"]
    assert article.author == gold["author"]
    assert article.published_at.date().isoformat() == gold["publish_date"]
    assert article.language == "en"
    kinds = Counter(block.kind for block in article.blocks if not block.kept)
    assert kinds[Kind.TITLE] == 1
    assert kinds[Kind.RELATED] > 0  # the "Related Stories" block after the article


@pytest.mark.parametrize("converter", ["html_text", "bs4"])
def test_every_line_has_a_label_and_a_reason(converter):
    blocks = label_text_blocks(segment_text(wcxb_dump("0004", converter)))
    assert [block.position for block in blocks] == list(range(len(blocks)))
    assert all(block.reason for block in blocks)
    assert {block.kind for block in blocks if block.kept} <= {Kind.BODY, Kind.HEADING}
    model_reasons = [block.reason for block in blocks if block.reason.startswith("model p=")]
    assert model_reasons


def test_shipped_model_reads_the_features_the_code_computes():
    forest = load_forest("text_lines.json")
    assert forest.feature_names == FEATURE_NAMES
    lines = segment_lines(wcxb_dump("0004", "bs4"))
    features = line_features(lines, phrase_book().match_lines(lines))
    assert features.shape == (len(lines), len(FEATURE_NAMES))
    probabilities = forest.probability(features)
    assert ((probabilities >= 0) & (probabilities <= 1)).all()


# Three paragraphs of a short news article, for dumps built around them.
COUNCIL_NEWS = [
    "The committee met for three hours on Monday and agreed on the main points of the "
    "plan, which now goes to a public consultation before the final vote in June.",
    "Residents will be able to read the documents in the town hall and online, and the "
    "council has promised to answer every written question within two weeks.",
    "Several members said they expected changes to the timetable, but none of them "
    "questioned the budget, which was approved by the finance office last autumn.",
]


def test_a_read_next_header_mid_article_does_not_swallow_the_article():
    # Six paragraphs: on a page of three, two well-formed paragraphs after "Related" at
    # its end may as well be teasers, and the line model is unsure of them.
    text = "\n".join([CYCLE_LANES[0], "Related", *CYCLE_LANES[1:], *COUNCIL_NEWS])
    blocks = cleaner.clean_text(text).blocks
    assert blocks[1].kind is Kind.RELATED and not blocks[1].kept
    assert all(block.kept for block in blocks[2:])


def test_a_counted_comments_header_is_removed_and_opens_the_comments():
    """WordPress heads its comments "3 thoughts on “Title”": a count, then the phrase."""
    paragraphs = COUNCIL_NEWS[:2]
    comments = [
        "3 thoughts on “The council agrees on the plan”",
        "Jane Miller",
        "March 3, 2025 at 9:46 pm",
        "Thanks for the update!",
    ]
    blocks = cleaner.clean_text("\n".join([*paragraphs, *comments])).blocks
    header = blocks[len(paragraphs)]
    assert header.kind is Kind.COMMENTS and not header.kept
    assert header.reason == "phrase 'thoughts on'"
    assert all(block.kept for block in blocks[: len(paragraphs)])
    assert not any(block.kept for block in blocks[len(paragraphs) :])


@pytest.mark.parametrize("converter", ["html_text", "bs4"])
def test_menus_above_a_dev_article_are_navigation(converter):
    """Where the HTML marks its menus (``<nav>``), a dump only shows where they stand: above
    the article, the lines the model removes are the site's header and menus."""
    article = cleaner.clean_text(wcxb_dump("0004", converter))
    first_kept = next(index for index, block in enumerate(article.blocks) if block.kept)
    above = article.blocks[:first_kept]
    by_model = [block for block in above if block.reason.startswith("model p=")]
    assert len(by_model) > 10
    assert all(block.kind is Kind.NAVIGATION for block in by_model)
    assert all(block.reason.endswith("above the article") for block in by_model)
    assert Kind.OTHER not in {block.kind for block in above}


def test_short_lines_below_an_article_are_navigation_and_sentences_are_not():
    footer = ["Careers at the Gazette", "Advertise With Us", "Local Sport"]
    stray = "Readers who wrote to us about the bridge closure last week will get a reply soon."
    article = cleaner.clean_text("\n".join(["Cycle lanes approved", *CYCLE_LANES, *footer, stray]))
    assert article.body == "\n\n".join(CYCLE_LANES)
    kinds = {block.text: (block.kind, block.reason) for block in article.blocks}
    for line in footer:
        kind, reason = kinds[line]
        assert kind is Kind.NAVIGATION
        assert reason.endswith("short line below the article")
    assert kinds[stray][0] is Kind.OTHER


def test_a_related_section_ends_at_the_page_footer():
    """A "Related" section runs to the end of the page; the footer after its teasers is menus."""
    teasers = [
        "Bridge repairs will close the river road for a month from next week.",
        "The market square gets new trees and benches after a vote on Monday.",
    ]
    footer = ["Press Room", "Careers", "Site Map"]
    lines = ["Cycle lanes approved", *CYCLE_LANES, "Related", *teasers, *footer]
    article = cleaner.clean_text("\n".join(lines))
    assert article.body == "\n\n".join(CYCLE_LANES)
    kinds = {block.text: (block.kind, block.reason) for block in article.blocks}
    assert all(kinds[teaser][0] is Kind.RELATED for teaser in teasers)
    for line in footer:
        kind, reason = kinds[line]
        assert kind is Kind.NAVIGATION
        assert reason.startswith("closing menu lines, after 'related'")


def test_the_footer_of_a_dev_page_after_its_teasers_is_navigation():
    blocks = cleaner.clean_text(wcxb_dump("0004", "bs4")).blocks
    kinds = {block.text: block.kind for block in blocks}
    assert kinds["Best Diets for Weight Loss in 2025"] is Kind.RELATED  # a teaser
    assert kinds["Site Map"] is Kind.NAVIGATION
    assert kinds["Cookies Choices"] is Kind.NAVIGATION


@pytest.mark.parametrize("converter", ["html_text", "bs4"])
def test_a_paragraph_the_page_writes_twice_is_kept_once(converter):
    # Dev page 0219 writes its article's paragraphs a second time further down.
    gold = wcxb_gold("0219")
    article = cleaner.clean_text(wcxb_dump("0219", converter))
    repeats = [block for block in article.blocks if block.reason.startswith("rule: repeats")]
    assert len(repeats) >= 3
    by_position = {block.position: block for block in article.blocks}
    for block in repeats:
        first = by_position[int(block.reason.rsplit(" ", 1)[1])]
        assert first.kept and first.text == block.text and first.position < block.position
    kept_twice = Counter(block.text for block in article.blocks if block.kept) - Counter(
        {block.text: 1 for block in article.blocks}
    )
    assert kept_twice  # short lines (a "Copy to clipboard" button) may repeat ...
    assert all(len(re.findall(r"\w+", text)) < 8 for text in kept_twice)  # ... paragraphs not
    assert _f1(article.body, gold["main_content"]) > 0.9


@pytest.mark.parametrize("page_id", ["0004", "0219"])
def test_pieces_of_a_sentence_cut_at_its_links_are_body_not_subheadings(page_id):
    # BeautifulSoup writes each link of a paragraph on a line of its own: "To keep up with",
    # "modern plumbing", ", plumbers need modern tools ...". Those pieces are kept as body.
    blocks = cleaner.clean_text(wcxb_dump(page_id, "bs4")).blocks
    pieces = [
        (block, after)
        for block, after in pairwise(blocks)
        if block.kept and after.kept and (after.text[0].islower() or after.text[0] in ",.;:")
    ]
    assert len(pieces) >= 10
    for block, after in pieces:
        assert block.kind is Kind.BODY and after.kind is Kind.BODY, (block.text, after.text)
        assert block.heading_level is None


def test_a_short_line_between_sentences_and_a_lettered_heading_stay_subheadings():
    dump = "\n".join(
        [
            "Market overview for the coming year",
            "Professional services now target the growing market for generative tools.",
            "c) Emerging players",
            "New challengers are reshaping the market with cheaper and smaller models.",
            "Several of them have raised large rounds of funding over the last year.",
        ]
    )
    blocks = cleaner.clean_text(dump).blocks
    kinds = {block.text: block.kind for block in blocks if block.kept}
    assert kinds["c) Emerging players"] is Kind.HEADING


def test_a_section_ends_where_prose_resumes_not_at_two_kept_labels():
    lines = [
        "Read next",  # opens a related section
        "vlog",  # two short labels the model keeps on an unsure page ...
        "Whisky",
        "Why wine smells like strawberry, pepper and petrol",  # ... and a teaser
        "The council met on Tuesday to vote on the new budget for the city.",
        "It passed by a wide margin after a long debate.",  # the article resumes here
    ]
    book = phrase_book()
    markers = book.match_lines(lines)
    kept = np.array([False, True, True, False, True, True])
    words = np.array([len(line.split()) for line in lines])
    ends = np.array([line.endswith(".") for line in lines])
    found = sections(markers, kept, ends | (words >= 5), book.section_kinds)
    assert [section.kind if section else None for section in found] == [
        None,
        Kind.RELATED,
        Kind.RELATED,
        Kind.RELATED,
        None,
        None,
    ]


def test_dates_in_a_table_inside_the_article_are_not_timestamps():
    # Page 0243 charts home prices by month in a table that BeautifulSoup writes one
    # cell a line, "1/1/2014" then "+9.7%". Its dates stand between kept lines, and
    # the gold keeps them.
    gold = wcxb_gold("0243")
    article = cleaner.clean_text(wcxb_dump("0243", "bs4"))
    blocks = article.blocks
    dated = [block for block in blocks if block.text.strip() in {"1/1/2014", "6/1/2014"}]
    assert len(dated) == 4 and all(block.kept for block in dated)  # two tables
    assert _f1(article.body, gold["main_content"]) > 0.8
    # The "Last Updated" line above the article is still a timestamp.
    updated = next(block for block in blocks if block.text.startswith("Last Updated"))
    assert (updated.kept, updated.kind) == (False, Kind.TIMESTAMP)


def test_a_timestamp_line_reads_as_a_time_or_a_date():
    # Above the article nothing is kept: a line there is a timestamp by its own numbers.
    lines = [
        "14:30",
        "2024-11-06",
        "12/31/2024",
        "95.08",  # a score, not 95 past the hour
        "9.7/10",  # a rating, not a date
        "+47-99-999-9900",  # a telephone number
        "Mayor wins the vote on the city budget",
        "The council met on Tuesday to vote on the new budget for the city, and the mayor won.",
        "It passed by a wide margin after a long debate about the schools and the roads.",
        "The new budget takes effect in January, when the council meets again to review it.",
    ]
    blocks = cleaner.clean_text("\n".join(lines)).blocks
    timestamps = [block.text for block in blocks if block.reason == "rule: time or date line"]
    assert timestamps == ["14:30", "2024-11-06", "12/31/2024"]
