"""Paged lists: a long list shown a page at a time, each page at a stable address.

A list is cut, in its order, into pages of at most ``size`` items: page 1 is at the
list's own address, page k at ``ADDRESS/k/`` (``paths.list_page_url``). A page's
navigation names the first and the last page, the previous and the next, and the two
either side of the current one, so that it stays small however long the list is; a
list in date order also says on which page each year begins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence, TypeVar

from docket.paths import Url, list_page_url

#: letters on a page of a list: about 15 elements and 800 bytes each
PAGE_SIZE = 50
#: the pages either side of the current one that the navigation names
AROUND = 2

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int
    url: str
    current: bool = False


@dataclass(frozen=True, slots=True)
class Pagination:
    """A page's place in its list, for the ``pagination`` macro."""

    number: int
    count: int  # pages in the list
    first: int  # the position in the list of the page's first item, from 1
    last: int  # … and of its last
    total: int  # items in the list
    previous: str  # the previous page's address, or ""
    next: str  # the next page's address, or ""
    pages: tuple[PageLink | None, ...]  # the pages named, in order; None where pages are left out


def page_count(items: int, size: int = PAGE_SIZE) -> int:
    """Pages a list of ``items`` takes: at least one."""
    return max(1, -(-items // size))


def page_items(items: Sequence[T], number: int, size: int = PAGE_SIZE) -> Sequence[T]:
    return items[(number - 1) * size : number * size]


def pagination(base: str, total: int, number: int, size: int = PAGE_SIZE, first: str = "") -> Pagination:
    """Page ``number`` of a list of ``total`` items whose first page is at ``base`` (or at
    ``first``, when the other pages are below ``base`` and the first is not)."""
    count = page_count(total, size)

    def url(n: int) -> str:
        return first if n == 1 and first else list_page_url(Url(base), n)

    shown = sorted({1, count, *range(max(1, number - AROUND), min(count, number + AROUND) + 1)})
    pages: list[PageLink | None] = []
    for n in shown:
        if pages and pages[-1] is not None and n > pages[-1].number + 1:
            pages.append(None)
        pages.append(PageLink(n, url(n), n == number))
    return Pagination(
        number=number,
        count=count,
        first=min(total, (number - 1) * size + 1),
        last=min(total, number * size),
        total=total,
        previous=url(number - 1) if number > 1 else "",
        next=url(number + 1) if number < count else "",
        pages=tuple(pages),
    )


def first_pages(keys: Iterable[str], size: int = PAGE_SIZE) -> dict[str, int]:
    """For a list whose items are filed under ``keys`` (a year each, say), in order: the
    page on which each key's first item stands."""
    found: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key not in found:
            found[key] = index // size + 1
    return found
