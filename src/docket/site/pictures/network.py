"""Who wrote to whom: a correspondent's star of correspondents, and the archive's network.

A correspondent's picture puts them in the middle and their ``STAR_LIMIT`` most frequent
correspondents around them, each line as thick as the letters exchanged and labelled with
their number. The archive's picture sets its ``NETWORK_LIMIT`` most active correspondents
on a circle and draws a line between two of them for the letters they exchanged (the
``EDGE_LIMIT`` heaviest), a legend saying what the thickness means. Both are bounded in
size whatever the archive; their tables give every number drawn.
"""

from __future__ import annotations

import math

from docket.site.pictures.counts import Counts
from docket.site.pictures.svg import Picture, element, shorten, svg, text
from docket.site.views import Views

STAR_LIMIT = 12
NETWORK_LIMIT = 20
EDGE_LIMIT = 40


def _around(n: int, cx: float, cy: float, radius: float) -> list[tuple[float, float, float]]:
    """(x, y, cos) of ``n`` points on a circle, the first at the top, clockwise."""
    out = []
    for index in range(n):
        angle = -math.pi / 2 + 2 * math.pi * index / n
        out.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle), math.cos(angle)))
    return out


def _name_label(name: str, x: float, y: float, cos: float, sin_sign: float, gap: float) -> str:
    anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
    dx = gap if anchor == "start" else -gap if anchor == "end" else 0.0
    dy = 4.0 + (gap + 6 if anchor == "middle" and sin_sign > 0 else -gap - 2 if anchor == "middle" else 0)
    return text(shorten(name), x=x + dx, y=y + dy, class_="label", text_anchor=anchor)


def _width(n: int, most: int) -> float:
    return 1.0 + 6.0 * n / most


def star_picture(counts: Counts, views: Views, entity_id: str) -> Picture | None:
    """The correspondent ``entity_id`` among their most frequent correspondents, or None."""
    ranked = counts.correspondents(entity_id, STAR_LIMIT)
    if not ranked:
        return None
    total = counts.correspondent_count(entity_id)
    width, height, cx, cy, radius = 640, 320, 320.0, 160.0, 118.0
    name = counts.site.titles[entity_id]
    most = max(to + back for _, to, back in ranked)
    lines, labels = [], []
    for (other, to, back), (x, y, cos) in zip(ranked, _around(len(ranked), cx, cy, radius)):
        n = to + back
        lines.append(element("line", x1=cx, y1=cy, x2=x, y2=y, stroke_width=_width(n, most), class_="edge"))
        labels.append(element("circle", cx=x, cy=y, r=5.0, class_="node"))
        labels.append(_name_label(counts.site.titles[other], x, y, cos, y - cy, 9.0))
        mx, my = cx + (x - cx) * 0.58, cy + (y - cy) * 0.58
        labels.append(text(str(n), x=mx, y=my + 4, class_="value halo", text_anchor="middle"))
    centre = [element("circle", cx=cx, cy=cy, r=8.0, class_="node centre"),
              text(shorten(name, 28), x=cx, y=cy - 14, class_="label halo strong", text_anchor="middle")]
    shown = f"the {len(ranked)} with the most letters" if total > len(ranked) else f"all {total}"
    label = f"Network diagram: {name} in the middle, joined to {shown} of {total} correspondents by lines as thick as the letters exchanged, each line labelled with its number."
    rows = tuple((views.link(other), to, back, to + back) for other, to, back in ranked)
    note = f"The {len(ranked)} of {total} correspondents with the most letters exchanged." if total > len(ranked) else ""
    return Picture("network", "Correspondents", note, svg("picture-network", label, width, height, lines + labels + centre),
                   ("Correspondent", "Letters to them", "Letters from them", "In all"), rows)


def archive_network_picture(counts: Counts, views: Views) -> Picture | None:
    """The archive's most active correspondents and the letters between them, or None."""
    top = [i for i, _ in counts.top_correspondents(NETWORK_LIMIT)]
    pairs = [(counts.between(a, b), a, b) for index, a in enumerate(top) for b in top[index + 1:]]
    titles = counts.site.titles
    edges = sorted((p for p in pairs if p[0]), key=lambda p: (-p[0], titles[p[1]].casefold(), titles[p[2]].casefold(), p[1], p[2]))[:EDGE_LIMIT]
    if not edges:
        return None
    width, height, cx, cy, radius = 720, 420, 360.0, 212.0, 160.0
    at = {i: point for i, point in zip(top, _around(len(top), cx, cy, radius))}
    most, least = edges[0][0], edges[-1][0]
    body = [element("line", x1=at[a][0], y1=at[a][1], x2=at[b][0], y2=at[b][1], stroke_width=_width(n, most), class_="edge")
            for n, a, b in reversed(edges)]
    for i in top:
        x, y, cos = at[i]
        body.append(element("circle", cx=x, cy=y, r=5.0, class_="node"))
        body.append(_name_label(titles[i], x, y, cos, y - cy, 9.0))
    body += [
        element("line", x1=8.0, y1=14.0, x2=40.0, y2=14.0, stroke_width=_width(least, most), class_="edge"),
        text(f"{least} {'letter' if least == 1 else 'letters'}", x=46.0, y=18.0, class_="axis"),
        element("line", x1=8.0, y1=34.0, x2=40.0, y2=34.0, stroke_width=_width(most, most), class_="edge"),
        text(f"{most} letters" if most != 1 else "1 letter", x=46.0, y=38.0, class_="axis"),
    ]
    label = (f"Network diagram: the {len(top)} correspondents with the most letters, on a circle, joined by lines "
             f"as thick as the letters between them, from {least} to {most}.")
    rows = tuple((views.link(a), views.link(b), n) for n, a, b in edges)
    note = f"The {len(edges)} pairs with the most letters among them." if len(edges) == EDGE_LIMIT else ""
    return Picture("network", f"Who wrote to whom: the {len(top)} most frequent correspondents", note,
                   svg("picture-network", label, width, height, body), ("Correspondent", "Correspondent", "Letters between them"), rows)
