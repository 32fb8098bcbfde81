"""Search on a site mounted under a path of its host (``base_url = "https://host/archive/"``):
the page finds its index and every bundle of it under that path, and every result links
to its page there."""

from __future__ import annotations

import re
import shutil
from typing import Iterator

import pytest
from playwright.sync_api import Page

from .archive import Archive
from .conftest import ROOT, _serve, docket_build
from .search_ui import open_search, search, sort_by, tick_filter
from .test_search import assert_no_js_errors, theme_text

pytestmark = pytest.mark.browser

MOUNT = "/archive"


@pytest.fixture(scope="module")
def mounted_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The archive built for ``https://example.org/archive/`` with its index in bundles of
    four pages, served as the host would: the site under ``/archive/``, nothing at the
    root. Built by ``docket build`` in a process of its own (Playwright's sync API already
    runs in this thread)."""
    folder = tmp_path_factory.mktemp("mounted")
    shutil.copytree(ROOT / "content", folder / "content")
    config = re.sub(r'(?m)^base_url = .*$', 'base_url = "https://example.org/archive/"', (ROOT / "docket.toml").read_text(encoding="utf-8"))
    assert 'base_url = "https://example.org/archive/"' in config
    (folder / "docket.toml").write_text(config + "\nsearch_bundle_size = 4\n", encoding="utf-8")
    host = folder / "host"
    docket_build(folder, host / MOUNT.strip("/"))
    assert len([p for p in (host / "archive" / "pagefind").iterdir() if p.name.startswith("bundle-")]) >= 3
    server = _serve(host, {})
    try:
        yield next(server) + MOUNT
    finally:
        server.close()


def test_search_under_a_path_finds_its_bundles_and_links_results_there(page: Page, mounted_url: str, archive: Archive) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    word, letter_id = archive.unique_body_word(also_exclude=theme_text())
    open_search(page, mounted_url)
    found = search(page, word)
    assert found == [mounted_url + archive.letters[letter_id].url]
    outside = [url for url in requested if "/pagefind/" in url and not url.startswith(mounted_url + "/pagefind/")]
    assert not outside, f"index files asked for outside {MOUNT}/: {outside}"
    assert any("/bundle-" in url for url in requested), "no bundle of the index was asked for"
    page.locator("#search-results").get_by_role("link").first.click()
    page.wait_for_url(re.compile(re.escape(mounted_url + archive.letters[letter_id].url)))
    assert word in page.locator("main").inner_text().lower()
    assert_no_js_errors(page)


def test_filters_and_date_order_under_a_path(page: Page, mounted_url: str, archive: Archive) -> None:
    open_search(page, mounted_url)
    letters = tick_filter(page, "Kind", "Letter")
    expected = sorted(mounted_url + letter.url for letter in archive.letters.values() if letter.kind == "letter")
    assert sorted(letters) == expected
    by_date = sort_by(page, "Date, earliest first")
    dates = {mounted_url + letter.url: letter.sort_date for letter in archive.letters.values()}
    assert sorted(by_date) == expected
    assert [dates[url] for url in by_date] == sorted(dates[url] for url in by_date)
    assert_no_js_errors(page)
