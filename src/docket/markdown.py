"""Markdown: markdown-it set up for archival text, with the ``[[cross-reference]]`` syntax.

CommonMark with tables and footnotes (editorial notes), raw HTML off, no typographic
replacements (a transcription keeps its quotes and dashes as the source has them).
markdown-it's link validation refuses ``javascript:``, ``vbscript:``, ``file:`` and
non-image ``data:`` URLs. Headings in a body are shifted one level down so that the
page's own title stays the only ``<h1>``.

The parser is markdown-it-pyrs, markdown-it's Rust port by markdown-it-py's maintainer:
the same CommonMark rules and plugins, the same HTML but for a line break inside a
footnote's ``<li>``, and six times faster (0.1 against 0.67 ms for a 4 KB letter).
With markdown-it-py, Markdown took over half of the CPU time spent rendering pages. A
Rust parser takes no Python rules, so each cross-reference is swapped for a placeholder
before parsing and for its link after:

- a placeholder is a run of Private Use Area characters, which Markdown treats as
  ordinary letters, so a reference sits in a paragraph, list item, heading, table cell,
  emphasis or link text exactly where it was written;
- inside code (``<code>…</code>``) the reference's own text is put back, escaped, as
  markdown-it-py's rule never ran there;
- inside a tag (an image's ``alt``) it becomes its shown text, escaped;
- in a URL, where it was percent-encoded, its own text goes back percent-encoded.
"""

from __future__ import annotations

import re
from typing import Callable, Optional
from urllib.parse import quote

from markdown_it_pyrs import MarkdownIt

from .xref import XREF, is_escaped, xref_parts

#: resolves (target id, fragment) to (url, title), or None when it points nowhere
Resolver = Callable[[str, str], Optional[tuple[str, str]]]

_RULES = [
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
    "autolink", "backticks", "emphasis", "entity", "escape", "image", "link", "newline",
    "table", "footnote",
]  # CommonMark less html_block and html_inline, plus tables and footnotes
_MD = MarkdownIt("zero").enable_many(_RULES)

_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACED = re.compile(
    r"(?P<code><code[^>]*>.*?</code>)|(?P<tag><[^<>\ue000]*\ue000[^<>]*>)|%EE%80%80(?P<url>\d+)%EE%80%81|\ue000(?P<n>\d+)\ue001",
    re.DOTALL,
)
_PLACEHOLDER = re.compile(r"\ue000(\d+)\ue001")
_SLOW_MARKERS = ("<code", "<img", ' title="', "%EE%80%80")  # where a placeholder may not be in text
_HEADING = re.compile(r"<(/?)h([1-6])>")
_FOOTNOTE_ID = re.compile(r'(id="|href="#)fn(ref)?(\d+(?::\d+)?)"')


def escape(text: str) -> str:
    """HTML-escape as markdown-it does: ``&``, ``<``, ``>`` and ``"``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _link(match: re.Match, resolve: Resolver) -> str:
    target, fragment, label = xref_parts(match)
    resolved = resolve(target, fragment)
    if resolved is None:
        return f'<span class="xref xref-missing">{escape(label or target)}</span>'
    url, title = resolved
    return f'<a class="xref" href="{escape(url)}">{escape(label or title)}</a>'


def _shown(match: re.Match, resolve: Resolver) -> str:
    target, fragment, label = xref_parts(match)
    resolved = None if label else resolve(target, fragment)
    return label or (resolved[1] if resolved else target)


def _restore(html: str, refs: list[re.Match], resolve: Resolver, links: dict[str, str]) -> str:
    def link(ref: re.Match) -> str:
        found = links.get(ref.group(0))
        if found is None:
            found = links[ref.group(0)] = _link(ref, resolve)
        return found

    if not any(marker in html for marker in _SLOW_MARKERS):  # every placeholder is in text
        return _PLACEHOLDER.sub(lambda m: link(refs[int(m.group(1))]), html)

    def put_back(found: re.Match) -> str:
        if found.group("code") is not None:
            return _PLACEHOLDER.sub(lambda m: escape(refs[int(m.group(1))].group(0)), found.group("code"))
        if found.group("tag") is not None:
            return _PLACEHOLDER.sub(lambda m: escape(_shown(refs[int(m.group(1))], resolve)), found.group("tag"))
        if found.group("url") is not None:
            return quote(refs[int(found.group("url"))].group(0), safe="")
        return link(refs[int(found.group("n"))])

    return _PLACED.sub(put_back, html)


def render_markdown(text: str, resolve: Resolver, doc_id: str = "", links: dict[str, str] | None = None) -> str:
    """HTML for one Markdown text; ``doc_id`` keeps footnote ids unique on a page.

    ``links`` remembers the HTML of each reference (by its source text) across calls
    that share one ``resolve``: a reference's link depends on nothing else.
    """
    if not text.strip():
        return ""
    refs: list[re.Match] = []
    if "[[" in text:
        def place(match: re.Match) -> str:
            if is_escaped(text, match.start()):
                return match.group(0)
            refs.append(match)
            return f"{_OPEN}{len(refs) - 1}{_CLOSE}"

        text = XREF.sub(place, text)
    html = _MD.render(text)
    if refs:
        html = _restore(html, refs, resolve, {} if links is None else links)
    if "<h" in html:
        html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}>", html)
    if doc_id and "footnote" in html:
        html = _FOOTNOTE_ID.sub(lambda m: f'{m.group(1)}fn{m.group(2) or ""}-{doc_id}-{m.group(3)}"', html)
    return html
