"""The core rule that gives each paragraph of a letter's text a stable anchor.

A passage is cited by its paragraph: ``#p3`` is the text's third paragraph, counted in
document order — in a quotation or a loose list's item too, as many texts that survive
only in excerpts are quoted whole, but not in a footnote (an editor's, not the letter's)
nor a tight list's item (which has no paragraph of its own) — so the anchor depends on
the text alone and stays put from one build to the next.
Each paragraph ends with a link to itself, empty but for its accessible name ("Link to
paragraph 3"): the theme draws it as a "¶" shown on hover and on keyboard focus. The ids
cannot meet a footnote's (``fn…``, ``fnref…``) or the page's own (words, not ``p`` and
a number).

Only a text parsed with ``anchors`` on is numbered: the body of a letter, not its notes.
"""

from __future__ import annotations

from typing import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

ENV_KEY = "docket_paragraph_anchors"
FOOTNOTE_BOUNDS = ("footnote_reference_open", "footnote_reference_close")


def anchor_id(number: int) -> str:
    return f"p{number}"


def number_paragraphs(state: StateCore) -> None:
    if not state.env.get(ENV_KEY):
        return
    number = 0
    in_footnote = False
    for token in state.tokens:
        if token.type in FOOTNOTE_BOUNDS:  # a footnote's definition, still where it was written
            in_footnote = token.type == "footnote_reference_open"
        if in_footnote or token.hidden:
            continue
        if token.type == "paragraph_open":
            number += 1
            token.attrSet("id", anchor_id(number))
        elif token.type == "paragraph_close":
            token.meta = {"anchor": number}


def render_paragraph_close(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """``</p>``, after a link to the paragraph when it has an anchor."""
    number = (tokens[idx].meta or {}).get("anchor")
    if not number:
        return self.renderToken(tokens, idx, options, env)
    link = f'<a class="paragraph-anchor" href="#{anchor_id(number)}" aria-label="Link to paragraph {number}"></a>'
    return link + self.renderToken(tokens, idx, options, env)


def paragraphs_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("block", "number_paragraphs", number_paragraphs)
    md.add_render_rule("paragraph_close", render_paragraph_close)
