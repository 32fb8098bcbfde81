"""The Markdown set-up and the cross-reference rule, from input/expected fixture cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from docket.markdown import render_markdown
from docket.xref import find_xrefs

TITLES = {"ali-khamenei": ("/people/ali-khamenei/", "Ali Khamenei"), "ismail-haniyeh": ("/people/ismail-haniyeh/", "Ismail Haniyeh"), "letter-a": ("/letters/letter-a/", "A letter")}


def resolve(target: str, fragment: str):
    if target not in TITLES:
        return None
    url, title = TITLES[target]
    return (url + (f"#{fragment}" if fragment else ""), title)


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """Cases as in markdown-it-py's fixtures: title, '.', input, '.', expected, '.'."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, i = [], 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title = lines[i]
        assert lines[i + 1] == "."
        j = lines.index(".", i + 2)
        k = lines.index(".", j + 1)
        cases.append((title, "\n".join(lines[i + 2 : j]), "\n".join(lines[j + 1 : k])))
        i = k + 1
    return cases


CASES = read_cases(Path(__file__).parent / "fixtures" / "xref.md")


@pytest.mark.parametrize("title, source, expected", CASES, ids=[c[0] for c in CASES])
def test_fixture(title, source, expected):
    assert render_markdown(source, resolve).strip() == expected


def test_find_xrefs_reports_lines_and_columns_and_skips_code():
    text = "First line\nto [[a-b|shown]] and [[c#x]]\n```\n[[in-code]]\n```\nlast [[d]]"
    found = [(x.target, x.fragment, x.label, x.line, x.col) for x in find_xrefs(text)]
    assert found == [("a-b", "", "shown", 2, 4), ("c", "x", "", 2, 22), ("d", "", "", 6, 6)]


def test_footnotes_get_a_page_unique_prefix():
    html = render_markdown("a[^1]\n\n[^1]: note", resolve, "date-note")
    assert 'id="fn-date-note-1"' in html and 'href="#fnref-date-note-1"' in html


def test_find_xrefs_skips_escaped_brackets_as_the_renderer_does():
    found = [x.target for x in find_xrefs(r"\[[a]] and \\[[b]] and [[c]]")]
    assert found == ["b", "c"]
