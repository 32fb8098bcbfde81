"""An entity's letters by role: the summary its page opens with, and the paged lists.

An entity's page says first what a reader wants to know: how many letters it has in
each role (sent, received, mentioned in, …), by year, and its first letters in each
role. The rest of a role's letters are in a paged list of its own, in date order,
each letter once: ``/people/ID/sent/``, ``/people/ID/sent/2/``, …, with the page on
which each year begins. The opening summary shows a letter once even when it has
several roles (sent by the person and mentioned in it too); the lists each show it.

Each entity's letters by role are gathered once for the whole site, in one pass over
the backlinks, so a list page costs what its own letters cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docket.archive.link import ROLES
from docket.paths import Url, list_page_url, record_url
from docket.site.page import IndexKey, Page
from docket.site.paging import first_pages, page_count, page_items, pagination
from docket.site.timeline import UNDATED, placement, year_order
from docket.site.views import LetterCard

if TYPE_CHECKING:
    from docket.site.render import Renderer

#: letters of each role an entity's page shows before pointing to the role's list
FIRST_LETTERS = 10


@dataclass(frozen=True, slots=True)
class RoleList:
    """One role's letters as an entity's page shows them."""

    role: str
    label: str
    count: int  # the role's letters
    cards: list[LetterCard]  # the first of them, less those shown under an earlier role
    repeated: int  # how many of its first letters were shown under an earlier role
    url: str  # the role's list (its first page), or "" when this page shows them all


@dataclass(frozen=True, slots=True)
class YearGroup:
    """The letters of one year on a page of a list."""

    label: str
    slug: str
    cards: list[LetterCard]


def role_slug(role: str) -> str:
    """The role's segment in a list's address: ``sent_from`` -> ``sent-from``."""
    return role.replace("_", "-")


ROLE_OF_SLUG = {role_slug(role): role for role in ROLES}


def year_label(slug: str) -> str:
    return "Undated" if slug == UNDATED else slug


class EntityLists:
    """The summaries and role lists of one renderer's entities."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.site = renderer.site
        self._by_role: dict[str, dict[str, list[str]]] | None = None
        self._year_of: dict[str, str] | None = None
        self._year_pages: dict[tuple[str, str], dict[str, int]] = {}

    def letters_by_role(self, entity_id: str) -> dict[str, list[str]]:
        """The letters referring to an entity, by role, in date order."""
        if self._by_role is None:
            letters = self.site.letters
            self._by_role = {}
            for target, roles in self.site.links_to.items():
                if target in self.site.entities:
                    found = {role: [s for s in sources if s in letters] for role, sources in roles.items()}
                    self._by_role[target] = {role: ids for role, ids in found.items() if ids}
        return self._by_role.get(entity_id, {})

    def year_of(self, letter_id: str) -> str:
        """The year a letter is filed under (see ``timeline.placement``)."""
        if self._year_of is None:
            self._year_of = {i: placement(letter.date)[0] for i, letter in self.site.letters.items()}
        return self._year_of[letter_id]

    def year_pages(self, entity_id: str, role: str) -> dict[str, int]:
        """The page of the role's list on which each year begins; worked out once a list,
        not once a page (a list of n letters has n/50 pages)."""
        key = (entity_id, role)
        if key not in self._year_pages:
            self._year_pages[key] = first_pages(self.year_of(i) for i in self.letters_by_role(entity_id)[role])
        return self._year_pages[key]

    def list_url(self, entity_id: str, role: str) -> Url:
        entity = self.site.entities[entity_id]
        return Url(f"{record_url(entity.kind, entity_id)}{role_slug(role)}/")

    def keys(self) -> list[IndexKey]:
        """A key for every page of every role list long enough to need one."""
        keys = []
        for entity_id in self.site.record_order()[len(self.site.chronology) :]:
            for role, letters in self.letters_by_role(entity_id).items():
                if len(letters) > FIRST_LETTERS:
                    part = f"{entity_id}/{role_slug(role)}"
                    keys += [IndexKey("role", part, n) for n in range(1, page_count(len(letters)) + 1)]
        return keys

    def roles(self, entity_id: str) -> list[RoleList]:
        """What the entity's page shows of each role: its count and first letters."""
        views, shown, found = self.renderer.views, set(), []
        for role, letters in self.letters_by_role(entity_id).items():
            first = []
            repeated = 0
            for letter_id in letters[:FIRST_LETTERS]:
                if letter_id in shown:
                    repeated += 1
                else:
                    first.append(letter_id)
            shown.update(first)
            url = views.href(self.list_url(entity_id, role)) if len(letters) > FIRST_LETTERS else ""
            found.append(RoleList(role, ROLES[role], len(letters), views.cards(first), repeated, url))
        return found

    def year_table(self, entity_id: str) -> tuple[list[str], list[tuple[str, list[tuple[int, str]]]]]:
        """Letters by year and role: the roles (labels), and a row per year of (count,
        address of the year in the role's list, or "") for each role."""
        by_role = self.letters_by_role(entity_id)
        counts: dict[str, dict[str, int]] = {}
        pages: dict[str, dict[str, int]] = {}
        for role, letters in by_role.items():
            years = [self.year_of(i) for i in letters]
            for year in years:
                counts.setdefault(year, {}).setdefault(role, 0)
                counts[year][role] += 1
            if len(letters) > FIRST_LETTERS:
                pages[role] = self.year_pages(entity_id, role)
        href = self.renderer.views.href
        rows = []
        for year in sorted(counts, key=year_order):
            cells = []
            for role in by_role:
                n = counts[year].get(role, 0)
                url = ""
                if n and role in pages:
                    url = href(list_page_url(self.list_url(entity_id, role), pages[role][year])) + f"#y-{year}"
                cells.append((n, url))
            rows.append((year_label(year), cells))
        return [ROLES[role] for role in by_role], rows

    def role_page(self, part: str, number: int) -> Page:
        """Page ``number`` of an entity's list of letters in one role."""
        entity_id, slug = part.split("/")
        role = ROLE_OF_SLUG[slug]
        entity = self.site.entities[entity_id]
        letters = self.letters_by_role(entity_id)[role]
        base = self.list_url(entity_id, role)
        url = list_page_url(base, number)
        views = self.renderer.views
        groups: list[YearGroup] = []
        for letter_id in page_items(letters, number):
            year = self.year_of(letter_id)
            if not groups or groups[-1].slug != year:
                groups.append(YearGroup(year_label(year), year, []))
            groups[-1].cards.append(views.card(letter_id))
        years = [(year_label(y), views.href(list_page_url(base, n)) + f"#y-{y}") for y, n in self.year_pages(entity_id, role).items()]
        html = self.renderer.render(
            "entity_letters.html",
            url,
            title=f"{entity.name}: {ROLES[role]}" + (f" (page {number})" if number > 1 else ""),
            entity=views.link(entity_id),
            role=role,
            label=ROLES[role],
            count=len(letters),
            groups=groups,
            years=years,
            pages=pagination(views.href(base), len(letters), number),
        )
        return Page(url, html, False)
