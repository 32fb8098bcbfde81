"""The bar of years above the letters index and the timeline, bounded whatever the span.

An archive of a few dozen years gets a link for every year. One that spans centuries
(letters from 1541 to 2022, say) would get hundreds on every year's page; its bar links
instead to each decade, century or longer span that has letters — at most
``MAX_LINKS`` of them — and on a year's page opens the span that holds the year into
its smaller spans, down to the years of its decade: at most ten links a row. A span
links to the page of its first year, where the bar opens it. Each span is counted once
for the section, so a page's bar costs its own few links.

Other lists of years group theirs the same way (``span_step``, ``spans_of``): an
entity's table of letters by year, the years its role lists link, the timeline years an
event's page links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from docket.site.pictures.years import bin_label
from docket.site.timeline import UNDATED, Year

#: links the bar's first row holds at most, before years are grouped into longer spans
MAX_LINKS = 40
UNITS = {1: "Years", 10: "Decades", 100: "Centuries", 1000: "Millennia"}


@dataclass(frozen=True, slots=True)
class Span:
    """A link of the bar: a year, or a span of years that has letters (or events)."""

    label: str  # "1552", "1550s", "1500–1599", "Undated"
    slug: str  # the slug of its first year: where it links
    letter_count: int
    current: str  # "page" for the page's own year, "true" for a span that holds it, else ""


@dataclass(frozen=True, slots=True)
class SpanRow:
    """One row of the bar: the spans of one length, named for readers of screens."""

    label: str  # "Centuries", "Decades of 1500–1599"
    spans: list[Span]


def _unit(step: int) -> str:
    return UNITS.get(step, f"Spans of {step:,} years")


def unit(step: int) -> str:
    """What one span of ``step`` years is called: "Year", "Decade", "Century"…"""
    return {1: "Year", 10: "Decade", 100: "Century", 1000: "Millennium"}.get(step, f"{step:,} years")


def span_step(slugs: Iterable[str], limit: int = MAX_LINKS) -> int:
    """The shortest span (1, 10, 100… years) that files the years ``slugs`` (the undated
    aside) under at most ``limit`` spans."""
    found = {int(slug) for slug in slugs if slug != UNDATED}
    step = 1
    while len({year // step for year in found}) > limit:
        step *= 10
    return step


def spans_of(slugs: list[str], step: int) -> list[tuple[str, list[str]]]:
    """Year slugs in time order (undated last) filed under spans of ``step`` years:
    (the span's label, its slugs); the undated alone, each year alone when ``step`` is 1."""
    found: list[tuple[str, list[str]]] = []
    last = None
    for slug in slugs:
        start = None if slug == UNDATED or step == 1 else int(slug) // step * step
        if start is None or start != last:
            label = "Undated" if slug == UNDATED else slug if start is None else bin_label(start, step)
            found.append((label, []))
        found[-1][1].append(slug)
        last = start
    return found


class YearBar:
    """The bar of one section's years (``timeline.group_by_year``), grouped once."""

    def __init__(self, years: list[Year]) -> None:
        dated = [(int(year.slug), year) for year in years if year.slug != UNDATED]
        self.undated = next((year for year in years if year.slug == UNDATED), None)
        self.step = span_step(year.slug for _, year in dated)
        #: for each span length up to ``step``: first year of a span -> (first year's slug, letters)
        self.spans: dict[int, dict[int, tuple[str, int]]] = {}
        step = self.step
        while step >= 1 and self.step > 1:
            found: dict[int, tuple[str, int]] = {}
            for number, year in dated:  # in time order: a span's first year comes first
                slug, count = found.get(number // step * step, (year.slug, 0))
                found[number // step * step] = (slug, count + year.letter_count)
            self.spans[step] = found
            step //= 10

    def rows(self, current: str | None) -> list[SpanRow]:
        """The rows of the bar on the page of year ``current`` (None: the section's own
        page); none when every year has a link of its own."""
        if self.step == 1:
            return []
        year = int(current) if current not in (None, UNDATED) else None
        rows = [SpanRow(_unit(self.step), self._row(self.step, self.spans[self.step], year))]
        if self.undated is not None:
            rows[0].spans.append(Span(self.undated.label, UNDATED, self.undated.letter_count, "page" if current == UNDATED else ""))
        step = self.step // 10
        while year is not None and step >= 1:
            parent = year // (step * 10) * (step * 10)
            inside = {start: self.spans[step][start] for start in range(parent, parent + step * 10, step) if start in self.spans[step]}
            rows.append(SpanRow(f"{_unit(step)} of {bin_label(parent, step * 10)}", self._row(step, inside, year)))
            step //= 10
        return rows

    @staticmethod
    def _row(step: int, spans: dict[int, tuple[str, int]], year: int | None) -> list[Span]:
        found = []
        for start, (slug, count) in spans.items():
            holds = year is not None and start <= year < start + step
            current = ("page" if step == 1 else "true") if holds else ""
            found.append(Span(bin_label(start, step), slug, count, current))
        return found
