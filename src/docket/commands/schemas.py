"""``docket schema``: the editor schemas written into a site, and the line that points at them.

A site keeps one schema per record kind in ``schemas/`` (``schemas/letter.schema.json``,
``schemas/person.schema.json`` …), made by ``archive/schema.py``. ``docket init`` writes
them, ``docket new`` writes them when they are missing, ``docket schema`` refreshes them
(after an upgrade of docket, say). A record written by ``docket new`` names its kind's
schema in its first front-matter line, the YAML language server's modeline.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from docket.archive.kinds import KINDS
from docket.archive.schema import all_schemas, bundle, file_name

SCHEMA_FOLDER = "schemas"


def modeline(kind: str) -> str:
    """The comment that gives a record's schema to the YAML language server, relative to
    the record's file (``content/<folder>/<id>.md``)."""
    return f"# yaml-language-server: $schema=../../{SCHEMA_FOLDER}/{file_name(kind)}"


def write_schemas(target: Path) -> list[Path]:
    """Every kind's schema into the folder ``target``, or all in one file if it ends in ``.json``."""
    if target.suffix == ".json":
        _write_json(target, bundle())
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in all_schemas().items():
        path = target / file_name(kind)
        _write_json(path, schema)
        written.append(path)
    return written


def ensure_schema(site_dir: Path, kind: str) -> list[Path]:
    """The site's schemas, written if the one for ``kind`` is missing; the files written."""
    if kind not in KINDS or (site_dir / SCHEMA_FOLDER / file_name(kind)).is_file():
        return []
    return write_schemas(site_dir / SCHEMA_FOLDER)


def _write_json(path: Path, value: Any) -> None:
    """Written whole or not at all: through a temporary file renamed over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
