"""The one Markdown parser: markdown-it-py set up for archival text.

CommonMark with tables and footnotes (editorial notes). Raw HTML is off: a tag in a
transcription is shown as text. No typographic replacements: a transcription keeps its
quotes and dashes as the source has them. markdown-it's link validation refuses
``javascript:``, ``vbscript:``, ``file:`` and non-image ``data:`` URLs.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from .footnotes import footnotes_plugin
from .headings import headings_plugin
from .locate import ENV_KEY, locate_plugin
from .paragraphs import ENV_KEY as ANCHORS
from .paragraphs import paragraphs_plugin
from .prose import ENV_KEY as PROSE_KEY
from .prose import prose_plugin
from .xref import Rendered, xref_plugin

_MD = (
    MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": False})
    .enable("table")
    .use(footnote_plugin)
    .use(footnotes_plugin)
    .use(xref_plugin)
    .use(headings_plugin)
    .use(locate_plugin)
    .use(paragraphs_plugin)
    .use(prose_plugin)
)


def render_source(text: str, doc_id: str = "", anchors: bool = False) -> Rendered:
    """Parse one Markdown text: its HTML, with a slot for each reference, and the references.

    ``doc_id`` keeps the text's footnote ids apart from those of the page's other texts
    (``fn-note-1`` rather than ``fn1``); ``anchors`` gives each top-level paragraph an
    anchor to cite it by (``paragraphs``).
    """
    if not text.strip():
        return Rendered("")
    env: dict = {"docId": doc_id} if doc_id else {}
    if anchors:
        env[ANCHORS] = True
    html = _MD.render(text, env)
    return Rendered(html, env.get(ENV_KEY, ()), env.get(PROSE_KEY))


def render_inline_source(text: str) -> Rendered:
    """Parse one line of Markdown (a summary): emphasis, code, links and references, no
    paragraphs; HTML to stand inside an element of the template's choosing."""
    if not text.strip():
        return Rendered("")
    env: dict = {}
    html = _MD.renderInline(text, env)
    return Rendered(html, env.get(ENV_KEY, ()), env.get(PROSE_KEY))
