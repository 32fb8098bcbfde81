"""Authority ids (GND, VIAF, Wikidata, GeoNames): the one normal form, read from ids or URLs.

Catalogues and CMIF files give an authority id as a URL (``https://d-nb.info/gnd/118584138``,
``http://www.geonames.org/2911522/berlin.html``); editors often paste the same. docket keeps
one form, the bare id (``118584138``), so that two spellings of one id are one id: the build
reads either and normalises on read, and the importer writes the bare id.
"""

from __future__ import annotations

import re

#: authority file -> (pattern of a valid bare id, example)
AUTHORITIES: dict[str, tuple[re.Pattern[str], str]] = {
    "wikidata": (re.compile(r"Q[1-9][0-9]*\Z"), "Q57336"),
    "viaf": (re.compile(r"[1-9][0-9]{0,21}\Z"), "111154736"),
    "gnd": (re.compile(r"[0-9X-]{4,15}\Z"), "118559605"),
    "geonames": (re.compile(r"[1-9][0-9]{0,9}\Z"), "112931"),
}

#: authority file -> the URLs it publishes its ids at; group 1 is the id
_TAIL = r"(?:[/?#].*)?\Z"
AUTHORITY_URLS: dict[str, re.Pattern[str]] = {
    "wikidata": re.compile(r"https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/(Q[0-9]+)" + _TAIL, re.I),
    "viaf": re.compile(r"https?://(?:www\.)?viaf\.org/viaf/([0-9]+)" + _TAIL, re.I),
    "gnd": re.compile(r"https?://(?:d-nb\.info|lobid\.org)/gnd/([0-9X-]+)" + _TAIL, re.I),
    "geonames": re.compile(r"https?://(?:www\.|sws\.)?geonames\.org/([0-9]+)" + _TAIL, re.I),
}
#: how each id is shown as a URL, e.g. in the hint for a wrong one
URL_EXAMPLES = {
    "wikidata": "https://www.wikidata.org/wiki/Q57336",
    "viaf": "https://viaf.org/viaf/111154736",
    "gnd": "https://d-nb.info/gnd/118559605",
    "geonames": "https://www.geonames.org/112931",
}


def normalise(authority: str, value: str) -> str | None:
    """The bare id that ``value`` (a bare id or one of the authority's URLs) names, or None."""
    pattern, _ = AUTHORITIES[authority]
    text = value.strip()
    found = AUTHORITY_URLS[authority].match(text)
    if found:
        text = found.group(1)
    return text if pattern.match(text) else None


def identify(value: str) -> tuple[str, str] | None:
    """``(authority, bare id)`` for a URL of any of the four authorities, or None."""
    text = value.strip()
    for authority, url in AUTHORITY_URLS.items():
        found = url.match(text)
        if found and AUTHORITIES[authority][0].match(found.group(1)):
            return authority, found.group(1)
    return None
