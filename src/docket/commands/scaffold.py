"""Skeletons for new sites (``docket init``) and new records (``docket new``).

Nothing here overwrites a file: an existing target is reported and left alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docket.archive.kinds import KINDS
from docket.paths import ID_RULE, is_valid_id

SKELETON_DIR = Path(__file__).parent / "skeleton"

class ScaffoldError(Exception):
    pass


def init_site(target: Path) -> list[Path]:
    """Copy the starter site into ``target``, which must not exist or be empty."""
    if target.exists() and any(target.iterdir()):
        raise ScaffoldError(f"{target} is not empty — choose a new folder; docket init never overwrites files")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SKELETON_DIR, target, dirs_exist_ok=True)
    return sorted(p for p in target.rglob("*") if p.is_file())


def new_record(site_dir: Path, kind: str, record_id: str, title: str = "") -> Path:
    if not is_valid_id(record_id):
        raise ScaffoldError(f"'{record_id}' cannot be an id — an id is {ID_RULE}")
    folder = site_dir / "content" / KINDS[kind].folder
    existing = [p for p in (site_dir / "content").glob(f"*/{record_id}.md")]
    if existing:
        raise ScaffoldError(f"{existing[0].relative_to(site_dir)} already exists — docket new never overwrites; pick another id")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{record_id}.md"
    shown = title or record_id.replace("-", " ").capitalize()
    text = KINDS[kind].skeleton.format(title=_yaml_text(shown))
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path


def _yaml_text(text: str) -> str:
    """A YAML scalar that reads back as ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
