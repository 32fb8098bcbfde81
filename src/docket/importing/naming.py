"""Names to ids: transliterated to ASCII, unique in the site, the same from one import to the next.

An id is made from the name alone (``Weber, Carl Maria von`` -> ``weber-carl-maria-von``,
``Πλάτων`` -> ``platon``), so that importing the same name again gives the same id; a clash
with an id already taken gets the first free ``-2``, ``-3``… Unknown correspondents
("Unbekannt", "N.N.", "unknown", an empty cell) are all one name.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from docket.paths import ID_MAX_LENGTH, is_valid_id

UNKNOWN = "Unknown"
#: how sheets and CMIF files say that a correspondent is not known (compared folded)
UNKNOWN_SPELLINGS = frozenset({
    "", "unknown", "unbekannt", "n.n.", "n. n.", "nn", "n.n", "nomen nescio", "anonymous", "anonym",
    "anonymus", "inconnu", "sconosciuto", "?", "[unknown]", "[unbekannt]", "[n.n.]", "-",
})
_NOT_WORD = re.compile(r"[^a-z0-9]+")
#: room left in an id for a ``-NNN`` suffix
_BASE_LENGTH = ID_MAX_LENGTH - 6


def is_unknown(name: str) -> bool:
    return " ".join(name.split()).casefold() in UNKNOWN_SPELLINGS


def fold(name: str) -> str:
    """A name as compared: case, spacing and accents' encoding ignored."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def slug(text: str, limit: int = _BASE_LENGTH) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary within ``limit``."""
    words = _NOT_WORD.sub("-", anyascii(text).lower()).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0] if "-" in words[:limit] else words[:limit]
    return words


def surname(name: str, kind: str = "person") -> str:
    """What a letter's id calls a correspondent: a person by the part before a comma, else
    the last word; an organization by its name."""
    if kind != "person":
        return slug(name, 30)
    head = name.split(",", 1)[0] if "," in name else (name.split() or [""])[-1]
    return slug(head, 30) or slug(name, 30)


def inverted(name: str) -> str:
    """``Engels, Friedrich`` as ``Friedrich Engels`` (to match either spelling), or ""."""
    parts = [part.strip() for part in name.split(",")]
    return f"{parts[1]} {parts[0]}" if len(parts) == 2 and all(parts) else ""


class Ids:
    """The ids taken in a site; hands out free ones."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken

    def claim(self, base: str, fallback: str) -> str:
        """``base`` (or ``fallback`` when the name gives no letters), made unique, and taken."""
        base = base.strip("-") or fallback
        candidate, number = base, 1
        while candidate in self.taken or not is_valid_id(candidate):
            number += 1
            candidate = f"{base}-{number}"
        self.taken.add(candidate)
        return candidate
