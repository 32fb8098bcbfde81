"""Dates as archives write them, on built pages: the home page's "Earliest" in time order with
a letter whose start is open, year headings in time order across the common era, and a
``<time>`` element only where a date gives a day, month or year, with a valid value."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import letter

from docket.engine.build import build

DATES = {
    "before-1541": "../1541-07-18",  # 'before 18 July 1541': after the letters of 1533
    "may-1533": "1533-05-02",
    "year-1533": "1533",
    "july-1541": "1541-07-19",
    "nineties": "199X",
    "christmas-156x": "156X-12-25",
    "ides": "-0044-03-15",
    "spring-2001": "2001-21",
    "evening": "1985-04-12T23:20:30Z",
    "year-unknown": "XXXX-12-XX",
    "one-day": "1985-04-12/1985-04-12",
}


def letter_with(date: str) -> str:
    return letter(f"""
        date: "{date}"
        senders: [ali-khamenei]
        recipients: [ismail-haniyeh]
        text: full
        source: {{title: A source}}
        """)


class Dates(HTMLParser):
    """The last part of each link in order, and every <time datetime> and date <span>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.letters: list[str] = []
        self.times: dict[str, str] = {}  # words -> datetime
        self.spans: list[str] = []
        self.headings: list[str] = []
        self._in: tuple[str, str] | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):  # a letter's link ends in its id (the tests keep those)
            self.letters.append(a["href"].rstrip("/").rsplit("/", 1)[-1])
        if tag == "time":
            self._in, self._text = ("time", a.get("datetime") or ""), ""
        elif tag == "span" and a.get("class") == "date":
            self._in, self._text = ("span", ""), ""
        elif tag == "h2":
            self._in, self._text = ("h2", ""), ""

    def handle_data(self, data):
        if self._in:
            self._text += data

    def handle_endtag(self, tag):
        if self._in and tag == {"time": "time", "span": "span", "h2": "h2"}[self._in[0]]:
            kind, value = self._in
            if kind == "time":
                self.times[self._text.strip()] = value
            elif kind == "span":
                self.spans.append(self._text.strip())
            else:
                self.headings.append(self._text.split("(")[0].strip())
            self._in = None


def read(path) -> Dates:
    parser = Dates()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import PEOPLE

    root = tmp_path_factory.mktemp("dates-site")
    files = dict(PEOPLE)
    files.update({f"content/letters/{name}.md": letter_with(date) for name, date in DATES.items()})
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = build(root, search=False)
    assert not result.problems.errors, result.problems.errors
    return root / "site"


def test_the_home_pages_earliest_letters_are_in_time_order_with_an_open_start(built):
    home = read(built / "index.html")
    # 45 BCE, 1533 (the year, then a day in it), then 'before 18 July 1541' -- not first
    assert [i for i in home.letters if i in DATES][:5] == ["ides", "year-1533", "may-1533", "before-1541", "july-1541"]


def test_the_letters_index_files_every_letter_in_time_order(built):
    index = read(built / "letters" / "index.html")
    assert [i for i in index.letters if i in DATES] == ["ides", "year-1533", "may-1533", "before-1541", "july-1541",
                             "christmas-156x", "one-day", "evening", "nineties", "spring-2001",
                             "year-unknown"]
    assert index.headings[:3] == ["45 BCE", "1533", "1541"]


def test_time_elements_only_where_a_date_gives_a_day_month_or_year(built):
    index = read(built / "letters" / "index.html")
    assert index.times == {
        "15 March 45 BCE": "--03-15",
        "1533": "1533",
        "2 May 1533": "1533-05-02",
        "19 July 1541": "1541-07-19",
        "25 December, some year in 1560–1569": "--12-25",
        "12 April 1985": "1985-04-12",
        "12 April 1985 at 23:20:30 UTC": "1985-04-12T23:20:30Z",
        "spring 2001": "2001",
    }
    # a decade, an unknown year, an open start: words, no <time>
    assert sorted(index.spans) == ["18 July 1541 or earlier", "some day in December, year unknown",
                                   "some year in 1990–1999"]
    valid = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}Z?)?)?)?|--[0-9]{2}-[0-9]{2}")
    assert all(valid.fullmatch(v) for v in index.times.values())
    assert "1990-01-01" not in (built / "letters" / "index.html").read_text(encoding="utf-8")


def test_check_reads_the_forms_unquoted_and_names_what_it_refuses(tmp_path):
    from conftest import PEOPLE

    from docket.engine.build import check

    written = {"spring": "2001-21", "part": "?2004-06", "bce": "-0044-03-15",
               "clock": "1985-04-12T23:20:30Z", "open": "../1541-07-18",
               "month-13": "2001-13", "exponent": "Y17E7", "significant": "1950S2"}
    files = dict(PEOPLE)
    for name, date in written.items():
        files[f"content/letters/{name}.md"] = letter_with(date).replace(f'"{date}"', date)
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    said = sorted(f"{e.path.split('/')[-1]}:{e.line}: {e.message} | {e.hint}" for e in check(tmp_path).problems.errors)
    assert len(said) == 3, said
    assert said[0].startswith("exponent.md:2: date: 'Y17E7': exponential years are not supported")
    assert said[1].startswith("month-13.md:2: date: month 13 does not exist | months run 01–12; "
                              "21–24 are spring, summer, autumn, winter")
    assert said[2].startswith("significant.md:2: date: '1950S2': years with significant digits")


def test_the_years_chart_takes_years_before_1_and_far_apart():
    from collections import Counter

    from docket.site.pictures.years import MAX_BARS, years_picture

    bce = years_picture(Counter({"-44": 2, "1533": 1, "2021": 3}))
    assert bce.rows == (("101 BCE–2 BCE", 2), ("1500–1599", 1), ("2000–2099", 3))
    far = years_picture(Counter({"-170000002": 1, "2021": 3, "170000002": 1}))
    assert len(far.rows) == 3 and far.svg.count("<rect") <= MAX_BARS + 1
    assert far.columns[0] == "10,000,000 years"
