"""YAML front-matter read into plain values, with the line of every value.

PyYAML's C parser produces events; we build dicts, lists and strings from them
ourselves rather than letting a YAML 1.1 constructor guess types. So ``no``, ``on``,
``12:30``, ``02134`` and ``1.10`` stay the strings the editor wrote, and the schema
decides what a field means. Anchors, aliases and tags are refused: an archive's
metadata has no use for them and ``!!python/...`` tags are a known attack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

#: key path inside the front-matter, e.g. ("mentions", "people", 2)
FieldPath = tuple
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
MAX_FRONT_MATTER_BYTES = 64 * 1024


class FrontMatterError(Exception):
    """A front-matter that cannot be read; ``line`` is 0-based within the YAML."""

    def __init__(self, message: str, line: int, hint: str = "", col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint
        self.col = col


@dataclass(slots=True)
class FrontMatter:
    values: dict[str, Any]
    lines: dict[FieldPath, int]  # 0-based line within the YAML text of each value
    #: (0-based line, message, hint) for what reads fine but may not mean what was meant
    warnings: list[tuple[int, str, str]] = field(default_factory=list)

    def line_of(self, path: FieldPath) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 0


def parse_front_matter(text: str) -> FrontMatter:
    if len(text) * 4 > MAX_FRONT_MATTER_BYTES and len(text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(
            f"the front-matter is over {MAX_FRONT_MATTER_BYTES // 1024} KB",
            0,
            "move long text into the body below the closing ---",
        )
    _check_tabs(text)
    try:
        builder = _Builder(_Loader(text))
        assert isinstance(builder.next_event(), StreamStartEvent)
        if isinstance(builder.next_event(), StreamEndEvent):  # else the document's start
            return FrontMatter({}, {})
        root = builder.value(builder.next_event(), ())
        if not isinstance(builder.next_event(), DocumentEndEvent) or not isinstance(builder.next_event(), StreamEndEvent):
            raise FrontMatterError("the front-matter holds more than one YAML document", 0, "remove the extra ---")
        warnings = _cut_values(text, builder.plain_ends)
        lines = builder.lines
    except yaml.MarkedYAMLError as exc:
        raise _from_yaml_error(exc, text) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"the front-matter is not valid YAML: {exc}", 0) from None
    if root is None:
        return FrontMatter({}, {})
    if not isinstance(root, dict):
        raise FrontMatterError(
            "the front-matter is not a mapping of fields",
            0,
            "write one 'field: value' per line, e.g. 'date: 2021-05-22'",
        )
    return FrontMatter(root, lines, warnings)


def _cut_values(text: str, plain_ends: list[tuple[int, int, str]]) -> list[tuple[int, str, str]]:
    """Unquoted values followed by a single space and '#': YAML cut them there.

    ``title: Letter #3`` reads as "Letter" plus a comment. A comment meant as one is
    conventionally set off by two spaces or more, so only a single space is flagged.
    """
    found = []
    source_lines = text.split("\n")
    for line, column, value in plain_ends:
        rest = source_lines[line][column:]
        if rest.startswith(" #") and not rest.startswith("  "):
            found.append((line, f"the value was cut at ' #': YAML read '{value}' and took the rest as a comment", f"put the whole value in quotes: \"{value}{rest}\""))
    return found


def _check_tabs(text: str) -> None:
    if "\t" not in text:
        return
    for number, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise FrontMatterError(
                "a tab in the indentation",
                number,
                "indent YAML with spaces only",
                col=len(line) - len(stripped) + 1,
            )


def _refuse_extras(event: Any) -> None:
    if getattr(event, "anchor", None):
        raise FrontMatterError(
            f"YAML anchor '&{event.anchor}' is not allowed",
            event.start_mark.line,
            "write the value out in full",
        )
    tag = getattr(event, "tag", None)
    if tag and tag != "!":
        raise FrontMatterError(
            f"YAML tag '{tag}' is not allowed",
            event.start_mark.line,
            "remove the tag; values are plain text, lists and mappings",
        )


class DuplicateKey(FrontMatterError):
    """A key given twice; ``first`` is the 0-based line of its first appearance."""

    def __init__(self, key: str, first: int, second: int) -> None:
        super().__init__(f"'{key}' is given twice", second, "keep one of them")
        self.key = key
        self.first = first


class _Builder:
    """Plain values from the parser's events, with each value's line.

    Events are taken one at a time from the C parser's ``get_event``: a collection's
    next event is either its end or the start of its next item, so no look-ahead is
    needed, and a value is built from the event that starts it.
    """

    __slots__ = ("next_event", "lines", "plain_ends")

    def __init__(self, parser: Any) -> None:
        self.next_event = parser.get_event
        self.lines: dict[FieldPath, int] = {}
        self.plain_ends: list[tuple[int, int, str]] = []  # where each unquoted one-line value ends

    def value(self, event: Any, path: FieldPath) -> Any:
        kind = type(event)
        if kind is AliasEvent:
            raise FrontMatterError(
                f"YAML alias '*{event.anchor}' is not allowed",
                event.start_mark.line,
                "write the value out in full, or quote it if it starts with *",
            )
        _refuse_extras(event)
        start = event.start_mark.line
        self.lines.setdefault(path, start)
        if kind is ScalarEvent:
            if event.implicit[0]:
                if event.value in NULLS:
                    return None
                if event.end_mark.line == start:
                    self.plain_ends.append((start, event.end_mark.column, event.value))
            return event.value
        if kind is SequenceStartEvent:
            items: list[Any] = []
            item = self.next_event()
            while type(item) is not SequenceEndEvent:
                items.append(self.value(item, path + (len(items),)))
                item = self.next_event()
            return items
        if kind is MappingStartEvent:
            return self.mapping(path)
        raise FrontMatterError(f"unexpected YAML event {kind.__name__}", start)

    def mapping(self, path: FieldPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        lines = self.lines
        key_event = self.next_event()
        while type(key_event) is not MappingEndEvent:
            _refuse_extras(key_event)
            if type(key_event) is not ScalarEvent:
                raise FrontMatterError("a field name must be plain text", key_event.start_mark.line, "write 'name: value'")
            key = key_event.value
            key_path = path + (key,)
            if key in mapping:
                raise DuplicateKey(key, lines[key_path], key_event.start_mark.line)
            lines[key_path] = key_event.start_mark.line
            mapping[key] = self.value(self.next_event(), key_path)
            key_event = self.next_event()
        return mapping


def _from_yaml_error(exc: yaml.MarkedYAMLError, text: str) -> FrontMatterError:
    """Point at the line the editor has to fix: the start of the construct, if known."""
    mark = exc.context_mark or exc.problem_mark
    line = mark.line if mark else 0
    col = mark.column + 1 if mark else None
    problem = exc.problem or exc.context or "invalid YAML"
    source_lines = text.split("\n")
    source_line = source_lines[line] if line < len(source_lines) else ""
    return FrontMatterError(f"YAML syntax error: {problem}", line, _yaml_hint(source_line), col)


def _yaml_hint(source_line: str) -> str:
    _, _, value = source_line.partition(":")
    value = value.strip()
    if value[:1] in ("[", "*", "@", "`", "&", "!", "%", "|", ">") or ": " in value:
        return f"put the value in quotes: \"{value}\"" if '"' not in value else "put the value in single quotes"
    return "check the indentation and that every 'field: value' is on its own line"
