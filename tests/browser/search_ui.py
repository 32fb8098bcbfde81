"""Driving the search page (/search/, assets/search.js) the way a reader does.

Every action that starts a search (typing, ticking a filter, choosing a sort order) first
marks the result list on screen as stale, then waits for search.js to put up a new one
and fill it: results are never read from the list of an earlier search.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

STATUS = re.compile(r"^(\d+) results?\b")


def searchbox(page: Page) -> Locator:
    return page.get_by_role("searchbox", name=re.compile("^Search"))


def open_search(page: Page, base_url: str) -> None:
    """Load /search/ and wait until search.js has loaded Pagefind and built the filters."""
    page.goto(base_url + "/search/")
    expect(searchbox(page)).to_be_visible()
    # The filter checkboxes appear once Pagefind has answered pagefind.filters().
    expect(filter_disclosure(page, "Kind").get_by_role("checkbox", include_hidden=True).first).to_be_attached()


def _mark_stale(page: Page) -> None:
    page.evaluate("() => document.querySelectorAll('#search-results ol').forEach(o => { o.dataset.testStale = '1'; })")


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the search box (search.js searches as you type) → result URLs."""
    _mark_stale(page)
    searchbox(page).fill(query)
    return results(page)


def tick_filter(page: Page, label: str, value: str) -> list[str]:
    """Tick the checkbox ``value`` of the filter ``label`` (Kind, Sender, …) → result URLs."""
    disclosure = filter_disclosure(page, label)
    if not disclosure.evaluate("d => d.open"):
        disclosure.locator("summary").click()
    group = disclosure.get_by_role("group", name=label, exact=True).last  # the fieldset, by its legend
    box = group.get_by_role("checkbox", name=re.compile(rf"^{re.escape(value)}\s*\(\d+\)$"))
    _mark_stale(page)
    box.check()
    expect(box).to_be_checked()
    return results(page)


def sort_by(page: Page, option_label: str) -> list[str]:
    _mark_stale(page)
    page.get_by_label("Sort by").select_option(label=option_label)
    return results(page)


def filter_disclosure(page: Page, label: str) -> Locator:
    """The disclosure (``<details>``) holding one filter's checkboxes, by its summary."""
    summary = page.locator("summary", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    return page.locator("#search-filters details").filter(has=summary)


def status_count(page: Page) -> int:
    status = page.get_by_role("status")
    expect(status).to_have_text(STATUS)
    return int(STATUS.match(status.inner_text().strip()).group(1))  # type: ignore[union-attr]


def results(page: Page) -> list[str]:
    """The URLs of the current search's results, in order, once all are on screen
    (pressing "Show more" as often as it is offered)."""
    fresh = page.locator("#search-results ol:not([data-test-stale])")
    expect(fresh).to_have_count(1)
    count = status_count(page)
    items = fresh.get_by_role("listitem")
    more = page.locator("#search-results").get_by_role("button", name=re.compile("^Show more"))
    page.wait_for_function(
        """n => {
            const list = document.querySelector('#search-results ol:not([data-test-stale])');
            return list && (list.children.length === n || document.querySelector('#search-results button'));
        }""",
        arg=count,
    )
    while more.count():
        shown = items.count()
        more.click()
        expect(items).not_to_have_count(shown)
    expect(items).to_have_count(count)
    return items.evaluate_all("items => items.map(li => li.querySelector('a[href]').href)")
