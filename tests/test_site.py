"""The real archive, built: every page there, every internal link and fragment resolving,
backlinks on both sides — all read through an HTML parser."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from conftest import BASIC_LETTER, REPO

from docket.engine.build import build, check


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[dict] = []
        self.h1: int = 0
        self.lang = ""
        self.inline_event_handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag in ("a", "link") and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "script":
            self.scripts.append(attributes)
        if tag == "h1":
            self.h1 += 1
        if tag == "html":
            self.lang = attributes.get("lang", "")
        self.inline_event_handlers += [name for name in attributes if name.startswith("on")]


def parse(path: Path, url: str = "/") -> PageParser:
    """The page's links resolved against its own address, as a browser resolves them."""
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.links = [urljoin(url, href) for href in parser.links]
    return parser


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("built") / "site"
    build(REPO, output)
    return output


@pytest.fixture(scope="module")
def pages(built) -> dict[str, PageParser]:
    urls = {"/" + p.relative_to(built).as_posix().removesuffix("index.html"): p for p in sorted(built.rglob("*.html")) if "pagefind" not in p.parts}
    return {url: parse(path, url) for url, path in urls.items()}


def test_every_record_has_a_page_and_every_index_exists(pages):
    site = check(REPO).site
    expected = {f"/letters/{i}/" for i in site.letters}
    expected |= {f"/{folder}/{i}/" for i in site.entities for folder in [("people" if site.entities[i].kind == "person" else site.entities[i].kind + "s")]}
    expected |= {"/", "/letters/", "/letters/2021/", "/letters/2022/", "/timeline/", "/timeline/2020/", "/timeline/2021/", "/timeline/2022/", "/search/", "/404.html", "/data/"}
    expected |= {"/people/", "/organizations/", "/places/", "/events/", "/works/"}
    expected |= {f"/correspondence/{name}/" for name in site.correspondences}
    assert set(site.correspondences) == {"ali-khamenei--ismail-haniyeh", "ali-khamenei--ziyad-al-nakhalah"}
    assert set(pages) == expected


def test_every_internal_link_and_fragment_resolves(built, pages):
    broken = []
    for url, page in pages.items():
        for href in page.links:
            target = urlsplit(href)
            if target.scheme or target.netloc:
                continue
            path, fragment = urldefrag(href)
            path = path or url
            if path.startswith("/assets/") or path.startswith("/pagefind/") or not path.endswith(("/", ".html")):
                if not (built / path.lstrip("/")).is_file():
                    broken.append((url, href))
                continue
            if path not in pages:
                broken.append((url, href))
            elif fragment and fragment not in pages[path].ids:
                broken.append((url, href))
    assert broken == []


def test_backlinks_are_on_both_sides(pages):
    site = check(REPO).site
    for letter_id, letter in site.letters.items():
        letter_url = f"/letters/{letter_id}/"
        for entity_id in letter.senders + letter.recipients + [e for ids in letter.mentions.values() for e in ids]:
            entity_url = site.url(entity_id)
            assert entity_url in pages[letter_url].links, (letter_id, entity_id)
            assert letter_url in pages[entity_url].links, (entity_id, letter_id)
        for answered in letter.in_reply_to:
            assert f"/letters/{answered}/" in pages[letter_url].links
            assert letter_url in pages[f"/letters/{answered}/"].links


def test_pages_are_well_formed_and_script_free_but_for_search_reading_from_disk_and_citations(pages):
    """No inline code: the only script blocks are JSON-LD data; code is every page's
    disk.js, the search page's scripts and, on letter pages, the citation buttons'."""
    for url, page in pages.items():
        assert page.lang == "en", url
        assert page.h1 == 1, url
        assert page.inline_event_handlers == [], url
        code = [script for script in page.scripts if script.get("type") != "application/ld+json"]
        for script in code:
            assert script.get("src"), f"inline script on {url}"
        scripts = [urljoin(url, script["src"]) for script in code]
        own = ["/assets/search-room.js", "/assets/search.js"] if url == "/search/" else ["/assets/cite.js"] if "cite-heading" in page.ids else []
        assert scripts == ["/assets/disk.js"] + own, url


def test_search_index_holds_every_letter_and_entity(built):
    entry = (built / "pagefind" / "pagefind-entry.json").read_text()
    site = check(REPO).site
    assert f'"page_count":{len(site.letters) + len(site.entities)}' in entry


def test_a_typical_letter_page_is_small(built):
    page = built / "letters" / "2022-08-11-khamenei-to-al-nakhalah" / "index.html"
    css = built / "assets" / "style.css"
    assert page.stat().st_size + css.stat().st_size < 50_000


def test_no_build_files_are_left_beside_the_output(built):
    assert sorted(p.name for p in built.parent.iterdir()) == ["site"]


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path):
    """Every file, Pagefind's included, under different hash seeds and separate processes."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-m", "docket.commands.cli", "build", "--strict", "--site", str(REPO), "--output", str(out)], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]


def test_output_is_the_same_whatever_the_number_of_workers(tmp_path, monkeypatch):
    from docket.engine import rendering

    monkeypatch.setattr(rendering, "MIN_PARALLEL", 0)
    monkeypatch.setattr(rendering, "CHUNK", 3)
    outputs = []
    for workers in (1, 2, 3):
        out = tmp_path / f"w{workers}"
        build(REPO, out, search=False, workers=workers)
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1] == outputs[2]


def test_search_bundles_are_the_same_whatever_the_number_of_workers(tmp_path, monkeypatch):
    """With an index in bundles, each worker renders a bundle and feeds its own Pagefind:
    the pages and every bundle's files must still come out byte for byte the same."""
    import shutil

    from docket.engine import rendering

    monkeypatch.setattr(rendering, "MIN_PARALLEL", 0)
    site = tmp_path / "src"
    shutil.copytree(REPO / "content", site / "content")
    (site / "docket.toml").write_text((REPO / "docket.toml").read_text(encoding="utf-8") + "\nsearch_bundle_size = 6\n", encoding="utf-8")
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        result = build(site, out, search=True, workers=workers)
        assert result.indexed == result.letters + result.entities
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert any(name.startswith("pagefind/bundle-") for name in outputs[0])
    assert outputs[0] == outputs[1]


def test_names_are_isolated_from_the_text_around_them(built):
    """A name in Arabic script must not reorder the words beside it (a title, a card, a
    list of senders): every link to a record and every card title isolates its text."""
    import re

    page = (built / "people/ziyad-al-nakhalah/index.html").read_text(encoding="utf-8")
    assert '<h1 data-pagefind-meta="title"><bdi>Ziyad al-Nakhalah</bdi></h1>' in page
    letter = (built / "letters/2022-08-11-khamenei-to-al-nakhalah/index.html").read_text(encoding="utf-8")
    record_links = re.findall(r'<a href="\.\./\.\./(?:people|organizations|places|events|works|letters)/[^"#]+/"[^>]*>', letter)
    assert len(record_links) > 5
    assert [a for a in record_links if 'dir="auto"' not in a and 'rel="' not in a and "xref" not in a] == []
    assert '<p class="card-title"><a href="../../letters/' in letter and re.search(r'<p class="card-title"><a href="[^"]+" dir="auto">', letter)


def test_every_page_has_a_description_even_without_one_in_the_settings(scratch_site):
    """Search engines and link previews show it; without the site's own description, a page
    is described by its title and the archive's."""
    import re

    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    (site / "docket.toml").write_text('title = "An archive"\n')
    build(site, search=False)
    pages = sorted((site / "site").rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        found = re.findall(r'<meta name="description" content="([^"]+)">', path.read_text(encoding="utf-8"))
        assert len(found) == 1 and found[0].strip(), path
    search = (site / "site/search/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Search — An archive">' in search
