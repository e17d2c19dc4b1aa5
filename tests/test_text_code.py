"""Dumps that hold their page's scripts and styles (lxml's text_content()) are read without them."""

import json
from pathlib import Path

import cleaner
from cleaner.blocks.block import Kind
from cleaner.labelling.text_code import _is_code, _reads_as_code, code_lines

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# What a page's <head> gives a converter that keeps script and style text.
HEAD_CODE = """window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date());
gtag('config', 'G-XXXXXXX');
if (localStorage.getItem('consent') === null) {
ad_storage: 'denied',
analytics_storage: 'denied',
} else {
const consent = JSON.parse(localStorage.getItem('consent'));
}
:root{--global-padding:1rem;--global-stack:1rem;--brand-color:#c00}
.site-header {
position: sticky;
top: 0;
background-color: #ffffff;
z-index: 100 !important;
}
@media (max-width: 768px) {
.site-header .menu{display:none}.site-header .toggle{display:block}
}
{"@context": "https://schema.org", "@type": "NewsArticle"}
.share-buttons a {
margin: 0 4px;
}
.exdOdA > *{width:100%;height:100%;}/*!sc*/
@-webkit-keyframes fade{0%{opacity:1;}100%{opacity:0;}}
Free shipping!","noIndex":false,"shopId":7334598311991,"title":"Washable rug"}
document.addEventListener('DOMContentLoaded', () => {
var menu = document.querySelector('.menu');
});"""


def _seed() -> str:
    return (SEEDS / "read-next-news.txt").read_text(encoding="utf-8")


def test_a_dump_with_its_head_code_gives_the_seed_body_and_labels():
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    code = HEAD_CODE.splitlines()
    article = cleaner.clean_text(HEAD_CODE + "\n" + _seed() + "\n" + "\n".join(code[:4]))
    assert article.body == expected["body"]
    removed = [block for block in article.blocks if block.text in code]
    assert len(removed) == len(code) + 4
    assert all(not block.kept and block.kind is Kind.OTHER for block in removed)
    assert all(block.reason == "rule: script or style code" for block in removed)
    text_blocks = [block for block in article.blocks if block.text not in code]
    for block, line in zip(text_blocks, expected["blocks"], strict=True):
        assert block.kept == line["kept"], line["text"]
        assert block.kind in {line["kind"], *line.get("also_ok", [])}, line["text"]
    assert [block.position for block in article.blocks] == list(range(len(article.blocks)))


def test_code_samples_among_prose_are_the_page_s_own():
    """A documentation page's samples stand among its prose: nothing is taken for leaked code."""
    lines = _seed().splitlines()
    sample = HEAD_CODE.splitlines()[10:24]
    dump = lines[:3] + sample + lines[3:6] + sample + lines[6:] + sample
    assert sum(line.count("{") + line.count(";") for line in dump) > 20
    assert code_lines(dump) is None
    article = cleaner.clean_text("\n".join(dump))
    assert not any(block.reason == "rule: script or style code" for block in article.blocks)


def test_the_language_test_dumps_hold_no_code():
    for path in sorted((Path(__file__).resolve().parent / "data" / "text").glob("*.txt")):
        assert code_lines(path.read_text(encoding="utf-8").splitlines()) is None, path.name


def test_long_lines_of_near_code_are_read_in_linear_time():
    """Patterns whose parts could match the same characters took quadratic time on these."""
    lines = ["f(" + "a" * 200_000, "a:" + " " * 200_000 + "x", "/*" * 100_000, "{" + "x" * 200_000]
    assert [_is_code(line) for line in lines] == [False, False, True, False]
    lines = ["'" + "a" * 200_000, "a" * 200_000 + "=", "=(" * 100_000, "(" * 200_000 + ";"]
    assert [_reads_as_code(line) for line in lines] == [False, False, True, True]


# A head as lxml's text_content() gives it: the <title>, a description that reads as prose
# between two scripts, and code whose lines read as code only beside other code (an
# object's quoted keys, a line comment, selectors listed over their rule).
TITLED_HEAD = """Rare earths: Moscow and Washington talk | World News
var pageData = {
'pageType': 'Article Page',
'userEmail': '',
'currencyCode': 'USD',
'logState': 'Guest',
'runningABTest': ''
};
World News - Serving readers since 1998. News, reviews, and analysis of the world.
// Custom Start: update the data layer for the article page.
dataLayer.push ({
'event': 'pageview',
'pageType': pageData.pageType
});
checkoutData = [];
.share-buttons a:hover,
.share-buttons a:focus,
.share-buttons a:active {
color: #c00;
}
if (window.matchMedia('(max-width: 600px)').matches) {
document.body.classList.add('narrow');
}"""


def test_a_head_whose_title_and_description_stand_among_its_code_is_removed():
    """The description, prose among the head's code, ended the count of code above it."""
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    head = TITLED_HEAD.splitlines()
    scripts = HEAD_CODE.splitlines()
    menu = ["Skip to content", "World", "Business", "Opinion", "Sign in"]
    dump = [*head, *menu, *_seed().splitlines(), *scripts]
    assert code_lines(dump) is not None
    article = cleaner.clean_text("\n".join(dump))
    assert article.body == expected["body"]
    code = {*head[1:], *scripts} - {head[8]}
    assert all(
        block.reason == "rule: script or style code"
        for block in article.blocks
        if block.text in code
    )
    assert not any(block.kept for block in article.blocks if block.text in head)


def test_code_samples_after_the_opening_prose_are_the_page_s_own():
    """A guide's first lines of prose, then its samples: the page opens with prose, not code."""
    prose = [line for line in _seed().splitlines() if len(line.split()) > 12]
    sample = [
        "s = requests.Session()",
        "s.get('https://httpbin.org/cookies/set/sessioncookie/123456789')",
        "r = s.get('https://httpbin.org/cookies')",
        "print(r.text)",
    ]
    dump = ["Advanced Usage", prose[0], prose[1], *sample * 6, prose[2], *sample * 6, *prose[3:]]
    assert sum(map(_is_code, dump)) >= 20
    assert code_lines(dump) is None


def test_lines_that_read_as_code_beside_code():
    lines = [
        "// update the data layer",
        "'pageType': 'Article Page',",
        '"price": 10500,',
        "checkoutData = [];",
        "}, 150);",
        "if (window.innerWidth < 600)",
        "return false;",
        "fidesSearchParams.set(",
        "Read the guide (",
        "The total = the sum of the parts.",
        "Prices start at $5, and go up.",
        "It works; we tested it.",
    ]
    assert [_reads_as_code(line) for line in lines] == [True] * 9 + [False] * 3


def _article_line() -> str:
    """The seed's article, joined into one line as text_content() joins a minified page's
    paragraphs (no space where one element ends and the next begins)."""
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    return "".join(expected["body"].split("\n\n"))


def test_a_paragraph_joined_to_an_inline_script_is_read_as_text():
    script = "window.dataLayer.push({'event': 'article_view', 'section': 'world'});"
    line = _article_line() + script
    lines = [*HEAD_CODE.splitlines(), line, *HEAD_CODE.splitlines()]
    assert _is_code(line)
    marks = code_lines(lines)
    assert marks is not None
    assert marks[len(HEAD_CODE.splitlines())] is False
    assert sum(marks) == 2 * len(HEAD_CODE.splitlines())
    # A data line of the same prose (a page's JSON-LD) is still code.
    data = '{"@type": "NewsArticle", "articleBody": "' + _article_line() + '"}'
    assert code_lines([*HEAD_CODE.splitlines(), data, *HEAD_CODE.splitlines()])[
        len(HEAD_CODE.splitlines())
    ]


def test_an_article_in_one_line_among_much_code_is_cut_into_sentences_and_kept():
    """The article's line is a wall in the page's text, though the code around it holds
    most of the dump's characters; its footer's "All rights reserved." removes only the footer."""
    code = HEAD_CODE.splitlines() * 20
    article_line = _article_line() + " © 2025 Example News. All rights reserved."
    article = cleaner.clean_text("\n".join([*code, article_line, *code]))
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    first_paragraph = expected["body"].split("\n\n")[0]
    assert first_paragraph.split(". ")[0] in article.body
    assert len(article.body.split()) >= 0.9 * len(expected["body"].split())
    legal = [block for block in article.blocks if block.kind is Kind.LEGAL]
    assert [block.text for block in legal] == ["© 2025 Example News.", "All rights reserved."]
