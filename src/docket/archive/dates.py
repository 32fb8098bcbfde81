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
* a single date (``archive/single_dates.py``): ``2021-05-22`` day, ``2021-05`` month,
  ``2021`` year, ``2001-21`` a season or other part of a year (21-41), ``1985-04-12T23:20:30Z``
  a day and time; years 0, negative (``-0044``) and long (``Y170000002``); ``X`` for any
  unknown digit (``156X-12-25``, ``2021-XX``, ``XXXX-12-XX``); qualifiers ``?`` uncertain,
  ``~`` approximate, ``%`` both, at the end or on one part (``2004?-06-11``, ``?2004-06``);
* intervals ``A/B`` where each side is a single date without a time, ``..`` (open: no limit)
  or nothing (unknown): ``2022-08-08/2022-08-11``, ``2021-05/..``, ``../2021-05``,
  ``2021-05-22/``;
* one-of sets ``[2021-05-22,2021-05-23]`` and all-of sets ``{2021-05-22,2021-05-23}``, whose
  members may be ranges ``2021-05-22..2021-05-25`` or open ranges ``..2021-05`` / ``2021-05..``.

What the bounds mean
--------------------
``earliest`` and ``latest`` are the first and last day the written date can refer to:
``2021-05`` runs from 1 to 31 May 2021, ``202X`` from 1 January 2020 to 31 December 2029.
They are ``datetime.date`` in the years 1-9999 and ``days.Day`` outside them.  Qualifiers do
not widen the bounds (EDTF gives ``~`` no width); they are reported in ``uncertain`` /
``approximate`` and in the words of ``display()``.  An open or unknown end of an interval,
and a date whose year is unknown, has no bound (``None``); ``sort_key()`` sorts a date open at
the start by its known end, and one with no bound at all after every bounded date.

Errors
------
``parse`` raises ``DateError`` with a message, the 0-based column in the text passed in where
the problem is, and a hint saying how to write the date.  For text that is not EDTF at all the
hint suggests a rewrite when one is clear (``22-05-2021``, ``2021/05/22``, ``May 2021``,
``c. 1920``, ``1920s``, ``after May 2021``, Arabic-Indic digits), and names both readings when
it is not (``05-06-2021``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from docket.archive.days import Day
from docket.archive.single_dates import MONTHS as _MONTHS
from docket.archive.single_dates import DateError, Single, html_datetime, refusal
from docket.archive.single_dates import read as _read_single
from docket.archive.single_dates import words as _single_words

__all__ = ["DateError", "EdtfDate", "parse", "UNDATED_SORT_KEY"]


class _NotEdtf(DateError):
    """Internal: text that has no EDTF shape at all; ``parse`` may add a suggested rewrite."""


# --------------------------------------------------------------------------------------------
# Tables and compiled patterns (compiled once, at import)

_FORMAT_HINT = ("write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-05-22; "
                "add ? if uncertain, ~ if approximate")
_FORMAT_BRIEF = "EDTF: YYYY, YYYY-MM or YYYY-MM-DD; add ? if uncertain, ~ if approximate"
_EMPTY_HINT = "write a date such as 2021-05-22, or leave the field out if it is not known"
_OPEN_HINT = ("give at least one end: 2021-05/.. is May 2021 or later, "
              "../2021-05 is May 2021 or earlier")
_SET_HINT = "write a set as [2021-05-22,2021-05-23] (one of) or {2021-05-22,2021-05-23} (all of)"
_SET_RANGE_HINT = "inside a set, write a range as 2021-05-22..2021-05-25"

_NO_BOUND = 10**13  # sorts after the ordinal of every day docket can read

#: Sorts after the ``sort_key()`` of every date: undated records go last.
UNDATED_SORT_KEY: tuple = (1,)
_YEAR_LIST_LIMIT = 9999  # a longer span files under its first and last year only


# --------------------------------------------------------------------------------------------
# The value


_UNCERTAIN = " (uncertain)"


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A parsed EDTF date.  Make these with ``parse()``."""

    text: str  # as written (stripped)
    earliest: date | Day | None  # first day the date can mean; None if open/unknown
    latest: date | Day | None  # last day the date can mean; None if open/unknown
    #: shape as written: 'day' | 'month' | 'year' | 'season' | 'time' | 'interval' | 'set'
    precision: str
    uncertain: bool  # any '?' or '%'
    approximate: bool  # any '~' or '%'
    #: the date in words, without the "(uncertain)" that ``qualifier`` then holds apart
    words: str = field(init=False, compare=False)
    qualifier: str = field(init=False, compare=False)  # "uncertain", or ""
    #: every calendar year the date can fall in, in order (for a year filter): for an
    #: interval open or unknown at one end, the years of the known end only; for a set,
    #: the years of its members (not the gaps between them). A span of more than 9,999
    #: years (only years outside 1-9999 make one) gives its first and last year only.
    years: tuple[int, ...] = field(init=False, compare=False)
    #: a valid HTML ``<time datetime>`` value for what the date gives, or None. A single
    #: date gives its day, month or year as far as they are known ('2021-05-22', '2021-05'
    #: for 2021-05-XX, '2021' for 2021-XX or a season, '--12-25' for 156X-12-25,
    #: '1985-04-12T23:20:30Z'); a decade (199X), a year before the common era or an unknown
    #: year gives none. An interval gives its start, if that is a date; a set gives none.
    iso: str | None = field(init=False, compare=False)

    def __post_init__(self) -> None:
        """What every page that shows the date reads, worked out once."""
        analysed = _analyse(self.text)
        words = _words(analysed)
        qualified = words.endswith(_UNCERTAIN)
        object.__setattr__(self, "words", words[: -len(_UNCERTAIN)] if qualified else words)
        object.__setattr__(self, "qualifier", "uncertain" if qualified else "")
        object.__setattr__(self, "years", _years(analysed))
        object.__setattr__(self, "iso", _iso(analysed))

    def sort_key(self) -> tuple:
        """Chronological: by earliest day, or by the latest when the start is open or unknown
        (``../1541-07-18`` sorts on 18 July 1541), then by latest (open = last), then text.
        A date with no bound at all (``XXXX-12-XX``) sorts after every bounded one.

        Keys of all dates compare with each other and sort before ``UNDATED_SORT_KEY``.
        """
        e, l = self.earliest, self.latest
        last = l.toordinal() if l is not None else _NO_BOUND
        first = e.toordinal() if e is not None else last
        return (0, first, last, self.text)

    def display(self) -> str:
        """The date in English words, e.g. '22 May 2021', 'between 8 and 11 August 2022'."""
        return f"{self.words} ({self.qualifier})" if self.qualifier else self.words

    @property
    def sort_text(self) -> str:
        """A text whose order as text is the dates' order in time (for the search's sort):
        the ``iso`` of a date in the years 1-9999, else its first (or, open at the start,
        last) day, with years before 1 written so that they sort in order; '9999' if none."""
        iso = self.iso
        if iso is not None and iso[:1] != "-" and iso[4:5] in ("", "-"):
            return iso
        day = self.earliest if self.earliest is not None else self.latest
        if day is None:
            return "9999"
        if day.year > 9999:
            return "9999-12-31~"
        if day.year < 1:  # -0044 as -9955: later years of the BCE sort later, all before 0001
            return f"-{max(9999 + day.year, 0):04d}-{day.month:02d}-{day.day:02d}"
        return day.isoformat()

    @property
    def is_uncertain_or_approximate(self) -> bool:
        """True unless the date is a single known day, month or year, stated plainly."""
        return (self.uncertain or self.approximate or self.precision == "interval"
                or self.precision == "set" or "X" in self.text)


# --------------------------------------------------------------------------------------------
# Parsing
#
# A single date is held internally as a ``Single`` (archive/single_dates.py).


def parse(text: str) -> EdtfDate:
    """Read an EDTF date (surrounding whitespace is ignored).  Raises ``DateError``."""
    if not isinstance(text, str):
        raise TypeError(f"an EDTF date must be a str, not {type(text).__name__}")
    s = text.strip()
    try:
        return _build(s, _analyse(s))
    except _NotEdtf as exc:
        err: DateError = _explain(s, exc)
    except DateError as exc:
        err = exc
    lead = len(text) - len(text.lstrip())  # columns count from the text as given
    raise DateError(err.message, err.column + lead, err.hint)


def _single(s: str, col: int, extra_hint: str = "", allow_time: bool = False) -> Single:
    sd = _read_single(s, col, allow_time)
    if sd is None:
        raise refusal(s, col) or _not_edtf(s, col, extra_hint)
    return sd


def _years(analysed: tuple) -> tuple[int, ...]:
    found: set[int] = set()
    for lo, hi in _year_spans(analysed):
        found.update(range(lo, hi + 1) if hi - lo <= _YEAR_LIST_LIMIT else (lo, hi))
    return tuple(sorted(found))


def _iso(analysed: tuple) -> str | None:
    if analysed[0] == "single":
        return html_datetime(analysed[1])
    if analysed[0] == "interval" and type(analysed[2]) is Single:
        return html_datetime(analysed[2])
    return None


@functools.lru_cache(maxsize=1 << 16)
def _analyse(s: str) -> tuple:
    """The structure of stripped EDTF text, checked:

    ('single', sd) | ('interval', a_text, a, b_text, b) | ('set', bracket, members)
    where a and b are a ``Single``, '..' (open) or '' (unknown), and each set member
    is (a_text, a, b_text, b): b_text is None for a plain date, and in a range a or b is
    None when that end is open.  Kept for each text (an archive repeats its dates, and
    ``words``, ``iso`` and ``years`` each ask for it); what is kept is immutable.
    """
    sd = _read_single(s, 0, True)
    if sd is not None:
        return ("single", sd)
    if not s:
        raise DateError("the date is empty", 0, _EMPTY_HINT)
    first = s[0]
    if first == "[" or first == "{":
        return ("set", first, _set_members(s))
    slash = s.find("/")
    if slash != -1:
        return _interval(s, slash)
    raise refusal(s, 0) or _not_edtf(s, 0)


def _before(b: Single, a: Single) -> bool:
    """Whether b ends before a starts (False when either's year is unknown)."""
    return b.hi is not None and a.lo is not None and b.hi < a.lo


def _interval(s: str, slash: int) -> tuple:
    if s.find("/", slash + 1) != -1:
        raise _not_edtf(s, 0)
    a_text, b_text = s[:slash], s[slash + 1:]
    a = a_text if a_text == ".." or a_text == "" else _single(a_text, 0)
    b = b_text if b_text == ".." or b_text == "" else _single(b_text, slash + 1)
    if type(a) is str and type(b) is str:
        raise DateError("an interval needs at least one known date", 0, _OPEN_HINT)
    if type(a) is Single and type(b) is Single and _before(b, a):
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
        if a is not None and b is not None and _before(b, a):
            raise DateError(f"the range ends ({b_text}) before it starts ({a_text})",
                            col + dots + 2, "swap the two dates")
        members.append((a_text, a, b_text, b))
    return tuple(members)


def _flags(parts: list) -> tuple[bool, bool]:
    """(uncertain, approximate): whether any of the single dates is."""
    return (any(p.uncertain for p in parts if p is not None),
            any(p.approximate for p in parts if p is not None))


def _build(s: str, an: tuple) -> EdtfDate:
    kind = an[0]
    if kind == "single":
        sd = an[1]
        return EdtfDate(s, sd.lo, sd.hi, sd.shape, bool(sd.uncertain), bool(sd.approximate))
    if kind == "interval":
        _, _, a, _, b = an
        lo = a.lo if type(a) is Single else None
        hi = b.hi if type(b) is Single else None
        return EdtfDate(s, lo, hi, "interval",
                        *_flags([x for x in (a, b) if type(x) is Single]))
    los, his, parts = [], [], []
    for _, a, b_text, b in an[2]:
        b = a if b_text is None else b
        los.append(a.lo if a is not None else None)
        his.append(b.hi if b is not None else None)
        parts += [a, b]
    lo = None if None in los else min(los)
    hi = None if None in his else max(his)
    return EdtfDate(s, lo, hi, "set", *_flags(parts))


# --------------------------------------------------------------------------------------------
# Errors for text that is not EDTF, with a suggested rewrite where one can be guessed


def _not_edtf(part: str, col: int, extra_hint: str = "") -> DateError:
    hint = f"{extra_hint}; {_FORMAT_HINT}" if extra_hint else _FORMAT_HINT
    return _NotEdtf(f"'{part}' is not an EDTF date", col + _bad_column(part), hint)


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
_SEASON_WORDS = re.compile(r"(spring|summer|autumn|fall|winter),?(?: of)? ([0-9]{4})", re.I).fullmatch
_SEASON_NUMBERS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
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
    if m := _SEASON_WORDS(t):
        return f"{m[2]}-{_SEASON_NUMBERS[m[1].lower()]}"
    if m := _DECADE(t):
        return f"{m[1]}X"
    for match, shape in ((_CIRCA, "{}~"), (_BEFORE, "../{}"), (_AFTER, "{}/..")):
        if (m := match(t)) and type(r := _rewrite(m[1])) is str and r[-1] not in "?~%/":
            return shape.format(r)
    if m := _DATE_TIME(t):
        joined = t.replace(" ", "T", 1)
        return joined if _is_edtf(joined) else m[1]
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


def _pair_words(a: Single, b: Single) -> tuple[str, str]:
    """Words for two ends, sharing the month and year when both are plain: ('8', '11 August
    2022'), ('30 July', '2 August 2022'), ('March', 'May 2021')."""
    right = _single_words(b)
    if (a.plain and b.plain and a.year == b.year and (a.days is None) == (b.days is None)
            and a.months and b.months):
        if a.days is None:
            return _MONTHS[a.months[0]], right
        if a.months == b.months:
            return str(a.days[0]), right
        return f"{a.days[0]} {_MONTHS[a.months[0]]}", right
    return _single_words(a), right


def _same(a: Single, b: Single) -> bool:
    """Two ends that say the same (1985-04-12/1985-04-12): said once."""
    return a.text == b.text or (a.plain and b.plain and a.lo == b.lo and a.hi == b.hi)


def _words(an: tuple) -> str:
    kind = an[0]
    if kind == "single":
        return _single_words(an[1])
    if kind == "interval":
        _, _, a, _, b = an
        if type(a) is Single and type(b) is Single:
            return _single_words(a) if _same(a, b) else "between %s and %s" % _pair_words(a, b)
        if a == "..":
            return f"{_single_words(b)} or earlier"
        if a == "":
            return f"until {_single_words(b)}, start unknown"
        if b == "..":
            return f"{_single_words(a)} or later"
        return f"from {_single_words(a)}, end unknown"
    return _set_words(an[1] == "[", an[2])


def _set_words(one_of: bool, members: list) -> str:
    """'2021 or 2022', '1667, 1668 and 1670', 'one of: 1984 or earlier, 1990', 'all of:
    everything up to 1984, 1990'."""
    parts, plain, everything = [], True, False
    for _, a, b_text, b in members:
        if b_text is None or (a is not None and b is not None and _same(a, b)):
            parts.append(_single_words(a))
            continue
        plain = False
        everything = everything or not one_of and (a is None or b is None)
        if a is None:
            said = _single_words(b)
            parts.append(f"{said} or earlier" if one_of else f"everything up to {said}")
        elif b is None:
            said = _single_words(a)
            parts.append(f"{said} or later" if one_of else f"everything from {said} on")
        else:
            left, right = _pair_words(a, b)
            parts.append(left + ("–" if " " not in left else " – ") + right)
    if len(parts) == 1 and (plain or everything):
        return parts[0]
    if not plain:
        return ("one of: " if one_of else "all of: ") + ", ".join(parts)
    return ", ".join(parts[:-1]) + (" or " if one_of else " and ") + parts[-1]


def _year_spans(an: tuple) -> list[tuple[int, int]]:
    """(first, last) calendar years of each part an EDTF date can fall in."""
    kind = an[0]
    if kind == "single":
        pairs = [(an[1], an[1])]
    elif kind == "interval":
        _, _, a, _, b = an
        pairs = [(a, b)]
    else:
        pairs = [(a, a if b_text is None else b) for _, a, b_text, b in an[2]]
    spans = []
    for a, b in pairs:
        lo = a.lo if type(a) is Single else None
        hi = b.hi if type(b) is Single else None
        if lo is not None and hi is not None:
            spans.append((lo.year, hi.year))
        elif lo is not None or hi is not None:  # open at one end: the known end's years
            known = a if lo is not None else b
            if known.lo is not None:
                spans.append((known.lo.year, known.hi.year))
    return spans
