"""Slots: where a parsed text's cross-references go, filled once the site is linked.

A slot is ``NUL``, a letter (``a`` for a link, ``t`` for text alone), the reference's
number and ``NUL`` again. No text from content can make one: markdown-it replaces every
NUL character of its input with U+FFFD before it parses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from .xref import Rendered

#: resolves (target id, fragment) to (url, title), or None when it points nowhere
Resolver = Callable[[str, str], Optional[tuple[str, str]]]

_SLOT = re.compile("\x00([at])([0-9]+)\x00")


def link_slot(number: int) -> str:
    return f"\x00a{number}\x00"


def text_slot(number: int) -> str:
    return f"\x00t{number}\x00"


def escape(text: str) -> str:
    """HTML-escape as markdown-it does: ``&``, ``<``, ``>`` and ``"``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def fill_links(rendered: Rendered, resolve: Resolver) -> str:
    """The HTML of a parsed text, each reference resolved: a link, or a marked-up name
    when it points nowhere (a build reports that as an error before it renders)."""
    if not rendered.refs:
        return rendered.html

    def fill(slot: re.Match) -> str:
        ref = rendered.refs[int(slot.group(2))]
        found = resolve(ref.target, ref.fragment)
        shown = ref.label or (found[1] if found else ref.target)
        if slot.group(1) == "t":
            return escape(shown)
        if found is None:
            return f'<span class="xref xref-missing">{escape(shown)}</span>'
        return f'<a class="xref" href="{escape(found[0])}">{escape(shown)}</a>'

    return _SLOT.sub(fill, rendered.html)
