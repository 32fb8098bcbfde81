"""Published data: absolute URLs, CMIF, tables, the data package, sitemap, robots and feed.

CMIF is validated with lxml against the CMIF RELAX NG schema in ``fixtures/cmif``. Its
Schematron rules (``cmif.sch``) are XPath 2 (``queryBinding="xslt2"``, ``matches()``),
which lxml's ``isoschematron`` (XSLT 1) cannot run: each rule it states is checked here in
Python instead, and a test reads the rule file to make sure no rule is left unchecked.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import BASIC_LETTER, REPO
from lxml import etree

from docket.archive.dates import parse
from docket.config import Config
from docket.engine.build import build, check
from docket.publish.cmif import date_attributes
from docket.publish.sitemap import write_sitemap
from docket.publish.tables import CSV_FIELDS

#: the CMIF schema and rules, copied unchanged into the tests (see its README)
CMIF_DIR = Path(__file__).parent / "fixtures" / "cmif"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def cmif_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(CMIF_DIR / "cmi-customization.rng")))


@pytest.fixture(scope="module")
def content_site(tmp_path_factory) -> Path:
    """The repository's own archive, built (it has a base_url)."""
    out = tmp_path_factory.mktemp("content") / "site"
    build(REPO, out, search=False, use_cache=False)
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    """A generated archive of 400 letters (every EDTF form the format allows), built."""
    source = tmp_path_factory.mktemp("generated") / "archive"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_archive.py"), "400", str(source)], check=True, capture_output=True)
    out = source.parent / "site"
    build(source, out, search=False, use_cache=False)
    return source, out


# -- absolute addresses -------------------------------------------------------------------

def test_absolute_url_needs_base_url():
    assert Config().absolute_url("/letters/x/") is None
    assert not Config().has_base_url
    assert Config(base_url="https://example.org").absolute_url("/letters/x/") == "https://example.org/letters/x/"
    mounted = Config(base_url="https://example.org/archive/")
    assert mounted.has_base_url
    assert mounted.absolute_url("/") == "https://example.org/archive/"
    assert mounted.absolute_url("/people/ada/") == "https://example.org/archive/people/ada/"
    with pytest.raises(ValueError):
        mounted.absolute_url("people/ada/")


# -- CMIF ------------------------------------------------------------------------------

def schematron_rules() -> set[str]:
    """The codes of the assertions cmif.sch states, e.g. {'E0001', 'W0001', …}."""
    return set(re.findall(r"\[([EW]\d{4})\]", (CMIF_DIR / "cmif.sch").read_text(encoding="utf-8")))


def check_cmif_rules(document: etree._ElementTree) -> list[str]:
    """Every rule of cmif.sch, in Python: what fails, by the rule's code."""
    failed = []
    bibl_ids = document.xpath("//tei:bibl/@xml:id", namespaces=TEI)
    for bibl in document.iterfind(".//tei:bibl", TEI):
        if not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", bibl.get(XML_ID, "")):
            failed.append("W0001")
    for desc in document.iterfind(".//tei:correspDesc", TEI):
        if desc.find("tei:correspAction[@type='sent']", TEI) is None:
            failed.append(f"E0001 {desc.get('ref')}")
        if desc.find("tei:correspAction[@type='received']", TEI) is None:
            failed.append(f"E0002 {desc.get('ref')}")
        if desc.get("source") is not None and desc.get("source").partition("#")[2] not in bibl_ids:
            failed.append(f"E0003 {desc.get('ref')}")
    for when in document.iterfind(".//tei:date", TEI):
        if not any(when.get(name) for name in ("when", "from", "to", "notBefore", "notAfter")):
            failed.append(f"E0004 line {when.sourceline}")
    return failed


def test_the_rules_checked_are_every_rule_cmif_sch_states():
    """If cmif.sch gains a rule, check_cmif_rules must learn it: this fails until then."""
    assert schematron_rules() == {"W0001", "E0001", "E0002", "E0003", "E0004"}


def test_lxml_cannot_run_cmif_sch_so_its_rules_are_checked_in_python():
    from lxml import isoschematron

    with pytest.raises(etree.XSLTApplyError, match="xslt2"):
        isoschematron.Schematron(etree.parse(str(CMIF_DIR / "cmif.sch")))


def test_the_rule_checks_catch_what_the_rules_forbid(cmif_schema):
    broken = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><sourceDesc><bibl xml:id="x1"/></sourceDesc></fileDesc>'
        b'<profileDesc><correspDesc ref="r" source="#nothing"><correspAction type="sent"><persName>A</persName><date/></correspAction>'
        b"</correspDesc></profileDesc></teiHeader></TEI>"
    ).getroottree()
    assert [code.split()[0] for code in check_cmif_rules(broken)] == ["W0001", "E0002", "E0003", "E0004"]


def test_cmif_of_the_archive_is_valid_and_meets_the_rules(content_site, cmif_schema):
    document = etree.parse(str(content_site / "cmif.xml"))
    assert cmif_schema.validate(document), cmif_schema.error_log
    assert check_cmif_rules(document) == []


def test_cmif_of_a_generated_archive_is_valid_and_meets_the_rules(generated, cmif_schema):
    source, out = generated
    document = etree.parse(str(out / "cmif.xml"))
    assert cmif_schema.validate(document), cmif_schema.error_log
    assert check_cmif_rules(document) == []
    letters = json.loads((out / "data" / "letters.json").read_text(encoding="utf-8"))
    assert len(document.xpath("//tei:correspDesc", namespaces=TEI)) == sum(1 for x in letters if x["kind"] == "letter") > 300


def test_cmif_says_who_wrote_to_whom_from_where_and_when(content_site):
    document = etree.parse(str(content_site / "cmif.xml"))
    header = document.find(".//tei:fileDesc", TEI)
    assert header.findtext("tei:publicationStmt/tei:idno", namespaces=TEI) == "https://docket-letters.netlify.app/cmif.xml"
    descs = {d.get("key"): d for d in document.iterfind(".//tei:correspDesc", TEI)}
    # letters only: the speech is not correspondence
    assert "2021-05-21-haniyeh-speech" not in descs and len(descs) == 6
    desc = descs["2021-05-24-khamenei-to-haniyeh"]
    assert desc.get("ref") == "https://docket-letters.netlify.app/letters/2021-05-24-khamenei-to-haniyeh/"
    sent = desc.find("tei:correspAction[@type='sent']", TEI)
    assert [(p.text, p.get("ref")) for p in sent.iterfind("tei:persName", TEI)] == [("Ali Khamenei", "http://www.wikidata.org/entity/Q57336")]
    assert sent.find("tei:date", TEI).get("when") == "2021-05-24"
    received = desc.find("tei:correspAction[@type='received']", TEI)
    assert [p.text for p in received.iterfind("tei:persName", TEI)] == ["Ismail Haniyeh"]
    interval = descs["2022-08-al-nakhalah-to-khamenei"].find(".//tei:date", TEI)  # 2022-08-08/2022-08-11
    assert (interval.get("when"), interval.get("notBefore"), interval.get("notAfter")) == (None, "2022-08-08", "2022-08-11")
    mentions = descs["2021-05-22-al-nakhalah-to-khamenei"].findall("tei:note/tei:ref", TEI)
    kinds = {ref.get("type").rpartition("#")[2] for ref in mentions}
    assert {"mentionsPerson", "mentionsOrganization", "mentionsPlace", "hasLanguage"} <= kinds
    baghdad = check(REPO).site.entities["baghdad"].authority  # a place is named by GeoNames first
    assert (f"http://www.geonames.org/{baghdad['geonames']}", "Baghdad") in {(ref.get("target"), ref.text) for ref in mentions}


@pytest.mark.parametrize(
    ("edtf", "attributes"),
    [
        ("2021-05-22", {"when": "2021-05-22"}),
        ("2021-05", {"when": "2021-05"}),
        ("2021-02", {"when": "2021-02"}),
        ("1921", {"when": "1921"}),
        ("2021-05-22?", {"when": "2021-05-22"}),
        ("2021-XX", {"when": "2021"}),
        ("202X", {"notBefore": "2020-01-01", "notAfter": "2029-12-31"}),
        ("2022-08-08/2022-08-11", {"notBefore": "2022-08-08", "notAfter": "2022-08-11"}),
        ("2021-05/..", {"notBefore": "2021-05-01"}),
        ("../2021-05", {"notAfter": "2021-05-31"}),
        ("[2021-05-22,2021-05-25]", {"notBefore": "2021-05-22", "notAfter": "2021-05-25"}),
        ("2021-01/2021-12", {"when": "2021"}),
        ("0900", {"when": "0900"}),
        ("2001-21", {"notBefore": "2001-03-01", "notAfter": "2001-05-31"}),
        ("1985-04-12T23:20:30", {"when": "1985-04-12"}),
        ("2024-02", {"when": "2024-02"}),
        ("-0044-03-15", None),  # CMIF's years have four digits: left out
        ("Y170000002", None),
        ("XXXX-12-XX", None),  # no bound at all
    ],
)
def test_cmif_dates_come_from_the_edtf_bounds(edtf, attributes):
    assert date_attributes(parse(edtf)) == attributes


def test_cmif_header_has_the_licence_and_editor_from_docket_toml(scratch_site, tmp_path, cmif_schema):
    site = scratch_site({
        "docket.toml": 'title = "Test letters"\nbase_url = "https://example.org/a/"\nlicense = "CC-BY-4.0"\neditor = "Ada Example"\n',
        "content/letters/2021-05-24-a.md": BASIC_LETTER,
    })
    out = tmp_path / "out"
    build(site, out, search=False, use_cache=False)
    document = etree.parse(str(out / "cmif.xml"))
    assert cmif_schema.validate(document), cmif_schema.error_log
    assert document.findtext(".//tei:titleStmt/tei:editor", namespaces=TEI) == "Ada Example"
    licence = document.find(".//tei:availability/tei:licence", TEI)
    assert licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"
    assert document.find(".//tei:correspDesc", TEI).get("ref") == "https://example.org/a/letters/2021-05-24-a/"
    package = json.loads((out / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0 International"}]
    page = (out / "data" / "index.html").read_text(encoding="utf-8")
    assert 'rel="license"' in page and "Ada Example, ed. Test letters. https://example.org/a/." in page


def test_an_unknown_licence_is_an_error_with_the_right_spelling(scratch_site):
    from docket.config import load_config
    from docket.errors import Problems

    site = scratch_site({"docket.toml": 'license = "cc-by-4.0"\n'})
    problems = Problems()
    load_config(site, problems)
    assert [p.format() for p in problems.errors] == ['docket.toml:1: license: \'cc-by-4.0\' is not a licence docket knows — write license = "CC-BY-4.0"']


# -- tables and the data package --------------------------------------------------------

def test_letters_json_and_csv_hold_every_letter_with_names_and_dates_resolved(content_site):
    letters = json.loads((content_site / "data" / "letters.json").read_text(encoding="utf-8"))
    assert len(letters) == 7
    by_id = {x["id"]: x for x in letters}
    letter = by_id["2022-08-al-nakhalah-to-khamenei"]
    assert letter["date"] == {"edtf": "2022-08-08/2022-08-11", "earliest": "2022-08-08", "latest": "2022-08-11"}
    assert letter["senders"] == [{"id": "ziyad-al-nakhalah", "name": "Ziyad al-Nakhalah", "url": "https://docket-letters.netlify.app/people/ziyad-al-nakhalah/"}]
    assert letter["url"] == "https://docket-letters.netlify.app/letters/2022-08-al-nakhalah-to-khamenei/"
    assert letter["source"]["title"]
    with open(content_site / "data" / "letters.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [name for name, _, _ in CSV_FIELDS]
    assert [row["id"] for row in rows] == [x["id"] for x in letters]
    row = next(r for r in rows if r["id"] == "2022-08-al-nakhalah-to-khamenei")
    assert (row["date"], row["date_earliest"], row["date_latest"]) == ("2022-08-08/2022-08-11", "2022-08-08", "2022-08-11")
    assert (row["senders"], row["sender_names"]) == ("ziyad-al-nakhalah", "Ziyad al-Nakhalah")


def test_entities_json_holds_every_entity_with_authority_uris(content_site):
    entities = json.loads((content_site / "data" / "entities.json").read_text(encoding="utf-8"))
    assert len(entities) == 22
    khamenei = next(e for e in entities if e["id"] == "ali-khamenei")
    assert khamenei["authority"] == {"wikidata": "Q57336"}
    assert khamenei["authority_uris"] == {"wikidata": "http://www.wikidata.org/entity/Q57336"}
    assert khamenei["dates"]["born"] == {"edtf": "1939", "earliest": "1939-01-01", "latest": "1939-12-31"}
    assert khamenei["letters"] > 0 and khamenei["url"].endswith("/people/ali-khamenei/")


def test_the_data_package_describes_each_file_exactly(generated):
    _, out = generated
    folder = out / "data"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["letters-csv", "letters", "entities", "cmif"]
    for resource in package["resources"]:
        path = out / "cmif.xml" if resource["name"] == "cmif" else folder / resource["path"]
        data = path.read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    table = package["resources"][0]
    with open(folder / "letters.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert [f["name"] for f in table["schema"]["fields"]] == header


def test_the_data_package_is_valid_for_frictionless(generated):
    """Frictionless checks the package's shape, each file's size and digest, and every CSV
    row against its table schema. The CMIF resource is named by its address on the web,
    which a test cannot fetch: it is checked by the test above instead."""
    import frictionless

    _, out = generated
    package = frictionless.Package(str(out / "data" / "datapackage.json"))
    assert package.get_resource("cmif").path == "https://example.org/cmif.xml"
    package.remove_resource("cmif")
    report = package.validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


# -- sitemap, robots, feed --------------------------------------------------------------

def test_the_sitemap_lists_every_page_and_robots_points_to_it(content_site):
    document = etree.parse(str(content_site / "sitemap.xml"))
    listed = document.xpath("//s:loc/text()", namespaces=SITEMAP)
    pages = sorted(
        "https://docket-letters.netlify.app/" + p.relative_to(content_site).as_posix().removesuffix("index.html")
        for p in content_site.rglob("*.html") if p.name != "404.html"
    )
    assert listed == pages and "https://docket-letters.netlify.app/data/" in listed
    assert (content_site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n\nSitemap: https://docket-letters.netlify.app/sitemap.xml\n"


def test_a_large_sitemap_is_split_under_an_index(tmp_path):
    config = Config(base_url="https://example.org/")
    written = write_sitemap(tmp_path, [f"/letters/l{n}/" for n in range(7)], config, limit=3)
    assert [p.name for p in written] == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    index = etree.parse(str(tmp_path / "sitemap.xml"))
    assert index.getroot().tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert index.xpath("//s:loc/text()", namespaces=SITEMAP) == [f"https://example.org/sitemap-{n}.xml" for n in (1, 2, 3)]
    parts = [etree.parse(str(p)).xpath("//s:loc/text()", namespaces=SITEMAP) for p in written[1:]]
    assert [len(p) for p in parts] == [3, 3, 1]
    assert sum(parts, []) == sorted(f"https://example.org/letters/l{n}/" for n in range(7))


def test_the_feed_has_the_latest_letters_by_date_and_no_clock_time(generated):
    source, out = generated
    feed = etree.parse(str(out / "feed.xml"))
    entries = feed.findall("a:entry", ATOM)
    assert len(entries) == 50
    updated = [e.findtext("a:updated", namespaces=ATOM) for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.findtext("a:updated", namespaces=ATOM) == updated[0]
    letters = json.loads((out / "data" / "letters.json").read_text(encoding="utf-8"))
    latest_days = sorted((x["date"]["latest"] or x["date"]["earliest"] for x in letters if x["date"] and (x["date"]["latest"] or x["date"]["earliest"])), reverse=True)
    assert [u[:10] for u in updated] == latest_days[:50]
    for entry in entries:
        assert entry.findtext("a:id", namespaces=ATOM).startswith("https://example.org/letters/")
        assert entry.findtext("a:title", namespaces=ATOM)
    assert date.today().isoformat() not in (out / "feed.xml").read_text(encoding="utf-8")


# -- without base_url ---------------------------------------------------------------------

def test_without_base_url_the_build_warns_once_and_leaves_out_what_needs_full_addresses(scratch_site, tmp_path):
    site = scratch_site({"content/letters/2021-05-24-a.md": BASIC_LETTER})
    out = tmp_path / "out"
    result = build(site, out, search=False, use_cache=False)
    warnings = [w.format() for w in result.problems.warnings]
    assert warnings == [
        "docket.toml: warning: base_url is not set, so cmif.xml, sitemap.xml, feed.xml and the Sitemap line of robots.txt are left out "
        '(they need full addresses) — set base_url = "https://…/" in docket.toml to the address the site is published at'
    ]
    for absent in ("cmif.xml", "sitemap.xml", "feed.xml"):
        assert not (out / absent).exists()
    assert (out / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"
    letters = json.loads((out / "data" / "letters.json").read_text(encoding="utf-8"))
    assert letters[0]["url"] == "/letters/2021-05-24-a/"
    package = json.loads((out / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["letters-csv", "letters", "entities"] and "licenses" not in package
    page = (out / "data" / "index.html").read_text(encoding="utf-8")
    assert "cmif.xml" not in page and "letters.csv" in page and "No licence has been stated" in page


# -- the Data page --------------------------------------------------------------------------

def test_every_page_links_the_data_page_which_lists_the_files_with_their_sizes(content_site):
    page = (content_site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("data/letters.csv", "data/letters.json", "data/entities.json", "data/datapackage.json", "cmif.xml", "feed.xml"):
        assert f'href="../{name}"' in page  # links are relative to their page
    size = (content_site / "data" / "letters.json").stat().st_size
    assert f"letters.json</a> <span class=\"count\">({size / 1000:.0f} kB)</span>" in page
    assert "How to cite" in page
    for html in (content_site / "letters").glob("*/index.html"):
        assert 'href="../../data/">Data</a>' in html.read_text(encoding="utf-8")


# -- the round trip: docket import cmif of what a build published ----------------------------

def correspondence_of(site_dir: Path, key_of) -> dict[str, tuple]:
    """Each letter of a site, by ``key_of(letter)``: senders', recipients' and places' names
    and the date's bounds. A correspondent nobody knows is no correspondent."""
    site = check(site_dir).site

    def names(ids: list[str]) -> list[str]:
        return sorted(site.entities[i].name for i in ids if i != "unknown")

    def place(entity_id: str) -> str:
        return site.entities[entity_id].name if entity_id else ""

    return {
        key_of(letter): (
            names(letter.senders), names(letter.recipients), place(letter.place_sent), place(letter.place_received),
            letter.date.earliest if letter.date else None, letter.date.latest if letter.date else None,
        )
        for letter in site.letters.values()
        if letter.kind == "letter"
    }


@pytest.mark.parametrize("archive", ["content", "generated"])
def test_importing_the_published_cmif_into_an_empty_site_gives_the_same_letters(archive, content_site, generated, tmp_path):
    source, out = (REPO, content_site) if archive == "content" else generated
    empty = tmp_path / "empty"
    (empty / "content").mkdir(parents=True)
    (empty / "docket.toml").write_text('title = "Imported"\nbase_url = "https://example.net/"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "docket.commands.cli", "import", "cmif", str(out / "cmif.xml"), "--site", str(empty)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert check(empty).problems.errors == []
    base = check(source).config
    published = correspondence_of(source, lambda letter: base.absolute_url(f"/letters/{letter.id}/"))
    imported = correspondence_of(empty, lambda letter: letter.source.url)
    assert imported == published


def test_dates_cmif_and_atom_cannot_say_are_left_out_and_the_files_stay_valid(scratch_site, tmp_path, cmif_schema):
    dated = {
        "ides": "-0044-03-15", "spring": "2001-21", "yearless": "XXXX-12-XX", "long": "Y170000002", "timed": "1985-04-12T23:20:30Z",
    }
    site = scratch_site({
        "docket.toml": 'base_url = "https://example.org/"\n',
        **{f"content/letters/{name}.md": BASIC_LETTER.replace("date: 2021-05-24", f'date: "{edtf}"') for name, edtf in dated.items()},
    })
    out = tmp_path / "out"
    build(site, out, search=False, use_cache=False)
    document = etree.parse(str(out / "cmif.xml"))
    assert cmif_schema.validate(document), cmif_schema.error_log
    assert check_cmif_rules(document) == []
    dates = {d.get("key"): d.find("tei:correspAction[@type='sent']/tei:date", TEI) for d in document.iterfind(".//tei:correspDesc", TEI)}
    assert {key for key, element in dates.items() if element is None} == {"ides", "yearless", "long"}
    assert dates["spring"].text == "spring 2001" and dates["timed"].get("when") == "1985-04-12"
    feed = etree.parse(str(out / "feed.xml"))
    assert [e.findtext("a:updated", namespaces=ATOM) for e in feed.iterfind("a:entry", ATOM)] == ["2001-05-31T00:00:00Z", "1985-04-12T00:00:00Z"]
    letters = {x["id"]: x for x in json.loads((out / "data" / "letters.json").read_text(encoding="utf-8"))}
    assert letters["ides"]["date"] == {"edtf": "-0044-03-15", "earliest": "-0044-03-15", "latest": "-0044-03-15"}
    assert letters["yearless"]["date"] == {"edtf": "XXXX-12-XX", "earliest": None, "latest": None}
