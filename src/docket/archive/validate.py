"""Validate: turn each :class:`~docket.load.Document` into a Letter or an Entity.

Every field is checked against its kind's schema and every problem is reported with the
line of the offending value; a record with errors is still returned (with what could be
read) so that the link stage can report its references too. References are only
collected here — whether they point anywhere is the link stage's question.
"""

from __future__ import annotations

import re
from typing import Any

from docket.archive import dates, fields
from docket.archive.authorities import AUTHORITIES, URL_EXAMPLES, normalise
from docket.archive.fields import Field
from docket.archive.frontmatter import FieldPath
from docket.archive.kinds import ENTITIES
from docket.archive.load import Document
from docket.archive.model import (
    TEXTLESS_EXTENTS,
    Citation,
    Entity,
    Letter,
    Ref,
    Source,
)
from docket.errors import Problems, did_you_mean

CORRESPONDENT = fields.CORRESPONDENT
LANGUAGE_CODE = re.compile(fields.LANGUAGE_PATTERN + r"\Z")
SAFE_URL = re.compile(fields.URL_PATTERN + r"\Z")
DECIMAL = re.compile(fields.DECIMAL_PATTERN + r"\Z")

LETTER = fields.by_name(fields.LETTER)
LETTER_FIELDS = tuple(LETTER)
SOURCE_FIELDS = tuple(field.name for field in fields.SOURCE_FIELDS)
CITE_FIELDS = tuple(field.name for field in fields.CITE_FIELDS)
CITED = fields.CITED  # what a citation may name
ENTITY_COMMON = tuple(field.name for field in fields.ENTITY_COMMON)


class FieldReader:
    """Reads typed values out of one document's front-matter, reporting what is wrong."""

    def __init__(self, document: Document, problems: Problems) -> None:
        self.document = document
        self.problems = problems
        self.fields = document.fields

    def read(self, field: Field, refs: list[Ref], required: bool | None = None, within: FieldPath = ()) -> Any:
        """The value of ``field`` (under ``within``), read and checked as its shape says."""
        path, shape = within + (field.name,), field.shape
        required = field.required if required is None else required
        if shape == "text":
            return self.line_of_text(path, required) if field.single_line else self.text(path, required)
        if shape == "choice":
            return self.choice(path, field.options, field.default, required)
        if shape == "ids":
            return self.refs(path, field.refs, refs, required)
        if shape == "id":
            return self.ref(path, field.refs, refs)
        if shape == "authority":
            return self.authority(path, field)
        return getattr(self, shape)(path)  # date, language, url

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

    def line_of_text(self, path: FieldPath, required: bool = False) -> str:
        value = self.text(path, required)
        if "\n" in value:
            self.error(path, f"the {path[-1]} runs over more than one line", "keep it to one sentence; longer notes go in the body")
        return value

    def authority(self, path: FieldPath, field: Field) -> str:
        """The bare id, from a bare id or one of the authority's URLs."""
        value = self.text(path)
        normal = normalise(field.name, value) if value else None
        if value and normal is None:
            self.error(path, f"'{value}' is not a {field.name} id", f"for example {field.example} or {URL_EXAMPLES[field.name]}")
        return normal or ""

    def missing(self, path: FieldPath, hint: str = "") -> None:
        field = _dotted(path)
        lines = self.document.front.lines
        where = self.document.line(path) if path in lines or len(path) > 1 else 1
        self.problems.error(self.document.path, where, f"{field}: required field is missing or empty", hint or f"add '{path[-1]}: …' to the front-matter")

    def switch(self, path: FieldPath) -> bool:
        """A field that is on unless it says ``false``."""
        return self.choice(path, ("true", "false"), "true") == "true"

    def names(self, path: FieldPath) -> list[str]:
        """Names as written: one alone or a list."""
        return self.strings(path)

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
    """A letter read field by field as ``archive/fields.py`` declares them."""
    d = r.document
    r.unknown_fields((), d.fields, LETTER_FIELDS)
    refs: list[Ref] = []
    kind = r.read(LETTER["kind"], refs)
    values: dict[str, Any] = {"kind": kind}
    for field in fields.LETTER[1:]:
        if field.shape in _COMPOUND:
            values[field.name] = _COMPOUND[field.shape](r, field, refs)
        else:
            values[field.name] = r.read(field, refs, required=(kind in field.required_for) or field.required)
    letter = Letter(id=d.id, path=d.path, **values, body_line=d.body_line, refs=refs, markdown=d.markdown, names_found=d.names_found)
    text = letter.text
    if not d.has_text and text not in TEXTLESS_EXTENTS:
        r.problems.error(d.path, d.body_line - 1, f"the letter has no text, but 'text: {text}' says it has", "add the text below the front-matter, or set 'text: mentioned' (or 'text: calendar' when the source prints it)")
    for field in fields.LETTER:
        when, value = field.required_when
        if when and values[when] == value and not values[field.name]:
            r.missing((field.name,), "say where the letter is mentioned in 'note: …'")
    return letter


def _mentions(r: FieldReader, field: Field, refs: list[Ref]) -> dict[str, list[str]]:
    mentions = {kind.name: r.read(sub, refs, within=(field.name,)) for kind, sub in zip(ENTITIES, field.fields)}
    r.mapping((field.name,), tuple(sub.name for sub in field.fields))
    return mentions


def _citations(r: FieldReader, field: Field, refs: list[Ref]) -> list[Citation]:
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
            target = r.ref(path, field.one_of, refs)
        elif isinstance(item, dict):
            r.unknown_fields(path, item, CITE_FIELDS)
            named = [key for key in field.one_of if key in item]
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


def _source(r: FieldReader, field: Field, refs: list[Ref]) -> Source:
    given = r.mapping((field.name,), SOURCE_FIELDS, required=field.required)
    if not given:
        return Source()
    source = Source(**{sub.name: r.read(sub, refs, within=(field.name,)) for sub in field.fields})
    if not any(given.get(name) for name in field.one_of):
        r.missing((field.name, field.one_of[0]), f"give the source's {' or '.join(field.one_of)}")
    return source


def read_entity(r: FieldReader) -> Entity:
    """An entity read field by field as ``archive/fields.py`` declares them for its kind."""
    d = r.document
    declared = fields.entity_fields(d.kind)
    r.unknown_fields((), d.fields, tuple(field.name for field in declared))
    refs: list[Ref] = []
    values = {
        field.name: _COMPOUND[field.shape](r, field, refs) if field.shape in _COMPOUND else r.read(field, refs)
        for field in declared
    }
    return Entity(
        id=d.id,
        path=d.path,
        kind=d.kind,
        name=values["name"],
        aliases=list(values["aliases"]),
        alias_languages={name: language for name, language in values["aliases"].items() if language},
        description=values["description"],
        dates={field.name: values[field.name] for field in declared if field.shape == "date" and values[field.name] is not None},
        authority={name: values[name] for name in AUTHORITIES if values[name]},
        places=values.get("places", []),
        body_line=d.body_line,
        refs=refs,
        extra=values["extra"],
        markdown=d.markdown,
        coordinates=values.get("coordinates"),
    )


def _aliases(r: FieldReader, field: Field, refs: list[Ref]) -> dict[str, str]:
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


def _coordinates(r: FieldReader, field: Field, refs: list[Ref]) -> tuple[float, float] | None:
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
    for path, (name, limit) in zip(paths, fields.COORDINATE_LIMITS):
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


def _extra(r: FieldReader, field: Field | None = None, refs: list[Ref] | None = None) -> dict[str, Any]:
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



#: readers of the fields made of other fields, by shape
_COMPOUND = {"mentions": _mentions, "citations": _citations, "source": _source, "extra": _extra, "coordinates": _coordinates, "aliases": _aliases}
