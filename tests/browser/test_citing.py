"""Citing in the browser: a paragraph's ¶ link appears on hover and keyboard focus and
leads to the paragraph; the citation records copy and download under the production CSP;
axe finds nothing with the records open and a ¶ link focused."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .test_csp import csp_page, load, violations  # noqa: F401 - csp_page is a fixture

pytestmark = pytest.mark.browser

LETTER = "/letters/2022-08-11-khamenei-to-al-nakhalah/"
QUOTED = "/letters/2021-05-24-khamenei-to-haniyeh/"  # a text that survives as quoted excerpts


def opacity(page: Page, selector: str) -> str:
    return page.eval_on_selector(selector, "node => getComputedStyle(node).opacity")


def test_paragraph_link_shows_on_keyboard_focus_and_hover(page: Page, site_url: str) -> None:
    page.goto(site_url + LETTER)
    assert opacity(page, "#p3 > .paragraph-anchor") == "0"
    link = page.get_by_role("link", name="Link to paragraph 3")
    expect(link).to_have_count(1)
    page.focus("#p2 > .paragraph-anchor")
    page.keyboard.press("Tab")  # from paragraph 2's link to the next focusable: paragraph 3's
    expect(link).to_be_focused()
    assert opacity(page, "#p3 > .paragraph-anchor") == "1"
    assert page.eval_on_selector("#p3 > .paragraph-anchor", "node => getComputedStyle(node, '::after').content") == '"¶"'
    page.hover("#p5")
    assert opacity(page, "#p5 > .paragraph-anchor") == "1"
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + LETTER + "#p3")
    assert page.evaluate("() => document.querySelector(':target').id") == "p3"


def test_quoted_excerpts_are_numbered_too(page: Page, site_url: str) -> None:
    page.goto(site_url + QUOTED)
    ids = page.eval_on_selector_all(".transcription p[id]", "nodes => nodes.map(n => n.id)")
    assert ids == [f"p{n}" for n in range(1, len(ids) + 1)] and len(ids) >= 3


def test_records_copy_and_download_under_csp(csp_page: Page, csp_site_url: str, netlify_csp: str, browser) -> None:  # noqa: F811
    load(csp_page, csp_site_url + LETTER, netlify_csp)
    csp_page.get_by_text("BibTeX, RIS and CSL-JSON").click()
    bibtex = csp_page.inner_text("#cite-bibtex")
    assert bibtex.startswith("@misc{2022-08-11-khamenei-to-al-nakhalah,")
    with csp_page.expect_download() as info:
        csp_page.get_by_role("button", name="Download BibTeX").click()
    download = info.value
    assert download.suggested_filename == "2022-08-11-khamenei-to-al-nakhalah.bib"
    assert open(download.path(), encoding="utf-8").read() == bibtex
    expect(csp_page.get_by_role("status")).to_have_text("BibTeX downloaded as 2022-08-11-khamenei-to-al-nakhalah.bib.")
    csp_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=csp_site_url)
    csp_page.get_by_role("button", name="Copy RIS").click()
    expect(csp_page.get_by_role("status")).to_have_text("RIS copied.")
    assert csp_page.evaluate("() => navigator.clipboard.readText()") == csp_page.inner_text("#cite-ris")
    csp_page.get_by_role("button", name="Copy citation").click()
    expect(csp_page.get_by_role("status")).to_have_text("Citation copied.")
    assert csp_page.evaluate("() => navigator.clipboard.readText()").startswith("Ali Khamenei to Ziyad al-Nakhalah, 11 August 2022, in “The Leader")
    assert violations(csp_page) == []
    assert csp_page.csp_console == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_the_records_open_and_a_link_focused(browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + LETTER)
        page.get_by_text("BibTeX, RIS and CSL-JSON").click()
        page.focus("#p1 > .paragraph-anchor")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
