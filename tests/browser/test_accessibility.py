"""axe-core finds no accessibility violations, in the light and the dark colour scheme."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe

from .archive import Archive
from .conftest import ROOT, _serve, docket_build
from .search_ui import open_search, search
from .test_search import common_word

pytestmark = pytest.mark.browser

LETTER = "/letters/2022-08-11-khamenei-to-al-nakhalah/"
ENTITY = "/people/ziyad-al-nakhalah/"
PAGES = {
    "letter": LETTER,
    "entity": ENTITY,
    "timeline": "/timeline/",
    "letters index": "/letters/",
    "home": "/",
    "places index (map)": "/places/",
    "place (map)": "/places/tehran/",
    "correspondence": "/correspondence/ali-khamenei--ziyad-al-nakhalah/",
    "search with results": "/search/",
    "data": "/data/",
}
#: the pages that only a large archive has, in a generated one with a central correspondent
LARGE_PAGES = ("central entity", "role list", "correspondents", "correspondence page 2", "year by month", "month", "timeline month")


@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(scheme_page, site_url: str, archive: Archive, axe: Axe, name: str) -> None:
    scheme, page = scheme_page
    if name == "search with results":
        open_search(page, site_url)
        word, _ = common_word(archive, set(), min_letters=3)
        assert search(page, word), f"search for {word!r} showed no results to check"
    else:
        response = page.goto(site_url + PAGES[name])
        assert response is not None and response.ok, f"{PAGES[name]}: {response and response.status}"
    assert page.evaluate(f"() => matchMedia('(prefers-color-scheme: {scheme})').matches")
    results = axe.run(page)
    assert results.violations_count == 0, f"axe on {PAGES[name]} ({scheme} scheme):\n{results.generate_report()}"


@pytest.mark.parametrize("path", ["/", ENTITY, "/places/", "/places/tehran/"])
def test_pictures_tables_open_and_pass_axe(scheme_page, site_url: str, axe: Axe, path: str) -> None:
    """With every picture's table opened, the tables too have no violations; each SVG is an
    image named by its title."""
    scheme, page = scheme_page
    page.goto(site_url + path)
    figures = page.locator("figure.picture")
    assert figures.count() >= 1
    for summary in page.locator("figure.picture summary").all():
        summary.click()
    for index in range(figures.count()):
        svg = figures.nth(index).locator("svg")
        assert svg.get_attribute("role") == "img"
        name = page.evaluate("(id) => document.getElementById(id).textContent", svg.get_attribute("aria-labelledby"))
        assert len(name) > 20
        assert figures.nth(index).locator("table tbody tr").first.is_visible()
    results = axe.run(page)
    assert results.violations_count == 0, f"axe on {path} ({scheme} scheme), tables open:\n{results.generate_report()}"


@pytest.fixture(scope="module")
def central_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A generated archive of 2,000 letters, one person writing or receiving most of them,
    built without search; and the address of each kind of page only such an archive has."""
    from docket.engine.build import check

    folder = tmp_path_factory.mktemp("central")
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_archive.py"), "2000", str(folder), "--central", "0.6"], check=True, capture_output=True)
    docket_build(folder, folder / "site", "--no-search")
    site = check(folder).site
    hub = Counter(i for letter in site.letters.values() for i in set(letter.senders) | set(letter.recipients)).most_common(1)[0][0]
    output = folder / "site"
    year = next(y.name for y in sorted((output / "letters").iterdir()) if re.fullmatch(r"\d{4}", y.name) and (y / "01").is_dir())
    return output, {
        "central entity": f"/people/{hub}/",
        "role list": f"/people/{hub}/sent/2/",
        "correspondents": f"/people/{hub}/correspondents/",
        "correspondence page 2": f"/correspondence/{site.correspondents[hub][0]}/2/",
        "year by month": f"/letters/{year}/",
        "month": f"/letters/{year}/01/",
        "timeline month": f"/timeline/{year}/01/",
    }


@pytest.fixture(scope="module")
def central_url(central_site) -> Iterator[str]:
    yield from _serve(central_site[0], {})


@pytest.mark.parametrize("name", LARGE_PAGES)
def test_no_axe_violations_on_the_pages_of_a_large_archive(scheme_page, central_site, central_url: str, axe: Axe, name: str) -> None:
    scheme, page = scheme_page
    address = central_site[1][name]
    response = page.goto(central_url + address)
    assert response is not None and response.ok, f"{address}: {response and response.status}"
    results = axe.run(page)
    assert results.violations_count == 0, f"axe on {address} ({scheme} scheme):\n{results.generate_report()}"
