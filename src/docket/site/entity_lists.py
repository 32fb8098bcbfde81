"""What refers to a record, by role: the summary its page opens with, and the paged lists.

An entity's page says first what a reader wants to know: how many letters it has in
each role (sent, received, mentioned in, …), by year, and its first letters in each
role. The rest of a role's letters are in a paged list of its own, in date order,
each letter once: ``/people/ID/sent/``, ``/people/ID/sent/2/``, …, with the page on
which each year begins. The opening summary shows a letter once even when it has
several roles (sent by the person and mentioned in it too); the lists each show it.

A letter's page says what refers to it the same way ("Referred to": the letters that
mention or cite it; its replies, under its correspondence), and both kinds of page list
the entities that link to them (the events at a place, the entities whose text links
here): the first of each role on the
page, all of them in the role's paged list (``/letters/ID/mentioned/``,
``/places/ID/event-place/``), entities in order of name. Letters and entities never
share a role, so a role's address names one list.

Each record's letters by role are gathered once for the whole site, in one pass over
the backlinks, so a list page costs what its own letters cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docket.archive.link import ROLES
from docket.paths import Url, list_page_url
from docket.site.page import IndexKey, Page
from docket.site.paging import first_pages, page_count, page_items, pagination
from docket.site.timeline import UNDATED, placement, year_order
from docket.site.views import LetterCard, Link
from docket.site.year_bar import span_step, spans_of, unit

if TYPE_CHECKING:
    from docket.site.render import Renderer

#: letters of each role an entity's page shows before pointing to the role's list
FIRST_LETTERS = 10
#: entities of each role a record's page shows before pointing to the role's list
FIRST_RECORDS = 20
#: the role of the letters that answer a letter
REPLIES = "replies"


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
class RecordRole:
    """The entities that refer to a record in one role, as its page shows them."""

    role: str
    label: str
    count: int  # the entities in the role
    links: tuple[Link, ...]  # the first of them, in order of name
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
        self._records_of: dict[str, dict[str, list[str]]] = {}

    def letters_by_role(self, record_id: str) -> dict[str, list[str]]:
        """The letters referring to a record (an entity or a letter), by role, in date
        order; for a letter, its replies too (``REPLIES``)."""
        if self._by_role is None:
            letters = self.site.letters
            self._by_role = {}
            for target, roles in self.site.links_to.items():
                found = {role: [s for s in sources if s in letters] for role, sources in roles.items()}
                self._by_role[target] = {role: ids for role, ids in found.items() if ids}
            for answered, replies in self.site.replies.items():
                self._by_role.setdefault(answered, {})[REPLIES] = replies
        return self._by_role.get(record_id, {})

    def replies(self, letter_id: str) -> RoleList | None:
        """What a letter's page shows of the letters that answer it: the first of them,
        their count, and their list's address when there are more."""
        replies = self.letters_by_role(letter_id).get(REPLIES)
        return self._first_letters(letter_id, REPLIES, replies) if replies else None

    def _first_letters(self, record_id: str, role: str, letters: list[str]) -> RoleList:
        return RoleList(role, ROLES[role], len(letters), self.renderer.views.cards(letters[:FIRST_LETTERS]), 0, self._address(record_id, role, len(letters), FIRST_LETTERS))

    def _address(self, record_id: str, role: str, count: int, shown: int) -> str:
        """The address of the role's list when a page shows the first ``shown`` of its
        ``count``; "" when it shows them all."""
        return self.renderer.views.href(self.list_url(record_id, role)) if count > shown else ""

    def records_by_role(self, record_id: str) -> dict[str, list[str]]:
        """The entities referring to a record, by role, in order of name; sorted once a record."""
        if record_id not in self._records_of:
            site = self.site
            found = {}
            for role, sources in site.links_to.get(record_id, {}).items():
                others = [s for s in sources if s not in site.letters]
                if others:
                    found[role] = sorted(others, key=lambda i: site.titles[i].casefold())
            self._records_of[record_id] = found
        return self._records_of[record_id]

    def referrers(self, record_id: str, letters_too: bool = True) -> tuple[list[RoleList], list[RecordRole]]:
        """What a letter's page shows of what refers to it (the letters, unless not
        ``letters_too``) and what any record's page shows of the entities that refer to
        it: each role's count, its first letters or entities, and its list's address."""
        views = self.renderer.views
        letter_roles = []
        for role, letters in (self.letters_by_role(record_id) if letters_too else {}).items():
            if role != REPLIES:  # shown with the letter's correspondence (``replies``)
                letter_roles.append(self._first_letters(record_id, role, letters))
        entity_roles = []
        for role, others in self.records_by_role(record_id).items():
            url = self._address(record_id, role, len(others), FIRST_RECORDS)
            entity_roles.append(RecordRole(role, ROLES[role], len(others), views.links(others[:FIRST_RECORDS]), url))
        return letter_roles, entity_roles

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

    def list_url(self, record_id: str, role: str) -> Url:
        return Url(f"{self.site.url(record_id)}{role_slug(role)}/")

    def keys(self) -> list[IndexKey]:
        """A key for every page of every role list long enough to need one: the lists of
        entities' letters, then of letters referring to letters, then of entities."""
        keys = []
        order = self.site.record_order()
        chronology = len(self.site.chronology)
        for record_id in order[chronology:] + order[:chronology]:
            for role, letters in self.letters_by_role(record_id).items():
                if len(letters) > FIRST_LETTERS:
                    part = f"{record_id}/{role_slug(role)}"
                    keys += [IndexKey("role", part, n) for n in range(1, page_count(len(letters)) + 1)]
        for record_id in order:
            for role, sources in self.site.links_to.get(record_id, {}).items():
                others = sum(1 for s in sources if s not in self.site.letters)
                if others > FIRST_RECORDS:
                    keys += [IndexKey("role", f"{record_id}/{role_slug(role)}", n) for n in range(1, page_count(others) + 1)]
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
            url = self._address(entity_id, role, len(letters), FIRST_LETTERS)
            found.append(RoleList(role, ROLES[role], len(letters), views.cards(first), repeated, url))
        return found

    def year_table(self, entity_id: str) -> tuple[list[str], list[tuple[str, list[tuple[int, str]]]], str]:
        """Letters by year and role: the roles (labels), a row per year of (count, address
        of the year in the role's list, or "") for each role, and what a row is ("Year").
        Letters of more than 40 years are counted by decade or century instead, each
        count linking to its first year in the role's list."""
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
        step = span_step(counts)
        rows = []
        for label, years in spans_of(sorted(counts, key=year_order), step):
            cells = []
            for role in by_role:
                n = sum(counts[year].get(role, 0) for year in years)
                first = next((year for year in years if counts[year].get(role)), "")
                url = ""
                if n and role in pages:
                    url = href(list_page_url(self.list_url(entity_id, role), pages[role][first])) + f"#y-{first}"
                cells.append((n, url))
            rows.append((label, cells))
        return [ROLES[role] for role in by_role], rows, unit(step)

    def role_page(self, part: str, number: int) -> Page:
        """Page ``number`` of the list of what refers to a record in one role: letters,
        by year, or entities, by name."""
        record_id, slug = part.split("/")
        role = ROLE_OF_SLUG[slug]
        letters = self.letters_by_role(record_id).get(role, [])
        others = [] if letters else self.records_by_role(record_id)[role]
        base = self.list_url(record_id, role)
        url = list_page_url(base, number)
        views = self.renderer.views
        groups: list[YearGroup] = []
        for letter_id in page_items(letters, number):
            year = self.year_of(letter_id)
            if not groups or groups[-1].slug != year:
                groups.append(YearGroup(year_label(year), year, []))
            groups[-1].cards.append(views.card(letter_id))
        starts = self.year_pages(record_id, role) if letters else {}
        step = span_step(starts)  # decades or centuries past 40 years
        years = [(label, views.href(list_page_url(base, starts[first])) + f"#y-{first}") for label, (first, *_) in spans_of(list(starts), step)]
        count = len(letters or others)
        html = self.renderer.render(
            "entity_letters.html",
            url,
            title=f"{self.site.titles[record_id]}: {ROLES[role]}" + (f" (page {number})" if number > 1 else ""),
            entity=views.link(record_id),
            role=role,
            label=ROLES[role],
            count=count,
            groups=groups,
            years=years,
            links=views.links(list(page_items(others, number))),
            pages=pagination(views.href(base), count, number),
        )
        return Page(url, html, False)
