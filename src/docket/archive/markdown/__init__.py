"""Markdown: archival text through markdown-it-py, with the ``[[cross-reference]]`` syntax.

A text is parsed once, when its file is read (and the build cache keeps the result with
the file): :func:`render_source` gives its HTML, with a *slot* where each cross-reference
goes, and the references themselves, found by the same parse. The link stage resolves
those references and reports the ones that point nowhere; the render stage fills the
slots (:func:`fill_links`). So what a page shows as a link is exactly what the link stage
resolved, and a reference inside code is text everywhere.

The parser (``parser``) is CommonMark with tables and footnotes, raw HTML off and no
typographic replacements; each docket rule has a module of its own (``xref``,
``headings``, ``locate``, ``paragraphs``).
"""

from __future__ import annotations

from .parser import render_inline_source, render_source
from .slots import Resolver, fill_links
from .xref import InlineRef, Rendered

__all__ = ["InlineRef", "Rendered", "Resolver", "fill_links", "render_inline_source", "render_source"]
