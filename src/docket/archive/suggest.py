"""Suggestions: the names of entities that a letter gives in its text without a link.

Each letter arrives with the names found in its texts (``names.py``), in file order. An
entity the letter links anywhere, or lists in its front-matter (senders, recipients,
places, mentions, citations, the source's publisher), is not suggested; any other is
suggested once, where it is first found. A name shared by several entities is suggested
with all of them, unless the letter already links or lists one. A letter with
``suggest_links: false`` gets none, and the names in its ``leave_unlinked`` are never
suggested in it; ``suggest_links = false`` in ``docket.toml`` turns them all off.
"""

from __future__ import annotations

from typing import Iterable

from docket.archive.kinds import KINDS
from docket.archive.link import Site
from docket.archive.model import Entity, Letter
from docket.archive.names import normal
from docket.errors import Problems, SourceError

EntitiesByName = dict[str, tuple[str, ...]]  # a name -> the ids of the entities it names, sorted


def entities_by_name(entities: Iterable[Entity]) -> EntitiesByName:
    """Every name and alias of the archive's entities, with the entities it names."""
    ids_of: dict[str, set[str]] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            if name.strip():
                ids_of.setdefault(normal(name), set()).add(entity.id)
    return {name: tuple(sorted(ids)) for name, ids in ids_of.items()}


def suggest_links(site: Site, problems: Problems) -> None:
    """Add a suggestion to ``problems`` for every entity named but not linked in a letter."""
    suggestions = Suggestions(site)
    for letter_id in sorted(site.letters):
        problems.extend(suggestions.of(site.letters[letter_id]))


class Suggestions:
    """The suggestions for the letters of one linked site."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.named = entities_by_name(site.entities.values())
        self._wordings: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = {}  # a name is found in many letters

    def of(self, letter: Letter) -> list[SourceError]:
        """One letter's suggestions, in file order."""
        if not letter.suggest_links or not letter.names_found:
            return []
        known = {ref.target for ref in letter.refs} | {ref.target for ref in self.site.inline.get(letter.id, ())}
        left = set(letter.leave_unlinked)
        found = []
        for line, col, name in letter.names_found:
            ids = self.named.get(name)
            if ids is None or name in left or known.intersection(ids):
                continue
            known.update(ids)
            if (name, ids) not in self._wordings:
                self._wordings[name, ids] = self._wording(name, ids)
            message, hint = self._wordings[name, ids]
            found.append(SourceError(letter.path, line, message, hint, col, "suggestion"))
        return found

    def _wording(self, name: str, ids: tuple[str, ...]) -> tuple[str, str]:
        """"'Name' names person x", and how to link or list it."""
        kinds = [self.site.entities[entity_id].kind for entity_id in ids]
        named = " or ".join(f"{kind} {entity_id}" for kind, entity_id in zip(kinds, ids))
        fields = " or ".join(dict.fromkeys(f"mentions.{KINDS[kind].folder}" for kind in kinds))
        link = " or ".join(f"[[{entity_id}|{name}]]" for entity_id in ids)
        return f"'{name}' names {named}", f"link it as {link}{',' if len(ids) > 1 else ''} or list it under {fields}"
