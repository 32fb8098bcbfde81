"""The archive's records once validated: letters and the entities they link to.

Plain dataclasses, no behaviour beyond small derived values: the stages that follow
(link, render) are functions over these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docket.archive.dates import EdtfDate
from docket.archive.markdown import Rendered
from docket.archive.names import NameFound
from docket.paths import RecordId

TEXT_EXTENTS = ("full", "excerpts", "summary", "mentioned", "calendar")
#: extents whose letters may have no body: none survives, or it stands in the source only
TEXTLESS_EXTENTS = ("mentioned", "calendar")
#: how each extent is described to a reader
TEXT_EXTENT_LABELS = {
    "full": "Full text",
    "excerpts": "Excerpts",
    "summary": "Summary (the source's reported wording)",
    "mentioned": "Known only from mentions; no text survives in the source",
    "calendar": "Calendared: the text is not reproduced here; see the source",
}


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference from one record to another, as written, with where it was written."""

    target: str
    kinds: tuple[str, ...]  # record kinds the field accepts
    field: str  # the field as an editor would name it, e.g. "mentions.people"
    line: int
    col: int | None = None


@dataclass(slots=True)
class Citation:
    target: str  # the id of the work or letter cited
    ref: str = ""
    note: str = ""


@dataclass(slots=True)
class Source:
    title: str = ""
    lead: str = ""
    publisher: str = ""
    publisher_id: str = ""
    url: str = ""
    published: EdtfDate | None = None
    location: str = ""


@dataclass(slots=True)
class Letter:
    id: RecordId
    path: str
    kind: str
    title: str
    date: EdtfDate | None
    date_note: str
    senders: list[str]
    recipients: list[str]
    place_sent: str
    place_received: str
    language: str
    original_language: str
    text: str
    in_reply_to: list[str]
    mentions: dict[str, list[str]]  # entity kind -> ids, as listed in front-matter
    cites: list[Citation]
    source: Source
    summary: str
    note: str
    body_line: int
    refs: list[Ref] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    markdown: dict[str, Rendered] = field(default_factory=dict)  # "body" and Markdown fields, parsed
    names_found: tuple[NameFound, ...] = ()  # entities' names its texts give, in file order
    suggest_links: bool = True  # whether unlinked names in it are suggested
    leave_unlinked: list[str] = field(default_factory=list)  # names never suggested in it

    record_kind = "letter"

    @property
    def is_translation(self) -> bool:
        return bool(self.original_language) and self.original_language != self.language


@dataclass(slots=True)
class Entity:
    id: RecordId
    path: str
    kind: str  # person | organization | place | event | work
    name: str
    aliases: list[str]
    description: str
    dates: dict[str, EdtfDate]  # field name -> date, in the kind's field order
    authority: dict[str, str]  # authority file -> id, e.g. {"wikidata": "Q57336"}
    places: list[str]
    body_line: int
    refs: list[Ref] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    markdown: dict[str, Rendered] = field(default_factory=dict)  # "body" and Markdown fields, parsed
    coordinates: tuple[float, float] | None = None  # places: (latitude, longitude) in degrees
    alias_languages: dict[str, str] = field(default_factory=dict)  # alias -> its language, where given

    @property
    def record_kind(self) -> str:
        return self.kind

    @property
    def title(self) -> str:
        return self.name
