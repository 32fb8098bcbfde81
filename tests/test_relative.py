"""Links relative to their page: a copy of the site read from disk finds every page and asset."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from conftest import BASIC_LETTER, letter

from docket.engine.build import build
from docket.site.relative import relative_links

PAGE = '<link rel="stylesheet" href="/assets/style.css"><a href="/people/x/">X</a> <a href="//elsewhere.org/">E</a> <a href="https://a.org/people/">A</a> <a href="#top">T</a> <form action="/search/"></form> <script src="/assets/search.js"></script> <p>href=&#34;/people/&#34; in text</p>'


def test_links_to_the_site_are_rewritten_by_the_depth_of_the_page():
    assert relative_links(PAGE, "/letters/a/", "") == PAGE.replace(' href="/a', ' href="../../a').replace(' href="/p', ' href="../../p').replace(' action="/', ' action="../../').replace(' src="/', ' src="../../')
    home = relative_links(PAGE, "/", "")
    assert 'href="./people/x/"' in home and 'href="./assets/style.css"' in home and 'action="./search/"' in home
    assert 'href="//elsewhere.org/"' in home and 'href="https://a.org/people/"' in home and 'href="#top"' in home
    assert "href=&#34;/people/&#34; in text" in home  # text (always escaped) is never rewritten


def test_under_a_base_path_only_links_inside_it_are_rewritten():
    page = '<a href="/archive/people/x/">X</a> <a href="/elsewhere/">E</a>'
    assert relative_links(page, "/archive/people/", "/archive") == '<a href="../people/x/">X</a> <a href="/elsewhere/">E</a>'


def test_the_not_found_page_keeps_paths_from_the_root():
    """A host serves 404.html in place of a missing page at any depth."""
    assert relative_links(PAGE, "/404.html", "") == PAGE
    assert relative_links(PAGE, "/archive/404.html", "/archive") == PAGE


class Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value and not value.startswith(("#", "data:", "http:", "https:")):
                self.targets.append(value)


def test_every_link_of_a_built_site_leads_to_a_file_on_disk(scratch_site):
    """As a browser reading from disk resolves them: a folder's page is its index.html."""
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "content/letters/b.md": letter("date: 2021-06-01\nsenders: [ismail-haniyeh]\nrecipients: [ali-khamenei]\ntext: full\nin_reply_to: [a]\nsource: {title: S}", "See [[a]].")})
    build(site, search=False)
    output = site / "site"
    checked = 0
    for page in sorted(output.rglob("*.html")):
        if page.name == "404.html":
            continue
        parser = Targets()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            assert not target.startswith("/"), f"{page.relative_to(output)}: {target} leads to the root of the disk"
            path = (page.parent / target.split("#")[0].split("?")[0]).resolve()
            if target.split("#")[0].endswith("/"):
                path = path / "index.html"
            assert path.is_file() and path.is_relative_to(output.resolve()), f"{page.relative_to(output)}: {target}"
            checked += 1
    assert checked > 100
    assert Path(output / "assets" / "disk.js").is_file()
