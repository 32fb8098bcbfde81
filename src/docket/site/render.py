"""Render: the linked site becomes (url, html) pages through the theme's Jinja2 templates.

Autoescape is on for every template whatever its name, undefined names are errors, and
content is only ever passed to templates as data — never compiled as a template. A site
overrides any one template of the default theme with a file of the same name in its own
``templates/`` folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator, Sequence

import jinja2
from markupsafe import Markup

from docket.archive.correspondence import letter_pairs
from docket.archive.kinds import (
    ENTITIES,
    ENTITY_KINDS,
    KIND_LABELS,
    KINDS,
    SEARCH_FILTERS,
)
from docket.archive.languages import is_right_to_left, language_name
from docket.archive.link import Site, index_key
from docket.archive.markdown import fill_links
from docket.archive.model import Entity, Letter
from docket.config import Config
from docket.paths import Url, list_page_url, record_url
from docket.site.citation import chicago, citation_records, cited_letter
from docket.site.correspondences import CorrespondencePages
from docket.site.entity_lists import EntityLists
from docket.site.fragments import Fragments
from docket.site.linked_data import LinkedData, script_json
from docket.site.page import IndexKey, Page
from docket.site.paging import (
    PAGE_SIZE,
    first_pages,
    page_count,
    page_items,
    pagination,
)
from docket.site.pictures import Pictures
from docket.site.relative import relative_links
from docket.site.theme import TemplateProblem, make_environment, template_location
from docket.site.timeline import Month, Year, group_by_year, placement, year_order
from docket.site.views import Views
from docket.site.year_bar import YearBar, span_step, spans_of

#: above this many letters, the letters index and the timeline link to a page per year
#: instead of listing everything on one page; above this many entries, a year's page
#: links to a page per month, and a month's page is paged
ONE_PAGE_LIMIT = PAGE_SIZE
#: entities on a page of an entity index
INDEX_PAGE_SIZE = 200
AUTHORITY_URLS = {
    "wikidata": ("Wikidata", "https://www.wikidata.org/wiki/{}"),
    "viaf": ("VIAF", "https://viaf.org/viaf/{}/"),
    "gnd": ("GND", "https://d-nb.info/gnd/{}"),
    "geonames": ("GeoNames", "https://www.geonames.org/{}/"),
}
#: letters an event's page lists as written during it; the timeline has the rest. Without
#: a limit, event pages grow with the archive and their sum with its square.
DURING_LIMIT = 20


class Renderer:
    def __init__(self, site: Site, config: Config, site_dir: Path | None, search_folders: tuple[str, ...] = ()) -> None:
        """``search_folders``: where the search page finds each bundle of the search index."""
        self.site = site
        self.config = config
        self.views = Views(site, config.base_path)
        self.env = make_environment(site_dir)
        self.fragments = Fragments(self.env)
        self.env.globals.update(site=config, nav=self.views.nav, href=self.views.href, cached=self.fragments.template_global())
        self.search_folders = search_folders
        self._by_year: dict[str, list] = {}
        self._year_bars: dict[str, YearBar] = {}
        self.pictures = Pictures(site, self.views)  # its counts made once, before any worker forks
        self.linked_data = LinkedData(site, config, lambda entity: [url for _, _, url in authority_links(entity)])
        self._index_keys: list[IndexKey] | None = None
        self._index_entries_of: dict[str, list] = {}
        self.entity_lists = EntityLists(self)
        self.correspondence_pages = CorrespondencePages(self)

    # -- helpers -----------------------------------------------------------------
    def markdown(self, record: Letter | Entity, name: str = "body") -> Markup:
        """A record's Markdown text (its body, or a Markdown field), its links filled in."""
        rendered = record.markdown.get(name)
        return Markup(fill_links(rendered, self.views.resolve)) if rendered else Markup("")

    def render(self, template: str, url: str, **context: Any) -> str:
        try:
            page_url = self.views.href(url)
            page_address = self.config.absolute_url(url) or ""
            html = self.env.get_template(template).render(page_url=page_url, page_address=page_address, nav_current=self.views.nav_current(page_url), **context)
            return relative_links(html, page_url, self.views.prefix)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(exc.filename or exc.name or template, exc.lineno, exc.message or str(exc)) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(template, None, f"template '{exc.name}' not found") from None
        except (jinja2.UndefinedError, TypeError, AttributeError, ValueError) as exc:
            raise TemplateProblem(*template_location(exc, template), str(exc)) from None

    # -- pages -------------------------------------------------------------------
    def pages(self) -> Iterator[Page]:
        for record_id in self.site.record_order():
            yield self.record_page(record_id)
        yield from self.index_pages()

    def page_count(self) -> int:
        """How many pages ``pages()`` yields, without rendering them (for progress)."""
        return len(self.site.letters) + len(self.site.entities) + len(self.index_page_keys())

    def record_page(self, record_id: str) -> Page:
        letter = self.site.letters.get(record_id)
        return self.letter_page(letter) if letter is not None else self.entity_page(self.site.entities[record_id])

    def index_pages(self) -> Iterator[Page]:
        for key in self.index_page_keys():
            yield self.index_page(key)

    def card_calls(self, letter_ids: Sequence[str]) -> list[tuple]:
        """The ways pages show these letters' cards: with their summary and without."""
        return [(self.views.card(i), summary) for i in letter_ids for summary in (True, False)]

    def cards_can_be_made_ahead(self) -> bool:
        """Whether the theme's card reads only its arguments, not what a page gives it."""
        return self.fragments.reads_only_its_arguments("letter_card")

    def cards_ahead(self, letter_ids: Sequence[str]) -> list[Markup]:
        """These letters' cards, as ``card_calls`` lists them, before any page asks for
        them (when ``cards_can_be_made_ahead``)."""
        return self.fragments.ahead("letter_card", self.card_calls(letter_ids))

    def keep_cards(self, letter_ids: Sequence[str], made: Sequence[Markup]) -> None:
        """Cards made by ``cards_ahead`` (here or in another process), for every page."""
        self.fragments.keep("letter_card", self.card_calls(letter_ids), made)

    def index_page_keys(self) -> list[IndexKey]:
        """The pages that are not a record's, each named by its section and part.

        Named rather than generated, so that render workers can share them out; worked
        out once.
        """
        if self._index_keys is not None:
            return self._index_keys
        keys = [IndexKey("home")]
        for section in ("letters", "timeline"):
            keys += self._year_keys(section)
        for kind in ENTITY_KINDS:
            if self.site.by_kind[kind]:
                keys += [IndexKey("kind", kind, n) for n in range(1, page_count(len(self.site.by_kind[kind]), INDEX_PAGE_SIZE) + 1)]
        keys += self.entity_lists.keys() + self.correspondence_pages.keys()
        self._index_keys = keys + [IndexKey("search"), IndexKey("404")]
        return self._index_keys

    def index_page(self, key: IndexKey) -> Page:
        section, part, number = key.section, key.part, key.page
        if section == "home":
            return self.home_page()
        if section in ("letters", "timeline"):
            return self._by_year_page(section, part, number)
        if section == "kind":
            return self.entity_index_page(part, number)
        if section == "role":
            return self.entity_lists.role_page(part, number)
        if section == "correspondence":
            return self.correspondence_pages.page(part, number)
        if section == "correspondents":
            return self.correspondence_pages.correspondents_page(part, number)
        if section == "search":
            page = self.render("search.html", "/search/", title="Search", bundles=" ".join(self.search_folders), filters=SEARCH_FILTERS)
            return Page(Url("/search/"), page, False)
        if section == "404":
            return Page(Url("/404.html"), self.render("404.html", "/404.html", title="Page not found"), False)
        raise ValueError(f"no index page {key}")

    def letter_page(self, letter: Letter) -> Page:
        site, views = self.site, self.views
        url = record_url("letter", letter.id)
        before, after = site.neighbours(letter.id)
        mentioned = site.mentioned.get(letter.id, {})
        mentions = [(KINDS[kind].heading, views.links(ids)) for kind, ids in mentioned.items()]
        cites = [(views.link(c.target), c.ref, c.note) for c in letter.cites]
        letter_roles, entity_roles = self.entity_lists.referrers(letter.id)
        card = views.card(letter.id)
        cited = cited_letter(letter, site, self.config.title, self.config.absolute_url(url), card.summary)
        search = {
            "filters": [("kind", KIND_LABELS[letter.kind])]
            + [("sender", link.title) for link in card.senders]
            + [("recipient", link.title) for link in card.recipients]
            + [("year", str(year)) for year in (letter.date.years if letter.date else ())]
            + [(kind.name, views.link(i).title) for kind in ENTITIES if kind.search_filter for i in mentioned.get(kind.name, ())],
            "meta": [("date", card.date_text), ("kind", KIND_LABELS[letter.kind])],
            "sort": search_sort_key(letter),
        }
        html = self.render(
            "letter.html",
            url,
            title=card.title,
            letter=letter,
            card=card,
            date_note=self.markdown(letter, "date_note"),
            place_sent=views.link(letter.place_sent) if letter.place_sent else None,
            place_received=views.link(letter.place_received) if letter.place_received else None,
            language=language_name(letter.language or self.config.language),
            original_language=language_name(letter.original_language) if letter.is_translation else "",
            right_to_left=is_right_to_left(letter.language),
            source=letter.source,
            publisher=views.link(letter.source.publisher_id) if letter.source.publisher_id else None,
            body=self.markdown(letter),
            note=self.markdown(letter, "note"),
            mentions=mentions,
            cites=cites,
            in_reply_to=views.cards([i for i in letter.in_reply_to if i in site.letters]),
            replies=self.entity_lists.replies(letter.id),
            previous=views.card(before) if before else None,
            next=views.card(after) if after else None,
            related=views.cards(site.related.get(letter.id, [])),
            correspondences=self.correspondence_pages.of_letter(letter),
            correspondence_count=len(letter_pairs(letter)),
            letter_roles=letter_roles,
            entity_roles=entity_roles,
            canonical=self.config.base_url.rstrip("/") + url if self.config.base_url != "/" else "",
            search=search,
            chicago=chicago(cited),
            citation_records=citation_records(cited),
            json_ld=_json_ld(self.linked_data.letter(letter, mentioned, card.summary)),
        )
        return Page(url, html, True)

    def entity_page(self, entity: Entity) -> Page:
        site, views = self.site, self.views
        url = record_url(entity.kind, entity.id)
        _, entity_roles = self.entity_lists.referrers(entity.id, letters_too=False)
        year_roles, year_rows, year_unit = self.entity_lists.year_table(entity.id)
        correspondents, correspondent_count, correspondents_url = self.correspondence_pages.top(entity.id)
        dates = [(label, entity.dates[name]) for name, label in KINDS[entity.kind].dates if name in entity.dates]
        authority = authority_links(entity)
        first_date = next(iter(entity.dates.values()), None)
        during = site.during.get(entity.id, [])
        during_years = sorted({placement(site.letters[i].date)[0] for i in during}, key=year_order) if len(during) > DURING_LIMIT else []
        html = self.render(
            "entity.html",
            url,
            title=entity.name,
            entity=entity,
            kind_label=KIND_LABELS[entity.kind],
            index_link=views.href(f"/{KINDS[entity.kind].folder}/"),
            index_label=KINDS[entity.kind].heading,
            dates=dates,
            authority=authority,
            body=self.markdown(entity),
            places=views.links(entity.places),
            roles=self.entity_lists.roles(entity.id),
            year_roles=year_roles,
            year_rows=year_rows,
            year_unit=year_unit,
            correspondents=correspondents,
            correspondent_count=correspondent_count,
            correspondents_url=correspondents_url,
            entity_roles=entity_roles,
            during=views.cards(during[:DURING_LIMIT]),
            during_count=len(during),
            during_years=[(label, views.href(f"/timeline/{first}/")) for label, (first, *_) in spans_of(during_years, span_step(during_years))],
            letter_count=site.letter_count(entity.id),
            pictures=self.pictures.entity(entity),
            json_ld=_json_ld(self.linked_data.entity(entity)),
            search={
                "filters": [("kind", KIND_LABELS[entity.kind])],
                "meta": [("kind", KIND_LABELS[entity.kind])] + ([("date", first_date.display())] if first_date else []),
                "sort": search_sort_key(entity),
            },
        )
        return Page(url, html, True)

    def _index_entries(self, kind: str) -> list[tuple[int, str, tuple]]:
        """Every entity of a kind in index order: (its group's number, its initial, its entry)."""
        if kind not in self._index_entries_of:
            site, views, found, initials = self.site, self.views, [], []
            for entity_id in site.by_kind[kind]:
                entity = site.entities[entity_id]
                initial = index_key(entity.name)[0]
                if not initials or initials[-1] != initial:
                    initials.append(initial)
                found.append((len(initials), initial, (views.link(entity_id), entity.description, site.letter_count(entity_id))))
            self._index_entries_of[kind] = found
        return self._index_entries_of[kind]

    def entity_index_page(self, kind: str, number: int = 1) -> Page:
        """``/people/`` …, or page ``number`` of it (``/people/page/2/``) in a large archive."""
        first = Url(f"/{KINDS[kind].folder}/")
        base = Url(f"{first}page/")
        url = first if number == 1 else list_page_url(base, number)
        entries = self._index_entries(kind)
        groups: list[tuple[int, str, list]] = []
        for group, initial, entry in page_items(entries, number, INDEX_PAGE_SIZE):
            if not groups or groups[-1][0] != group:
                groups.append((group, initial, []))
            groups[-1][2].append(entry)
        starts = first_pages((str(group) for group, _, _ in entries), INDEX_PAGE_SIZE)
        initials = {group: initial for group, initial, _ in entries}
        jumps = [(initials[int(group)], self.views.href(first if n == 1 else list_page_url(base, n)) + f"#initial-{group}") for group, n in starts.items()]
        pages = pagination(self.views.href(base), len(entries), number, INDEX_PAGE_SIZE, first=self.views.href(first))
        title = KINDS[kind].heading + (f" (page {number})" if number > 1 else "")
        html = self.render("entity_index.html", url, title=title, heading=KINDS[kind].heading, kind=kind, total=len(entries), groups=groups, jumps=jumps, pages=pages,
                           pictures=self.pictures.entity_index(kind) if number == 1 else [])
        return Page(url, html, False)

    def _years(self, section: str) -> list:
        """The years of ``/letters/`` or ``/timeline/``, with what each lists; built once."""
        if section not in self._by_year:
            events = []
            if section == "timeline":
                for event_id in self.site.by_kind["event"]:
                    event = self.site.entities[event_id]
                    if "start" in event.dates:
                        events.append((self.views.link(event_id), event.dates["start"], event.dates.get("end")))
            self._by_year[section] = group_by_year(self.views.cards(self.site.chronology), events)
        return self._by_year[section]

    def _year_keys(self, section: str) -> list[IndexKey]:
        """``/section/``, a page per year, and for a large year a page per month (or, for
        a year of one month's group, such as the undated letters, pages by number);
        a large month is paged."""
        keys = [IndexKey(section)]
        for year in self._years(section):
            keys.append(IndexKey(section, year.slug))
            entries = sum(len(month.entries) for month in year.months)
            if entries <= ONE_PAGE_LIMIT:
                continue
            if len(year.months) == 1:
                keys += [IndexKey(section, year.slug, n) for n in range(2, page_count(entries) + 1)]
                continue
            for month in year.months:
                part = f"{year.slug}/{month_segment(month)}"
                keys += [IndexKey(section, part, n) for n in range(1, page_count(len(month.entries)) + 1)]
        return keys

    def _by_year_page(self, section: str, part: str, number: int = 1) -> Page:
        """``/section/`` with every year (or, for a large archive, only the year bar), one
        year's page (for a large year, its months), or a page of one month."""
        template = f"{section}.html"
        heading = section.capitalize()
        years = self._years(section)
        if section not in self._year_bars:
            self._year_bars[section] = YearBar(years)
        year_spans = self._year_bars[section].rows(part.partition("/")[0] or None)
        context: dict[str, Any] = {"years": years, "months": [], "pages": None, "year_spans": year_spans}
        if not part:
            url = Url(f"/{section}/")
            shown = years if len(self.site.chronology) <= ONE_PAGE_LIMIT else []
            return Page(url, self.render(template, url, title=heading, shown=shown, current=None, **context), False)
        slug, _, segment = part.partition("/")
        year = next(year for year in years if year.slug == slug)
        base = Url(f"/{section}/{part}/")
        url = list_page_url(base, number)
        entries = sum(len(month.entries) for month in year.months)
        title = f"{heading}: {year.label}"
        shown = [year]
        if segment:
            month = next(month for month in year.months if month_segment(month) == segment)
            title = f"{heading}: {month.label} {year.label}" if month.slug != f"{year.slug}-unknown" else f"{title}, month not known"
            shown = [Year(year.label, year.slug, [Month(month.label, month.slug, list(page_items(month.entries, number)))], year.letter_count)]
            context["pages"] = pagination(self.views.href(base), len(month.entries), number)
        elif entries > ONE_PAGE_LIMIT and len(year.months) == 1:
            month = year.months[0]
            shown = [Year(year.label, year.slug, [Month(month.label, month.slug, list(page_items(month.entries, number)))], year.letter_count)]
            context["pages"] = pagination(self.views.href(base), entries, number)
        elif entries > ONE_PAGE_LIMIT:
            shown = []
            context["months"] = [month_summary(month, self.views.href(f"{base}{month_segment(month)}/")) for month in year.months]
        title += f" (page {number})" if number > 1 else ""
        return Page(url, self.render(template, url, title=title, shown=shown, current=slug, **context), False)

    def home_page(self) -> Page:
        site = self.site
        counts = [(KINDS[kind].heading, self.views.href(f"/{KINDS[kind].folder}/"), len(site.by_kind[kind])) for kind in ENTITY_KINDS if site.by_kind[kind]]
        html = self.render(
            "home.html",
            "/",
            title=self.config.title,
            letter_count=len(site.chronology),
            counts=counts,
            first=self.views.cards(site.chronology[:5]),
            latest=self.views.cards([i for i in reversed(site.chronology) if site.letters[i].date][:5]),
            pictures=self.pictures.home(),
        )
        return Page(Url("/"), html, False)


def authority_links(entity: Entity) -> list[tuple[str, str, str]]:
    """An entity's authority records: (file's name, id, URL)."""
    return [(AUTHORITY_URLS[name][0], value, AUTHORITY_URLS[name][1].format(value)) for name, value in entity.authority.items()]


def _json_ld(data: dict | None) -> Markup:
    return script_json(data) if data else Markup("")


def search_sort_key(record: Letter | Entity) -> str:
    """The page's Pagefind sort value: its (first) date as text in time order; undated last."""
    date = record.date if isinstance(record, Letter) else next(iter(record.dates.values()), None)
    return date.sort_text if date is not None else "9999"


def month_segment(month: Month) -> str:
    """A month's segment in its year's address: ``03``, or ``unknown``."""
    return month.slug.rsplit("-", 1)[1]


def month_summary(month: Month, url: str) -> tuple[str, str, int, int]:
    """(label, address, letters, events) of a month, for its year's page."""
    letters = sum(1 for entry in month.entries if entry.card is not None)
    return month.label or "Undated", url, letters, len(month.entries) - letters
