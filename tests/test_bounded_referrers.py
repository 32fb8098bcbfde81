"""What refers to a record stays small on its page, whatever the archive's size.

A letter that many letters mention and many entities link to, and a place where many
events took place and to which many entities link: each page shows the first of each
role, says how many there are and links the role's paged list, which holds every one
of them once, in order (letters by date, entities by name).
"""

from __future__ import annotations

import re

import pytest
from conftest import letter
from test_bounded_pages import paged_list, parse

from docket.engine.build import build
from docket.site.entity_lists import FIRST_LETTERS, FIRST_RECORDS
from docket.site.paging import PAGE_SIZE

MENTIONING = PAGE_SIZE + 7  # letters that mention the letter: two pages
LINKING = PAGE_SIZE + 3  # entities that link to the letter and to the place: two pages
EVENTS = FIRST_RECORDS + 5  # events at the place: one page
REPLYING = FIRST_LETTERS + 5  # letters that answer one letter: one page


def _person(n: int) -> str:
    # names out of id order, so that a list in order of name is not one in order of id
    return f"---\nname: {chr(ord('Z') - n % 26)} Person {n:03d}\ndescription: Someone.\n---\nWrote of [[cited-letter]] and of [[big-place]].\n"


def _event(n: int) -> str:
    return f"---\nname: Event {n:03d}\ndescription: Something.\nstart: 2001-01-{n % 28 + 1:02d}\nplaces: [big-place]\n---\n"


def _mentioning(n: int) -> str:
    front = f"date: {2000 + n // 12}-{n % 12 + 1:02d}-15\nsenders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {{title: A source}}\n"
    return letter(front, "As [[cited-letter]] says.")


def _replying(n: int) -> str:
    front = f"date: 1998-{n // 28 + 2:02d}-{n % 28 + 1:02d}\nsenders: [ismail-haniyeh]\nrecipients: [ali-khamenei]\ntext: full\nin_reply_to: [answered-letter]\nsource: {{title: A source}}\n"
    return letter(front, "An answer.")


def referred_files() -> dict[str, str]:
    """The site: a letter mentioned by many letters and linked from many people; a place
    of many events, linked from the same people."""
    return {
        "content/people/ali-khamenei.md": "---\nname: Ali Khamenei\ndescription: Someone.\n---\n",
        "content/people/ismail-haniyeh.md": "---\nname: Ismail Haniyeh\ndescription: Someone.\n---\n",
        "content/places/big-place.md": "---\nname: Big Place\ndescription: A place.\n---\n",
        "content/letters/cited-letter.md": letter("date: 1999-01-01\nsenders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {title: A source}\n"),
        **{f"content/letters/m-{n:03d}.md": _mentioning(n) for n in range(MENTIONING)},
        **{f"content/people/p-{n:03d}.md": _person(n) for n in range(LINKING)},
        **{f"content/events/e-{n:03d}.md": _event(n) for n in range(EVENTS)},
        "content/letters/answered-letter.md": letter("date: 1998-01-01\nsenders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {title: A source}\n"),
        **{f"content/letters/r-{n:03d}.md": _replying(n) for n in range(REPLYING)},
    }


def write(folder, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("referred")
    write(folder, referred_files())
    build(folder, folder / "site", search=False)
    output = folder / "site"
    pages = {}
    for path in sorted(output.rglob("*.html")):
        url = "/" + path.relative_to(output).as_posix().removesuffix("index.html")
        pages[url] = parse(path.read_text(encoding="utf-8"), url)
    pages["referred"] = parse(_referred((output / "letters/cited-letter/index.html").read_text(encoding="utf-8")), "/letters/cited-letter/")
    pages["thread"] = parse(_thread((output / "letters/answered-letter/index.html").read_text(encoding="utf-8")), "/letters/answered-letter/")
    return pages


def _thread(html: str) -> str:
    """The "Correspondence" section of a letter's page: what it answers, what answers it."""
    start = html.index('<section id="thread"')
    return html[start : html.index("</section>", start)]


def _referred(html: str) -> str:
    """The "Referred to" section of a letter's page."""
    start = html.index('<section class="referred"')
    return html[start : html.index("</section>", start)]


PEOPLE_BY_NAME = [f"/people/p-{n:03d}/" for n in sorted(range(LINKING), key=lambda n: (chr(ord("Z") - n % 26), n))]
MENTIONING_BY_DATE = [f"m-{n:03d}" for n in range(MENTIONING)]


def _linked(page, pattern: str) -> list[str]:
    return [href for href, _ in page.links if re.fullmatch(pattern, href)]


def test_a_letter_page_shows_the_first_letters_that_mention_it_and_links_them_all(built):
    page = built["referred"]
    assert page.cards == MENTIONING_BY_DATE[:FIRST_LETTERS]
    assert f"Mentioned in ({MENTIONING})" in page.text
    assert f"The first {FIRST_LETTERS} of {MENTIONING}, in order of date." in page.text
    assert "/letters/cited-letter/mentioned/" in {href for href, _ in page.links}
    listed = [card for url in paged_list(built, "/letters/cited-letter/mentioned/") for card in built[url].cards]
    assert listed == MENTIONING_BY_DATE


def test_a_letter_page_shows_the_first_entities_that_link_to_it_and_links_them_all(built):
    page = built["referred"]
    assert _linked(page, r"/people/p-\d+/") == PEOPLE_BY_NAME[:FIRST_RECORDS]
    assert f"Linked from ({LINKING})" in page.text
    assert "/letters/cited-letter/linked/" in {href for href, _ in page.links}
    urls = paged_list(built, "/letters/cited-letter/linked/")
    assert len(urls) == 2
    assert [href for url in urls for href in _linked(built[url], r"/people/p-\d+/")] == PEOPLE_BY_NAME
    assert "Linked from (53)" in built[urls[1]].text


def test_a_place_page_shows_the_first_events_and_entities_that_refer_to_it_and_links_them_all(built):
    page = built["/places/big-place/"]
    events = [f"/events/e-{n:03d}/" for n in range(EVENTS)]
    assert _linked(page, r"/events/e-\d+/") == events[:FIRST_RECORDS]
    assert _linked(page, r"/people/p-\d+/") == PEOPLE_BY_NAME[:FIRST_RECORDS]
    assert f"Events that took place here ({EVENTS})" in page.text and f"Linked from ({LINKING})" in page.text
    assert [href for href, _ in page.links if href.startswith("/places/big-place/") and "#" not in href] == ["/places/big-place/event-place/", "/places/big-place/linked/"]
    assert [href for url in paged_list(built, "/places/big-place/event-place/") for href in _linked(built[url], r"/events/e-\d+/")] == events
    assert [href for url in paged_list(built, "/places/big-place/linked/") for href in _linked(built[url], r"/people/p-\d+/")] == PEOPLE_BY_NAME


def test_a_short_role_is_listed_whole_with_no_list_of_its_own(built):
    """A person's page lists the one letter that links it in full, with no role list."""
    page = built["/people/p-000/"]
    assert not any(url.startswith("/people/p-000/") and url != "/people/p-000/" for url in built)
    assert "The first" not in page.text


def test_a_letter_page_shows_its_first_replies_and_links_them_all(built):
    thread = built["thread"]
    replies = [f"r-{n:03d}" for n in range(REPLYING)]
    assert thread.cards == replies[:FIRST_LETTERS]
    assert f"The first {FIRST_LETTERS} of {REPLYING}, in order of date." in thread.text
    assert "/letters/answered-letter/replies/" in {href for href, _ in thread.links}
    assert "Referred to" not in built["/letters/answered-letter/"].text  # the replies are not listed twice
    listed = [card for url in paged_list(built, "/letters/answered-letter/replies/") for card in built[url].cards]
    assert listed == replies


def test_a_letter_with_few_replies_lists_them_whole(built):
    assert "/letters/r-000/replies/" not in built
    assert not any(url.startswith("/letters/cited-letter/replies") for url in built)
