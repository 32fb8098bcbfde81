"""What templates see: small read-only views of letters and entities.

Templates never reach into the linked :class:`~docket.archive.link.Site` themselves; they
get links and letter cards built here once per record (a card is reused on every page
that lists the letter), with every URL already carrying the site's base path. As there
is one of each per record, they compare (and hash, as the fragment cache's keys) by
identity.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup

from docket.archive.dates import EdtfDate
from docket.archive.kinds import KIND_LABELS, KINDS
from docket.archive.link import Site
from docket.archive.markdown import fill_links
from docket.archive.model import TEXT_EXTENT_LABELS, Letter
from docket.paths import record_url


@dataclass(frozen=True, slots=True, eq=False)
class Link:
    url: str
    title: str
    kind: str


@dataclass(frozen=True, slots=True, eq=False)
class LetterCard:
    id: str
    url: str
    title: str
    kind: str
    date: EdtfDate | None
    senders: tuple[Link, ...]
    recipients: tuple[Link, ...]
    text: str
    summary: str  # as plain text (for a page's description)
    summary_html: Markup  # its Markdown rendered, references linked

    @property
    def date_text(self) -> str:
        return self.date.display() if self.date else "Undated"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def text_label(self) -> str:
        return TEXT_EXTENT_LABELS[self.text]


class Views:
    """Builds and caches links and cards for one linked site."""

    def __init__(self, site: Site, base_path: str) -> None:
        self.site = site
        self.prefix = base_path.rstrip("/")
        self._cards: dict[str, LetterCard] = {}
        self._links: dict[str, Link] = {}

    def href(self, url: str) -> str:
        return self.prefix + url

    def link(self, record_id: str) -> Link:
        found = self._links.get(record_id)
        if found is None:
            record = self.site.record(record_id)
            if record is None:
                found = Link("", record_id, "missing")
            else:
                found = Link(self.href(record_url(record.record_kind, record.id)), self.site.titles[record_id], record.record_kind)
            self._links[record_id] = found
        return found

    def links(self, ids: list[str]) -> tuple[Link, ...]:
        return tuple(self.link(i) for i in ids)

    def card(self, letter_id: str) -> LetterCard:
        found = self._cards.get(letter_id)
        if found is None:
            letter: Letter = self.site.letters[letter_id]
            found = LetterCard(
                id=letter.id,
                url=self.link(letter_id).url,
                title=self.site.titles[letter_id],
                kind=letter.kind,
                date=letter.date,
                senders=self.links(letter.senders),
                recipients=self.links(letter.recipients),
                text=letter.text,
                **self._summary(letter),
            )
            self._cards[letter_id] = found
        return found

    def _summary(self, letter: Letter) -> dict[str, str | Markup]:
        rendered = letter.markdown.get("summary")
        html = Markup(fill_links(rendered, self.resolve)) if rendered else Markup("")
        return {"summary": html.striptags(), "summary_html": html}

    def cards(self, ids: list[str]) -> list[LetterCard]:
        return [self.card(i) for i in ids]

    def resolve(self, target: str, fragment: str) -> tuple[str, str] | None:
        """Resolver for the Markdown cross-reference rule."""
        if self.site.record(target) is None:
            return None
        link = self.link(target)
        return (link.url + (f"#{fragment}" if fragment else ""), link.title)

    @cached_property
    def nav(self) -> tuple[Link, ...]:
        items = [Link(self.href("/letters/"), "Letters", "letters"), Link(self.href("/timeline/"), "Timeline", "timeline")]
        for kind, ids in self.site.by_kind.items():
            if ids:
                folder = KINDS[kind].folder
                items.append(Link(self.href(f"/{folder}/"), KINDS[kind].heading, folder))
        items.append(Link(self.href("/search/"), "Search", "search"))
        return tuple(items)

    def nav_current(self, page_url: str) -> str:
        """The address of the navigation item a page is under, or "" for none (the home page, 404)."""
        return next((item.url for item in self.nav if page_url.startswith(item.url)), "")
