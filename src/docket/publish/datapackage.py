"""``site/data/datapackage.json``: a Frictionless data package describing the published data.

The CSV is a tabular data resource with a table schema (from ``tables.CSV_FIELDS``); the
JSON tables and, when it is written, the CMIF file are plain resources. Each resource
gives its size and SHA-256 digest; the package gives the archive's title, description,
address, editor and the licence ``docket.toml`` states.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from docket.config import LICENSES, Config
from docket.publish.tables import CSV_FIELDS, ENTITIES_JSON, LETTERS_CSV, LETTERS_JSON

DATAPACKAGE_FILE = "datapackage.json"
#: file name -> (resource name, format, media type, title)
RESOURCES: dict[str, tuple[str, str, str, str]] = {
    LETTERS_CSV: ("letters-csv", "csv", "text/csv", "Letters (CSV)"),
    LETTERS_JSON: ("letters", "json", "application/json", "Letters"),
    ENTITIES_JSON: ("entities", "json", "application/json", "People, organizations, places, events and works"),
}
CMIF_RESOURCE = ("cmif", "xml", "application/tei+xml", "Letters in CMIF (TEI), for correspSearch")


def package_name(title: str) -> str:
    """The package's ``name``: the title in lower-case ASCII letters, digits and hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-")[:100] or "letters"


def digest(path: Path) -> tuple[int, str]:
    """A file's size in bytes and its SHA-256 digest as a data package writes it."""
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            sha.update(chunk)
    return path.stat().st_size, f"sha256:{sha.hexdigest()}"


def resource(path: Path, where: str, described: tuple[str, str, str, str]) -> dict[str, Any]:
    name, data_format, mediatype, title = described
    size, sha = digest(path)
    found: dict[str, Any] = {"name": name, "path": where, "title": title, "profile": "data-resource", "format": data_format, "mediatype": mediatype, "encoding": "utf-8", "bytes": size, "hash": sha}
    if data_format == "csv":
        found["profile"] = "tabular-data-resource"
        found["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}
        found["schema"] = {
            "fields": [{"name": field, "type": kind, "description": text} for field, kind, text in CSV_FIELDS],
            "primaryKey": ["id"],
            "missingValues": [""],
        }
    return found


def write_datapackage(folder: Path, config: Config, cmif: Path | None) -> Path:
    """Write ``datapackage.json`` beside the tables in ``folder``; ``cmif``, if written,
    is listed by its full address (a package's relative paths may not leave its folder)."""
    package: dict[str, Any] = {"profile": "data-package", "name": package_name(config.title), "title": config.title}
    if config.description:
        package["description"] = config.description
    if config.has_base_url:
        package["homepage"] = config.absolute_url("/")
    if config.license:
        title, url = LICENSES[config.license]
        package["licenses"] = [{"name": config.license, "path": url, "title": title}]
    if config.editor:
        package["contributors"] = [{"title": config.editor, "role": "author"}]
    resources = [resource(folder / file, file, described) for file, described in RESOURCES.items()]
    if cmif is not None:
        resources.append(resource(cmif, config.absolute_url("/" + cmif.name) or cmif.name, CMIF_RESOURCE))
    package["resources"] = resources
    path = folder / DATAPACKAGE_FILE
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n")
    return path
