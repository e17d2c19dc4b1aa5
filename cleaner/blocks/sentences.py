"""A dump without line breaks cut into sentences.

Much scraping code saves a page's text joined by spaces:
BeautifulSoup's ``get_text(" ")``, ``" ".join(soup.stripped_strings)``, a
crawler's "text" column. Such a dump is one line, the whole page; the
labeller can only keep it or drop it (on the dev pages, bs4 dumps joined so
scored 0.35 overall, against 0.70 kept whole). Its sentences are the nearest
thing it has to lines: a sentence ends at ``.``, ``!``, ``?`` (or their CJK
forms) before a space and a word that does not start in lower case ("U.S.
officials" is one sentence); a whole date ends where a word that is not in
lower case follows it (a teaser's or a byline's stamp, "December 19, 2025
NICOLE HERBERT, who ..."); and a header that opens a section ("Read next",
"Comments": the phrase book's) or a time of day ("00:55", a teaser's stamp)
ends where it opens a sentence, and a header of two words or more ("Related
Articles") stands alone wherever it is written capitalised before such a word.
A menu is cut from the sentence it is glued to where the sentence's words in
lower case begin, and a long run of capitalised words that ends no sentence
(a menu, a form's labels, a footer's links) is cut into its words, as a dump
with line breaks writes a menu: the article's sentences stand apart from the
menus, the teasers and the footer.

Only walls are cut: dumps whose lines longer than ``wall_line_chars`` hold
at least ``wall_share`` of their text. lxml's ``text_content()`` writes line
breaks only where the HTML source has them, so a page whose source is
minified is such a wall in places; and as it keeps the page's scripts and
styles, which may hold most of its characters, every long line of text of a
dump that holds code (``labelling.text_code``) is cut. A long paragraph in a
dump with line breaks stays one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import accumulate, compress

from ahocorasick_rs import AhoCorasick, MatchKind

from cleaner.labelling.phrases import fold, phrase_book
from cleaner.labelling.text_code import code_lines
from cleaner.resources import thresholds

# A sentence's end: its mark, any closing quotes or brackets, and the space after it.
# (It starts at a run's first mark, and takes the run whole: on a line of a hundred thousand
# question marks, a pattern free to start anywhere in the run took a minute.)
_SENTENCE_END = re.compile(r"(?<![.!?…。！？])[.!?…。！？]++[\"'”’»)\]]*+\s+")
# What a sentence glued to a menu ends with (``_menu_cut``; scripts without case are never cut).
_TERMINALS = (".", "!", "?", "…")
# Characters of code and data, not of a menu (``_menu_words``).
_DATA_MARKS = ('"', "{", "}", ";", "=", "<", ">")
# A section header ("Read next", "Related articles") is at most this many words.
_HEADER_WORDS = 4
# A time of day that opens a sentence, before a word that is not in lower case: a teaser's
# or a comment's time stamp ("00:55 Ukraine is set to ...").
_LEADING_TIME = re.compile(r"(\d{1,2}:\d{2}(?:\s?[aApP]\.?[mM]\.?)?)\s+(?=[^\W\d_])(?![a-z])")
# A year (or an ISO date) and the space before a word: where a stamp may end. The
# year is a whole date's when what stands before it is a day and a month
# (``_DAY_AND_MONTH``): looking back from the few years a wall holds costs far less than
# matching every word against every month name.
_YEAR_BEFORE_WORD = re.compile(
    r"(?<!\d)(?:(?:19|20)\d\d-\d\d-\d\d|(?P<year>(?:19|20)\d\d)) (?=[^\W\d_])"
)
_DAY_AND_MONTH = re.compile(
    r"(?:\b(?P<month_first>[^\W\d_]{3,})\.? \d{1,2}(?:st|nd|rd|th)?,? "
    r"|\b\d{1,2}(?:st|nd|rd|th|er)?\.? (?:de )?(?P<day_first>[^\W\d_]{3,})\.?,? (?:de )?"
    r"|\b\d{1,2}[/.]\d{1,2}[/.])\Z"
)
# How far before a year its day and month are looked for.
_DATE_REACH = 32


@cache
def _section_headers() -> frozenset[str]:
    """The phrase book's headers that open a section ("read next", "comments"), folded."""
    book = phrase_book()
    return frozenset(phrase for phrase, kind in book.whole.items() if kind in book.section_kinds)


@cache
def _inner_headers() -> AhoCorasick:
    """The section headers of two words or more, found anywhere in a text lower-cased."""
    return AhoCorasick(
        sorted((header for header in _section_headers() if " " in header), key=len, reverse=True),
        matchkind=MatchKind.LeftmostLongest,
    )


def _inner_header_cuts(sentence: str) -> list[str]:
    """``sentence`` cut before and after each section header of two words or more that
    stands inside it, capitalised, before a word not in lower case ("... by email.com
    Related Articles Front Page ..."): a joined page runs its article's end into the
    teasers' header."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a letter whose lower case is longer ("İ"): read whole
        return [sentence]
    cuts: list[int] = []
    for _, begin, end in _inner_headers().find_matches_as_indexes(lowered):
        if (
            begin > (cuts[-1] if cuts else 0)
            and sentence[begin - 1] == " "
            and sentence[begin].isupper()
            and sentence[end : end + 1] == " "
            and not sentence[end + 1 : end + 2].islower()
        ):
            cuts += [begin, end]
    return _cut_at(sentence, cuts)


def _cut_at(sentence: str, cuts: list[int]) -> list[str]:
    """``sentence`` cut at each of ``cuts`` (ascending), its pieces stripped, empty ones
    dropped; ``[sentence]`` when there is no cut."""
    if not cuts:
        return [sentence]
    bounds = zip([0, *cuts], [*cuts, None], strict=True)
    pieces = (sentence[start:end].strip() for start, end in bounds)
    return [piece for piece in pieces if piece]


def _header_cut(sentence: str) -> int:
    """Where a section header that opens ``sentence`` ends ("Read next 00:55 Ukraine is ..."),
    if a word that is not in lower case follows it; else 0 (and 0 for a header alone:
    "Related Articles" is one header, not "Related" before "Articles")."""
    words = sentence.split(" ", _HEADER_WORDS)
    headers = _section_headers()
    if len(words) <= _HEADER_WORDS and fold(sentence) in headers:
        return 0
    for count in range(min(_HEADER_WORDS, len(words) - 1), 0, -1):
        following = words[count][:1]
        if not following.islower() and fold(" ".join(words[:count])) in headers:
            return len(" ".join(words[:count]))
    return 0


def _time_cut(sentence: str) -> int:
    """Where a time of day that opens ``sentence`` ends, if a word not in lower case
    follows it; else 0."""
    time = _LEADING_TIME.match(sentence)
    return time.end(1) if time else 0


def _date_cuts(sentence: str) -> list[str]:
    """``sentence`` cut after each whole date that a word not in lower case follows.

    A teaser's stamp or a byline's date runs into the text after it when the page is
    joined by spaces ("Webmaster December 19, 2025 NICOLE HERBERT, who served ...");
    cut there, the stamp is a line of its own, as in a dump with line breaks, and the
    excerpt after it stands apart from the teaser's headline. In prose a date is
    followed by a comma or a word in lower case ("on May 3, 2024, the", "on 3 May 2024
    the"), and stays whole.
    """
    cuts: list[int] = []
    for year in _YEAR_BEFORE_WORD.finditer(sentence):
        end = year.end()
        if sentence[end].islower():
            continue
        if year.group("year"):
            before = _DAY_AND_MONTH.search(
                sentence, max(0, year.start() - _DATE_REACH), year.start()
            )
            month = before and (before.group("month_first") or before.group("day_first"))
            if before is None or (month and month.lower() not in phrase_book().month_numbers):
                continue
        cuts.append(end)
    return _cut_at(sentence, cuts)


def _menu_cut(sentence: str) -> list[str]:
    """``sentence`` cut where a run of capitalised words (a menu, a headline) ends and a
    sentence in lower case begins ("Home News Sport Weather Tutoring was supposed to ...").

    A page joined by spaces glues its menus, breadcrumbs and headline to the first
    sentence after them; cut there, the menu is a line the model drops as it drops menus,
    and the sentence stands alone. The cut is the last place where what comes before is
    capitalised and what comes after is in lower case, each by its share of words
    (``thresholds.yaml``: ``menu_run_*``, ``sentence_run_*``): the last, so that the
    sentence's own first word ("Tutoring") is not left with the menu.
    """
    if not sentence.endswith(_TERMINALS):
        return [sentence]
    limits = thresholds("text")
    menu_words, sentence_words = limits["menu_run_words"], limits["sentence_run_words"]
    menu_share, sentence_share = limits["menu_run_capitals"], limits["sentence_run_lower"]
    words = sentence.split(" ")
    if len(words) < menu_words + sentence_words:
        return [sentence]
    # Running counts: capitalised[i] of words[: i + 1] not in lower case, lower[i] in it.
    capitalised = list(accumulate(not word[:1].islower() for word in words))
    lower = list(accumulate(word[:1].islower() for word in words))
    for start in range(len(words) - sentence_words, menu_words - 1, -1):
        if not words[start][:1].isupper():
            continue
        menu_is_capitalised = capitalised[start - 1] >= menu_share * start
        # The sentence's words after its first, which is capitalised.
        rest_lower, rest = lower[-1] - lower[start], len(words) - start - 1
        if menu_is_capitalised and rest_lower >= sentence_share * rest:
            return [" ".join(words[:start]), " ".join(words[start:])]
    return [sentence]


def _menu_words(piece: str) -> list[str]:
    """``piece`` cut into its words when it is a menu: many words, nearly all capitalised,
    ending no sentence ("Our Solutions Employee Benefits HR Consulting ... Menu"), or so
    many that they are no sentence though they end like one ("... Shop All Sales BIG
    SAVINGS!").

    A page joined by spaces makes one long line of a menu, a form's labels or a footer's
    links, and a long line reads as prose to the model. Its words one by one are what a
    dump with line breaks gives: short lines that the model reads as a menu. Data (quotes,
    braces: a script's, whose words are not the page's text) is left whole.
    """
    limits = thresholds("text")
    words = piece.split(" ")
    if (
        len(words) < limits["menu_list_words"]
        or (piece.endswith(_TERMINALS) and len(words) < limits["menu_list_sentence_words"])
        or any(mark in piece for mark in _DATA_MARKS)
    ):
        return [piece]
    capitalised = sum(not word[:1].islower() for word in words)
    return words if capitalised >= limits["menu_list_capitals"] * len(words) else [piece]


# How a sentence is cut further, step by step, each step on the pieces of the one before.
_SPLITS: tuple[Callable[[str], list[str]], ...] = (
    _date_cuts,
    _inner_header_cuts,
    _menu_cut,
    _menu_words,
)


def _sentences(line: str) -> list[str]:
    """``line`` cut after each sentence end that a word not in lower case follows, after
    a whole date that such a word follows, around a section header of two words or more
    inside a sentence, after a menu glued to the sentence after it, and after a section
    header or a time of day that opens one; a menu on its own is cut into its words."""
    sentences = []
    start = 0
    for end in _SENTENCE_END.finditer(line):
        if not line[end.end() : end.end() + 1].islower():
            sentences.append(line[start : end.end()].strip())
            start = end.end()
    sentences.append(line[start:].strip())
    for split in _SPLITS:
        sentences = [piece for sentence in sentences for piece in split(sentence)]
    cut = []
    for sentence in sentences:
        # "Related articles 09:12 Bus fares rise ...": a header, a stamp, then the sentence.
        while (end := _header_cut(sentence)) or (end := _time_cut(sentence)):
            cut.append(sentence[:end])
            sentence = sentence[end:].strip()
        if sentence:
            cut.append(sentence)
    return cut


def split_walls(lines: list[str]) -> list[str]:
    """A dump's lines (as ``segment_lines`` tidies them), those of a wall of text cut into
    sentences; ``lines`` itself if the dump is no wall."""
    limits = thresholds("text")
    longest = limits["wall_line_chars"]
    lengths = list(map(len, lines))
    if not lines or max(lengths) <= longest:
        return lines
    to_cut = [length > longest for length in lengths]
    if sum(compress(lengths, to_cut)) < limits["wall_share"] * sum(lengths):
        # A dump that holds its page's scripts and styles (lxml's text_content()) may be a
        # minified page's: its long lines of text are its elements joined, and are cut
        # whatever share of the dump's characters the code around them holds.
        code = code_lines(lines)
        if code is None:
            return lines
        to_cut = [long and not is_code for long, is_code in zip(to_cut, code, strict=True)]
    return [
        sentence
        for line, cut in zip(lines, to_cut, strict=True)
        for sentence in (_sentences(line) if cut else (line,))
    ]
