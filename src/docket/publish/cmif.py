"""``site/cmif.xml``: every letter in CMIF, the TEI format correspSearch harvests.

Each letter is one ``correspDesc``: who sent it, from where and when; who received it
and where; the page's address as ``@ref``; the entities it mentions and its language as
CMIF v2 notes. The file is written letter by letter, never held as one tree, so its size
in memory does not grow with the archive. Only records of kind ``letter`` are
correspondence: speeches and statements are left out.

Choices that keep the file valid against the CMIF RELAX NG schema and deterministic:
uncertainty is given by the ``notBefore``/``notAfter`` bounds and the date in words (the
schema refuses ``@cert``); the header's ``publicationStmt/date``, which the schema
requires, is ``SOURCE_DATE_EPOCH`` when the environment sets it (the reproducible-builds
convention, e.g. the last commit's time) and otherwise the latest day any letter bears —
never the clock; the header's ``editor``, also required, is the archive's title when
``docket.toml`` names no editor.
"""

from __future__ import annotations

import datetime
import os
import re
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

from docket.archive.dates import EdtfDate
from docket.archive.days import days_in
from docket.archive.link import Site
from docket.archive.model import Letter
from docket.config import LICENSES, Config
from docket.publish.records import authority_uri

CMIF_FILE = "cmif.xml"
TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"
VOCABULARY = "https://lod.academy/cmif/vocab/terms#"
#: entity kind -> the CMIF v2 term for a letter mentioning one (events have none)
MENTION_TERMS = {"person": "mentionsPerson", "organization": "mentionsOrganization", "place": "mentionsPlace", "work": "mentionsBibl"}
UNKNOWN = "Unknown"  # CMIF's name for a correspondent nobody knows
#: characters XML 1.0 cannot hold, dropped from text and attributes
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def attributes(**values: str | None) -> str:
    """` name="value"` for every value given; ``xml_id`` is written ``xml:id``."""
    return "".join(
        f' {name.replace("xml_", "xml:")}="{escape(_NOT_XML.sub("", value), _ATTRIBUTE_ENTITIES)}"'
        for name, value in values.items()
        if value is not None
    )


def element(name: str, content: str = "", **values: str | None) -> str:
    return f"<{name}{attributes(**values)}>{text(content)}</{name}>" if content else f"<{name}{attributes(**values)}/>"


def source_id(config: Config) -> str:
    """The ``bibl/@xml:id`` every letter points to: a UUID made from the site's address,
    the same from one build to the next (as the CMIF documentation recommends), and
    beginning with a letter, as an XML id must."""
    for attempt in range(64):
        made = str(uuid.uuid5(uuid.NAMESPACE_URL, config.base_url + (f"#{attempt}" if attempt else "")))
        if made[0].isalpha():
            return made
    raise AssertionError("no UUID beginning with a letter")  # a chance of (10/16)^64: never


def write_cmif(folder: Path, site: Site, config: Config) -> Path:
    """Write ``cmif.xml`` into ``folder``; needs ``base_url`` (every ``@ref`` is absolute)."""
    path = folder / CMIF_FILE
    letters = Correspondence(site, config)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(header(config, updated(site)))
        for letter_id in site.chronology:
            letter = site.letters[letter_id]
            if letter.kind == "letter":
                out.write(letters.description(letter))
        out.write("    </profileDesc>\n  </teiHeader>\n  <text>\n    <body>\n      <p/>\n    </body>\n  </text>\n</TEI>\n")
    return path


def updated(site: Site) -> str:
    """When the data was last updated, without asking the clock: ``SOURCE_DATE_EPOCH``
    if set, else the latest day any letter bears (else the first day of the era)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and int(epoch) < 253402300800:  # before the year 10000
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    bounds = (day for letter in site.letters.values() if letter.date for day in (letter.date.earliest, letter.date.latest))
    return max((day for day in bounds if isinstance(day, datetime.date)), default=datetime.date(1, 1, 1)).isoformat()


def header(config: Config, when: str) -> str:
    """The TEI header up to the first ``correspDesc``: title, editor, publication, source."""
    home = config.absolute_url("/")
    if config.license:
        title, target = LICENSES[config.license]
        licence = element("licence", f"This file is licensed under the terms of the {title} ({config.license}).", target=target)
    else:
        licence = element("p", "No licence has been stated for this data.")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<TEI xmlns="{TEI_NAMESPACE}">\n  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n'
        f"        {element('title', config.title)}\n        {element('editor', config.editor or config.title)}\n      </titleStmt>\n"
        f"      <publicationStmt>\n        <publisher>{element('ref', config.editor or config.title, target=home)}</publisher>\n"
        f"        {element('idno', config.absolute_url('/' + CMIF_FILE) or '', type='url')}\n        {element('date', when=when)}\n"
        f"        <availability>{licence}</availability>\n      </publicationStmt>\n"
        f"      <sourceDesc>\n        <bibl{attributes(type='online', xml_id=source_id(config))}>{text(config.title)}. "
        f"{element('ref', home or '', target=home)}</bibl>\n      </sourceDesc>\n    </fileDesc>\n    <profileDesc>\n"
    )


class Correspondence:
    """Makes each letter's ``correspDesc``; an entity's elements are made once, for every
    letter that names it."""

    def __init__(self, site: Site, config: Config) -> None:
        self.site = site
        self.config = config
        self.source = "#" + source_id(config)
        self._names: dict[str, str] = {}
        self._mentioned: dict[str, str] = {}

    def description(self, letter: Letter) -> str:
        """One letter's ``correspDesc``, indented, ending in a newline."""
        site = self.site
        parts = [f"      <correspDesc{attributes(ref=self.config.absolute_url(site.url(letter.id)), source=self.source, key=letter.id)}>\n"]
        parts += self.action("sent", letter.senders, letter.place_sent, letter.date)
        parts += self.action("received", letter.recipients, letter.place_received, None)
        parts.append("        <note>\n")
        for kind, ids in site.mentioned.get(letter.id, {}).items():
            if kind in MENTION_TERMS:
                parts += [self.mention(entity_id, kind) for entity_id in ids]
        parts.append(f"          {element('ref', type=VOCABULARY + 'hasLanguage', target=letter.language or self.config.language)}\n")
        parts.append("        </note>\n      </correspDesc>\n")
        return "".join(parts)

    def action(self, kind: str, correspondents: list[str], place: str, date: EdtfDate | None) -> list[str]:
        """A ``correspAction``: its people or organizations (or "Unknown"), place and date."""
        lines = [f'        <correspAction type="{kind}">\n']
        lines += [self.name(entity_id) for entity_id in correspondents] or [f"          {element('persName', UNKNOWN)}\n"]
        if place:
            lines.append(self.name(place))
        dating = date_attributes(date) if date is not None else None
        if dating:
            words = date.display() if date.uncertain or date.approximate or date.precision in ("set", "season") else ""
            lines.append(f"          {element('date', words, **dating)}\n")
        lines.append("        </correspAction>\n")
        return lines

    def name(self, entity_id: str) -> str:
        """``persName``, ``orgName`` or ``placeName`` with the entity's authority URI."""
        found = self._names.get(entity_id)
        if found is None:
            entity = self.site.entities[entity_id]
            tag = {"organization": "orgName", "place": "placeName"}.get(entity.kind, "persName")
            found = self._names[entity_id] = f"          {element(tag, entity.name, ref=authority_uri(entity))}\n"
        return found

    def mention(self, entity_id: str, kind: str) -> str:
        """A CMIF v2 ``ref`` for a mention: the authority URI, or else the entity's page."""
        found = self._mentioned.get(entity_id)
        if found is None:
            entity = self.site.entities[entity_id]
            target = authority_uri(entity) or self.config.absolute_url(self.site.url(entity_id))
            found = self._mentioned[entity_id] = f"          {element('ref', entity.name, type=VOCABULARY + MENTION_TERMS[kind], target=target)}\n"
        return found


def date_attributes(date: EdtfDate) -> dict[str, str] | None:
    """``when`` for a day, a whole month or a whole year; otherwise ``notBefore`` and
    ``notAfter`` from the date's bounds (either may be absent for an open end). None when
    neither end is known, or when a bound lies outside the years 1-9999, which CMIF's
    four-digit years cannot say (the letter's date is then left out)."""
    first, last = date.earliest, date.latest
    if (first is None and last is None) or not all(isinstance(day, (datetime.date, type(None))) for day in (first, last)):
        return None
    if first is not None and last is not None:
        if first == last:
            return {"when": first.isoformat()}
        whole_month = first.day == 1 and last.day == days_in(last.year, last.month)
        if whole_month and (first.year, first.month) == (last.year, last.month):
            return {"when": first.isoformat()[:7]}
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
            return {"when": first.isoformat()[:4]}
    bounds = {"notBefore": first.isoformat() if first else None, "notAfter": last.isoformat() if last else None}
    return {name: value for name, value in bounds.items() if value is not None}
