"""Paragraph anchors: every paragraph of a letter's text but its footnotes has a numbered id and a
link to itself, in document order, unique on the page, the same from build to build."""

from __future__ import annotations

import re
from collections import Counter

from conftest import BASIC_LETTER, REPO, letter

from docket.archive.markdown import fill_links, render_source
from docket.engine.build import build

TEXT = """First paragraph with [[ali-khamenei]] and a note.[^1]

> A quotation's paragraphs are numbered.

- but not a tight list's item
- nor the next one

Second paragraph,
over two lines.

    code is not a paragraph

Third paragraph.

[^1]: A footnote's paragraph is not numbered either.
"""


def ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def test_paragraphs_are_numbered_in_order_but_for_footnotes():
    html = render_source(TEXT, anchors=True).html
    assert re.findall(r'<p id="(p\d+)">', html) == ["p1", "p2", "p3", "p4"]
    assert re.findall(r'<a class="paragraph-anchor" href="#(p\d+)" aria-label="Link to paragraph (\d+)"></a></p>', html) == [("p1", "1"), ("p2", "2"), ("p3", "3"), ("p4", "4")]
    assert '<blockquote>\n<p id="p2">A quotation' in html
    assert "<li>but not a tight list's item</li>" in html
    assert "<p>A footnote's paragraph is not numbered either." in html
    assert '<p id="p3">Second paragraph,\nover two lines.<a class="paragraph-anchor"' in html


def test_anchors_do_not_collide_with_footnotes_and_survive_slot_filling():
    rendered = render_source(TEXT, anchors=True)
    html = fill_links(rendered, lambda target, fragment: ("/people/ali-khamenei/", "Ali Khamenei"))
    assert '<p id="p1">First paragraph with <a class="xref" href="/people/ali-khamenei/">Ali Khamenei</a>' in html
    found = Counter(ids(html))
    assert max(found.values()) == 1
    assert {"p1", "p2", "p3", "p4", "fnref1", "fn1"} <= set(found)
    assert [i for i in found if i.startswith("p")] == ["p1", "p2", "p3", "p4"]


def test_only_a_text_parsed_with_anchors_is_numbered_and_the_same_text_gives_the_same_ids():
    assert "paragraph-anchor" not in render_source(TEXT).html
    assert "paragraph-anchor" not in render_source(TEXT, "note").html
    assert render_source(TEXT, anchors=True).html == render_source(TEXT, anchors=True).html


def test_a_letter_page_numbers_its_body_and_not_its_notes(scratch_site):
    body = "One.\n\nTwo.[^a]\n\n[^a]: A footnote."
    note_letter = letter(
        """
        date: 2021-05-24
        senders: [ali-khamenei]
        recipients: [ismail-haniyeh]
        text: full
        note: |
          An editorial note.

          In two paragraphs.[^n]

          [^n]: The note's footnote.
        source: {title: A source}
        """,
        body,
    )
    site = scratch_site({"content/letters/a.md": note_letter, "content/letters/b.md": BASIC_LETTER})
    build(site, search=False)
    page = (site / "site" / "letters" / "a" / "index.html").read_text(encoding="utf-8")
    found = ids(page)
    assert [i for i in found if re.fullmatch(r"p\d+", i)] == ["p1", "p2"]
    duplicates = [i for i, n in Counter(found).items() if n > 1]
    assert duplicates == []
    assert page.count('class="paragraph-anchor"') == 2
    entity = (site / "site" / "people" / "ali-khamenei" / "index.html").read_text(encoding="utf-8")
    assert "paragraph-anchor" not in entity


def test_every_page_of_the_archive_has_unique_ids(tmp_path):
    build(REPO, tmp_path / "site", search=False)
    letters = sorted((tmp_path / "site" / "letters").glob("*/index.html"))
    numbered = 0
    for path in sorted((tmp_path / "site").rglob("*.html")):
        found = ids(path.read_text(encoding="utf-8"))
        assert [i for i, n in Counter(found).items() if n > 1] == [], path
        anchors = [int(i[1:]) for i in found if re.fullmatch(r"p\d+", i)]
        assert anchors == list(range(1, len(anchors) + 1)), path
        numbered += bool(anchors)
    with_text = [p for p in letters if "class=\"prose transcription\"" in p.read_text(encoding="utf-8")]
    assert numbered == len(with_text) > 0
