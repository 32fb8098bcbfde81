#!/usr/bin/env python3
"""Write a deterministic synthetic docket site of N letters, for benchmarks and stress tests.

    python bench/make_archive.py 10000 /tmp/arch10k [--seed 1] [--central 0.6] [--clean] [--verify]

The site follows docs/content-format.md: DIR/docket.toml plus DIR/content/{letters,people,
organizations,places,events,works}/<id>.md, each a Markdown file with YAML front-matter.

* Entities: people (~3 % of N, at least 5), organizations (~N/200, at least 3), places
  (~N/300, at least 3), events (~N/250, at least 2) and a handful of works, each with a
  name, aliases, a one-line description, EDTF dates, occasional authority ids and bodies;
  four places in five have coordinates (in Europe and around the Mediterranean), drawn
  from a generator of their own so that every other draw is as it was without them.
* Letters: ids ``l000123-<sender>-to-<recipient>``, numbered in date order; 300-1,500-word
  pseudo-text bodies (about 4 KB) from a fixed word list with headings, emphasis, lists,
  blockquotes, footnotes, https links and ``[[id]]`` / ``[[id|text]]`` cross-references,
  and now and then an entity named without a link (what ``docket check`` suggests linking);
  mentions, cites, ``in_reply_to`` threads between correspondents (always dated strictly
  after what they answer), every EDTF form of the format doc, about 1 % undated letters.
* ``--central F``: one person (the most frequent correspondent) writes or receives about
  the fraction F of the letters, as in a real archive built around one person; without
  it (F = 0) the output is what it always was.

Output depends only on N and --seed: one ``random.Random(seed)`` (and a second, seeded
from it, for the unlinked names alone), no clock, no set
iteration, so two runs give byte-identical trees. Front-matter is written by hand (not
yaml.dump) for speed and stable formatting; --verify re-reads every file with PyYAML's
safe loader and checks required fields, ids, references, EDTF dates, reply ordering,
footnotes and inline links. A one-line summary goes to stderr.
"""
from __future__ import annotations

import argparse
import bisect
import calendar
import datetime as dt
import itertools
import random
import re
import shutil
import sys
import time
import unicodedata
from pathlib import Path

KINDS = ("letters", "people", "organizations", "places", "events", "works")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 100

# --------------------------------------------------------------------------- word lists

WORDS = """
the of and to in a that is was for on with as by at from this which be have it not are
but or an were had their been has would there who all will more when one can so what
about into than them only other new some could time these two may then first any its
also after our most over such where between those each well through even much because
must good under while people same during year very before against however another many
upon state public matter council letter answer question reply request question meeting
reason present report account friend colleague minister committee office history
archive library record paper journal volume chapter edition copy draft notice message
treaty agreement peace conference delegation assembly congress society university
school church court city town river harbour island valley road bridge station market
winter spring summer autumn morning evening week month season journey voyage visit
return arrival departure health family brother sister mother father daughter son
house garden field harvest weather rain snow wind light season memory opinion hope
concern regret gratitude respect trust promise patience kindness courage doubt truth
difficult certain possible necessary important careful grateful sincere urgent recent
former latest early late long short small large great little whole entire general
particular private official formal personal common simple clear plain quiet busy
write read send receive answer consider discuss remember forget explain describe
arrange prepare publish print deliver forward enclose mention recommend propose
suggest accept decline agree refuse promise expect hope wish believe understand know
learn teach travel remain stay leave arrive return continue begin finish complete
still already soon again often never always perhaps indeed rather quite almost
nearly hardly certainly probably gladly kindly entirely further therefore meanwhile
otherwise accordingly nevertheless moreover yesterday today tomorrow here
""".split()

FIRST = """
Aisha Alma Anders Anna Arjun Astrid Beatrix Benedikt Bianca Camille Carlos Chiara Clara
Dalia Daniel Dmitri Elena Elias Emeka Erik Esther Farid Fatima Felix Freya Gabriel Greta
Hana Hugo Ida Ilse Imran Ines Isaac Ivan Jakob Jana Javier Johanna Jonas Julia Kaito
Karin Kasimir Laila Lars Lena Leon Lucia Magnus Maja Marek Maria Mateo Mira Nadia Nils
Noor Olga Oskar Paula Pedro Priya Rafael Rosa Ruth Samir Sara Selim Sofia Stefan Tarek
Teresa Tomas Ulla Vera Viktor Yara Yusuf Zofia José Zoë Łukasz Søren Ægir Émile Chloé
""".split()

LAST = """
Abbas Adler Alvarez Andersen Bauer Becker Berg Bianchi Brandt Carvalho Castillo Costa
Dahl Demir Duarte Eklund Engel Falk Ferreira Fischer Fontaine Frank Garcia Gomez Haas
Hansen Hartmann Hoffmann Horvat Ibrahim Ivanova Jansen Jovanovic Kaya Keller Klein Koch
Kovacs Kraus Lange Larsen Lehmann Lindqvist Lopez Marino Martens Meyer Moreau Nagy
Navarro Nielsen Novak Okafor Olsen Ortega Park Peters Petrov Popescu Quinn Ramos
Reyes Richter Rossi Sato Schmidt Schneider Silva Sousa Stein Svensson Takahashi
Torres Vargas Vogel Wagner Weber Wolf Yilmaz Zimmermann Müller Øvergaard Łęcki
O'Brien D'Angelo
""".split() + ["van der Berg", "de la Cruz", "al-Rashid", "von Holst", "ben Yosef"]

PLACE_A = "Var Ost Bel Kor Mar Tal Esk Dun Lin Bra Sel Hav Nor Ard Cal Ven Ril Tor Ash Wen Gal Ker".split()
PLACE_B = "holt mere ford stad burg ova ia enne wick dal port ano gard ham is vik lund ton".split()
PLACE_PRE = ["", "", "", "", "Port ", "New ", "Upper ", "Lower ", "San ", "Saint-"]
PLACE_SUF = ["", "", "", "", " Valley", " Islands", " Bay", " Heights", " Province"]

TOPICS = """Peace Education Letters Literature Archives Labour Public Health Maritime Trade
Rural Affairs Refugees Science Music Folklore Cartography Translation Memory Water
Forestry Printing Railways""".split()
ORG_NOUNS = ["Society", "Institute", "Committee", "Union", "Foundation", "Council",
             "League", "Association", "Academy", "Press", "Museum", "Order"]
ADJ = ["Free", "United", "Central", "Northern", "Southern", "Independent", "Royal",
       "Popular", "National", "Open", "Provisional", "Joint"]
EVENT_PAT = ["{p} Conference", "Signing of the {p} Accord", "{p} Floods", "{p} Strike",
             "Congress of {p}", "{p} Elections", "Siege of {p}", "{p} Summit",
             "Opening of the {p} Bridge", "{p} Festival", "{p} Talks"]
WORK_PAT = [("Treaty of {p}", "Treaty text as published."),
            ("The Book of {t}", "A devotional book; cited by chapter and verse."),
            ("Collected Essays on {t}", "Collection of essays."),
            ("Declaration on {t}", "Declaration adopted by a congress."),
            ("Charter of {p}", "Founding charter: articles and annexes."),
            ("A History of {p}", "Book; reprinted several times."),
            ("The {p} Chronicle", "Annalistic chronicle of the place."),
            ("Psalter of {p}", "Illuminated psalter; cited by folio."),
            ("Notes: On {t}", "Pamphlet, privately printed."),
            ("#{n} Almanac of {t}", "Yearly almanac # numbered issues."),
            ("Essays on {t}, Second Series", "Collection of essays."),
            ("Ledger of {p}", "Account book of the town council.")]
LANGS = ["en", "de", "fr", "es", "it", "ar", "fa", "ru", "tr", "pl", "no", "sv", "ja"]
DOMAINS = ["example.org", "example.com", "archive.example.net", "letters.example.edu"]
PUBLISHERS = ["The Correspondence Project", "Office of the Archivist",
              "Review: Letters and Papers", "Harbour Press #2", "'Open Letters' Collective",
              "Yes", "2024 Editions", "Civic Record: A Bulletin"]
DATE_NOTES = ["Dated in the letter.", "Date from the postmark.", "Dated from internal evidence: "
              "the meeting mentioned took place that week.", "The source gives only the month.",
              "Received date; the letter itself is undated.", "Dated by the editor # approx.",
              "Two dates are given in the source; see [[{ref}]].",
              "[Date] supplied by the publisher."]
NOTES = ["Known only from a mention in [[{ref}]].", "The letter is lost; its content is known "
         "from the reply.", "Mentioned by the recipient: the text was never published.",
         "*Not found* in the archive; listed in the register of outgoing letters."]

_TRANSLIT = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Æ": "Ae",
                           "æ": "ae", "đ": "d", "ı": "i", "Œ": "Oe", "œ": "oe"})
_CYR = str.maketrans(dict(zip("abcdefghijklmnoprstuvyzABCDEFGHIJKLMNOPRSTUVYZ",
                              "абцдефгхийклмнопрстувызАБЦДЕФГХИЙКЛМНОПРСТУВЫЗ")))

# --------------------------------------------------------------------------- YAML helpers

_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "="}
_PLAIN_BAD_START = set("-?:,[]{}#&*!|><'\"%@`+.~= \t0123456789")


def q(s: str, flow: bool = False) -> str:
    """A YAML scalar for s: plain when that is safe, else double-quoted."""
    if (not s or s[0] in _PLAIN_BAD_START or s[-1] in " \t:" or ": " in s or " #" in s
            or "\n" in s or "\t" in s or s.lower() in _YAML_WORDS
            or (flow and ("," in s or "[" in s or "]" in s or "{" in s or "}" in s
                          or ":" in s or "#" in s or "?" in s))):
        return ('"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\t", "\\t") + '"')
    return s


def qlist(items) -> str:
    return "[" + ", ".join(q(x, True) for x in items) + "]"


def qdate(s: str) -> str:
    """EDTF as the format doc writes it: plain, except a set, which would be a YAML list."""
    return '"' + s + '"' if s[0] == "[" else s


def slug(s: str, limit: int = MAX_ID) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_TRANSLIT))
    s = s.encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0] if "-" in s[:limit] else s[:limit]
    return s.strip("-")


# --------------------------------------------------------------------------- EDTF

D0 = dt.date(1990, 1, 1).toordinal()
D1 = dt.date(2024, 11, 30).toordinal()   # leaves room for intervals to end by 2024-12-31
NEG_INF, POS_INF = -(10 ** 9), 10 ** 9


def _iso(o: int) -> str:
    return dt.date.fromordinal(o).isoformat()


def _month_bounds(y: int, m: int):
    return dt.date(y, m, 1).toordinal(), dt.date(y, m, calendar.monthrange(y, m)[1]).toordinal()


# Letter date forms and their weights; the first len(FORMS) letters cycle through all of
# them so that even a small archive shows every form.
FORMS = [("day", 600), ("month", 90), ("year", 30), ("day?", 40), ("month~", 35),
         ("day%", 15), ("dayXX", 20), ("decadeX", 8), ("interval", 45), ("open_end", 8),
         ("open_start", 8), ("set", 20), ("month_interval", 12), ("undated", 10)]
FORM_NAMES = [f for f, _ in FORMS]
FORM_CUM = list(itertools.accumulate(w for _, w in FORMS))


def make_date(form: str, o: int, rng: random.Random):
    """(edtf string or None, lower ordinal, upper ordinal) for a letter around day o."""
    d = dt.date.fromordinal(o)
    y, m = d.year, d.month
    mlo, mhi = _month_bounds(y, m)
    if form == "day":
        return d.isoformat(), o, o
    if form == "month":
        return f"{y:04d}-{m:02d}", mlo, mhi
    if form == "year":
        return f"{y:04d}", dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    if form == "day?":
        return d.isoformat() + "?", o, o
    if form == "month~":
        return f"{y:04d}-{m:02d}~", mlo, mhi
    if form == "day%":
        return d.isoformat() + "%", o, o
    if form == "dayXX":
        return f"{y:04d}-{m:02d}-XX", mlo, mhi
    if form == "decadeX":
        dec = y - y % 10
        return f"{dec // 10:03d}X", dt.date(dec, 1, 1).toordinal(), dt.date(dec + 9, 12, 31).toordinal()
    if form == "interval":
        e = o + rng.randint(1, 30)
        return f"{d.isoformat()}/{_iso(e)}", o, e
    if form == "month_interval":
        m2 = m + rng.randint(1, 3)
        y2, m2 = y + (m2 - 1) // 12, (m2 - 1) % 12 + 1
        if y2 > 2024:
            y2, m2 = 2024, 12
        return f"{y:04d}-{m:02d}/{y2:04d}-{m2:02d}", mlo, _month_bounds(y2, m2)[1]
    if form == "open_end":
        return f"{y:04d}-{m:02d}/..", mlo, POS_INF
    if form == "open_start":
        return f"../{y:04d}-{m:02d}", NEG_INF, mhi
    if form == "set":
        e = o + rng.randint(1, 3)
        return f"[{d.isoformat()},{_iso(e)}]", o, e
    if form == "undated":
        return None, POS_INF, POS_INF
    raise ValueError(form)


def entity_date(rng: random.Random, o: int) -> str:
    """An EDTF date for an entity field (born, founded, start, ...)."""
    d = dt.date.fromordinal(o)
    r = rng.random()
    if r < 0.55:
        return d.isoformat()
    if r < 0.75:
        return f"{d.year:04d}"
    if r < 0.85:
        return f"{d.year:04d}-{d.month:02d}"
    if r < 0.92:
        return f"{d.year:04d}~"
    return d.isoformat() + "?"


_SINGLE_RE = re.compile(r"^(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?([?~%])?$")


def edtf_bounds(s: str):
    """(lo, hi) ordinals of an EDTF string of the forms this script writes; ValueError if bad."""
    if s.startswith("["):
        if not s.endswith("]"):
            raise ValueError(s)
        parts = [edtf_bounds(p) for p in s[1:-1].split(",")]
        if any(a[1] >= b[0] for a, b in zip(parts, parts[1:])):
            raise ValueError(f"set not in order: {s}")
        return parts[0][0], parts[-1][1]
    if "/" in s:
        a, b = s.split("/")
        lo = NEG_INF if a == ".." else edtf_bounds(a)[0]
        hi = POS_INF if b == ".." else edtf_bounds(b)[1]
        if a != ".." and b != ".." and (edtf_bounds(a)[0] > edtf_bounds(b)[0]
                                        or edtf_bounds(a)[1] > edtf_bounds(b)[1]):
            raise ValueError(f"interval not in order: {s}")
        if a == ".." and b == "..":
            raise ValueError(s)
        return lo, hi
    mo = _SINGLE_RE.match(s)
    if not mo:
        raise ValueError(f"not EDTF: {s!r}")
    ys, ms, ds, _ = mo.groups()
    ylo, yhi = int(ys.replace("X", "0")), int(ys.replace("X", "9"))
    if ms is None or ms == "XX":
        if ds is not None and ds != "XX":
            raise ValueError(s)
        return dt.date(ylo, 1, 1).toordinal(), dt.date(yhi, 12, 31).toordinal()
    if "X" in ys:
        raise ValueError(f"month with unspecified year: {s}")
    mi = int(ms)
    if not 1 <= mi <= 12:
        raise ValueError(f"bad month: {s}")
    lo, hi = _month_bounds(ylo, mi)
    if ds is None or ds == "XX":
        return lo, hi
    day = int(ds)
    if not 1 <= day <= calendar.monthrange(ylo, mi)[1]:
        raise ValueError(f"no such day: {s}")
    o = dt.date(ylo, mi, day).toordinal()
    return o, o


# --------------------------------------------------------------------------- entities

class Entity:
    __slots__ = ("id", "kind", "name", "short", "fields")

    def __init__(self, id_, kind, name, short, fields):
        self.id, self.kind, self.name, self.short, self.fields = id_, kind, name, short, fields


class Archive:
    def __init__(self, n: int, seed: int, central: float = 0.0):
        self.n, self.seed, self.central = n, seed, central
        self.rng = random.Random(seed)
        # a second stream for the names written without a link, so that everything the
        # first one draws is as it was before they were added
        self.names_rng = random.Random(f"unlinked names {seed}")
        self.ids: dict[str, str] = {}          # id -> kind, insertion-ordered
        self.ents: dict[str, list[Entity]] = {k: [] for k in KINDS[1:]}
        self.wc = 0

    # ---- ids
    def new_id(self, base: str, kind: str) -> str:
        base = slug(base, 60) or kind[:-1]
        cand, k = base, 2
        while cand in self.ids:
            cand, k = f"{base}-{k}", k + 1
        self.ids[cand] = kind
        return cand

    def rand_ord(self, lo_year: int, hi_year: int) -> int:
        return self.rng.randint(dt.date(lo_year, 1, 1).toordinal(), dt.date(hi_year, 12, 31).toordinal())

    def wikidata(self, fields: dict, p: float = 0.35):
        if self.rng.random() < p:
            fields["wikidata"] = f"Q{self.rng.randint(1000, 99999999)}"

    # ---- generation
    def make_entities(self):
        rng, n = self.rng, self.n
        n_people = max(5, round(n * 0.03))
        n_orgs = max(3, round(n / 200))
        n_places = max(3, round(n / 300))
        n_events = max(2, round(n / 250))
        n_works = max(5, min(12, 5 + n // 2000))

        used: dict[str, None] = {}
        places = self.ents["places"]
        for i in range(n_places):
            while True:
                name = (rng.choice(PLACE_PRE) + rng.choice(PLACE_A) + rng.choice(PLACE_B)
                        + rng.choice(PLACE_SUF))
                if name not in used or len(used) > 20 * n_places:
                    break
            used[name] = None
            f = {"aliases": [name.replace("Saint-", "St ") if "Saint-" in name else name.upper()]}
            if rng.random() < 0.2:
                f["aliases"].append(name.translate(_CYR))
            region = places[rng.randrange(len(places))].name if places and rng.random() < 0.5 else None
            kindword = rng.choice(["A town", "A port city", "A village", "A district", "A city",
                                   "An island group"])
            f["description"] = f"{kindword} in {region}." if region else f"{kindword}; a synthetic place."
            if rng.random() < 0.3:
                f["geonames"] = str(rng.randint(100000, 9999999))
            self.wikidata(f, 0.4)
            where = random.Random(f"coordinates-{i}")  # its own generator: the archive's draws stay as they were
            if where.random() < 0.8:
                f["coordinates"] = f"[{where.uniform(30, 62):.4f}, {where.uniform(-12, 45):.4f}]"
            e = Entity(self.new_id(name, "places"), "place", name, name, f)
            places.append(e)

        people = self.ents["people"]
        for i in range(n_people):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = f"{first} {last}"
            if name in used:
                name = f"{first} {rng.choice(FIRST)} {last}"
            if name in used:
                name = f"{first} {chr(65 + rng.randrange(26))}. {last}"
            used[name] = None
            f: dict = {}
            al = [f"{first[0]}. {last}", last]
            r = rng.random()
            if r < 0.15:
                al.append(f"{last}, {first}")
            elif r < 0.25:
                al.append(f'"{first[:3]}" {last}')
            elif r < 0.35:
                al.append(name.translate(_CYR))
            f["aliases"] = al
            role = rng.choice(["Historian", "Diplomat", "Poet", "Archivist", "Journalist",
                               "Physician", "Trade unionist", "Teacher", "Engineer", "Cleric",
                               "Translator", "Composer"])
            where = rng.choice(places).name
            f["description"] = (f"{role} from {where}." if rng.random() < 0.85
                                 else f"{role}: correspondent of several archives in {where}.")
            if rng.random() < 0.7:
                b = self.rand_ord(1900, 1985)
                f["born"] = entity_date(rng, b)
                if rng.random() < 0.35:
                    f["died"] = entity_date(rng, min(b + rng.randint(40 * 365, 95 * 365), D1))
            self.wikidata(f)
            if rng.random() < 0.05:
                f["viaf"] = str(rng.randint(10 ** 6, 10 ** 9))
            people.append(Entity(self.new_id(name, "people"), "person", name, last, f))

        orgs = self.ents["organizations"]
        for i in range(n_orgs):
            for _ in range(50):
                r = rng.random()
                p = rng.choice(places).name
                t = rng.choice(TOPICS)
                if r < 0.3:
                    name = f"{p} {t} {rng.choice(ORG_NOUNS)}"
                elif r < 0.55:
                    name = f"{rng.choice(ORG_NOUNS)} for {t}"
                elif r < 0.8:
                    name = f"{rng.choice(ADJ)} {rng.choice(ORG_NOUNS)} of {p}"
                else:
                    name = f"The {p} {t} Review"
                if name not in used:
                    break
            used[name] = None
            acro = "".join(w[0] for w in name.split() if w[0].isupper())
            f = {"aliases": [acro] if len(acro) > 1 else []}
            if rng.random() < 0.2:
                f["aliases"].append(name.replace(" of ", " in "))
            f["description"] = rng.choice(["Organization based in {p}.", "Publisher and society; "
                                           "{p} branch.", "Body concerned with {t}: founded locally.",
                                           "Association of {t} workers in {p}."]).format(p=p, t=t.lower())
            if rng.random() < 0.6:
                fo = self.rand_ord(1850, 2010)
                f["founded"] = entity_date(rng, fo)
                if rng.random() < 0.15:
                    f["dissolved"] = entity_date(rng, min(fo + rng.randint(3650, 40000), D1))
            self.wikidata(f, 0.3)
            orgs.append(Entity(self.new_id(name, "organizations"), "organization", name, acro or name, f))

        events = self.ents["events"]
        for i in range(n_events):
            p = rng.choice(places)
            name = rng.choice(EVENT_PAT).format(p=p.name)
            s = self.rand_ord(1985, 2024)
            s = min(s, D1)
            y = dt.date.fromordinal(s).year
            if name in used:
                name = f"{name} of {y}"
            if name in used:
                name = f"{name} ({i})"
            used[name] = None
            f = {"aliases": [f"{name} ({y})"] if rng.random() < 0.5 else []}
            f["description"] = f"Event at {p.name} in {y}."
            if rng.random() < 0.85:
                e = min(s + int(rng.random() ** 3 * 400), D1 + 31)
                if rng.random() < 0.5:
                    f["start"], f["end"] = _iso(s), _iso(e)
                else:
                    d1, d2 = dt.date.fromordinal(s), dt.date.fromordinal(e)
                    f["start"], f["end"] = f"{d1.year:04d}-{d1.month:02d}", f"{d2.year:04d}-{d2.month:02d}"
            else:
                f["start"] = f"{y:04d}~"
            pl = [p.id] + ([rng.choice(places).id] if rng.random() < 0.2 else [])
            f["places"] = list(dict.fromkeys(pl))
            self.wikidata(f, 0.25)
            events.append(Entity(self.new_id(name, "events"), "event", name, name, f))

        works = self.ents["works"]
        for i in range(n_works):
            pat, desc = WORK_PAT[i % len(WORK_PAT)]
            name = pat.format(p=rng.choice(places).name, t=rng.choice(TOPICS), n=rng.randint(1, 9))
            if name in used:
                name = f"{name} {i}"
            used[name] = None
            f = {"aliases": [name.split(" of ")[-1]] if " of " in name else []}
            f["description"] = desc
            if rng.random() < 0.8:
                f["date"] = entity_date(rng, self.rand_ord(1600, 2000))
            self.wikidata(f, 0.5)
            works.append(Entity(self.new_id(name, "works"), "work", name, name, f))

        # Zipf-like popularity, fixed per kind, for sampling senders and mentions.
        self.cum = {k: list(itertools.accumulate(1.0 / (i + 3) for i in range(len(v))))
                    for k, v in self.ents.items()}

    def pick(self, kind: str, k: int) -> list[Entity]:
        if k <= 0:
            return []
        got = self.rng.choices(self.ents[kind], cum_weights=self.cum[kind], k=k)
        return list({e.id: e for e in got}.values())

    # ---- entity files
    def entity_body(self, e: Entity) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return ""
        paras = []
        for _ in range(rng.randint(1, 2)):
            paras.append(self.paragraph(rng.randint(2, 4), refs=[self.any_entity()]))
        return "\n\n".join(paras) + "\n"

    def any_entity(self) -> Entity:
        kind = self.rng.choice(("people", "people", "organizations", "places", "events"))
        return self.rng.choice(self.ents[kind])

    def write_entity(self, root: Path, folder: str, e: Entity) -> int:
        f = e.fields
        out = ["---", f"name: {q(e.name)}"]
        if f.get("aliases"):
            out.append(f"aliases: {qlist(f['aliases'])}")
        out.append(f"description: {q(f['description'])}")
        for key in ("born", "died", "founded", "dissolved", "start", "end", "date"):
            if key in f:
                out.append(f"{key}: {qdate(f[key])}")
        if "places" in f:
            out.append(f"places: {qlist(f['places'])}")
        for key in ("wikidata", "viaf", "geonames"):
            if key in f:
                out.append(f"{key}: {q(f[key])}")
        if "coordinates" in f:
            out.append(f"coordinates: {f['coordinates']}")
        out.append("---")
        text = "\n".join(out) + "\n" + self.entity_body(e)
        data = text.encode("utf-8")
        with open(root / folder / f"{e.id}.md", "wb") as fh:
            fh.write(data)
        return len(data)

    # ---- pseudo-text
    def sentence(self, lo=6, hi=22, refs=(), link_p=0.0) -> str:
        rng = self.rng
        w = rng.choices(WORDS, k=rng.randint(lo, hi))
        self.wc += len(w)      # pseudo-words written, for body length targets
        r = rng.random()
        if r < 0.12:
            i = rng.randrange(1, len(w))
            w[i] = f"*{w[i]}*"
        elif r < 0.17:
            i = rng.randrange(1, len(w))
            w[i] = f"**{w[i]}**"
        if link_p and rng.random() < link_p:
            i = rng.randrange(1, len(w) - 1)
            url = f"https://{rng.choice(DOMAINS)}/{rng.choice(WORDS)}/{rng.randint(1, 9999)}"
            w[i:i + 2] = [f"[{' '.join(w[i:i + 2])}]({url})"]
        if refs and rng.random() < 0.5:
            e = rng.choice(refs)
            i = rng.randrange(1, len(w)) if len(w) > 1 else 0
            w.insert(i, f"[[{e.id}]]" if rng.random() < 0.5 else f"[[{e.id}|{e.short}]]")
        s = " ".join(w)
        return s[0].upper() + s[1:] + rng.choice("......?!")

    def paragraph(self, n_sent: int, refs=(), link_p=0.05) -> str:
        return " ".join(self.sentence(refs=refs, link_p=link_p) for _ in range(n_sent))

    def letter_body(self, target_words: int, refs: list[Entity], letter_refs: list[str],
                    greet: Entity, sign: Entity, footnotes: int, excerpts: bool) -> str:
        rng = self.rng
        blocks: list[str] = []
        if rng.random() < 0.6:
            blocks.append(f"Dear [[{greet.id}|{greet.name}]],")
        fn_next, fn_defs = 1, []
        start_wc = self.wc
        headings = rng.random() < 0.25
        while self.wc - start_wc < target_words:
            r = rng.random()
            if headings and r < 0.08:
                blocks.append("## " + " ".join(rng.choices(WORDS, k=rng.randint(2, 5))).capitalize())
                continue
            if r < 0.14:
                items = [self.sentence(3, 10, refs) for _ in range(rng.randint(2, 5))]
                if rng.random() < 0.5:
                    blocks.append("\n".join(f"- {it}" for it in items))
                else:
                    blocks.append("\n".join(f"{k}. {it}" for k, it in enumerate(items, 1)))
                continue
            if r < 0.20:
                p = self.paragraph(rng.randint(1, 3), refs)
                blocks.append("> " + p)
                continue
            if excerpts and r < 0.24:
                blocks.append("[…]")
                continue
            p = self.paragraph(rng.randint(2, 5), refs)
            if letter_refs and rng.random() < 0.1:
                s = self.sentence(4, 9)
                p += f" As in [[{rng.choice(letter_refs)}]], {s[0].lower()}{s[1:]}"
            p += self.unlinked_name()
            if fn_next <= footnotes and rng.random() < 0.4:
                p += f"[^{fn_next}]"
                fn_defs.append(f"[^{fn_next}]: {self.sentence(5, 15, refs, link_p=0.3)}")
                fn_next += 1
            blocks.append(p)
        if rng.random() < 0.6:
            blocks.append(f"{rng.choice(['Yours sincerely', 'With respect', 'Cordially', 'Yours'])},  \n"
                          f"{sign.name}")
        blocks.extend(fn_defs)
        return "\n\n".join(blocks) + "\n"

    def unlinked_name(self) -> str:
        """Now and then a sentence naming an entity without a link, as letters do: what
        ``docket check`` suggests linking. Drawn from its own stream (``names_rng``)."""
        names = self.names_rng
        if names.random() >= 0.15:
            return ""
        kind = names.choice(("people", "people", "organizations", "places", "events"))
        entity = names.choice(self.ents[kind])
        return f" {names.choice(('So', 'As', 'Then'))} {entity.name} {names.choice(WORDS)}."

    # ---- letters
    def make_letters(self):
        """Plan every letter (date, correspondents), then number them in date order."""
        rng, n = self.rng, self.n
        people = self.ents["people"]
        n_pairs = max(3, n // 6)
        pairs = []
        for _ in range(n_pairs):
            a = self.pick("organizations" if rng.random() < 0.1 else "people", 1)[0]
            b = self.pick("people", 1)[0]
            if b.id == a.id:
                b = people[(people.index(b) + 1) % len(people)]
            start = rng.randint(D0, D1 - 30)
            span = int(365 * (1 + rng.random() * 9))
            pairs.append((a, b, start, min(start + span, D1)))
        pair_cum = list(itertools.accumulate(1.0 / (i + 2) ** 0.6 for i in range(n_pairs)))
        plan = []
        for i in range(n):
            pi = bisect.bisect_left(pair_cum, rng.random() * pair_cum[-1])
            a, b, s, e = pairs[pi]
            if self.central and rng.random() < self.central:
                # the central person takes one side of the pair; its replies keep apart
                hub = people[0]
                a, b = hub, (b if b.id != hub.id else a)
                if b.id == hub.id:
                    b = people[1]
                s, e, pi = D0, D1, pi + n_pairs
            if i < len(FORM_NAMES):
                form = FORM_NAMES[i]
            else:
                form = FORM_NAMES[bisect.bisect_right(FORM_CUM, rng.randrange(FORM_CUM[-1]))]
            ds, lo, hi = make_date(form, rng.randint(s, e), rng)
            forward = rng.random() < 0.5 if a.kind == "person" else rng.random() < 0.8
            sender, rcpt = (a, b) if forward else (b, a)
            if sender.kind == "organization" and rcpt.kind == "organization":
                sender, rcpt = a, b
            plan.append((lo, hi, i, ds, pi, sender, rcpt))
        # number in date order: by lower bound (upper bound for "../x"); undated last
        plan.sort(key=lambda t: (t[0] if t[0] > NEG_INF else t[1], t[1], t[2]))
        self.plan = plan
        self.letter_ids = []
        for k, (lo, hi, i, ds, pi, sender, rcpt) in enumerate(plan, 1):
            head = f"l{k:06d}-"
            lid = f"{head}{slug(sender.id, 44)}-to-{slug(rcpt.id, 44)}"
            assert len(lid) <= MAX_ID and ID_RE.match(lid) and lid not in self.ids, lid
            self.ids[lid] = "letters"
            self.letter_ids.append(lid)

    def write_letters(self, root: Path) -> int:
        rng = self.rng
        total = 0
        history: dict[int, list[tuple[int, int, str]]] = {}   # pair -> [(hi, idx, sender id)]
        for k, (lo, hi, _i, ds, pi, sender, rcpt) in enumerate(self.plan):
            lid = self.letter_ids[k]
            recipients = [rcpt]
            extra = rng.random()
            if extra < 0.15:
                for e in self.pick("people", 1 if extra < 0.11 else 2):
                    if e.id != sender.id and all(e.id != r.id for r in recipients):
                        recipients.append(e)
            # reply threading: answer an earlier letter of the same pair dated strictly before
            replies: list[str] = []
            hist = history.setdefault(pi, [])
            if ds is not None and lo > NEG_INF and hist and rng.random() < 0.55:
                for phi, pk, psender in reversed(hist[-6:]):
                    if phi < lo and (psender != sender.id or rng.random() < 0.15):
                        replies.append(self.letter_ids[pk])
                        if len(replies) == 2 or rng.random() < 0.95:
                            break
            if ds is not None:
                hist.append((hi, k, sender.id))

            r = rng.random()
            text = "full" if r < 0.7 else "excerpts" if r < 0.82 else "summary" if r < 0.92 else "mentioned"
            m_people = [e for e in self.pick("people", rng.randint(0, 5))
                        if e.id != sender.id and all(e.id != x.id for x in recipients)]
            m_orgs = self.pick("organizations", rng.choice((0, 0, 1, 1, 2, 3)))
            m_places = self.pick("places", rng.choice((0, 1, 1, 2, 3)))
            m_events = self.pick("events", rng.choice((0, 0, 0, 1, 1, 2)))
            m_works = self.pick("works", 1) if rng.random() < 0.05 else []
            cites = self.pick("works", rng.randint(1, 2)) if rng.random() < 0.08 else []

            out = ["---"]
            if rng.random() < 0.05:
                out.append("kind: letter")
            if rng.random() < 0.1:
                out.append(f"title: {q(sender.name + ' to ' + rcpt.name + rng.choice(['', ': on the ' + rng.choice(WORDS), ' #' + str(k)]))}")
            if ds is not None:
                out.append(f"date: {qdate(ds)}")
                if ds[-1] in "?~%X]" or "/" in ds or rng.random() < 0.05:
                    if rng.random() < 0.5:
                        note = rng.choice(DATE_NOTES)
                        out.append("date_note: " + q(note.format(ref=self.letter_ids[rng.randrange(len(self.letter_ids))])))
            out.append(f"senders: {qlist([sender.id])}" if rng.random() < 0.8 else f"senders: {q(sender.id)}")
            out.append(f"recipients: {qlist([e.id for e in recipients])}")
            if rng.random() < 0.3:
                out.append(f"place_sent: {q(rng.choice(self.ents['places']).id)}")
            if rng.random() < 0.1:
                out.append(f"place_received: {q(rng.choice(self.ents['places']).id)}")
            if rng.random() < 0.2:
                lang = rng.choice(LANGS)
                out.append(f"language: {q(lang)}")
                if rng.random() < 0.5:
                    out.append(f"original_language: {q(rng.choice([x for x in LANGS if x != lang]))}")
            out.append(f"text: {text}")
            if replies:
                out.append(f"in_reply_to: {qlist(replies)}")
            mentions = [("people", m_people), ("organizations", m_orgs), ("places", m_places),
                        ("events", m_events), ("works", m_works)]
            if any(v for _, v in mentions):
                out.append("mentions:")
                for key, v in mentions:
                    if v:
                        out.append(f"  {key}: {qlist([e.id for e in v])}")
            if cites:
                out.append("cites:")
                for w in cites:
                    ref = rng.choice([f"{rng.randint(1, 114)}:{rng.randint(1, 99)}",
                                      f"art. {rng.randint(1, 60)}", f"ch. {rng.randint(1, 30)}, §{rng.randint(1, 9)}",
                                      f"p. {rng.randint(1, 600)}", f"{rng.randint(1, 40)}.{rng.randint(1, 20)}"])
                    item = f"  - {{work: {q(w.id, True)}, ref: {q(ref, True)}"
                    if rng.random() < 0.5:
                        item += f", note: {q(rng.choice(['Quoted in full', 'Paraphrase, not quoted', 'Cited: loosely']), True)}"
                    out.append(item + "}")
            out.append("source:")
            src_title = " ".join(rng.choices(WORDS, k=rng.randint(3, 8))).capitalize()
            r = rng.random()
            if r < 0.15:
                src_title += ": " + " ".join(rng.choices(WORDS, k=3))
            elif r < 0.2:
                src_title = "\u201c" + src_title + "\u201d"
            elif r < 0.23:
                src_title = "[" + src_title + "]"
            if rng.random() < 0.97:
                out.append(f"  title: {q(src_title)}")
                if rng.random() < 0.2:
                    out.append(f"  lead: {q(self.sentence(8, 20))}")
            if rng.random() < 0.7 and self.ents["organizations"]:
                org = self.pick("organizations", 1)[0]
                out.append(f"  publisher: {q(org.name)}")
                if rng.random() < 0.6:
                    out.append(f"  publisher_id: {q(org.id)}")
            else:
                out.append(f"  publisher: {q(rng.choice(PUBLISHERS))}")
            out.append(f"  url: https://{rng.choice(DOMAINS)}/letters/{k + 1}-{rng.randint(100, 999)}")
            if rng.random() < 0.8:
                base = hi if hi < POS_INF else (lo if lo > NEG_INF else D0)
                pub = min(max(base, D0) + rng.randint(0, 3000), D1 + 31)
                out.append(f"  published: {_iso(pub) if rng.random() < 0.8 else dt.date.fromordinal(pub).strftime('%Y-%m')}")
            if rng.random() < 0.2:
                a = rng.randint(1, 40)
                out.append(f"  location: paragraphs {a}\u2013{a + rng.randint(1, 9)}")
            out.append(f"summary: {q(self.sentence(8, 24))}")
            if text == "mentioned":
                out.append("note: " + q(rng.choice(NOTES).format(ref=self.letter_ids[max(0, k - 1)] if k else lid)))
            elif rng.random() < 0.05:
                out.append(f"note: {q(self.sentence(6, 16))}")
            out.append("---")
            if text == "mentioned":
                body = ""
            else:
                refs = [sender] + recipients + m_people + m_orgs + m_places + m_events
                earlier = [self.letter_ids[rng.randrange(k)] for _ in range(2)] if k and rng.random() < 0.15 else []
                if replies:
                    earlier.append(replies[0])
                target = 300 + int(1000 * rng.random() ** 5)
                body = self.letter_body(target, refs, earlier, rcpt, sender,
                                        rng.randint(1, 3) if rng.random() < 0.2 else 0,
                                        text == "excerpts")
            data = ("\n".join(out) + "\n" + body).encode("utf-8")
            with open(root / "letters" / f"{lid}.md", "wb") as fh:
                fh.write(data)
            total += len(data)
        return total

    def write(self, site: Path) -> tuple[int, int]:
        root = site / "content"
        for k in KINDS:
            (root / k).mkdir(parents=True, exist_ok=True)
        toml = (f"# Synthetic archive written by bench/make_archive.py {self.n} --seed {self.seed}\n"
                f'title = "Synthetic letters ({self.n} letters, seed {self.seed})"\n'
                f'base_url = "https://example.org/"\n'
                f'language = "en"\n')
        (site / "docket.toml").write_bytes(toml.encode())
        total = len(toml)
        self.make_entities()
        self.make_letters()
        n_ent = 0
        for folder in KINDS[1:]:
            for e in self.ents[folder]:
                total += self.write_entity(root, folder, e)
                n_ent += 1
        letter_bytes = self.write_letters(root)
        return n_ent, total + letter_bytes, letter_bytes


# --------------------------------------------------------------------------- verify

def verify(site: Path) -> list[str]:
    """Re-read every file with PyYAML's safe loader; return a list of problems."""
    import yaml
    Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        from edtf import parse_edtf
    except ImportError:     # pragma: no cover - optional cross-check
        parse_edtf = None
    errs: list[str] = []
    root = site / "content"
    edtf_cache: dict[str, tuple[int, int]] = {}
    lib_checked: dict[str, None] = {}
    forms_seen: dict[str, None] = {}

    def err(rid, msg):
        if len(errs) < 200:
            errs.append(f"{rid}: {msg}")

    def as_edtf(rid, key, v):
        if isinstance(v, dt.date):
            v = v.isoformat()
        elif isinstance(v, int) and not isinstance(v, bool):
            v = str(v)
        if not isinstance(v, str):
            err(rid, f"{key} is not an EDTF string: {v!r}")
            return None
        if v not in edtf_cache:
            try:
                edtf_cache[v] = edtf_bounds(v)
                shape = re.sub(r"\d", "9", v)
                if parse_edtf is not None and shape not in lib_checked:
                    parse_edtf(v)     # slow (pyparsing): one cross-check per shape
                    lib_checked[shape] = None
            except Exception as ex:    # noqa: BLE001
                err(rid, f"{key} {v!r}: {ex}")
                return None
        return edtf_cache[v]

    inline = re.compile(r"\[\[([^\]|]+)(?:\|[^\]]+)?\]\]")
    fn_ref, fn_def = re.compile(r"\[\^(\d+)\](?!:)"), re.compile(r"^\[\^(\d+)\]:", re.M)
    # ids first (from file names), so that bodies can be checked and dropped one by one
    files: list[tuple[str, str, Path]] = []
    all_ids: dict[str, str] = {}
    for folder in KINDS:
        for p in sorted((root / folder).iterdir()):
            rid = p.name[:-3]
            if not p.name.endswith(".md"):
                err(p.name, "not a .md file")
                continue
            if not ID_RE.match(rid) or len(rid) > MAX_ID:
                err(rid, "bad id")
            if rid in all_ids:
                err(rid, "duplicate id")
            all_ids[rid] = folder
            files.append((folder, rid, p))
    def ids_of(rid, v, kinds, key):
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            err(rid, f"{key} is not a list of ids: {v!r}")
            return []
        for x in v:
            if x not in all_ids:
                err(rid, f"{key}: unknown id {x}")
            elif all_ids[x] not in kinds:
                err(rid, f"{key}: {x} is a {all_ids[x]} record")
        return v

    date_keys = {"people": ("born", "died"), "organizations": ("founded", "dissolved"),
                 "events": ("start", "end"), "works": ("date",), "places": ()}
    letter_bounds: dict[str, object] = {}     # letter id -> (lo, hi), or None if undated/bad
    replies: list[tuple[str, list[str]]] = []

    def check(rid: str, folder: str, fm: dict, has_body: bool) -> None:
            if folder != "letters":
                for key in ("name", "description"):
                    if not isinstance(fm.get(key), str) or not fm[key]:
                        err(rid, f"{key} missing or not a string")
                if "description" in fm and "\n" in str(fm["description"]):
                    err(rid, "description not one line")
                al = fm.get("aliases", [])
                if not isinstance(al, list) or not all(isinstance(a, str) for a in al):
                    err(rid, f"aliases not a list of strings: {al!r}")
                for key in ("wikidata", "viaf", "geonames"):
                    if key in fm and not isinstance(fm[key], str):
                        err(rid, f"{key} not a string")
                bounds = [as_edtf(rid, k, fm[k]) for k in date_keys[folder] if k in fm]
                if len(bounds) == 2 and all(bounds) and bounds[0][0] > bounds[1][1]:
                    err(rid, "dates out of order")
                if "places" in fm:
                    ids_of(rid, fm["places"], ("places",), "places")
                return
            if fm.get("kind", "letter") != "letter":
                err(rid, f"kind {fm.get('kind')!r}")
            if fm.get("text") not in ("full", "excerpts", "summary", "mentioned"):
                err(rid, f"text {fm.get('text')!r}")
            if not ids_of(rid, fm.get("senders"), ("people", "organizations"), "senders"):
                err(rid, "no senders")
            if not ids_of(rid, fm.get("recipients"), ("people", "organizations"), "recipients"):
                err(rid, "no recipients")
            for key in ("place_sent", "place_received"):
                if key in fm:
                    ids_of(rid, fm[key], ("places",), key)
            for key in ("language", "original_language", "title", "summary", "date_note", "note"):
                if key in fm and not isinstance(fm[key], str):
                    err(rid, f"{key} not a string: {fm[key]!r}")
            src = fm.get("source")
            if not isinstance(src, dict) or not (src.get("title") or src.get("url")):
                err(rid, "source without title or url")
            else:
                for key in ("title", "lead", "publisher", "url", "location"):
                    if key in src and not isinstance(src[key], str):
                        err(rid, f"source.{key} not a string: {src[key]!r}")
                if "url" in src and not str(src["url"]).startswith(("https://", "http://")):
                    err(rid, "source.url not http(s)")
                if "publisher_id" in src:
                    ids_of(rid, src["publisher_id"], ("organizations",), "source.publisher_id")
                if "published" in src:
                    as_edtf(rid, "source.published", src["published"])
            for key, v in (fm.get("mentions") or {}).items():
                if key not in KINDS[1:]:
                    err(rid, f"mentions.{key}")
                else:
                    ids_of(rid, v, (key,), f"mentions.{key}")
            for c in fm.get("cites", []) or []:
                if not isinstance(c, dict) or not isinstance(c.get("ref", ""), str):
                    err(rid, f"bad cite {c!r}")
                else:
                    ids_of(rid, c.get("work"), ("works",), "cites.work")
            if fm.get("text") == "mentioned":
                if has_body:
                    err(rid, "mentioned letter with a body")
                if not fm.get("note"):
                    err(rid, "mentioned letter without a note")
            elif not has_body:
                err(rid, "empty body")
            own = None
            if "date" in fm:
                own = as_edtf(rid, "date", fm["date"])
                v = fm["date"]
                s = v.isoformat() if isinstance(v, dt.date) else str(v)
                forms_seen[re.sub(r"\d", "9", s)] = None
            else:
                forms_seen["undated"] = None
            letter_bounds[rid] = own
            replies.append((rid, ids_of(rid, fm.get("in_reply_to", []), ("letters",), "in_reply_to")))

    for folder, rid, p in files:
        text = p.read_text(encoding="utf-8")
        if not text.startswith("---\n") or "\n---\n" not in text[3:]:
            err(rid, "no front-matter fences")
            continue
        end = text.index("\n---\n", 3)
        try:
            fm = yaml.load(text[4:end + 1], Loader=Loader)
        except (yaml.YAMLError, ValueError) as ex:   # ValueError: e.g. a plain 2021-02-30
            err(rid, f"YAML: {ex}")
            continue
        if not isinstance(fm, dict):
            err(rid, "front-matter is not a mapping")
            continue
        body = text[end + 5:]
        for m in inline.finditer(body + "\n" + str(fm.get("note", "")) + str(fm.get("date_note", ""))):
            if m.group(1) not in all_ids:
                err(rid, f"inline link to unknown id {m.group(1)}")
        refs, defs = set(fn_ref.findall(body)), set(fn_def.findall(body))
        if refs != defs:
            err(rid, f"footnotes {sorted(refs)} vs definitions {sorted(defs)}")
        check(rid, folder, fm, bool(body.strip()))
    n_letters = len(letter_bounds)
    for rid, parents in replies:
        own = letter_bounds[rid]
        for parent in parents:
            if parent in letter_bounds:      # unknown ids are reported by ids_of
                pb = letter_bounds[parent]
                if own is None or pb is None or not pb[1] < own[0]:
                    err(rid, f"replies to {parent}, which is not dated strictly before it")
    need = ["9999-99-99", "9999-99", "9999", "9999-99-99?", "9999-99~", "9999-99-99%",
            "9999-99-XX", "999X", "9999-99-99/9999-99-99", "9999-99/..", "../9999-99",
            "[9999-99-99,9999-99-99]", "9999-99/9999-99", "undated"]
    if n_letters >= len(FORM_NAMES):
        for f in need:
            if f not in forms_seen:
                errs.append(f"no letter with a date of the form {f}")
    return errs


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description="Write a deterministic synthetic docket site of N letters into DIR "
                    "(DIR/docket.toml and DIR/content/...), following docs/content-format.md.",
        epilog="Same N and --seed give byte-identical files.")
    ap.add_argument("n", metavar="N", type=int, help="number of letters (>= 1)")
    ap.add_argument("dir", metavar="DIR", type=Path, help="site folder to write")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    ap.add_argument("--central", type=float, default=0.0, metavar="F",
                    help="one person writes or receives about the fraction F of the letters "
                         "(default: 0, no central correspondent)")
    ap.add_argument("--clean", action="store_true",
                    help="delete DIR/content and DIR/docket.toml first if they exist")
    ap.add_argument("--verify", action="store_true",
                    help="re-read every written file with PyYAML safe_load and check it")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be at least 1")
    content = a.dir / "content"
    if content.exists() and any(content.iterdir()):
        if not a.clean:
            ap.error(f"{content} exists and is not empty; pass --clean to replace it")
        shutil.rmtree(content)
    if a.clean and (a.dir / "docket.toml").exists():
        (a.dir / "docket.toml").unlink()
    a.dir.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    if not 0 <= a.central <= 1:
        ap.error("--central must be between 0 and 1")
    arch = Archive(a.n, a.seed, a.central)
    n_ent, total, letter_bytes = arch.write(a.dir)
    secs = time.perf_counter() - t0
    print(f"make_archive: {a.n} letters, {n_ent} entities, {total} bytes "
          f"({letter_bytes // a.n} bytes/letter), {secs:.2f} s -> {a.dir}", file=sys.stderr)
    if a.verify:
        t1 = time.perf_counter()
        errs = verify(a.dir)
        for e in errs[:50]:
            print(f"verify: {e}", file=sys.stderr)
        print(f"verify: {'FAILED, ' + str(len(errs)) + ' problem(s)' if errs else 'ok'}, "
              f"{time.perf_counter() - t1:.2f} s", file=sys.stderr)
        return 1 if errs else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
