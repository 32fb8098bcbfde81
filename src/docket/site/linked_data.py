"""schema.org metadata for letter and entity pages, as JSON-LD.

A letter is a ``Message`` (a speech or statement a ``CreativeWork`` with its ``author``):
its senders and recipients as ``Person`` or ``Organization`` with their authority records as ``sameAs``,
what it mentions as ``about``, its source as ``isBasedOn``. An entity is a ``Person``,
``Organization``, ``Place`` (with ``geo`` where it has coordinates), ``Event`` or
``CreativeWork`` with its dates. Dates are given
only where they are exact — a single day, month or year, stated plainly (ISO 8601 allows
the shorter forms); an uncertain, approximate or ranged date is left out rather than
stated as a certainty. Everything is addressed by full URLs, so without ``base_url``
there is no metadata at all (:meth:`LinkedData.letter` and ``entity`` give None).

:func:`script_json` writes it for a ``<script type="application/ld+json">`` block: a
data block, never run, which a Content-Security-Policy without ``'unsafe-inline'``
allows; ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no text from content can
close the block.
"""

from __future__ import annotations

import re
from typing import Any, Callable

import orjson
from markupsafe import Markup

from docket.archive.dates import EdtfDate
from docket.archive.link import Site
from docket.archive.model import Entity, Letter
from docket.config import Config
from docket.paths import record_url

CONTEXT = "https://schema.org"
#: an entity kind's schema.org type; a kind not listed is a plain Thing
SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place", "event": "Event", "work": "CreativeWork"}
#: an entity's date field and the schema.org property it gives
DATE_PROPERTIES = {
    "born": "birthDate",
    "died": "deathDate",
    "founded": "foundingDate",
    "dissolved": "dissolutionDate",
    "start": "startDate",
    "end": "endDate",
    "date": "dateCreated",
}

#: what schema.org's Date and DateTime take: a year, month or day (and a time) in ISO 8601
_ISO_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}(?:T[0-9:.]+(?:Z|[+-][0-9:]+)?)?\Z")


def exact(date: EdtfDate | None) -> str | None:
    """The date as ISO 8601 when it is one plainly stated day, month or year (or moment) of
    the years 0000-9999; else None."""
    if date is None or date.is_uncertain_or_approximate or date.iso is None:
        return None
    return date.iso if _ISO_DATE.match(date.iso) else None


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` block that content cannot close."""
    text = orjson.dumps(data).replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")
    return Markup(text.decode())


class LinkedData:
    """Builds the JSON-LD of one linked site's pages; each record's node is built once."""

    def __init__(self, site: Site, config: Config, same_as: Callable[[Entity], list[str]]) -> None:
        self.site = site
        self.config = config
        self.same_as = same_as
        self._nodes: dict[str, dict[str, Any]] = {}
        self._mentions: dict[str, dict[str, Any]] = {}

    def url(self, record_id: str) -> str:
        record = self.site.record(record_id)
        if record is None:
            return ""
        return self.config.absolute_url(record_url(record.record_kind, record.id)) or ""

    def node(self, record_id: str) -> dict[str, Any]:
        """A record as others refer to it: type, name, URL and authority records."""
        found = self._nodes.get(record_id)
        if found is None:
            record = self.site.record(record_id)
            kind = record.record_kind if record is not None else ""
            found = {"@type": SCHEMA_TYPES.get(kind, "Message" if kind == "letter" else "Thing"), "name": self.site.titles.get(record_id, record_id)}
            if record is not None:
                found["url"] = self.url(record_id)
            if isinstance(record, Entity) and self.same_as(record):
                found["sameAs"] = self.same_as(record)
            self._nodes[record_id] = found
        return found

    def mention(self, record_id: str) -> dict[str, Any]:
        """A record a letter mentions, in short: its type, name and URL (its own page says more)."""
        found = self._mentions.get(record_id)
        if found is None:
            node = self.node(record_id)
            found = self._mentions[record_id] = {name: node[name] for name in ("@type", "name", "url") if name in node}
        return found

    def letter(self, letter: Letter, mentioned: dict[str, list[str]], summary: str = "") -> dict[str, Any] | None:
        """A letter's JSON-LD; ``mentioned``: entity kind -> ids it mentions, inline ones
        included; ``summary`` as plain text (the letter's is Markdown)."""
        if not self.config.has_base_url:
            return None
        is_message = letter.kind == "letter"
        data: dict[str, Any] = {"@context": CONTEXT, "@type": "Message" if is_message else "CreativeWork", "name": self.site.titles[letter.id], "url": self.url(letter.id)}
        if summary:
            data["description"] = summary
        people = {"sender": letter.senders, "recipient": letter.recipients} if is_message else {"author": letter.senders}
        data.update({name: [self.node(i) for i in ids] for name, ids in people.items() if ids})
        date = exact(letter.date)
        if date:
            data["dateCreated"] = date
            if is_message:
                data["dateSent"] = date
        if letter.place_sent:
            data["locationCreated"] = self.node(letter.place_sent)
        about = [self.mention(i) for ids in mentioned.values() for i in ids]
        if about:
            data["about"] = about
        data["inLanguage"] = letter.language or self.config.language
        if letter.is_translation:
            data["translationOfWork"] = {"@type": "CreativeWork", "inLanguage": letter.original_language}
        source = self.source(letter)
        if source:
            data["isBasedOn"] = source
        data["isPartOf"] = {"@type": "WebSite", "name": self.config.title, "url": self.config.absolute_url("/")}
        return data

    def source(self, letter: Letter) -> dict[str, Any] | None:
        """The letter's source as a CreativeWork: title, address, publisher, date."""
        source = letter.source
        data: dict[str, Any] = {"@type": "CreativeWork"}
        if source.title:
            data["name"] = source.title
        if source.url:
            data["url"] = source.url
        if source.publisher_id:
            data["publisher"] = {**self.node(source.publisher_id), **({"name": source.publisher} if source.publisher else {})}
        elif source.publisher:
            data["publisher"] = {"@type": "Organization", "name": source.publisher}
        published = exact(source.published)
        if published:
            data["datePublished"] = published
        return data if len(data) > 1 else None

    def entity(self, entity: Entity) -> dict[str, Any] | None:
        """An entity's JSON-LD: its type, names, description, exact dates, places, authority records."""
        if not self.config.has_base_url:
            return None
        data: dict[str, Any] = {"@context": CONTEXT, **self.node(entity.id)}
        if entity.aliases:
            data["alternateName"] = list(entity.aliases)
        if entity.description:
            data["description"] = entity.description
        for name, date in entity.dates.items():
            value = exact(date)
            if value and name in DATE_PROPERTIES:
                data[DATE_PROPERTIES[name]] = value
        if entity.places:
            data["location"] = [self.node(i) for i in entity.places]
        if entity.coordinates is not None:
            latitude, longitude = entity.coordinates
            data["geo"] = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
        return data
