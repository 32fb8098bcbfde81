"""One import: entries in, new content files out, one line of summary.

Each entry's names are matched or made in the register, its letter is given an id from
its date and correspondents, and a key made from what it says (``extra.imported``): an
entry whose key a letter of the site already carries is there already, so importing the
same file twice writes nothing the second time. Files are written once every entry has
been read: entities, then letters, each file whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from docket.archive.kinds import KINDS
from docket.importing.naming import UNKNOWN, is_unknown, surname
from docket.importing.records import Entry, EntryProblem, Name, Skipped
from docket.importing.register import Known, Register
from docket.importing.writing import front_matter, write_new

CORRESPONDENT = ("person", "organization")
_MARKDOWN_SIGNS = re.compile(r"[\\`*_\[\]<>|~]")
_BLOCK_START = re.compile(r"\A(\s*(?:[0-9]+)?)([#+=.)-])")
_FIRST_DATE = re.compile(r"[0-9][0-9X]{3}(?:-[0-9X]{2}){0,2}")


@dataclass(slots=True)
class ImportResult:
    letters: dict[str, str] = field(default_factory=dict)  # id -> file text
    already: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    made: Counter = field(default_factory=Counter)  # entity kind -> entities made

    def summary(self, source: str) -> str:
        people, organizations, places = (_count(self.made[kind], kind) for kind in ("person", "organization", "place"))
        text = f"Imported {_count(len(self.letters), 'letter')}, {people}, {organizations} and {places} from {source}"
        text += f"; {self.already} already in the site" if self.already else ""
        return text + (f"; skipped {len(self.skipped)} that could not be taken." if self.skipped else ".")


def _count(number: int, kind: str) -> str:
    return f"{number} {kind if number == 1 else KINDS[kind].folder}"


def run_import(site_dir: Path, entries: Iterable[Entry | Skipped], source: str) -> ImportResult:
    """Import ``entries`` into ``site_dir``; ``source`` names the file in new entities' descriptions."""
    register = Register.of_site(site_dir)
    result = ImportResult()
    seen: Counter = Counter()
    for entry in entries:
        if isinstance(entry, Skipped):
            result.skipped.append(entry)
            continue
        try:
            _take(entry, register, result, seen)
        except EntryProblem as exc:
            where = f"{entry.where.rsplit(':', 1)[0]}:{exc.line}" if exc.line else entry.where
            result.skipped.append(Skipped(where, exc.message, exc.hint))
    new = register.new_entities()
    for entity in new:
        write_new(site_dir / "content" / KINDS[entity.kind].folder / f"{entity.id}.md", _entity_file(entity, source))
        result.made[entity.kind] += 1
    for letter_id, text in result.letters.items():
        write_new(site_dir / "content" / "letters" / f"{letter_id}.md", text)
    return result


def _take(entry: Entry, register: Register, result: ImportResult, seen: Counter) -> None:
    key = _key(entry)
    seen[key] += 1
    key = f"{key}-{seen[key]}" if seen[key] > 1 else key
    if key in register.import_keys:
        result.already += 1
        return
    found = _resolve(entry, register)
    senders, recipients = found["senders"], found["recipients"]
    sender, recipient = register.entities[senders[0]], register.entities[recipients[0]]
    base = f"{_date_part(entry.date)}-{surname(sender.name, sender.kind)}-to-{surname(recipient.name, recipient.kind)}"
    letter_id = register.ids.claim(base, "letter")
    register.import_keys.add(key)
    result.letters[letter_id] = _letter_file(entry, found, key)


def _resolve(entry: Entry, register: Register) -> dict[str, list[str]]:
    """Ids for every name of the entry: found, or made once nothing in it is wrong."""
    fields: dict[str, tuple[list[Name], tuple[str, ...]]] = {
        "senders": (entry.senders or [Name(UNKNOWN)], CORRESPONDENT),
        "recipients": (entry.recipients or [Name(UNKNOWN)], CORRESPONDENT),
        "place_sent": ([entry.place_sent] if entry.place_sent else [], ("place",)),
        "place_received": ([entry.place_received] if entry.place_received else [], ("place",)),
        **{f"mentions.{kind}": (names, (kind,)) for kind, names in sorted(entry.mentions.items())},
    }
    found: dict[str, list[str | None]] = {}
    for what, (names, kinds) in fields.items():
        found[what] = [_found(register, _named(name, kinds), kinds, what) for name in names]
    ids: dict[str, list[str]] = {}
    for what, (names, kinds) in fields.items():
        ids[what] = []
        for name, known in zip(names, found[what]):
            name = _named(name, kinds)
            known = known or register.find(name, kinds, what) or register.make(name, _kind_of(name, kinds))
            register.enrich(known, name)
            if known not in ids[what]:
                ids[what].append(known)
    return ids


def _found(register: Register, name: Name, kinds: tuple[str, ...], what: str) -> str | None:
    try:
        return register.find(name, kinds, what)
    except EntryProblem as exc:
        raise EntryProblem(exc.message, exc.hint, name.line) from None


def _named(name: Name, kinds: tuple[str, ...]) -> Name:
    """An unknown correspondent, however the source spells it, as the one name "Unknown"."""
    return Name(UNKNOWN, "person") if kinds == CORRESPONDENT and is_unknown(name.text) else name


def _kind_of(name: Name, kinds: tuple[str, ...]) -> str:
    return name.kind if name.kind in kinds else kinds[0]


def _date_part(date: str) -> str:
    """The first date written in an EDTF text, as far as the day: what a letter's id begins with."""
    found = _FIRST_DATE.search(date)
    return found.group(0).lower().rstrip("-") if found else "undated"


def _key(entry: Entry) -> str:
    """What the entry says, as a short hash: the same row gives the same key."""
    def names(items: list[Name]) -> list:
        return [[n.text, sorted(n.authority), sorted(n.same_as)] for n in items]

    said = [
        names(entry.senders), names(entry.recipients),
        names([entry.place_sent] if entry.place_sent else []), names([entry.place_received] if entry.place_received else []),
        entry.date, entry.source_title, entry.source_url, entry.source_location,
    ]
    return hashlib.sha256(json.dumps(said, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _letter_file(entry: Entry, ids: dict[str, list[str]], key: str) -> str:
    mentions = {KINDS[kind].folder: ids[f"mentions.{kind}"] for kind in sorted(entry.mentions)}
    fields = {
        "date": entry.date,
        "date_note": _markdown(entry.date_note),
        "senders": ids["senders"],
        "recipients": ids["recipients"],
        "place_sent": ids["place_sent"][0] if ids["place_sent"] else "",
        "place_received": ids["place_received"][0] if ids["place_received"] else "",
        "language": entry.language,
        "text": "calendar",
        "mentions": mentions,
        "source": {"title": entry.source_title, "url": entry.source_url, "location": entry.source_location},
        "note": _markdown(entry.note),
        "extra": {"imported": key},
    }
    return front_matter(fields)


def _markdown(text: str) -> str:
    """Text from a catalogue as Markdown that shows it as written: no emphasis, links,
    references or lists that the catalogue did not mean."""
    escaped = _MARKDOWN_SIGNS.sub(r"\\\g<0>", text)
    return _BLOCK_START.sub(r"\g<1>\\\g<2>", escaped)


def _entity_file(entity: Known, source: str) -> str:
    what = "Stands for a correspondent the source does not name." if entity.name == UNKNOWN else f"Named in the letters imported from {source}."
    fields = {"name": entity.name, "description": what, **entity.authority, "extra": {"same_as": entity.same_as}}
    return front_matter(fields)
