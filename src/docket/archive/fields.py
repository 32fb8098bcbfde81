"""The front-matter fields of letters and entities, declared once.

What each field holds (its shape), whether it is required, the values or records it may
name, and a line on what it means. The validator (``archive/validate.py``) reads every
record by these definitions and ``archive/schema.py`` writes them out as a JSON Schema for
editors' YAML tools, so the two cannot drift apart. A new field is a :class:`Field` here;
a new date of an entity kind is an entry in ``archive/kinds.py``, which this reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from docket.archive.authorities import AUTHORITIES as AUTHORITY_IDS
from docket.archive.kinds import DOCUMENT_KINDS, ENTITIES, KINDS
from docket.archive.model import TEXT_EXTENTS

#: the shapes a field's value can take; ``FieldReader.read`` reads each of them
SHAPES = (
    "text",  # one line or a block of text
    "choice",  # one of ``options``
    "date",  # an EDTF date
    "language",  # an ISO 639-1 code
    "url",  # an http(s) address
    "ids",  # one id or a list of ids of records of the kinds in ``refs``
    "id",  # one id of a record of the kinds in ``refs``
    "aliases",  # one name or a list of names, each text or {name, language}
    "authority",  # an id in an authority file, matching ``pattern``
    "mentions",  # for each entity kind, ids of records of that kind
    "citations",  # a list of works or letters cited, each with the fields in ``fields``
    "source",  # where the text comes from: the fields in ``fields``
    "extra",  # the editor's own fields, kept but not shown
    "coordinates",  # a place's [latitude, longitude] or {lat, lon}, in decimal degrees
    "switch",  # true or false, true when left out
    "names",  # one name or a list of names, as written
)

CORRESPONDENT = ("person", "organization")
LANGUAGE_PATTERN = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
URL_PATTERN = r'[Hh][Tt][Tt][Pp][Ss]?://[^\s<>"]+'
DECIMAL_PATTERN = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
COORDINATE_LIMITS = (("latitude", 90), ("longitude", 180))  # (name, degrees either side of 0)


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    shape: str  # one of SHAPES
    doc: str  # what the field means, as an editor's tool shows it
    required: bool = False
    required_for: tuple[str, ...] = ()  # required for letters of these kinds (``kind``) only
    required_when: tuple[str, str] = ("", "")  # (field, value): required when that field says that value
    options: tuple[str, ...] = ()  # a choice's values
    default: str = ""  # a choice's value when the field is left out
    refs: tuple[str, ...] = ()  # the record kinds an id may name
    fields: tuple[Field, ...] = ()  # the fields inside a citation or a source
    one_of: tuple[str, ...] = ()  # of ``fields``, at least one must be given
    pattern: str = ""  # what the whole value must match (an authority id)
    example: str = ""
    single_line: bool = False


def by_name(fields: tuple[Field, ...]) -> dict[str, Field]:
    return {field.name: field for field in fields}


SOURCE_FIELDS: tuple[Field, ...] = (
    Field("title", "text", "the title of the source, as it gives it"),
    Field("lead", "text", "the source's standfirst or introduction, if any"),
    Field("publisher", "text", "who published the source"),
    Field("publisher_id", "id", "the publisher's id, if it is an organization in the archive", refs=("organization",)),
    Field("url", "url", "the source's address (http or https)"),
    Field("published", "date", "when the source was published (EDTF)"),
    Field("location", "text", "where in the source the text is"),
)
CITE_FIELDS: tuple[Field, ...] = (
    Field("work", "id", "the id of the work cited", refs=("work",)),
    Field("letter", "id", "the id of an earlier letter cited", refs=("letter",)),
    Field("ref", "text", "where in the work, e.g. 47:7"),
    Field("note", "text", "a note on the citation"),
)
CITED = ("work", "letter")  # a citation names exactly one of these
#: the keys under a letter's ``mentions``: one per entity kind, by its folder
MENTION_FIELDS: tuple[Field, ...] = tuple(
    Field(kind.folder, "ids", f"ids of the {kind.folder} it mentions", refs=(kind.name,)) for kind in ENTITIES
)

LETTER: tuple[Field, ...] = (
    Field("kind", "choice", "a letter, or another document", options=tuple(DOCUMENT_KINDS), default="letter"),
    Field("title", "text", "optional; otherwise 'Sender to Recipient'"),
    Field("date", "date", "EDTF, e.g. 2021-05-22, 2021-05-22? (uncertain), 2021-05~ (approximate); leave out when unknown"),
    Field("date_note", "text", "the evidence for the date (Markdown)"),
    Field("senders", "ids", "ids of people or organizations", required=True, refs=CORRESPONDENT),
    Field("recipients", "ids", "ids of people or organizations; required for letters", required_for=("letter",), refs=CORRESPONDENT),
    Field("place_sent", "id", "the id of the place it was sent from", refs=("place",)),
    Field("place_received", "id", "the id of the place it was received at", refs=("place",)),
    Field("language", "language", "the language of this text, an ISO 639-1 code such as en"),
    Field("original_language", "language", "the language of the original, when the text is a translation"),
    Field("text", "choice", "how much of the text the source gives", required=True, options=TEXT_EXTENTS),
    Field("in_reply_to", "ids", "ids of the letters it answers", refs=("letter",)),
    Field("mentions", "mentions", "ids of the records it mentions, by kind", fields=MENTION_FIELDS),
    Field("cites", "citations", "works or earlier letters it cites", fields=CITE_FIELDS, one_of=CITED),
    Field("source", "source", "where the text comes from", required=True, fields=SOURCE_FIELDS, one_of=("title", "url")),
    Field("summary", "text", "a one-sentence neutral abstract"),
    Field("note", "text", "an editorial note (Markdown); required with 'text: mentioned'", required_when=("text", "mentioned")),
    Field("extra", "extra", "anything of your own, kept but not shown"),
    Field("suggest_links", "switch", "false: no suggestions of entity names to link in this letter"),
    Field("leave_unlinked", "names", "names, as written, never suggested as links in this letter"),
)

#: what each authority file is, for an editor's tool
AUTHORITY_NAMES = {"wikidata": "the Wikidata item", "viaf": "the VIAF id", "gnd": "the GND id", "geonames": "the GeoNames id"}
#: authority ids: the bare id (its pattern below) or one of the authority's URLs (``archive/authorities.py``)
AUTHORITIES: tuple[Field, ...] = tuple(
    Field(name, "authority", f"{AUTHORITY_NAMES[name]}, bare or as its URL", pattern=pattern.pattern.removesuffix(r"\Z"), example=example)
    for name, (pattern, example) in AUTHORITY_IDS.items()
)
ENTITY_COMMON: tuple[Field, ...] = (
    Field("name", "text", "the name as pages show it", required=True),
    Field("aliases", "aliases", "other names and spellings; {name: …, language: ar} for a name in another language"),
    Field("description", "text", "one neutral line", required=True, single_line=True),
    Field("extra", "extra", "anything of your own, kept but not shown"),
    *AUTHORITIES,
)
#: fields an entity kind may have beside every entity's and its dates, named in its ``Kind.fields``
OWN_FIELDS: dict[str, Field] = {
    "places": Field("places", "ids", "ids of the places where it happened", refs=("place",)),
    "coordinates": Field("coordinates", "coordinates", "[latitude, longitude] or {lat: …, lon: …}, in decimal degrees"),
}


def entity_fields(kind: str) -> tuple[Field, ...]:
    """Every field an entity of ``kind`` may have: the common ones, its dates, its own."""
    dates = tuple(Field(name, "date", f"{label} (EDTF)") for name, label in KINDS[kind].dates)
    return ENTITY_COMMON + dates + tuple(OWN_FIELDS[name] for name in KINDS[kind].fields)
