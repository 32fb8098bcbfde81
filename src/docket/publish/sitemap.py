"""``site/sitemap.xml`` (every page, for search engines) and ``site/robots.txt``.

A sitemap holds at most 50,000 addresses (the protocol's limit); a larger site gets a
sitemap index at ``sitemap.xml`` pointing to ``sitemap-1.xml``, ``sitemap-2.xml``, …
Addresses are sorted. Both need ``base_url``: robots.txt is written without it, but
then has no ``Sitemap`` line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from docket.config import Config
from docket.publish.cmif import text

SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"
SITEMAP_LIMIT = 50_000  # addresses in one sitemap, as sitemaps.org allows
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: pages that are not content: no search engine should list them
UNLISTED = frozenset({"/404.html"})


def write_sitemap(folder: Path, urls: Iterable[str], config: Config, limit: int = SITEMAP_LIMIT) -> list[Path]:
    """Write the sitemap (and, past ``limit`` pages, its parts) for the site's page URLs."""
    addresses = sorted({config.absolute_url(url) or url for url in urls if url not in UNLISTED})
    if len(addresses) <= limit:
        return [_write(folder / SITEMAP_FILE, "urlset", "url", addresses)]
    parts = []
    for number, start in enumerate(range(0, len(addresses), limit), 1):
        parts.append(_write(folder / f"sitemap-{number}.xml", "urlset", "url", addresses[start : start + limit]))
    index = [config.absolute_url("/" + part.name) or part.name for part in parts]
    return [_write(folder / SITEMAP_FILE, "sitemapindex", "sitemap", index), *parts]


def _write(path: Path, root: str, item: str, addresses: list[str]) -> Path:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{SITEMAP_NAMESPACE}">\n')
        out.writelines(f"  <{item}><loc>{text(address)}</loc></{item}>\n" for address in addresses)
        out.write(f"</{root}>\n")
    return path


def write_robots(folder: Path, config: Config) -> Path:
    """Everything may be crawled; the sitemap's address when it is known."""
    sitemap = config.absolute_url("/" + SITEMAP_FILE)
    path = folder / ROBOTS_FILE
    path.write_text("User-agent: *\nAllow: /\n" + (f"\nSitemap: {sitemap}\n" if sitemap else ""), encoding="utf-8", newline="\n")
    return path
