"""The inline cross-reference syntax: ``[[id]]``, ``[[id|shown text]]``, ``[[id#fragment]]``.

One pattern serves the link stage (which finds references in raw Markdown to resolve them
and count them as mentions) and the Markdown rule (which renders them), so the two can
never disagree about what a reference is. Code spans and fenced code are skipped.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

# Greedy, as each part's characters exclude what ends it: the same matches as lazy
# quantifiers, found twice as fast.
XREF = re.compile(r"\[\[([^\[\]|#\n]+)(?:#([^\[\]|\n]+))?(?:\|([^\[\]\n]+))?\]\]")
_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


class InlineRef(NamedTuple):
    """One ``[[reference]]``."""

    target: str
    fragment: str
    label: str
    line: int | None  # 1-based: within the scanned text, or in the file once linked
    col: int


def _blank_code(text: str) -> str:
    """Replace code with spaces, keeping every newline so line numbers hold."""
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def is_escaped(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` follows an odd run of backslashes: ``\\[[x]]`` is text."""
    run = 0
    while pos > run and text[pos - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def xref_parts(match: re.Match) -> tuple[str, str, str]:
    """The target, fragment and shown text of one XREF match, stripped ('' when absent)."""
    target, fragment, label = match.groups()
    return target.strip(), fragment.strip() if fragment else "", label.strip() if label else ""


def find_xrefs(text: str) -> Iterator[InlineRef]:
    for fields in xref_fields(text):
        yield InlineRef(*fields)


def xref_fields(text: str) -> tuple[tuple[str, str, str, int, int], ...]:
    """The fields of every reference in ``text`` (as :class:`InlineRef`), as plain tuples."""
    if "[[" not in text:
        return ()
    scanned = _blank_code(text) if "`" in text or "~~~" in text else text
    found = []
    line, line_start, pos = 1, 0, 0
    for match in XREF.finditer(scanned):
        start = match.start()
        if is_escaped(scanned, start):
            continue
        newlines = scanned.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = scanned.rfind("\n", 0, start) + 1
        pos = start
        found.append((*xref_parts(match), line, start - line_start + 1))
    return tuple(found)
