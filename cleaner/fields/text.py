"""The fields of a text dump: what its labelled lines say about title, author and date.

The labeller has already named the lines: the ``title`` line is the title;
a ``byline`` line gives the author once its lead-in ("By", "Von", "Autor:")
and any trailing date or role are cut away; the first date written right
under the title (the article's head), else in a ``timestamp`` or ``byline``
line above the end of the article, is the
publication time (a date line the labeller keeps among the article's lines,
``DATED_BODY_REASON``, is read as a timestamp line too), unless the words
before it make it another event's ("Joined", "Member since": passed over) or
a modification ("Updated": taken only when no other date is found). Else the
date is one in a longer line under the title, or one below the article that
the page calls the publication's (``_published``). On the dev dumps these
rules took the date from 0.648 to 0.692 of the pages whose gold has one
(html_text; bs4 0.682 to 0.701), and stated one where the gold has none on
0.148 of pages against 0.146 (bs4 0.175 against 0.175). Reading the head
first (a site's header above the title writes the day's date, "Saturday,
December 20, 2025") took it to 0.6992 and 0.7105, stating no more dates. A
byline that is only the lead-in ("By" on a line of its own, as converters
that write one text node per line give it) takes the name from the next line.

Many dumps have no line the labeller calls a byline. Then the author is
looked for, in order, in a removed line opened by a lead-in only the fields
read ("By:", "Written by:"; per language, ``author`` in the phrase files),
after "by" inside a date line, in a bare name line beside the first timestamp
line or the first that writes a date ("Ann Lee" / "5 min read"), or on that
line before its date or closing it ("May 3, 2024 · 6 min · Ann Lee"), in a
bare name line right under the title of a dated page, in an
author's bio ("Ann Lee is a reporter ...", or "Ann Lee" / "Ann is a
reporter ...": a bio names its subject's role, a company's self-description
does not), in a user name by the first date that is no edit's (a forum
post's header: "longshot · 03/03/2026 19:44", "longshot" / "03/03/2026", or
"asked Mar 26, 2019" / "longshot"; not "edited" / "Aug 1, 2014" / its
editor), and last in a user name over a member's details ("microfast" /
"Registered User" / "Join Date: Mar 2016"; ``member_details`` in the phrase
files).
On the dev dumps the second timestamp line, the bio and the user name took the
author from 0.465 to 0.551 of the pages whose gold names one (html_text; bs4
0.478 to 0.554), and named one on 0.126 of the pages whose gold has none,
against 0.107 (bs4 0.158 against 0.140).
A name any of whose words the page also writes in lower case is a menu's or
a label's ("By Use Case"), and gives way to those rules; so does a byline
between two navigation lines whose words are all common on many sites (the
line lexicon): "Solutions" / "By Challenge" / "A/R Aging" is a menu. A lead-in
alone takes no name from a line that is a phrase of its own (a search form's
"By:" over its "Search" button). A user name keeps its digits ("Pippin06");
a number after a space ends a name ("Ann Lee 12 posts"). A byline keeps its
credentials and its list of co-authors ("Ann Lee, Ph.D.", "Ann Lee, Bo Li, and
Cy Ng"), not a role or a place after a comma. A group's name is no menu's
though the page writes its "Team" in lower case ("Velocita Team";
``group_words``). These rules, the edit's stamp passed over, the member's
details, a person's name by a post's date and the lead-ins "Thread starter"
and "Article by:" took the author from 0.5527 to 0.6107 (html_text) and from
0.5542 to 0.6152 (bs4), with no page lost, and named one where the gold has
none on 86 and 107 pages against 85 and 107.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from cleaner.articles import Fields
from cleaner.blocks.block import Block, Kind
from cleaner.fields.dates import find_dates, parse_date
from cleaner.fields.names import NAME_EDGES, author_rules, clean_byline
from cleaner.fields.published import date_role
from cleaner.labelling.phrases import fold, phrase_book, phrase_files
from cleaner.labelling.text import DATED_BODY_REASON
from cleaner.labelling.text_title import title_text
from cleaner.labelling.text_words import word_odds
from cleaner.resources import thresholds

# Where a name stops: a separator, a date or time, a role after a comma.
_NAME_END = re.compile(r"\s*(?:[|•·⋅●,;:(\[]|\s[-–—]\s|(?<!\w)\d|\bon\b).*$", re.IGNORECASE)
# After the first name: credentials (", Ph.D.", ", MS, RD", ", CEPF®") and co-authors in a
# list that "and" or "&" closes (" and Bo Li", ", Bo Li, and Cy Ng"); a name after a comma
# alone may be a role or a place (", Senior Director", ", Berlin").
_CREDENTIAL = r"(?:[A-Z]{2,6}®?|(?:[A-Z][a-z]?\.){2,3})"
_CO_AUTHOR = r"[A-Z][\w'’\-]+(?:[ ](?:[A-Z]\.|[A-Z][\w'’\-]+)){1,3}"
_MORE_NAMES = re.compile(
    rf"(?:,[ ]{_CREDENTIAL}(?![\w.'’\-]))+"
    rf"|(?:,[ ]{_CO_AUTHOR})*,?[ ](?:and|&)[ ]{_CO_AUTHOR}(?![\w.'’\-])"
)
# A dash after a space ends the names too ("by Ann Lee —10 min read"); one inside a word does not.
_DASH_END = re.compile(r"\s[-–—].*$")
_LEAD_IN_END = re.compile(r"^[\s:;,.\-–—]+")
_NAME = re.compile(r"^\w[\w.'’\-& ]*\w\.?$")
# A name on a line of its own: letters, initials, apostrophes and hyphens, no digits.
_BARE_NAME = re.compile(r"^[^\W\d_][^\W\d_.'’\- ]*(?:[.'’\- ]+[^\W\d_]+)*\.?$")
_WORD = re.compile(r"[^\W\d_]+")
_YEAR = re.compile(r"\d{4}")
# A line before a date line that says what the date is ("Published", "Posted on") is short,
# and so is a line that says it with the date ("Posted on 4 March 2025 in News").
_LEAD_IN_WORDS = 3
# What the words before a date may say of it for it to be the publication's: nothing, or so.
_PUBLISHED = (None, "publication")
_STATED_LINE_WORDS = 12
# Between the notes of a date line ("Dec 15, 2025 · 30 min · Ann Lee").
_SEPARATOR = re.compile(r"\s[-|·•–—]\s")
# A user name, written once or twice ("raoul (raoul)", "amondale (Amondale)"): one word of 2
# to 30 word characters, dots and hyphens (at least one a letter: ``_handle_by_date``).
_USER_NAME = re.compile(r"^([\w.\-]{2,30})(?:\s*\(\1\))?$", re.IGNORECASE)
# A count as a page writes it short ("16K", "1.2M" followers): no user name.
_COUNT = re.compile(r"^\d[\d.,]*[kKmM]?$")
# A word's first letter that is not in lower case (as a name's is): lower-case letters of the
# Latin, Greek and Cyrillic alphabets are refused at once, most of prose's words.
_CAPITALISED = r"(?![a-zß-ÿα-ωа-яё])(?=[^\W\d_])"
# A bio is a sentence (this many characters at least), and names its subject's role within
# this many words of its verb ("... is a freelance travel writer").
_MIN_BIO_CHARS = 40
_BIO_ROLE_WORDS = 12
# A forum post's header writes its member's details ("Posts:", "Joined:") this close under
# the user name.
_MEMBER_DETAILS_LINES = 3


def _after_lead_in(text: str) -> str:
    """The byline's text after the marker phrase that opened it ("By ", "Autor:")."""
    marker = phrase_book().match(text)
    lowered = text.lower()
    if marker is not None and lowered.startswith(marker[1]):
        text = text[len(marker[1]) :]
    elif marker is not None and marker[1] == lowered.strip(" :"):
        return ""
    return _LEAD_IN_END.sub("", text)


def _before_timestamp(text: str) -> str:
    """``text`` up to a timestamp phrase of any language ("Published", "Aktualisiert am")."""
    lowered = text.lower()
    cut = min(
        (lowered.find(phrase) for phrase in _timestamp_phrases() if phrase in lowered),
        default=len(text),
    )
    return text[:cut]


@cache
def _timestamp_phrases() -> tuple[str, ...]:
    book = phrase_book()
    return tuple(
        phrase.strip(" :")
        for phrase, kind in (*book.start_kinds.items(), *book.contains_kinds.items())
        if kind is Kind.TIMESTAMP
    )


def author_name(byline: str, next_line: str | None = None) -> str | None:
    """The name in a byline, without its lead-in; None when it holds no name."""
    limits = thresholds("text")
    rest = _after_lead_in(byline)
    if not rest and next_line is not None:
        # A lead-in alone takes the next line's name, unless that line is a phrase of its own
        # (a search form's "By:" above its "Search" button).
        if phrase_book().whole.get(fold(next_line)) is not None:
            return None
        rest = next_line
    # The byline rules of the HTML path cut what follows the names (a month, "in
    # <section>", a second lead-in) and refuse what is no name.
    rest = clean_byline(_DASH_END.sub("", _before_timestamp(rest)))
    if rest is None:
        return None
    name = _NAME_END.sub("", rest).strip()
    words = name.split()
    if not words or len(words) > limits["max_author_words"] or not _NAME.match(name):
        return None
    if not any(word[0].isupper() for word in words):
        return None
    more = _MORE_NAMES.match(rest, len(name))
    if more and len((name + more.group(0)).split()) <= limits["max_author_words"]:
        return name + more.group(0)
    return name


# The kinds the model gives the lines it removes: a bare name may be one of them.
_UNNAMED_KINDS = frozenset({Kind.OTHER, Kind.NAVIGATION})
# The kinds of the lines the fields are read from.
_FIELD_KINDS = frozenset({Kind.TITLE, Kind.TIMESTAMP, Kind.BYLINE})


def _author(
    blocks: list[Block],
    article_end: int,
    marked: list[tuple[int, Block]],
    title_line: int | None,
) -> str | None:
    """The author: from a byline line, else a lead-in line, a date line's "by", a bare name,
    a bio, a forum post's user name.

    A byline's name whose words the page also writes in lower case ("By Use Case" in
    a menu) gives way to the other rules, and is taken only when they find nothing.
    """
    lower = _LowerCaseWords(blocks)
    bylines = _byline_names(blocks, marked)
    for name, in_menu in bylines:
        if not in_menu and not lower.common(name):
            return name
    removed = _removed_lines(blocks, article_end)
    stamps = _Stamps.of(removed)
    if (
        name := _after_field_lead_in(blocks, removed, lower)
        or _by_in_date_line(removed, lower)
        or _bare_name_by_date(stamps, removed, lower)
        or _bare_name_under_title(title_line, stamps, removed, lower)
        or _bio_name(blocks, article_end, lower)
        or _handle_by_date(blocks, stamps, removed, lower)
        or _poster_over_member_details(stamps, removed)
    ):
        return name
    return bylines[0][0] if bylines else None


def _byline_names(blocks: list[Block], marked: list[tuple[int, Block]]) -> list[tuple[str, bool]]:
    """The names of the lines labelled byline (of the ``marked`` lines), in page order, each
    with whether it is a menu's label: a name between two navigation lines ("Solutions" / "By
    Use Case" / "Managed File Transfer") whose words are all in the line lexicon (a person's
    name between the author's menu and role, "By Ann Lee" / "Contributing Writer", has one
    that is not)."""
    names = []
    for index, block in marked:
        if block.kind is Kind.BYLINE:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if name := author_name(block.text, following.text if following else None):
                in_menu = (
                    index > 0
                    and blocks[index - 1].kind is Kind.NAVIGATION
                    and following is not None
                    and following.kind is Kind.NAVIGATION
                    and _lexicon_words_only(name)
                )
                names.append((name, in_menu))
    return names


class _LowerCaseWords:
    """The words a dump writes in lower case: a name's words are capitalised wherever they
    stand, a menu's or a label's ("Use Case", "Category") are running text's words too."""

    def __init__(self, blocks: list[Block]) -> None:
        self._blocks = blocks
        self._text: str | None = None
        self._found: dict[str, bool] = {}

    def common(self, name: str) -> bool:
        """Whether some word of ``name`` (particles aside) is written in lower case elsewhere."""
        rules = author_rules()
        particles, group = rules["name_particles"], rules["group_words"]
        return any(
            self._written(word.lower())
            for word in _WORD.findall(name)
            if len(word) > 1
            and word[0].isupper()
            and word.lower() not in particles
            and word.lower() not in group
        )

    def _written(self, word: str) -> bool:
        """Whether the dump has ``word`` as a whole word. A page has thousands of words and
        a name two or three: searching for these costs far less than listing those."""
        if word not in self._found:
            if self._text is None:
                self._text = "\n".join(block.text for block in self._blocks)
            self._found[word] = _whole_word_in(word, self._text)
        return self._found[word]


def _is_letter(char: str) -> bool:
    """A character of ``_WORD``: a word character that is no digit and no underscore."""
    return char.isalnum() and not char.isdecimal()


def _whole_word_in(word: str, text: str) -> bool:
    """Whether ``text`` has ``word`` with no letter on either side (``str.find`` runs far
    faster than a pattern that opens with a look-behind)."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if (start == 0 or not _is_letter(text[start - 1])) and (
            end == len(text) or not _is_letter(text[end])
        ):
            return True
        start = text.find(word, start + 1)
    return False


@dataclass(frozen=True, slots=True)
class _AuthorPhrases:
    """The ``author`` phrases of every language, as the rules here read them."""

    lead_ins: tuple[str, ...]  # longest first
    inner: re.Pattern[str] | None  # "by Name" inside a date line
    bio: re.Pattern[str] | None  # "Name is|was|has ...": a bio's opening, the name in group 1
    roles: frozenset[str]  # what a bio says its subject is ("reporter", "founder")
    member_details: tuple[str, ...]  # how a forum member's details open ("joined", "posts:")


@cache
def _field_phrases() -> _AuthorPhrases:
    """The author lead-ins, inner "by", bio verbs and roles of every language."""
    lead_ins: list[str] = []
    inner: list[str] = []
    not_after: list[str] = []
    verbs: list[str] = []
    roles: set[str] = set()
    details: list[str] = []
    for language in phrase_files():
        section = language.get("author") or {}
        lead_ins += [str(phrase).lower() for phrase in section.get("lead_ins", [])]
        inner += [str(word).lower() for word in section.get("inner", [])]
        not_after += [str(word).lower() for word in section.get("not_after", [])]
        verbs += [str(word) for word in section.get("bio_verbs", [])]
        roles.update(str(word).lower() for word in section.get("bio_roles", []))
        details += [str(phrase).lower() for phrase in section.get("member_details", [])]
    pattern = None
    if inner:
        excluded = "".join(
            rf"(?<!\b{re.escape(word)} )" for word in sorted(set(not_after), key=len)
        )
        words = "|".join(map(re.escape, sorted(set(inner), key=len, reverse=True)))
        pattern = re.compile(rf"(?:^|\s){excluded}(?:{words}):?\s+(?=[^\W\d_])", re.IGNORECASE)
    bio = None
    if verbs:
        alternatives = "|".join(map(re.escape, sorted(set(verbs), key=len, reverse=True)))
        # Led by the line feed before the line (a search jumps from one to the next): one to
        # four capitalised words, the fewest before a bio verb (as written, in lower case),
        # the name in group 1.
        bio = re.compile(rf"\n((?:{_CAPITALISED}[\w.'’\-]*[ ]){{1,4}}?)(?:{alternatives})[ ]")
    return _AuthorPhrases(
        tuple(sorted(set(lead_ins), key=len, reverse=True)),
        pattern,
        bio,
        frozenset(roles),
        tuple(sorted(set(details))),
    )


def _removed_lines(blocks: list[Block], article_end: int) -> dict[int, Block]:
    """The removed lines above the article's end (its last kept line), short enough to be a
    byline."""
    limit = thresholds("text")["max_author_line_words"]
    # A dump's lines have single spaces between their words and none at their ends.
    return {
        index: block
        for index, block in enumerate(blocks[:article_end])
        if not block.kept and block.text.count(" ") < limit
    }


def _accepted(name: str | None, lower: _LowerCaseWords) -> str | None:
    return name if name and not lower.common(name) else None


def _after_field_lead_in(
    blocks: list[Block], removed: dict[int, Block], lower: _LowerCaseWords
) -> str | None:
    """A removed line opened by an author lead-in the labeller does not read ("By: Ann Lee")."""
    lead_ins = _field_phrases().lead_ins
    for index, block in removed.items():
        lowered = block.text.lower()
        if not lowered.startswith(lead_ins):  # one call passes over most lines
            continue
        lead_in = next(phrase for phrase in lead_ins if lowered.startswith(phrase))
        rest = block.text[len(lead_in) :]
        following = blocks[index + 1].text if index + 1 < len(blocks) else None
        if name := _accepted(author_name(rest, following if not rest.strip() else None), lower):
            return name
    return None


def _by_in_date_line(removed: dict[int, Block], lower: _LowerCaseWords) -> str | None:
    """The name after "by" in a removed line holding a date ("Published May 3, 2024 by Ann Lee")."""
    inner = _field_phrases().inner
    if inner is None:
        return None
    for block in removed.values():
        # Every date has a four-digit year: most lines are passed over without the pattern.
        if _YEAR.search(block.text) is None:
            continue
        match = inner.search(block.text)
        if match is None or not find_dates(block.text):
            continue
        if name := _accepted(author_name(block.text[match.end() :]), lower):
            return name
    return None


@dataclass(frozen=True, slots=True)
class _Stamps:
    """The removed lines' first timestamp line, and the first that writes a date with its
    dates: where several author rules look (read once for them all)."""

    first: int | None
    dated: int | None
    dates: list[tuple[int, int, datetime]]

    @classmethod
    def of(cls, removed: dict[int, Block]) -> _Stamps:
        first = None
        for index, block in removed.items():
            if block.kind is not Kind.TIMESTAMP:
                continue
            if first is None:
                first = index
            if dates := find_dates(block.text):
                return cls(first, index, dates)
        return cls(first, None, [])


def _bare_name_by_date(
    stamps: _Stamps, removed: dict[int, Block], lower: _LowerCaseWords
) -> str | None:
    """A removed line that is only a name, beside the first timestamp line ("Ann Lee" /
    "May 3, 2024", "Ann Lee" / "5 min read") or else beside the first that writes a date;
    or the words before the date on that line ("Ann Lee May 3, 2024")."""
    if stamps.first is None:
        return None
    if stamps.first != stamps.dated and (name := _name_beside(stamps.first, [], removed, lower)):
        return name
    if stamps.dated is not None:
        return _name_beside(stamps.dated, stamps.dates, removed, lower)
    return None


def _name_beside(
    stamp: int,
    dates: list[tuple[int, int, datetime]],
    removed: dict[int, Block],
    lower: _LowerCaseWords,
) -> str | None:
    """The name before the date on the timestamp line ``stamp`` (``dates`` are the dates it
    writes), or at its end, or on a bare name line beside it (nearest first)."""
    text = removed[stamp].text
    if dates and dates[0][0] > 0 and (name := _bare_name(text[: dates[0][0]], lower)):
        return name
    # ... or after its last date, past the other notes ("Dec 15, 2025 · 30 min · Ann Lee").
    if dates and (name := _bare_name(_SEPARATOR.split(text[dates[-1][1] :])[-1], lower)):
        return name
    distance = thresholds("text")["bare_name_date_distance"]
    for offset in sorted(range(-distance, distance + 1), key=abs):
        block = removed.get(stamp + offset)
        if (
            offset
            and block is not None
            and block.kind in _UNNAMED_KINDS
            and (name := _bare_name(block.text, lower))
        ):
            return name
    return None


def _bare_name_under_title(
    title_line: int | None, stamps: _Stamps, removed: dict[int, Block], lower: _LowerCaseWords
) -> str | None:
    """A removed line that is only a name, right under the title line, on a page dated by
    a timestamp line above the article's end: a byline without its "By"."""
    if title_line is None or stamps.first is None:
        return None
    under = removed.get(title_line + 1)
    if under is None or under.kind not in _UNNAMED_KINDS:
        return None
    return _bare_name(under.text, lower)


def _bio_name(blocks: list[Block], article_end: int, lower: _LowerCaseWords) -> str | None:
    """The name an author's bio opens with ("Ann Lee is a reporter covering ..."), or the
    bare name line above a bio that opens with its first name ("Ann Lee" / "Ann is a
    reporter ..."), around the article's end (``bio_lines_before_end`` above its last kept
    line to ``bio_lines_after_end`` below it): an author box stands at its end.

    The bio must name a role in its first words (``bio_roles``): "Acme is a leading
    provider of ..." opens a company's description, not an author's bio.
    """
    phrases = _field_phrases()
    if phrases.bio is None:
        return None
    limits = thresholds("text")
    first = max(0, article_end - limits["bio_lines_before_end"])
    last = article_end + limits["bio_lines_after_end"]
    # One search of those lines, joined, each after a line feed, finds the few that open so:
    # most pages have none (a search of each line cost a tenth of a millisecond a page).
    text = "\n" + "\n".join(block.text for block in blocks[first : last + 1])
    for match in phrases.bio.finditer(text):
        end = text.find("\n", match.end())
        line = text[match.start() + 1 : end if end != -1 else None]
        if len(line) < _MIN_BIO_CHARS or not line[:1].isupper():
            continue
        said = _WORD.findall(line[match.end() - match.start() - 1 :].lower())[:_BIO_ROLE_WORDS]
        if phrases.roles.isdisjoint(said):
            continue
        named = match.group(1).split()
        if len(named) >= 2 and (name := _bare_name(" ".join(named), lower)):
            return name
        index = first + text.count("\n", 0, match.start())
        above = blocks[index - 1].text if index else ""
        if above.split()[:1] == named[:1] and (name := _bare_name(above, lower)):
            return name
    return None


def _poster_over_member_details(stamps: _Stamps, removed: dict[int, Block]) -> str | None:
    """The first user name over a member's details: a forum post's header, "microfast" /
    "Registered User" / "Join Date: Mar 2016", "b.scherer" / "Posts:" / "2" / "Joined:".

    A details line opens with a ``member_details`` phrase (per language, ``author`` in the
    phrase files).
    """
    details = _field_phrases().member_details
    # A forum thread dates its posts: a page without a timestamp line above its end is no
    # thread (and its lines are not searched).
    if not details or stamps.first is None:
        return None
    # The details' lines first: most pages have none, and a name is costlier to tell.
    opening = [index for index, block in removed.items() if block.text.lower().startswith(details)]
    reach = range(1, _MEMBER_DETAILS_LINES + 1)
    above = sorted({index - step for index in opening for step in reach})
    for index in above:
        block = removed.get(index)
        if block is not None and (name := _user_name(block.text.strip(NAME_EDGES))):
            return name
    return None


def _handle_by_date(
    blocks: list[Block], stamps: _Stamps, removed: dict[int, Block], lower: _LowerCaseWords
) -> str | None:
    """The user name by the first date the removed lines write that is no edit's: a forum
    post's header.

    The name stands before the date ("longshot · 03/03/2026 19:44", "raoul (raoul) May
    3, 2024"), on the line above it, or (a question's "asked Mar 26, 2019" over its
    asker) on the line below; it is one word ("longshot") or a person's name ("Mod
    Sharon"). A word of the line lexicon ("Posted", "Reviews", "Home") is no user name.
    A date the words before it call an edit ("edited" / "Aug 1, 2014" / "HopelessN00b")
    is passed over: its name is the editor's. (A date of another event is not: past
    "Starting January 1" the next date may be a teaser's, "Thu, January 22, 2026".)
    """
    if stamps.dated is None:
        return None
    index, dates = stamps.dated, stamps.dates
    later = (line for line in removed if line > index)
    while not dates or _role_before(blocks, index, dates[0][0]) == "modification":
        index = next((line for line in later if removed[line].kind is Kind.TIMESTAMP), -1)
        if index == -1:
            return None
        dates = find_dates(removed[index].text)
    beside = [removed.get(index - 1), removed.get(index + 1)]
    candidates = [removed[index].text[: dates[0][0]], *(line.text for line in beside if line)]
    for candidate in candidates:
        if name := _user_name(candidate.strip(NAME_EDGES)) or _bare_name(candidate, lower):
            return name
    return None


def _user_name(text: str) -> str | None:
    """``text`` when it is one user name (written once or twice), not a common word."""
    match = _USER_NAME.match(text)
    if match is None:
        return None
    name = match.group(1)
    if (
        _WORD.search(name) is None
        or _COUNT.match(name)
        or name.lower() in word_odds().odds
        or phrase_book().match(name) is not None
    ):
        return None
    return clean_byline(name)


def _bare_name(text: str, lower: _LowerCaseWords) -> str | None:
    """``text`` when it is only a person's name: two to ``max_bare_name_words`` capitalised
    words, particles between."""
    text = text.strip(NAME_EDGES)
    words = text.split()
    most = thresholds("text")["max_bare_name_words"]
    if not 2 <= len(words) <= most or not _BARE_NAME.match(text):
        return None
    particles = author_rules()["name_particles"]
    if not all(word[0].isupper() or word.lower() in particles for word in words):
        return None
    if phrase_book().match(text) is not None:
        return None
    if _lexicon_words_only(text):
        return None
    return _accepted(clean_byline(text), lower)


def _lexicon_words_only(text: str) -> bool:
    """Whether every word of ``text`` is in the line lexicon. Menus and labels ("Close Menu",
    "Quick Apply", "By Use Case") are words common on many sites; a name has at least one
    word that is not."""
    known = word_odds().odds
    return all(word.lower() in known for word in _WORD.findall(text))


def text_fields(blocks: list[Block], url: str | None) -> Fields:
    """Title, author and publication time where the labeller recognised their lines."""
    article_end = next(
        (index for index in range(len(blocks) - 1, -1, -1) if blocks[index].kept), len(blocks)
    )
    # The few lines the fields are read from, found in one pass over a page's hundreds.
    marked = [
        (index, block)
        for index, block in enumerate(blocks)
        if block.kind in _FIELD_KINDS or block.reason.startswith(DATED_BODY_REASON)
    ]
    if any(block.kept for _, block in marked):
        blocks, marked = _dates_as_stamps(blocks, marked)
    title_line = next((index for index, block in marked if block.kind is Kind.TITLE), None)
    title = blocks[title_line].text if title_line is not None else None
    return Fields(
        title=title_text(title) if title else None,
        author=_author(blocks, article_end, marked, title_line),
        published_at=_published(blocks, article_end, marked, title_line),
        url=url,
    )


def _dates_as_stamps(
    blocks: list[Block], marked: list[tuple[int, Block]]
) -> tuple[list[Block], list[tuple[int, Block]]]:
    """The blocks and the marked ones, with the date lines kept among kept lines read as
    removed timestamp lines.

    The labeller keeps a date line between kept lines (a table's cell, a timeline's
    entry, a date the text prints at its top: the gold texts keep them), but it is
    still a date line, where the author and the publication's date are looked for.
    """
    blocks = blocks.copy()
    for index, block in marked:
        if block.kept:
            blocks[index] = block.labelled(False, Kind.TIMESTAMP, block.reason)
    return blocks, [(index, blocks[index]) for index, _ in marked]


def _head_lines(blocks: list[Block], article_end: int, title_line: int | None) -> range:
    """The removed lines right under the title line, at most ``head_date_lines`` of them,
    up to the article's first kept line: the article's head."""
    if title_line is None:
        return range(0)
    stop = min(title_line + 1 + thresholds("text")["head_date_lines"], article_end)
    end = next((index for index in range(title_line + 1, stop) if blocks[index].kept), stop)
    return range(title_line + 1, end)


def _head_date(blocks: list[Block], head: range) -> datetime | None:
    """The date of the first line of the article's head that writes one.

    Sites write the date in a line with more in it ("by Ann Lee | Mar 11, 2023 | Brakes",
    "TOI Desk / Updated: Dec 17, 2025, 21:47 IST"), too long for a timestamp line; under
    the headline, above the article's text, it dates the article.
    """
    for index in head:
        if (moment := parse_date(blocks[index].text)) is not None:
            return moment
    return None


def _stated_below(blocks: list[Block], article_end: int) -> datetime | None:
    """The first date below the article, at most ``stated_date_lines`` below its end,
    that its words call a publication ("Published August 13, 2025", or "Posted on" /
    "April 13, 2023" on two lines)."""
    last = min(len(blocks), article_end + 1 + thresholds("text")["stated_date_lines"])
    for index in range(article_end + 1, last):
        if blocks[index].text.count(" ") >= _STATED_LINE_WORDS:
            continue
        if (dated := _first_date(blocks, index)) is not None and dated[1] == "publication":
            return dated[0]
    return None


def _first_date(blocks: list[Block], index: int) -> tuple[datetime, str | None] | None:
    """The first date line ``index`` writes, and what the words before it say it is
    (``date_role``); None if it writes none. A date line's own lead-in may stand on the
    line above ("Published" / "August 13, 2025")."""
    text = blocks[index].text
    if not (dates := find_dates(text)):
        return None
    start, _end, moment = dates[0]
    return moment, _role_before(blocks, index, start)


def _role_before(blocks: list[Block], index: int, start: int) -> str | None:
    """What the words before the date at ``start`` of line ``index`` say it is
    (``date_role``); they may stand on the short line above ("Published" / "August 13,
    2025", "edited" / "Aug 1, 2014")."""
    before = blocks[index].text[:start]
    if not before.strip() and index and blocks[index - 1].text.count(" ") < _LEAD_IN_WORDS:
        before = blocks[index - 1].text
    return date_role(before)


def _published(
    blocks: list[Block],
    article_end: int,
    marked: list[tuple[int, Block]],
    title_line: int | None,
) -> datetime | None:
    """The first date in the article's head (the lines right under the title) that its
    words do not call another event's or a modification, else the first such date of a
    timestamp or byline line above the article's end, else the date of a longer line of
    the article's head, else the first date below the article that says it is the
    publication's, else the first modification date above the article's end, else the
    date of the article's footer.

    Above the title, a date is as often the day's (a site's header, "Saturday, December
    20, 2025") or a teaser's as the article's: the head's, when there is one, comes first.

    A forum thread's first lines are full of dates of other events ("Joined: Mar 2016")
    and edits ("Last edited: Jul 5, 2020"); its first post's own is the one to take.

    Below the article, dates are mostly other articles' (teasers) and comments'; one the
    page calls its publication ("Published" / "August 13, 2025"), or a date line just
    after the last kept line, beside a byline, is the article's own signature ("Posted
    by" / "Ann Lee" / "May 3, 2024").
    """
    head = _head_lines(blocks, article_end, title_line)
    for index in head:
        if (dated := _first_date(blocks, index)) is not None and dated[1] in _PUBLISHED:
            return dated[0]
    modified = None
    for index, block in marked:
        if index >= article_end:
            break
        if block.kind is Kind.TITLE or (dated := _first_date(blocks, index)) is None:
            continue
        moment, role = dated
        if role in _PUBLISHED:
            return moment
        if role == "modification" and modified is None:
            modified = moment
    if (moment := _head_date(blocks, head)) is not None:
        return moment
    if (moment := _stated_below(blocks, article_end)) is not None:
        return moment
    if modified is not None:
        return modified
    limits = thresholds("text")
    bylines = [index for index, block in marked if block.kind is Kind.BYLINE]
    distance = limits["footer_byline_distance"]
    for index, block in marked:
        if index <= article_end or block.kind is not Kind.TIMESTAMP:
            continue
        if index > article_end + limits["footer_date_lines"]:
            break
        if (moment := parse_date(block.text)) is not None:
            # The first dated line below the article decides: signed, or someone else's.
            return moment if any(abs(index - line) <= distance for line in bylines) else None
    return None
