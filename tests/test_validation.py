"""Every problem is reported as path:line: message — hint, all of them at once."""

from __future__ import annotations

import pytest
from conftest import BASIC_LETTER, letter

from docket.engine.build import check


def problems_of(site) -> list[str]:
    return [p.format() for p in check(site).problems.sorted()]


def test_the_basic_letter_is_clean(scratch_site):
    assert problems_of(scratch_site({"content/letters/a.md": BASIC_LETTER})) == []


def test_unknown_id_suggests_the_nearest(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("recipients: [ismail-haniyeh]", "recipients: [ismail-hanieh]")})
    assert problems_of(site) == [
        "content/letters/a.md:4: recipients: unknown person or organization 'ismail-hanieh' — did you mean 'ismail-haniyeh'?"
    ]


def test_reference_to_the_wrong_kind_names_the_expected_kind(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("recipients: [ismail-haniyeh]", "recipients: [gaza-strip]")})
    assert problems_of(site) == [
        "content/letters/a.md:4: recipients: 'gaza-strip' is a place, not a person or organization — "
        "recipients takes a person or organization; move 'gaza-strip' to the right field"
    ]


def test_all_problems_in_all_files_are_collected(scratch_site):
    site = scratch_site(
        {
            "content/letters/a.md": letter("date: 2023-02-30\nsenders: [nobody]\nrecipients: [ismail-haniyeh]\ntext: ful\nsource: {title: S}"),
            "content/letters/b.md": letter("senders: [ali-khamenei]\ntext: full\nsource: {title: S}\nrecipents: [x]"),
            "content/people/c.md": "---\nname: C\n---\n",
        }
    )
    assert problems_of(site) == [
        "content/letters/a.md:2: date: 2023-02-30 is not a real day: February 2023 has 28 days — the last day of February 2023 is 2023-02-28",
        "content/letters/a.md:3: senders: unknown person or organization 'nobody' — create content/people/nobody.md, or check the spelling",
        "content/letters/a.md:5: text: 'ful' is not one of full, excerpts, summary, mentioned, calendar — did you mean 'full'?",
        "content/letters/b.md:1: recipients: required field is missing or empty — add 'recipients: [id]' naming a person or organization",
        "content/letters/b.md:5: recipents: unknown field — did you mean 'recipients'?",
        "content/people/c.md:1: description: required field is missing or empty — add 'description: …' to the front-matter",
    ]


def test_inline_reference_to_nothing_is_located_by_line_and_column(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("Text of the letter.", "Dear brother,\n\nTo [[ismail-haniye|you]].")})
    assert problems_of(site) == ["content/letters/a.md:10:4: [[ismail-haniye]]: links to nothing — did you mean 'ismail-haniyeh'?"]


@pytest.mark.parametrize(
    "files, expected",
    [
        ({"content/letters/Bad_Name.md": BASIC_LETTER}, "content/letters/Bad_Name.md: 'Bad_Name' cannot be an id — rename the file: an id is lower-case letters a–z, digits and single hyphens between words, at most 100 characters"),
        ({"content/letters/a.md": "no front matter"}, "content/letters/a.md:1: the file does not start with front-matter — begin it with a line '---', the fields, and another '---'"),
        ({"content/letters/a.md": "---\ntitle: x\n"}, "content/letters/a.md:1: the front-matter is not closed — add a line '---' after the last field"),
        ({"content/letters/a.md": b"---\ntitle: caf\xe9\n---\n"}, "content/letters/a.md:2:11: the file is not UTF-8 (byte 0xe9) — save the file as UTF-8"),
        ({"content/letters/a.md": "---\ntitle: a\ntitle: b\n---\n"}, "content/letters/a.md:3: 'title' is given twice (first at line 2) — keep one of them"),
        ({"content/notes/a.md": BASIC_LETTER}, "content/notes/a.md: a file outside the record folders — put it in one of content/letters/, content/people/, content/organizations/, content/places/, content/events/, content/works/"),
    ],
)
def test_files_that_cannot_be_read(scratch_site, files, expected):
    assert problems_of(scratch_site(files)) == [expected]


def test_bom_and_crlf_just_work(scratch_site):
    raw = ("\ufeff" + BASIC_LETTER).replace("\n", "\r\n").encode("utf-8")
    site = scratch_site({"content/letters/a.md": raw})
    checked = check(site)
    assert checked.problems.items == []
    assert checked.site.letters["a"].date.text == "2021-05-24"


def test_same_id_in_two_folders(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "content/places/ali-khamenei.md": "---\nname: X\ndescription: Y.\n---\n"})
    assert problems_of(site) == ["content/places/ali-khamenei.md:1: the id 'ali-khamenei' is already used by content/people/ali-khamenei.md — ids are unique across all folders: rename one of the two files"]


def test_letter_without_text_is_fine_only_when_mentioned_or_calendared(scratch_site):
    mentioned = letter("senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: mentioned\nnote: Known from a report.\nsource: {title: S}", "")
    empty = letter("senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {title: S}", "")
    calendared = letter("senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: calendar\nsource: {title: S}", "")
    site = scratch_site({"content/letters/a.md": mentioned, "content/letters/b.md": empty, "content/letters/c.md": calendared})
    assert problems_of(site) == ["content/letters/b.md:6: the letter has no text, but 'text: full' says it has — add the text below the front-matter, or set 'text: mentioned' (or 'text: calendar' when the source prints it)"]


def test_reply_warnings(scratch_site):
    first = letter("date: 2021-05-24\nsenders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nin_reply_to: [b]\nsource: {title: S}")
    second = letter("date: 2021-05-25\nsenders: [ismail-haniyeh]\nrecipients: [ali-khamenei]\ntext: full\nin_reply_to: [a, b]\nsource: {title: S}")
    site = scratch_site({"content/letters/a.md": first, "content/letters/b.md": second})
    checked = check(site)
    assert not checked.problems.errors
    assert [p.format() for p in checked.problems.sorted()] == [
        "content/letters/a.md:6: warning: in_reply_to: a reply cycle: a -> b -> a — a letter can only answer an earlier one",
        "content/letters/a.md:6: warning: in_reply_to: the letter (2021-05-24) is dated before 'b' (2021-05-25), which it answers — check both dates",
        "content/letters/b.md:6: warning: in_reply_to: the letter replies to itself — remove its own id from in_reply_to",
    ]


def test_unsafe_source_url_is_refused(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("source: {title: A source}", "source: {title: S, url: 'javascript:alert(1)'}")})
    assert problems_of(site) == ["content/letters/a.md:6: source.url: 'javascript:alert(1)' is not an http(s) address — give the full address, starting with https://"]


def test_the_real_archive_is_clean():
    from conftest import REPO

    checked = check(REPO)
    assert [p.format() for p in checked.problems.sorted() if p.severity != "suggestion"] == []
    assert len(checked.site.letters) == 7


def test_value_cut_short_by_a_comment_is_a_warning(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("text: full", "text: full\ntitle: Letter #3\nsummary: Fine.  # a real comment")})
    assert problems_of(site) == [
        "content/letters/a.md:6: warning: the value was cut at ' #': YAML read 'Letter' and took the rest as a comment — put the whole value in quotes: \"Letter #3\""
    ]


PLACE = "content/places/gaza-strip.md"


@pytest.mark.parametrize(
    "coordinates, expected",
    [
        ("[31.42, 34.36]", []),
        ("{lat: 31.42, lon: -34.36}", []),
        ("[131.42, 34.36]", ["content/places/gaza-strip.md:4: coordinates[0]: latitude 131.42 is outside -90 to 90 — is it the longitude? write [latitude, longitude] in decimal degrees, e.g. [35.6944, 51.4215]"]),
        ("{lat: 31, lon: 200}", ["content/places/gaza-strip.md:4: coordinates.lon: longitude 200 is outside -180 to 180"]),
        ("[31.42 N, 34.36]", ["content/places/gaza-strip.md:4: coordinates[0]: latitude: expected a number in decimal degrees, found '31.42 N'"]),
        ("[31.42]", ["content/places/gaza-strip.md:4: coordinates: expected [latitude, longitude] or {lat: …, lon: …}"]),
        ("{latitude: 1, longitude: 2}", ["content/places/gaza-strip.md:4: coordinates: expected [latitude, longitude] or {lat: …, lon: …}"]),
    ],
)
def test_place_coordinates_are_checked(scratch_site, coordinates, expected):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, PLACE: f"---\nname: Gaza Strip\ndescription: A coastal territory.\ncoordinates: {coordinates}\n---\n"})
    found = [p.removesuffix(" — write [latitude, longitude] in decimal degrees, e.g. [35.6944, 51.4215]") for p in problems_of(site)]
    assert found == expected
    if not expected:
        lat, lon = check(site).site.entities["gaza-strip"].coordinates
        assert lat == 31.42 and abs(lon) == 34.36


def test_only_places_have_coordinates(scratch_site):
    person = "---\nname: Ali Khamenei\ndescription: Supreme Leader of Iran from 1989.\ncoordinates: [35.7, 51.4]\n---\n"
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "content/people/ali-khamenei.md": person})
    assert problems_of(site)[0].startswith("content/people/ali-khamenei.md:4: coordinates: unknown field")


def test_an_alias_in_another_language_carries_it_onto_the_page(scratch_site, tmp_path):
    """WCAG 3.1.2: a name in Arabic on an English page is marked lang="ar"."""
    from docket.engine.build import build

    person = "---\nname: Zed\naliases: [Zedd, {name: \"زد\", language: ar}]\ndescription: A person.\n---\n"
    site = scratch_site({"content/people/zed.md": person})
    checked = check(site)
    assert checked.problems.errors == []
    zed = checked.site.entities["zed"]
    assert zed.aliases == ["Zedd", "زد"] and zed.alias_languages == {"زد": "ar"}
    build(site, tmp_path / "out", search=False)
    page = (tmp_path / "out/people/zed/index.html").read_text(encoding="utf-8")
    assert '<li><bdi>Zedd</bdi></li>' in page and '<li><bdi lang="ar">زد</bdi></li>' in page


def test_a_wrong_alias_is_named_with_its_line(scratch_site):
    person = "---\nname: Zed\naliases:\n  - {name: Zedd, language: arabic}\n  - {name: Z, lang: ar}\n  - [Z, Y]\ndescription: A person.\n---\n"
    errors = [e.format() for e in check(scratch_site({"content/people/zed.md": person})).problems.errors]
    assert any(e.startswith("content/people/zed.md:4:") and "aliases[0].language: 'arabic' is not a language code" in e for e in errors), errors
    assert any(e.startswith("content/people/zed.md:5:") and "unknown field 'lang'" in e for e in errors), errors
    assert any(e.startswith("content/people/zed.md:6:") and "aliases[2]: expected a name" in e for e in errors), errors
