"""A rendered page, as rendering hands it to writing and to the search index."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from docket.paths import Url


@dataclass(frozen=True, slots=True)
class Page:
    url: Url
    html: str
    indexed: bool  # whether the search index should hold it


class IndexKey(NamedTuple):
    """An index page: ``home``, ``letters`` or ``timeline`` (part: a year's slug,
    ``YEAR/MONTH`` for a month, or '' for the section's first page), ``kind`` (part: the
    entity kind), ``role`` (part: ``RECORD/ROLE``, a list of what refers to a record in one role),
    ``correspondence`` (part: its name), ``correspondents`` (part: the entity),
    ``search``, ``404``; ``page``: the page's number in a paged list."""

    section: str
    part: str = ""
    page: int = 1
