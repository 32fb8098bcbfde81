"""Correspondences: the letters exchanged between two correspondents, both ways, by date.

A correspondence is a pair of people or organizations of whom one wrote to the other.
A letter belongs to the correspondence of every sender–recipient pair it has: from A to
B and C, it is in A–B's and in A–C's (B and C, both recipients, did not write to each
other). Each is named by its pair's ids in order, joined by ``--`` (``a--b``), which no
id can contain, so the name is unique and the same whichever way the letters went.

Built once, in the link stage, in one pass over the letters in date order: each
correspondence's letters come out in date order without sorting.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable

from docket.archive.model import Letter

SEPARATOR = "--"


@dataclass(slots=True)
class Correspondence:
    """The letters between ``first`` and ``second`` (their ids in order), earliest first."""

    id: str
    first: str
    second: str
    letters: list[str] = field(default_factory=list)
    forward: int = 0  # letters from first to second
    backward: int = 0  # letters from second to first

    def other(self, correspondent: str) -> str:
        return self.second if correspondent == self.first else self.first

    def sent_by(self, correspondent: str) -> int:
        """How many of its letters ``correspondent`` (one of the pair) wrote."""
        return self.forward if correspondent == self.first else self.backward


def pair_id(one: str, other: str) -> str:
    """The correspondence's name: the two ids in order, joined by ``--``."""
    return SEPARATOR.join(sorted((one, other)))


def letter_pairs(letter: Letter) -> list[tuple[str, str]]:
    """The (sender, recipient) pairs of a letter, one per correspondence, in the order
    its senders and recipients are listed."""
    pairs: dict[str, tuple[str, str]] = {}
    for sender in letter.senders:
        for recipient in letter.recipients:
            if sender != recipient:
                pairs.setdefault(pair_id(sender, recipient), (sender, recipient))
    return list(pairs.values())


def correspondences(letters: dict[str, Letter], chronology: list[str]) -> dict[str, Correspondence]:
    """Every correspondence of the archive, by name (sorted)."""
    found: dict[str, Correspondence] = {}
    for letter_id in chronology:
        for sender, recipient in letter_pairs(letters[letter_id]):
            name = pair_id(sender, recipient)
            correspondence = found.get(name)
            if correspondence is None:
                first, second = sorted((sender, recipient))
                correspondence = found[name] = Correspondence(name, first, second)
            correspondence.letters.append(letter_id)
            if sender == correspondence.first:
                correspondence.forward += 1
            else:
                correspondence.backward += 1
    return dict(sorted(found.items()))


def correspondents(found: dict[str, Correspondence], name_key: Callable[[str], tuple]) -> dict[str, list[str]]:
    """Each correspondent's correspondences, most letters first, then by the other's name."""
    by_person: dict[str, list[str]] = {}
    for correspondence in found.values():
        by_person.setdefault(correspondence.first, []).append(correspondence.id)
        by_person.setdefault(correspondence.second, []).append(correspondence.id)
    for person, names in by_person.items():
        names.sort(key=lambda n: (-len(found[n].letters), name_key(found[n].other(person)), n))
    return dict(sorted(by_person.items()))


def neighbours(correspondence: Correspondence, letter_id: str, position: dict[str, int]) -> tuple[str | None, str | None]:
    """The letters before and after ``letter_id`` in its correspondence (found by bisection
    on the archive's date order, which the correspondence's letters follow)."""
    letters = correspondence.letters
    at = index_in(correspondence, letter_id, position)
    before = letters[at - 1] if at > 0 else None
    after = letters[at + 1] if at + 1 < len(letters) else None
    return before, after


def writer(letter: Letter, correspondence: Correspondence) -> str:
    """Which of the pair wrote ``letter`` to the other (the first of its senders who did)."""
    pair = (correspondence.first, correspondence.second)
    return next(s for s in letter.senders if s in pair and correspondence.other(s) in letter.recipients)


def index_in(correspondence: Correspondence, letter_id: str, position: dict[str, int]) -> int:
    """Where ``letter_id`` stands among the correspondence's letters."""
    return bisect.bisect_left(correspondence.letters, position[letter_id], key=position.__getitem__)
