"""The Markdown set-up and the cross-reference rule, from input/expected fixture cases,
and where the parse says each reference was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from docket.archive.markdown import fill_links, render_source

TITLES = {"ali-khamenei": ("/people/ali-khamenei/", "Ali Khamenei"), "ismail-haniyeh": ("/people/ismail-haniyeh/", "Ismail Haniyeh"), "letter-a": ("/letters/letter-a/", "A letter")}


def resolve(target: str, fragment: str):
    if target not in TITLES:
        return None
    url, title = TITLES[target]
    return (url + (f"#{fragment}" if fragment else ""), title)


def html(text: str, doc_id: str = "") -> str:
    return fill_links(render_source(text, doc_id), resolve)


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
    assert html(source).strip() == expected


def where(text: str) -> list[tuple]:
    return [(ref.target, ref.fragment, ref.label, ref.line, ref.col) for ref in render_source(text).refs]


def test_references_carry_their_line_and_column_from_the_parse():
    text = "First line\nto [[a-b|shown]] and [[c#x]]\n```\n[[in-code]]\n```\nlast [[d]]"
    assert where(text) == [("a-b", "", "shown", 2, 4), ("c", "x", "", 2, 22), ("d", "", "", 6, 6)]


def test_lines_and_columns_inside_quotes_lists_tables_and_footnotes():
    text = "\n".join([
        "> quoted [[q]]",               # 1
        "",
        "- item",                        # 3
        "  - nested [[n]] and [[n]]",    # 4
        "",
        "| a | [[t]] |",                 # 6
        "|---|---|",
        "| [[u]] | b |",                 # 8
        "",
        "Note.[^1]",                     # 10
        "",
        "[^1]: See [[f]].",              # 12
    ])
    assert [(r[0], r[3], r[4]) for r in where(text)] == [("q", 1, 10), ("n", 4, 12), ("n", 4, 22), ("t", 6, 7), ("u", 8, 3), ("f", 12, 11)]


def test_code_of_every_kind_holds_no_reference():
    text = "``[[a]]`` and `x\n[[b]]`\n\n    [[c]]\n\n~~~\n[[d]]\n~~~\n"
    assert where(text) == []


def test_escaped_brackets_are_text_and_an_escaped_backslash_is_not_an_escape():
    assert [r[0] for r in where(r"\[[a]] and \\[[b]] and [[c]]")] == ["b", "c"]


def test_a_reference_in_a_links_title_or_address_is_no_reference():
    assert where('[x](/a/ "as [[t]] said") [y](https://example.org/[[u]])') == []


def test_footnotes_get_a_page_unique_prefix():
    out = html("a[^1]\n\n[^1]: note", "date-note")
    assert 'id="fn-date-note-1"' in out and 'href="#fnref-date-note-1"' in out


def test_no_content_can_forge_a_slot():
    """markdown-it turns NUL into U+FFFD: text cannot pose as a reference's slot."""
    out = html("before \x00a0\x00 after [[ali-khamenei]]")
    assert "\x00" not in out and out.count('class="xref"') == 1


def test_footnotes_are_named_for_a_listener_and_listed_under_a_heading():
    """A bare "[1]" and "↩︎" say nothing read aloud; the notes need a heading of their own."""
    html = render_source("One[^a] and again[^a].\n\n[^a]: The note.", "note").html
    assert '<a href="#fn-note-1" id="fnref-note-1" aria-label="Footnote 1">[1]</a>' in html
    assert 'id="fnref-note-1:1" aria-label="Footnote 1, reference 2"' in html
    assert '<a href="#fnref-note-1" class="footnote-backref" aria-label="Back to footnote 1 in the text">' in html
    assert 'aria-label="Back to footnote 1, reference 2 in the text"' in html
    assert '<section class="footnotes" aria-labelledby="footnotes-note">\n<h3 id="footnotes-note" class="footnotes-heading">Footnotes</h3>' in html
    body = render_source("Two[^b].\n\n[^b]: Another.").html
    assert 'aria-labelledby="footnotes"' in body and 'id="footnotes"' in body  # ids apart from the note's


def test_a_summary_is_one_line_of_markdown_shown_as_such_and_described_as_plain_text(scratch_site):
    """A summary written with *emphasis* showed its asterisks; now it is Markdown (inline:
    no paragraph), its references linked, and the page's description is its plain text."""
    from conftest import BASIC_LETTER

    from docket.engine.build import build

    front = "summary: Thanks *warmly* for `support`, via [[ismail-haniyeh|Haniyeh]] & <b>.\n"
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("---\n", "---\n" + front, 1)})
    build(site, search=False)
    page = (site / "site/letters/a/index.html").read_text()
    html = 'Thanks <em>warmly</em> for <code>support</code>, via <a class="xref" href="../../people/ismail-haniyeh/">Haniyeh</a> &amp; &lt;b&gt;.'
    assert f'<p class="summary">{html}</p>' in page
    assert '<meta name="description" content="Thanks warmly for support, via Haniyeh &amp; &lt;b&gt;.">' in page
    listing = (site / "site/letters/index.html").read_text()
    assert f'<p class="card-summary">{html.replace("../../", "../")}</p>' in listing


def test_a_reference_in_a_summary_is_checked_with_its_line(scratch_site):
    from conftest import BASIC_LETTER

    from docket.engine.build import check

    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("---\n", "---\nsummary: About [[nobody]].\n", 1)})
    errors = [e.format() for e in check(site).problems.errors]
    assert len(errors) == 1 and errors[0].startswith("content/letters/a.md:2:") and "nobody" in errors[0]
