"""Under the production Content-Security-Policy (netlify.toml), pages and search work and
nothing is blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .archive import Archive
from .search_ui import open_search, search
from .test_search import common_word

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
});
"""


@pytest.fixture
def csp_page(browser):
    """A page that records every CSP violation (event and console) and every JS error."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_VIOLATIONS)  # init scripts are not subject to the page's CSP
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}") if msg.type == "error" or "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
    page.csp_console = console  # type: ignore[attr-defined]
    yield page
    context.close()


def violations(page: Page) -> list[str]:
    events = page.evaluate("() => window.__cspViolations || []")
    messages = [m for m in page.csp_console if "Content Security Policy" in m]  # type: ignore[attr-defined]
    return events + messages


def load(page: Page, url: str, policy: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    assert response.headers.get("content-security-policy") == policy, "the test server did not send the netlify.toml policy"


@pytest.mark.parametrize("path", ["/letters/2022-08-11-khamenei-to-al-nakhalah/", "/people/ziyad-al-nakhalah/", "/timeline/", "/letters/", "/"])
def test_pages_under_csp(csp_page: Page, csp_site_url: str, netlify_csp: str, path: str) -> None:
    load(csp_page, csp_site_url + path, netlify_csp)
    assert violations(csp_page) == [], f"CSP violations on {path}"
    assert csp_page.csp_console == [], f"console errors on {path}"  # type: ignore[attr-defined]
    # The stylesheet was allowed to apply: the theme's styles are in effect.
    assert csp_page.evaluate("() => [...document.styleSheets].some(s => { try { return s.cssRules.length > 0 } catch { return false } })")


def test_search_under_csp(csp_page: Page, csp_site_url: str, netlify_csp: str, archive: Archive) -> None:
    word, containing = common_word(archive, set(), min_letters=3)
    load(csp_page, csp_site_url + "/search/", netlify_csp)
    open_search(csp_page, csp_site_url)
    found = search(csp_page, word)
    assert found, f"search for {word!r} found nothing under the CSP"
    found_letters = {archive.url_to_letter(u) for u in found}
    assert containing <= found_letters, f"search under CSP missed {containing - found_letters}"
    csp_page.wait_for_load_state("networkidle")
    assert violations(csp_page) == [], "CSP violations on the search page"
    assert csp_page.csp_console == [], "console errors on the search page"  # type: ignore[attr-defined]
