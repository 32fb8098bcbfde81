"""Link: resolve every reference and derive everything a page needs to show its links.

Gathering first and linking the whole site before rendering is what lets every page list
what points at it. Everything here is built from inverted indexes (id -> letters) in time
linear in the number of references: nothing compares letters pairwise, so a 100,000-letter
archive costs ten times a 10,000-letter one.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from docket.archive.correspondence import (
    Correspondence,
    correspondences,
    correspondents,
)
from docket.archive.dates import UNDATED_SORT_KEY
from docket.archive.kinds import ENTITY_KINDS, KINDS
from docket.archive.markdown import InlineRef
from docket.archive.model import Entity, Letter, Ref
from docket.errors import Problems, did_you_mean
from docket.paths import record_url

Record = Letter | Entity

#: roles a record can play towards an entity, in the order entity pages list them
ROLES: dict[str, str] = {
    "sent": "Sent",
    "received": "Received",
    "sent_from": "Sent from here",
    "received_at": "Received here",
    "mentioned": "Mentioned in",
    "cited": "Cited in",
    "published": "Published as the source of",
    "event_place": "Events that took place here",
    "linked": "Linked from",
    "replies": "Replies",  # the letters that answer a letter (``Site.replies``), not a backlink
}
RELATED_LIMIT = 6


@dataclass(slots=True)
class Site:
    """The whole archive, linked. Every list in here is sorted."""

    letters: dict[str, Letter]
    entities: dict[str, Entity]
    chronology: list[str]  # letter ids, earliest first, undated last
    titles: dict[str, str]
    inline: dict[str, list[InlineRef]]  # record id -> the references in its Markdown
    links_to: dict[str, dict[str, list[str]]]  # target id -> role -> source ids
    replies: dict[str, list[str]]  # letter id -> letters that answer it
    related: dict[str, list[str]]
    during: dict[str, list[str]]  # event id -> letters dated within it
    by_kind: dict[str, list[str]]  # entity kind -> ids sorted by name
    position: dict[str, int] = field(default_factory=dict)
    correspondences: dict[str, Correspondence] = field(default_factory=dict)  # pair id -> its letters
    correspondents: dict[str, list[str]] = field(default_factory=dict)  # entity id -> its pair ids, most letters first
    mentioned: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # letter id -> kind -> entity ids, by name

    def record(self, record_id: str) -> Record | None:
        return self.letters.get(record_id) or self.entities.get(record_id)

    def url(self, record_id: str) -> str:
        record = self.record(record_id)
        return record_url(record.record_kind, record.id) if record else ""

    def neighbours(self, letter_id: str) -> tuple[str | None, str | None]:
        index = self.position[letter_id]
        before = self.chronology[index - 1] if index > 0 else None
        after = self.chronology[index + 1] if index + 1 < len(self.chronology) else None
        return before, after

    def record_order(self) -> list[str]:
        """Letters in time order, then entities by kind and name: the order pages come in."""
        return list(self.chronology) + [i for kind in ENTITY_KINDS for i in self.by_kind[kind]]

    def letter_count(self, entity_id: str) -> int:
        roles = self.links_to.get(entity_id, {})
        return len({source for role, sources in roles.items() for source in sources if source in self.letters})


def chronological_key(letter: Letter) -> tuple:
    return (letter.date.sort_key() if letter.date else UNDATED_SORT_KEY, letter.id)


def link(letters: list[Letter], entities: list[Entity], problems: Problems) -> Site:
    records: dict[str, Record] = {}
    _register(letters, records, problems)
    _register(entities, records, problems)
    letter_map = {k: v for k, v in records.items() if isinstance(v, Letter)}
    entity_map = {k: v for k, v in records.items() if isinstance(v, Entity)}

    kind_of = {record_id: record.record_kind for record_id, record in records.items()}
    for record in records.values():
        for ref in record.refs:
            _check_ref(record, ref, kind_of, problems)
    inline = _inline_refs(records, problems)

    chronology = sorted(letter_map, key=lambda i: chronological_key(letter_map[i]))
    position = {letter_id: index for index, letter_id in enumerate(chronology)}
    links_to = _backlinks(records, inline, chronology + sorted(entity_map))
    replies = _replies(letter_map, position, problems)
    titles = {record_id: _title(record, records) for record_id, record in records.items()}
    by_kind = {kind: [] for kind in ENTITY_KINDS}
    for entity in sorted(entity_map.values(), key=lambda e: (index_key(e.name), e.id)):
        by_kind[entity.kind].append(entity.id)
    exchanged = correspondences(letter_map, chronology)
    return Site(
        letters=letter_map,
        entities=entity_map,
        chronology=chronology,
        titles=titles,
        inline=inline,
        links_to=links_to,
        replies=replies,
        related=_related(letter_map, chronology, position, inline, set(by_kind["event"]), replies),
        during=_during(entity_map, letter_map, chronology, position),
        by_kind=by_kind,
        position=position,
        correspondences=exchanged,
        correspondents=correspondents(exchanged, lambda i: index_key(titles.get(i, i))),
        mentioned=_mentioned(letter_map, entity_map, inline, titles),
    )


def _register(items: list, records: dict[str, Record], problems: Problems) -> None:
    seen: dict[str, Record] = {}
    for record in records.values():
        seen[unicodedata.normalize("NFC", record.id).casefold()] = record
    for record in items:
        key = unicodedata.normalize("NFC", record.id).casefold()
        if key in seen:
            other = seen[key]
            problems.error(record.path, 1, f"the id '{record.id}' is already used by {other.path}", "ids are unique across all folders: rename one of the two files")
            continue
        seen[key] = record
        records[record.id] = record


def _kinds_text(kinds: tuple[str, ...]) -> str:
    return " or ".join(kinds)


def _check_ref(source: Record, ref: Ref, kind_of: dict[str, str], problems: Problems) -> None:
    found = ref_problem(ref, kind_of)
    if found:
        problems.error(source.path, ref.line, found[0], found[1], ref.col)


def ref_problem(ref: Ref, kind_of: dict[str, str]) -> tuple[str, str] | None:
    """What is wrong with a reference, as (message, hint), or None if it names a record of
    a kind its field takes; ``kind_of`` gives every record's kind by id.

    The build and ``docket new`` both ask here, so an editor reads the same words from both.
    """
    kind = kind_of.get(ref.target)
    if kind is None:
        candidates = [record_id for record_id, record_kind in kind_of.items() if record_kind in ref.kinds]
        hint = did_you_mean(ref.target, candidates) or f"create content/{KINDS[ref.kinds[0]].folder}/{ref.target}.md, or check the spelling"
        return f"{ref.field}: unknown {_kinds_text(ref.kinds)} '{ref.target}'", hint
    if kind not in ref.kinds:
        return (
            f"{ref.field}: '{ref.target}' is a {kind}, not a {_kinds_text(ref.kinds)}",
            f"{ref.field} takes a {_kinds_text(ref.kinds)}; move '{ref.target}' to the right field",
        )
    return None


def _inline_refs(records: dict[str, Record], problems: Problems) -> dict[str, list[InlineRef]]:
    """Every record's resolved ``[[references]]``, from the parse of its Markdown texts,
    with their lines in the file; a reference to nothing is reported there."""
    found: dict[str, list[InlineRef]] = {}
    for record in records.values():
        refs: list[InlineRef] = []
        for rendered in record.markdown.values():
            for ref in rendered.refs:
                if ref.target in records:
                    refs.append(ref)
                else:
                    hint = did_you_mean(ref.target, records) or "link to the file name of a letter or entity, without .md"
                    problems.error(record.path, ref.line, f"[[{ref.target}]]: links to nothing", hint, ref.col)
        if refs:
            found[record.id] = refs
    return found


def _mentioned(letters: dict[str, Letter], entities: dict[str, Entity], inline: dict[str, list[InlineRef]], titles: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    """What each letter mentions, by entity kind: its ``mentions`` and the entities its text
    links to, each kind sorted by name. Worked out once here for the letter's page and the
    published data, which all list them so. Letters that mention nothing are left out."""
    order = {entity_id: (titles[entity_id].casefold(), entity_id) for entity_id in entities}
    found: dict[str, dict[str, list[str]]] = {}
    for letter_id, letter in letters.items():
        by_kind = {kind: set(ids) for kind, ids in letter.mentions.items() if ids}
        for xref in inline.get(letter_id, ()):
            target = entities.get(xref.target)
            if target is not None:
                by_kind.setdefault(target.kind, set()).add(xref.target)
        if by_kind:
            found[letter_id] = {
                kind: sorted(by_kind[kind], key=order.__getitem__) for kind in ENTITY_KINDS if kind in by_kind
            }
    return found


def _backlinks(records: dict[str, Record], inline: dict[str, list[InlineRef]], order: list[str]) -> dict[str, dict[str, list[str]]]:
    """target id -> role -> the records linking to it, in ``order`` (letters earliest first, then entities by id).

    The records are visited in that order and each role keeps its sources in a dict
    (a set that remembers insertion order), so no list needs sorting afterwards.
    """
    links: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    for source in order:
        record = records[source]
        if isinstance(record, Letter):
            for target in record.senders:
                links[target]["sent"][source] = None
            for target in record.recipients:
                links[target]["received"][source] = None
            if record.place_sent:
                links[record.place_sent]["sent_from"][source] = None
            if record.place_received:
                links[record.place_received]["received_at"][source] = None
            for targets in record.mentions.values():
                for target in targets:
                    links[target]["mentioned"][source] = None
            for citation in record.cites:
                links[citation.target]["cited"][source] = None
            if record.source.publisher_id:
                links[record.source.publisher_id]["published"][source] = None
            inline_role = "mentioned"
        else:
            for place in record.places:
                links[place]["event_place"][source] = None
            inline_role = "linked"
        for xref in inline.get(source, ()):
            if xref.target != source:
                links[xref.target][inline_role][source] = None
    return {
        target: {role: list(roles[role]) for role in ROLES if role in roles}
        for target, roles in sorted(links.items())
        if target in records
    }


def _replies(letters: dict[str, Letter], position: dict[str, int], problems: Problems) -> dict[str, list[str]]:
    replies: dict[str, list[str]] = defaultdict(list)
    for letter in letters.values():
        for answered in letter.in_reply_to:
            if answered == letter.id:
                problems.warning(letter.path, _ref_line(letter, answered), "in_reply_to: the letter replies to itself", "remove its own id from in_reply_to")
                continue
            original = letters.get(answered)
            if original is None:
                continue
            replies[answered].append(letter.id)
            if letter.date and original.date and letter.date.latest and original.date.earliest and letter.date.latest < original.date.earliest:
                problems.warning(
                    letter.path,
                    _ref_line(letter, answered),
                    f"in_reply_to: the letter ({letter.date.text}) is dated before '{answered}' ({original.date.text}), which it answers",
                    "check both dates",
                )
    _warn_cycles(letters, problems)
    return {key: sorted(value, key=position.__getitem__) for key, value in sorted(replies.items())}


def _ref_line(letter: Letter, target: str) -> int | None:
    return next((ref.line for ref in letter.refs if ref.field == "in_reply_to" and ref.target == target), None)


def _warn_cycles(letters: dict[str, Letter], problems: Problems) -> None:
    """Warn once per reply cycle (a -> b -> a), found by an iterative depth-first walk."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(letters):
        if start in state:
            continue
        stack = [(start, iter(letters[start].in_reply_to))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            if child == node or child not in letters:
                continue
            if state.get(child) == 1:
                cycle = path[path.index(child):] + [child]
                first = letters[min(cycle)]
                line = _ref_line(first, first.in_reply_to[0]) if first.in_reply_to else None
                problems.warning(first.path, line, f"in_reply_to: a reply cycle: {' -> '.join(cycle)}", "a letter can only answer an earlier one")
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(letters[child].in_reply_to)))


def _title(record: Record, records: dict[str, Record]) -> str:
    if isinstance(record, Entity):
        return record.name
    if record.title:
        return record.title

    def names(ids: list[str]) -> str:
        shown = [records[i].title if isinstance(records.get(i), Entity) else i for i in ids]
        return " and ".join(shown) if len(shown) < 3 else ", ".join(shown[:-1]) + " and " + shown[-1]

    if record.kind == "letter":
        return f"{names(record.senders)} to {names(record.recipients)}"
    label = record.kind.capitalize()
    return f"{label} by {names(record.senders)}" + (f" to {names(record.recipients)}" if record.recipients else "")


def index_key(name: str) -> tuple[str, str]:
    """Where a name stands in an A–Z index: (its group, its order within the group).

    The group is the name's first letter without its accents, upper-cased ("É" and "e"
    under "E"; a letter of another script as it is), or "#" for a name that begins with a
    digit; quotation marks and other signs before the first letter or digit are passed
    over, for the order too. "#" sorts first, then the letters. The index's groups come
    from this same key, so they are always in order.
    """
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    start = next((i for i, c in enumerate(decomposed) if c.isalnum()), len(decomposed))
    rest = decomposed[start:]
    if not rest or not rest[0].isalpha():
        return "#", rest
    return rest[0].upper(), rest


def _related(
    letters: dict[str, Letter],
    chronology: list[str],
    position: dict[str, int],
    inline: dict[str, list[InlineRef]],
    events: set[str],
    replies: dict[str, list[str]],
) -> dict[str, list[str]]:
    """Letters nearest in time among those with the same correspondents or the same events.

    The letter's own thread (what it answers, what answers it) is shown apart, so left out.
    """
    groups: dict[tuple, list[str]] = defaultdict(list)
    places: dict[str, list[tuple[tuple, int]]] = {}  # letter -> (group, its index there)
    for letter_id in chronology:
        letter = letters[letter_id]
        keys = [("with", frozenset(letter.senders) | frozenset(letter.recipients))]
        keys += [("event", event) for event in _events_of(letter, inline, events)]
        places[letter_id] = [(key, len(groups[key])) for key in keys]
        for key in keys:
            groups[key].append(letter_id)
    related: dict[str, list[str]] = {}
    for letter_id in chronology:
        letter = letters[letter_id]
        thread = set(letter.in_reply_to) | set(replies.get(letter_id, ()))
        chosen: dict[str, int] = {}
        for key, at in places[letter_id]:
            for other in groups[key][max(0, at - 3): at + 4]:
                if other != letter_id and other not in thread:
                    distance = abs(position[other] - position[letter_id])
                    chosen[other] = min(distance, chosen.get(other, distance))
        ranked = sorted(chosen, key=lambda other: (chosen[other], position[other]))[:RELATED_LIMIT]
        related[letter_id] = sorted(ranked, key=position.__getitem__)
    return related


def _events_of(letter: Letter, inline: dict[str, list[InlineRef]], events: set[str]) -> list[str]:
    """The events a letter mentions, in its front-matter or its text."""
    found = set(letter.mentions.get("event", ()))
    found.update(x.target for x in inline.get(letter.id, ()) if x.target in events)
    return sorted(found)


def _during(entities: dict[str, Entity], letters: dict[str, Letter], chronology: list[str], position: dict[str, int]) -> dict[str, list[str]]:
    """Letters whose whole date range falls inside an event's dates."""
    dated = sorted((date.earliest, i, date.latest) for i in chronology if (date := letters[i].date) and date.earliest)
    starts = [start for start, _, _ in dated]
    during: dict[str, list[str]] = {}
    for entity in entities.values():
        if entity.kind != "event" or "start" not in entity.dates:
            continue
        begin = entity.dates["start"].earliest
        end_date = entity.dates.get("end", entity.dates["start"])
        end = end_date.latest
        if begin is None or end is None:
            continue
        lo, hi = bisect.bisect_left(starts, begin), bisect.bisect_right(starts, end)
        inside = [i for _, i, latest in dated[lo:hi] if latest and latest <= end]
        if inside:
            during[entity.id] = sorted(inside, key=position.__getitem__)
    return during
