"""Search with the real Pagefind index, through the search page's own form."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .archive import Archive
from .search_ui import (
    filter_disclosure,
    open_search,
    results,
    search,
    searchbox,
    sort_by,
    tick_filter,
)

pytestmark = pytest.mark.browser

THEME = Path(__file__).resolve().parents[2] / "src" / "docket" / "site" / "templates"
SENDER = "ziyad-al-nakhalah"


@pytest.fixture(params=["one index", "bundles of four pages"])
def site_url(request: pytest.FixtureRequest, site_url: str, bundled_site_url: str) -> str:
    """Every search test runs against the index in one piece and split into bundles, which
    the search page must merge: by score, by date across bundles, and filter counts summed."""
    return site_url if request.param == "one index" else bundled_site_url


def theme_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(THEME.rglob("*")) if p.is_file() and p.suffix in {".html", ".js", ".css"})


def words_by_letter(archive: Archive) -> dict[str, set[str]]:
    names = archive.names
    return {i: {w.lower() for w in re.findall(r"[A-Za-z]+", letter.body_text(names))} for i, letter in archive.letters.items()}


def common_word(archive: Archive, must_include: set[str], min_letters: int) -> tuple[str, set[str]]:
    """A word (≥ 5 letters) of the bodies of every letter in ``must_include`` and of at least
    ``min_letters`` letters in all; the one in most letters, then alphabetically first."""
    where: dict[str, set[str]] = defaultdict(set)
    for letter_id, words in words_by_letter(archive).items():
        for word in words:
            if len(word) >= 5:
                where[word].add(letter_id)
    fits = [(-len(ids), word) for word, ids in where.items() if must_include <= ids and len(ids) >= min_letters]
    assert fits, "no word common to enough letters in the archive"
    word = min(fits)[1]
    return word, where[word]


def assert_no_js_errors(page: Page) -> None:
    assert not page.js_errors, f"JavaScript errors on the search page: {page.js_errors}"  # type: ignore[attr-defined]


def test_word_of_one_letter_finds_that_letter_only(page: Page, site_url: str, archive: Archive) -> None:
    word, letter_id = archive.unique_body_word(also_exclude=theme_text())
    open_search(page, site_url)
    found = search(page, word)
    assert found == [site_url + archive.letters[letter_id].url], f"search for {word!r}: expected only {letter_id}, got {found}"
    # The result is a working link to the letter.
    page.locator("#search-results").get_by_role("link").first.click()
    page.wait_for_url(re.compile(re.escape(site_url + archive.letters[letter_id].url)))
    assert word in page.locator("main").inner_text().lower()
    assert_no_js_errors(page)


def test_sender_filter_narrows_results_to_that_senders_letters(page: Page, site_url: str, archive: Archive) -> None:
    theirs = archive.letters_by(SENDER)
    assert len(theirs) >= 2, f"the archive has fewer than two letters from {SENDER}: the test's premise is gone"
    word, containing = common_word(archive, theirs, min_letters=len(theirs) + 2)
    open_search(page, site_url)

    before = search(page, word)
    before_letters = {archive.url_to_letter(u) for u in before} - {None}
    assert containing <= before_letters, f"search for {word!r} missed letters whose text has it: {containing - before_letters}"

    after = tick_filter(page, "Sender", archive.name(SENDER))
    after_letters = [archive.url_to_letter(u) for u in after]
    assert len(after) < len(before), f"the sender filter did not narrow {len(before)} results (now {len(after)})"
    assert None not in after_letters, f"with the sender filter on, non-letter results remain: {after}"
    not_theirs = [i for i in after_letters if SENDER not in archive.letters[i].senders]
    assert not not_theirs, f"results not sent by {archive.name(SENDER)}: {not_theirs}"
    assert containing & theirs <= set(after_letters), f"their letters containing {word!r} went missing: {(containing & theirs) - set(after_letters)}"

    # With the words cleared the filter alone lists every letter of that sender, earliest first.
    only_filter = search(page, "")
    listed = [archive.url_to_letter(u) for u in only_filter]
    assert set(listed) == theirs, f"filter without words: expected {sorted(theirs)}, got {listed}"
    dates = [archive.letters[i].sort_date for i in listed]  # type: ignore[index]
    assert dates == sorted(dates), f"filter without words is not in date order: {list(zip(listed, dates))}"
    assert_no_js_errors(page)


def test_sorting_by_date_orders_results(page: Page, site_url: str, archive: Archive) -> None:
    word, containing = common_word(archive, set(), min_letters=4)
    assert len({archive.letters[i].sort_date for i in containing}) >= 3, "too few distinct dates to test sorting"
    open_search(page, site_url)
    relevance = search(page, word)

    def letter_dates(urls: list[str]) -> list[tuple[str, str]]:
        return [(archive.letters[i].sort_date, i) for i in (archive.url_to_letter(u) for u in urls) if i]

    earliest = sort_by(page, "Date, earliest first")
    assert sorted(earliest) == sorted(relevance), "sorting changed which results are found"
    ascending = [d for d, _ in letter_dates(earliest)]
    assert len(ascending) >= 4 and ascending == sorted(ascending), f"not earliest first: {letter_dates(earliest)}"

    latest = sort_by(page, "Date, latest first")
    assert sorted(latest) == sorted(relevance), "sorting changed which results are found"
    descending = [d for d, _ in letter_dates(latest)]
    assert descending == sorted(descending, reverse=True), f"not latest first: {letter_dates(latest)}"
    assert earliest != latest
    assert_no_js_errors(page)


def test_search_state_survives_a_reload(page: Page, site_url: str, archive: Archive) -> None:
    """The query, filters and sort order are kept in the address: a reload (or a shared
    link) shows the same results."""
    theirs = archive.letters_by(SENDER)
    word, _ = common_word(archive, theirs, min_letters=len(theirs) + 2)
    open_search(page, site_url)
    search(page, word)
    tick_filter(page, "Sender", archive.name(SENDER))
    shown = sort_by(page, "Date, latest first")
    assert shown
    page.reload()
    assert results(page) == shown
    assert searchbox(page).input_value() == word
    assert page.get_by_label("Sort by").input_value() == "desc"
    box = filter_disclosure(page, "Sender").get_by_role("checkbox", name=re.compile(rf"^{re.escape(archive.name(SENDER))}\s*\(\d+\)$"))
    assert box.is_checked()
    assert_no_js_errors(page)
