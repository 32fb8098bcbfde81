"""Where the words of a letter's texts stand in its file, for suggestions to point at.

The body stands in the file as written, so its prose (``markdown/prose.py``) only moves
down by the front-matter's length. A front-matter text does not: YAML gives its value,
and a folded (``>``) or plain value joins its lines with spaces, a block (``|``) drops
their indent. So each file line from the field's key on is looked for in the value, in
order, which places every part of the value; from the first line that is not found (a
quoted value with escapes) on, columns are unknown.
"""

from __future__ import annotations

from docket.archive.markdown.prose import Prose

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


def body_prose(prose: Prose, body_line: int) -> Prose:
    return prose.moved_down(body_line - 1)


def field_prose(prose: Prose, text: str, value: str, lines: list[str], key_line: int) -> Prose:
    """A Markdown field's prose, parsed from ``text`` (its value, stripped), placed in the
    file: each line of the prose where its text stands, and a new line wherever the file's
    does."""
    where = Prose.of(value, value_marks(value, lines, key_line))
    line_starts, at = [], value.find(text)
    for text_line in text.split("\n"):
        line_starts.append(at)
        at += len(text_line) + 1
    marks: list[Mark] = []
    placed, breaks = prose.marks(), where.marks()
    for index, (start, line, col) in enumerate(placed):
        length = (placed[index + 1][0] if index + 1 < len(placed) else len(prose.text)) - start
        first = line_starts[line - 1] + max(col - 1, 0)
        file_line, file_col = where.place(first)
        marks.append((start, file_line, (file_col or 0) if col else 0))
        for offset, number, column in breaks:
            if first < offset < first + length:
                marks.append((start + offset - first, number, column if col else 0))
    return Prose.of(prose.text, marks)
