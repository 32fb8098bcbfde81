"""Days of any year: the bounds of EDTF dates that ``datetime.date`` cannot hold.

``datetime.date`` holds the years 1-9999 only, but EDTF also writes year 0, negative years
(``-0044``) and long years (``Y170000002``).  A bound in those years is a ``Day``; every
other bound stays a ``datetime.date``, so the dates an archive mostly has cost nothing
extra.  A ``Day`` has the ``year``, ``month``, ``day``, ``toordinal()`` and ``isoformat()``
of a ``date`` and compares with both (``date`` hands such comparisons over to ``Day``), so
sorting, bisecting and filing by year work on mixed bounds.

Years are astronomical, as in ISO 8601 and EDTF: year 0 is 1 BCE, year -44 is 45 BCE.  The
proleptic Gregorian calendar repeats every 400 years (146,097 days), which gives every day
an ordinal continuing ``date.toordinal()`` (day 1 is 1 January of year 1).
"""

from __future__ import annotations

from datetime import date

__all__ = ["Day", "day", "days_in", "ordinal", "year_words"]

_CYCLE_YEARS = 400
_CYCLE_DAYS = 146097
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in(year: int, month: int) -> int:
    """How many days the month has in that (astronomical) year."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


def ordinal(year: int, month: int, day_: int) -> int:
    """The day's number, continuing ``date.toordinal()`` before year 1 and after 9999."""
    if 1 <= year <= 9999:
        return date(year, month, day_).toordinal()
    cycles = (year - 1) // _CYCLE_YEARS  # moves the year into 1-400
    return date(year - cycles * _CYCLE_YEARS, month, day_).toordinal() + cycles * _CYCLE_DAYS


def day(year: int, month: int, day_: int) -> date | Day:
    """A ``date`` for years 1-9999, a ``Day`` for the others."""
    if 1 <= year <= 9999:
        return date(year, month, day_)
    return Day(year, month, day_)


def year_words(year: int) -> str:
    """'2021', '44', '45 BCE' for year -44, '1 BCE' for year 0, '170,000,002' for a long year."""
    n = year if year > 0 else 1 - year
    said = f"{n:,}" if n > 9999 else str(n)
    return said if year > 0 else f"{said} BCE"


class Day:
    """A day in a year outside 1-9999, ordered with ``date`` by its ordinal."""

    __slots__ = ("year", "month", "day", "_ordinal")

    def __init__(self, year: int, month: int, day_: int):
        if not 1 <= month <= 12 or not 1 <= day_ <= days_in(year, month):
            raise ValueError(f"no such day: {year}-{month}-{day_}")
        self.year, self.month, self.day = year, month, day_
        self._ordinal = ordinal(year, month, day_)

    def toordinal(self) -> int:
        return self._ordinal

    def isoformat(self) -> str:
        """ISO 8601 with a sign for years before 1 and more digits after 9999: '-0044-03-15'."""
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"Day({self.year}, {self.month}, {self.day})"

    def __hash__(self) -> int:
        return hash(("Day", self._ordinal))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Day, date)):
            return self._ordinal == other.toordinal()
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, (Day, date)):
            return self._ordinal < other.toordinal()
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, (Day, date)):
            return self._ordinal <= other.toordinal()
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, (Day, date)):
            return self._ordinal > other.toordinal()
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, (Day, date)):
            return self._ordinal >= other.toordinal()
        return NotImplemented
