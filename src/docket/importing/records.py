"""What a reader hands on: one letter's metadata as read, before any id is given.

A reader knows its format and nothing of the site; the register knows the site and
nothing of formats. These records stand between the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class EntryProblem(Exception):
    """A row or ``correspDesc`` that cannot be taken: what is wrong, and how to fix it."""

    def __init__(self, message: str, hint: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line  # the line in the file, when the reader knows it better than the entry's


@dataclass(slots=True)
class Skipped:
    """An entry a reader could not take, at ``where`` (``FILE:ROW`` or ``FILE:LINE``)."""

    where: str
    message: str
    hint: str = ""

    def format(self) -> str:
        return f"{self.where}: {self.message}" + (f" — {self.hint}" if self.hint else "")


@dataclass(frozen=True, slots=True)
class Name:
    """A person, organization or place as a source names it.

    ``kind`` is what the source says it is ("person", "organization", "place") or "" when
    it does not say; ``authority`` holds the bare ids it gives (``{"gnd": "118584138"}``),
    ``same_as`` any other authority URLs.
    """

    text: str
    kind: str = ""
    authority: tuple[tuple[str, str], ...] = ()
    same_as: tuple[str, ...] = ()
    conjectured: bool = False
    line: int | None = field(default=None, compare=False)  # where the file names it, if known


@dataclass(slots=True)
class Entry:
    """One letter as read: ``where`` is ``FILE:ROW`` or ``FILE:LINE`` for messages."""

    where: str
    senders: list[Name]
    recipients: list[Name]
    place_sent: Name | None = None
    place_received: Name | None = None
    date: str = ""  # EDTF, checked
    date_note: str = ""
    source_title: str = ""
    source_url: str = ""
    source_location: str = ""
    note: str = ""
    language: str = "und"
    mentions: dict[str, list[Name]] = field(default_factory=dict)  # entity kind -> names
