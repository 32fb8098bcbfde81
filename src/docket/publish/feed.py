"""``site/feed.xml``: an Atom feed of the latest letters by date.

The ``FEED_SIZE`` dated letters with the latest days, latest first. Atom asks when each entry was last
``updated``; a build must not ask the clock, so a letter's date stands in (its latest day,
or its earliest for a date open at the end), and the feed's own ``updated`` is that of its
latest entry. Needs ``base_url``: every id and link in a feed is a full address.
"""

from __future__ import annotations

import heapq
from datetime import date
from pathlib import Path

from docket.archive.link import Site
from docket.archive.model import Letter
from docket.config import Config
from docket.publish.cmif import attributes, element

FEED_FILE = "feed.xml"
FEED_SIZE = 50
ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"


def feed_letters(site: Site, size: int = FEED_SIZE) -> list[str]:
    """The ``size`` dated letters whose day (see ``_day``) is latest, latest first; letters
    of one day in reverse date order, as the chronology has them."""
    dated = (i for i in site.chronology if _day(site.letters[i]) is not None)
    return heapq.nlargest(size, dated, key=lambda i: (_day(site.letters[i]), site.position[i]))


def _day(letter: Letter) -> date | None:
    """The day a letter stands for in the feed: its latest, or its earliest for a date open
    at the end; None when it has neither, or one outside the years 1-9999 (a feed's
    timestamps have four-digit years)."""
    if letter.date is None:
        return None
    day = letter.date.latest or letter.date.earliest
    return day if isinstance(day, date) else None


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def write_feed(folder: Path, site: Site, config: Config) -> Path:
    """Write ``feed.xml`` into ``folder``; needs ``base_url``."""
    home, self_url = config.absolute_url("/"), config.absolute_url("/" + FEED_FILE)
    ids = feed_letters(site)
    days = [_day(site.letters[i]) for i in ids]
    path = folder / FEED_FILE
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<feed{attributes(xmlns=ATOM_NAMESPACE, xml_lang=config.language)}>\n')
        out.write(f"  {element('title', config.title)}\n")
        if config.description:
            out.write(f"  {element('subtitle', config.description)}\n")
        out.write(f"  {element('id', self_url)}\n  {element('link', rel='self', href=self_url)}\n  {element('link', href=home)}\n")
        out.write(f"  {element('updated', _timestamp(max(days, default=date(1, 1, 1))))}\n")
        out.write(f"  <author>{element('name', config.editor or config.title)}</author>\n")
        for letter_id, day in zip(ids, days):
            out.write(entry(site, site.letters[letter_id], day, config))
        out.write("</feed>\n")
    return path


def entry(site: Site, letter: Letter, day: date, config: Config) -> str:
    """One letter as an Atom entry: its page, title, date, senders and summary."""
    url = config.absolute_url(site.url(letter.id))
    parts = ["  <entry>\n", f"    {element('id', url)}\n", f"    {element('title', site.titles[letter.id])}\n"]
    parts.append(f"    {element('link', rel='alternate', type='text/html', href=url)}\n")
    parts.append(f"    {element('updated', _timestamp(day))}\n")
    parts += [f"    <author>{element('name', site.titles[sender])}</author>\n" for sender in letter.senders]
    summary = letter.summary or (letter.date.display() if letter.date else "")
    if summary:
        parts.append(f"    {element('summary', summary)}\n")
    parts.append("  </entry>\n")
    return "".join(parts)
