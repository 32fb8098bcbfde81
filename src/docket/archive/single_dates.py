"""One EDTF date, not an interval or a set: reading it, its bounds, its words, its HTML form.

``archive/dates.py`` builds intervals and sets out of these.  A single date is a year
(``2021``, ``-0044``, ``0000``, ``Y170000002``, with ``X`` for any unknown digit: ``156X``,
``XXXX``), then optionally a month (``05``, ``1X``, ``XX``) or a season or other part of a
year (``21``-``41``), then optionally a day (``22``, ``X5``, ``XX``), then optionally a time
of day (``T23:20:30``, ``Z`` or ``+04:00``).  A qualifier (``?`` uncertain, ``~``
approximate, ``%`` both) right after a part applies to it and to the parts before it; one
right before a part applies to that part alone (EDTF level 2): ``2004-06~-11`` is a year and
month that are approximate, ``?2004-06`` a year that is uncertain.

Refused, each with a message naming it: exponential years (``Y17E7``), significant digits
(``1950S2``), a qualifier or ``X`` with a time of day, a day after a season, a month
00, 13-20 or 42-99.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from docket.archive.days import Day, day, days_in, year_words

__all__ = ["DateError", "Single", "read", "refusal", "words", "html_datetime", "MONTHS"]

MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

_MATCH = re.compile(
    r"(?P<yl>[?~%]?)(?P<year>Y-?[0-9]+|-?[0-9X]{4})(?P<yr>[?~%]?)"
    r"(?:-(?P<ml>[?~%]?)(?P<month>[0-9X]{2})(?P<mr>[?~%]?)"
    r"(?:-(?P<dl>[?~%]?)(?P<day>[0-9X]{2})(?P<dr>[?~%]?))?)?"
    r"(?:T(?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?P<tz>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
).fullmatch
# the shape nearly every archive date has: read without the general rules below
_PLAIN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%]?)").fullmatch
_EXPONENT = re.compile(r"[?~%]?Y-?[0-9]+E[0-9]+(?:S[0-9]+)?[?~%]?").fullmatch
_SIGNIFICANT = re.compile(r"[?~%]?(?:Y-?[0-9]+|-?[0-9]{4})S[0-9]+[?~%]?").fullmatch

_COMPONENTS = ("year", "month", "day")
_WHOLE = {n: frozenset(_COMPONENTS[:n]) for n in (1, 2, 3)}
_NONE: frozenset[str] = frozenset()
_FLAGS = {"": (False, False), "?": (True, False), "~": (False, True), "%": (True, True)}
_MAX_YEAR = 999_999_999
_YEAR_HINT = "docket reads years -999999999 to 999999999: 2021, 0000, -0044, Y170000002"
_MONTH_HINT = ("months run 01–12; 21–24 are spring, summer, autumn, winter; 25–32 the seasons "
               "of the northern and southern hemispheres; 33–36 quarters; 37–39 quadrimesters; "
               "40–41 semesters")
_TIME_HINT = "write a time of day on a full day: 1985-04-12T23:20:30, with Z or +04:00 if known"

# part of a year -> (first month, months, name, joiner before the year, suffix)
_SEASONS: dict[int, tuple[int, int, str, str, str]] = {
    21: (3, 3, "spring", " ", ""), 22: (6, 3, "summer", " ", ""),
    23: (9, 3, "autumn", " ", ""), 24: (12, 3, "winter", " ", ""),
}
for _n, (_name, _first) in enumerate((("spring", 3), ("summer", 6), ("autumn", 9), ("winter", 12))):
    _SEASONS[25 + _n] = (_first, 3, _name, " ", " (northern hemisphere)")
    _SEASONS[29 + _n] = ((_first + 5) % 12 + 1, 3, _name, " ", " (southern hemisphere)")
for _n, _ord in enumerate(("first", "second", "third", "fourth")):
    _SEASONS[33 + _n] = (1 + 3 * _n, 3, f"{_ord} quarter", " of ", "")
for _n, _ord in enumerate(("first", "second", "last")):
    _SEASONS[37 + _n] = (1 + 4 * _n, 4, f"{_ord} third", " of ", "")
_SEASONS[40] = (1, 6, "first half", " of ", "")
_SEASONS[41] = (7, 6, "second half", " of ", "")


class DateError(ValueError):
    """A date that cannot be read.

    ``message`` says what is wrong, ``column`` is the 0-based index into the text given to
    ``parse`` where the problem is, and ``hint`` says how to put it right.
    """

    def __init__(self, message: str, column: int = 0, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.column = column
        self.hint = hint

    def __reduce__(self):  # keep column and hint across pickling (e.g. multiprocessing)
        return (type(self), (self.message, self.column, self.hint))


@dataclass(frozen=True, slots=True)
class Single:
    """One EDTF date as read: its bounds and its parts."""

    text: str
    lo: date | Day | None  # first day it can mean (None: the year is unknown)
    hi: date | Day | None  # last day it can mean
    year: int | None  # the year, if every digit is known
    years: tuple[int, int] | None  # first and last year it can be (None: unknown)
    months: tuple[int, ...] | None  # the months it can be (None: no month written)
    season: int | None  # 21-41
    days: tuple[int, ...] | None  # the days of the month it can be (None: no day written)
    month_text: str | None  # the month as written: '05', '1X', 'XX', '21'
    day_text: str | None  # the day as written: '22', 'X5', 'XX'
    uncertain: frozenset[str]  # the parts ('year', 'month', 'day') marked uncertain
    approximate: frozenset[str]  # the parts marked approximate
    time: str | None  # 'hh:mm:ss'
    zone: str | None  # 'Z', '+04:00' or None (local time)

    @property
    def parts(self) -> tuple[str, ...]:
        return _COMPONENTS[: 1 + (self.months is not None or self.season is not None)
                           + (self.days is not None)]

    @property
    def qualifier(self) -> str | None:
        """'?', '~', '%' or '' when the qualifiers apply to the whole date; None when to parts."""
        whole = frozenset(self.parts)
        if self.uncertain not in (whole, frozenset()) or self.approximate not in (whole, frozenset()):
            return None
        unc, approx = bool(self.uncertain), bool(self.approximate)
        return "%" if unc and approx else "?" if unc else "~" if approx else ""

    @property
    def plain(self) -> bool:
        """A known year, month and day (if written), no season, time or qualifier."""
        return (self.year is not None and self.season is None and self.time is None
                and not self.uncertain and not self.approximate
                and (self.months is None or len(self.months) == 1)
                and (self.days is None or len(self.days) == 1))

    @property
    def shape(self) -> str:
        if self.time is not None:
            return "time"
        if self.days is not None:
            return "day"
        return "season" if self.season else "month" if self.months else "year"


def refusal(text: str, col: int) -> DateError | None:
    """A message naming the EDTF form docket refuses, if text is one."""
    if _EXPONENT(text):
        return DateError(f"'{text}': exponential years are not supported", col,
                         "write the year in full after Y, e.g. Y170000000 for Y17E7")
    if _SIGNIFICANT(text):
        return DateError(f"'{text}': years with significant digits are not supported", col,
                         "write the range of years instead, e.g. 1900/1999 for 1950S2")
    return None


def read(text: str, col: int = 0, allow_time: bool = True) -> Single | None:
    """The single date text (col: its column in the whole field), or None if it has not
    the shape of one.  Raises ``DateError`` for a date of that shape that is wrong."""
    plain = _PLAIN(text)
    if plain is not None and (sd := _read_plain(text, plain)) is not None:
        return sd
    m = _MATCH(text)
    if m is None:
        return None
    year = _read_year(m, col)
    months, season = _read_month(m, col)
    days = _read_days(m, col, season)
    if m["time"] is not None:
        _check_time(m, col, allow_time, year, months, days)
    uncertain, approximate = _qualifiers(m)
    exact = year[0] if year[0] == year[1] and year[0] is not None and "X" not in m["year"] else None
    days = _real_days(m, col, exact, months, days)
    lo, hi = _bounds(year, months, season, days)
    zone = m["tz"]
    if zone and zone != "Z":
        zone = f"{zone[:3]}:{zone[-2:]}" if len(zone) > 3 else f"{zone}:00"
    return Single(text, lo, hi, exact, None if year[0] is None else year, months, season, days,
                  m["month"], m["day"], uncertain, approximate, m["time"], zone)


def _read_plain(text: str, m: re.Match) -> Single | None:
    """A plain YYYY[-MM[-DD]][?~%] in the years 1-9999, or None for the general rules."""
    y, mo, d, q = m.groups()
    year = int(y)
    if year == 0:
        return None
    unc, approx = _FLAGS[q]
    if mo is None:
        parts = _WHOLE[1]
        lo, hi = date(year, 1, 1), date(year, 12, 31)
        months = days = None
    else:
        month = int(mo)
        if not 1 <= month <= 12:
            return None
        months = (month,)
        last = days_in(year, month)
        if d is None:
            parts, days = _WHOLE[2], None
            lo, hi = date(year, month, 1), date(year, month, last)
        else:
            n = int(d)
            if not 1 <= n <= last:
                return None
            parts, days = _WHOLE[3], (n,)
            lo = hi = date(year, month, n)
    return Single(text, lo, hi, year, (year, year), months, None, days, mo, d,
                  parts if unc else _NONE, parts if approx else _NONE, None, None)


def _read_year(m: re.Match, col: int) -> tuple[int | None, int | None]:
    """(first, last) year the text can be; (None, None) for XXXX."""
    text, at = m["year"], col + m.start("year")
    if text[0] == "Y":
        digits = text[1:].lstrip("-")
        if len(digits) <= 4:
            raise DateError(f"'{text}': a year after Y needs five or more digits", at,
                            f"write it without Y: {'-' if text[1] == '-' else ''}{digits.zfill(4)}")
        value = int(text[1:])
        if abs(value) > _MAX_YEAR:
            raise DateError(f"year {value} is too far off for docket", at, _YEAR_HINT)
        if m["month"] is not None:
            raise DateError(f"'{text}': a year after Y has no month or day", at, "write the year alone")
        return value, value
    negative, digits = text[0] == "-", text.lstrip("-")
    if digits == "XXXX":
        return None, None
    lo, hi = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
    if negative:
        if hi == 0:
            raise DateError("-0000 is not a year", at, "write year 0 (1 BCE) as 0000")
        lo, hi = -hi, -lo
    return lo, hi


def _candidates(text: str, top: int) -> tuple[int, ...]:
    return tuple(n for n in range(1, top + 1)
                 if all(c == "X" or c == w for c, w in zip(text, f"{n:02d}")))


def _read_month(m: re.Match, col: int) -> tuple[tuple[int, ...] | None, int | None]:
    text = m["month"]
    if text is None:
        return None, None
    at = col + m.start("month")
    if "X" not in text:
        month = int(text)
        if 1 <= month <= 12:
            return (month,), None
        if month in _SEASONS:
            return None, month
        raise DateError(f"month {text} does not exist", at, _MONTH_HINT)
    found = _candidates(text, 12)
    if not found:
        raise DateError(f"month {text} can be no month: X stands for digits of a month 01–12",
                        at, _MONTH_HINT)
    return found, None


def _read_days(m: re.Match, col: int, season: int | None) -> tuple[int, ...] | None:
    text = m["day"]
    if text is None:
        return None
    at = col + m.start("day")
    if season is not None:
        name = _SEASONS[season][2]
        raise DateError(f"a season or part of a year ({m['month']}, {name}) has no days", at,
                        "leave out the day, or write the month instead of the season")
    if "X" not in text:
        return (int(text),)  # checked against its month in _real_days
    found = _candidates(text, 31)
    if not found:
        raise DateError(f"day {text} can be no day: X stands for digits of a day 01–31", at,
                        "days run 01–31")
    return found


def _check_time(m: re.Match, col: int, allow: bool, year, months, days) -> None:
    at = col + m.start("time") - 1
    if not allow:
        raise DateError("a time of day cannot be part of an interval or a set", at,
                        "give the days alone, e.g. 1985-04-12/1985-04-13")
    known = year[0] is not None and year[0] == year[1] and "X" not in m["year"]
    if not known or days is None or len(days) != 1 or len(months or ()) != 1:
        raise DateError("a time of day needs a full, known day before it", at, _TIME_HINT)
    if any(m[g] for g in ("yl", "yr", "ml", "mr", "dl", "dr")):
        raise DateError("a date with a time of day cannot carry ? ~ or %", at, _TIME_HINT)
    h, mi, s = (int(p) for p in m["time"].split(":"))
    zone = (m["tz"] or "Z").lstrip("Z+-").replace(":", "")
    if h > 23 or mi > 59 or s > 59 or (zone and (int(zone[:2]) > 23 or int(zone[2:] or 0) > 59)):
        raise DateError(f"'{m['time']}{m['tz'] or ''}' is not a time of day", at + 1,
                        "hours run 00-23, minutes and seconds 00-59")


def _qualifiers(m: re.Match) -> tuple[frozenset[str], frozenset[str]]:
    """Which parts are uncertain and approximate: a qualifier before a part applies to it,
    one after a part to it and every part before it."""
    uncertain: set[str] = set()
    approximate: set[str] = set()
    for i, part in enumerate(_COMPONENTS):
        left, right = m[part[0] + "l"], m[part[0] + "r"]
        for q, parts in ((left, (part,)), (right, _COMPONENTS[: i + 1])):
            unc, approx = _FLAGS[q or ""]
            if unc:
                uncertain.update(parts)
            if approx:
                approximate.update(parts)
    return frozenset(uncertain), frozenset(approximate)


def _real_days(m: re.Match, col: int, year: int | None, months, days):
    """The days kept to those that exist in one of the months (in the year, when known)."""
    if days is None:
        return days
    pairs = [(mo, d) for mo in (months or range(1, 13)) for d in days
             if 1 <= d <= (days_in(year, mo) if year is not None else days_in(2000, mo))]
    if pairs:
        return tuple(sorted({d for _, d in pairs}))
    at = col + m.start("day")
    if year is not None and months is not None and len(months) == 1 and len(days) == 1:
        mo, last = months[0], days_in(year, months[0])
        y = m["year"]
        raise DateError(
            f"{y}-{mo:02d}-{days[0]:02d} is not a real day: {MONTHS[mo]} {year_words(year)} has "
            f"{last} days", at, f"the last day of {MONTHS[mo]} {year_words(year)} is {y}-{mo:02d}-{last}")
    raise DateError(f"'{m.string}' can be no real day", at, "days run from 01 to the last day of the month")


def _bounds(year, months, season, days):
    """First and last day: the first year's first possible day, the last year's last."""
    lo_year, hi_year = year
    if lo_year is None:
        return None, None
    if season is not None:
        first, length = _SEASONS[season][:2]
        end = first + length - 1
        end_year = hi_year + (end > 12)
        end = (end - 1) % 12 + 1
        return day(lo_year, first, 1), day(end_year, end, days_in(end_year, end))
    ms = months or tuple(range(1, 13))
    if days is None:
        return day(lo_year, ms[0], 1), day(hi_year, ms[-1], days_in(hi_year, ms[-1]))
    return _first_day(lo_year, hi_year, ms, days), _last_day(lo_year, hi_year, ms, days)


#: years between two 29 Februaries at most (1896 and 1904: 1900 has none)
_LEAP_GAP = 8


def _first_day(lo_year: int, hi_year: int, months, days):
    """The first of the days that is real in one of the years: ``19XX-02-29`` begins on
    29 February 1904, as 1900 has none."""
    for year in range(lo_year, min(hi_year, lo_year + _LEAP_GAP) + 1):
        for mo in months:
            fits = [d for d in days if d <= days_in(year, mo)]
            if fits:
                return day(year, mo, fits[0])
    return day(lo_year, months[0], days_in(lo_year, months[0]))


def _last_day(lo_year: int, hi_year: int, months, days):
    """The last of the days that is real in one of the years: ``19XX-02-29`` ends on
    29 February 1996."""
    for year in range(hi_year, max(lo_year, hi_year - _LEAP_GAP) - 1, -1):
        for mo in reversed(months):
            fits = [d for d in days if d <= days_in(year, mo)]
            if fits:
                return day(year, mo, fits[-1])
    return day(hi_year, months[-1], days_in(hi_year, months[-1]))


# --------------------------------------------------------------------------------------------
# Words and the HTML form


def words(sd: Single) -> str:
    """In words: '22 May 2021', 'about May 2021', '2021 (uncertain)', '11 June 2004 (year
    uncertain)', '25 December, some year in 1560-1569', '12 April 1985 at 23:20:30 UTC'."""
    core = _core_words(sd)
    if sd.time is not None:
        zone = " UTC" if sd.zone == "Z" else f" (UTC{sd.zone})" if sd.zone else ""
        return f"{core} at {sd.time}{zone}"
    q = sd.qualifier
    if q is None:
        return f"{core} ({_part_notes(sd)})"
    if q == "~" or q == "%":
        core = "about " + core
    if q == "?" or q == "%":
        core += " (uncertain)"
    return core


def _core_words(sd: Single) -> str:
    if sd.year is not None and sd.year > 0 and sd.months is not None and len(sd.months) == 1 \
            and sd.month_text[0] != "X" and sd.month_text[1] != "X":  # the usual: a known month
        if sd.days is None:
            return f"{MONTHS[sd.months[0]]} {sd.year}"
        if len(sd.days) == 1 and "X" not in sd.day_text:
            return f"{sd.days[0]} {MONTHS[sd.months[0]]} {sd.year}"
    if sd.year is not None:
        year = year_words(sd.year)
    elif sd.years is None:
        year = "year unknown"
    else:
        year = f"some year in {year_words(sd.years[0])}–{year_words(sd.years[1])}"
    exact = sd.year is not None
    if sd.season is not None:
        _, _, name, joiner, suffix = _SEASONS[sd.season]
        return f"{name}{joiner}{year}{suffix}" if exact else f"{name}{suffix}, {year}"
    if sd.months is None:
        return year
    part, glue = _day_month(sd)
    return f"{part}{glue}{year}" if exact else f"{part}, {year}"


def _day_month(sd: Single) -> tuple[str, str]:
    """The month and day in words, and what joins them to a known year."""
    days = sd.days
    if sd.month_text == "XX":
        if days is None:
            return "some month", " in "
        if sd.day_text == "XX":
            return "some day", " in "
        return f"the {_either(days, _nth)} of some month", " in "
    names = [MONTHS[m] for m in sd.months]
    several = len(names) > 2
    span = f"{names[0]}–{names[-1]}" if several else " or ".join(names)
    if days is None:
        return (f"some month in {span}" if several else span), " "
    if sd.day_text == "XX":
        return f"some day in {span}", " "
    if several:
        return f"the {_either(days, _nth)} of some month in {span}", " "
    if len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
        return f"some day in {days[0]}–{days[-1]} {span}", " "
    return f"{_either(days, str)} {span}", " "


def _either(values, say) -> str:
    """'5', '5 or 15', '5, 15 or 25'."""
    said = [say(v) for v in values]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " or " + said[-1]


def _nth(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _part_notes(sd: Single) -> str:
    """'year uncertain', 'year and month approximate', 'year uncertain; day approximate'."""
    def named(parts: frozenset[str]) -> str:
        said = [p for p in _COMPONENTS if p in parts]
        return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    if sd.uncertain == sd.approximate:
        return f"{named(sd.uncertain)} uncertain and approximate"
    notes = [f"{named(parts)} {word}" for parts, word in
             ((sd.uncertain, "uncertain"), (sd.approximate, "approximate")) if parts]
    return "; ".join(notes)


def html_datetime(sd: Single) -> str | None:
    """A valid HTML ``<time datetime>`` value for what the date gives, or None if it gives
    no year of the common era, month with its year, or month and day: '2021-05-22', '2021-05',
    '2021', '--12-25' (a day whose year is unknown), '1985-04-12T23:20:30Z'."""
    year = f"{sd.year:04d}" if sd.year is not None and sd.year >= 1 else None
    one_month = sd.months is not None and len(sd.months) == 1 and "X" not in sd.month_text
    one_day = sd.days is not None and len(sd.days) == 1 and "X" not in sd.day_text
    if not one_month:
        return year
    month = f"{sd.months[0]:02d}"
    if not one_day:
        return f"{year}-{month}" if year else None
    if year is None:
        return f"--{month}-{sd.days[0]:02d}"
    clock = f"T{sd.time}{sd.zone or ''}" if sd.time is not None else ""
    return f"{year}-{month}-{sd.days[0]:02d}{clock}"
