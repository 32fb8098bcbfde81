"""The bar of years stays small when an archive spans centuries.

An archive of letters from 1541 to 2022 gets, instead of a link for each of its many
years, a row of centuries; a year's page opens its century into decades and its decade
into years, each row in time order and marked where the page stands. Every year's page
is reachable through the bars, and every count is the archive's. An entity's table of
letters by year, its role lists' links to each year and an event's links to the
timeline count and link centuries the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from conftest import letter
from test_bounded_referrers import write

from docket.engine.build import build
from docket.site.timeline import Year
from docket.site.year_bar import MAX_LINKS, YearBar

YEARS = list(range(1541, 2023, 3))  # 161 years with letters: 49 decades, 6 centuries


class _Bar(HTMLParser):
    """The rows of a page's year bar: (row's label, [(href, aria-current, text)])."""

    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.rows: list[tuple[str, list[list]]] = []
        self.in_bar = False
        self.link: list | None = None
        self.elements = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "nav" and attributes.get("class") == "year-bar":
            self.in_bar = True
        if not self.in_bar:
            return
        self.elements += 1
        if tag == "ul":
            self.rows.append((attributes.get("aria-label", ""), []))
        if tag == "a":
            self.link = [urljoin(self.url, attributes["href"]), attributes.get("aria-current", ""), ""]
            self.rows[-1][1].append(self.link)

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_bar = False
        if tag == "a":
            self.link = None

    def handle_data(self, data):
        if self.link is not None:
            self.link[2] += data


def bar(output, url: str) -> _Bar:
    parser = _Bar(url)
    parser.feed((output / url.strip("/") / "index.html").read_text(encoding="utf-8"))
    return parser


def _shown(row) -> list[tuple[str, str, str]]:
    """(href, aria-current, label and count as read aloud) of each link of a row."""
    return [(href, current, " ".join(text.split())) for href, current, text in row[1]]


def centuries_files() -> dict[str, str]:
    """The site: letters every third year from 1541 to 2022, all from one person to
    another and during one event; and an undated one."""
    files = {
        "content/people/ali-khamenei.md": "---\nname: Ali Khamenei\ndescription: Someone.\n---\n",
        "content/people/ismail-haniyeh.md": "---\nname: Ismail Haniyeh\ndescription: Someone.\n---\n",
        "content/events/long-war.md": "---\nname: Long War\ndescription: A war of centuries.\nstart: 1541\nend: 2022\n---\n",
        "content/letters/undated.md": letter("senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {title: A source}\n"),
    }
    for year in YEARS:
        for n in range(1 + year % 2):  # two letters in odd years, one in even ones
            front = f"date: {year}-03-0{n + 1}\nsenders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {{title: A source}}\n"
            files[f"content/letters/l-{year}-{n}.md"] = letter(front)
    return files


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("centuries")
    write(folder, centuries_files())
    build(folder, folder / "site", search=False)
    return folder / "site"


def _letters(years) -> int:
    return sum(1 + year % 2 for year in years)


def test_the_letters_index_links_centuries_in_order_with_their_counts(output):
    found = bar(output, "/letters/")
    assert len(found.rows) == 1
    label, _ = found.rows[0]
    assert label == "Centuries"
    centuries = sorted({year // 100 * 100 for year in YEARS})
    expected = [("/letters/", "page", f"All years : {_letters(YEARS) + 1} letters")]
    for start in centuries:
        inside = [year for year in YEARS if start <= year < start + 100]
        expected.append((f"/letters/{inside[0]}/", "", f"{start}–{start + 99} : {_letters(inside)} letters"))
    expected.append(("/letters/undated/", "", "Undated : 1 letter"))
    assert _shown(found.rows[0]) == expected


def test_a_year_page_opens_its_century_and_decade(output):
    found = bar(output, "/timeline/1553/")
    assert [label for label, _ in found.rows] == ["Centuries", "Decades of 1500–1599", "Years of 1550s"]
    centuries, decades, years = (_shown(row) for row in found.rows)
    assert [current for _, current, _ in centuries] == ["", "true"] + [""] * 6
    expected = []
    for start in range(1540, 1600, 10):
        inside = [year for year in YEARS if start <= year < start + 10]
        expected.append((f"/timeline/{inside[0]}/", "true" if start == 1550 else "", f"{start}s : {_letters(inside)} letters"))
    assert decades == expected
    assert years == [
        ("/timeline/1550/", "", "1550 : 1 letter"),
        ("/timeline/1553/", "page", "1553 : 2 letters"),
        ("/timeline/1556/", "", "1556 : 1 letter"),
        ("/timeline/1559/", "", "1559 : 2 letters"),
    ]


def test_every_year_is_reached_through_the_bars_and_each_bar_stays_small(output):
    seen, queue, largest = set(), ["/letters/"], 0
    while queue:
        url = queue.pop()
        found = bar(output, url)
        largest = max(largest, found.elements)
        for _, links in found.rows:
            for href, _, _ in links:
                if href not in seen:
                    seen.add(href)
                    queue.append(href)
    assert seen == {"/letters/", "/letters/undated/"} | {f"/letters/{year}/" for year in YEARS}
    assert largest < 6 * (MAX_LINKS + 2) and largest < 6 * len(YEARS) / 2


def test_a_span_of_millennia_is_grouped_into_millennia_and_opened_down_to_years():
    years = [Year(str(n), str(n), letter_count=1) for n in range(1001, 6001)]
    rows = YearBar(years).rows("1552")
    assert [row.label for row in rows] == ["Millennia", "Centuries of 1000–1999", "Decades of 1500–1599", "Years of 1550s"]
    assert [len(row.spans) for row in rows] == [6, 10, 10, 10]
    assert Counter(span.current for row in rows for span in row.spans) == Counter({"": 32, "true": 3, "page": 1})
    assert (rows[0].spans[0].label, rows[0].spans[0].slug, rows[0].spans[0].letter_count) == ("1000–1999", "1001", 999)


def test_a_few_decades_keep_a_link_for_each_year():
    years = [Year(str(n), str(n), letter_count=1) for n in range(1990, 1990 + MAX_LINKS)]
    assert YearBar(years).rows("1995") == []


CENTURIES = [f"{start}–{start + 99}" for start in range(1500, 2100, 100)]


def _first_in(start: int) -> int:
    return next(year for year in YEARS if start <= year < start + 100)


def _read(output, url: str) -> str:
    return (output / url.strip("/") / "index.html").read_text(encoding="utf-8")


def _counts_by_century(output, url: str) -> tuple[str, list[int]]:
    """The page's table of letters by century (asserted to be one), and the letters of
    each century with letters, then the undated one."""
    html = _read(output, url)
    assert '<h2 id="by-year-heading">Letters by century</h2>' in html
    start = html.index('<table class="counts">')
    counts = [_letters([y for y in YEARS if first <= y < first + 100]) for first in range(1500, 2100, 100)]
    return html[start : html.index("</table>", start)], counts + [1]


def test_an_entity_of_many_years_counts_its_letters_by_century(output):
    table, counts = _counts_by_century(output, "/people/ali-khamenei/")
    assert '<th scope="col">Century</th><th scope="col">Sent</th>' in table
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td><a href="([^"]+)">(\d+)</a></td>', table)
    assert [label for label, _, _ in rows] == CENTURIES + ["Undated"]
    assert [int(n) for _, _, n in rows] == counts
    for (_, href, _), start in zip(rows, range(1500, 2100, 100)):
        target, _, anchor = urljoin("/people/ali-khamenei/", href).partition("#")
        assert anchor == f"y-{_first_in(start)}" and f'id="{anchor}"' in _read(output, target)


def test_a_role_list_of_many_years_links_where_each_century_begins(output):
    html = _read(output, "/people/ali-khamenei/sent/3/")
    jumps = html[html.index('<nav class="jump-bar" aria-label="Years">') :]
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', jumps[: jumps.index("</nav>")])
    assert [label for _, label in links] == CENTURIES + ["Undated"]
    for href, label in links[:-1]:
        target, _, anchor = urljoin("/people/ali-khamenei/sent/3/", href).partition("#")
        assert anchor == f"y-{_first_in(int(label[:4]))}" and f'id="{anchor}"' in _read(output, target)


def test_an_event_of_many_years_links_the_timeline_by_century(output):
    html = _read(output, "/events/long-war/")
    lede = html[html.index("The timeline lists them all:") :]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', lede[: lede.index("</p>")])
    expected = [(f"/timeline/{_first_in(start)}/", label) for start, label in zip(range(1500, 2100, 100), CENTURIES)]
    assert [(urljoin("/events/long-war/", href), label) for href, label in links] == expected


def test_a_correspondence_of_many_years_counts_its_letters_by_century(output):
    table, counts = _counts_by_century(output, "/correspondence/ali-khamenei--ismail-haniyeh/")
    assert '<th scope="col">Century</th><th scope="col">From <bdi>Ali Khamenei</bdi></th>' in table
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td><td>(\d+)</td></tr>', table)
    assert [label for label, _, _ in rows] == CENTURIES + ["Undated"]
    assert [(int(one), int(other)) for _, one, other in rows] == [(n, 0) for n in counts]


def test_a_correspondence_of_a_few_years_counts_its_letters_by_year(tmp_path):
    files = {key: value for key, value in centuries_files().items() if not key.startswith("content/letters/")}
    for name, year, sender, recipient in (("a", 2021, "ali-khamenei", "ismail-haniyeh"), ("b", 2021, "ismail-haniyeh", "ali-khamenei"), ("c", 2023, "ali-khamenei", "ismail-haniyeh")):
        files[f"content/letters/{name}.md"] = letter(f"date: {year}-05-01\nsenders: [{sender}]\nrecipients: [{recipient}]\ntext: full\nsource: {{title: A source}}\n")
    write(tmp_path, files)
    build(tmp_path, tmp_path / "site", search=False)
    html = _read(tmp_path / "site", "/correspondence/ali-khamenei--ismail-haniyeh/")
    assert '<h2 id="by-year-heading">Letters by year</h2>' in html and '<th scope="col">Year</th>' in html
    assert re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td><td>(\d+)</td></tr>', html) == [("2021", "1", "1"), ("2023", "1", "0")]
