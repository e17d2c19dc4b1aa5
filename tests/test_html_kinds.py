"""Removed blocks of real pages carry the kind a person would give them.

The pages are WCXB dev pages (CC-BY-4.0, see tests/data/wcxb/README.md): a
forum thread, a second forum, an engineering blog post, a product page, a
news article, an old-style bulletin board. For each, a few typical blocks
are pinned by their text: menus are navigation, "Related topics" lists are
related, reply buttons are comments, footers' legal links are legal, and so
on; a block pinned as kept must be in the body.
"""

import gzip
from pathlib import Path

import pytest

from cleaner import clean_html
from cleaner.blocks.block import Kind

WCXB = Path(__file__).resolve().parent / "data" / "wcxb"

# page id -> (block text, expected kind); kept blocks are BODY or HEADING.
PINNED: dict[str, list[tuple[str, Kind]]] = {
    "0502": [  # Docker forum thread (Discourse)
        ("Docker Community Forums", Kind.NAVIGATION),
        ("Related topics", Kind.RELATED),
        ("Docker name resolv does not work", Kind.RELATED),
        ("Terms of Service", Kind.LEGAL),
        ("Privacy Policy", Kind.LEGAL),
    ],
    "0516": [  # physics forum thread (XenForo)
        ("Insights Blog", Kind.NAVIGATION),
        ("Post reply", Kind.COMMENTS),
        ("2025 © Physics Forums, All Rights Reserved", Kind.LEGAL),
        ("Buying Microsoft Office 2024 but not from Microsoft", Kind.TITLE),
    ],
    "0453": [  # engineering blog post
        ("Hardware-Attested Nix Builds", Kind.TITLE),
        ("Dec 17, 2025Julian K. Arni", Kind.BYLINE),
        ("Privacy Policy", Kind.LEGAL),
    ],
    "0599": [  # jewellery product page
        ("Rings", Kind.NAVIGATION),  # a search filter, not a legal term
        ("Share me:", Kind.SHARE),
        ("Stay in touch", Kind.NEWSLETTER),
        ("© 2012-2026 NEWTWIST", Kind.LEGAL),
        ("Warrior Princess Diamond Drop Necklace", Kind.TITLE),
    ],
    "1837": [  # news article
        ("Politics", Kind.NAVIGATION),
        ("Subscribe", Kind.NEWSLETTER),
    ],
    "0525": [  # vBulletin forum thread
        ("Register", Kind.NAVIGATION),
        ("Copyright ©2000 - 2026, vBulletin Solutions Inc.", Kind.LEGAL),
    ],
}


@pytest.fixture(scope="module")
def labelled() -> dict[str, dict[str, list]]:
    """For each pinned page: block text -> the blocks with that text."""
    pages = {}
    for page_id in PINNED:
        html = gzip.decompress((WCXB / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        by_text: dict[str, list] = {}
        for block in clean_html(html).blocks:
            by_text.setdefault(block.text, []).append(block)
        pages[page_id] = by_text
    return pages


@pytest.mark.parametrize(
    ("page_id", "text", "kind"),
    [(page_id, text, kind) for page_id, pins in PINNED.items() for text, kind in pins],
)
def test_a_typical_block_has_the_kind_a_person_gives_it(
    labelled: dict[str, dict[str, list]], page_id: str, text: str, kind: Kind
):
    blocks = labelled[page_id][text]
    assert {block.kind for block in blocks} == {kind}, [block.reason for block in blocks]
    assert all(not block.kept for block in blocks)
    assert all(block.reason for block in blocks)


def test_a_version_number_is_not_a_date(labelled: dict[str, dict[str, list]]):
    (powered_by,) = labelled["0525"]["Powered by vBulletin® Version 3.8.11"]
    assert powered_by.kind != Kind.TIMESTAMP


def test_the_forum_posts_are_kept_and_the_sidebar_teasers_are_not(
    labelled: dict[str, dict[str, list]],
):
    page = labelled["0502"]
    teaser = "I have plunged the depths of custom Docker networking, and wish to avo"
    (sidebar,) = [blocks for text, blocks in page.items() if text.startswith(teaser)]
    assert not sidebar[0].kept
    kept = [block for blocks in page.values() for block in blocks if block.kept]
    assert sum(len(block.text.split()) for block in kept) > 200
