"""References as the link stage sees them: from the same parse that renders them.

What a page shows as code is never a reference (no error, no backlink); an unresolved
reference is reported at its line and column in the file; letters named by other
letters list them, by role.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

from conftest import BASIC_LETTER, REPO, letter

from docket.engine.build import build, check

FRONT = "date: 2021-05-25\nsenders: [ismail-haniyeh]\nrecipients: [ali-khamenei]\ntext: full\nsource: {title: S}"


def messages(checked) -> list[str]:
    return [problem.format() for problem in checked.problems.errors]


def test_references_inside_code_are_text_for_the_link_stage_too(scratch_site):
    body = "Indented:\n\n    [[nobody]] [[gaza-strip]]\n\nSpans: ``[[nobody]]`` and `a\n[[gaza-strip]]`.\n"
    checked = check(scratch_site({"content/letters/a.md": letter(FRONT, body)}))
    assert messages(checked) == []
    assert "gaza-strip" not in checked.site.links_to


def test_an_unresolved_reference_is_reported_at_its_line_and_column(scratch_site):
    body = "First line.\n\n> Quoted, to [[ismail-hanieh]].\n\n| a | b |\n|---|---|\n| x | [[gaza-stip\\|Gaza]] |\n"
    checked = check(scratch_site({"content/letters/a.md": letter(FRONT, body)}))
    assert messages(checked) == [
        "content/letters/a.md:10:14: [[ismail-hanieh]]: links to nothing — did you mean 'ismail-haniyeh'?",
        "content/letters/a.md:14:7: [[gaza-stip]]: links to nothing — did you mean 'gaza-strip'?",
    ]


def test_a_reference_in_a_front_matter_note_is_reported_at_its_line(scratch_site):
    front = FRONT + "\nnote: |\n  First line.\n  Then [[nobody]]."
    checked = check(scratch_site({"content/letters/a.md": letter(front)}))
    assert messages(checked) == ["content/letters/a.md:9: [[nobody]]: links to nothing — link to the file name of a letter or entity, without .md"]


class Sections(HTMLParser):
    """The headings of a letter page's 'Referred to' section, each with the links under it."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url  # the page's own address, against which its links resolve
        self.inside = False
        self.depth = 0
        self.heading: list[str] | None = None
        self.found: dict[str, list[str]] = {}
        self.current = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("class") == "referred":
            self.inside, self.depth = True, 0
        if not self.inside:
            return
        if tag == "section":
            self.depth += 1
        elif tag == "h3":
            self.heading = []
        elif tag == "a" and self.current and "/letters/" in attrs.get("href", "") or tag == "a" and self.current and "/people/" in attrs.get("href", ""):
            self.found[self.current].append(urljoin(self.url, attrs["href"]))

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "h3" and self.heading is not None:
            self.current = "".join(self.heading).split(" (")[0].strip()
            self.found[self.current] = []
            self.heading = None
        elif tag == "section":
            self.depth -= 1
            self.inside = self.depth > 0

    def handle_data(self, data):
        if self.heading is not None:
            self.heading.append(data)


def referred(page: str, url: str) -> dict[str, list[str]]:
    parser = Sections(url)
    parser.feed(page)
    return parser.found


def test_a_letter_lists_the_letters_and_entities_that_refer_to_it_by_role(scratch_site):
    site = scratch_site({
        "content/letters/a.md": BASIC_LETTER,
        "content/letters/b.md": letter(FRONT + "\ncites: [{letter: a, ref: para. 2}]", "As I wrote before."),
        "content/letters/c.md": letter(FRONT + "\nnote: Answers [[a]] in part.", "Text."),
        "content/letters/d.md": letter(FRONT, "About [[a|your letter]]."),
        "content/people/x.md": "---\nname: X\ndescription: A person.\n---\nWrote about [[a]].\n",
    })
    build(site, search=False)
    page = (site / "site/letters/a/index.html").read_text()
    assert referred(page, "/letters/a/") == {
        "Mentioned in": ["/letters/c/", "/letters/d/"],
        "Cited in": ["/letters/b/"],
        "Linked from": ["/people/x/"],
    }


def test_a_citation_names_one_work_or_one_letter(scratch_site):
    front = FRONT + "\ncites:\n  - {letter: gaza-strip}\n  - {ref: '1'}"
    checked = check(scratch_site({"content/letters/a.md": letter(front)}))
    assert messages(checked) == [
        "content/letters/a.md:9: cites[1]: a citation names one work or one letter — write '{work: quran, ref: \"47:7\"}' or '{letter: ID}'",
        "content/letters/a.md:8: cites[0].letter: 'gaza-strip' is a place, not a letter — cites[0].letter takes a letter; move 'gaza-strip' to the right field",
    ]


def test_the_archives_speech_note_shows_on_the_letter_it_names(tmp_path):
    """The speech's footnote names Haniyeh's letter of 18 May 2021: that page says so."""
    build(REPO, tmp_path / "site", search=False, use_cache=False)
    page = (tmp_path / "site/letters/2021-05-18-haniyeh-to-khamenei/index.html").read_text()
    assert referred(page, "/letters/2021-05-18-haniyeh-to-khamenei/")["Mentioned in"] == ["/letters/2021-05-21-haniyeh-speech/"]
