"""A tiny SVG writer: elements with their attributes, numbers written the same way every time.

The pictures are strings of SVG put straight into the page. Everything drawn from content
(a name, a label) is escaped here; every coordinate is rounded to a tenth, so that the same
archive gives the same bytes and the markup stays small.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


def num(value: float) -> str:
    """A coordinate to a tenth, in its shortest form: 12.0 -> "12", -0.04 -> "0"."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _attribute_name(name: str) -> str:
    """``class_`` -> ``class``, ``text_anchor`` -> ``text-anchor``."""
    return name.rstrip("_").replace("_", "-")


def attrs(attributes: dict[str, object]) -> str:
    out = []
    for name, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, float):
            shown = num(value)
        elif isinstance(value, int):
            shown = str(value)
        else:
            shown = str(escape(value))
        out.append(f' {_attribute_name(name)}="{shown}"')
    return "".join(out)


def element(tag: str, content: str = "", **attributes: object) -> str:
    """``<tag a="…">content</tag>``; ``content`` is markup already (see :func:`text`)."""
    if not content:
        return f"<{tag}{attrs(attributes)}/>"
    return f"<{tag}{attrs(attributes)}>{content}</{tag}>"


def text(content: str, **attributes: object) -> str:
    """A ``<text>`` element holding ``content``, escaped."""
    return element("text", str(escape(content)), **attributes)


def svg(picture_id: str, label: str, width: int, height: int, body: list[str]) -> Markup:
    """The picture's ``<svg>``: an image named by its own ``<title>``, sized by its viewBox."""
    title = element("title", str(escape(label)), id=f"{picture_id}-svg-title")
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{picture_id}-svg-title" class="picture-svg">{title}{"".join(body)}</svg>'
    )


def shorten(name: str, limit: int = 22) -> str:
    """A name cut to ``limit`` characters for a label (the table gives it whole)."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Picture:
    """What a page shows of a picture: a caption, the SVG, and the same numbers as a table.

    ``kind`` ("years", "network", "map") names it on the page (its ids and classes); a
    row's cells are text, numbers or links, the first naming the row.
    """

    kind: str
    title: str
    note: str
    svg: Markup
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
