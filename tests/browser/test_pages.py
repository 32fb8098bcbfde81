"""Pages as a reader gets them: the correspondence thread, no-JavaScript reading, phones."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .archive import Archive

pytestmark = pytest.mark.browser

REPLY = "2022-08-11-khamenei-to-al-nakhalah"


def thread_list(page: Page, heading: str):
    """The list that follows the heading ``heading`` inside the page's #thread section."""
    thread = page.locator("#thread")
    expect(thread).to_be_visible()
    title = thread.get_by_role("heading", name=heading, exact=True)
    expect(title).to_be_visible()
    return title.locator("xpath=following-sibling::*[self::ol or self::ul][1]")


def letter_links(locator, archive: Archive) -> list[str]:
    """The ids of the letters that the links inside ``locator`` point to."""
    ids = []
    for href in locator.locator("a[href]").evaluate_all("links => links.map(a => a.href)"):
        letter_id = archive.url_to_letter(href)
        if letter_id:
            ids.append(letter_id)
    return ids


def test_thread_links_reply_and_answered_letter_both_ways(page: Page, site_url: str, archive: Archive) -> None:
    reply = archive.letters[REPLY]
    assert reply.in_reply_to, f"{REPLY} answers no letter in the content: the test's premise is gone"
    answered = reply.in_reply_to[0]
    assert REPLY in archive.replies_to(answered)

    page.goto(site_url + reply.url)
    in_reply_to = thread_list(page, "In reply to")
    assert letter_links(in_reply_to, archive) == reply.in_reply_to

    # Click through to the letter answered, and arrive on its page.
    in_reply_to.locator(f'a[href$="{archive.letters[answered].url}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(site_url + archive.letters[answered].url) + r"(index\.html)?$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.locator("h1").count() == 1

    # Its thread lists the reply; click back to it.
    replies = thread_list(page, "Replies")
    assert letter_links(replies, archive) == archive.replies_to(answered)
    replies.locator(f'a[href$="{reply.url}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(site_url + reply.url) + r"(index\.html)?$"))
    expect(page.locator("#thread")).to_be_visible()


def test_every_thread_matches_the_content(page: Page, site_url: str, archive: Archive) -> None:
    for letter_id, letter in archive.letters.items():
        page.goto(site_url + letter.url)
        replies = archive.replies_to(letter_id)
        if not letter.in_reply_to and not replies:
            assert page.locator("#thread").count() == 0, f"{letter_id} has an empty thread section"
            continue
        if letter.in_reply_to:
            assert letter_links(thread_list(page, "In reply to"), archive) == letter.in_reply_to, letter_id
        if replies:
            assert sorted(letter_links(thread_list(page, "Replies"), archive)) == replies, letter_id


@pytest.fixture
def no_js_page(browser):
    """A page with JavaScript off; after the test, every request it made must have succeeded."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
    yield page
    context.close()
    assert not failed, f"requests that failed while reading without JavaScript: {failed}"


def test_letter_page_reads_without_javascript(no_js_page: Page, site_url: str, archive: Archive) -> None:
    word, letter_id = archive.unique_body_word()
    letter = archive.letters[letter_id]
    response = no_js_page.goto(site_url + letter.url)
    assert response is not None and response.ok
    main = no_js_page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_be_visible()
    expect(main).to_contain_text(re.compile(re.escape(word), re.I))
    for sender in letter.senders:
        expect(main.get_by_role("link", name=archive.name(sender), exact=True).first).to_be_visible()
    # The theme's stylesheet is linked (and, by the fixture, loaded without error).
    assert no_js_page.locator('link[rel="stylesheet"]').count() >= 1


def test_letters_index_reads_without_javascript(no_js_page: Page, site_url: str, archive: Archive) -> None:
    response = no_js_page.goto(site_url + "/letters/")
    assert response is not None and response.ok
    main = no_js_page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_be_visible()
    assert set(letter_links(main, archive)) == set(archive.letters), "the letters index must link every letter"


def test_timeline_reads_without_javascript(no_js_page: Page, site_url: str, archive: Archive) -> None:
    response = no_js_page.goto(site_url + "/timeline/")
    assert response is not None and response.ok
    main = no_js_page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_be_visible()
    linked = letter_links(main, archive)
    assert set(linked) == {i for i, letter in archive.letters.items() if letter.date}, "the timeline must link every dated letter"
    # In date order.
    order = [archive.letters[i].sort_date for i in dict.fromkeys(linked)]
    assert order == sorted(order), f"timeline out of order: {order}"


PHONE = {"width": 390, "height": 844}


def test_phone_layout_has_no_horizontal_scroll(browser, site_url: str, archive: Archive) -> None:
    # Not is_mobile: mobile emulation zooms out to fit overflowing content, which would hide it.
    context = browser.new_context(viewport=PHONE, device_scale_factor=3)
    try:
        page = context.new_page()
        paths = [letter.url for letter in archive.letters.values()]
        paths += ["/people/ziyad-al-nakhalah/", "/letters/", "/timeline/", "/search/", "/"]
        overflowing = {}
        for path in paths:
            page.goto(site_url + path)
            widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
            if widths[0] > widths[1]:
                overflowing[path] = widths
        assert not overflowing, f"pages wider than a 390 px phone (scrollWidth, innerWidth): {overflowing}"
    finally:
        context.close()


def test_the_collapsed_source_lead_prints_open(page, site_url: str) -> None:
    page.goto(site_url + "/letters/2021-05-18-haniyeh-to-khamenei/")
    lead = page.locator("details.source-lead blockquote")
    expect(lead).to_be_hidden()  # collapsed on screen
    page.emulate_media(media="print")
    expect(lead).to_be_visible()
