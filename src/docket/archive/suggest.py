"""Suggestions: the names of entities that a letter gives in its text without a link.

Every entity's name and aliases go into one Aho–Corasick automaton (``ahocorasick_rs``,
Rust's ``aho-corasick`` crate, as a DFA), so a letter's texts are searched in one pass
each whatever the number of names. What is searched is the prose of each of the
letter's texts (body, summary, date_note, note: ``markdown/prose.py``; code, links and
references left out), in file order. A name counts where it is written exactly so (case
and all) as a whole word: the characters around it are not letters, digits, combining
marks or the joiners Persian writes inside words, so "Iran" is not found in "Iranian"
nor "Hamas" in "Hamasa", whatever the script. Where found names overlap, the longest
wins ("Ali Khamenei" over "Khamenei").

An entity the letter links anywhere, or lists in its front-matter (senders, recipients,
places, mentions, citations, the source's publisher), is not suggested; any other is
suggested once, where it is first found. A name shared by several entities is suggested
with all of them, unless the letter already links or lists one. A letter with
``suggest_links: false`` gets none, and the names in its ``leave_unlinked`` are never
suggested in it; ``suggest_links = false`` in ``docket.toml`` turns them all off.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Iterable, NamedTuple

import ahocorasick_rs

from docket.archive.kinds import KINDS
from docket.archive.link import Site
from docket.archive.model import Entity, Letter
from docket.errors import Problems, SourceError

#: zero-width non-joiner and joiner: inside a word in Persian and other scripts
JOINERS = "\u200c\u200d"


class Found(NamedTuple):
    """One whole-word occurrence of a name, at ``start`` in the text searched."""

    start: int
    name: str
    ids: tuple[str, ...]  # the entities of that name, sorted


@cache  # asked of every character next to a name found: mostly the same spaces and stops
def _is_word(char: str) -> bool:
    return char.isalnum() or char in JOINERS or unicodedata.category(char)[0] == "M"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not part of a longer word."""
    if start > 0 and _is_word(text[start]) and _is_word(text[start - 1]):
        return False
    return not (end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]))


class Names:
    """Every name and alias of the archive's entities, searchable in one pass."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        ids_of: dict[str, set[str]] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                if name.strip():
                    ids_of.setdefault(unicodedata.normalize("NFC", name.strip()), set()).add(entity.id)
        self.names = sorted(ids_of)
        self.ids = [tuple(sorted(ids_of[name])) for name in self.names]
        self.automaton = (
            ahocorasick_rs.AhoCorasick(self.names, matchkind=ahocorasick_rs.MatchKind.Standard, implementation=ahocorasick_rs.Implementation.DFA)
            if self.names
            else None
        )

    def find(self, text: str) -> list[Found]:
        """The names in ``text``, whole words only, in order; the longest where they overlap.

        Every match is asked for, overlapping ones too, so that a name refused for being
        part of a longer word does not hide a shorter one that is a word of its own."""
        if self.automaton is None:
            return []
        candidates = [
            (start, start - end, index)
            for index, start, end in self.automaton.find_matches_as_indexes(text, overlapping=True)
            if _whole_word(text, start, end)
        ]
        candidates.sort()
        found, reach = [], 0
        for start, minus_length, index in candidates:
            if start >= reach:
                found.append(Found(start, self.names[index], self.ids[index]))
                reach = start - minus_length
        return found


def suggest_links(site: Site, problems: Problems) -> Names:
    """Add a suggestion to ``problems`` for every entity named but not linked in a letter;
    the names, for suggesting again in one letter (``suggestions``)."""
    names = Names(site.entities.values())
    for letter_id in sorted(site.letters):
        problems.extend(suggestions(site.letters[letter_id], site, names))
    return names


def suggestions(letter: Letter, site: Site, names: Names) -> list[SourceError]:
    """One letter's suggestions, in file order."""
    if not letter.suggest_links:
        return []
    known = {ref.target for ref in letter.refs} | {ref.target for ref in site.inline.get(letter.id, ())}
    left = set(letter.leave_unlinked)
    found = []
    for _, prose in sorted(letter.prose.items(), key=lambda item: item[1].first_place()):
        for start, name, ids in names.find(prose.text):
            if name in left or known.intersection(ids):
                continue
            known.update(ids)
            line, col = prose.place(start)
            message, hint = _wording(name, ids, site)
            found.append(SourceError(letter.path, line, message, hint, col, "suggestion"))
    return found


def _wording(name: str, ids: tuple[str, ...], site: Site) -> tuple[str, str]:
    """"'Name' names person x", and how to link or list it."""
    kinds = [site.entities[entity_id].kind for entity_id in ids]
    named = " or ".join(f"{kind} {entity_id}" for kind, entity_id in zip(kinds, ids))
    fields = " or ".join(dict.fromkeys(f"mentions.{KINDS[kind].folder}" for kind in kinds))
    link = " or ".join(f"[[{entity_id}|{name}]]" for entity_id in ids)
    return f"'{name}' names {named}", f"link it as {link}{',' if len(ids) > 1 else ''} or list it under {fields}"
