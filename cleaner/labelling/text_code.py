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
"""

from __future__ import annotations

import re

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
# A line of JSON data (a framework's page state): keys and values in quotes, many of them.
_JSON_PAIRS = 3


def _is_code(line: str) -> bool:
    """Whether ``line`` reads as script, style or data code (or holds a code comment)."""
    return (
        _CODE.search(line) is not None
        or line.count('":') >= _JSON_PAIRS
        or ("/*" in line and "*/" in line)
    )


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
    code = list(map(_is_code, lines))
    before_prose = code_chars = 0
    for line, is_code in zip(lines, code, strict=True):
        if not is_code and _PROSE.match(line):
            break
        if is_code:
            before_prose += 1
            code_chars += len(line)
    if before_prose < limits["code_head_lines"] and code_chars < limits["code_head_chars"]:
        return None
    return code
