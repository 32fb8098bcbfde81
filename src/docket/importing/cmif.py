"""Reading a CMIF file: every ``correspDesc`` as an entry, streamed.

The file is parsed with expat, one ``correspDesc`` (and one ``bibl``) at a time, so a file
of any size fits in memory and every entry knows its line. Read: ``correspAction``
``sent``/``received`` with ``persName``/``orgName``/``placeName`` and their ``@ref``,
``date`` (``@when``, ``@from``/``@to``, ``@notBefore``/``@notAfter``, ``@cert``, its text),
``@source`` pointing at a ``bibl``, ``@ref`` (the letter's URL) and ``@key``, and CMIF v2
``note/ref`` mentions of people, organizations and places; a ``note``'s own text is the
letter's note. Evidence marked ``conjecture`` is said in the note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from xml.parsers import expat

from docket.importing import dating
from docket.importing.identities import read_refs
from docket.importing.records import Entry, EntryProblem, Name, Skipped

TEI = "http://www.tei-c.org/ns/1.0 "
XML_ID = "http://www.w3.org/XML/1998/namespace id"
#: CMIF v2 note/ref types (after the vocabulary's prefix) -> the entity kind mentioned
MENTIONS = {"mentionsPerson": "person", "mentionsOrganization": "organization", "mentionsPlace": "place"}
_CHUNK = 1 << 16


class CmifError(Exception):
    """A file that is not well-formed XML: where, and what is wrong."""


@dataclass(slots=True)
class Element:
    tag: str  # local name in the TEI namespace, else "{ns}name"
    attrs: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        return " ".join("".join(self.text).split())

    def find(self, tag: str) -> list[Element]:
        return [child for child in self.children if child.tag == tag]


class _Stream:
    """expat's events to finished ``correspDesc`` and ``bibl`` elements, one by one."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.characters
        self.stack: list[Element] = []
        self.done: list[Element] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name[len(TEI):] if name.startswith(TEI) else name
        element = Element(tag, {k.removeprefix(TEI): v for k, v in attrs.items()}, self.parser.CurrentLineNumber)
        if self.stack:
            self.stack[-1].children.append(element)
        if self.stack or tag in ("correspDesc", "bibl"):
            self.stack.append(element)

    def end(self, name: str) -> None:
        if not self.stack:
            return
        element = self.stack.pop()
        if self.stack:
            self.stack[-1].text.append(" ")  # text around a child stays apart from the child's
            self.stack[-1].text.extend(element.text)
        elif not self.stack:
            self.done.append(element)

    def characters(self, data: str) -> None:
        if self.stack:
            self.stack[-1].text.append(data)


def read_cmif(path: Path, label: str) -> Iterator[Entry | Skipped]:
    """The file's entries, lazily; ``label`` names the file in messages (``label:LINE``)."""
    stream = _Stream()
    sources: dict[str, tuple[str, str]] = {}  # bibl xml:id -> (text, @type)
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                stream.parser.Parse(chunk, False)
                yield from _finished(stream, sources, label)
            stream.parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise CmifError(f"{label}:{exc.lineno}: not well-formed XML ({expat.ErrorString(exc.code)}) — fix the XML and import the file again") from None
    except OSError as exc:
        raise CmifError(f"{label}: cannot be read ({exc.strerror}) — give a CMIF .xml file") from None
    yield from _finished(stream, sources, label)


def _finished(stream: _Stream, sources: dict[str, tuple[str, str]], label: str) -> Iterator[Entry | Skipped]:
    done, stream.done = stream.done, []
    for element in done:
        if element.tag == "bibl":
            sources[element.attrs.get(XML_ID, "")] = (element.all_text(), element.attrs.get("type", ""))
            continue
        where = f"{label}:{element.line}"
        try:
            yield _entry(element, sources, where)
        except EntryProblem as exc:
            yield Skipped(f"{label}:{exc.line or element.line}", exc.message, exc.hint)


def _entry(desc: Element, sources: dict[str, tuple[str, str]], where: str) -> Entry:
    actions = {action.attrs.get("type", ""): action for action in desc.find("correspAction")}
    sent, received = actions.get("sent"), actions.get("received")
    dates = {kind: _date(action) for kind, action in (("sent", sent), ("received", received))}
    date, date_note = dating.letter_date(dates["sent"][0], dates["received"][0])
    said = [text for _, text in dates.values() if text]
    titles = [sources[ref[1:]][0] for ref in desc.attrs.get("source", "").split() if ref[1:] in sources]
    url = desc.attrs.get("ref", "").strip()
    if not (titles or url.startswith(("http://", "https://"))):
        raise EntryProblem("correspDesc: no @source naming a bibl, and no @ref", "point @source at the sourceDesc/bibl the letter is printed in (source=\"#id\"), or give its URL in @ref")
    notes = [note for note in desc.find("note")]
    entry = Entry(
        where=where,
        senders=_names(sent, "sent"),
        recipients=_names(received, "received"),
        place_sent=_place(sent, "sent"),
        place_received=_place(received, "received"),
        date=date,
        date_note=" ".join(filter(None, [date_note, *said])),
        source_title=titles[0] if titles else "",
        source_url=url if url.startswith(("http://", "https://")) else "",
        source_location=desc.attrs.get("key", "").strip(),
        note=" ".join(filter(None, [_own_text(note) for note in notes] + [_conjectures(sent, received)])),
        mentions=_mentions(notes),
    )
    entry.language = _language(notes) or entry.language
    return entry


def _names(action: Element | None, kind: str) -> list[Name]:
    if action is None:
        return []
    names = []
    for element in action.children:
        if element.tag in ("persName", "orgName"):
            authority, same_as = _at(element, read_refs, element.attrs.get("ref", ""), False, f"{kind}/{element.tag}/@ref")
            entity = "organization" if element.tag == "orgName" else "person"
            names.append(Name(element.all_text(), entity, authority, same_as, element.attrs.get("evidence") == "conjecture", element.line))
    return names


def _place(action: Element | None, kind: str) -> Name | None:
    places = action.find("placeName") if action is not None else []
    if not places or not places[0].all_text():
        return None
    authority, same_as = _at(places[0], read_refs, places[0].attrs.get("ref", ""), True, f"{kind}/placeName/@ref")
    return Name(places[0].all_text(), "place", authority, same_as, line=places[0].line)


def _date(action: Element | None) -> tuple[str, str]:
    """The action's date as EDTF, and its human-readable text."""
    found = action.find("date") if action is not None else []
    if not found:
        return "", ""
    return _at(found[0], dating.from_cmif, found[0].attrs), found[0].all_text()


def _mentions(notes: list[Element]) -> dict[str, list[Name]]:
    mentions: dict[str, list[Name]] = {}
    for ref in (ref for note in notes for ref in note.find("ref")):
        kind = MENTIONS.get(ref.attrs.get("type", "").rsplit("#", 1)[-1].rsplit(":", 1)[-1].rsplit("/", 1)[-1])
        if kind:
            authority, same_as = _at(ref, read_refs, ref.attrs.get("target", ""), kind == "place", f"note/ref[@type='{ref.attrs['type']}']/@target")
            mentions.setdefault(kind, []).append(Name(ref.all_text() or ref.attrs.get("target", ""), kind, authority, same_as, line=ref.line))
    return mentions


def _language(notes: list[Element]) -> str:
    for ref in (ref for note in notes for ref in note.find("ref")):
        target = ref.attrs.get("target", "").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
        if ref.attrs.get("type", "").endswith("hasLanguage") and 2 <= len(target) <= 3 and target.isalpha():
            return target.lower()
    return ""


def _own_text(note: Element) -> str:
    return " ".join("".join(note.text).split()) if not note.children else ""


def _conjectures(*actions: Element | None) -> str:
    inferred = [child.all_text() for action in actions if action is not None for child in action.children if child.attrs.get("evidence") == "conjecture" and child.all_text()]
    return f"Inferred by the editors: {', '.join(inferred)}." if inferred else ""


def _at(element: Element, read, *args):
    """``read(*args)``, its problem placed at ``element``'s line."""
    try:
        return read(*args)
    except EntryProblem as exc:
        raise EntryProblem(exc.message, exc.hint, element.line) from None
