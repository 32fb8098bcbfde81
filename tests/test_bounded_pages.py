"""Pages stay small at any size, and long lists are paged: a generated archive in which
one person writes or receives most letters, built and read through an HTML parser.

Every page is at most 150 KB and 1,500 elements; the central person's letters in each
role stand once each in the role's paged list, whose pages link each other in order;
large years are paged by month; correspondence pages hold the letters of their pair
both ways, with their reply threads; a letter's page links its neighbours in each of its
correspondences; and the counts the pages give are the archive's.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import REPO

from docket.archive.correspondence import pair_id
from docket.archive.link import ROLES, Site
from docket.engine.build import build, check
from docket.site.timeline import placement

LETTERS = 2000
MAX_BYTES = 150 * 1024
MAX_ELEMENTS = 1500
LETTER_URL = re.compile(r"/letters/([a-z0-9-]+)/$")


@dataclass
class Parsed:
    """What the tests read of a page."""

    elements: int = 0
    cards: list[str] = field(default_factory=list)  # letter ids of the cards, in order
    links: list[tuple[str, dict]] = field(default_factory=list)  # (href, attributes)
    ids: set[str] = field(default_factory=set)
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.page = Parsed()
        self.in_title = False
        self.in_pages = False  # inside a list's <nav aria-label="Pages">
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.page.elements += 1
        attributes = dict(attrs)
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "p" and attributes.get("class") == "card-title":
            self.in_title = True
        if tag == "nav" and attributes.get("aria-label") == "Pages":
            self.in_pages = True
        if tag == "a":
            attributes["in_pages"] = self.in_pages
            href = urljoin(self.url, attributes.get("href", ""))  # links are relative to their page
            self.page.links.append((href, attributes))
            found = LETTER_URL.match(href)
            if self.in_title and found:
                self.page.cards.append(found.group(1))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_title = False
        if tag == "nav":
            self.in_pages = False

    def handle_data(self, data):
        self.texts.append(data)


def parse(html: str, url: str) -> Parsed:
    """A page, its links resolved against its address ``url``."""
    parser = _Parser(url)
    parser.feed(html)
    parser.page.text = " ".join("".join(parser.texts).split())
    return parser.page


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Site, Path]:
    """A generated archive with a central correspondent, built (without search)."""
    folder = tmp_path_factory.mktemp("central")
    subprocess.run([sys.executable, str(REPO / "bench" / "make_archive.py"), str(LETTERS), str(folder), "--central", "0.6"], check=True, capture_output=True)
    build(folder, folder / "site", search=False)
    return check(folder).site, folder / "site"


@pytest.fixture(scope="module")
def pages(archive) -> dict[str, Parsed]:
    _, output = archive
    found = {}
    for path in sorted(output.rglob("*.html")):
        url = "/" + path.relative_to(output).as_posix().removesuffix("index.html")
        found[url] = parse(path.read_text(encoding="utf-8"), url)
    return found


@pytest.fixture(scope="module")
def sizes(archive) -> dict[str, int]:
    _, output = archive
    return {"/" + p.relative_to(output).as_posix().removesuffix("index.html"): p.stat().st_size for p in output.rglob("*.html")}


@pytest.fixture(scope="module")
def hub(archive) -> str:
    """The central person: the one with most letters sent and received."""
    site, _ = archive
    counts = Counter()
    for letter in site.letters.values():
        counts.update(set(letter.senders) | set(letter.recipients))
    person, letters = counts.most_common(1)[0]
    assert letters > LETTERS / 2, "the generated archive has no central correspondent"
    return person


def paged_list(pages: dict[str, Parsed], base: str, first: str = "") -> list[str]:
    """The URLs of a paged list (page N at ``base``N/, the first at ``base`` or at
    ``first``), following its "next" links; each page's navigation checked against its
    place in the list."""
    first = first or base
    urls = [first]
    while True:
        page = pages[urls[-1]]
        nexts = {href for href, a in page.links if a.get("rel") == "next" and a["in_pages"]}
        prevs = {href for href, a in page.links if a.get("rel") == "prev" and a["in_pages"]}
        number = len(urls)
        assert prevs == ({urls[-2]} if number > 1 else set()), f"{urls[-1]}: previous page {prevs}"
        if number > 1 or nexts:
            current = {href for href, a in page.links if a.get("aria-current") == "page" and a["in_pages"]}
            assert current == {urls[-1]}, f"{urls[-1]} does not mark itself as the current page: {current}"
            assert f"Page {number} of " in page.text
        if not nexts:
            return urls
        (after,) = nexts
        assert after == f"{base}{number + 1}/", f"{urls[-1]}: next page is {after}"
        urls.append(after)


def test_every_page_is_small(pages, sizes):
    assert len(pages) > LETTERS
    over = [(url, sizes[url], page.elements) for url, page in pages.items() if sizes[url] > MAX_BYTES or page.elements > MAX_ELEMENTS]
    assert over == []


def test_each_role_list_of_the_central_person_holds_each_letter_once(archive, pages, hub):
    site, _ = archive
    roles = {role: [s for s in sources if s in site.letters] for role, sources in site.links_to[hub].items()}
    assert {"sent", "received", "mentioned"} <= roles.keys()
    for role, letters in roles.items():
        first = f"/people/{hub}/{role.replace('_', '-')}/"
        urls = paged_list(pages, first)
        listed = [card for url in urls for card in pages[url].cards]
        assert listed == letters, f"{first}: the list is not the role's letters, each once, in date order"
        assert len(urls) == -(-len(letters) // 50)


def test_the_entity_page_opens_with_counts_that_match_the_archive(archive, pages, hub):
    site, _ = archive
    page = pages[f"/people/{hub}/"]
    roles = {role: [s for s in sources if s in site.letters] for role, sources in site.links_to[hub].items()}
    for role, letters in roles.items():
        assert f"{ROLES[role]} ({len(letters)})" in page.text, f"no count for {role}"
        assert f"role-{role}" in page.ids
        assert any(href == f"/people/{hub}/#role-{role}" for href, _ in page.links), f"no jump link to {role}"
        assert any(href == f"/people/{hub}/{role.replace('_', '-')}/" for href, _ in page.links)
    # the opening lists show a letter once, however many roles it has
    assert len(page.cards) == len(set(page.cards)) <= 10 * len(roles)
    # counts by year: the table's links lead into each role's list at that year
    for role, letters in roles.items():
        years = Counter(placement(site.letters[i].date)[0] for i in letters)
        for year, n in years.items():
            cell = [href for href, _ in page.links if href.startswith(f"/people/{hub}/{role.replace('_', '-')}/") and href.endswith(f"#y-{year}")]
            assert len(cell) == 1, f"{role} {year}: {cell}"
            target, _, anchor = cell[0].partition("#")
            assert anchor in pages[target].ids
    # the top correspondents, with their counts, linked to their correspondences
    for name in site.correspondents[hub][:10]:
        assert f"/correspondence/{name}/" in {href for href, _ in page.links}


def test_all_correspondents_are_listed_with_their_counts(archive, pages, hub):
    site, _ = archive
    names = site.correspondents[hub]
    urls = paged_list(pages, f"/people/{hub}/correspondents/")
    linked = [href for url in urls for href, _ in pages[url].links if href.startswith("/correspondence/")]
    assert linked == [f"/correspondence/{name}/" for name in names]
    counts = [len(site.correspondences[name].letters) for name in names]
    assert counts == sorted(counts, reverse=True)


def test_large_years_are_paged_by_month(archive, pages):
    site, _ = archive
    by_year: dict[str, list[str]] = {}
    for letter_id in site.chronology:
        by_year.setdefault(placement(site.letters[letter_id].date)[0], []).append(letter_id)
    large = [year for year, letters in by_year.items() if len(letters) > 50 and year != "undated"]
    assert large, "no year large enough to be paged"
    for year in large:
        page = pages[f"/letters/{year}/"]
        assert page.cards == []
        months = sorted({href for href, _ in page.links if re.fullmatch(rf"/letters/{year}/(\d\d|unknown)/", href)})
        assert months
        listed = [card for month in months for url in paged_list(pages, month) for card in pages[url].cards]
        assert sorted(listed) == sorted(by_year[year]) and len(listed) == len(set(listed))
        timeline = [href for href, _ in pages[f"/timeline/{year}/"].links if re.fullmatch(rf"/timeline/{year}/(\d\d|unknown)/", href)]
        assert sorted(timeline) == [m.replace("/letters/", "/timeline/") for m in months]


def test_a_correspondence_page_holds_its_letters_both_ways_with_their_threads(archive, pages, hub):
    site, _ = archive
    name = site.correspondents[hub][0]
    one, other = name.split("--")
    expected = [i for i in site.chronology if (one in site.letters[i].senders and other in site.letters[i].recipients) or (other in site.letters[i].senders and one in site.letters[i].recipients)]
    urls = paged_list(pages, f"/correspondence/{name}/")
    listed = [card for url in urls for card in pages[url].cards]
    assert listed == expected
    forward = sum(1 for i in expected if one in site.letters[i].senders and other in site.letters[i].recipients)
    first = pages[urls[0]]
    assert f"{len(expected)} letters between" in first.text
    assert f"{forward} from {site.titles[one]}, {len(expected) - forward} from {site.titles[other]}" in first.text
    # every reply within the pair points to what it answers, on the page it stands on
    replies = [i for i in expected if any(a in expected for a in site.letters[i].in_reply_to)]
    assert replies, "the correspondence has no reply threads to show"
    anchors = {href for url in urls for href, _ in pages[url].links if "#letter-" in href}
    for letter_id in replies:
        for answered in site.letters[letter_id].in_reply_to:
            page_of = expected.index(answered) // 50 + 1
            target = f"/correspondence/{name}/" + (f"{page_of}/" if page_of > 1 else "")
            assert f"{target}#letter-{answered}" in anchors
            assert f"letter-{answered}" in pages[target].ids


def test_a_letter_links_its_neighbours_in_each_of_its_correspondences(archive, pages):
    site, _ = archive
    letter_ids = [i for i in site.chronology if len(site.letters[i].recipients) > 1][:5] + site.chronology[100:105]
    for letter_id in letter_ids:
        letter = site.letters[letter_id]
        page = pages[f"/letters/{letter_id}/"]
        hrefs = [href for href, _ in page.links]
        for sender in letter.senders:
            for recipient in letter.recipients:
                name = pair_id(sender, recipient)
                letters = site.correspondences[name].letters
                at = letters.index(letter_id)
                assert f"/correspondence/{name}/" in hrefs
                if at > 0:
                    assert f"/letters/{letters[at - 1]}/" in hrefs
                if at + 1 < len(letters):
                    assert f"/letters/{letters[at + 1]}/" in hrefs
        assert f"Letters between {site.titles[letter.senders[0]]} and" in page.text or f"and {site.titles[letter.senders[0]]}" in page.text


def test_entity_indexes_are_bounded_and_paged_in_order(archive, pages):
    site, _ = archive
    listed = [href for href, _ in pages["/people/"].links if re.fullmatch(r"/people/[a-z0-9-]+/", href)]
    assert listed == [f"/people/{i}/" for i in site.by_kind["person"]][: len(listed)]


def test_a_large_entity_index_is_paged_with_each_initial_found(scratch_site, monkeypatch):
    """An index of more entities than a page holds: pages at /people/page/N/, every
    entity once and in order, and each initial's link leading to the page it begins on."""
    from docket.site import render
    from docket.site.render import Renderer

    names = [f"{initial} Person {n}" for initial in "ABCDE" for n in range(4)]
    files = {f"content/people/p-{i:02d}.md": f"---\nname: {name}\ndescription: Someone.\n---\n" for i, name in enumerate(names)}
    site_dir = scratch_site(files, with_people=False)
    monkeypatch.setattr(render, "INDEX_PAGE_SIZE", 6)
    checked = check(site_dir)
    renderer = Renderer(checked.site, checked.config, None)
    keys = [key for key in renderer.index_page_keys() if key.section == "kind"]
    assert keys == [render.IndexKey("kind", "person", n) for n in (1, 2, 3, 4)]
    pages = {}
    for key in keys:
        page = renderer.index_page(key)
        pages[page.url] = parse(page.html, page.url)
    assert list(pages) == ["/people/", "/people/page/2/", "/people/page/3/", "/people/page/4/"]
    listed = [href for url in paged_list(pages, "/people/page/", first="/people/") for href, _ in pages[url].links if re.fullmatch(r"/people/p-\d\d/", href)]
    assert listed == [f"/people/p-{i:02d}/" for i in range(20)]
    jumps = {href for href, _ in pages["/people/"].links if "#initial-" in href}
    # six a page: A and two of B on the first; the rest of B and C on the second; D and two of E on the third
    assert jumps == {"/people/#initial-1", "/people/#initial-2", "/people/page/2/#initial-3", "/people/page/3/#initial-4", "/people/page/3/#initial-5"}
    for jump in jumps:
        target, _, anchor = jump.partition("#")
        assert anchor in pages[target].ids


def test_a_circular_letter_links_only_its_first_correspondences(scratch_site):
    """A letter to many recipients is in a correspondence with each; its page links the
    first ten of them and says how many there are, so that it stays small."""
    from conftest import letter

    people = {f"content/people/p-{i:02d}.md": f"---\nname: Person {i:02d}\ndescription: Someone.\n---\n" for i in range(13)}
    recipients = ", ".join(f"p-{i:02d}" for i in range(1, 13))
    circular = letter(f"date: 2021-05-24\nsenders: [p-00]\nrecipients: [{recipients}]\ntext: full\nsource: {{title: A source}}\n")
    site_dir = scratch_site({**people, "content/letters/circular.md": circular}, with_people=False)
    build(site_dir, site_dir / "site", search=False)
    page = parse((site_dir / "site/letters/circular/index.html").read_text(encoding="utf-8"), "/letters/circular/")
    linked = [href for href, _ in page.links if href.startswith("/correspondence/")]
    assert linked == [f"/correspondence/p-00--p-{i:02d}/" for i in range(1, 11)]
    assert "This letter is in 12 correspondences" in page.text
    assert (site_dir / "site/correspondence/p-00--p-12/index.html").is_file()
