"""The publish step: every data file into the build's staging folder, then the Data page.

Run by the build as one of its render tasks; the sitemap once every page is rendered.
Outputs that need full addresses — CMIF, sitemap, feed, robots.txt's ``Sitemap`` line —
are left out when ``base_url`` is not set, and ``base_url_warning`` says so once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from docket.config import CONFIG_FILE, LICENSES, Config
from docket.errors import Problems
from docket.paths import Url
from docket.publish.cmif import CMIF_FILE, write_cmif
from docket.publish.datapackage import DATAPACKAGE_FILE, write_datapackage
from docket.publish.feed import FEED_FILE, write_feed
from docket.publish.sitemap import write_robots, write_sitemap
from docket.publish.tables import (
    DATA_FOLDER,
    ENTITIES_JSON,
    LETTERS_CSV,
    LETTERS_JSON,
    write_tables,
)
from docket.site.page import Page
from docket.site.render import Renderer

DATA_PAGE = Url("/data/")
#: what the Data page lists, in its order: (file from the site's root, media type, description)
LISTED: tuple[tuple[str, str, str], ...] = (
    (f"{DATA_FOLDER}/{LETTERS_CSV}", "text/csv", "every letter, one a row: for spreadsheets"),
    (f"{DATA_FOLDER}/{LETTERS_JSON}", "application/json", "every letter with every field, names and page addresses resolved"),
    (f"{DATA_FOLDER}/{ENTITIES_JSON}", "application/json", "every person, organization, place, event and work, with authority ids"),
    (f"{DATA_FOLDER}/{DATAPACKAGE_FILE}", "application/json", "a Frictionless data package describing these files and their columns"),
    (CMIF_FILE, "application/tei+xml", "the letters in CMIF, the format correspSearch harvests"),
    (FEED_FILE, "application/atom+xml", "an Atom feed of the latest letters by date"),
)


def base_url_warning(config: Config, problems: Problems) -> None:
    """The one warning a build without ``base_url`` gives."""
    if not config.has_base_url:
        problems.warning(
            CONFIG_FILE, None,
            f"base_url is not set, so {CMIF_FILE}, sitemap.xml, {FEED_FILE} and the Sitemap line of robots.txt are left out (they need full addresses)",
            'set base_url = "https://…/" in docket.toml to the address the site is published at',
        )


def publish(staging: Path, renderer: Renderer) -> Page:
    """Write every data file but the sitemap into ``staging``; the Data page listing them.

    Run as one of the build's render tasks, beside the pages; the sitemap, which lists
    every page, is written once they are all rendered (``publish_sitemap``).
    """
    site, config = renderer.site, renderer.config
    write_tables(staging / DATA_FOLDER, site, config)
    cmif = None
    if config.has_base_url:
        cmif = write_cmif(staging, site, config)
        write_feed(staging, site, config)
    write_robots(staging, config)
    write_datapackage(staging / DATA_FOLDER, config, cmif)
    return data_page(staging, config, renderer)


def publish_sitemap(staging: Path, config: Config, page_urls: Iterable[str]) -> list[Path]:
    """The sitemap of the pages the build wrote, when ``base_url`` is set."""
    return write_sitemap(staging, page_urls, config) if config.has_base_url else []


def data_page(staging: Path, config: Config, renderer: Renderer) -> Page:
    """The Data page: each file written, with its size and what it holds; the licence;
    how to cite the archive."""
    files = []
    for name, mediatype, description in LISTED:
        path = staging / name
        if path.exists():
            files.append({"name": path.name, "href": renderer.views.href("/" + name), "mediatype": mediatype, "size": file_size(path.stat().st_size), "description": description})
    license = {"id": config.license, "title": LICENSES[config.license][0], "url": LICENSES[config.license][1]} if config.license else None
    html = renderer.render("data.html", DATA_PAGE, title="Data", files=files, license=license, citation=citation(config))
    return Page(DATA_PAGE, html, False)


def citation(config: Config) -> str:
    """How to cite the archive: editor, title, address (Chicago style for a website)."""
    parts = [f"{config.editor}, ed." if config.editor else "", f"{config.title}."]
    if config.has_base_url:
        parts.append(f"{config.absolute_url('/')}.")
    return " ".join(part for part in parts if part)


def file_size(size: int) -> str:
    """'912 bytes', '186 kB', '22.3 MB': sizes as the Data page shows them."""
    if size < 1000:
        return f"{size} bytes" if size != 1 else "1 byte"
    if size < 1_000_000:
        return f"{size / 1000:.0f} kB"
    return f"{size / 1_000_000:.1f} MB"
