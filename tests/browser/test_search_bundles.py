"""One Pagefind instance for an index in bundles: the search page loads Pagefind's script,
worker and WebAssembly once, merges every other bundle into it, and still gives results
in date order across bundles and in Pagefind's own order by relevance."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .archive import Archive
from .search_ui import open_search, search, sort_by
from .test_search import assert_no_js_errors, common_word, theme_text

pytestmark = pytest.mark.browser

#: Pagefind's own files, each of which the page should fetch once whatever the bundles
ONCE = {
    "pagefind.js": re.compile(r"/pagefind/(bundle-\d+/)?pagefind\.js$"),
    "pagefind-worker.js": re.compile(r"/pagefind/(bundle-\d+/)?pagefind-worker\.js$"),
    "WebAssembly": re.compile(r"/pagefind/(bundle-\d+/)?wasm\.[a-z-]+\.pagefind$"),
}
_SORT_KEY = re.compile(r'data-pagefind-sort="date">([^<]*)<')


def bundle_of_pages(site: Path) -> dict[str, int]:
    """Every indexed page's address → the number of the bundle that holds it, read from
    the fragments Pagefind wrote into each bundle's folder."""
    found: dict[str, int] = {}
    folders = [site / "pagefind"] + sorted((site / "pagefind").glob("bundle-*"), key=lambda f: int(f.name.split("-")[1]))
    for number, folder in enumerate(folders):
        for fragment in (folder / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes())
            assert data.startswith(b"pagefind_dcd"), f"{fragment}: not a Pagefind fragment"
            found[json.loads(data[len(b"pagefind_dcd") :])["url"]] = number
    return found


def sort_key(site: Path, url: str) -> str:
    """The page's own Pagefind sort value, from its built HTML."""
    match = _SORT_KEY.search((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"))
    assert match, f"{url}: no date sort value"
    return match.group(1)


def paths(urls: list[str], base: str) -> list[str]:
    return [u.removeprefix(base) for u in urls]


def test_pagefind_and_its_webassembly_load_once_for_all_bundles(page: Page, bundled_site: Path, bundled_site_url: str, archive: Archive) -> None:
    bundles = bundle_of_pages(bundled_site)
    assert len(set(bundles.values())) >= 3, "the premise: an index in several bundles"
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_search(page, bundled_site_url)
    word, _ = common_word(archive, set(), min_letters=3)
    search(page, word)
    sort_by(page, "Date, latest first")
    for name, pattern in ONCE.items():
        fetched = [u for u in requested if pattern.search(u)]
        assert len(fetched) == 1, f"{name} fetched {len(fetched)} times: {fetched}"
    # every bundle was asked: each one's entry file was fetched
    entries = {u.split("?")[0] for u in requested if u.split("?")[0].endswith("/pagefind-entry.json")}
    assert len(entries) == len(set(bundles.values())), f"not every bundle was merged in: {sorted(entries)}"
    # and the build leaves out of the other bundles what only the first one's Pagefind uses
    for folder in (bundled_site / "pagefind").glob("bundle-*"):
        unused = sorted(p.name for p in folder.iterdir() if p.name.startswith("pagefind") and p.suffix in (".js", ".css") or p.name.startswith("wasm."))
        assert not unused, f"{folder.name} holds files no page loads: {unused}"
    assert_no_js_errors(page)


@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_results_in_date_order_across_bundles(page: Page, bundled_site: Path, bundled_site_url: str, archive: Archive, direction: str) -> None:
    bundles = bundle_of_pages(bundled_site)
    word, _ = common_word(archive, set(), min_letters=3)
    open_search(page, bundled_site_url)
    search(page, word)
    label = "Date, earliest first" if direction == "asc" else "Date, latest first"
    shown = paths(sort_by(page, label), bundled_site_url)
    keys = [sort_key(bundled_site, url) for url in shown]
    numbers = [bundles[url] for url in shown]
    assert len(set(numbers)) >= 3, f"the premise: results from several bundles, got bundles {numbers}"
    latest_first = direction == "desc"
    assert keys == sorted(keys, reverse=latest_first), f"not in date order: {list(zip(shown, keys))}"
    assert numbers == sorted(numbers, reverse=latest_first), f"not bundle after bundle: {numbers}"
    # What this guards against: Pagefind itself, merging the bundles, orders date-sorted
    # results by each one's place within its own bundle, which interleaves them.
    merged = page.evaluate(
        """async ([word, direction]) => {
            const pagefind = await import("/pagefind/pagefind.js");
            const answer = await pagefind.search(word, { sort: { date: direction } });
            return Promise.all(answer.results.map(async (result) => (await result.data()).url));
        }""",
        [word, direction],
    )
    assert sorted(merged) == sorted(shown), "the page and Pagefind found different pages"
    assert merged != shown, "the premise: Pagefind's own merged order is not the date order"
    assert_no_js_errors(page)


def test_relevance_order_is_pagefinds(page: Page, context, bundled_site_url: str, archive: Archive) -> None:
    """By best match the page shows Pagefind's own ranking of the bundles merged, as a
    reference page that does nothing but Pagefind's documented mergeIndex gives it."""
    word, containing = common_word(archive, set(), min_letters=3)
    open_search(page, bundled_site_url)
    shown = paths(search(page, word), bundled_site_url)
    folders = page.locator("#search-form").get_attribute("data-bundles").split()
    reference = context.new_page()
    reference.goto(bundled_site_url + "/")
    expected = reference.evaluate(
        """async ([folders, word]) => {
            const pagefind = await import("/" + folders[0] + "pagefind.js");
            await pagefind.options({ baseUrl: "/" });
            for (const folder of folders.slice(1)) await pagefind.mergeIndex("/" + folder, { baseUrl: "/" });
            const answer = await pagefind.search(word);
            return Promise.all(answer.results.map(async (result) => (await result.data()).url));
        }""",
        [folders, word],
    )
    assert len(expected) > len(containing), "the premise: more results than letters, entity pages among them"
    assert shown == expected, f"by best match: the page shows {shown}, Pagefind ranks {expected}"
    assert_no_js_errors(page)


def test_without_scores_that_tell_the_bundles_each_bundle_is_asked(browser: Browser, bundled_site_url: str, archive: Archive) -> None:
    """The page reads which bundle a result came from off its score; should the scores not
    tell (here Math.fround, which reads them, is made useless), it asks each bundle alone,
    with the same results: a word of one letter only (which other bundles answer with
    stand-ins, left out) and a word of many."""
    unique, letter_id = archive.unique_body_word(also_exclude=theme_text())
    common, _ = common_word(archive, set(), min_letters=3)
    shown: dict[str, list[list[str]]] = {}
    for blind in (False, True):
        context = browser.new_context()
        if blind:
            context.add_init_script("Math.fround = (x) => x;")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            open_search(page, bundled_site_url)
            shown[str(blind)] = [search(page, unique), search(page, common)]
        finally:
            context.close()
        assert not errors, f"JavaScript errors: {errors}"
    assert shown["False"][0] == [bundled_site_url + archive.letters[letter_id].url]
    assert shown["True"] == shown["False"]
