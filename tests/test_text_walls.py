"""A page's text joined by spaces (``get_text(" ")``) is read sentence by sentence."""

import json
from pathlib import Path

import cleaner
from cleaner.blocks.block import Kind
from cleaner.blocks.sentences import split_walls

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_lines() -> list[str]:
    return (SEEDS / "read-next-news.txt").read_text(encoding="utf-8").splitlines()


def _expected_body() -> str:
    return json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))["body"]


def test_the_seed_as_one_line_keeps_the_article_and_drops_the_teasers_and_prompts():
    article = cleaner.clean_text(" ".join(_seed_lines()))
    kept = " ".join(block.text for block in article.blocks if block.kept)
    for paragraph in _expected_body().split("\n\n"):
        assert paragraph in kept
    kinds = {block.text[:30]: block.kind for block in article.blocks if not block.kept}
    assert kinds["Read next"] is Kind.RELATED
    assert kinds["Ukraine is set to hold in-dept"] is Kind.RELATED
    assert kinds["Senior Trump administration of"] is Kind.RELATED
    assert kinds["23:59"] is Kind.TIMESTAMP
    assert kinds["Leave the first comment"] is Kind.COMMENTS


def test_a_wall_is_cut_at_sentence_ends_only():
    wall = " ".join(_seed_lines())
    sentences = split_walls([wall])
    assert len(sentences) > 20
    # "U.S. officials": an abbreviation before a word in lower case ends no sentence.
    assert any("talks with U.S. officials in Saudi Arabia" in line for line in sentences)
    assert "Read next" in sentences and "23:59" in sentences
    assert " ".join(sentences) == " ".join(wall.split())


def test_a_dump_with_line_breaks_keeps_its_long_paragraphs_whole():
    lines = _seed_lines()
    long_paragraph = " ".join(line for line in lines if len(line) > 150)
    assert len(long_paragraph) > 3000
    dump = [lines[0], long_paragraph, *lines[1:], *lines]
    assert split_walls(dump) is dump
    assert long_paragraph in [block.text for block in cleaner.clean_text("\n".join(dump)).blocks]


def test_runs_of_marks_end_one_sentence_and_are_read_in_linear_time():
    """A pattern free to start anywhere in a run of marks took a minute on 100,000 of them."""
    assert split_walls(["Really?!? Yes. " * 200]) == ["Really?!?", "Yes."] * 200
    marks = "?" * 200_000
    assert split_walls([marks]) == [marks]
    assert split_walls([f"{marks} Then a sentence."]) == [marks, "Then a sentence."]


def test_a_wall_is_cut_after_a_whole_date_that_a_capitalised_word_follows():
    """A teaser's stamp runs into its excerpt when the page is joined by spaces; a date in
    prose (a comma or a word in lower case after it) stays in its sentence."""
    teasers = (
        "Front Page Herbert recalled as Clerk of House Webmaster December 19, 2025 "
        "NICOLE HERBERT, who served as Clerk of the House of Assembly for 25 years, has been "
        "called out of retirement. News Nurses urge more donors Webmaster 19 Dec 2025 "
        "WHEN YOU DONATE blood, you help to save a life. Posted 2025-12-19 Police carolling "
        "contest won again. Publicado el 5 de marzo de 2024 El presidente habló. Aktualisiert "
        "05.03.2024 Die Regierung tagte."
    )
    prose = "On May 3, 2024, the court ruled. On 3 May 2024 the court sat. The 2024 Election came."
    wall = " ".join([*_seed_lines(), teasers, prose])
    sentences = split_walls([wall])
    for stamp in (
        "Front Page Herbert recalled as Clerk of House Webmaster December 19, 2025",
        "News Nurses urge more donors Webmaster 19 Dec 2025",
        "Posted 2025-12-19",
        "Publicado el 5 de marzo de 2024",
        "Aktualisiert 05.03.2024",
    ):
        assert stamp in sentences
    assert "WHEN YOU DONATE blood, you help to save a life." in sentences
    assert "On May 3, 2024, the court ruled." in sentences
    assert "On 3 May 2024 the court sat." in sentences
    assert "The 2024 Election came." in sentences
    assert " ".join(sentences) == " ".join(wall.split())


def test_years_without_a_day_and_month_are_read_in_linear_time():
    wall = "season 2024 Results " * 50_000
    assert split_walls([wall]) == [wall.strip()]


def test_a_wall_is_cut_around_a_section_header_inside_a_sentence():
    """A joined page runs its article's last words into the teasers' header; a header's
    words in running text (lower case, or before a word in lower case) stay."""
    ending = (
        "Further information may be obtained by email at desk@example.org Related Articles "
        "Front Page Herbert recalled as Clerk of House. Critics said related articles were "
        "missing. The list of Related Articles was long. Weitere Artikel Die Regierung tagte."
    )
    wall = " ".join([*_seed_lines(), ending])
    sentences = split_walls([wall])
    assert "Further information may be obtained by email at desk@example.org" in sentences
    assert "Related Articles" in sentences
    assert "Front Page Herbert recalled as Clerk of House." in sentences
    assert "Critics said related articles were missing." in sentences
    assert "The list of Related Articles was long." in sentences
    assert "Weitere Artikel" in sentences
    assert " ".join(sentences) == " ".join(wall.split())
    article = cleaner.clean_text(wall)
    kinds = {block.text: block.kind for block in article.blocks if not block.kept}
    assert kinds["Related Articles"] is Kind.RELATED


def test_a_menu_glued_to_the_sentence_after_it_is_cut_off():
    """A page joined by spaces runs its menu into its first sentence; a sentence whose
    capitalised words are its own (names, a title) is not cut."""
    menu = "Home News Sport Weather Tutoring was supposed to save American kids after the pandemic."
    names = "It was a good day for Anna Maria Lopez and all of her friends from Madrid."
    wall = " ".join([menu, names, *_seed_lines()])
    sentences = split_walls([wall])
    assert "Home News Sport Weather" in sentences
    assert "Tutoring was supposed to save American kids after the pandemic." in sentences
    assert names in sentences
    assert " ".join(sentences) == " ".join(wall.split())
    article = cleaner.clean_text(wall)
    menu_block = next(block for block in article.blocks if block.text == "Home News Sport Weather")
    assert not menu_block.kept


def test_a_long_run_of_capitalised_words_is_cut_into_its_words_and_dropped():
    """A footer's links joined by spaces read as one long line; cut into its words, it is
    a menu as a dump with line breaks writes one. Data and sentences stay whole."""
    footer = (
        "Our Solutions Employee Benefits HR Consulting Commercial Insurance Personal "
        "Insurance Disclosure Information Careers Contact Menu"
    )
    data = 'Fitness","Machine","With","Product","Reviews","Strength","Training","Home","Gym'
    wall = " ".join([*_seed_lines(), footer])
    sentences = split_walls([wall])
    assert sentences[-len(footer.split()) :] == footer.split()
    assert " ".join(sentences) == " ".join(wall.split())
    article = cleaner.clean_text(wall)
    assert not any(block.kept for block in article.blocks if block.text in footer.split())
    title_case = "The Complete Guide To Choosing The Right Running Shoes For Every Type Of Runner."
    for piece in (data, title_case):
        assert piece in split_walls([" ".join([*_seed_lines(), piece])])[-1]


def test_a_menu_so_long_it_is_no_sentence_is_cut_though_it_ends_like_one():
    menu = " ".join(["Shop All Sales Watches Support Center Marine Aviation"] * 6) + " BIG SAVINGS!"
    wall = " ".join([*_seed_lines(), menu])
    assert split_walls([wall])[-2:] == ["BIG", "SAVINGS!"]
