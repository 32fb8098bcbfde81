"""docket import cmif: CMIF files (the official examples, v2 mentions, bad entries) into content."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO
from test_import_csv import fields, files_of, run

from docket.engine.build import build, check

FIXTURES = REPO / "tests" / "fixtures" / "import"
EXAMPLE1 = FIXTURES / "example01_basic.xml"
EXAMPLE2 = FIXTURES / "example02_cmi-with-printed-edition.xml"
V2 = FIXTURES / "v2-and-problems.xml"


def letters_of(site: Path) -> dict[str, dict]:
    return {path.stem: fields(site, f"content/letters/{path.name}") for path in sorted((site / "content/letters").iterdir())}


@pytest.fixture
def examples(tmp_path, capsys) -> tuple[Path, list[tuple[int, str, str]]]:
    site = tmp_path / "site"
    results = [run(capsys, "import", "cmif", str(path), "--site", str(site)) for path in (EXAMPLE1, EXAMPLE2)]
    return site, results


def test_the_official_examples_are_imported_whole(examples):
    site, results = examples
    assert results == [
        (0, f"Imported 3 letters, 4 people, 0 organizations and 4 places from {EXAMPLE1}.\n", ""),
        (0, f"Imported 3 letters, 3 people, 0 organizations and 3 places from {EXAMPLE2}.\n", ""),
    ]
    said = {stem: (f["senders"], f["recipients"], f.get("place_sent"), f.get("place_received"), f.get("date")) for stem, f in letters_of(site).items()}
    assert said == {
        # cert="medium" on a notBefore/notAfter pair: an uncertain interval
        "1810-07-11-gansbacher-to-weber": (["gansbacher-johann"], ["weber-carl-maria-von"], None, "mannheim", "1810-07-11?/1810-07-18?"),
        "1819-08-05-weber-to-pastenaci": (["weber-carl-maria-von"], ["pastenaci-e"], "hosterwitz", None, "1819-08-05"),
        "1825-05-07-weber-to-dietrichstein": (["weber-carl-maria-von"], ["dietrichstein-moritz-von"], "dresden", "wien", "1825-05-07"),
        "1792-11-22-soemmerring-to-birkenstock": (["samuel-thomas-soemmerring"], ["melchior-von-birkenstock"], "mainz", "wien-2", "1792-11-22"),
        "1792-11-28-heyne-to-soemmerring": (["christian-gottlob-heyne"], ["samuel-thomas-soemmerring"], "gottingen", "mainz", "1792-11-28"),
        "1792-11-30-heyne-to-soemmerring": (["christian-gottlob-heyne"], ["samuel-thomas-soemmerring"], "gottingen", "mainz", "1792-11-30"),
    }
    first = letters_of(site)["1810-07-11-gansbacher-to-weber"]
    assert first["date_note"] == "Received: 18 July 1810."
    assert first["source"]["url"] == "http://www.weber-gesamtausgabe.de/A044980"
    assert first["text"] == "calendar" and first["language"] == "und"
    printed = letters_of(site)["1792-11-22-soemmerring-to-birkenstock"]["source"]
    assert printed["title"].startswith("Samuel Thomas Soemmerring. Briefwechsel November 1792 – April 1805.")
    assert printed["location"] == "631"
    # two places both called Wien, told apart by their GeoNames ids; a VIAF URL kept bare
    assert fields(site, "content/places/wien.md")["geonames"] == "2761369"
    assert fields(site, "content/places/wien-2.md")["geonames"] == "2761367"
    assert fields(site, "content/people/melchior-von-birkenstock.md")["viaf"] == "59894734"
    assert "gnd" not in fields(site, "content/people/pastenaci-e.md")


def test_the_imported_examples_check_clean_and_build(examples, tmp_path):
    site = examples[0]
    assert check(site).problems.sorted() == []
    build(site, tmp_path / "out", search=False)
    page = (tmp_path / "out" / "letters" / "1825-05-07-weber-to-dietrichstein" / "index.html").read_text()
    assert "is not reproduced here" in page and "no text survives" not in page


def test_importing_the_examples_again_changes_nothing(examples, capsys):
    site = examples[0]
    before = files_of(site)
    for path in (EXAMPLE2, EXAMPLE1):
        code, out, err = run(capsys, "import", "cmif", str(path), "--site", str(site))
        assert (code, err) == (0, "")
        assert out == f"Imported 0 letters, 0 people, 0 organizations and 0 places from {path}; 3 already in the site.\n"
    assert files_of(site) == before


def test_v2_mentions_language_notes_and_every_bad_entry_at_its_line(tmp_path, capsys):
    site = tmp_path / "site"
    code, out, err = run(capsys, "import", "cmif", str(V2), "--site", str(site))
    assert code == 1
    assert err.splitlines() == [
        f"{V2}:44: date/@when: '20.03.1853' is not a CMIF date — write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1810-07-18",
        f"{V2}:50: correspDesc: no @source naming a bibl, and no @ref — point @source at the sourceDesc/bibl the letter is printed in (source=\"#id\"), or give its URL in @ref",
        f"{V2}:57: sent/persName/@ref: 'urn:nbn:x' is not an authority id — give a GND, VIAF, Wikidata or GeoNames URL or id, e.g. https://d-nb.info/gnd/118584138, https://www.wikidata.org/wiki/Q42 or https://www.geonames.org/2911522",
        f"{V2}:62: senders: 'Berlin, Caroline' has the authority id of place 'berlin' — senders takes a person or organization: check the id, or the column it is in",
    ]
    assert out == f"Imported 2 letters, 4 people, 2 organizations and 2 places from {V2}; skipped 4 that could not be taken.\n"
    letters = letters_of(site)
    first = letters["1852-01-weber-to-theater-intendanz-berlin"]
    assert first["date"] == "1852-01?/1852-02-10?"
    assert first["date_note"] == "Januar/Februar 1852"
    assert first["senders"] == ["weber-caroline-von", "weber-huberta-von"]
    assert first["recipients"] == ["theater-intendanz-berlin"]
    assert first["mentions"] == {"organizations": ["konigliche-oper"], "people": ["meyerbeer-giacomo"], "places": ["berlin"]}
    assert first["language"] == "de"
    assert first["note"] == "Only the envelope survives. Inferred by the editors: Theater-Intendanz Berlin."
    assert first["source"] == {"title": "Weber-Gesamtausgabe, online", "url": "http://weber-gesamtausgabe.de/A046392"}
    assert fields(site, "content/people/weber-huberta-von.md")["extra"] == {"same_as": ["http://weber-gesamtausgabe.de/A008673"]}
    assert letters["1853-03-01-weber-to-unknown"]["date"] == "1853-03-01/1853-03-20"  # sent from the 1st, received on the 20th
    assert check(site).problems.sorted() == []


def test_a_file_that_is_not_well_formed_imports_nothing(tmp_path, capsys):
    broken = tmp_path / "broken.xml"
    broken.write_text(EXAMPLE1.read_text(encoding="utf-8").replace("</correspDesc>", "</correspdesc>", 3), encoding="utf-8")
    code, out, err = run(capsys, "import", "cmif", str(broken), "--site", str(tmp_path / "site"))
    assert (code, out) == (1, "")
    assert err == f"{broken}:50: not well-formed XML (mismatched tag) — fix the XML and import the file again\nNothing was imported.\n"
    assert not (tmp_path / "site").exists()


def test_ten_thousand_letters_are_streamed_in_and_found_again(tmp_path, capsys):
    big = tmp_path / "big.xml"
    with big.open("w", encoding="utf-8") as out:
        out.write('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><sourceDesc><bibl xml:id="b">Edition</bibl></sourceDesc></fileDesc><profileDesc>\n')
        for i in range(10_000):
            out.write(
                f'<correspDesc key="{i}" source="#b"><correspAction type="sent"><persName ref="http://d-nb.info/gnd/1{i % 700:08d}">Person {i % 700}</persName>'
                f'<placeName ref="http://www.geonames.org/{i % 90 + 1}">Place {i % 90}</placeName><date when="{1800 + i % 100}-{1 + i % 12:02d}"/></correspAction>'
                f'<correspAction type="received"><persName>Recipient {i * 3 % 700}</persName></correspAction></correspDesc>\n'
            )
        out.write("</profileDesc></teiHeader></TEI>\n")
    site = tmp_path / "site"
    assert run(capsys, "import", "cmif", str(big), "--site", str(site))[1] == f"Imported 10000 letters, 1400 people, 0 organizations and 90 places from {big}.\n"
    assert run(capsys, "import", "cmif", str(big), "--site", str(site))[1] == f"Imported 0 letters, 0 people, 0 organizations and 0 places from {big}; 10000 already in the site.\n"
    assert len(check(site).site.letters) == 10_000
