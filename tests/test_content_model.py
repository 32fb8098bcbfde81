"""The content model an import needs: authority ids as URLs, calendared letters, unknown languages."""

from __future__ import annotations

import re

import pytest
from conftest import BASIC_LETTER, letter

from docket.archive.authorities import identify, normalise
from docket.engine.build import build, check


@pytest.mark.parametrize(
    "authority, written, bare",
    [
        ("gnd", "https://d-nb.info/gnd/118584138", "118584138"),
        ("gnd", "http://d-nb.info/gnd/11855073X/about/html", "11855073X"),
        ("gnd", "https://d-nb.info/gnd/4076778-4", "4076778-4"),
        ("gnd", "118584138", "118584138"),
        ("geonames", "http://www.geonames.org/2911522", "2911522"),
        ("geonames", "https://www.geonames.org/3169070/rome.html", "3169070"),
        ("geonames", "https://sws.geonames.org/2911522/", "2911522"),
        ("wikidata", "https://www.wikidata.org/wiki/Q42", "Q42"),
        ("wikidata", "http://www.wikidata.org/entity/Q42", "Q42"),
        ("viaf", "http://viaf.org/viaf/59894734/", "59894734"),
        ("viaf", "https://viaf.org/viaf/59894734", "59894734"),
    ],
)
def test_authority_ids_are_read_from_urls_and_kept_bare(authority, written, bare):
    assert normalise(authority, written) == bare
    if written.startswith("http"):
        assert identify(written) == (authority, bare)


@pytest.mark.parametrize(
    "authority, written",
    [("gnd", "https://viaf.org/viaf/59894734"), ("geonames", "https://www.geonames.org/"), ("wikidata", "42"), ("viaf", "https://example.org/viaf/1")],
)
def test_a_url_of_another_authority_or_none_is_refused(authority, written):
    assert normalise(authority, written) is None


def test_an_entity_may_give_its_ids_as_urls_and_the_page_links_the_one_normal_form(scratch_site, tmp_path):
    site = scratch_site({
        "content/letters/a.md": BASIC_LETTER,
        "content/people/albert-einstein.md": "---\nname: Albert Einstein\ndescription: A physicist.\ngnd: https://d-nb.info/gnd/118529579\nwikidata: http://www.wikidata.org/entity/Q937\n---\n",
        "content/places/berlin.md": "---\nname: Berlin\ndescription: A city.\ngeonames: http://www.geonames.org/2950159/berlin.html\n---\n",
    })
    checked = check(site)
    assert checked.problems.sorted() == []
    by_id = checked.site.entities
    assert by_id["albert-einstein"].authority == {"gnd": "118529579", "wikidata": "Q937"}
    assert by_id["berlin"].authority == {"geonames": "2950159"}
    build(site, tmp_path / "out", search=False)
    page = (tmp_path / "out" / "people" / "albert-einstein" / "index.html").read_text()
    assert 'href="https://d-nb.info/gnd/118529579"' in page
    assert 'href="https://www.wikidata.org/wiki/Q937"' in page


def test_a_wrong_authority_url_is_reported_with_both_forms_in_the_hint(scratch_site):
    site = scratch_site({
        "content/letters/a.md": BASIC_LETTER,
        "content/places/rome.md": "---\nname: Rome\ndescription: A city.\ngeonames: https://d-nb.info/gnd/118584138\n---\n",
    })
    assert [p.format() for p in check(site).problems.sorted()] == [
        "content/places/rome.md:4: geonames: 'https://d-nb.info/gnd/118584138' is not a geonames id — for example 112931 or https://www.geonames.org/112931"
    ]


CALENDARED = letter(
    """
    date: 1810-07-18
    senders: [ali-khamenei]
    recipients: [ismail-haniyeh]
    language: und
    text: calendar
    source: {title: "Briefwechsel, Bd. 20", location: "No. 631"}
    """,
    body="",
)


def test_a_calendared_letter_needs_no_text_and_its_page_says_where_the_text_is(scratch_site, tmp_path):
    site = scratch_site({"content/letters/a.md": CALENDARED})
    assert check(site).problems.sorted() == []
    build(site, tmp_path / "out", search=False)
    page = (tmp_path / "out" / "letters" / "a" / "index.html").read_text()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "The text of this letter is not reproduced here; see the source" in text
    assert "Calendared: the text is not reproduced here; see the source" in text
    assert "no text survives" not in text and "known only because other documents mention it" not in text
    assert "Language Unknown" in text


def test_a_letter_that_claims_full_text_without_one_suggests_calendar(scratch_site):
    site = scratch_site({"content/letters/a.md": CALENDARED.replace("text: calendar", "text: full")})
    [problem] = check(site).problems.sorted()
    assert "the letter has no text, but 'text: full' says it has" in problem.format()
    assert "'text: calendar'" in problem.hint


def test_und_is_a_language_and_other_nonsense_is_not(scratch_site):
    site = scratch_site({"content/letters/a.md": CALENDARED.replace("language: und", "language: unknown")})
    assert [p.format() for p in check(site).problems.sorted()] == [
        "content/letters/a.md:5: language: 'unknown' is not a language code — use an ISO 639-1 code such as en, fa or ar, or und when it is not known"
    ]
