"""Dates as catalogues write them, turned into docket's EDTF.

A csv2cmi sheet holds ISO dates with csv2cmi's extensions of EDTF: ``X/`` (on or after X),
``/X`` (on or before X) and, from its first versions, ``[X]`` for a date the editors
inferred. CMIF gives ``@when``, ``@from``/``@to`` and ``@notBefore``/``@notAfter`` (each
YYYY, YYYY-MM or YYYY-MM-DD) and ``@cert``. Whatever comes out is read back with
``archive.dates.parse``, so that an imported letter's date is one ``docket check`` accepts.
"""

from __future__ import annotations

import re

from docket.archive import dates
from docket.importing.records import EntryProblem

ISO = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")
CMIF_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1810-07-18"
#: what an inferred ``[X]`` becomes, by the qualifier X already has
_INFERRED = {"": "?", "?": "?", "~": "%", "%": "%"}


def checked(text: str, what: str) -> str:
    """``text`` if docket reads it as EDTF; otherwise an EntryProblem naming ``what``."""
    try:
        dates.parse(text)
    except dates.DateError as exc:
        raise EntryProblem(f"{what}: {exc.message}", exc.hint) from None
    return text


def from_sheet(cell: str, column: str) -> str:
    """A csv2cmi date cell as EDTF ("" when empty)."""
    text = cell.strip()
    if not text:
        return ""
    if text.startswith("[") and text.endswith("]") and "," not in text and ".." not in text:
        inner = text[1:-1].strip()
        qualifier = inner[-1] if inner[-1:] in "?~%" else ""
        text = inner.rstrip("?~%") + _INFERRED[qualifier]
    elif text.count("/") == 1 and text.endswith("/"):
        text = text[:-1] + "/.."
    elif text.count("/") == 1 and text.startswith("/"):
        text = ".." + text
    return checked(text, column)


def from_cmif(attrs: dict[str, str]) -> str:
    """A CMIF ``<date>``'s attributes as EDTF ("" when it has no machine-readable date)."""
    values = {}
    for name in ("when", "from", "to", "notBefore", "notAfter"):
        value = attrs.get(name, "").strip()
        if value and not ISO.match(value):
            raise EntryProblem(f"date/@{name}: '{value}' is not a CMIF date", f"write it as {CMIF_FORMS}")
        values[name] = value
    mark = "?" if attrs.get("cert", "").strip() in ("low", "medium") else ""
    if values["when"]:
        return checked(values["when"] + mark, "date/@when")
    start = values["from"] or values["notBefore"]
    end = values["to"] or values["notAfter"]
    if start and end:
        text = start + mark if start == end else f"{start}{mark}/{end}{mark}"
    elif start:
        text = f"{start}{mark}/.."
    elif end:
        text = f"../{end}{mark}"
    else:
        return ""
    return checked(text, "date")


def letter_date(sent: str, received: str) -> tuple[str, str]:
    """The letter's date and a note on it, from the dates it was sent and received.

    A letter known only by its receipt was written on or before that day; one sent on or
    after a day and received on another was written between the two.
    """
    if not received:
        return sent, ""
    parsed = dates.parse(received)
    if sent.endswith("/..") and parsed.latest is not None:  # on or after X, received by Y
        return checked(f"{sent[:-3]}/{parsed.latest.isoformat()}", "date"), f"Received: {parsed.display()}."
    if sent:
        return sent, f"Received: {parsed.display()}."
    if parsed.latest is None:
        return "", f"Received: {parsed.display()}."
    plain = received if ISO.match(received) else parsed.latest.isoformat()
    return checked(f"../{plain}", "date"), f"Dated by its receipt: received {parsed.display()}."
