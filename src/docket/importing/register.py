"""The site's entities as an importer sees them: found by authority id, then by name, or made.

Loaded once from the front-matter of the site's files (no Markdown is parsed). A name is
matched first by any authority id it gives, then by any other URL it gives, then by its
name or an alias (``Engels, Friedrich`` also as ``Friedrich Engels``) among entities of the
kinds the field accepts — but never to an entity holding a different id of the same
authority. What is not found is made, once, with an id from its name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docket.archive.authorities import AUTHORITIES, normalise
from docket.archive.frontmatter import FrontMatterError, parse_front_matter
from docket.archive.kinds import KIND_OF_FOLDER
from docket.archive.load import content_files
from docket.errors import Problems
from docket.importing.naming import UNKNOWN, Ids, fold, inverted, is_unknown, slug
from docket.importing.records import EntryProblem, Name

FALLBACK_IDS = {"person": "person", "organization": "organization", "place": "place"}


@dataclass(slots=True)
class Known:
    """An entity of the site, or one this import makes (``new``)."""

    id: str
    kind: str
    name: str
    authority: dict[str, str] = field(default_factory=dict)
    same_as: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    new: bool = False


class Register:
    def __init__(self) -> None:
        self.entities: dict[str, Known] = {}
        self.by_authority: dict[tuple[str, str], str] = {}
        self.by_url: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        self.import_keys: set[str] = set()
        self.ids = Ids(set())

    @classmethod
    def of_site(cls, site_dir: Path) -> Register:
        """Every record of the site: ids taken, entities indexed, letters' import keys."""
        register = cls()
        for rel, path in content_files(site_dir, Problems()):
            register.ids.taken.add(path.name[: -len(".md")])
            kind = KIND_OF_FOLDER.get(rel.split("/")[1], "")
            fields = _front_matter(path)
            if kind == "letter":
                extra = fields.get("extra")
                if isinstance(extra, dict) and isinstance(extra.get("imported"), str):
                    register.import_keys.add(extra["imported"])
            elif kind and isinstance(fields.get("name"), str):
                register.add(_known(path.name[: -len(".md")], kind, fields))
        return register

    def add(self, entity: Known) -> None:
        self.entities[entity.id] = entity
        for pair in entity.authority.items():
            self.by_authority.setdefault(pair, entity.id)
        for url in entity.same_as:
            self.by_url.setdefault(url, entity.id)
        for name in (entity.name, inverted(entity.name), *entity.aliases):
            if name:
                self.by_name.setdefault(fold(name), []).append(entity.id)

    def find(self, name: Name, kinds: tuple[str, ...], what: str) -> str | None:
        """The id of the entity ``name`` stands for, or None if it is not there yet."""
        for key in name.authority:
            if key in self.by_authority:
                return self._of_kind(self.by_authority[key], kinds, name, what)
        for url in name.same_as:
            if url in self.by_url:
                return self._of_kind(self.by_url[url], kinds, name, what)
        for text in (name.text, inverted(name.text)):
            for found in self.by_name.get(fold(text), []) if text else []:
                entity = self.entities[found]
                clash = any(entity.authority.get(a, v) != v for a, v in name.authority)
                if entity.kind in kinds and not clash:
                    return found
        return None

    def _of_kind(self, found: str, kinds: tuple[str, ...], name: Name, what: str) -> str:
        entity = self.entities[found]
        if entity.kind not in kinds:
            raise EntryProblem(
                f"{what}: '{name.text}' has the authority id of {entity.kind} '{found}'",
                f"{what} takes a {' or '.join(kinds)}: check the id, or the column it is in",
            )
        return found

    def make(self, name: Name, kind: str) -> str:
        """A new entity for ``name``; its id from the name, free in the site."""
        text = UNKNOWN if is_unknown(name.text) else name.text
        entity = Known(self.ids.claim(slug(text), FALLBACK_IDS[kind]), kind, text, dict(name.authority), list(name.same_as), new=True)
        self.add(entity)
        return entity.id

    def enrich(self, entity_id: str, name: Name) -> None:
        """Give an entity this import makes the ids a later mention of it adds."""
        entity = self.entities[entity_id]
        if not entity.new:
            return
        for pair in name.authority:
            if pair[0] not in entity.authority:
                entity.authority[pair[0]] = pair[1]
                self.by_authority.setdefault(pair, entity_id)
        for url in name.same_as:
            if url not in entity.same_as:
                entity.same_as.append(url)
                self.by_url.setdefault(url, entity_id)

    def new_entities(self) -> list[Known]:
        return [entity for entity in self.entities.values() if entity.new]


def _front_matter(path: Path) -> dict[str, Any]:
    """The front-matter's values, or {} when the file cannot be read (``check`` says why)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
        return parse_front_matter("\n".join(lines[1:close])).values if lines[0].rstrip() == "---" else {}
    except (OSError, UnicodeDecodeError, StopIteration, FrontMatterError):
        return {}


def _known(entity_id: str, kind: str, fields: dict[str, Any]) -> Known:
    authority = {}
    for name in AUTHORITIES:
        value = fields.get(name)
        normal = normalise(name, value) if isinstance(value, str) else None
        if normal:
            authority[name] = normal
    extra = fields.get("extra")
    same_as = extra.get("same_as") if isinstance(extra, dict) else None
    urls = [url for url in same_as if isinstance(url, str)] if isinstance(same_as, list) else []
    aliases = fields.get("aliases")
    names = [alias for alias in aliases if isinstance(alias, str)] if isinstance(aliases, list) else []
    return Known(entity_id, kind, fields["name"], authority, urls, names)
