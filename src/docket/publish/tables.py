"""``data/letters.json``, ``data/letters.csv`` and ``data/entities.json``: every record's
fields, with the names and page addresses of what they refer to, and each date as its
EDTF text with its earliest and latest day.

Written record by record (the JSON as an array of one object a line), so memory does not
grow with the archive. The Markdown bodies are not included: they are the pages' text.
``CSV_FIELDS`` describes the CSV's columns; the data package's table schema is made from it.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

import orjson

from docket.archive.kinds import DOCUMENT_KINDS, ENTITIES, KINDS
from docket.archive.link import Site
from docket.archive.model import TEXT_EXTENTS, Entity, Letter
from docket.config import Config
from docket.publish.records import Addresses, authority_uris, date_fields

DATA_FOLDER = "data"
LETTERS_JSON = "letters.json"
LETTERS_CSV = "letters.csv"
ENTITIES_JSON = "entities.json"
LIST_SEPARATOR = "|"  # between the items of a list in one CSV cell (ids never hold one)

#: the CSV's columns: (name, Table Schema type, description)
CSV_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("id", "string", "the letter's id (its file name without .md)"),
    ("url", "string", "the letter's page: absolute when the site's base_url is set, else a path from the site's root"),
    ("kind", "string", f"what the document is: {', '.join(DOCUMENT_KINDS)}"),
    ("title", "string", "the letter's title as its page shows it"),
    ("date", "string", "the date as written, in EDTF"),
    ("date_earliest", "string", "the first day the date can mean, ISO 8601 (a sign before years before 1)"),
    ("date_latest", "string", "the last day the date can mean, ISO 8601 (a sign before years before 1)"),
    ("date_note", "string", "a note on the date (Markdown)"),
    ("senders", "string", "ids of the senders, separated by |"),
    ("sender_names", "string", "names of the senders, separated by |"),
    ("recipients", "string", "ids of the recipients, separated by |"),
    ("recipient_names", "string", "names of the recipients, separated by |"),
    ("place_sent", "string", "id of the place it was sent from"),
    ("place_sent_name", "string", "name of the place it was sent from"),
    ("place_received", "string", "id of the place it was received at"),
    ("place_received_name", "string", "name of the place it was received at"),
    ("language", "string", "language of the text given (BCP 47 code)"),
    ("original_language", "string", "language of the original, when the text is a translation"),
    ("text", "string", f"how much of the text is given: {', '.join(TEXT_EXTENTS)}"),
    ("in_reply_to", "string", "ids of the letters it answers, separated by |"),
    *(field for kind in ENTITIES for field in (
        (f"mentions_{kind.folder}", "string", f"ids of the {kind.folder} it mentions, separated by |"),
        (f"mentions_{kind.folder}_names", "string", f"names of the {kind.folder} it mentions, separated by |"),
    )),
    ("cites", "string", "ids of the works and letters it cites, separated by |"),
    ("source_title", "string", "the source's title"),
    ("source_publisher", "string", "who published the source"),
    ("source_url", "string", "the source's address"),
    ("source_published", "string", "when the source was published, in EDTF"),
    ("source_location", "string", "where in the source the letter is"),
    ("summary", "string", "a summary of the letter"),
    ("note", "string", "the editor's note (Markdown)"),
    ("extra", "string", "the letter's extra fields, as JSON"),
)


def letter_record(letter: Letter, site: Site, addresses: Addresses, language: str) -> dict[str, Any]:
    """A letter as ``letters.json`` gives it."""
    source = letter.source
    return {
        "id": letter.id,
        "url": addresses.record(letter.id),
        "kind": letter.kind,
        "title": site.titles[letter.id],
        "date": date_fields(letter.date),
        "date_note": letter.date_note,
        "senders": addresses.refs(letter.senders),
        "recipients": addresses.refs(letter.recipients),
        "place_sent": addresses.ref(letter.place_sent) if letter.place_sent else None,
        "place_received": addresses.ref(letter.place_received) if letter.place_received else None,
        "language": letter.language or language,
        "original_language": letter.original_language,
        "text": letter.text,
        "in_reply_to": addresses.refs(letter.in_reply_to),
        "mentions": {KINDS[kind].folder: addresses.refs(ids) for kind, ids in site.mentioned.get(letter.id, {}).items()},
        "cites": [{**addresses.ref(c.target), "ref": c.ref, "note": c.note} for c in letter.cites],
        "source": {
            "title": source.title,
            "lead": source.lead,
            "publisher": source.publisher,
            "publisher_entity": addresses.ref(source.publisher_id) if source.publisher_id else None,
            "url": source.url,
            "published": date_fields(source.published),
            "location": source.location,
        },
        "summary": letter.summary,
        "note": letter.note,
        "extra": letter.extra,
    }


def csv_row(record: dict[str, Any]) -> list[str]:
    """A ``letters.json`` record as a row of ``letters.csv``, in ``CSV_FIELDS`` order."""
    date, source = record["date"] or {}, record["source"]
    published = source["published"] or {}
    row = [record["id"], record["url"] or "", record["kind"], record["title"], date.get("edtf", ""), date.get("earliest") or "", date.get("latest") or "", record["date_note"]]
    for field in ("senders", "recipients"):
        row += [_joined(ref["id"] for ref in record[field]), _joined(ref["name"] for ref in record[field])]
    for field in ("place_sent", "place_received"):
        row += [record[field]["id"], record[field]["name"]] if record[field] else ["", ""]
    row += [record["language"], record["original_language"], record["text"], _joined(ref["id"] for ref in record["in_reply_to"])]
    for kind in ENTITIES:
        refs = record["mentions"].get(kind.folder, [])
        row += [_joined(ref["id"] for ref in refs), _joined(ref["name"] for ref in refs)]
    row.append(_joined(ref["id"] for ref in record["cites"]))
    row += [source["title"], source["publisher"], source["url"], published.get("edtf", ""), source["location"]]
    row += [record["summary"], record["note"], orjson.dumps(record["extra"]).decode() if record["extra"] else ""]
    return row


def _joined(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


def entity_record(entity: Entity, site: Site, addresses: Addresses) -> dict[str, Any]:
    """An entity as ``entities.json`` gives it."""
    return {
        "id": entity.id,
        "kind": entity.kind,
        "url": addresses.record(entity.id),
        "name": entity.name,
        "aliases": entity.aliases,
        "description": entity.description,
        "dates": {name: date_fields(date) for name, date in entity.dates.items()},
        "authority": dict(sorted(entity.authority.items())),
        "authority_uris": authority_uris(entity),
        "places": addresses.refs(entity.places),
        "letters": site.letter_count(entity.id),
        "extra": entity.extra,
    }


def write_tables(folder: Path, site: Site, config: Config) -> list[Path]:
    """Write the three tables into ``folder`` (``site/data/``); letters in date order,
    entities by kind and name, as the site lists them."""
    folder.mkdir(parents=True, exist_ok=True)
    addresses = Addresses(site, config)
    letters_json, letters_csv, entities_json = folder / LETTERS_JSON, folder / LETTERS_CSV, folder / ENTITIES_JSON
    with open(letters_json, "wb") as out, open(letters_csv, "w", encoding="utf-8", newline="") as table:
        rows = csv.writer(table, lineterminator="\r\n")
        rows.writerow([name for name, _, _ in CSV_FIELDS])
        records = (letter_record(site.letters[i], site, addresses, config.language) for i in site.chronology)
        for record in _json_array(out, records):
            rows.writerow(csv_row(record))
    entity_ids = [i for kind in site.by_kind.values() for i in kind]
    with open(entities_json, "wb") as out:
        for _ in _json_array(out, (entity_record(site.entities[i], site, addresses) for i in entity_ids)):
            pass
    return [letters_json, letters_csv, entities_json]


def _json_array(out: BinaryIO, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Write ``records`` as a JSON array in UTF-8, one object a line, passing each on once written."""
    out.write(b"[")
    separator = b"\n"
    for record in records:
        out.write(separator)
        out.write(orjson.dumps(record))
        separator = b",\n"
        yield record
    out.write(b"\n]\n")
