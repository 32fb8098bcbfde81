"""The render rules that make footnotes read well aloud: named references, a heading.

mdit-py-plugins writes a reference as a bare ``[1]`` and a way back as ``↩︎``, which a
screen reader announces as "link, 1" and "link, leftwards arrow", and lists the notes
under no heading. Here a reference is named "Footnote 1", a way back "Back to reference
1", and the notes come under a "Footnotes" heading — one level below the page's
sections, whose headings are ``<h2>`` — that labels their section. Ids stay as the plugin
makes them (``fn1``, ``fnref1``; ``fn-note-1`` in a text with its own ``docId``), since
``[[id#fn1]]`` links point at them.
"""

from __future__ import annotations

from markdown_it import MarkdownIt


def _number(renderer, tokens, idx, options, env) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The reference's id (``1``, ``-note-1``, ``1:1`` for a note's second reference) and
    the note's number as a reader says it (``1``; ``1, second reference``)."""
    ident = renderer.rules["footnote_anchor_name"](tokens, idx, options, env)
    number = str(tokens[idx].meta["id"] + 1)
    again = tokens[idx].meta.get("subId", -1)
    if again > 0:
        ident += f":{again}"
        number += f", reference {again + 1}"
    return ident, number


def render_reference(renderer, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    ident, number = _number(renderer, tokens, idx, options, env)
    target = renderer.rules["footnote_anchor_name"](tokens, idx, options, env)
    caption = renderer.rules["footnote_caption"](tokens, idx, options, env)
    return f'<sup class="footnote-ref"><a href="#fn{target}" id="fnref{ident}" aria-label="Footnote {number}">{caption}</a></sup>'


def render_back_link(renderer, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    ident, number = _number(renderer, tokens, idx, options, env)
    return f' <a href="#fnref{ident}" class="footnote-backref" aria-label="Back to footnote {number} in the text">\u21a9\ufe0e</a>'


def render_block_open(renderer, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    heading = f"footnotes{'-' + env['docId'] if isinstance(env.get('docId'), str) else ''}"
    return f'<section class="footnotes" aria-labelledby="{heading}">\n<h3 id="{heading}" class="footnotes-heading">Footnotes</h3>\n<ol class="footnotes-list">\n'


def footnotes_plugin(md: MarkdownIt) -> None:
    """Install after mdit-py-plugins' footnote plugin, whose rules these replace."""
    md.add_render_rule("footnote_ref", render_reference)
    md.add_render_rule("footnote_anchor", render_back_link)
    md.add_render_rule("footnote_block_open", render_block_open)
