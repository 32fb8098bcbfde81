"""docket import csv: a csv2cmi sheet into content files that check clean, and only once."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from docket.archive.frontmatter import parse_front_matter
from docket.commands.cli import main
from docket.engine.build import check

SHEET = REPO / "tests" / "fixtures" / "import" / "letters.csv"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def fields(site: Path, rel: str) -> dict:
    text = (site / rel).read_text(encoding="utf-8")
    return parse_front_matter(text.split("---\n")[1]).values


@pytest.fixture
def imported(tmp_path, capsys) -> tuple[Path, int, str, str]:
    site = tmp_path / "site"
    code, out, err = run(capsys, "import", "csv", str(SHEET), "--site", str(site))
    return site, code, out, err


def test_every_good_row_is_imported_and_every_bad_one_reported_with_its_row_and_a_fix(imported):
    site, code, out, err = imported
    where = str(SHEET)
    assert code == 1
    assert err.splitlines() == [
        f"{where}:15: senderDate: 1856-02-30 is not a real day: February 1856 has 29 days — the last day of February 1856 is 1856-02-29",
        f"{where}:16: senderID: 2 ids for 1 name — give one id per name in sender, in the same order, separated by '|' (leave a place empty for a name without one)",
        f"{where}:17: senderID: 'not-an-id' is not an authority id — give a GND, VIAF, Wikidata or GeoNames URL or id, e.g. https://d-nb.info/gnd/118584138, https://www.wikidata.org/wiki/Q42 or https://www.geonames.org/2911522",
        f"{where}:18: senderPlace: empty, but senderPlaceID gives 'http://www.geonames.org/2950159' — give the place's name in senderPlace",
        f"{where}:19: edition: empty, so the letter has no source — give the edition that prints or holds the letter in the 'edition' column (or a URL in 'key')",
    ]
    assert out == f"Imported 15 letters, 8 people, 1 organization and 3 places from {where}; skipped 5 that could not be taken.\n"


def test_the_imported_site_checks_without_errors_or_warnings(imported):
    site = imported[0]
    checked = check(site)
    assert checked.problems.sorted() == []
    assert len(checked.site.letters) == 15


def test_csv2cmi_date_forms_become_edtf(imported):
    site = imported[0]
    dates = {path.stem: fields(site, f"content/letters/{path.name}").get("date") for path in (site / "content/letters").iterdir()}
    assert dates == {
        "1841-09-09-engels-to-engels": "1841-09-09",
        "1845-10-weber-to-marx": "1845-10",
        "1846-engels-to-unknown": "1846",
        "1847-03-12-unknown-to-marx": "1847-03-12?",
        "1848-04-unknown-to-marx": "1848-04~",
        "1849-05-xx-unknown-to-marx": "1849-05-XX",
        "1850-01-02-marx-to-kommunistischer-bund": "1850-01-02/1850-01-05",
        "1851-02-marx-to-engels": "1851-02/..",  # X/ : on or after X
        "1852-03-04-marx-to-engels": "../1852-03-04",  # /X : on or before X
        "1853-01-01-marx-to-engels": "[1853-01-01,1853-02-01]",  # one of a set
        "1854-06-07-marx-to-engels": "1854-06-07?",  # [X]: inferred by the editors
        "1855-07-08-marx-to-engels": "../1855-07-08",  # only received: sent on or before
        "185x-platon-to-marx": "185X",
        "1861-03-04-marx-to-engels": "1861-03-04",
        "1862-marx-to-engels": "1862",
    }
    received = fields(site, "content/letters/1855-07-08-marx-to-engels.md")
    assert received["date_note"] == "Dated by its receipt: received 8 July 1855."


def test_several_names_in_a_cell_with_ids_in_order_as_urls_or_bare(imported):
    site = imported[0]
    first = fields(site, "content/letters/1841-09-09-engels-to-engels.md")
    assert first["senders"] == ["engels-friedrich", "griesheim-albert-von"]
    assert first["place_sent"] == "barmen"
    assert first["source"] == {"title": "MEGA² III/1", "location": "224-225, 676"}
    assert first["text"] == "calendar" and first["language"] == "und"
    second = fields(site, "content/letters/1845-10-weber-to-marx.md")
    assert second["recipients"] == ["marx-karl", "engels-friedrich", "hess-moses"]
    assert second["place_received"] == "brussel"
    # the same person by URL in one row and by bare GND id in another is one entity, kept bare
    assert fields(site, "content/people/engels-friedrich.md") == {
        "name": "Engels, Friedrich", "description": "Named in the letters imported from letters.csv.", "gnd": "118530380",
    }
    assert fields(site, "content/people/hess-moses.md")["wikidata"] == "Q61062"
    assert fields(site, "content/people/engels-marie.md")["viaf"] == "189444371"
    assert fields(site, "content/places/brussel.md")["geonames"] == "2800866"
    assert fields(site, "content/people/platon.md") == {"name": "Πλάτων", "description": "Named in the letters imported from letters.csv.", "wikidata": "Q859"}


def test_unknown_correspondents_however_written_are_one_entity(imported):
    site = imported[0]
    unknown = [fields(site, f"content/letters/{stem}.md") for stem in ("1846-engels-to-unknown", "1847-03-12-unknown-to-marx", "1848-04-unknown-to-marx", "1849-05-xx-unknown-to-marx")]
    assert [letter.get("recipients" if i == 0 else "senders") for i, letter in enumerate(unknown)] == [["unknown"]] * 4
    assert fields(site, "content/people/unknown.md") == {"name": "Unknown", "description": "Stands for a correspondent the source does not name."}


def test_a_gnd_corporate_body_is_an_organization_and_inferred_names_are_noted(imported):
    site = imported[0]
    assert fields(site, "content/organizations/kommunistischer-bund.md")["gnd"] == "4076778-4"
    inferred = fields(site, "content/letters/1854-06-07-marx-to-engels.md")
    assert inferred["recipients"] == ["engels-friedrich"]
    assert inferred["note"] == "Inferred by the editors: Engels, Friedrich."


def test_notes_show_as_written_and_never_become_references(imported):
    site = imported[0]
    note = fields(site, "content/letters/1862-marx-to-engels.md")["note"]
    assert note == "A note with \\[\\[brackets\\]\\] and \\<b\\>tags\\</b\\>."


def test_a_url_in_key_is_the_source_when_there_is_no_edition(imported):
    assert fields(imported[0], "content/letters/1861-03-04-marx-to-engels.md")["source"] == {"url": "https://example.org/letters/1861"}


def test_importing_the_same_sheet_twice_changes_nothing(imported, capsys):
    site = imported[0]
    before = files_of(site)
    code, out, err = run(capsys, "import", "csv", str(SHEET), "--site", str(site))
    assert files_of(site) == before
    assert out == f"Imported 0 letters, 0 people, 0 organizations and 0 places from {SHEET}; 15 already in the site; skipped 5 that could not be taken.\n"


def test_the_same_sheet_gives_the_same_files_in_any_site(imported, tmp_path, capsys):
    other = tmp_path / "other"
    run(capsys, "import", "csv", str(SHEET), "--site", str(other))
    assert files_of(other) == files_of(imported[0])


def test_existing_entities_are_reused_by_authority_id_then_by_name_and_nothing_is_overwritten(tmp_path, capsys):
    site = tmp_path / "site"
    existing = {
        "content/people/karl-marx.md": "---\nname: Karl Marx\ndescription: A philosopher.\ngnd: https://d-nb.info/gnd/118578537\n---\n",
        "content/people/friedrich-engels.md": "---\nname: Friedrich Engels\ndescription: A philosopher.\n---\n",
        "content/letters/1862-marx-to-engels.md": "---\nsenders: karl-marx\nrecipients: friedrich-engels\ntext: full\nsource: {title: Mine}\n---\nAn earlier letter.\n",
    }
    for rel, text in existing.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    run(capsys, "import", "csv", str(SHEET), "--site", str(site))
    for rel, text in existing.items():
        assert (site / rel).read_text(encoding="utf-8") == text
    people = sorted(path.stem for path in (site / "content/people").iterdir())
    assert "marx-karl" not in people and "engels-friedrich" not in people
    moved = fields(site, "content/letters/1862-marx-to-engels-2.md")
    assert (moved["senders"], moved["recipients"]) == (["karl-marx"], ["friedrich-engels"])
    assert check(site).problems.sorted() == []


def test_a_sheet_without_the_columns_is_refused_and_nothing_written(tmp_path, capsys):
    sheet = tmp_path / "letters.csv"
    sheet.write_text("sender,adressee,senderDate\nA,B,1900\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "csv", str(sheet), "--site", str(tmp_path / "site"))
    assert (code, out) == (1, "")
    assert err == f"{sheet}:1: no column 'addressee' — did you mean 'adressee'?\nNothing was imported.\n"
    assert not (tmp_path / "site").exists()


def test_semicolons_another_delimiter_and_csv2cmi_ini_are_understood(tmp_path, capsys):
    sheet = tmp_path / "letters.csv"
    sheet.write_text("sender;senderID;addressee;senderDate;edition;key;remarks\nA, B+C, D;1051178460+;E, F;1900-01-02;Bw;3;x\n", encoding="utf-8")
    (tmp_path / "csv2cmi.ini").write_text("[Project]\nextra-delimiter = +\n\n[Bw]\ntitle = Briefwechsel, vol. 1\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "csv", str(sheet), "--site", str(tmp_path / "site"))
    assert err == f"{sheet}:1: column 'remarks' is not one of csv2cmi's and is left out — known columns: sender, senderID, senderPlace, senderPlaceID, senderDate, addressee, addresseeID, addresseePlace, addresseePlaceID, addresseeDate, edition, key, note\n"
    assert code == 0
    letter = fields(tmp_path / "site", "content/letters/1900-01-02-a-to-e.md")
    assert letter["senders"] == ["a-b", "c-d"]
    assert letter["source"] == {"title": "Briefwechsel, vol. 1", "location": "3"}
    assert fields(tmp_path / "site", "content/people/a-b.md")["gnd"] == "1051178460"


def test_a_failed_write_leaves_whole_files_only_and_importing_again_adds_the_rest(tmp_path, capsys):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "letters").write_text("in the way")  # a file where the folder must go
    code, out, err = run(capsys, "import", "csv", str(SHEET), "--site", str(site))
    assert code == 1 and out == ""
    assert err.startswith(f"docket import: cannot write into {site / 'content'} (")
    assert err.endswith("— every file written is whole; free the space or fix the permissions and import again to add the rest\n")
    assert not [path for path in site.rglob("*") if path.name.startswith(".")]
    assert fields(site, "content/people/marx-karl.md")["gnd"] == "118578537"
    (site / "content" / "letters").unlink()
    code, out, err = run(capsys, "import", "csv", str(SHEET), "--site", str(site))
    assert out == f"Imported 15 letters, 0 people, 0 organizations and 0 places from {SHEET}; skipped 5 that could not be taken.\n"
    assert files_of(site) == files_of(_fresh_import(tmp_path / "fresh", capsys))


def _fresh_import(site: Path, capsys) -> Path:
    run(capsys, "import", "csv", str(SHEET), "--site", str(site))
    return site
