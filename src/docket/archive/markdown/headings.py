"""The core rule that moves a text's headings one level down.

A page's own title is its only ``<h1>``, so a text's ``#`` becomes ``<h2>``, ``##`` an
``<h3>`` and so on; HTML has no seventh level, so ``#####`` and ``######`` both become
``<h6>``.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

DEEPEST = 6


def shift_headings(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1:]) + 1, DEEPEST)}"


def headings_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("block", "shift_headings", shift_headings)
