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
    "search with results": "/search/",
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
