"""A map of places with coordinates, each marked by a circle whose area grows with its letters.

The base map is ``basemap.json``: country outlines simplified from Natural Earth (public
domain) by ``tools/make_basemap.py``, as SVG path data in degrees (x = longitude,
y = -latitude). A map is equirectangular: it frames its places, keeps only the outlines
that cross the frame, and scales them with one transform. At most ``MAP_LIMIT`` places
are marked (the ones with the most letters); a label goes where it overlaps no other,
and the table names every place marked, with its coordinates and letters.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from docket.site.pictures.svg import Picture, element, num, shorten, svg, text
from docket.site.views import Link

MAP_LIMIT = 50
WIDTH, HEIGHT = 640, 360
MIN_SPAN = 24.0  # degrees of longitude a map shows at least
CHAR = 8.0  # px an average character of a label takes
ATTRIBUTION = "Country outlines: Natural Earth, public domain."


@dataclass(frozen=True, slots=True)
class Spot:
    """A place to mark: its link, where it is, and its letters."""

    link: Link
    latitude: float
    longitude: float
    letters: int


@lru_cache(maxsize=1)
def basemap() -> tuple[tuple[int, int, int, int, str], ...]:
    """The outlines: (min x, min y, max x, max y in tenths of a degree, path data)."""
    data = json.loads(resources.files("docket.site.pictures").joinpath("basemap.json").read_text(encoding="utf-8"))
    return tuple((a, b, c, d, path) for a, b, c, d, path in data["polygons"])


def frame(spots: list[Spot]) -> tuple[float, float, float]:
    """(west longitude, north latitude, degrees across) that hold every spot, with a margin."""
    west, east = min(s.longitude for s in spots), max(s.longitude for s in spots)
    south, north = min(s.latitude for s in spots), max(s.latitude for s in spots)
    across = max((east - west) * 1.3, (north - south) * 1.3 * WIDTH / HEIGHT, MIN_SPAN)
    across = min(across, 360.0)
    down = across * HEIGHT / WIDTH
    centre_lon = min(max((west + east) / 2, -180 + across / 2), 180 - across / 2)
    centre_lat = (south + north) / 2
    return centre_lon - across / 2, centre_lat + down / 2, across


def _land(west: float, north: float, across: float) -> str:
    scale = WIDTH / across
    left, top = west * 10, -north * 10
    right, bottom = left + across * 10, top + across * HEIGHT / WIDTH * 10
    d = "".join(path for x0, y0, x1, y1, path in basemap() if x1 >= left and x0 <= right and y1 >= top and y0 <= bottom)
    if not d:
        return ""
    matrix = f"matrix({scale:.4f} 0 0 {scale:.4f} {num(-west * scale)} {num(north * scale)})"
    return element("path", d=d, transform=matrix, class_="land", vector_effect="non-scaling-stroke")


def _overlaps(box: tuple[float, float, float, float], taken: list[tuple[float, float, float, float]]) -> bool:
    x0, y0, x1, y1 = box
    if x0 < 0 or y0 < 0 or x1 > WIDTH or y1 > HEIGHT:
        return True
    return any(x0 < b2 and b0 < x1 and y0 < b3 and b1 < y1 for b0, b1, b2, b3 in taken)


def _label(name: str, x: float, y: float, r: float, taken: list) -> str:
    """The spot's label beside it (right, left, above, below), or "" when it would overlap one."""
    w, h = len(name) * CHAR, 16.0
    for box, tx, ty, anchor in (
        ((x + r + 3, y - h / 2, x + r + 3 + w, y + h / 2), x + r + 3, y + 5, "start"),
        ((x - r - 3 - w, y - h / 2, x - r - 3, y + h / 2), x - r - 3, y + 5, "end"),
        ((x - w / 2, y - r - 2 - h, x + w / 2, y - r - 2), x, y - r - 5, "middle"),
        ((x - w / 2, y + r + 2, x + w / 2, y + r + 2 + h), x, y + r + 15, "middle"),
    ):
        if not _overlaps(box, taken):
            taken.append(box)
            return text(name, x=tx, y=ty, class_="label halo", text_anchor=anchor)
    return ""


def rank(spots: list[Spot]) -> list[Spot]:
    """Most letters first, then by name: the order a map picks its spots in."""
    return sorted(spots, key=lambda s: (-s.letters, s.link.title.casefold(), s.link.url))


def _inside(spot: Spot, west: float, north: float, across: float) -> bool:
    return west <= spot.longitude <= west + across and north - across * HEIGHT / WIDTH <= spot.latitude <= north


def map_picture(ranked: list[Spot], title: str, current: Spot | None = None) -> Picture | None:
    """A map of the first ``MAP_LIMIT`` of ``ranked`` (see :func:`rank`); or, with
    ``current``, of that place and those of ``ranked`` around it."""
    if current is not None:
        west, north, across = frame([current])
        shown = [current] + [s for s in ranked if s is not current and _inside(s, west, north, across)][: MAP_LIMIT - 1]
    elif ranked:
        shown = ranked[:MAP_LIMIT]
        west, north, across = frame(shown)
    else:
        return None
    scale = WIDTH / across
    most = max(max(s.letters for s in shown), 1)
    placed = []
    for spot in shown:
        x, y = (spot.longitude - west) * scale, (north - spot.latitude) * scale
        if 0 <= x <= WIDTH and 0 <= y <= HEIGHT:
            placed.append((spot, x, y, 3.0 + 9.0 * math.sqrt(spot.letters / most)))
    taken: list = [(x - r, y - r, x + r, y + r) for _, x, y, r in placed]  # labels keep off every marker
    labels = [_label(f"{shorten(s.link.title, 20)} ({s.letters})", x, y, r, taken) for s, x, y, r in placed]
    markers = [element("circle", cx=x, cy=y, r=r, class_="marker current" if s is current else "marker")
               for s, x, y, r in sorted(placed, key=lambda p: -p[3])]
    body = [element("rect", x=0.0, y=0.0, width=float(WIDTH), height=float(HEIGHT), class_="sea"), _land(west, north, across)] + markers + labels
    names = ", ".join(f"{s.link.title} ({s.letters})" for s, *_ in placed[:5]) + (", …" if len(placed) > 5 else "")
    label = f"Map of {len(placed)} {'place' if len(placed) == 1 else 'places'}, each a circle as large as its letters: {names}."
    rows = tuple((s.link, _where(s.latitude, s.longitude), s.letters) for s, *_ in placed)
    note = "A circle's area grows with the letters sent from, received at or mentioning the place. " + ATTRIBUTION
    if current is None and len(ranked) > len(shown):
        note = f"The {len(shown)} of {len(ranked)} places with the most letters. " + note
    return Picture("map", title, note, svg("picture-map", label, WIDTH, HEIGHT, [b for b in body if b]), ("Place", "Coordinates", "Letters"), rows)


def _where(latitude: float, longitude: float) -> str:
    return f"{abs(latitude):.2f}° {'N' if latitude >= 0 else 'S'}, {abs(longitude):.2f}° {'E' if longitude >= 0 else 'W'}"
