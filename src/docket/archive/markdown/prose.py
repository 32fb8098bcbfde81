"""The rule that keeps a text's prose: its words as written, without code, links or references.

Suggestions of unlinked names (``archive/suggest.py``) look for entity names in what a
reader reads as plain text. The parse already knows where that is: each block's inline
content is its source with the block's markers taken off, and the inline rules that
consume code spans, ``[[references]]``, links, images and autolinks say which stretch of
it they took. Those stretches are blanked (to NUL, which no name holds and which
markdown-it never leaves in a text), blocks are kept apart by NUL, and line breaks inside
a block become spaces so that a name broken over two lines is still one name. Code
blocks have no inline content and are never looked at.

The prose keeps what places its characters, left as the parse gave it (each block's
first line and content, and the source): most texts name nobody, so a line and column are
worked out only for a name found (:meth:`Prose.places`). Made in the load workers, where
the names are looked for; only what is found leaves them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate
from typing import Callable

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
    """A text's prose (see the module), and each of its blocks' first line (0-based) and
    content, and the text's source, to place a character of ``text`` in the source."""

    text: str
    first_lines: tuple[int, ...]
    contents: tuple[str, ...]
    source: str

    def places(self, offsets: list[int]) -> list[tuple[int, int | None]]:
        """The line and column (1-based; the column None where it is not known, as in a
        table cell whose ``\\|`` the table rule unescaped) of the character at each offset."""
        starts = list(accumulate((len(content) + 1 for content in self.contents[:-1]), initial=0))
        source_lines = self.source.split("\n")
        placed = []
        for offset in offsets:
            index = bisect.bisect_right(starts, offset) - 1
            content, at = self.contents[index], offset - starts[index]
            line_start = content.rfind("\n", 0, at) + 1
            line_end = content.find("\n", at)
            content_line = content[line_start : line_end if line_end != -1 else len(content)]
            number = self.first_lines[index] + content.count("\n", 0, line_start)
            col = source_lines[number].find(content_line) + 1 if content_line and number < len(source_lines) else 0
            placed.append((number + 1, col + at - line_start if col else None))
        return placed


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
    blocks = [token for token in state.tokens if token.type == "inline" and token.map is not None and token.content]
    if not blocks:
        state.env[ENV_KEY] = None
        return
    texts = [_blanked(block.content, taken[id(block.content)]) if id(block.content) in taken else block.content for block in blocks]
    first_lines = tuple(block.map[0] for block in blocks)  # type: ignore[index]
    state.env[ENV_KEY] = Prose(GAP.join(texts).replace("\n", " "), first_lines, tuple(block.content for block in blocks), state.src)


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
