"""Group letters and events by year and month for the timeline and the letters index.

A letter whose date is known to the month sits under that month; one known only to the
year, or whose possible dates span several months, sits under "month unknown" for its
year and is marked uncertain. Undated letters form their own group at the end.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from docket.archive.dates import EdtfDate
from docket.archive.days import year_words
from docket.site.views import LetterCard, Link

UNDATED = "undated"


@dataclass(slots=True)
class Entry:
    """One line of the timeline: a letter, or the start of an event."""

    sort_key: tuple
    card: LetterCard | None = None
    event: Link | None = None
    event_date: EdtfDate | None = None  # when the event began
    event_end: EdtfDate | None = None  # and when it ended, if known


@dataclass(slots=True)
class Month:
    label: str
    slug: str
    entries: list[Entry] = field(default_factory=list)


@dataclass(slots=True)
class Year:
    label: str  # "2021" or "Undated"
    slug: str  # "2021" or "undated"
    months: list[Month] = field(default_factory=list)
    letter_count: int = 0


def placement(date: EdtfDate | None) -> tuple[str, int | None]:
    """(year slug, month or None) where a date is filed."""
    if date is None:
        return UNDATED, None
    anchor = date.earliest or date.latest
    if anchor is None:
        return UNDATED, None
    month: int | None = None
    if date.earliest and date.latest and (date.earliest.year, date.earliest.month) == (date.latest.year, date.latest.month):
        month = date.earliest.month
    return str(anchor.year), month


def year_order(slug: str) -> tuple[bool, int]:
    """Sort key of a year slug: in time order (800 before 1533, -44 before 0), undated last."""
    return (slug == UNDATED, 0 if slug == UNDATED else int(slug))


def group_by_year(cards: list[LetterCard], events: list[tuple[Link, EdtfDate, EdtfDate | None]] = ()) -> list[Year]:
    """Years in order (undated last), each with its months in order (month unknown first).

    ``events`` are (link, start, end or None): each is filed where it began."""
    buckets: dict[str, dict[int, list[Entry]]] = {}
    counts: dict[str, int] = {}
    for index, card in enumerate(cards):
        year, month = placement(card.date)
        buckets.setdefault(year, {}).setdefault(month or 0, []).append(Entry((index, 0), card=card))
        counts[year] = counts.get(year, 0) + 1
    for index, (link, date, end) in enumerate(events):
        year, month = placement(date)
        if year == UNDATED:
            continue
        key = (date.sort_key(), 1, index)
        buckets.setdefault(year, {}).setdefault(month or 0, []).append(Entry(key, event=link, event_date=date, event_end=end))
    years = []
    for year in sorted(buckets, key=year_order):
        label = "Undated" if year == UNDATED else year_words(int(year))
        section = Year(label, year, letter_count=counts.get(year, 0))
        for month in sorted(buckets[year]):
            entries = _interleave(buckets[year][month])
            label = calendar.month_name[month] if month else ("" if year == UNDATED else "Month not known")
            section.months.append(Month(label, f"{year}-{month:02d}" if month else f"{year}-unknown", entries))
        years.append(section)
    return years


def _interleave(entries: list[Entry]) -> list[Entry]:
    """Letters keep their chronological order; each event goes before the first letter dated on or after its start."""
    letters = [e for e in entries if e.card is not None]
    events = sorted((e for e in entries if e.event is not None), key=lambda e: e.sort_key)
    merged: list[Entry] = []
    for letter in letters:
        while events and (letter.card.date is None or events[0].sort_key[0] <= letter.card.date.sort_key()):
            merged.append(events.pop(0))
        merged.append(letter)
    return merged + events
