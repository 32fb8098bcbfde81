"""Correspondence pages: the letters between two correspondents, and a person's correspondents.

``/correspondence/A--B/`` lists the letters between A and B both ways, in date order,
a page of them at a time, each with the letters of the pair it answers and that answer
it (the reply threads); its first page counts them by direction and by year. A
person's or organization's page names its correspondents with most letters, and
``/people/ID/correspondents/`` all of them, paged. A letter's page links the previous
and the next letter of each correspondence it belongs to (see
``archive.correspondence``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docket.archive.correspondence import (
    Correspondence,
    index_in,
    letter_pairs,
    neighbours,
    pair_id,
    writer,
)
from docket.archive.model import Letter
from docket.paths import Url, correspondence_url, list_page_url, record_url
from docket.site.entity_lists import YearGroup, year_label
from docket.site.page import IndexKey, Page
from docket.site.paging import PAGE_SIZE, page_count, page_items, pagination
from docket.site.timeline import year_order
from docket.site.views import LetterCard, Link
from docket.site.year_bar import span_step, spans_of, unit

if TYPE_CHECKING:
    from docket.site.render import Renderer

#: correspondents an entity's page names before pointing to the list of them all
TOP_CORRESPONDENTS = 10
#: correspondents on a page of that list
CORRESPONDENTS_PAGE_SIZE = 100
#: correspondences a letter's page links with their neighbours: a circular letter to
#: hundreds of recipients is in hundreds of them
LETTER_CORRESPONDENCES = 10


@dataclass(frozen=True, slots=True)
class Correspondent:
    """One of an entity's correspondents, with the letters they exchanged."""

    link: Link  # the correspondent
    letters: int
    sent: int  # written by the entity to them
    received: int  # written by them to the entity
    url: str  # the correspondence's page


@dataclass(frozen=True, slots=True)
class ThreadLetter:
    """A letter on a correspondence's page, with the letters of its thread there."""

    card: LetterCard
    answers: list[tuple[str, str]]  # (title, address) of the letters it replies to
    answered_by: list[tuple[str, str]]  # … and of those that reply to it


@dataclass(frozen=True, slots=True)
class LetterCorrespondence:
    """One correspondence of a letter, as the letter's page links it."""

    title: str
    url: str
    count: int
    previous: LetterCard | None
    next: LetterCard | None


class CorrespondencePages:
    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.site = renderer.site
        self.views = renderer.views

    def keys(self) -> list[IndexKey]:
        """Every page of every correspondence, then of every long list of correspondents."""
        keys = []
        for name, correspondence in self.site.correspondences.items():
            keys += [IndexKey("correspondence", name, n) for n in range(1, page_count(len(correspondence.letters)) + 1)]
        for entity_id, names in self.site.correspondents.items():
            if len(names) > TOP_CORRESPONDENTS and entity_id in self.site.entities:
                pages = page_count(len(names), CORRESPONDENTS_PAGE_SIZE)
                keys += [IndexKey("correspondents", entity_id, n) for n in range(1, pages + 1)]
        return keys

    def title(self, correspondence: Correspondence) -> str:
        titles = self.site.titles
        return f"{titles[correspondence.first]} and {titles[correspondence.second]}"

    def correspondents(self, entity_id: str, names: list[str]) -> list[Correspondent]:
        found = []
        for name in names:
            correspondence = self.site.correspondences[name]
            other = correspondence.other(entity_id)
            sent = correspondence.sent_by(entity_id)
            total = len(correspondence.letters)
            found.append(Correspondent(self.views.link(other), total, sent, total - sent, self.views.href(correspondence_url(name))))
        return found

    def top(self, entity_id: str) -> tuple[list[Correspondent], int, str]:
        """An entity's correspondents with most letters, how many it has, and the list of all."""
        names = self.site.correspondents.get(entity_id, [])
        url = self.views.href(self._correspondents_url(entity_id)) if len(names) > TOP_CORRESPONDENTS else ""
        return self.correspondents(entity_id, names[:TOP_CORRESPONDENTS]), len(names), url

    def _correspondents_url(self, entity_id: str) -> Url:
        entity = self.site.entities[entity_id]
        return Url(f"{record_url(entity.kind, entity_id)}correspondents/")

    def correspondents_page(self, entity_id: str, number: int) -> Page:
        names = self.site.correspondents[entity_id]
        base = self._correspondents_url(entity_id)
        url = list_page_url(base, number)
        shown = page_items(names, number, CORRESPONDENTS_PAGE_SIZE)
        entity = self.site.entities[entity_id]
        html = self.renderer.render(
            "correspondents.html",
            url,
            title=f"{entity.name}: correspondents" + (f" (page {number})" if number > 1 else ""),
            entity=self.views.link(entity_id),
            count=len(names),
            correspondents=self.correspondents(entity_id, list(shown)),
            pages=pagination(self.views.href(base), len(names), number, CORRESPONDENTS_PAGE_SIZE),
        )
        return Page(url, html, False)

    def letter_address(self, correspondence: Correspondence, letter_id: str) -> str:
        """Where a letter of the correspondence stands on its pages."""
        page = index_in(correspondence, letter_id, self.site.position) // PAGE_SIZE + 1
        return self.views.href(list_page_url(correspondence_url(correspondence.id), page)) + f"#letter-{letter_id}"

    def _thread(self, correspondence: Correspondence, letter_id: str) -> ThreadLetter:
        site = self.site

        def addresses(ids: list[str]) -> list[tuple[str, str]]:
            found = []
            for other in ids:
                if other not in site.letters:
                    continue
                pairs = {pair_id(s, r) for s, r in letter_pairs(site.letters[other])}
                url = self.letter_address(correspondence, other) if correspondence.id in pairs else self.views.link(other).url
                found.append((site.titles[other], url))
            return found

        letter = site.letters[letter_id]
        return ThreadLetter(self.views.card(letter_id), addresses(letter.in_reply_to), addresses(site.replies.get(letter_id, [])))

    def year_counts(self, correspondence: Correspondence) -> tuple[list[tuple[str, int, int]], str]:
        """(year, letters from the first, from the second) for every year of the
        correspondence, and what a row is ("Year"); past 40 years, a row is a decade or
        a century (``year_bar.span_step``), so that the table stays short."""
        counts: dict[str, list[int]] = {}
        year_of = self.renderer.entity_lists.year_of
        for letter_id in correspondence.letters:
            row = counts.setdefault(year_of(letter_id), [0, 0])
            row[writer(self.site.letters[letter_id], correspondence) != correspondence.first] += 1
        step = span_step(counts)
        spans = spans_of(sorted(counts, key=year_order), step)
        return [(label, sum(counts[y][0] for y in years), sum(counts[y][1] for y in years)) for label, years in spans], unit(step)

    def page(self, name: str, number: int) -> Page:
        correspondence = self.site.correspondences[name]
        base = correspondence_url(name)
        url = list_page_url(base, number)
        year_of = self.renderer.entity_lists.year_of
        groups: list[YearGroup] = []
        for letter_id in page_items(correspondence.letters, number):
            year = year_of(letter_id)
            if not groups or groups[-1].slug != year:
                groups.append(YearGroup(year_label(year), year, []))
            groups[-1].cards.append(self._thread(correspondence, letter_id))
        title = self.title(correspondence)
        years, year_unit = self.year_counts(correspondence) if number == 1 else ([], "Year")
        html = self.renderer.render(
            "correspondence.html",
            url,
            title=title + (f" (page {number})" if number > 1 else ""),
            heading=title,
            first=self.views.link(correspondence.first),
            second=self.views.link(correspondence.second),
            count=len(correspondence.letters),
            forward=correspondence.forward,
            backward=correspondence.backward,
            years=years,
            year_unit=year_unit,
            pictures=self.renderer.pictures.letters(correspondence.letters) if number == 1 else [],
            groups=groups,
            pages=pagination(self.views.href(base), len(correspondence.letters), number),
        )
        return Page(url, html, False)

    def of_letter(self, letter: Letter) -> list[LetterCorrespondence]:
        """The correspondences a letter belongs to (one per sender–recipient pair, the
        first ``LETTER_CORRESPONDENCES`` of them), each with its previous and next letter."""
        found = []
        for sender, recipient in letter_pairs(letter)[:LETTER_CORRESPONDENCES]:
            correspondence = self.site.correspondences.get(pair_id(sender, recipient))
            if correspondence is None:
                continue
            before, after = neighbours(correspondence, letter.id, self.site.position)
            found.append(
                LetterCorrespondence(
                    self.title(correspondence),
                    self.views.href(correspondence_url(correspondence.id)),
                    len(correspondence.letters),
                    self.views.card(before) if before else None,
                    self.views.card(after) if after else None,
                )
            )
        return found
