"""The short blocks of a page as one text, searched by one regular-expression pass.

Headlines, bylines, datelines and labels are short blocks. Looking for them
block by block costs a Python call per block and pattern; joining the short
blocks into one text, one per line, lets one ``finditer`` find every "By ..."
line or every year of the page at once, and a position maps back to its block.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from cleaner.blocks.block import Block
from cleaner.fields.structured import squeeze
from cleaner.resources import thresholds

_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("…", "..."))


def straighten_quotes(text: str) -> str:
    """Curly quotes made straight and an ellipsis three dots, so typographic variants meet."""
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def fold_quotes(text: str) -> str:
    """Case and white space folded (``structured.squeeze``), curly quotes made straight:
    the form in which texts are compared."""
    return squeeze(straighten_quotes(text).casefold())


@dataclass(frozen=True, slots=True)
class Lines:
    """The page's short blocks, each after a newline, as written and folded (``fold_quotes``).

    Every line starts with "\\n", so a pattern for the start of a line begins
    with a literal and the regular-expression engine skips from line to line.
    """

    text: str
    folded: str
    blocks: tuple[int, ...]  # the block index of each line
    starts: tuple[int, ...]  # where each line's text starts in ``text``
    folded_starts: tuple[int, ...]  # where each line's text starts in ``folded``

    @classmethod
    def of(cls, blocks: list[Block]) -> Lines:
        longest = thresholds("fields")["short_block_chars"]
        indices = [index for index, block in enumerate(blocks) if len(block.text) <= longest]
        if not indices:
            return cls("", "", (), (), ())
        # Joined with a mark no text holds first, so that newlines inside a text go.
        joined = "\x00".join([blocks[index].text for index in indices]).replace("\n", " ")
        text = "\n" + joined.replace("\x00", "\n")
        folded = straighten_quotes(text).casefold()
        return cls(text, folded, tuple(indices), _starts(text), _starts(folded))

    def line_at(self, position: int, folded: bool = False) -> int:
        """The number of the line that holds ``position`` of ``text`` (or of ``folded``)."""
        return bisect_right(self.folded_starts if folded else self.starts, position) - 1

    def line(self, number: int) -> str:
        """Line ``number`` as written."""
        start = self.starts[number]
        end = self.starts[number + 1] - 1 if number + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]

    def rest_of_line(self, position: int, folded: bool = False) -> str:
        """The written text of the line that holds ``position``, from that position on.

        A position in ``folded`` is carried to ``text`` when folding kept the
        line's length (it nearly always does); else the whole line is given.
        """
        number = self.line_at(position, folded)
        line = self.line(number)
        offset = position - (self.folded_starts if folded else self.starts)[number]
        if folded and self._folded_length(number) != len(line):
            return line
        return line[offset:]

    def folded_lines(self) -> list[str]:
        return self.folded.split("\n")[1:]

    def _folded_length(self, number: int) -> int:
        starts = self.folded_starts
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(self.folded)
        return end - starts[number]


def _starts(text: str) -> tuple[int, ...]:
    """Where each line of ``text`` (each after a newline) starts."""
    lengths = map(len, text[1:].split("\n"))
    return tuple(accumulate(map((1).__add__, lengths), initial=1))[:-1]
