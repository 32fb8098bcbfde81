"""The record kinds, in one registry: everything docket knows about a kind comes from here.

A kind's folder under ``content/`` (also its URL segment and its key under a letter's
``mentions``), its labels, the dates it records, the skeleton ``docket new`` writes, and
whether the search page offers a filter for the letters that mention it. Adding a kind
or a date field is an entry here plus, for what a reader sees, its template.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    name: str  # "person": what the code and messages call it
    folder: str  # "people": its folder under content/, its URL segment, its key under mentions
    label: str  # "Person"
    dates: tuple[tuple[str, str], ...] = ()  # (field, label), in display order
    skeleton: str = ""  # the file 'docket new' writes; {title} is the record's title or name (a letter's also {date}, {senders}, {recipients})
    search_filter: bool = False  # the search page filters letters by the ones they mention
    fields: tuple[str, ...] = ()  # front-matter fields of this kind only, beyond every entity's

    @property
    def heading(self) -> str:
        """"People": the kind's index page and its section of a letter's mentions."""
        return self.folder.capitalize()

    @property
    def date_fields(self) -> tuple[str, ...]:
        return tuple(field for field, _ in self.dates)


LETTER_SKELETON = """---
title: {title}
# date: EDTF, e.g. 2021-05-22, 2021-05-22? (uncertain), 2021-05~ (approximate)
date: {date}
date_note:
# senders and recipients: ids of people or organizations
senders: [{senders}]
recipients: [{recipients}]
language: en
# text: full | excerpts | summary | mentioned | calendar
text: full
source:
  title:
  publisher:
  url:
  published:
summary:
---
The text of the letter, exactly as the source gives it.
"""


def _entity_skeleton(what: str, dates: tuple[str, ...] = (), more: str = "") -> str:
    fields = "".join(f"{field}:\n" for field in dates)
    return f"---\nname: {{title}}\naliases: []\ndescription: One neutral line on {what}.\n{fields}{more}---\n"


LETTER = Kind("letter", "letters", "Letter", skeleton=LETTER_SKELETON)
ENTITIES: tuple[Kind, ...] = (
    Kind("person", "people", "Person", (("born", "Born"), ("died", "Died")),
         _entity_skeleton("who this is", ("born", "died")), search_filter=True),
    Kind("organization", "organizations", "Organization", (("founded", "Founded"), ("dissolved", "Dissolved")),
         _entity_skeleton("what this is", ("founded",)), search_filter=True),
    Kind("place", "places", "Place", skeleton=_entity_skeleton("where this is", more="# coordinates: [latitude, longitude], in decimal degrees\n"),
         fields=("coordinates",), search_filter=True),
    Kind("event", "events", "Event", (("start", "Began"), ("end", "Ended")),
         _entity_skeleton("what happened", ("start", "end"), "places: []\n"), fields=("places",), search_filter=True),
    Kind("work", "works", "Work", (("date", "Date"),), _entity_skeleton("what this work is"), search_filter=True),
)
#: every kind by name, letters first, then entities in the order pages list them
KINDS: dict[str, Kind] = {kind.name: kind for kind in (LETTER, *ENTITIES)}
ENTITY_KINDS: tuple[str, ...] = tuple(kind.name for kind in ENTITIES)
KIND_OF_FOLDER: dict[str, str] = {kind.folder: kind.name for kind in KINDS.values()}

#: what a letter's ``kind`` field may say: a letter, or another document
DOCUMENT_KINDS: dict[str, str] = {"letter": "Letter", "speech": "Speech", "statement": "Statement"}
#: the label of every kind a page can be about
KIND_LABELS: dict[str, str] = {**DOCUMENT_KINDS, **{kind.name: kind.label for kind in ENTITIES}}
#: front-matter fields of letters written in Markdown, each with the prefix that keeps its
#: footnote ids apart from the body's on the page
LETTER_MARKDOWN_FIELDS: dict[str, str] = {"date_note": "date-note", "note": "note"}
#: a letter's fields in one line of Markdown (no paragraphs), shown inside a template's own element
LETTER_INLINE_MARKDOWN_FIELDS: tuple[str, ...] = ("summary",)

#: the search page's filters, in the order it shows them: (Pagefind filter, label)
SEARCH_FILTERS: tuple[tuple[str, str], ...] = (
    ("kind", "Kind"),
    ("sender", "Sender"),
    ("recipient", "Recipient"),
    ("year", "Year"),
    *((kind.name, f"Mentions {kind.name}") for kind in ENTITIES if kind.search_filter),
)
