"""Pictures built into the pages as static SVG: letters per year, correspondents, places.

Each picture is drawn by a module of its own (``years``, ``network``, ``map``) from the
numbers ``counts`` keeps, counted once for the whole archive; ``svg`` writes the markup.
A picture comes with its numbers as a table, so that it reads without sight and without
colour. :class:`Pictures` says which pictures each page gets.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property

from docket.archive.link import Site
from docket.archive.model import Entity
from docket.site.pictures.counts import Counts
from docket.site.pictures.map import Spot, map_picture, rank
from docket.site.pictures.network import archive_network_picture, star_picture
from docket.site.pictures.svg import Picture
from docket.site.pictures.years import years_picture
from docket.site.views import Views

__all__ = ["Picture", "Pictures"]

#: a place's map marks the places around it among this many with the most letters
NEIGHBOURS = 200
CORRESPONDENTS = ("person", "organization")


class Pictures:
    """The pictures of every page of one site."""

    def __init__(self, site: Site, views: Views) -> None:
        self.site = site
        self.views = views
        self.counts = Counts(site)

    @cached_property
    def _spots(self) -> dict[str, Spot]:
        entities = self.site.entities
        spots = {}
        for place_id, letters in self.counts.place_letters.items():
            latitude, longitude = entities[place_id].coordinates
            spots[place_id] = Spot(self.views.link(place_id), latitude, longitude, letters)
        return spots

    @cached_property
    def _ranked_spots(self) -> list[Spot]:
        return rank(list(self._spots.values()))

    def home(self) -> list[Picture]:
        return _present(years_picture(self.counts.archive_years), archive_network_picture(self.counts, self.views))

    def entity(self, entity: Entity) -> list[Picture]:
        found = [years_picture(self.counts.years(entity.id))]
        if entity.kind in CORRESPONDENTS:
            found.append(star_picture(self.counts, self.views, entity.id))
        if entity.id in self._spots:
            found.append(map_picture(self._ranked_spots[:NEIGHBOURS], f"{entity.name} on the map", self._spots[entity.id]))
        return _present(*found)

    def entity_index(self, kind: str) -> list[Picture]:
        if kind != "place":
            return []
        return _present(map_picture(self._ranked_spots, "Places on the map"))

    def letters(self, letter_ids: list[str]) -> list[Picture]:
        """Pictures of a set of letters (a correspondence): letters per year."""
        return _present(years_picture(Counter(self.counts.year_of[i] for i in letter_ids)))


def _present(*pictures: Picture | None) -> list[Picture]:
    return [p for p in pictures if p is not None]
