"""The core rule that numbers a text's cross-references and finds where each was written.

Each block's inline content carries its first source line (the token map); a reference
knows its offset in that content, so its line is the block's line plus the line breaks
before it. Its column is found by placing the content's line in the source line (block
markers such as ``> `` or a list's indent come before it) and checked against the
source; where the two disagree (a reference in an image's description, which is parsed
apart, or in a table cell, whose ``\\|`` the table rule unescapes), the reference is
looked up in its line instead, and failing that the column is left unknown.
"""

from __future__ import annotations

from typing import Iterator

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .xref import InlineRef

ENV_KEY = "docket_xrefs"


def _references(tokens: list[Token]) -> Iterator[tuple[Token, Token]]:
    """Every xref token, with the inline token (the block's content) it belongs to."""
    for block in tokens:
        if block.type != "inline":
            continue
        pending = list(reversed(block.children or []))
        while pending:
            token = pending.pop()
            if token.type == "xref":
                yield token, block
            elif token.children:
                pending.extend(reversed(token.children))


def _place(token: Token, block: Token, source_lines: list[str]) -> tuple[int | None, int | None]:
    """The 1-based line and column of a reference in the text."""
    if block.map is None:
        return None, None
    content, pos = block.content, token.meta["pos"]
    index = block.map[0] + content.count("\n", 0, pos)
    if index >= len(source_lines):
        return None, None
    source = source_lines[index]
    start = content.rfind("\n", 0, pos) + 1
    end = content.find("\n", start)
    content_line = content[start : end if end != -1 else len(content)]
    at = source.find(content_line) if content_line else -1
    col = at + pos - start if at != -1 else -1
    if col < 0 or not source.startswith(token.content, col):
        col = source.find(token.content)
    if col < 0:  # unescaped before parsing, as a table cell's "\|"
        col = source.find("[[" + token.meta["target"])
    return index + 1, (col + 1 if col != -1 else None)


def locate_references(state: StateCore) -> None:
    source_lines = state.src.split("\n")
    found = []
    for number, (token, block) in enumerate(_references(state.tokens)):
        token.meta["index"] = number
        line, col = _place(token, block, source_lines)
        found.append(InlineRef(token.meta["target"], token.meta["fragment"], token.meta["label"], line, col))
    state.env[ENV_KEY] = tuple(found)


def locate_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("locate_references", locate_references)
