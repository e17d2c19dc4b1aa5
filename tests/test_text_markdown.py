"""Markdown dumps (html2text, markdownify, reader services) are read as the text they show."""

import json
from pathlib import Path

import pandas as pd

import cleaner
from cleaner.blocks.markdown import is_markdown, markdown_as_text, markdown_headline
from cleaner.blocks.text import segment_text
from tests.conftest import run_cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SITE = "https://news.example.com"


def _seed_as_markdown() -> str:
    """The seed page as a Markdown converter writes it: a menu, links, a heading, bold words."""
    lines = (SEEDS / "read-next-news.txt").read_text(encoding="utf-8").splitlines()
    teaser = 0
    written = [
        f"[![Logo]({SITE}/logo.svg)]({SITE}/)",
        "",
        f"  * [World]({SITE}/world)",
        f"  * [Economy]({SITE}/economy)",
        "",
    ]
    for line in lines:
        if line == "Strategic Importance of Rare Earth Metals":
            line = f"## {line}"
        elif line == "Read next":
            line = f"### **{line}**"
        elif line.startswith("Moscow and Washington"):
            line = line.replace("Kirill Dmitriev", f"[Kirill Dmitriev]({SITE}/tags/dmitriev)")
        elif line.startswith("The talks reportedly"):
            line = line.replace("Vladimir Putin", "**Vladimir Putin**")
        elif len(line) > 120 and written and written[-1][:2].isdigit():
            teaser += 1
            line = f'[{line}]({SITE}/news/{teaser} "{line[:20]}")'
        written.extend((line, ""))
    return "\n".join(written)


def test_the_seed_written_as_markdown_gives_the_seed_body():
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))["body"]
    article = cleaner.clean_text(_seed_as_markdown())
    assert article.body == expected
    assert not any("example.com" in block.text for block in article.blocks)


def test_links_images_and_markup_show_their_text_only():
    markdown = "\n\n".join(
        (
            "# A headline #",
            "> A **quoted** line with `code` and an _emphasised_ word.",
            "![A chart](/img/chart.png) See [the report](https://a.example/r) and [this][1].",
            "  *   * [Nested item](#top)",
            "1\\. Not a list \\- escaped",
            "* * *",
            "[1]: https://a.example/ref",
            "Mail <mailto:someone@a.example>",
        )
    )
    assert is_markdown(markdown)
    assert markdown_as_text(markdown).split("\n\n") == [
        "A headline",
        "A quoted line with code and an emphasised word.",
        " See the report and this.",
        "Nested item",
        "1. Not a list - escaped",
        "",
        "",
        "Mail mailto:someone@a.example",
    ]


def test_the_lines_of_a_paragraph_are_one_line_as_markdown_renders_them():
    markdown = "\n".join(
        (
            "# A headline that is long",
            "A paragraph that a converter broke at its width, [a link",
            "text](https://a.example/some-long-",
            "path) and all.",
            "  * a list item that runs on",
            "    over two lines",
            "  * another item",
            "| a | table |",
            "| row | two |",
            "A line that ends in a hard break  ",
            "and the next line.",
            "```",
            "code line one",
            "code line two",
            "```",
            "[1]: https://a.example/ref",
            "Text after a definition.",
            "> A quoted paragraph, broken",
            "> in two.  ",
            "> A quoted line after a hard break.",
        )
    )
    assert is_markdown(markdown + "\n[x](/a) [y](/b) [z](/c)")
    assert markdown_as_text(markdown).splitlines() == [
        "A headline that is long",
        "A paragraph that a converter broke at its width, a link text and all.",
        "a list item that runs on over two lines",
        "another item",
        "| a | table |",
        "| row | two |",
        "A line that ends in a hard break  ",
        "and the next line.",
        "",
        "code line one",
        "code line two",
        "",
        "",
        "Text after a definition.",
        "A quoted paragraph, broken in two.  ",
        "A quoted line after a hard break.",
    ]


def test_a_plain_dump_quoting_one_markdown_link_is_left_as_it_is():
    text = "To link, write [text](https://example.com) in the editor.\n# not a heading here\n"
    assert not is_markdown(text)
    assert [block.text for block in segment_text(text)] == [
        "To link, write [text](https://example.com) in the editor.",
        "# not a heading here",
    ]


def test_markdown_files_and_markdown_columns_are_cleaned_as_text_dumps(tmp_path: Path):
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))["body"]
    markdown = _seed_as_markdown()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.md").write_text(markdown, encoding="utf-8")
    (tmp_path / "in" / "crawl.jsonl").write_text(
        json.dumps({"url": f"{SITE}/a", "markdown": markdown}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run_cli("clean", str(tmp_path / "in"), "-o", str(out), "-q")
    assert result.returncode == 0, result.stdout + result.stderr
    articles = pd.read_parquet(out / "articles.parquet").set_index("source")
    assert sorted(articles.index) == [
        str(tmp_path / "in" / "crawl.jsonl") + "#1",
        str(tmp_path / "in" / "page.md"),
    ]
    assert articles["body"].tolist() == [expected, expected]
    assert run_cli("check", str(out)).returncode == 0


def test_unclosed_brackets_on_a_huge_line_are_read_in_one_pass():
    # Each "[" once scanned to the end of its line: this page took hours, not milliseconds.
    brackets = "[" * 200_000
    text = f"{brackets} [a](https://x.example) [b](/b) [c](#c)\n"
    assert markdown_as_text(text) == f"{brackets} a b c\n"


def test_a_markdown_dump_s_first_level_one_heading_is_its_title():
    headline = "Russia and the US discuss *rare earth* projects"
    lines = _seed_as_markdown().split("\n")
    menu_end = lines.index("") + 4  # after the logo and the two menu items
    markdown = "\n".join([*lines[:menu_end], f"# {headline}", "", *lines[menu_end:]])
    assert markdown_headline(markdown) == "Russia and the US discuss rare earth projects"
    article = cleaner.clean_text(markdown)
    assert article.title == "Russia and the US discuss rare earth projects"
    title = next(block for block in article.blocks if block.kind == "title")
    assert title.reason == "title: the dump's first level-1 heading"
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))["body"]
    assert article.body == expected
    # Without the heading, the scorer chooses a line: not that one.
    assert cleaner.clean_text(_seed_as_markdown()).title != article.title


def test_a_heading_line_of_many_spaces_reads_in_linear_time():
    """A closing-hashes pattern after a lazy text once took 35 s on an 80,000-space line."""
    spaces = " " * 200_000
    markdown = f"# Title{spaces}word ##\n## Section ##{spaces}\n[a](/x) [b](/y) [c](/z)\n"
    assert markdown_headline(markdown) == "Title word"
    assert markdown_as_text(markdown).splitlines()[:2] == [f"Title{spaces}word", "Section"]


def test_a_markdown_line_of_many_spaces_is_read_in_linear_time():
    """The table-rule pattern's two runs of spaces once made such a line cost minutes."""
    markdown = f"Before{' ' * 200_000}after\n\n[a](/x) [b](/y) [c](/z)\n"
    assert markdown_as_text(markdown).splitlines()[0] == f"Before{' ' * 200_000}after"
