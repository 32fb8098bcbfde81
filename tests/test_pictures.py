"""The pictures: every number drawn or tabled is the archive's own, counted here afresh from
the letters; sizes stay bounded; output is deterministic; the base map is the script's."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO

from docket.archive.link import index_key
from docket.engine.build import build, check
from docket.site.pictures import Pictures, network, years
from docket.site.pictures import map as map_module
from docket.site.timeline import UNDATED, placement
from docket.site.views import Views

PLOT_HEIGHT = years.HEIGHT - years.TOP - years.BOTTOM


class Figure:
    def __init__(self) -> None:
        self.title = ""
        self.rows: list[list[str]] = []
        self.svg: list[tuple[str, dict, str]] = []  # (tag, attributes, text)

    def elements(self, tag: str, cls: str = "") -> list[tuple[dict, str]]:
        return [(a, t) for g, a, t in self.svg if g == tag and (not cls or cls in a.get("class", "").split())]


class Figures(HTMLParser):
    """The pictures of one page by kind: their SVG elements and their tables' body rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: dict[str, Figure] = {}
        self.current: Figure | None = None
        self.in_svg = self.in_body = self.in_title = False
        self.cell: list[str] | None = None
        self.elements = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements += 1
        if tag == "figure" and "picture" in a.get("class", "").split():
            self.current = self.figures[a["class"].split()[1].removeprefix("picture-")] = Figure()
        elif self.current is None:
            return
        if tag == "svg":
            self.in_svg = True
        if self.in_svg:
            self.current.svg.append((tag, a, ""))
        if tag == "span" and a.get("class") == "picture-title":
            self.in_title = True
        if tag == "tbody":
            self.in_body = True
        if tag == "tr" and self.in_body:
            self.current.rows.append([])
        if tag in ("th", "td") and self.in_body:
            self.cell = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        elif self.in_title and self.current:
            self.current.title += data
        elif self.in_svg and self.current and self.current.svg:
            tag, a, text = self.current.svg[-1]
            self.current.svg[-1] = (tag, a, text + data)

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        elif tag == "span":
            self.in_title = False
        elif tag == "tbody":
            self.in_body = False
        elif tag in ("th", "td") and self.cell is not None and self.current:
            self.current.rows[-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "figure":
            self.current = None


def figures(path: Path) -> Figures:
    parser = Figures()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("pictures") / "site"
    build(REPO, output, search=False)
    return output


@pytest.fixture(scope="module")
def site():
    return check(REPO).site


def referred(site, letter) -> set[str]:
    """The entities a letter refers to, read from its own fields and text."""
    targets = {ref.target for ref in letter.refs} | {x.target for x in site.inline.get(letter.id, ())}
    return {t for t in targets if t in site.entities}


def year_rows(letter_ids, site) -> list[list[str]]:
    counted = Counter(placement(site.letters[i].date)[0] for i in letter_ids)
    counted.pop(UNDATED, None)
    return [[year, str(n)] for year, n in sorted(counted.items())]


def check_bars(figure: Figure) -> None:
    """Each bar is as tall as its row's number, against the tallest."""
    counts = [int(n) for _, n in figure.rows]
    bars = figure.elements("rect", "bar")
    assert len(bars) == len(counts)
    for (bar, _), n in zip(bars, counts):
        assert abs(float(bar["height"]) - max(n / max(counts) * PLOT_HEIGHT, 1)) <= 0.06
    assert {int(t) for _, t in figure.elements("text", "value")} <= set(counts)
    assert str(max(counts)) in {t for _, t in figure.elements("text", "value")}


def test_home_letters_per_year_are_the_archives(built, site):
    page = figures(built / "index.html").figures
    assert page["years"].rows == year_rows(site.letters, site) == [["2021", "5"], ["2022", "2"]]
    check_bars(page["years"])


def test_every_entity_page_charts_the_letters_that_refer_to_it(built, site):
    charted = 0
    for entity_id, entity in site.entities.items():
        letters = [i for i, letter in site.letters.items() if entity_id in referred(site, letter)]
        page = figures(built / site.url(entity_id).strip("/") / "index.html").figures
        if not letters:
            assert "years" not in page
            continue
        assert page["years"].rows == year_rows(letters, site), entity_id
        check_bars(page["years"])
        charted += 1
    assert charted >= 10


def correspondents_of(site, person: str) -> list[list[str]]:
    """Each letter counted once for each correspondent: to them if the person wrote it."""
    to, back = Counter(), Counter()
    for letter in site.letters.values():
        if person in letter.senders:
            to.update(r for r in set(letter.recipients) if r != person)
        elif person in letter.recipients:
            back.update(set(letter.senders))
    rows = [[site.titles[o], str(to[o]), str(back[o]), str(to[o] + back[o])] for o in to | back]
    return sorted(rows, key=lambda r: (-int(r[3]), index_key(r[0])))[: network.STAR_LIMIT]


def test_a_correspondents_network_counts_the_letters_each_way(built, site):
    seen = 0
    for person in site.by_kind["person"] + site.by_kind["organization"]:
        page = figures(built / site.url(person).strip("/") / "index.html").figures
        expected = correspondents_of(site, person)
        if not expected:
            assert "network" not in page
            continue
        star = page["network"]
        assert star.rows == expected, person
        assert len(star.elements("line", "edge")) == len(expected)
        assert sorted(t for _, t in star.elements("text", "value")) == sorted(r[3] for r in expected)
        seen += 1
    assert seen >= 3  # Khamenei, Haniyeh, al-Nakhalah


def test_a_correspondence_charts_its_letters_per_year(built, site):
    seen = 0
    for first in site.by_kind["person"]:
        for second in site.by_kind["person"]:
            letters = [i for i, letter in site.letters.items()
                       if (first in letter.senders and second in letter.recipients) or (second in letter.senders and first in letter.recipients)]
            if first >= second or not letters:
                continue
            page = figures(built / "correspondence" / f"{first}--{second}" / "index.html").figures
            assert page["years"].rows == year_rows(letters, site)
            check_bars(page["years"])
            seen += 1
    assert seen == 2  # Khamenei with al-Nakhalah and with Haniyeh


def test_the_archives_network_joins_its_top_correspondents(built, site):
    pairs, active = Counter(), Counter()
    for letter in site.letters.values():
        active.update(set(letter.senders) | set(letter.recipients))
        pairs.update({frozenset((s, r)) for s in letter.senders for r in letter.recipients if s != r})
    top = sorted(active, key=lambda i: (-active[i], site.titles[i].casefold()))[: network.NETWORK_LIMIT]
    expected = sorted(([*sorted((site.titles[a] for a in pair), key=lambda t: t.casefold()), str(n)]
                       for pair, n in pairs.items() if pair <= set(top)), key=lambda r: (-int(r[2]), r[0].casefold(), r[1].casefold()))
    drawn = figures(built / "index.html").figures["network"]
    assert [sorted(r[:2], key=str.casefold) + r[2:] for r in drawn.rows] == expected
    assert len(drawn.elements("line", "edge")) == len(expected) + 2  # and the legend's two
    assert len(drawn.elements("circle", "node")) == len(top)


def test_the_places_map_marks_every_place_with_coordinates(built, site):
    letters = Counter(t for letter in site.letters.values() for t in referred(site, letter))
    places = {site.titles[i]: (site.entities[i].coordinates, letters[i]) for i in site.by_kind["place"] if site.entities[i].coordinates}
    assert set(places) == {"Baghdad", "Gaza Strip", "Iran", "Tehran", "West Bank"}
    drawn = figures(built / "places" / "index.html").figures["map"]
    assert {r[0]: int(r[2]) for r in drawn.rows} == {name: n for name, (_, n) in places.items()}
    assert [int(r[2]) for r in drawn.rows] == sorted((n for _, n in places.values()), reverse=True)
    for name, _, n in drawn.rows:
        (lat, lon), _ = places[name]
        assert f"{abs(lat):.2f}° N, {abs(lon):.2f}° E" in [r[1] for r in drawn.rows if r[0] == name]
    radii = [float(a["r"]) for a, _ in drawn.elements("circle", "marker")]
    assert len(radii) == len(places) and len(drawn.elements("path", "land")) == 1
    # a place's page: itself, marked as the page's own, among its neighbours
    tehran = figures(built / "places" / "tehran" / "index.html").figures["map"]
    assert tehran.rows[0][0] == "Tehran" and len(tehran.elements("circle", "current")) == 1
    assert "map" not in figures(built / "people" / "ali-khamenei" / "index.html").figures


def test_wide_spans_are_binned_and_every_chart_stays_small():
    one = years.years_picture(Counter({"1552": 7}))
    assert one.rows == (("1552", 7),) and one.columns == ("Year", "Letters")
    wide = years.years_picture(Counter({"1500": 2, "1501": 1, "1999": 4, UNDATED: 3}))
    assert wide.columns[0] == "Decade" and wide.rows == (("1500s", 3), ("1990s", 4))
    assert "3 undated letters" in wide.note
    assert wide.svg.count("<rect") == 2 and wide.svg.count("<text") <= 3 + 60
    every = years.years_picture(Counter({str(y): 1 for y in range(1, 5001)}))
    assert every.columns[0] == "Century" and len(every.rows) == 51
    assert every.svg.count("<rect") <= years.MAX_BARS + 1 and len(every.svg) < 12_000
    assert years.years_picture(Counter({UNDATED: 4})) is None


def crowd(scratch_site, people: int, places: int, letters: int) -> Path:
    files = {f"content/people/p{i:03d}.md": f"---\nname: Person {i:03d}\ndescription: Someone.\n---\n" for i in range(people)}
    files |= {f"content/places/q{i:03d}.md": f"---\nname: Place {i:03d}\ndescription: Somewhere.\ncoordinates: {{lat: {30 + i % 20}.5, lon: {i % 40}.25}}\n---\n"
              for i in range(places)}
    for n in range(letters):
        a, b = n % people, (n * 7 + 1) % people
        b = (b + 1) % people if a == b else b
        files[f"content/letters/l{n:04d}.md"] = (
            f"---\ndate: {1500 + n % 300}-01-01\nsenders: [p{a:03d}, p000]\nrecipients: [p{b:03d}]\nplace_sent: q{n % places:03d}\n"
            f"text: full\nsource: {{title: S}}\n---\nText.\n"
        ).replace("senders: [p000, p000]", "senders: [p000]")
    return scratch_site(files, with_people=False)


def test_pictures_are_bounded_and_the_same_each_time(scratch_site, tmp_path):
    source = crowd(scratch_site, people=60, places=90, letters=900)
    checked = check(source)
    assert not checked.problems.errors, [p.format() for p in checked.problems.sorted()]
    site = checked.site
    made = [Pictures(site, Views(site, "/")) for _ in range(2)]
    home, again = made[0].home(), made[1].home()
    assert [p.svg for p in home] == [p.svg for p in again]
    network_picture = home[1]
    assert network_picture.svg.count('class="node"') == network.NETWORK_LIMIT
    assert len(network_picture.rows) <= network.EDGE_LIMIT
    star = made[0].entity(site.entities["p000"])[1]
    assert len(star.rows) == network.STAR_LIMIT and "of 59 correspondents" in star.note
    places = made[0].entity_index("place")[0]
    assert len(places.rows) == map_module.MAP_LIMIT and "of 90 places" in places.note
    output = tmp_path / "out"
    build(source, output, search=False)
    for page in (output / "index.html", output / "places" / "index.html", output / "people" / "p000" / "index.html"):
        parsed = figures(page)
        drawn = sum(1 for f in parsed.figures.values() for _ in f.svg) + sum(4 * len(f.rows) for f in parsed.figures.values())
        assert drawn < 700, page


def test_the_base_map_is_what_the_script_makes(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(wheels), "geopandas==0.14.4"], check=True)
    made = tmp_path / "basemap.json"
    subprocess.run([sys.executable, str(REPO / "tools" / "make_basemap.py"), str(next(wheels.glob("*.whl"))), str(made)], check=True)
    shipped = REPO / "src" / "docket" / "site" / "pictures" / "basemap.json"
    assert made.read_bytes() == shipped.read_bytes()
    assert len(shipped.read_bytes()) < 60_000


@pytest.mark.parametrize("spread", [range(1541, 2023, 3), range(2001, 2031), range(1200, 2001, 7), [1552, 1553]])
def test_the_axis_labels_of_the_years_chart_stay_inside_it_and_clear_of_each_other(spread):
    import re

    counts = Counter({str(year): 1 + year % 3 for year in spread})
    svg = years.years_picture(counts).svg
    labels = [(float(x), label) for x, label in re.findall(r'<text x="([\d.]+)" y="[\d.]+" class="axis" text-anchor="middle">([^<]+)</text>', svg)]
    step, counted = years.bins(counts)
    assert labels and labels[0][1] == years.bin_label(counted[0][0], step), svg
    edges = [(x - len(label) * years.AXIS_CHAR / 2, x + len(label) * years.AXIS_CHAR / 2) for x, label in labels]
    assert all(0 <= left and right <= years.WIDTH for left, right in edges), labels
    assert all(right + years.AXIS_GAP <= left for (_, right), (left, _) in zip(edges, edges[1:])), labels
