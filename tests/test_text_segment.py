"""Cutting any text into lines: odd line ends, spaces, control bytes, huge lines."""

import cleaner
from cleaner.blocks.text import segment_text


def test_crlf_tabs_and_blank_lines_give_one_block_per_line():
    blocks = segment_text("First\tline  here\r\n\r\n  second line \rthird\u00a0line\n")
    assert [block.text for block in blocks] == ["First line here", "second line", "third line"]
    assert [block.position for block in blocks] == [0, 1, 2]
    assert all(block.tag == "line" for block in blocks)


def test_a_tidy_dump_gives_the_lines_an_untidy_one_gives_after_tidying():
    tidy = "Headline here\nFirst paragraph of the story.\n\nSecond one.\n"
    untidy = " Headline  here\r\nFirst\tparagraph of the story. \n\n\nSecond one.\u00a0"
    assert [block.text for block in segment_text(tidy)] == [
        "Headline here",
        "First paragraph of the story.",
        "Second one.",
    ]
    assert segment_text(untidy) == segment_text(tidy)


def test_nul_bytes_and_zero_width_characters_are_dropped():
    blocks = segment_text("a\x00b\x07c\u200bd\ufeff\n\x00\x00\n")
    assert [block.text for block in blocks] == ["abcd"]


def test_empty_and_blank_text_give_no_block():
    assert segment_text("") == []
    assert segment_text(" \n\t\r\n\x00") == []


def test_cleaning_empty_text_is_an_empty_article_not_an_error():
    article = cleaner.clean_text("")
    assert article.status == "empty"
    assert article.body == ""
    assert article.blocks == ()


def test_binary_looking_text_is_cleaned_without_error():
    noise = bytes(range(256)).decode("latin-1") * 20
    article = cleaner.clean_text(noise)
    assert article.status in {"ok", "empty"}
    assert all(block.reason for block in article.blocks)


def test_a_single_five_megabyte_line_is_cut_into_its_sentences():
    sentence = "This is a long sentence of an endless paragraph. "
    text = sentence * (5_000_000 // len(sentence))
    article = cleaner.clean_text(text)
    assert article.status in {"ok", "empty"}
    assert len(article.blocks) == 5_000_000 // len(sentence)
    assert {block.text for block in article.blocks} == {sentence.strip()}
