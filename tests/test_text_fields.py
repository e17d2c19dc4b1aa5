"""Fields from labelled lines: the title without the site's name, the author, the date."""

from datetime import UTC, datetime

import pytest

import cleaner
from cleaner import Kind
from cleaner.fields.text import author_name
from cleaner.labelling.text_title import without_site_name
from tests.conftest import CYCLE_LANES, wcxb_dump, wcxb_gold

ARTICLE = [
    "Volcano erupts near village | The Island Post",
    "Home",
    "World",
    "Volcano erupts near village",
    "By",
    "Ana Lima",
    "Updated 3 May 2024, 10:15",
    "The volcano on the north of the island erupted early on Friday morning, sending a column "
    "of ash several kilometres into the sky and forcing hundreds of residents to leave.",
    "Civil protection officials said the lava flow was moving slowly towards the sea and that "
    "no houses were at risk for now, although the airport would stay closed until Sunday.",
    "Scientists had recorded a rise in small earthquakes for two weeks before the eruption, "
    "and the alert level had been raised to orange on Wednesday evening.",
]


@pytest.mark.parametrize(
    ("byline", "following", "name"),
    [
        ("By Rebecca Norris Published: Jun 25, 2025", None, "Rebecca Norris"),
        ("Von Katharina Brenner, Berlin", None, "Katharina Brenner"),
        ("Autor: Ирина Соколова", None, "Ирина Соколова"),
        ("By", "Korin Miller", "Korin Miller"),
        ("By entering your email, you agree to our terms", None, None),
        # The byline rules of the HTML path: a month, "in <section>", a doubled lead-in.
        ("By Kathryn Giuffrida Mar 5, 2025 | 6 comments", None, "Kathryn Giuffrida"),
        ("By Sofia Gonzalez December 2, 2025", None, "Sofia Gonzalez"),
        ("By MixmasterFred in Workshop Woodworking", None, "MixmasterFred"),
        ("Written by by Rebecca MacFarlane", None, "Rebecca MacFarlane"),
        ("by Jacob Trussell —10 min read", None, "Jacob Trussell"),
        ("By using VS Code", None, None),
        # A search form's "By:" (search by member) over its button.
        ("By:", "Search", None),
        # A user name's digits are its own; a number after a space ends the name.
        ("By JWoodguy13", None, "JWoodguy13"),
        ("By Ann Lee 12 posts", None, "Ann Lee"),
        # Credentials and a list of co-authors are the byline's; a role or a place is not.
        ("By Genevieve Carlton, Ph.D.", None, "Genevieve Carlton, Ph.D."),
        ("By Jillian Kubala, MS, RD | Updated May 3, 2025", None, "Jillian Kubala, MS, RD"),
        (
            "Written by Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
            None,
            "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
        ),
        ("By Ann Lee and Bo Li | May 3, 2025", None, "Ann Lee and Bo Li"),
        ("By Ann Lee, Contributing Writer", None, "Ann Lee"),
    ],
)
def test_author_name_is_the_name_only(byline, following, name):
    assert author_name(byline, following) == name


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Volcano erupts near village | The Island Post", "Volcano erupts near village"),
        ("Site - How to prune roses in winter", "How to prune roses in winter"),
        ("Plain title without a site", "Plain title without a site"),
    ],
)
def test_site_name_is_cut_from_a_title(title, headline):
    assert without_site_name(title) == headline


def test_title_bare_byline_and_date_from_a_dump():
    article = cleaner.clean_text("\n".join(ARTICLE))
    assert article.title == "Volcano erupts near village"
    assert article.author == "Ana Lima"
    assert article.published_at == datetime(2024, 5, 3, tzinfo=UTC)
    assert article.body == "\n\n".join(ARTICLE[7:])
    kinds = [block.kind for block in article.blocks[3:7]]
    assert kinds == [
        cleaner.Kind.TITLE,
        cleaner.Kind.BYLINE,
        cleaner.Kind.BYLINE,
        cleaner.Kind.TIMESTAMP,
    ]


def _author_of(lines: list[str]) -> str | None:
    return cleaner.clean_text("\n".join(lines)).author


@pytest.mark.parametrize(
    ("head", "author"),
    [
        # A bare name line beside the date line, under the headline.
        (["Home", "Cycle lanes approved", "Marta Kowalczyk", "March 4, 2025"], "Marta Kowalczyk"),
        # The name before the date on the date line.
        (["Home", "Cycle lanes approved", "Marta Kowalczyk March 4, 2025"], "Marta Kowalczyk"),
        # The name closing the date line, after its other notes.
        (
            ["Home", "Cycle lanes approved", "March 4, 2025 · 6 min · Marta Kowalczyk"],
            "Marta Kowalczyk",
        ),
        # A bare name right under the headline, the page dated further down.
        (
            ["Home", "Cycle lanes approved", "Marta Kowalczyk", "Share", "Save", "March 4, 2025"],
            "Marta Kowalczyk",
        ),
        # "by Name" inside a date line.
        (
            ["Home", "Cycle lanes approved", "Published March 4, 2025 by Marta Kowalczyk"],
            "Marta Kowalczyk",
        ),
        # A lead-in the labeller does not read ("By:").
        (
            ["Home", "Cycle lanes approved", "By: Marta Kowalczyk", "March 4, 2025"],
            "Marta Kowalczyk",
        ),
        # A menu's words beside the date are no name.
        (["Home", "Cycle lanes approved", "Close Menu", "March 4, 2025"], None),
        # The first timestamp line is a reading time; the name stands by the first date,
        # under the article's lead.
        (
            [
                "Home",
                "6 minute read",
                "Cycle lanes approved",
                "Three new cycle lanes will cross the city centre by the end of next year, the "
                "council decided after months of consultation with residents and shop owners.",
                "Marta Kowalczyk",
                "Mar 4, 2025",
            ],
            "Marta Kowalczyk",
        ),
        # A forum post's header: the user name before the date, on its line or the one above.
        (["Forums", "Cycle lanes approved", "mkowal88 · 03/03/2025 19:44"], "mkowal88"),
        (
            ["Forums", "Cycle lanes approved", "mkowal88 (mkowal88) March 3, 2025, 7:44pm 1"],
            "mkowal88",
        ),
        (
            ["Forums", "Cycle lanes approved", "mkowal88 (Mkowal88) March 3, 2025, 7:44pm 1"],
            "mkowal88",
        ),
        (["Forums", "Cycle lanes approved", "mkowal88", "March 3, 2025, 7:44pm"], "mkowal88"),
        # ... or on the line below (a question's asker under "asked <date>"); a user name or
        # a person's, past a date that the words before it call a modification (a thread's
        # "Last post").
        (["Forums", "Cycle lanes approved", "asked Mar 3, 2025 at 19:44", "mkowal88"], "mkowal88"),
        (
            [
                *["Forums", "Cycle lanes approved", "Most popular", "13 answers"],
                *["Last post: 01/12/2025 at 6:49 pm", "Marta Kowalczyk", "28/11/2025 at 7:07 pm"],
            ],
            "Marta Kowalczyk",
        ),
        # A word before the date ("Posted") is passed over for the name above.
        (["Forums", "Cycle lanes approved", "mkowal88", "Posted March 3, 2025"], "mkowal88"),
        # A word of menus before the date is no user name, nor is a count.
        (["Forums", "Cycle lanes approved", "Reviews", "March 3, 2025, 7:44pm"], None),
        (["Forums", "Cycle lanes approved", "16K", "March 3, 2025, 7:44pm"], None),
        # A user name over the member's details, in a thread that dates its posts.
        (
            [
                *["Forums", "Cycle lanes approved", "Link", "mkowal88", "Registered User"],
                *["Join Date: Mar 2016", "Posts: 1", "#1", "03-03-2025, 07:44 PM"],
            ],
            "mkowal88",
        ),
    ],
)
def test_author_from_lines_the_labeller_did_not_call_a_byline(head, author):
    assert _author_of([*head, *CYCLE_LANES]) == author


@pytest.mark.parametrize(
    ("tail", "author"),
    [
        # The author's bio below the article.
        (
            ["Marta Kowalczyk is a reporter covering transport and city hall for the paper."],
            "Marta Kowalczyk",
        ),
        # The bio under the author's name, opening with her first name.
        (
            [
                "Marta Kowalczyk",
                "Marta has been a transport correspondent since 2019 and lives by the river.",
            ],
            "Marta Kowalczyk",
        ),
        # In German.
        (
            ["Marta Kowalczyk ist Redakteurin im Lokalressort und schreibt über Verkehr."],
            "Marta Kowalczyk",
        ),
        # A company's description names no role: it is no bio.
        (["Riverside Cycles is a family business selling bicycles since 1984."], None),
    ],
)
def test_author_from_a_bio(tail, author):
    lines = ["Home", "Cycle lanes approved", *CYCLE_LANES, *tail, "Privacy policy", "Contact"]
    assert _author_of(lines) == author


def test_a_menu_byline_gives_way_to_the_name_by_the_date():
    lines = ["Home", "By Topic", "Cycle lanes approved", "Marta Kowalczyk", "March 4, 2025"]
    lines += [*CYCLE_LANES, "Read more on this topic and others in our topic pages."]
    assert _author_of(lines) == "Marta Kowalczyk"


@pytest.mark.parametrize(
    ("head", "published"),
    [
        # A member's join date is no publication date; the post's is.
        (
            ["Forums", "Cycle lanes approved", "mkowal88", "Joined: Mar 5, 2016", "Mar 3, 2025"],
            datetime(2025, 3, 3, tzinfo=UTC),
        ),
        # An edit's date gives way to the publication's below it...
        (
            ["Home", "Cycle lanes approved", "Updated March 9, 2025", "Published March 4, 2025"],
            datetime(2025, 3, 4, tzinfo=UTC),
        ),
        # ... and is taken when the page states no other.
        (
            ["Home", "Cycle lanes approved", "Updated March 9, 2025"],
            datetime(2025, 3, 9, tzinfo=UTC),
        ),
    ],
)
def test_what_the_words_before_a_date_say_of_it(head, published):
    assert cleaner.clean_text("\n".join([*head, *CYCLE_LANES])).published_at == published


def test_a_date_in_a_longer_line_under_the_headline():
    # Too long for a date line, and no byline: the line under the headline dates the article.
    head = [
        "Home",
        "Cycle lanes approved",
        "City hall / Transport / Mar 4, 2025 / 4 comments / Share",
    ]
    article = cleaner.clean_text("\n".join([*head, *CYCLE_LANES]))
    assert article.published_at == datetime(2025, 3, 4, tzinfo=UTC)
    assert article.body == "\n\n".join(CYCLE_LANES)


def test_fields_do_not_change_the_kept_lines():
    lines = ["Home", "Cycle lanes approved", "Marta Kowalczyk", "March 4, 2025", *CYCLE_LANES]
    article = cleaner.clean_text("\n".join(lines))
    assert article.body == "\n\n".join(CYCLE_LANES)


@pytest.mark.parametrize(
    ("tail", "published"),
    [
        # Signed below the article: the footer's date is the article's.
        (["Posted by", "Marta Kowalczyk", "March 4, 2025"], datetime(2025, 3, 4, tzinfo=UTC)),
        # A teaser's date below the article, with no byline by it, is another article's.
        (["Related", "Bridge repairs start", "March 9, 2025"], None),
        # A date below the article that says it is the publication's, on its line or the
        # one above, however far down.
        (
            ["Share this", "Comments", "Privacy", "Terms", "Published", "March 4, 2025"],
            datetime(2025, 3, 4, tzinfo=UTC),
        ),
        (["Tags: transport", "Posted on 4 March 2025 in News"], datetime(2025, 3, 4, tzinfo=UTC)),
        # A modification date is no publication date.
        (["Share this", "Comments", "Last updated", "March 9, 2025"], None),
    ],
)
def test_a_date_below_the_article_counts_signed_or_said_published(tail, published):
    lines = ["Home", "Cycle lanes approved", *CYCLE_LANES, *tail, "Privacy policy", "Contact"]
    article = cleaner.clean_text("\n".join(lines))
    assert article.body == "\n\n".join(CYCLE_LANES)
    assert article.published_at == published


@pytest.mark.parametrize(
    ("page_id", "date_line", "label"),
    [
        ("4809", "2024-11-06", (True, Kind.BODY)),
        ("0487", "Dec 18, 2025", (False, Kind.TIMESTAMP)),
    ],
)
def test_a_date_line_between_kept_lines_still_dates_the_article(page_id, date_line, label):
    # 4809 prints its date between a kept heading and its first paragraph, and the model
    # keeps it (so does the gold text); 0487 prints it between its author's name and
    # "2 min read", both kept, and the model removes it. Either way it dates the article.
    gold = wcxb_gold(page_id)
    article = cleaner.clean_text(wcxb_dump(page_id, "bs4"))
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == gold["publish_date"]
    stamp = next(block for block in article.blocks if block.text == date_line)
    assert (stamp.kept, stamp.kind) == label


@pytest.mark.parametrize("converter", ["bs4", "html_text"])
def test_a_menu_label_opened_by_by_is_no_author(converter):
    # 0358's menu writes "Solutions" / "By Challenge" / "A/R Aging": the labeller calls "By
    # Challenge" a byline, but between two navigation lines and in common words it is a
    # menu's label, and the article's own byline names the author.
    article = cleaner.clean_text(wcxb_dump("0358", converter))
    label = next(block for block in article.blocks if block.text == "By Challenge")
    assert label.kind is Kind.BYLINE
    assert article.author == wcxb_gold("0358")["author"] == "Claire Wilson"


def test_a_search_form_by_is_no_author_and_the_thread_starter_is():
    # 0523, a forum thread, has a search form above the thread ("By:" / "Search"), and
    # names its first poster under "Thread starter".
    article = cleaner.clean_text(wcxb_dump("0523", "bs4"))
    texts = [block.text for block in article.blocks]
    by = texts.index("By:")
    assert texts[by + 1] == "Search"
    starter = texts.index("Thread starter")
    assert "Spursidol" in texts[starter + 1 : starter + 3]
    assert article.author == wcxb_gold("0523")["author"] == "Spursidol"


def test_an_edit_stamp_names_the_editor_not_the_poster():
    # A question's header as Stack Exchange writes it: the edit's date and editor, then the
    # question's date and asker.
    head = ["Forums", "Cycle lanes approved", "Share", "Improve this question", "Follow"]
    head += ["edited", "Aug 1, 2014 at 19:57", "HopelessN00b", "54.4k"]
    head += ["asked", "May 2, 2009 at 0:01", "jldugger", "14.6k"]
    assert _author_of([*head, *CYCLE_LANES]) == "jldugger"


def test_a_group_name_by_the_date_is_an_author_though_the_page_writes_team():
    # "Team" is written in lower case too ("our team"), as a menu's words are; it is a
    # group's name all the same.
    head = ["Home", "Cycle lanes approved", "Velocita Team", "Mar 4, 2025"]
    tail = ["Write to our team with your questions about the plan."]
    assert _author_of([*head, *CYCLE_LANES, *tail]) == "Velocita Team"


def test_the_date_under_the_title_wins_over_a_date_above_it():
    # A site's header writes the day's date ("Saturday, December 20, 2025"), or a teaser's,
    # above the headline; the article's own date stands under it.
    head = ["Home", "Saturday, December 20, 2025", "Cycle lanes approved", "Marta Kowalczyk"]
    head += ["March 4, 2025"]
    article = cleaner.clean_text("\n".join([*head, *CYCLE_LANES]))
    assert article.published_at == datetime(2025, 3, 4, tzinfo=UTC)
