"""Content files written by an import: front-matter docket reads back as it was meant, files
that appear whole or not at all, and never over an existing one.

Every text value is written as a YAML double-quoted string (JSON's escapes are YAML's), on
one line, so no name or note can turn into a list, a number or a second field. A file is
written beside its place and linked into it: the link fails if the name is taken, and a
reader never sees a half-written file.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

_PLAIN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


def scalar(value: str) -> str:
    """A YAML scalar for ``value``: plain for ids, quoted for everything else."""
    if _PLAIN.match(value) and not value.isdigit():
        return value
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def front_matter(fields: dict[str, Any]) -> str:
    """``---``, the fields in the order given (empty ones left out), ``---``."""
    lines = ["---"]
    for key, value in fields.items():
        lines.extend(_field(key, value, ""))
    lines.append("---")
    return "\n".join(lines) + "\n"


def _field(key: str, value: Any, indent: str) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [f"{indent}{key}: {scalar(value)}"]
    if isinstance(value, list):
        return [f"{indent}{key}: [{', '.join(scalar(item) for item in value)}]"]
    nested = [line for name, item in value.items() for line in _field(name, item, indent + "  ")]
    return [f"{indent}{key}:", *nested] if nested else []


def write_new(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` if no file is there; False (and nothing written) if one is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return False
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        temporary.unlink(missing_ok=True)
    return True
