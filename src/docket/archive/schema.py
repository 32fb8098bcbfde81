"""The front-matter of each record kind as a JSON Schema (draft 2020-12), for editors.

Made from the definitions the validator reads records by (``archive/fields.py``), so an
editor's YAML tool completes and checks the same fields, values and required ones as
``docket check``. A schema says less than the build: it cannot tell whether an id names
a record or an EDTF date is a real day, so those stay the build's to report.

Editors' YAML tools read YAML 1.2, where ``born: 1953`` is a number and ``title:`` left
empty is null; docket reads both as text, so the schema accepts what docket accepts. It
uses only keywords that mean the same in draft-07, which the common YAML language server
implements.
"""

from __future__ import annotations

from typing import Any

from docket.archive import fields
from docket.archive.fields import Field
from docket.archive.kinds import ENTITY_KINDS, KINDS
from docket.paths import ID_MAX_LENGTH, ID_PATTERN

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: the characters of an EDTF date: all a pattern can check; the build checks the rest
DATE_PATTERN = r"^[0-9XYSE?~%./,\[\]{}:TZ+\- ]+$"
SCALAR = ["string", "number", "boolean"]  # what docket reads as text
ID = {"type": "string", "pattern": "^" + ID_PATTERN.pattern.removesuffix(r"\Z") + "$", "maxLength": ID_MAX_LENGTH}


def file_name(kind: str) -> str:
    """Where a kind's schema is written in a site's ``schemas/`` folder."""
    return f"{kind}.schema.json"


def letter_schema(declared: tuple[Field, ...] = fields.LETTER) -> dict[str, Any]:
    """The front-matter of a letter (or another document: a speech, a statement)."""
    schema = _record("Letter", "a letter, a speech or a statement", declared)
    rules = [_required_for(field, declared) for field in declared if field.required_for]
    rules += [_required_when(field, declared) for field in declared if field.required_when[0]]
    if rules:
        schema["allOf"] = rules
    return schema


def entity_schema(kind: str, declared: tuple[Field, ...] | None = None) -> dict[str, Any]:
    """The front-matter of an entity of ``kind``."""
    label = KINDS[kind].label
    return _record(label, f"a {kind}", declared if declared is not None else fields.entity_fields(kind))


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every kind's schema by kind name: letters first, then entities in the registry's order."""
    return {"letter": letter_schema(), **{kind: entity_schema(kind) for kind in ENTITY_KINDS}}


def bundle() -> dict[str, Any]:
    """One schema for any record: each kind's under ``$defs``, a record valid if it is one."""
    kinds = all_schemas()
    for schema in kinds.values():
        del schema["$schema"]
    return {
        "$schema": DRAFT,
        "title": "docket record",
        "description": "The front-matter of a docket letter or entity.",
        "$defs": kinds,
        "anyOf": [{"$ref": f"#/$defs/{kind}"} for kind in kinds],
    }


def _record(title: str, what: str, declared: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "title": f"docket: {title}",
        "description": f"The front-matter of {what} in a docket archive.",
        "type": "object",
        "properties": {field.name: property_schema(field) for field in declared},
        "required": [field.name for field in declared if field.required],
        "additionalProperties": False,
    }


def property_schema(field: Field, required: bool | None = None) -> dict[str, Any]:
    """One field's value; an optional one may also be left empty (null)."""
    required = field.required if required is None else required
    schema = {"description": field.doc, **_SHAPES[field.shape](field, required)}
    if not required:
        _allow_null(schema)
    return schema


def _allow_null(schema: dict[str, Any]) -> None:
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    elif "anyOf" in schema:
        schema["anyOf"] = [*schema["anyOf"], {"type": "null"}]
    elif isinstance(schema.get("type"), list):
        schema["type"] = [*schema["type"], "null"]
    else:
        schema["type"] = [schema["type"], "null"]


def _text(field: Field, required: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": list(SCALAR)}
    if field.single_line:
        schema["pattern"] = r"^\s*[^\n]*\S[^\n]*\s*$" if required else r"^\s*[^\n]*\s*$"
    elif required:
        schema["pattern"] = r"\S"
    return schema


def _ids(field: Field, required: bool) -> dict[str, Any]:
    listed: dict[str, Any] = {"type": "array", "items": ID}
    if required:
        listed["minItems"] = 1
    return {"anyOf": [ID, listed], "description": f"{field.doc}: {_kinds(field)}"}


def _aliases(field: Field, required: bool) -> dict[str, Any]:
    named = {
        "type": "object",
        "properties": {"name": {"type": list(SCALAR), "pattern": r"\S"}, "language": _SHAPES["language"](field, False)},
        "required": ["name"],
        "additionalProperties": False,
    }
    return {"anyOf": [{"type": list(SCALAR)}, {"type": "array", "items": {"anyOf": [{"type": list(SCALAR)}, named]}}]}


def _citations(field: Field, required: bool) -> dict[str, Any]:
    citation = {
        "type": "object",
        "properties": {sub.name: property_schema(sub) for sub in field.fields},
        "additionalProperties": False,
        "oneOf": [{"required": [name]} for name in field.one_of],
    }
    return {"type": "array", "items": {"anyOf": [ID, citation]}}


def _source(field: Field, required: bool) -> dict[str, Any]:
    given = {"type": "string", "pattern": r"\S"}
    return {
        "type": "object",
        "properties": {sub.name: property_schema(sub) for sub in field.fields},
        "additionalProperties": False,
        "anyOf": [{"required": [name], "properties": {name: given}} for name in field.one_of],
    }


def _coordinates(field: Field, required: bool) -> dict[str, Any]:
    """Numbers, or the text of numbers as docket reads them; the range of each for numbers
    (a list's two get the wider, the longitude's: draft-07 tools know no ``prefixItems``)."""

    def degrees(limit: int) -> dict[str, Any]:
        return {"type": ["number", "string"], "pattern": f"^\\s*{fields.DECIMAL_PATTERN}\\s*$", "minimum": -limit, "maximum": limit}

    (_, lat), (_, lon) = fields.COORDINATE_LIMITS
    listed = {"type": "array", "items": degrees(max(lat, lon)), "minItems": 2, "maxItems": 2}
    named = {"type": "object", "properties": {"lat": degrees(lat), "lon": degrees(lon)}, "required": ["lat", "lon"], "additionalProperties": False}
    return {"anyOf": [listed, named]}


def _required_for(field: Field, declared: tuple[Field, ...]) -> dict[str, Any]:
    """``field`` required unless ``kind`` names a kind of document it is not required for."""
    kind = fields.by_name(declared)["kind"]
    exempt = [option for option in kind.options if option not in field.required_for]
    return {
        "if": {"required": ["kind"], "properties": {"kind": {"enum": exempt}}},
        "else": {"required": [field.name], "properties": {field.name: property_schema(field, required=True)}},
    }


def _required_when(field: Field, declared: tuple[Field, ...]) -> dict[str, Any]:
    when, value = field.required_when
    return {
        "if": {"required": [when], "properties": {when: {"const": value}}},
        "then": {"required": [field.name], "properties": {field.name: property_schema(field, required=True)}},
    }


def _kinds(field: Field) -> str:
    return " or ".join(field.refs)


_SHAPES = {
    "text": _text,
    "choice": lambda field, required: {"enum": list(field.options)},
    "date": lambda field, required: {"type": ["string", "integer"], "pattern": DATE_PATTERN},
    "language": lambda field, required: {"type": "string", "pattern": f"^{fields.LANGUAGE_PATTERN}$"},
    "url": lambda field, required: {"type": "string", "pattern": f"^{fields.URL_PATTERN}$"},
    "ids": _ids,
    "id": lambda field, required: {**ID, "description": f"{field.doc}: the id of a {_kinds(field)}"},
    "aliases": _aliases,
    "switch": lambda field, required: {"enum": ["true", "false", True, False]},
    "names": lambda field, required: {"anyOf": [{"type": list(SCALAR)}, {"type": "array", "items": {"type": list(SCALAR)}}]},
    "authority": lambda field, required: {
        "type": ["string", "integer"],
        "pattern": f"^\\s*(?:{field.pattern}|{fields.URL_PATTERN})\\s*$",
        "examples": [field.example],
    },
    "mentions": lambda field, required: {
        "type": "object",
        "properties": {sub.name: property_schema(sub) for sub in field.fields},
        "additionalProperties": False,
    },
    "citations": _citations,
    "source": _source,
    "extra": lambda field, required: {"type": "object"},
    "coordinates": _coordinates,
}
