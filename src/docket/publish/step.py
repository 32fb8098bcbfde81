"""The publish step: every data file into the build's staging folder, then the Data page.

Called by the build once the pages are rendered (the sitemap lists them). Outputs that
need full addresses — CMIF, sitemap, feed, robots.txt's ``Sitemap`` line — are left out
when ``base_url`` is not set, and ``base_url_warning`` says so once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from docket.archive.link import Site
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
from docket.site.write import PageWriter

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


def publish(staging: Path, site: Site, config: Config, renderer: Renderer, page_urls: Iterable[str]) -> list[Path]:
    """Write every data file into ``staging`` and render the Data page listing them;
    ``page_urls`` are the pages the build wrote (for the sitemap). Returns what it wrote."""
    files = write_tables(staging / DATA_FOLDER, site, config)
    cmif = None
    if config.has_base_url:
        cmif = write_cmif(staging, site, config)
        files += [cmif, write_feed(staging, site, config), *write_sitemap(staging, [*page_urls, DATA_PAGE], config)]
    files.append(write_robots(staging, config))
    files.append(write_datapackage(staging / DATA_FOLDER, config, cmif))
    files.append(write_data_page(staging, config, renderer))
    return files


def write_data_page(staging: Path, config: Config, renderer: Renderer) -> Path:
    """The Data page: each file written, with its size and what it holds; the licence;
    how to cite the archive."""
    files = []
    for name, mediatype, description in LISTED:
        path = staging / name
        if path.exists():
            files.append({"name": path.name, "href": renderer.views.href("/" + name), "mediatype": mediatype, "size": file_size(path.stat().st_size), "description": description})
    license = {"id": config.license, "title": LICENSES[config.license][0], "url": LICENSES[config.license][1]} if config.license else None
    html = renderer.render("data.html", DATA_PAGE, title="Data", files=files, license=license, citation=citation(config))
    PageWriter(staging).write(Page(DATA_PAGE, html, False))
    return staging / "data" / "index.html"


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
