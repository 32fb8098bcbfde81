"""EDTF dates: the subset of the Library of Congress Extended Date/Time Format an archive needs.

Why a hand-written parser
-------------------------
Every letter, person, event and source in a docket site carries one or more EDTF dates, and a
build parses all of them.  The ``edtf`` package on PyPI runs a pyparsing grammar for each,
far too slow for an archive of thousands of letters, and for open intervals (``2021-05/..``)
its bounds are float infinities instead of dates, which breaks the sorting and year filter
docket builds on them.  This module reads the forms below with a few regular expressions
compiled once at import, using only the standard library.

What it reads
-------------
* ``2021-05-22`` day, ``2021-05`` month, ``2021`` year (years 0001-9999);
* a qualifier at the end: ``?`` uncertain, ``~`` approximate, ``%`` both;
* unspecified digits: ``2021-05-XX``, ``2021-XX``, ``2021-XX-XX``, ``202X``, ``19XX``, ``1XXX``;
* intervals ``A/B`` where each side is one of the dates above, ``..`` (open: no limit) or
  nothing (unknown): ``2022-08-08/2022-08-11``, ``2021-05/..``, ``../2021-05``, ``2021-05-22/``;
* one-of sets ``[2021-05-22,2021-05-23]`` and all-of sets ``{2021-05-22,2021-05-23}``, whose
  members may be ranges ``2021-05-22..2021-05-25`` or open ranges ``..2021-05`` / ``2021-05..``.

What the bounds mean
--------------------
``earliest`` and ``latest`` are the first and last day the written date can refer to:
``2021-05`` runs from 1 to 31 May 2021, ``202X`` from 1 January 2020 to 31 December 2029.
Qualifiers do not widen the bounds (EDTF gives ``~`` no width); they are reported in
``uncertain`` / ``approximate`` and in the words of ``display()``.  An open or unknown end of an
interval has no bound (``None``); ``sort_key()`` puts an open start first and an open end last.

Errors
------
``parse`` raises ``DateError`` with a message, the 0-based column in the text passed in where
the problem is, and a hint saying how to write the date.  For text that is not EDTF at all the
hint suggests a rewrite when one is clear (``22-05-2021``, ``2021/05/22``, ``May 2021``,
``c. 1920``, ``1920s``, ``after May 2021``, Arabic-Indic digits), and names both readings when
it is not (``05-06-2021``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

__all__ = ["DateError", "EdtfDate", "parse", "UNDATED_SORT_KEY"]


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


class _NotEdtf(DateError):
    """Internal: text that has no EDTF shape at all; ``parse`` may add a suggested rewrite."""


# --------------------------------------------------------------------------------------------
# Tables and compiled patterns (compiled once, at import)

_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# A single date: year (4 digits, or trailing X), optional month, optional day, optional
# qualifier.  ASCII digits only: \d would also accept Arabic-Indic and other digits.
_SINGLE_MATCH = re.compile(
    r"([0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)"
    r"(?:-([0-9]{2}|XX)(?:-([0-9]{2}|XX))?)?"
    r"([?~%]?)"
).fullmatch
# The same shape with X allowed in any digit position: tells X misuse from other mistakes.
_LOOSE_MATCH = re.compile(r"[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?[?~%]?").fullmatch
_YEAR_X_MATCH = re.compile(r"[0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX").fullmatch

_QUALIFIERS = {"": (False, False), "?": (True, False), "~": (False, True), "%": (True, True)}

_FORMAT_HINT = ("write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-05-22; "
                "add ? if uncertain, ~ if approximate")
_FORMAT_BRIEF = "EDTF: YYYY, YYYY-MM or YYYY-MM-DD; add ? if uncertain, ~ if approximate"
_EMPTY_HINT = "write a date such as 2021-05-22, or leave the field out if it is not known"
_YEAR_HINT = "docket can place dates in the years 0001-9999 only"
_X_HINT = ("X may stand for the last digits of a year (202X, 19XX) "
           "or for a whole month or day (2021-XX, 2021-05-XX)")
_OPEN_HINT = ("give at least one end: 2021-05/.. is May 2021 or later, "
              "../2021-05 is May 2021 or earlier")
_SET_HINT = "write a set as [2021-05-22,2021-05-23] (one of) or {2021-05-22,2021-05-23} (all of)"
_SET_RANGE_HINT = "inside a set, write a range as 2021-05-22..2021-05-25"

_MAX_ORDINAL = date.max.toordinal() + 1  # sort key of an open/unknown latest bound

#: Sorts after the ``sort_key()`` of every date: undated records go last.
UNDATED_SORT_KEY: tuple = (1,)


def _days_in(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


# --------------------------------------------------------------------------------------------
# The value


_UNCERTAIN = " (uncertain)"


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A parsed EDTF date.  Make these with ``parse()``."""

    text: str  # as written (stripped)
    earliest: date | None  # first day the date can mean; None if open/unknown
    latest: date | None  # last day the date can mean; None if open/unknown
    precision: str  # shape as written: 'day' | 'month' | 'year' | 'interval' | 'set'
    uncertain: bool  # any '?' or '%'
    approximate: bool  # any '~' or '%'
    #: the date in words, without the "(uncertain)" that ``qualifier`` then holds apart
    words: str = field(init=False, compare=False)
    qualifier: str = field(init=False, compare=False)  # "uncertain", or ""

    def __post_init__(self) -> None:
        words = _words(_analyse(self.text))
        qualified = words.endswith(_UNCERTAIN)
        object.__setattr__(self, "words", words[: -len(_UNCERTAIN)] if qualified else words)
        object.__setattr__(self, "qualifier", "uncertain" if qualified else "")

    def sort_key(self) -> tuple:
        """Chronological: by earliest (open = first), then latest (open = last), then text.

        Keys of all dates compare with each other and sort before ``UNDATED_SORT_KEY``.
        """
        e, l = self.earliest, self.latest
        return (0, e.toordinal() if e is not None else 0,
                l.toordinal() if l is not None else _MAX_ORDINAL, self.text)

    def display(self) -> str:
        """The date in English words, e.g. '22 May 2021', 'between 8 and 11 August 2022'."""
        return f"{self.words} ({self.qualifier})" if self.qualifier else self.words

    @property
    def years(self) -> tuple[int, ...]:
        """Every calendar year the date can fall in, in order (for a year filter).

        For an interval open or unknown at one end, the years of the known end only; for a
        set, the years of its members (not the gaps between them).
        """
        if self.precision == "interval" or self.precision == "set":
            found: set[int] = set()
            for lo, hi in _year_spans(_analyse(self.text)):
                found.update(range(lo, hi + 1))
            return tuple(sorted(found))
        if self.earliest is None or self.latest is None:
            return ()
        return tuple(range(self.earliest.year, self.latest.year + 1))

    @property
    def iso(self) -> str | None:
        """A valid HTML ``<time datetime>`` value, or None if the start is open/unknown.

        '2021-05-22', '2021-05' or '2021' for a single day, month or year (the known part for
        2021-05-XX and 2021-XX); otherwise the earliest day as YYYY-MM-DD.
        """
        if self.earliest is None:
            return None
        p = self.precision
        if p == "day" or p == "month" or p == "year":
            t = self.text.rstrip("?~%")
            i = t.find("X")
            if i == -1:
                return t
            if i >= 5:  # X in the month or day: the known year or year-month
                return t[:i - 1]
        return self.earliest.isoformat()

    @property
    def is_uncertain_or_approximate(self) -> bool:
        """True unless the date is a single known day, month or year, stated plainly."""
        return (self.uncertain or self.approximate or self.precision == "interval"
                or self.precision == "set" or "X" in self.text)


# --------------------------------------------------------------------------------------------
# Parsing
#
# A single date is held internally as a tuple (lo, hi, y, mo, d, q): its bounds and its
# matched parts (strings; mo and d may be None; q may be '').


def parse(text: str) -> EdtfDate:
    """Read an EDTF date (surrounding whitespace is ignored).  Raises ``DateError``."""
    if not isinstance(text, str):
        raise TypeError(f"an EDTF date must be a str, not {type(text).__name__}")
    s = text.strip()
    try:
        m = _SINGLE_MATCH(s)
        if m is not None:  # fast path: a single day, month or year
            lo, hi, _, mo, d, q = _single_from_match(m, s, 0)
            unc, approx = _QUALIFIERS[q]
            return EdtfDate(s, lo, hi, "day" if d else "month" if mo else "year", unc, approx)
        return _build(s, _analyse(s))
    except _NotEdtf as exc:
        err: DateError = _explain(s, exc)
    except DateError as exc:
        err = exc
    lead = len(text) - len(text.lstrip())  # columns count from the text as given
    raise DateError(err.message, err.column + lead, err.hint)


def _single_from_match(m: re.Match, s: str, col: int) -> tuple:
    y, mo, d, q = m.groups()
    if "X" in y:
        if mo is not None:  # 202X-05: not supported
            raise _x_error(s, col)
        return (date(int(y.replace("X", "0")) or 1, 1, 1), date(int(y.replace("X", "9")), 12, 31),
                y, mo, d, q)
    year = int(y)
    if year == 0:
        raise DateError("year 0000 is not supported", col, _YEAR_HINT)
    if mo is None:
        return (date(year, 1, 1), date(year, 12, 31), y, mo, d, q)
    if mo == "XX":
        if d is not None and d != "XX":  # 2021-XX-05: not supported
            raise _x_error(s, col)
        return (date(year, 1, 1), date(year, 12, 31), y, mo, d, q)
    month = int(mo)
    if not 1 <= month <= 12:
        raise DateError(f"month {mo} does not exist", col + 5, "months run 01–12")
    last = _days_in(year, month)
    if d is None or d == "XX":
        return (date(year, month, 1), date(year, month, last), y, mo, d, q)
    day = int(d)
    if not 1 <= day <= last:
        raise DateError(
            f"{y}-{mo}-{d} is not a real day: {_MONTHS[month]} {year} has {last} days",
            col + 8, f"the last day of {_MONTHS[month]} {year} is {y}-{mo}-{last:02d}")
    one = date(year, month, day)
    return (one, one, y, mo, d, q)


def _single(s: str, col: int, extra_hint: str = "") -> tuple:
    m = _SINGLE_MATCH(s)
    if m is None:
        raise _not_edtf(s, col, extra_hint)
    return _single_from_match(m, s, col)


def _analyse(s: str) -> tuple:
    """The structure of stripped EDTF text, checked:

    ('single', sd) | ('interval', a_text, a, b_text, b) | ('set', bracket, members)
    where a and b are a single date tuple, '..' (open) or '' (unknown), and each set member
    is (a_text, a, b_text, b): b_text is None for a plain date, and in a range a or b is
    None when that end is open.
    """
    m = _SINGLE_MATCH(s)
    if m is not None:
        return ("single", _single_from_match(m, s, 0))
    if not s:
        raise DateError("the date is empty", 0, _EMPTY_HINT)
    first = s[0]
    if first == "[" or first == "{":
        return ("set", first, _set_members(s))
    slash = s.find("/")
    if slash != -1:
        return _interval(s, slash)
    raise _not_edtf(s, 0)


def _interval(s: str, slash: int) -> tuple:
    if s.find("/", slash + 1) != -1:
        raise _not_edtf(s, 0)
    a_text, b_text = s[:slash], s[slash + 1:]
    a = a_text if a_text == ".." or a_text == "" else _single(a_text, 0)
    b = b_text if b_text == ".." or b_text == "" else _single(b_text, slash + 1)
    if type(a) is str and type(b) is str:
        raise DateError("an interval needs at least one known date", 0, _OPEN_HINT)
    if type(a) is tuple and type(b) is tuple and b[1] < a[0]:
        raise DateError(f"the interval ends ({b_text}) before it starts ({a_text})",
                        slash + 1, "swap the two dates")
    return ("interval", a_text, a, b_text, b)


def _set_members(s: str) -> list:
    close = "]" if s[0] == "[" else "}"
    end = s.find(close)
    if end == -1:
        raise DateError(f"the set has no closing '{close}'", len(s), _SET_HINT)
    if end != len(s) - 1:
        raise DateError(f"unexpected text after the set: '{s[end + 1:]}'", end + 1, _SET_HINT)
    inner = s[1:end]
    if not inner.strip():
        raise DateError("the set is empty", 1, _SET_HINT)
    members = []
    pos = 1  # column of the current piece
    for piece in inner.split(","):
        t = piece.strip()
        col = pos + len(piece) - len(piece.lstrip())
        pos += len(piece) + 1
        if not t:
            raise DateError("a member of the set is empty", col,
                            "separate the dates with single commas, e.g. [2021-05-22,2021-05-23]")
        dots = t.find("..")
        if dots == -1:
            members.append((t, _single(t, col, _SET_RANGE_HINT if "/" in t else ""), None, None))
            continue
        a_text, b_text = t[:dots], t[dots + 2:]
        if not a_text and not b_text:
            raise DateError("a range in a set needs at least one date", col, _SET_RANGE_HINT)
        a = _single(a_text, col) if a_text else None
        b = _single(b_text, col + dots + 2) if b_text else None
        if a is not None and b is not None and b[1] < a[0]:
            raise DateError(f"the range ends ({b_text}) before it starts ({a_text})",
                            col + dots + 2, "swap the two dates")
        members.append((a_text, a, b_text, b))
    return members


def _build(s: str, an: tuple) -> EdtfDate:
    kind = an[0]
    if kind == "single":
        lo, hi, _, mo, d, q = an[1]
        unc, approx = _QUALIFIERS[q]
        return EdtfDate(s, lo, hi, "day" if d else "month" if mo else "year", unc, approx)
    if kind == "interval":
        _, _, a, _, b = an
        qs = ""
        lo = hi = None
        if type(a) is tuple:
            lo, qs = a[0], a[5]
        if type(b) is tuple:
            hi, qs = b[1], qs + b[5]
        return EdtfDate(s, lo, hi, "interval", "?" in qs or "%" in qs, "~" in qs or "%" in qs)
    los, his, qs = [], [], ""
    for _, a, b_text, b in an[2]:
        if b_text is None:  # a plain date
            los.append(a[0])
            his.append(a[1])
            qs += a[5]
            continue
        los.append(a[0] if a is not None else None)
        his.append(b[1] if b is not None else None)
        qs += (a[5] if a is not None else "") + (b[5] if b is not None else "")
    lo = None if None in los else min(los)
    hi = None if None in his else max(his)
    return EdtfDate(s, lo, hi, "set", "?" in qs or "%" in qs, "~" in qs or "%" in qs)


# --------------------------------------------------------------------------------------------
# Errors for text that is not EDTF, with a suggested rewrite where one can be guessed


def _not_edtf(part: str, col: int, extra_hint: str = "") -> DateError:
    if part[:1] == "-" and _LOOSE_MATCH(part[1:]):
        return DateError("negative years are not supported", col, _YEAR_HINT)
    if _LOOSE_MATCH(part):
        return _x_error(part, col)
    hint = f"{extra_hint}; {_FORMAT_HINT}" if extra_hint else _FORMAT_HINT
    return _NotEdtf(f"'{part}' is not an EDTF date", col + _bad_column(part), hint)


def _x_error(part: str, col: int) -> DateError:
    """X in a place this module does not read (2X21, 2021-1X, 202X-05, 2021-XX-05)."""
    y, mo = part[:4], part[5:7]
    if not _YEAR_X_MATCH(y):
        at = 0
    elif "X" in y or not (mo.isdigit() or mo == "XX"):
        at = 5
    else:
        at = 8
    return DateError(f"'{part}' uses X in a way docket does not read", col + at, _X_HINT)


def _bad_column(p: str) -> int:
    """Where p stops looking like YYYY[-MM[-DD]][?~%]: the start of the first bad part."""
    n = len(p)
    i = 0
    for start, width in ((0, 4), (5, 2), (8, 2)):
        if start:
            if i >= n:
                return n
            if p[i] != "-":
                if p[i] in "?~%" and i == n - 1:
                    return n
                return i + 1 if p[i] in "?~%" else i
            i += 1
        j = i
        while j < n and p[j] in "0123456789X":
            j += 1
        if j - i != width:
            return i
        i = j
    if i < n and p[i] in "?~%":
        i += 1
    return min(i, n)


_MONTH_WORDS = {name.lower(): i for i, name in enumerate(_MONTHS) if i}
_MONTH_WORDS.update({name[:3].lower(): i for i, name in enumerate(_MONTHS) if i})
_MONTH_WORDS["sept"] = 9
_NUM_YMD = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,2}))?").fullmatch
_NUM_DMY = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})").fullmatch
_NUM_MY = re.compile(r"([0-9]{1,2})[-/.]([0-9]{4})").fullmatch
_WORD_DMY = re.compile(
    r"([0-9]{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+)\.?,? ([0-9]{4})", re.I).fullmatch
_WORD_MDY = re.compile(r"([a-z]+)\.? ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})", re.I).fullmatch
_WORD_MY = re.compile(r"([a-z]+)\.?,? ([0-9]{4})", re.I).fullmatch
_DECADE = re.compile(r"([0-9]{2}[1-9])0'?s").fullmatch
_CIRCA = re.compile(r"(?:approximately|approx|around|about|circa|ca|c)\.? ?(.+)", re.I).fullmatch
_BEFORE = re.compile(r"(?:before|until|by) (.+)", re.I).fullmatch
_AFTER = re.compile(r"(?:after|since) (.+)", re.I).fullmatch
_RANGE = re.compile(r"(.+?)(?: ?[–—] ?| to | - )(.+)").fullmatch
_YEAR_RANGE = re.compile(r"([0-9]{4})-([0-9]{4})").fullmatch
_DATE_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9:.]+(?:Z|[+-][0-9:]+)?").fullmatch


def _is_edtf(t: str) -> bool:
    try:
        _analyse(t)
    except DateError:
        return False
    return True


def _rewrite(t: str):
    """An EDTF spelling of t (no qualifier, single spaces), a pair if ambiguous, or None."""
    compact = t.replace(" ", "").upper()
    if _is_edtf(compact):
        return compact
    if m := _NUM_YMD(t):
        y, mo, d = m.groups()
        return f"{y}-{int(mo):02d}" + (f"-{int(d):02d}" if d else "")
    if m := _NUM_DMY(t):
        a, b, y = int(m[1]), int(m[2]), m[3]
        if a > 12 >= b or a == b:
            return f"{y}-{b:02d}-{a:02d}"
        if b > 12 >= a:
            return f"{y}-{a:02d}-{b:02d}"
        return (f"{y}-{b:02d}-{a:02d}", f"{y}-{a:02d}-{b:02d}")
    if m := _NUM_MY(t):
        return f"{m[2]}-{int(m[1]):02d}"
    for match, day, month, year in ((_WORD_DMY, 1, 2, 3), (_WORD_MDY, 2, 1, 3),
                                    (_WORD_MY, 0, 1, 2)):
        if (m := match(t)) and (mo := _MONTH_WORDS.get(m[month].lower())):
            return f"{m[year]}-{mo:02d}" + (f"-{int(m[day]):02d}" if day else "")
    if m := _DECADE(t):
        return f"{m[1]}X"
    for match, shape in ((_CIRCA, "{}~"), (_BEFORE, "../{}"), (_AFTER, "{}/..")):
        if (m := match(t)) and type(r := _rewrite(m[1])) is str and r[-1] not in "?~%/":
            return shape.format(r)
    if m := _DATE_TIME(t):
        return m[1]
    if m := _YEAR_RANGE(t) or _RANGE(t):
        a, b = _rewrite(m[1]), _rewrite(m[2])
        if type(a) is str and type(b) is str and "/" not in a + b:
            return f"{a}/{b}"
    return None


def _explain(s: str, exc: _NotEdtf) -> DateError:
    """exc, with a suggested rewrite of the whole text s in the hint when one can be found."""
    # Arabic-Indic, Persian and other decimal digits as ASCII; single spaces
    ascii_digits = "".join(str(unicodedata.digit(c)) if c.isdecimal() else c for c in s)
    t = " ".join(ascii_digits.split())
    q = ""
    if t[-1:] in ("?", "~", "%"):
        q, t = t[-1], t[:-1].rstrip()
    try:
        found = _rewrite(t) if t else None
    except RecursionError:  # e.g. 'about about about ...' thousands deep: no suggestion
        found = None
    if type(found) is str and q and found[-1:] in ("?", "~"):  # 'about 1920?' -> 1920%
        found, q = found[:-1], "%" if found[-1] != q else q
    # Text in other digits is often dated in another calendar (1400 Solar Hijri is 2021).
    caveat = ", if that is a Gregorian date" if ascii_digits != s else ""
    message = f"'{s}' is not an EDTF date"
    if type(found) is str and _is_edtf(found + q):
        return DateError(message, exc.column,
                         f"write it as {found + q}{caveat} ({_FORMAT_BRIEF})")
    if type(found) is tuple and all(_is_edtf(f + q) for f in found):
        a, b = (_words(_analyse(f)) for f in found)
        return DateError(message, exc.column,
                         f"it could be {a} or {b}: write it as {found[0] + q} or {found[1] + q}")
    return DateError(exc.message, exc.column, exc.hint)


# --------------------------------------------------------------------------------------------
# Words


def _single_words(sd: tuple) -> str:
    lo, hi, y, mo, d, q = sd
    if "X" in y:
        if y.count("X") == 1 and y[2] != "0":  # 202X: the 2020s (but 190X is not 'the 1900s')
            core = f"some year in the {lo.year}s"
        else:
            core = f"some year in {lo.year}–{hi.year}"
    elif mo is None:
        core = str(lo.year)
    elif mo == "XX":
        core = f"some {'day' if d else 'month'} in {lo.year}"
    else:
        core = f"{_MONTHS[lo.month]} {lo.year}"
        if d == "XX":
            core = "some day in " + core
        elif d is not None:
            core = f"{lo.day} {core}"
    if q == "~" or q == "%":
        core = "about " + core
    if q == "?" or q == "%":
        core += _UNCERTAIN
    return core


def _pair_words(a: tuple, b: tuple) -> tuple[str, str]:
    """Words for two ends, sharing the month and year when both are plain: ('8', '11 August
    2022'), ('30 July', '2 August 2022'), ('March', 'May 2021')."""
    right = _single_words(b)
    plain = not (a[5] or b[5] or "X" in a[2] + (a[3] or "") + (a[4] or "")
                 or "X" in b[2] + (b[3] or "") + (b[4] or ""))
    if plain and a[0].year == b[0].year and (a[4] is None) == (b[4] is None) and a[3] and b[3]:
        if a[4] is None:
            return _MONTHS[a[0].month], right
        if a[0].month == b[0].month:
            return str(a[0].day), right
        return f"{a[0].day} {_MONTHS[a[0].month]}", right
    return _single_words(a), right


def _words(an: tuple) -> str:
    kind = an[0]
    if kind == "single":
        return _single_words(an[1])
    if kind == "interval":
        _, _, a, _, b = an
        if type(a) is tuple and type(b) is tuple:
            return "between %s and %s" % _pair_words(a, b)
        if a == "..":
            return f"{_single_words(b)} or earlier"
        if a == "":
            return f"until {_single_words(b)} (start unknown)"
        if b == "..":
            return f"{_single_words(a)} or later"
        return f"from {_single_words(a)} (end unknown)"
    parts, plain = [], True
    for _, a, b_text, b in an[2]:
        if b_text is None:
            parts.append(_single_words(a))
            continue
        plain = False
        if a is None:
            parts.append(f"{_single_words(b)} or earlier")
        elif b is None:
            parts.append(f"{_single_words(a)} or later")
        else:
            left, right = _pair_words(a, b)
            parts.append(left + ("–" if " " not in left else " – ") + right)
    one_of = an[1] == "["
    if not plain:
        return ("one of: " if one_of else "all of: ") + ", ".join(parts)
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + (" or " if one_of else " and ") + parts[-1]


def _year_spans(an: tuple) -> list[tuple[int, int]]:
    """(first, last) calendar years of each part an EDTF date can fall in."""
    kind = an[0]
    if kind == "single":
        return [(an[1][0].year, an[1][1].year)]
    if kind == "interval":
        _, _, a, _, b = an
        pairs = [(a, b)]
    else:
        pairs = [(a, a if b_text is None else b) for _, a, b_text, b in an[2]]
    spans = []
    for a, b in pairs:
        a = a if type(a) is tuple else None
        b = b if type(b) is tuple else None
        if a is not None and b is not None:
            spans.append((a[0].year, b[1].year))
        elif a is not None or b is not None:  # open at one end: the known end's years
            known = a if a is not None else b
            spans.append((known[0].year, known[1].year))
    return spans
