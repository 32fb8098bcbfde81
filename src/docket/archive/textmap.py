"""Where the words of a letter's texts stand in its file, for suggestions to point at.

The body stands in the file as written, so its prose (``markdown/prose.py``) only moves
down by the front-matter's length. A front-matter text does not: YAML gives its value,
and a folded (``>``) or plain value joins its lines with spaces, a block (``|``) drops
their indent. So each file line from the field's key on is looked for in the value, in
order, which places every part of the value; from the first line that is not found (a
quoted value with escapes) on, columns are unknown.
"""

from __future__ import annotations

import bisect

Mark = tuple[int, int, int]  # offset in a text, line in the file, column (0: unknown)


def value_marks(value: str, lines: list[str], key_line: int) -> tuple[Mark, ...]:
    """Where each part of a front-matter value (written from ``key_line`` on) stands."""
    marks, cursor, end = [(0, key_line, 0)], 0, len(value.rstrip())
    for number in range(key_line, len(lines) + 1):
        if cursor >= end:
            break
        raw = lines[number - 1]
        piece = (raw.partition(":")[2] if number == key_line else raw).strip().strip("\"'")
        if not piece or (number == key_line and piece[:1] in ("|", ">")):
            continue
        at = value.find(piece, cursor)
        if at == -1:
            marks.append((cursor, number, 0))
            break
        marks.append((at, number, raw.find(piece) + 1))
        cursor = at + len(piece)
    if len(marks) > 1 and marks[1][0] == 0:
        marks.pop(0)
    return tuple(marks)


def field_places(value: str, lines: list[str], key_line: int, text: str, places: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    """Lines and columns in a field's text (its value, stripped: what was parsed) moved to
    where the file has them: each where its text stands, on the file's line."""
    where = value_marks(value, lines, key_line)
    offsets = [mark[0] for mark in where]
    line_starts, at = [], value.find(text)
    for text_line in text.split("\n"):
        line_starts.append(at)
        at += len(text_line) + 1
    placed = []
    for line, col in places:
        position = line_starts[line - 1] + (col - 1 if col else 0)
        start, file_line, file_col = where[max(bisect.bisect_right(offsets, position) - 1, 0)]
        placed.append((file_line, file_col + position - start if file_col and col else None))
    return placed
