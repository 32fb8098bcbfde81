"""The numbers the pictures draw, counted once for the whole archive.

A letter counts in the year it is filed under on the letters index (``placement``); it
counts for an entity when it refers to it in any role (sent, received, sent from,
received at, mentioned, cited…), as the entity's own "In this archive" count does. The
letters two correspondents exchanged are their correspondence's (``Site.correspondences``,
made by the link stage), so a picture and the page's list of correspondents agree. What
is not there already is counted in one pass over the letters, so a page asks for its
numbers without looking at any letter that is not its own.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property

from docket.archive.correspondence import pair_id
from docket.archive.link import Site
from docket.site.timeline import UNDATED, placement


class Counts:
    def __init__(self, site: Site) -> None:
        self.site = site
        #: letter id -> the year slug it is filed under ("undated" when it has none)
        self.year_of: dict[str, str] = {i: placement(site.letters[i].date)[0] for i in site.chronology}
        #: correspondent -> letters they sent or received
        self.correspondence: Counter[str] = Counter()
        for letter_id in site.chronology:
            letter = site.letters[letter_id]
            self.correspondence.update(set(letter.senders) | set(letter.recipients))

    @cached_property
    def archive_years(self) -> Counter[str]:
        """Letters per year slug, the whole archive."""
        return Counter(self.year_of.values())

    def letters_of(self, entity_id: str) -> set[str]:
        """The letters that refer to an entity, in any role."""
        roles = self.site.links_to.get(entity_id, {})
        return {source for sources in roles.values() for source in sources if source in self.year_of}

    def years(self, entity_id: str) -> Counter[str]:
        """Letters per year slug that refer to an entity."""
        return Counter(self.year_of[i] for i in self.letters_of(entity_id))

    def correspondent_count(self, entity_id: str) -> int:
        return len(self.site.correspondents.get(entity_id, ()))

    def correspondents(self, entity_id: str, limit: int) -> list[tuple[str, int, int]]:
        """(correspondent, letters to them, letters from them), most letters first, at most
        ``limit``: the order of the entity page's list of correspondents."""
        found = []
        for name in self.site.correspondents.get(entity_id, ())[:limit]:
            correspondence = self.site.correspondences[name]
            sent = correspondence.sent_by(entity_id)
            found.append((correspondence.other(entity_id), sent, len(correspondence.letters) - sent))
        return found

    def top_correspondents(self, limit: int) -> list[tuple[str, int]]:
        """(correspondent, letters sent or received), most first, at most ``limit``."""
        titles = self.site.titles
        ranked = sorted(self.correspondence.items(), key=lambda item: (-item[1], titles[item[0]].casefold(), item[0]))
        return ranked[:limit]

    def between(self, first: str, second: str) -> int:
        """Letters either of two correspondents sent the other."""
        correspondence = self.site.correspondences.get(pair_id(first, second))
        return len(correspondence.letters) if correspondence else 0

    @cached_property
    def place_letters(self) -> dict[str, int]:
        """Letters that refer to each place with coordinates."""
        entities = self.site.entities
        return {i: len(self.letters_of(i)) for i in self.site.by_kind["place"] if entities[i].coordinates is not None}


def undated(years: Counter[str]) -> int:
    return years.get(UNDATED, 0)
