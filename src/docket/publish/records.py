"""What every published file says of a record: its name, its address, its authority URI,
its date as EDTF text with earliest and latest day.

One place for these, so that CMIF, the tables and the feed agree with each other and
with the pages.
"""

from __future__ import annotations

from typing import Any

from docket.archive.dates import EdtfDate
from docket.archive.link import Site
from docket.archive.model import Entity
from docket.config import Config

#: authority file -> its URI for an id, in the form CMIF and correspSearch use
AUTHORITY_URIS: dict[str, str] = {
    "gnd": "https://d-nb.info/gnd/{}",
    "viaf": "https://viaf.org/viaf/{}",
    "wikidata": "http://www.wikidata.org/entity/{}",
    "geonames": "http://www.geonames.org/{}",
}
#: which authority names an entity first, by kind: GeoNames for places, GND for the rest
PREFERRED: dict[str, tuple[str, ...]] = {
    "place": ("geonames", "wikidata", "gnd", "viaf"),
}
DEFAULT_PREFERRED = ("gnd", "viaf", "wikidata", "geonames")


class Addresses:
    """Page addresses: absolute when ``base_url`` is set, else paths from the site's root.

    Each record's reference is made once and shared by every letter that names it.
    """

    def __init__(self, site: Site, config: Config) -> None:
        self.site = site
        self.config = config
        self._refs: dict[str, dict[str, Any]] = {}

    def page(self, url: str) -> str:
        return self.config.absolute_url(url) or url

    def record(self, record_id: str) -> str | None:
        url = self.site.url(record_id)
        return self.page(url) if url else None

    def ref(self, record_id: str) -> dict[str, Any]:
        """A reference as the tables give it: id, name (or title) and page address."""
        found = self._refs.get(record_id)
        if found is None:
            found = self._refs[record_id] = {"id": record_id, "name": self.site.titles.get(record_id, ""), "url": self.record(record_id)}
        return found

    def refs(self, ids: list[str]) -> list[dict[str, Any]]:
        return [self.ref(i) for i in ids]


def authority_uris(entity: Entity) -> dict[str, str]:
    """Every authority id of an entity as a URI, in the authorities' fixed order."""
    return {name: AUTHORITY_URIS[name].format(value) for name, value in sorted(entity.authority.items())}


def authority_uri(entity: Entity) -> str | None:
    """The one URI that names an entity in CMIF: the first authority its kind prefers."""
    for name in PREFERRED.get(entity.kind, DEFAULT_PREFERRED):
        if name in entity.authority:
            return AUTHORITY_URIS[name].format(entity.authority[name])
    return None


def date_fields(date: EdtfDate | None) -> dict[str, str | None] | None:
    """A date as its EDTF text with the first and last day it can mean (ISO, or None if open)."""
    if date is None:
        return None
    return {
        "edtf": date.text,
        "earliest": date.earliest.isoformat() if date.earliest else None,
        "latest": date.latest.isoformat() if date.latest else None,
    }
