"""Make the base map of docket's place maps from Natural Earth's public-domain outlines.

docket draws its maps on the world's country outlines, shipped in the package as
``src/docket/site/pictures/basemap.json``. This script writes that file. It is run by
hand, at development time only: the build never reads a shapefile.

The outlines are Natural Earth's 1:110m "Admin 0 – Countries" (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as bundled in the geopandas 0.14.4
wheel, read with pyshp::

    pip download geopandas==0.14.4 --no-deps -d /tmp/wheels
    pip install pyshp
    python tools/make_basemap.py /tmp/wheels/geopandas-0.14.4-py3-none-any.whl

Each ring is simplified (Douglas-Peucker, ``TOLERANCE`` degrees), rounded to a tenth of a
degree and written as SVG path data in an equirectangular projection: x is longitude, y is
latitude negated, both in degrees. Rings that shrink to less than a triangle are dropped.
The output is sorted and has no date in it, so the same input gives the same file.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp

SHAPEFILE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUTPUT = Path(__file__).resolve().parent.parent / "src" / "docket" / "site" / "pictures" / "basemap.json"
TOLERANCE = 0.3  # degrees
NOTE = (
    "Country outlines simplified from Natural Earth 1:110m Admin 0 - Countries "
    "(naturalearthdata.com), which is in the public domain; made by tools/make_basemap.py."
)

Point = tuple[float, float]


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the points that keep the line within ``tolerance`` of the original."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, index = -1.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            if length:
                distance = abs(dy * (x - x1) - dx * (y - y1)) / length
            else:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > farthest:
                farthest, index = distance, i
        if index >= 0 and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep) if kept]


def tenths(value: float) -> int:
    return round(value * 10)


def ring_path(points: list[Point]) -> tuple[str, tuple[int, int, int, int]] | None:
    """A closed ring as relative SVG path data in tenths of a degree, and its bounds."""
    grid: list[tuple[int, int]] = []
    for lon, lat in simplify(points, TOLERANCE):
        p = (tenths(lon), tenths(-lat))
        if not grid or grid[-1] != p:
            grid.append(p)
    if len(grid) > 1 and grid[0] == grid[-1]:
        grid.pop()
    if len(grid) < 3:
        return None
    xs, ys = [p[0] for p in grid], [p[1] for p in grid]
    parts = [f"M{_number(grid[0][0])} {_number(grid[0][1])}"]
    for (ax, ay), (bx, by) in zip(grid, grid[1:]):
        parts.append(f"{_number(bx - ax)} {_number(by - ay)}")
    return "l".join(parts) + "z", (min(xs), min(ys), max(xs), max(ys))


def _number(n: int) -> str:
    """Tenths as degrees, shortest form: 12 -> "1.2", -3 -> "-.3", 40 -> "4"."""
    text = f"{n / 10:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def rings(reader: shapefile.Reader) -> list[list[Point]]:
    out = []
    for shape in reader.shapes():
        bounds = list(shape.parts) + [len(shape.points)]
        for start, end in zip(bounds, bounds[1:]):
            out.append([(float(x), float(y)) for x, y in shape.points[start:end]])
    return out


def basemap(reader: shapefile.Reader) -> dict:
    """The base map: every ring's bounds (in tenths of a degree) and path, sorted."""
    polygons = sorted({(*bounds, path) for ring in rings(reader) if (made := ring_path(ring)) for path, bounds in [made]})
    return {"note": NOTE, "unit": "path data in degrees; bounds in tenths of a degree", "polygons": [list(p) for p in polygons]}


def read_wheel(wheel: Path) -> shapefile.Reader:
    with zipfile.ZipFile(wheel) as archive:
        files = {ext: io.BytesIO(archive.read(f"{SHAPEFILE}.{ext}")) for ext in ("shp", "shx", "dbf")}
    return shapefile.Reader(**files)


def render(data: dict) -> str:
    lines = ",\n".join(json.dumps(p, separators=(",", ":")) for p in data["polygons"])
    head = json.dumps({"note": data["note"], "unit": data["unit"]}, ensure_ascii=False)[:-1]
    return f'{head}, "polygons": [\n{lines}\n]}}\n'


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(f"usage: python {argv[0]} geopandas-0.14.4-py3-none-any.whl [output]", file=sys.stderr)
        return 2
    output = Path(argv[2]) if len(argv) == 3 else OUTPUT
    output.write_text(render(basemap(read_wheel(Path(argv[1])))), encoding="utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
