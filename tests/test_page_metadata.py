"""Page metadata: schema.org JSON-LD on letter and entity pages, checked against the
archive's data, and Open Graph on every page; none of the absolute-URL metadata without
base_url; content cannot break out of the JSON-LD block."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PEOPLE, REPO
from conftest import letter as letter_file

from docket.archive.kinds import ENTITY_KINDS, KINDS
from docket.archive.model import Entity
from docket.engine.build import build, check
from docket.paths import record_url
from docket.site.linked_data import DATE_PROPERTIES, SCHEMA_TYPES, script_json

BASE = "https://docket-letters.netlify.app"


class Metadata(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.og: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.scripts = 0
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("property", "").startswith("og:"):
            assert attributes["property"] not in self.og, f"{attributes['property']} twice"
            self.og[attributes["property"]] = attributes.get("content", "")
        if tag == "script":
            self.scripts += 1
            self._in_json_ld = attributes.get("type") == "application/ld+json"
            if self._in_json_ld:
                self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def metadata(path: Path) -> Metadata:
    parser = Metadata()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def json_ld(path: Path) -> dict:
    found = metadata(path).json_ld
    assert len(found) == 1, path
    return json.loads(found[0])


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    output = tmp_path_factory.mktemp("metadata") / "site"
    build(REPO, output, search=False)
    return output, check(REPO).site


def page_of(output: Path, url: str) -> Path:
    return output / url.strip("/") / "index.html"


def test_letter_pages_describe_the_letter_as_its_data_says(archive):
    output, site = archive
    for letter_id, letter in site.letters.items():
        data = json_ld(page_of(output, record_url("letter", letter_id)))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == ("Message" if letter.kind == "letter" else "CreativeWork")
        assert data["url"] == BASE + record_url("letter", letter_id)
        assert data["name"] == site.titles[letter_id]
        people = "sender" if letter.kind == "letter" else "author"
        assert [(p["name"], p["url"]) for p in data[people]] == [(site.titles[i], BASE + site.url(i)) for i in letter.senders]
        if letter.kind == "letter":
            assert [p["name"] for p in data["recipient"]] == [site.titles[i] for i in letter.recipients]
        exact = letter.date is not None and not letter.date.is_uncertain_or_approximate
        assert data.get("dateSent" if letter.kind == "letter" else "dateCreated") == (letter.date.iso if exact else None), letter_id
        about = {node["url"] for node in data.get("about", [])}
        mentioned = {BASE + site.url(i) for ids in letter.mentions.values() for i in ids}
        mentioned |= {BASE + site.url(x.target) for x in site.inline.get(letter_id, ()) if isinstance(site.record(x.target), Entity)}
        assert about == mentioned, letter_id
        assert data["inLanguage"] == (letter.language or "en")
        if letter.source.url:
            assert data["isBasedOn"]["url"] == letter.source.url
        if letter.source.title:
            assert data["isBasedOn"]["name"] == letter.source.title


def test_a_letter_with_an_exact_date_is_dated_and_its_sender_has_its_authority_record(archive):
    output, site = archive
    data = json_ld(page_of(output, "/letters/2022-08-11-khamenei-to-al-nakhalah/"))
    assert data["dateSent"] == data["dateCreated"] == "2022-08-11"
    khamenei = site.entities["ali-khamenei"]
    assert data["sender"] == [{"@type": "Person", "name": "Ali Khamenei", "url": BASE + "/people/ali-khamenei/", "sameAs": [f"https://www.wikidata.org/wiki/{khamenei.authority['wikidata']}"]}]
    assert data["isBasedOn"]["publisher"]["name"] == "Office of the Supreme Leader"
    assert data["translationOfWork"] == {"@type": "CreativeWork", "inLanguage": "fa"}
    uncertain = json_ld(page_of(output, "/letters/2021-05-18-haniyeh-to-khamenei/"))
    assert "dateSent" not in uncertain and "dateCreated" not in uncertain


def test_every_entity_kind_and_date_field_has_its_schema_org_name():
    assert set(SCHEMA_TYPES) == set(ENTITY_KINDS), "give the kind its schema.org type in site/linked_data.py"
    fields = {name for kind in ENTITY_KINDS for name, _ in KINDS[kind].dates}
    assert fields <= set(DATE_PROPERTIES), "give the date field its schema.org property in site/linked_data.py"


def test_entity_pages_describe_the_entity(archive):
    output, site = archive
    for entity_id, entity in site.entities.items():
        data = json_ld(page_of(output, record_url(entity.kind, entity_id)))
        assert data["@type"] == SCHEMA_TYPES[entity.kind]
        assert data["name"] == entity.name
        assert data["url"] == BASE + record_url(entity.kind, entity_id)
        assert data.get("description") == (entity.description or None)
        assert data.get("alternateName", []) == entity.aliases
        assert len(data.get("sameAs", [])) == len(entity.authority)
        for name, date in entity.dates.items():
            expected = None if date.is_uncertain_or_approximate else date.iso
            assert data.get(DATE_PROPERTIES[name]) == expected, (entity_id, name)
        assert [p["name"] for p in data.get("location", [])] == [site.titles[i] for i in entity.places]
        if entity.coordinates is not None:
            assert data["geo"] == {"@type": "GeoCoordinates", "latitude": entity.coordinates[0], "longitude": entity.coordinates[1]}
        else:
            assert "geo" not in data
    assert any(e.coordinates for e in site.entities.values()), "the archive has a place with coordinates to check"


def test_every_page_has_open_graph(archive):
    output, site = archive
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        og = metadata(path).og
        assert set(og) >= {"og:title", "og:type", "og:url", "og:site_name"}, path
        assert og["og:url"].startswith(BASE + "/"), path
        assert og["og:site_name"] == "Letters between Iran's Supreme Leader and Palestinian faction leaders, 2021–2022"
    letter = metadata(page_of(output, "/letters/2022-08-11-khamenei-to-al-nakhalah/")).og
    assert letter["og:type"] == "article"
    assert letter["og:title"] == "Ali Khamenei to Ziyad al-Nakhalah"
    assert letter["og:url"] == BASE + "/letters/2022-08-11-khamenei-to-al-nakhalah/"
    assert letter["og:description"] == site.letters["2022-08-11-khamenei-to-al-nakhalah"].summary
    assert metadata(page_of(output, "/people/ali-khamenei/")).og["og:type"] == "profile"
    assert metadata(output / "index.html").og["og:url"] == BASE + "/"


HOSTILE_TITLE = "Closing </script><script>alert(1)</script> & <!-- early"


def hostile_site(scratch_site, base_url: str | None) -> Path:
    config = 'title = "Letters"\n' + (f'base_url = "{base_url}"\n' if base_url else "")
    hostile = letter_file(
        f"""
        title: "{HOSTILE_TITLE}"
        date: 2021-05-24
        senders: [ali-khamenei]
        recipients: [ismail-haniyeh]
        text: full
        summary: "A </SCRIPT > summary"
        source: {{title: "</script>", url: "https://example.org/a?b=1&c=2"}}
        """
    )
    return scratch_site({"docket.toml": config, "content/letters/hostile.md": hostile, **PEOPLE})


def test_content_cannot_close_the_json_ld_block(scratch_site):
    site = hostile_site(scratch_site, "https://example.org/archive/")
    build(site, search=False)
    page = site / "site" / "letters" / "hostile" / "index.html"
    found = metadata(page)
    assert found.scripts == 3  # the JSON-LD, disk.js and cite.js: nothing else opened a script
    data = json.loads(found.json_ld[0])
    assert data["name"] == HOSTILE_TITLE
    assert data["description"] == "A </SCRIPT > summary"
    assert data["isBasedOn"]["url"] == "https://example.org/a?b=1&c=2"
    assert data["url"] == "https://example.org/archive/letters/hostile/"
    block = page.read_text(encoding="utf-8").split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert script_json({"a": "</script>"}) == '{"a":"\\u003c/script\\u003e"}'


def test_without_base_url_the_absolute_url_metadata_is_left_out(scratch_site):
    site = hostile_site(scratch_site, None)
    build(site, search=False)
    for path in sorted((site / "site").rglob("*.html")):
        found = metadata(path)
        assert found.json_ld == [], path
        assert "og:url" not in found.og and "og:title" in found.og, path
    page = (site / "site" / "letters" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "https://" not in page.split('id="cite-chicago"')[1].split("</p>")[0].replace("https://example.org/a?b=1&amp;c=2", "")
