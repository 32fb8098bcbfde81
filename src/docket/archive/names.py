"""Where a letter's texts give the name of one of the archive's entities.

Every entity's name and aliases go into one Aho–Corasick automaton (``ahocorasick_rs``,
Rust's ``aho-corasick`` crate, as a DFA), so a text is searched in one pass whatever
the number of names. What is searched is the prose of each of the letter's texts (body,
summary, date_note, note: ``markdown/prose.py``; code, links and references left out).
A name counts where it is written exactly so (case and all) as a whole word: the
characters around it are not letters, digits, combining marks or the joiners Persian
writes inside words, so "Iran" is not found in "Iranian" nor "Hamas" in "Hamasa",
whatever the script. Where found names overlap, the longest wins ("Ali Khamenei" over
"Khamenei").

Names are looked for as each letter is read, on whichever core reads it, so only the
few names found travel, placed in the file; what to suggest of them is decided once
the archive is linked (``suggest.py``). The names come from the entities' files as
written, read before the letters; a letter read against other names is read again
only where the change could matter to it (:class:`NameChange`).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any, Iterable, Mapping, NamedTuple

import ahocorasick_rs

#: zero-width non-joiner and joiner: inside a word in Persian and other scripts
JOINERS = "\u200c\u200d"


class NameFound(NamedTuple):
    """A name where a letter's file gives it: its line and column (None where the column
    cannot be told, as inside a quoted front-matter value with escapes)."""

    line: int
    col: int | None
    name: str


def normal(name: str) -> str:
    """A name as it is looked for: without surrounding space, in Unicode's composed form."""
    return unicodedata.normalize("NFC", name.strip())


def written_names(fields: Mapping[str, Any]) -> list[str]:
    """An entity's name and aliases as its front-matter writes them (before validation:
    the names are needed while the letters are read, which comes first)."""
    aliases = fields.get("aliases")
    given = [fields.get("name"), *(aliases if isinstance(aliases, list) else [aliases])]
    names = [item.get("name") if isinstance(item, dict) else item for item in given]
    return [name for name in names if isinstance(name, str) and name.strip()]


@cache  # asked of every character next to a name found: mostly the same spaces and stops
def _is_word(char: str) -> bool:
    return char.isalnum() or char in JOINERS or unicodedata.category(char)[0] == "M"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not part of a longer word."""
    if start > 0 and _is_word(text[start]) and _is_word(text[start - 1]):
        return False
    return not (end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]))


class Names:
    """A set of names, searchable in one pass."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names = tuple(sorted({normal(name) for name in names if name.strip()}))
        self._automaton = (
            ahocorasick_rs.AhoCorasick(self.names, matchkind=ahocorasick_rs.MatchKind.Standard, implementation=ahocorasick_rs.Implementation.DFA)
            if self.names
            else None
        )

    def __reduce__(self) -> tuple:
        """Kept in the build cache as the names alone; the automaton is made again."""
        return (Names, (self.names,))

    def find(self, text: str) -> list[tuple[int, str]]:
        """Where each name stands in ``text``, whole words only, in order; the longest
        where they overlap.

        Every match is asked for, overlapping ones too, so that a name refused for being
        part of a longer word does not hide a shorter one that is a word of its own."""
        if self._automaton is None:
            return []
        candidates = [
            (start, start - end, index)
            for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True)
            if _whole_word(text, start, end)
        ]
        candidates.sort()
        found, reach = [], 0
        for start, minus_length, index in candidates:
            if start >= reach:
                found.append((start, self.names[index]))
                reach = start - minus_length
        return found


class NameChange:
    """From the names letters were read against to the names of now: which letters could
    find other names, and must be read again.

    One that found a name no longer looked for (what it hid, where names overlapped,
    may show now), and one whose file holds every word of a new name. A name found in
    prose is written in its file word by word: the prose only joins lines and leaves
    out marks (a quote's ``>``, a list's indent); a front-matter text is looked at as
    YAML gives it too.
    """

    def __init__(self, before: Names, after: Names) -> None:
        self.gone = set(before.names) - set(after.names)
        added = sorted(set(after.names) - set(before.names))
        self.added_words = [tuple(name.split()) for name in added]
        words = sorted({word for words in self.added_words for word in words})
        self._words = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA) if words else None

    def matters_to(self, found: Iterable[NameFound], texts: Iterable[str]) -> bool:
        """Whether a letter that found ``found`` and whose file and front-matter texts
        are ``texts`` could find other names now."""
        if any(name in self.gone for _, _, name in found):
            return True
        if self._words is None:
            return False
        present: set[str] = set()
        for text in texts:
            present.update(self._words.find_matches_as_strings(text.replace("\\|", "|"), overlapping=True))
        return any(present.issuperset(words) for words in self.added_words)
