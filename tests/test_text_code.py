"""Dumps that hold their page's scripts and styles (lxml's text_content()) are read without them."""

import json
from pathlib import Path

import cleaner
from cleaner.blocks.block import Kind
from cleaner.labelling.text_code import _is_code, code_lines

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
