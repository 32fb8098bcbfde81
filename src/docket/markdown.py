"""Markdown: markdown-it-py set up for archival text, and the cross-reference rule.

CommonMark with tables and footnotes (editorial notes), raw HTML off, no typographic
replacements (a transcription keeps its quotes and dashes as the source has them).
markdown-it's link validation already refuses ``javascript:``, ``vbscript:``, ``file:``
and non-image ``data:`` URLs. Headings in a body are shifted one level down so that the
page's own title stays the only ``<h1>``.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.footnote import footnote_plugin

from .xref import XREF

#: resolves (target id, fragment) to (url, title), or None when it points nowhere
Resolver = Callable[[str, str], Optional[tuple[str, str]]]


def _xref_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = XREF.match(state.src, state.pos)
    if match is None or match.end() > state.posMax:
        return False
    if not silent:
        token = state.push("docket_xref", "", 0)
        token.meta = {
            "target": match.group(1).strip(),
            "fragment": (match.group(2) or "").strip(),
            "label": (match.group(3) or "").strip(),
        }
    state.pos = match.end()
    return True


def _render_xref(self: Any, tokens: list, idx: int, options: Any, env: dict) -> str:
    meta = tokens[idx].meta
    resolved = env["resolve"](meta["target"], meta["fragment"]) if "resolve" in env else None
    if resolved is None:
        shown = meta["label"] or meta["target"]
        return f'<span class="xref xref-missing">{escapeHtml(shown)}</span>'
    url, title = resolved
    shown = meta["label"] or title
    return f'<a class="xref" href="{escapeHtml(url)}">{escapeHtml(shown)}</a>'


def _shift_headings(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(int(token.tag[1]) + 1, 6)
            token.tag = f"h{level}"


def make_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": False})
    md.enable("table")
    md.disable(["html_block", "html_inline"])  # with html off they only ever answer "no"
    md.use(footnote_plugin)
    md.inline.ruler.before("link", "docket_xref", _xref_rule)
    md.add_render_rule("docket_xref", _render_xref)
    md.core.ruler.push("docket_shift_headings", _shift_headings)
    return md


_MD = make_markdown()


def render_markdown(text: str, resolve: Resolver, doc_id: str = "") -> str:
    """HTML for one Markdown text; ``doc_id`` keeps footnote ids unique on a page."""
    if not text.strip():
        return ""
    env: dict[str, Any] = {"resolve": resolve}
    if doc_id:
        env["docId"] = doc_id
    return _MD.render(text, env)
