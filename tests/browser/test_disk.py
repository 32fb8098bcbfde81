"""A copy of the site read from disk (file://): styled, every link works, search says it cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_copy_read_from_disk_has_its_styles_and_its_links_work(page: Page, built_site: Path) -> None:
    page.goto((built_site / "index.html").as_uri())
    width = page.evaluate("getComputedStyle(document.querySelector('main.wrap')).maxWidth")
    assert width not in ("", "none"), "style.css did not load from disk"
    page.get_by_role("contentinfo").get_by_role("link", name="All letters").click()
    assert page.url.endswith("/letters/index.html"), page.url
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    first = page.locator("main a[href*='letters/2']").first
    first.click()
    assert page.url.endswith("/index.html") and "/letters/2" in page.url, page.url
    page.get_by_role("banner").get_by_role("link", name="People").click()
    assert page.url.endswith("/people/index.html"), page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("People")


def test_search_read_from_disk_says_it_cannot_run_and_where_to_browse(page: Page, built_site: Path) -> None:
    page.goto((built_site / "search" / "index.html").as_uri())
    expect(page.locator("#search-status")).to_contain_text("read from disk")
