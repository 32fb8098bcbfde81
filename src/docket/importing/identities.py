"""Authority ids as catalogues write them: URLs or bare ids, into docket's normal form.

A cell or ``@ref`` may give a GND, VIAF, Wikidata or GeoNames URL (kept as the bare id in
the entity's field of that name), a bare id (a Wikidata ``Q…``; digits are GND for people
and organizations, as csv2cmi reads them, and GeoNames for places), or any other http(s)
URL — a Library of Congress or project page — which is kept under ``extra.same_as`` and
still serves to recognise the entity next time.
"""

from __future__ import annotations

import re

from docket.archive.authorities import AUTHORITIES, identify, normalise
from docket.importing.records import EntryProblem

_URL = re.compile(r"https?://\S+\Z", re.I)
#: a GND id with a hyphenated check digit: a record of the old subject and corporate-body
#: files, never of a person
_GND_CORPORATE = re.compile(r"[0-9]+-[0-9X]\Z")
EXAMPLE = "e.g. https://d-nb.info/gnd/118584138, https://www.wikidata.org/wiki/Q42 or https://www.geonames.org/2911522"


def read_refs(text: str, place: bool, what: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """The ``(authority, id)`` pairs and other URLs in ``text`` (ids separated by spaces)."""
    authority: list[tuple[str, str]] = []
    same_as: list[str] = []
    for token in text.split():
        known = identify(token)
        if known:
            authority.append(known)
        elif bare := _bare(token, place):
            authority.append(bare)
        elif _URL.match(token):
            same_as.append(token)
        else:
            raise EntryProblem(f"{what}: '{token}' is not an authority id", f"give a GND, VIAF, Wikidata or GeoNames URL or id, {EXAMPLE}")
    return tuple(dict.fromkeys(authority)), tuple(dict.fromkeys(same_as))


def _bare(token: str, place: bool) -> tuple[str, str] | None:
    if token[:1] in "Qq" and AUTHORITIES["wikidata"][0].match(token.upper()):
        return "wikidata", token.upper()
    authority = "geonames" if place else "gnd"
    normal = normalise(authority, token)
    if normal is None or not any(c.isdigit() for c in normal):
        return None
    return authority, normal


def corporate(authority: tuple[tuple[str, str], ...]) -> bool:
    """Whether a correspondent's ids say it is an organization rather than a person."""
    return any(name == "gnd" and _GND_CORPORATE.match(value) for name, value in authority)
