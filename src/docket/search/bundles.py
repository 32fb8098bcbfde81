"""Search bundles: the search index split into parts that the search page merges.

One Pagefind index holds everything it indexes in memory until it is written — about a
quarter of a megabyte per page, so 100,000 letters would need more memory than a
build machine has — and it indexes on one thread. The index is therefore split into
bundles of at most ``bundle_size`` pages (``search_bundle_size`` in docket.toml), each rendered and fed to a Pagefind process of
its own by one worker: two bundles are built at once on two cores, rendering and
indexing side by side.

A bundle is a contiguous run of the pages in date order (their Pagefind sort key, then
URL). The search page loads Pagefind once and merges every bundle into it: by score for
relevance, and for a date order simply bundle after bundle, because every page of one
bundle sorts before every page of the next. The split depends only on the pages and
``bundle_size`` — never on the number of cores — so every machine builds the same index.
"""

from __future__ import annotations

from typing import Sequence

from docket.archive.link import Site
from docket.site.render import search_sort_key

#: from this many pages on, the index is split in at least two bundles, so that both
#: cores index; below it, one Pagefind process keeps up with rendering
SPLIT_FROM = 1000
INDEX_FOLDER = "pagefind"


def bundle_count(pages: int, bundle_size: int) -> int:
    """How many bundles ``pages`` pages are split into: an even number once there are two."""
    if pages < SPLIT_FROM and pages <= bundle_size:
        return 1
    count = max(2, -(-pages // bundle_size))
    return count + count % 2  # an even count keeps two cores equally busy to the end


def plan(entries: Sequence[tuple[str, str]], bundle_size: int) -> list[list[str]]:
    """Split ``(sort key, page id)`` pairs into bundles of page ids, contiguous in (key, id) order.

    Bundle sizes differ by at most one page.
    """
    ordered = sorted(entries)
    count = bundle_count(len(ordered), bundle_size)
    size, extra = divmod(len(ordered), count)
    bundles: list[list[str]] = []
    start = 0
    for number in range(count):
        end = start + size + (1 if number < extra else 0)
        bundles.append([page for _, page in ordered[start:end]])
        start = end
    return bundles


def bundle_folder(number: int) -> str:
    """Where bundle ``number`` lives in the output: the first is Pagefind's usual ``pagefind/``."""
    return f"{INDEX_FOLDER}/" if number == 0 else f"{INDEX_FOLDER}/bundle-{number}/"


def plan_site(site: Site, bundle_size: int) -> list[list[str]]:
    """The ids of the records whose pages the search index holds, split into bundles."""
    return plan([(search_sort_key(site.record(i)), i) for i in site.record_order()], bundle_size)
