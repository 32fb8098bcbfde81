"""The search page as a reader meets it: while the index loads, on a phone and a wide
screen, with filters whose counts follow the query, and without JavaScript."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Error, Page, Route, expect

from .archive import Archive
from .conftest import ROOT, _serve, docket_build
from .search_ui import (
    filter_disclosure,
    open_search,
    results,
    search,
    searchbox,
    tick_filter,
)
from .test_search import SENDER, assert_no_js_errors, common_word, theme_text

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

#: sums the layout shifts that no reader input explains (what CLS counts), and all of them
RECORD_SHIFTS = """
window.__shifts = { all: 0, cls: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__shifts.all += entry.value;
    if (!entry.hadRecentInput) window.__shifts.cls += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.fixture(params=["one index", "bundles of four pages"])
def any_site_url(request: pytest.FixtureRequest, site_url: str, bundled_site_url: str) -> str:
    return site_url if request.param == "one index" else bundled_site_url


def mentioned_by(archive: Archive, kind: str, entity_id: str) -> set[str]:
    """Letters whose front-matter mentions ``entity_id`` among their ``kind`` mentions."""
    return {i for i, letter in archive.letters.items() if entity_id in ((letter.meta.get("mentions") or {}).get(kind) or [])}


def test_words_typed_while_the_index_loads_are_kept_and_searched(page: Page, any_site_url: str, archive: Archive) -> None:
    word, letter_id = archive.unique_body_word(also_exclude=theme_text())
    held: list[Route] = []
    released = False

    def hold(route: Route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"/pagefind(/bundle-\d+)?/pagefind\.js$"), hold)
    page.goto(any_site_url + "/search/", wait_until="domcontentloaded")
    status = page.get_by_role("status")
    expect(status).to_have_text("Loading the search index…")
    searchbox(page).press_sequentially(word)
    expect(status).to_have_text("Loading the search index…")
    assert held, "pagefind.js was not requested while the page loaded"
    released = True
    for route in held:
        route.continue_()
    assert results(page) == [any_site_url + archive.letters[letter_id].url]
    assert searchbox(page).input_value() == word, "the words typed before the index loaded were changed"
    assert_no_js_errors(page)


def test_words_sent_before_the_index_loads_are_searched_by_best_match(page: Page, site_url: str, archive: Archive) -> None:
    """Enter pressed before search.js has loaded sends the form: the page comes back with
    the words in its address, and searches them, ranked by best match. (Once search.js
    runs, Enter no longer leaves the page: the words wait for the index.)"""
    word, letter_id = archive.unique_body_word(also_exclude=theme_text())
    held: list[Route] = []
    pattern = re.compile(r"/assets/search\.js$")

    def hold(route: Route) -> None:
        held.append(route)

    page.route(pattern, hold)
    page.goto(site_url + "/search/", wait_until="commit")  # a held module script holds DOMContentLoaded
    searchbox(page).press_sequentially(word)
    searchbox(page).press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="), wait_until="commit")
    assert "sort=" not in page.url, f"the form sent an order with the words: {page.url}"
    page.unroute(pattern, hold)
    for route in held:
        try:
            route.continue_()
        except Error:  # a request of the page the form left: it is gone
            pass
    assert results(page) == [site_url + archive.letters[letter_id].url]
    assert searchbox(page).input_value() == word
    assert page.get_by_label("Sort by").evaluate("s => s.selectedOptions[0].textContent") == "Best match"
    assert_no_js_errors(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_layout_shift_while_searching_and_filtering(browser: Browser, site_url: str, archive: Archive, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    try:
        word, _ = common_word(archive, archive.letters_by(SENDER), min_letters=3)
        open_search(page, site_url)
        searchbox(page).press_sequentially(word, delay=60)
        results(page)
        page.wait_for_timeout(600)  # past the 500 ms in which a shift counts as the reader's doing
        filter_disclosure(page, "Sender").locator("summary").click()
        tick_filter(page, "Sender", archive.name(SENDER))
        page.wait_for_timeout(600)
        shifts = page.evaluate("() => window.__shifts")
        assert shifts["cls"] < 0.1, f"cumulative layout shift {shifts['cls']:.3f} at {viewport['width']} px"
    finally:
        context.close()


def count_shown(page: Page, label: str, value: str) -> int:
    box = filter_disclosure(page, label).get_by_role("checkbox", name=re.compile(rf"^{re.escape(value)}\s*\(\d+\)$"), include_hidden=True)
    name = box.evaluate("b => b.labels[0].textContent")
    return int(re.search(r"\((\d+)\)\s*$", name).group(1))  # type: ignore[union-attr]


def test_filter_counts_follow_the_query(page: Page, any_site_url: str, archive: Archive) -> None:
    theirs = archive.letters_by(SENDER)
    name = archive.name(SENDER)
    open_search(page, any_site_url)
    assert count_shown(page, "Sender", name) == len(theirs), "with nothing asked, a count is not the total"
    word, containing = common_word(archive, set(), min_letters=2)
    search(page, word)
    expected = count_shown(page, "Sender", name)
    assert expected < len(theirs) or containing >= theirs
    after = tick_filter(page, "Sender", name)
    assert len(after) == expected, f"the box said ({expected}) for {name!r} with {word!r}; ticking it gave {len(after)}"
    assert_no_js_errors(page)


def test_a_choice_that_finds_nothing_says_how_to_widen_it(page: Page, any_site_url: str, archive: Archive) -> None:
    word, letter_id = archive.unique_body_word(also_exclude=theme_text())
    others = sorted({s for letter in archive.letters.values() for s in letter.senders} - set(archive.letters[letter_id].senders))
    assert others, "the test's premise: someone else sent a letter"
    sender = archive.name(others[0])
    open_search(page, any_site_url)
    search(page, word)
    disclosure = filter_disclosure(page, "Sender")
    disclosure.locator("summary").click()
    box = disclosure.get_by_role("checkbox", name=re.compile(rf"^{re.escape(sender)}\s*\(\d+\)$"))
    assert count_shown(page, "Sender", sender) == 0, "the count does not say the choice finds nothing"
    box.check()
    status = page.get_by_role("status")
    expect(status).to_have_text(f"No letters match “{word}” with these filters; clear a filter or search for fewer words.")
    page.locator("#search-results").get_by_role("button", name="Clear filters").click()
    expect(box).not_to_be_checked()
    expect(status).to_have_text(re.compile(r"^1 result for"))
    assert_no_js_errors(page)


@pytest.mark.parametrize(("label", "kind", "entity"), [("Mentions place", "places", "iran"), ("Mentions event", "events", "killing-of-qasem-soleimani"), ("Mentions work", "works", "quran")])
def test_letters_filtered_by_the_places_events_and_works_they_mention(page: Page, any_site_url: str, archive: Archive, label: str, kind: str, entity: str) -> None:
    expected = mentioned_by(archive, kind, entity)
    assert expected, f"no letter mentions {entity}: the test's premise is gone"
    open_search(page, any_site_url)
    found = {archive.url_to_letter(u) for u in tick_filter(page, label, archive.name(entity))}
    assert expected <= found, f"{label} {entity}: missing {expected - found}"
    stray = {i for i in found if i is None or f"{entity}" not in archive.letters[i].raw}
    assert not stray, f"{label} {entity}: letters that do not mention it: {stray}"
    assert_no_js_errors(page)


def test_sort_box_says_the_order_the_results_are_in(page: Page, site_url: str, archive: Archive) -> None:
    sort = page.get_by_label("Sort by")
    open_search(page, site_url)
    assert sort.evaluate("s => s.selectedOptions[0].textContent") == "Date, earliest first"
    best = sort.locator("option", has_text="Best match")
    assert best.evaluate("o => o.disabled && o.hidden"), "'Best match' is offered with no words to match"
    tick_filter(page, "Sender", archive.name(SENDER))
    assert sort.evaluate("s => s.selectedOptions[0].textContent") == "Date, earliest first"
    word, _ = common_word(archive, set(), min_letters=3)
    search(page, word)
    assert sort.evaluate("s => s.selectedOptions[0].textContent") == "Best match"
    assert not best.evaluate("o => o.disabled")
    assert_no_js_errors(page)


def test_on_a_phone_the_results_come_before_the_filters(browser: Browser, site_url: str, archive: Archive) -> None:
    for viewport, beside in ((PHONE, False), (DESKTOP, True)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        try:
            open_search(page, site_url)
            tick_filter(page, "Sender", archive.name(SENDER))
            first = page.locator("#search-results li").first.bounding_box()
            panel = page.locator("#search-filters").bounding_box()
            assert first and panel
            if beside:
                assert panel["x"] > first["x"] + first["width"] - 1, "on a wide screen the filters do not stand beside the results"
                assert first["y"] < viewport["height"], "on a wide screen the first result is below the fold"
            else:
                assert first["y"] + first["height"] <= panel["y"], "on a phone a filter comes before the results"
                assert first["y"] < viewport["height"] * 0.6, f"on a phone the first result starts {first['y']:.0f} px down"
        finally:
            context.close()


@pytest.fixture(scope="module")
def many_senders_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A synthetic archive of 600 letters (``bench/make_archive.py``), whose filters list
    more senders than fit a screen; built by ``docket build`` in a process of its own
    (Playwright's sync API already runs in this thread)."""
    folder = tmp_path_factory.mktemp("many-senders") / "archive"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_archive.py"), "600", str(folder)], check=True, capture_output=True)
    docket_build(folder, folder / "site")
    yield from _serve(folder / "site", {})


def test_a_long_filter_list_narrows_as_the_reader_types(page: Page, many_senders_url: str) -> None:
    open_search(page, many_senders_url)
    senders = filter_disclosure(page, "Sender")
    senders.locator("summary").click()
    boxes = senders.get_by_role("checkbox")
    names = boxes.evaluate_all("bs => bs.map(b => b.value)")
    assert len(names) > 12, f"the premise: a long list of senders, got {len(names)}"
    narrow = senders.get_by_role("searchbox", name=re.compile("^Narrow the list"))
    expect(narrow).to_be_visible()
    # what one sender's name has and most others' lack: its longest word
    target = names[len(names) // 2]
    typed = max(target.split(), key=len)
    wanted = [n for n in names if typed.casefold() in n.casefold()]
    assert len(wanted) < len(names)
    narrow.fill(typed)
    expect(boxes).to_have_count(len(wanted))
    assert boxes.evaluate_all("bs => bs.map(b => b.value)") == wanted
    # A short list gets no box: Kind has a few values only.
    kinds = filter_disclosure(page, "Kind")
    assert kinds.locator(".filter-narrow").count() == 0
    narrow.fill("")
    expect(boxes).to_have_count(len(names))
    assert_no_js_errors(page)


def test_without_javascript_the_page_says_how_to_browse(browser: Browser, site_url: str, archive: Archive) -> None:
    word, _ = common_word(archive, set(), min_letters=2)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/")
        box = page.get_by_role("searchbox").first
        box.fill(word)
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q="))
        assert f"q={word}" in page.url, "the home page's form does not carry the words to the search page"
        notice = page.locator("main .notice")
        expect(notice).to_contain_text("needs JavaScript")
        expect(notice.get_by_role("link", name="letters")).to_have_attribute("href", re.compile(r"/letters/$"))
        expect(notice.get_by_role("link", name="timeline")).to_be_visible()
        expect(page.get_by_role("status")).to_have_text("")  # no promise of a search that cannot run
    finally:
        context.close()


def test_a_phone_opening_search_without_a_query_sees_the_filters_and_with_one_nothing_moves(browser: Browser, site_url: str, archive: Archive) -> None:
    """The results' room is kept only when a search is asked for: a page opened to search
    shows its filters in the first screen; one opened with words in its address keeps the
    room, so that the results arriving move nothing."""
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    try:
        open_search(page, site_url)
        heading = page.get_by_role("heading", name="Filters")
        assert heading.bounding_box()["y"] < PHONE["height"], "an empty screen stands between the search box and the filters"
        word, _ = common_word(archive, archive.letters_by(SENDER), min_letters=3)
        page.goto(f"{site_url}/search/?q={word}")
        assert results(page)
        page.wait_for_timeout(600)
        assert heading.bounding_box()["y"] >= PHONE["height"], "the filters were not kept below the results' room"
        shifts = page.evaluate("() => window.__shifts")
        assert shifts["cls"] < 0.1, f"cumulative layout shift {shifts['cls']:.3f} as the results arrived"
    finally:
        context.close()


def test_an_address_that_asks_for_no_search_keeps_no_room(page: Page, site_url: str) -> None:
    """Only words or a filter the page knows ask for a search: a link's tracking
    parameter, or an order alone, leaves the filters in the first screen of a phone."""
    page.set_viewport_size(PHONE)
    for query in ("utm_source=newsletter", "sort=desc", "q="):
        page.goto(f"{site_url}/search/?{query}")
        assert page.evaluate("() => document.documentElement.classList.contains('search-room')") is False, query
        assert page.get_by_role("heading", name="Filters").bounding_box()["y"] < PHONE["height"], query
