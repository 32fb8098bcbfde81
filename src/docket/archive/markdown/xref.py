"""The inline rule for cross-references: ``[[id]]``, ``[[id|shown text]]``, ``[[id#fragment]]``.

A reference is a token of the parse like any other: inside code it is never seen (code
spans and blocks are not parsed inline), a backslash before its first bracket makes it
text (``\\[[id]]``), and it may stand in a paragraph, list item, heading, table cell,
footnote, emphasis or a link's text. Rendered, a reference becomes a slot (see
``slots``) that the render stage fills once the site is linked: a link, or, inside a
link's text or an image's description, where a link cannot stand, its shown text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .prose import Prose
from .slots import link_slot, text_slot

XREF = re.compile(r"\[\[([^\[\]|#\n]+)(?:#([^\[\]|\n]+))?(?:\|([^\[\]\n]+))?\]\]")


class InlineRef(NamedTuple):
    """One ``[[reference]]`` as written: where, in lines of the text (or, once linked, of
    the file) and columns, both 1-based; ``col`` is None where it cannot be told."""

    target: str
    fragment: str
    label: str
    line: int | None
    col: int | None


@dataclass(frozen=True, slots=True)
class Rendered:
    """One Markdown text, parsed: its HTML with a slot for each reference, the references,
    and its prose (where names are looked for: see ``prose``)."""

    html: str
    refs: tuple[InlineRef, ...] = ()
    prose: Prose | None = None


def xref_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = XREF.match(state.src, state.pos)
    if match is None or match.end() > state.posMax or not match.group(1).strip():
        return False
    if not silent:
        target, fragment, label = (part.strip() if part else "" for part in match.groups())
        token = state.push("xref", "", 0)
        token.content = match.group(0)
        token.meta = {"target": target, "fragment": fragment, "label": label, "pos": state.pos, "in_link": state.linkLevel > 0}
    state.pos = match.end()
    return True


def render_xref(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    meta = tokens[idx].meta
    return text_slot(meta["index"]) if meta["in_link"] else link_slot(meta["index"])


def render_image(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """markdown-it's image, with a reference in its description given as its shown text."""
    token = tokens[idx]
    token.attrSet("alt", _as_text(token.children or []))
    return self.renderToken(tokens, idx, options, env)


def _as_text(tokens: Sequence[Token]) -> str:
    parts = []
    for token in tokens:
        if token.type == "text":
            parts.append(token.content)
        elif token.type == "xref":
            parts.append(text_slot(token.meta["index"]))
        elif token.type == "image":
            parts.append(_as_text(token.children or []))
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def xref_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "xref", xref_rule)
    md.add_render_rule("xref", render_xref)
    md.add_render_rule("image", render_image)
