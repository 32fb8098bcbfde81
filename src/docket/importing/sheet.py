"""Reading a spreadsheet of letters in csv2cmi's columns.

``sender``, ``senderID``, ``senderPlace``, ``senderPlaceID``, ``senderDate``, ``addressee``,
``addresseeID``, ``addresseePlace``, ``addresseePlaceID``, ``addresseeDate``, ``edition``,
``key``, ``note``. As in csv2cmi, several correspondents share a cell separated by one
character (its ``--extra-delimiter``; ``|`` unless a ``csv2cmi.ini`` beside the sheet sets
another), their ids in the same order; a name in square brackets was inferred by the
editors; an ``edition`` may be a short title that ``csv2cmi.ini`` spells out, and without
the column its ``[Edition] title`` is every letter's. The sheet is UTF-8, its fields
separated by commas (or semicolons or tabs, as spreadsheets export them).
"""

from __future__ import annotations

import configparser
import csv
from pathlib import Path
from typing import Iterator

from docket.errors import did_you_mean
from docket.importing import dating
from docket.importing.identities import corporate, read_refs
from docket.importing.records import Entry, EntryProblem, Name, Skipped

COLUMNS = (
    "sender", "senderID", "senderPlace", "senderPlaceID", "senderDate",
    "addressee", "addresseeID", "addresseePlace", "addresseePlaceID", "addresseeDate",
    "edition", "key", "note",
)
DEFAULT_DELIMITER = "|"


class SheetError(Exception):
    """A sheet that cannot be read at all (no such file, no sender and addressee columns)."""


def read_sheet(path: Path, label: str, delimiter: str | None = None) -> tuple[Iterator[Entry | Skipped], list[str]]:
    """The sheet's entries, read lazily, and warnings about its columns.

    ``label`` names the file in messages (``label:ROW``).
    """
    settings = _settings(path)
    split = delimiter or settings.get("Project", "extra-delimiter", fallback="") or DEFAULT_DELIMITER
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
        header = handle.readline()
        dialect = _dialect(header)
        handle.seek(0)
        rows = csv.reader(handle, dialect)
        columns = next(rows, [])
    except (OSError, UnicodeDecodeError) as exc:
        raise SheetError(f"{label}: cannot be read ({exc}) — give a UTF-8 .csv file") from None
    missing = [name for name in ("sender", "addressee") if name not in columns]
    if missing:
        handle.close()
        hint = "; ".join(filter(None, (did_you_mean(name, columns) for name in missing))) or f"name the columns as csv2cmi does: {', '.join(COLUMNS)}"
        raise SheetError(f"{label}:1: no column {' or '.join(repr(m) for m in missing)} — {hint}")
    warnings = [
        f"{label}:1: column '{name}' is not one of csv2cmi's and is left out — {did_you_mean(name, COLUMNS) or 'known columns: ' + ', '.join(COLUMNS)}"
        for name in columns if name not in COLUMNS
    ]
    return _entries(handle, rows, columns, label, split, settings), warnings


def _entries(handle, rows, columns: list[str], label: str, split: str, settings: configparser.ConfigParser) -> Iterator[Entry | Skipped]:
    with handle:
        while True:
            start = rows.line_num + 1
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Skipped(f"{label}:{start}", f"the row cannot be read as CSV ({exc})", "check its quotes: a field with a comma or a line break is enclosed in double quotes")
                continue
            if not any(cell.strip() for cell in row):
                continue
            cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(columns)}
            try:
                yield _entry(cells, f"{label}:{start}", split, settings)
            except EntryProblem as exc:
                yield Skipped(f"{label}:{start}", exc.message, exc.hint)


def _entry(cells: dict[str, str], where: str, split: str, settings: configparser.ConfigParser) -> Entry:
    sent = dating.from_sheet(cells.get("senderDate", ""), "senderDate")
    received = dating.from_sheet(cells.get("addresseeDate", ""), "addresseeDate")
    date, date_note = dating.letter_date(sent, received)
    edition = cells.get("edition", "") if "edition" in cells else settings.get("Edition", "title", fallback="")
    edition = settings.get(edition, "title", fallback=edition) if edition and settings.has_section(edition) else edition
    key = cells.get("key", "")
    url = key if key.startswith(("http://", "https://")) else ""
    if not (edition or url):
        raise EntryProblem("edition: empty, so the letter has no source", "give the edition that prints or holds the letter in the 'edition' column (or a URL in 'key')")
    entry = Entry(
        where=where,
        senders=_names(cells, "sender", split),
        recipients=_names(cells, "addressee", split),
        place_sent=_place(cells, "sender"),
        place_received=_place(cells, "addressee"),
        date=date,
        date_note=date_note,
        source_title=edition,
        source_url=url,
        source_location="" if url else key,
        note=cells.get("note", ""),
    )
    inferred = [name.text for name in entry.senders + entry.recipients if name.conjectured]
    if inferred:
        entry.note = " ".join(filter(None, [entry.note, f"Inferred by the editors: {', '.join(inferred)}."]))
    return entry


def _names(cells: dict[str, str], column: str, split: str) -> list[Name]:
    texts = [text.strip() for text in cells.get(column, "").split(split)]
    ids = [text.strip() for text in cells.get(f"{column}ID", "").split(split)] if cells.get(f"{column}ID") else []
    if len(ids) > len(texts):
        raise EntryProblem(
            f"{column}ID: {len(ids)} ids for {len(texts)} name{'s' if len(texts) != 1 else ''}",
            f"give one id per name in {column}, in the same order, separated by '{split}' (leave a place empty for a name without one)",
        )
    names = []
    for index, text in enumerate(texts):
        authority, same_as = read_refs(ids[index] if index < len(ids) else "", False, f"{column}ID")
        inferred = text.startswith("[") and text.endswith("]")
        text = text[1:-1].strip() if inferred else text
        kind = "organization" if corporate(authority) else ""
        names.append(Name(" ".join(text.split()), kind, authority, same_as, inferred))
    return names


def _place(cells: dict[str, str], column: str) -> Name | None:
    text, ref = cells.get(f"{column}Place", ""), cells.get(f"{column}PlaceID", "")
    if not (text or ref):
        return None
    if not text:
        raise EntryProblem(f"{column}Place: empty, but {column}PlaceID gives '{ref}'", f"give the place's name in {column}Place")
    authority, same_as = read_refs(ref, True, f"{column}PlaceID")
    text = text[1:-1].strip() if text.startswith("[") and text.endswith("]") else text
    return Name(" ".join(text.split()), "place", authority, same_as)


class _Semicolons(csv.excel):
    delimiter = ";"


def _dialect(header: str) -> type[csv.Dialect]:
    """Commas, or the semicolons or tabs a spreadsheet exported instead, as the header has them."""
    counts = {",": header.count(","), ";": header.count(";"), "\t": header.count("\t")}
    best = max(counts, key=lambda mark: counts[mark])
    return {",": csv.excel, ";": _Semicolons, "\t": csv.excel_tab}[best] if counts[best] else csv.excel


def _settings(path: Path) -> configparser.ConfigParser:
    """csv2cmi's ``csv2cmi.ini`` beside the sheet, if there is one (else empty)."""
    settings = configparser.ConfigParser(interpolation=None)
    ini = path.parent / "csv2cmi.ini"
    try:
        settings.read(ini, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        pass
    return settings
