"""Skeletons for new sites (``docket init``) and new records (``docket new``).

Nothing here overwrites a file: an existing target is reported and left alone. A new
letter can be filled in with its senders, recipients and date, checked first as a build
checks them: nothing is written while any of them is wrong.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from docket.archive import dates
from docket.archive.fields import LETTER, by_name
from docket.archive.kinds import KINDS
from docket.archive.link import ref_problem
from docket.archive.load import content_files, record_identity
from docket.archive.model import Ref
from docket.commands.schemas import SCHEMA_FOLDER, modeline, write_schemas
from docket.errors import Problems
from docket.paths import ID_RULE, is_valid_id

SKELETON_DIR = Path(__file__).parent / "skeleton"

#: a date YAML reads back as written without quotes
PLAIN_DATE = re.compile(r"[0-9X][0-9A-Za-z?~%/.:+-]*\Z")


class ScaffoldError(Exception):
    """What stops ``init`` or ``new``; one problem a line."""


@dataclass(frozen=True, slots=True)
class LetterFacts:
    """What ``docket new letter`` may fill in: ids of senders and recipients, an EDTF date."""

    senders: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    date: str = ""


def init_site(target: Path) -> list[Path]:
    """Copy the starter site into ``target``, which must not exist or be empty."""
    if target.exists() and any(target.iterdir()):
        raise ScaffoldError(f"{target} is not empty — choose a new folder; docket init never overwrites files")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SKELETON_DIR, target, dirs_exist_ok=True)
    write_schemas(target / SCHEMA_FOLDER)
    return sorted(p for p in target.rglob("*") if p.is_file())


def new_record(site_dir: Path, kind: str, record_id: str, title: str = "", facts: LetterFacts = LetterFacts()) -> Path:
    if not is_valid_id(record_id):
        raise ScaffoldError(f"'{record_id}' cannot be an id — an id is {ID_RULE}")
    folder = site_dir / "content" / KINDS[kind].folder
    existing = [p for p in (site_dir / "content").glob(f"*/{record_id}.md")]
    if existing:
        raise ScaffoldError(f"{existing[0].relative_to(site_dir)} already exists — docket new never overwrites; pick another id")
    if facts != LetterFacts():
        if kind != "letter":
            raise ScaffoldError("--from, --to and --date fill in a letter; an entity takes only --title")
        check_letter_facts(site_dir, facts)
    shown = title or ("" if facts.senders else record_id.replace("-", " ").capitalize())
    text = KINDS[kind].skeleton.format(
        title=_yaml_text(shown) if shown else "",
        date=_yaml_date(facts.date),
        senders=", ".join(facts.senders),
        recipients=", ".join(facts.recipients),
    )
    text = text.replace("---\n", f"---\n{modeline(kind)}\n", 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{record_id}.md"
    with path.open("x", encoding="utf-8") as handle:
        handle.write("".join(line.rstrip() + "\n" for line in text.splitlines()))
    return path


def check_letter_facts(site_dir: Path, facts: LetterFacts) -> None:
    """Raise every problem with a new letter's ids and date, in the build's words."""
    problems = Problems()
    kind_of: dict[str, str] = {}
    for rel, _ in content_files(site_dir, problems):
        identity = record_identity(rel, problems)
        if identity:
            kind_of[identity[1]] = identity[0]
    fields = by_name(LETTER)
    found = []
    for name, ids in (("senders", facts.senders), ("recipients", facts.recipients)):
        for record_id in ids:
            problem = ref_problem(Ref(record_id, fields[name].refs, name, 0), kind_of)
            if problem:
                found.append(" — ".join(problem))
    if facts.date:
        try:
            dates.parse(facts.date)
        except dates.DateError as exc:
            found.append(f"date: {exc.message}" + (f" — {exc.hint}" if exc.hint else ""))
    if found:
        raise ScaffoldError("\n".join(found))


def _yaml_date(date: str) -> str:
    """A date as YAML reads it back: plain when it can be, else quoted."""
    return date if not date or PLAIN_DATE.match(date) else _yaml_text(date)


def _yaml_text(text: str) -> str:
    """A YAML scalar that reads back as ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
