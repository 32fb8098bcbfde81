"""Validate: turn each :class:`~docket.load.Document` into a Letter or an Entity.

Every field is checked against its kind's schema and every problem is reported with the
line of the offending value; a record with errors is still returned (with what could be
read) so that the link stage can report its references too. References are only
collected here — whether they point anywhere is the link stage's question.
"""

from __future__ import annotations

import re
from typing import Any

from docket.archive import dates
from docket.archive.authorities import AUTHORITIES, URL_EXAMPLES, normalise
from docket.archive.frontmatter import FieldPath
from docket.archive.kinds import DOCUMENT_KINDS, ENTITIES, KINDS
from docket.archive.load import Document
from docket.archive.model import (
    TEXT_EXTENTS,
    TEXTLESS_EXTENTS,
    Citation,
    Entity,
    Letter,
    Ref,
    Source,
)
from docket.errors import Problems, did_you_mean

CORRESPONDENT = ("person", "organization")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
SAFE_URL = re.compile(r"https?://[^\s<>\"]+\Z", re.IGNORECASE)
DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")

LETTER_FIELDS = (
    "kind", "title", "date", "date_note", "senders", "recipients", "place_sent", "place_received",
    "language", "original_language", "text", "in_reply_to", "mentions", "cites", "source",
    "summary", "note", "extra",
)
SOURCE_FIELDS = ("title", "lead", "publisher", "publisher_id", "url", "published", "location")
CITE_FIELDS = ("work", "letter", "ref", "note")
CITED = ("work", "letter")  # what a citation may name
ENTITY_COMMON = ("name", "aliases", "description", "extra", *AUTHORITIES)


class FieldReader:
    """Reads typed values out of one document's front-matter, reporting what is wrong."""

    def __init__(self, document: Document, problems: Problems) -> None:
        self.document = document
        self.problems = problems
        self.fields = document.fields

    def error(self, path: FieldPath, message: str, hint: str = "", col: int | None = None) -> None:
        self.problems.error(self.document.path, self.document.line(path), f"{_dotted(path)}: {message}", hint, col)

    def value(self, path: FieldPath) -> Any:
        if len(path) == 1:  # most fields are at the top
            return self.fields.get(path[0])
        node: Any = self.fields
        for key in path:
            if isinstance(node, dict) and isinstance(key, str):
                node = node.get(key)
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                node = node[key]
            else:
                return None
        return node

    def text(self, path: FieldPath, required: bool = False) -> str:
        value = self.value(path)
        if value is None or value == "":
            if required:
                self.missing(path)
            return ""
        if not isinstance(value, str):
            self.error(path, f"expected text, found a {_shape(value)}", "write it on one line, or as a block after '|'")
            return ""
        return value.strip()

    def missing(self, path: FieldPath, hint: str = "") -> None:
        field = _dotted(path)
        lines = self.document.front.lines
        where = self.document.line(path) if path in lines or len(path) > 1 else 1
        self.problems.error(self.document.path, where, f"{field}: required field is missing or empty", hint or f"add '{path[-1]}: …' to the front-matter")

    def choice(self, path: FieldPath, options: tuple[str, ...], default: str = "", required: bool = False) -> str:
        value = self.text(path, required=required and not default)
        if not value:
            return default
        if value not in options:
            self.error(path, f"'{value}' is not one of {', '.join(options)}", did_you_mean(value, options) or f"use one of {', '.join(options)}")
            return default
        return value

    def date(self, path: FieldPath) -> dates.EdtfDate | None:
        value = self.text(path)
        if not value:
            return None
        try:
            return dates.parse(value)
        except dates.DateError as exc:
            self.error(path, exc.message, exc.hint)
            return None

    def language(self, path: FieldPath) -> str:
        value = self.text(path)
        if value and not LANGUAGE_CODE.match(value):
            self.error(path, f"'{value}' is not a language code", "use an ISO 639-1 code such as en, fa or ar, or und when it is not known")
            return ""
        return value

    def url(self, path: FieldPath) -> str:
        value = self.text(path)
        if value and not SAFE_URL.match(value):
            self.error(path, f"'{value}' is not an http(s) address", "give the full address, starting with https://")
            return ""
        return value

    def strings(self, path: FieldPath) -> list[str]:
        value = self.value(path)
        if value is None:
            return []
        if isinstance(value, str):
            return [value.strip()] if value.strip() else []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(path, f"expected a list of text, found a {_shape(value)}", "write [first, second] or one '- item' per line")
            return []
        return [v.strip() for v in value if v.strip()]

    def refs(self, path: FieldPath, kinds: tuple[str, ...], into: list[Ref], required: bool = False) -> list[str]:
        """Ids given in a field (one id alone or a list), recorded as references."""
        value = self.value(path)
        if value is None or value == [] or value == "":
            if required:
                self.missing(path, f"add '{path[-1]}: [id]' naming a {' or '.join(kinds)}")
            return []
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            self.error(path, f"expected an id or a list of ids, found a {_shape(value)}", "write [first-id, second-id]")
            return []
        ids: list[str] = []
        field, line, listed = _dotted(path), self.document.line, isinstance(value, list)
        for index, item in enumerate(items):
            item_path = path + (index,) if listed else path
            if not isinstance(item, str) or not item.strip():
                self.error(item_path, "expected an id", "ids are file names without .md, e.g. ali-khamenei")
                continue
            record_id = item.strip()
            ids.append(record_id)
            into.append(Ref(record_id, kinds, field, line(item_path)))
        return ids

    def ref(self, path: FieldPath, kinds: tuple[str, ...], into: list[Ref]) -> str:
        value = self.value(path)
        if isinstance(value, list):
            self.error(path, "expected one id, found a list", "give a single id")
            return ""
        ids = self.refs(path, kinds, into)
        return ids[0] if ids else ""

    def mapping(self, path: FieldPath, allowed: tuple[str, ...], required: bool = False) -> dict[str, Any]:
        value = self.value(path)
        if value is None:
            if required:
                self.missing(path)
            return {}
        if not isinstance(value, dict):
            self.error(path, f"expected fields ({', '.join(allowed)}), found a {_shape(value)}", "indent the fields under it, one per line")
            return {}
        self.unknown_fields(path, value, allowed)
        return value

    def unknown_fields(self, path: FieldPath, mapping: dict[str, Any], allowed: tuple[str, ...]) -> None:
        for key in mapping:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"known fields: {', '.join(sorted(allowed))}; put your own under 'extra:'"
                self.error(path + (key,), "unknown field", hint)


def validate(documents: list[Document], problems: Problems) -> tuple[list[Letter], list[Entity]]:
    letters: list[Letter] = []
    entities: list[Entity] = []
    for document in documents:
        reader = FieldReader(document, problems)
        if document.kind == "letter":
            letters.append(read_letter(reader))
        else:
            entities.append(read_entity(reader))
    return letters, entities


def read_letter(r: FieldReader) -> Letter:
    d = r.document
    r.unknown_fields((), d.fields, LETTER_FIELDS)
    refs: list[Ref] = []
    kind = r.choice(("kind",), tuple(DOCUMENT_KINDS), default="letter")
    text = r.choice(("text",), TEXT_EXTENTS, required=True)
    senders = r.refs(("senders",), CORRESPONDENT, refs, required=True)
    recipients = r.refs(("recipients",), CORRESPONDENT, refs, required=(kind == "letter"))
    mentions: dict[str, list[str]] = {}
    for entity_kind in ENTITIES:
        mentions[entity_kind.name] = r.refs(("mentions", entity_kind.folder), (entity_kind.name,), refs)
    r.mapping(("mentions",), tuple(entity_kind.folder for entity_kind in ENTITIES))
    letter = Letter(
        id=d.id,
        path=d.path,
        kind=kind,
        title=r.text(("title",)),
        date=r.date(("date",)),
        date_note=r.text(("date_note",)),
        senders=senders,
        recipients=recipients,
        place_sent=r.ref(("place_sent",), ("place",), refs),
        place_received=r.ref(("place_received",), ("place",), refs),
        language=r.language(("language",)),
        original_language=r.language(("original_language",)),
        text=text,
        in_reply_to=r.refs(("in_reply_to",), ("letter",), refs),
        mentions=mentions,
        cites=_citations(r, refs),
        source=_source(r, refs),
        summary=r.text(("summary",)),
        note=r.text(("note",)),
        body_line=d.body_line,
        refs=refs,
        extra=_extra(r),
        markdown=d.markdown,
    )
    if not d.has_text and text not in TEXTLESS_EXTENTS:
        r.problems.error(d.path, d.body_line - 1, f"the letter has no text, but 'text: {text}' says it has", "add the text below the front-matter, or set 'text: mentioned' (or 'text: calendar' when the source prints it)")
    if text == "mentioned" and not letter.note:
        r.missing(("note",), "say where the letter is mentioned in 'note: …'")
    return letter


def _citations(r: FieldReader, refs: list[Ref]) -> list[Citation]:
    value = r.value(("cites",))
    if value is None:
        return []
    if not isinstance(value, list):
        r.error(("cites",), f"expected a list of citations, found a {_shape(value)}", "write '- {work: quran, ref: \"47:7\"}'")
        return []
    citations = []
    for index, item in enumerate(value):
        path: FieldPath = ("cites", index)
        if isinstance(item, str):
            target = r.ref(path, CITED, refs)
        elif isinstance(item, dict):
            r.unknown_fields(path, item, CITE_FIELDS)
            named = [key for key in CITED if key in item]
            if len(named) != 1:
                r.error(path, "a citation names one work or one letter", "write '{work: quran, ref: \"47:7\"}' or '{letter: ID}'")
                continue
            target = r.ref(path + (named[0],), (named[0],), refs)
        else:
            r.error(path, "expected a citation", "write '{work: quran, ref: \"47:7\"}'")
            continue
        if target:
            citations.append(Citation(target, r.text(path + ("ref",)), r.text(path + ("note",))))
    return citations


def _source(r: FieldReader, refs: list[Ref]) -> Source:
    fields = r.mapping(("source",), SOURCE_FIELDS, required=True)
    if not fields:
        return Source()
    source = Source(
        title=r.text(("source", "title")),
        lead=r.text(("source", "lead")),
        publisher=r.text(("source", "publisher")),
        publisher_id=r.ref(("source", "publisher_id"), ("organization",), refs),
        url=r.url(("source", "url")),
        published=r.date(("source", "published")),
        location=r.text(("source", "location")),
    )
    if not (fields.get("title") or fields.get("url")):
        r.missing(("source", "title"), "give the source's title or url")
    return source


def read_entity(r: FieldReader) -> Entity:
    d = r.document
    date_fields = KINDS[d.kind].date_fields
    allowed = ENTITY_COMMON + date_fields + KINDS[d.kind].fields + (("places",) if d.kind == "event" else ())
    r.unknown_fields((), d.fields, allowed)
    refs: list[Ref] = []
    found_dates = {}
    for name in date_fields:
        value = r.date((name,))
        if value is not None:
            found_dates[name] = value
    authority = {}
    for name, (_, example) in AUTHORITIES.items():
        value = r.text((name,))
        normal = normalise(name, value) if value else None
        if value and normal is None:
            r.error((name,), f"'{value}' is not a {name} id", f"for example {example} or {URL_EXAMPLES[name]}")
        elif normal:
            authority[name] = normal
    aliases = _aliases(r)
    description = r.text(("description",), required=True)
    if "\n" in description:
        r.error(("description",), "the description runs over more than one line", "keep it to one sentence; longer notes go in the body")
    return Entity(
        id=d.id,
        path=d.path,
        kind=d.kind,
        name=r.text(("name",), required=True),
        aliases=list(aliases),
        alias_languages={name: language for name, language in aliases.items() if language},
        description=description,
        dates=found_dates,
        authority=authority,
        places=r.refs(("places",), ("place",), refs) if d.kind == "event" else [],
        body_line=d.body_line,
        refs=refs,
        extra=_extra(r),
        markdown=d.markdown,
        coordinates=_coordinates(r) if "coordinates" in KINDS[d.kind].fields else None,
    )


def _aliases(r: FieldReader) -> dict[str, str]:
    """``aliases``, each name with its language ('' for the site's): a name is text, or
    ``{name: …, language: ar}`` when it is in another language, which the page then marks
    (``lang``) so that a screen reader reads it in that language's voice."""
    value = r.value(("aliases",))
    if not isinstance(value, list) or not any(isinstance(item, dict) for item in value):
        return dict.fromkeys(r.strings(("aliases",)), "")
    aliases: dict[str, str] = {}
    for index, item in enumerate(value):
        if isinstance(item, dict):
            unknown = sorted(set(item) - {"name", "language"})
            if unknown:
                r.error(("aliases", index, unknown[0]), f"unknown field '{unknown[0]}'", "an alias has a name and a language")
            name = r.text(("aliases", index, "name"), required=True)
            if name:
                aliases[name] = r.language(("aliases", index, "language"))
        elif isinstance(item, str) and item.strip():
            aliases[item.strip()] = ""
        elif not isinstance(item, str):
            r.error(("aliases", index), f"expected a name, found a {_shape(item)}", "write the name, or {name: …, language: ar}")
    return aliases


def _coordinates(r: FieldReader) -> tuple[float, float] | None:
    """A place's ``coordinates``: ``[latitude, longitude]`` or ``{lat: …, lon: …}``, in
    decimal degrees, each checked against its range."""
    value = r.value(("coordinates",))
    if value is None or value == "" or value == []:
        return None
    hint = "write [latitude, longitude] in decimal degrees, e.g. [35.6944, 51.4215]"
    if isinstance(value, list) and len(value) == 2:
        paths: tuple[FieldPath, FieldPath] = (("coordinates", 0), ("coordinates", 1))
    elif isinstance(value, dict) and set(value) == {"lat", "lon"}:
        paths = (("coordinates", "lat"), ("coordinates", "lon"))
    else:
        r.error(("coordinates",), "expected [latitude, longitude] or {lat: …, lon: …}", hint)
        return None
    found = []
    for path, (name, limit) in zip(paths, (("latitude", 90), ("longitude", 180))):
        text = r.value(path)
        number = float(text) if isinstance(text, str) and DECIMAL.match(text.strip()) else None
        if number is None:
            r.error(path, f"{name}: expected a number in decimal degrees, found '{text}'", hint)
        elif not -limit <= number <= limit:
            swapped = name == "latitude" and abs(number) <= 180
            r.error(path, f"{name} {text.strip()} is outside -{limit} to {limit}", ("is it the longitude? " if swapped else "") + hint)
            number = None
        found.append(number)
    return (found[0], found[1]) if None not in found else None


def _extra(r: FieldReader) -> dict[str, Any]:
    value = r.value(("extra",))
    if value is None:
        return {}
    if not isinstance(value, dict):
        r.error(("extra",), f"expected fields, found a {_shape(value)}", "indent your own fields under 'extra:'")
        return {}
    return value


def _dotted(path: FieldPath) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "front-matter"


def _shape(value: Any) -> str:
    return {dict: "mapping", list: "list", str: "text"}.get(type(value), type(value).__name__)

