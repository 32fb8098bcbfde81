"""axe-core finds no accessibility violations, in the light and the dark colour scheme."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .archive import Archive
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
    "search with results": "/search/",
    "data": "/data/",
}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_page(request, browser):
    """One page per colour scheme, reused by every page checked in that scheme."""
    context = browser.new_context(color_scheme=request.param)
    context.set_default_timeout(10_000)
    yield request.param, context.new_page()
    context.close()


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
