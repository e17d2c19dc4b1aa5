"""Script and style code in a text dump: the page's ``<script>`` and ``<style>`` text.

Converters that take every text node (lxml's ``text_content()``, tags stripped
by a regular expression) keep a page's scripts and styles: hundreds of lines
of CSS and JavaScript, most of them before the article. The line model never
saw such lines; it kept CSS declarations at p=0.9 and, its sense of where the
page's prose stands thrown off, dropped the article (dev pages rendered by
``text_content()``: articles 0.56 F1, overall 0.52).

A dump holds its page's code when many lines (or characters: minified code
is a few long lines) before its first line of prose are code: its ``<head>``'s
styles and scripts. A documentation page's code samples stand among its
prose; of the dev dumps of the two training converters, one page (of 2,716)
is taken so, and none of its code lines is gold text. In such a dump, every
line that reads as code is removed before the model reads the page, so that
the page's features are those of its text. On the dev pages rendered by
``text_content()`` (every sixth), overall F1 went from 0.52 to 0.69 (kept
whole: 0.45).

A head's title or description often reads as prose and ended that count early:
a dump that opens with code, one line of prose aside, and holds much of it holds
its page's code too (of the 1,358 dev pages so rendered, 790 are taken to hold
code, against 695). Once a dump is known to hold code, lines that read as code
only among code count too (an object's quoted keys, a line comment, a statement),
and so do the selectors listed over a rule and a line of no prose between two of
code. On all the dev pages rendered by ``text_content()``, overall F1 went from
0.730 to 0.768 (products 0.247 to 0.365, articles 0.839 to 0.872); the dumps of
the other converters are read as before (the same pages are taken to hold code).

``text_content()`` also joins an inline ``<script>`` to the paragraph before it, and a
minified page's paragraphs into one line: a long line that is half prose or more is text,
whatever code it ends with (a page's data, JSON-LD that writes the article again,
stays code). Such a line is cut into sentences (``blocks.sentences``), however much
of the dump the code around it makes. Both together: 0.768 to 0.781 overall, articles
0.872 to 0.890.
"""

from __future__ import annotations

import re
from typing import Any

from cleaner.resources import thresholds

# A line of CSS or JavaScript (or JSON): a selector or block that opens, a declaration, a
# custom property, a closing brace, an at-rule, or a telltale of script. (No two parts of
# a pattern here may match the same characters: on a long line, that costs quadratic time.)
_CODE = re.compile(
    r"""^[\w.#:\-\[\]="'\s,>*~+()]+\{\s*$
    |^[\w\-]+\s*:[^;{}]+;$
    |^--[\w\-]+\s*:
    |^\}+[);,\s]*$
    |^@(?:-\w+-)?(?:media|font-face|import|keyframes|supports|charset)\b
    |!important
    |\bfunction\s*\(|=>\s*\{|\bvar\s+\w+\s*=|\b(?:const|let)\s+\w+\s*=
    |\bwindow\.\w|\bdocument\.\w|\.push\(
    |^[\[{]\s*"[\w@]+"\s*:
    |\{[\w\-]+:[^{}]*[;}]
    |^\}\s*else\b|^(?:if|for|while)\s*\(.*\{$
    |^[\w$.]+\((?:[^()]|\([^()]*\))*\);?$
    |^[\w$]+\s*:[^:]*,$""",
    re.VERBOSE,
)
# Lines that read as code only among code: a converter that writes each inline element on
# a line of its own ("Call", "fetch(", "and then") makes such lines of prose too. A line
# comment, a line that closes a block or opens one, a statement's keyword, an object's
# quoted key, an assignment.
_CODE_AMONG_CODE = re.compile(
    r"""^//|^[}\]]|[{\[(]$
    |^(?:if|for|while|switch)\s*\(|^(?:var|let|const|return)\s
    |^,?\s*(["'])[^"'\n]{1,80}\1\s*:
    |^[\w$.]+(?:\[[^\]]*\])*\s*[-+*/|&]?=\s*[^=>\s]""",
    re.VERBOSE,
)
# A line of JSON data (a framework's page state): keys and values in quotes, many of them.
_JSON_PAIRS = 3


def _is_code(line: str) -> bool:
    """Whether ``line`` reads as script, style or data code (or holds a code comment)."""
    return (
        _CODE.search(line) is not None
        or line.count('":') >= _JSON_PAIRS
        or ("/*" in line and "*/" in line)
    )


def _reads_as_code(line: str) -> bool:
    """``_is_code``, or a line that reads as code among code (``_among_code``)."""
    return _is_code(line) or _among_code(line)


def _among_code(line: str) -> bool:
    """Whether ``line`` reads as code where code stands around it (``_CODE_AMONG_CODE``, or a
    statement that ends with a semicolon)."""
    return _CODE_AMONG_CODE.search(line) is not None or (
        line.endswith(";") and ("=" in line or "(" in line)
    )


# Runs of five words or more, each but the last followed by a single space: how much of a
# long line is prose.
_WORD_RUN = re.compile(r"(?:[^\W\d_]+[,.;:!?'’\"”)]* ){5,}")
# A line that opens as data does (a brace, a bracket, a quoted or bare key): a page's
# JSON-LD or state, whose texts are the page's own, written again.
_DATA_OPENING = re.compile(r"""^(?:[{\["']|[\w$]+\s*:)""")
# A line of prose: ten words or more, ending a sentence.
_PROSE = re.compile(r"^(?:\S+\s+){9,}\S*[.!?]['\"”’)]*$")
# The head of a dump looked at first: code there shows in braces and semicolons.
_HEAD_LINES = 300


def code_lines(lines: list[str]) -> list[bool] | None:
    """Which of a dump's lines are its page's script and style code; None if it holds none.

    ``lines`` are as ``segment_lines`` gives them (white space folded).
    """
    limits = thresholds("text")
    head = "".join(lines[:_HEAD_LINES])
    if head.count("{") + head.count(";") < limits["code_head_lines"]:
        return None
    # Every line is read as code or not only once the head or the opening says the dump may
    # hold code: of the dumps whose head has braces and semicolons enough, few do, and the
    # code pattern is slow on a long line.
    much_before_prose, read = _code_before_prose(lines, limits)
    if not much_before_prose and not _opens_with_code(lines, limits):
        return None
    code = read + list(map(_is_code, lines[len(read) :]))
    if not much_before_prose and sum(code) < limits["code_head_lines"]:
        return None  # it opens with code, but holds little of it
    marked = _in_context(
        lines, [is_code or _among_code(line) for line, is_code in zip(lines, code, strict=True)]
    )
    return [
        is_code and not _mostly_prose(line, limits)
        for line, is_code in zip(lines, marked, strict=True)
    ]


def _mostly_prose(line: str, limits: dict[str, Any]) -> bool:
    """Whether a long line is half prose or more, and not data: a paragraph that a converter
    joined to the inline script after it (``text_content()``), kept for the model to read."""
    if len(line) < limits["code_prose_line_chars"] or _DATA_OPENING.match(line):
        return False
    prose = sum(map(len, _WORD_RUN.findall(line)))
    return prose >= limits["code_prose_share"] * len(line)


def _code_before_prose(lines: list[str], limits: dict[str, Any]) -> tuple[bool, list[bool]]:
    """Whether ``code_head_lines`` lines, or ``code_head_chars`` characters, of code stand
    before the dump's first line of prose; and which of the lines read up to that one (it
    included) are code, not to be read twice."""
    read: list[bool] = []
    before_prose = code_chars = 0
    for line in lines:
        is_code = _is_code(line)
        read.append(is_code)
        if not is_code and _PROSE.match(line):
            break
        if is_code:
            before_prose += 1
            code_chars += len(line)
    much = before_prose >= limits["code_head_lines"] or code_chars >= limits["code_head_chars"]
    return much, read


def _opens_with_code(lines: list[str], limits: dict[str, Any]) -> bool:
    """Whether the dump opens with code: ``code_opening_min`` lines of its first
    ``code_opening_lines``, before more than ``code_opening_prose`` of prose. With much code
    in the dump (``code_head_lines`` lines), that is a page's head, whose title or description
    reads as prose and stops the count of ``_code_before_prose``."""
    code_seen = prose_seen = 0
    opening = limits["code_opening_lines"]
    for line in lines[:opening]:
        if _reads_as_code(line):
            code_seen += 1
            if code_seen == limits["code_opening_min"]:
                return True
        elif _PROSE.match(line):
            prose_seen += 1
            if prose_seen > limits["code_opening_prose"]:
                return False
    return False


def _in_context(lines: list[str], code: list[bool]) -> list[bool]:
    """``code`` and the lines that read as code only beside it: the selectors listed over a
    rule (".menu a," over ".menu a:hover {"), and a line of no prose between two of code."""
    marked = list(code)
    for index in range(len(lines) - 2, -1, -1):
        if (
            not marked[index]
            and lines[index].endswith(",")
            and marked[index + 1]
            and lines[index + 1].endswith(("{", ","))
        ):
            marked[index] = True
    for index in range(1, len(lines) - 1):
        if (
            not marked[index]
            and code[index - 1]
            and code[index + 1]
            and not _PROSE.match(lines[index])
        ):
            marked[index] = True
    return marked
