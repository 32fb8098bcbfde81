"""What the archive still lacks: the editor's to-do list, read off the linked Site.

Each :class:`Lack` is one kind of gap — entities without an authority id, entities no
letter names, letters without a source address, dates that are uncertain or missing,
reply threads with a letter missing — and lists the records that have it, in the order
pages list them (letters earliest first, entities by kind and name). One pass over the
records and one over the backlinks: nothing pairwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docket.archive.kinds import ENTITY_KINDS, KIND_LABELS
from docket.archive.link import Site


@dataclass(frozen=True, slots=True)
class Item:
    """One record that lacks something, with what exactly when there is more to say."""

    record_id: str
    kind: str  # the record's kind: "letter", "person" …
    title: str
    path: str  # its content file, relative to the site folder
    detail: str = ""

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.capitalize())


@dataclass(frozen=True, slots=True)
class Lack:
    key: str  # a stable name: the HTML page's anchor
    heading: str
    advice: str  # what to add, and where
    items: list[Item] = field(default_factory=list)


def report(site: Site) -> list[Lack]:
    """Every kind of gap, in a fixed order, each with its records (possibly none)."""
    return [
        _no_authority(site),
        _unnamed(site),
        _no_source_url(site),
        _uncertain_dates(site),
        _undated(site),
        _broken_threads(site),
    ]


def _item(site: Site, record_id: str, detail: str = "") -> Item:
    record = site.letters.get(record_id) or site.entities[record_id]
    return Item(record_id, record.kind, site.titles[record_id], record.path, detail)


def _entity_ids(site: Site) -> list[str]:
    return [entity_id for kind in ENTITY_KINDS for entity_id in site.by_kind[kind]]


def _no_authority(site: Site) -> Lack:
    items = [_item(site, i) for i in _entity_ids(site) if not site.entities[i].authority]
    return Lack("no-authority", "Entities without an authority id", "add wikidata, viaf, gnd or geonames to the entity's front-matter", items)


def _unnamed(site: Site) -> Lack:
    named = {
        target
        for target, roles in site.links_to.items()
        if any(source in site.letters for sources in roles.values() for source in sources)
    }
    items = [_item(site, i) for i in _entity_ids(site) if i not in named]
    return Lack("unnamed", "Entities no letter names", "link the entity from a letter's text or front-matter, or remove it", items)


def _no_source_url(site: Site) -> Lack:
    items = [_item(site, i) for i in site.chronology if not site.letters[i].source.url]
    return Lack("no-source-url", "Letters without a source address", "add the address of the source as source.url", items)


def _uncertain_dates(site: Site) -> Lack:
    items = []
    for letter_id in site.chronology:
        date = site.letters[letter_id].date
        if date is not None and date.is_uncertain_or_approximate:
            items.append(_item(site, letter_id, date.text))
    return Lack("uncertain-dates", "Letters with an uncertain or approximate date", "narrow the date when evidence allows, and give it in date_note", items)


def _undated(site: Site) -> Lack:
    items = [_item(site, i) for i in site.chronology if site.letters[i].date is None]
    return Lack("undated", "Letters without a date", "give an EDTF date, as narrow as the evidence allows", items)


def _broken_threads(site: Site) -> Lack:
    """Letters that answer one the archive lacks, or has only from mentions (no text)."""
    items = []
    for letter_id in site.chronology:
        for answered in site.letters[letter_id].in_reply_to:
            original = site.letters.get(answered)
            if original is None:
                items.append(_item(site, letter_id, f"replies to '{answered}', which is not a letter in the archive"))
            elif original.text == "mentioned":
                items.append(_item(site, letter_id, f"replies to '{answered}', known only from mentions"))
    return Lack("broken-threads", "Reply threads with a letter missing", "add the missing letter, or its text when a source gives it", items)
