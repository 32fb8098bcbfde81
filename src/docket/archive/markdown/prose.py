"""The rule that keeps a text's prose: its words as written, without code, links or references.

Suggestions of unlinked names (``archive/suggest.py``) look for entity names in what a
reader reads as plain text. The parse already knows where that is: each block's inline
content is its source with the block's markers taken off, and the inline rules that
consume code spans, ``[[references]]``, links, images and autolinks say which stretch of
it they took. Those stretches are blanked (to NUL, which no name holds and which
markdown-it never leaves in a text), blocks are kept apart by NUL, and line breaks inside
a block become spaces so that a name broken over two lines is still one name. Code
blocks have no inline content and are never looked at.

Each line of the prose keeps where it stands: its line in the text and the column at
which its content was found in the source line (0 where it was not found, as in a table
cell whose ``\\|`` the table rule unescaped). Built once per file content, in the load
workers, so the link stage only has to search it.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass
from typing import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

ENV_KEY = "docket_prose"
#: the inline rules whose text is not prose (what they consume is blanked), by the
#: characters each can start at
NOT_PROSE = {"backticks": "`", "xref": "[", "link": "[", "image": "!", "footnote_ref": "[", "autolink": "<"}
GAP = "\x00"
InlineRule = Callable[[StateInline, bool], bool]


@dataclass(frozen=True, slots=True)
class Prose:
    """A text's prose (see the module) and where each of its lines stands: the offset in
    ``text`` where it starts, its line and its column, 1-based, the column 0 when unknown.

    The three are kept in one array, every line's offset, then every line's line, then
    every line's column: a build keeps one for every text of every letter, its reading
    workers send them back and its cache pickles them, and one array costs a third of
    three to pickle.
    """

    text: str
    places: array

    @classmethod
    def of(cls, text: str, marks: Sequence[tuple[int, int, int]]) -> "Prose":
        """From ``(offset, line, column)`` of each line, in order of offset."""
        starts, lines, cols = zip(*marks) if marks else ((), (), ())
        return cls(text, array("i", (*starts, *lines, *cols)))

    def marks(self) -> list[tuple[int, int, int]]:
        """``(offset, line, column)`` of each line."""
        n = len(self.places) // 3
        return list(zip(self.places[:n], self.places[n : 2 * n], self.places[2 * n :]))

    def first_place(self) -> tuple[int, int]:
        """The line and column of its first line."""
        n = len(self.places) // 3
        return self.places[n], self.places[2 * n]

    def moved_down(self, lines: int) -> "Prose":
        """The same prose ``lines`` lines further down its file."""
        n = len(self.places) // 3
        places = array("i", self.places)
        for index in range(n, 2 * n):
            places[index] += lines
        return Prose(self.text, places)

    def place(self, offset: int) -> tuple[int, int | None]:
        """The line and column (or None) of the character at ``offset``."""
        n = len(self.places) // 3
        index = max(bisect.bisect_right(self.places, offset, 0, n) - 1, 0)
        col = self.places[2 * n + index]
        return self.places[n + index], (col + offset - self.places[index] if col else None)


def _not_prose(by_start: dict[str, list[InlineRule]]) -> InlineRule:
    """One rule in place of those in ``NOT_PROSE``: it tries the ones that can start at
    the character it stands at, in their order, and records what the first to match takes.

    One rule rather than a wrapper round each: markdown-it tries its inline rules in turn
    at every character that may start markup, and six wrappers were six more calls there,
    most of a letter's cost of keeping its prose.
    """

    def not_prose(state: StateInline, silent: bool) -> bool:
        rules = by_start.get(state.src[state.pos])
        if rules is None:
            return False
        start = state.pos
        for rule in rules:
            if rule(state, silent):
                if not silent:
                    state.env.setdefault(ENV_KEY, {}).setdefault(id(state.src), []).append((start, state.pos))
                return True
        return False

    return not_prose


def _blanked(content: str, taken: list[tuple[int, int]]) -> str:
    parts, at = [], 0
    for start, end in sorted(taken):
        if end <= at:
            continue
        start = max(start, at)
        parts.append(content[at:start])
        parts.append(GAP * (end - start))
        at = end
    parts.append(content[at:])
    return "".join(parts)


def collect_prose(state: StateCore) -> None:
    """The text's prose, in ``env``; run for every text parsed, so kept lean."""
    taken = state.env.pop(ENV_KEY, {})
    source_lines = state.src.split("\n")
    count = len(source_lines)
    texts: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    cols: list[int] = []
    offset = 0
    for block in state.tokens:
        if block.type != "inline" or block.map is None or not block.content:
            continue
        content, number = block.content, block.map[0]
        for content_line in content.split("\n"):
            starts.append(offset)
            lines.append(number + 1)
            cols.append(source_lines[number].find(content_line) + 1 if content_line and number < count else 0)
            number += 1
            offset += len(content_line) + 1
        ranges = taken.get(id(content))
        texts.append(_blanked(content, ranges) if ranges else content)
    if texts:
        state.env[ENV_KEY] = Prose(GAP.join(texts).replace("\n", " "), array("i", starts + lines + cols))
    else:
        state.env[ENV_KEY] = None


def prose_plugin(md: MarkdownIt) -> None:
    """Record what the rules in ``NOT_PROSE`` take (use it after every plugin adding one).

    They are tried together where the first of them stood. That keeps markdown-it's
    order at every character: among the rules between them (emphasis, inline footnotes)
    none starts at a character one of them starts at, and those after them (HTML, entities)
    are still tried after them.
    """
    taking = [rule for rule in md.inline.ruler.__rules__ if rule.name in NOT_PROSE and rule.enabled]
    by_start: dict[str, list[InlineRule]] = {}
    for rule in taking:
        for char in NOT_PROSE[rule.name]:
            by_start.setdefault(char, []).append(rule.fn)
    md.inline.ruler.before(taking[0].name, "not_prose", _not_prose(by_start))
    md.inline.ruler.disable([rule.name for rule in taking])
    md.core.ruler.push("collect_prose", collect_prose)
