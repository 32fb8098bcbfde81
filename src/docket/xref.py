"""The inline cross-reference syntax: ``[[id]]``, ``[[id|shown text]]``, ``[[id#fragment]]``.

One pattern serves the link stage (which finds references in raw Markdown to resolve them
and count them as mentions) and the Markdown rule (which renders them), so the two can
never disagree about what a reference is. Code spans and fenced code are skipped.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

XREF = re.compile(r"\[\[([^\[\]|#\n]+?)(?:#([^\[\]|\n]+?))?(?:\|([^\[\]\n]+?))?\]\]")
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


def find_xrefs(text: str) -> Iterator[InlineRef]:
    if "[[" not in text:
        return
    scanned = _blank_code(text) if "`" in text or "~~~" in text else text
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
        target, fragment, label = match.group(1), match.group(2) or "", match.group(3) or ""
        yield InlineRef(target.strip(), fragment.strip(), label.strip(), line, start - line_start + 1)
