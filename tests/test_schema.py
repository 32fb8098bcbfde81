"""docket schema: the editors' JSON Schema, made from the definitions the validator reads by.

The archive's own files must pass it, what docket check refuses it must refuse too, it
must itself be a valid draft 2020-12 schema, and a field added to the definitions must
show in it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, letter

from docket.archive import fields, kinds
from docket.archive.fields import Field
from docket.archive.frontmatter import parse_front_matter
from docket.archive.kinds import KIND_OF_FOLDER, KINDS
from docket.archive.schema import (
    DRAFT,
    all_schemas,
    bundle,
    entity_schema,
    letter_schema,
)
from docket.commands.cli import main
from docket.engine.build import check

SCHEMAS = all_schemas()


def front(text: str) -> dict:
    """A file's front-matter as docket reads it (every scalar a string)."""
    return parse_front_matter(text.split("---\n", 2)[1]).values


def errors(kind: str, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMAS[kind])
    return [error.message for error in validator.iter_errors(front(text))]


def content_files() -> list[Path]:
    return sorted((REPO / "content").rglob("*.md"))


def test_every_schema_is_a_valid_draft_2020_12_schema():
    assert set(SCHEMAS) == set(KINDS)
    for schema in [*SCHEMAS.values(), bundle()]:
        assert schema["$schema"] == DRAFT
        jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(REPO / "content").as_posix())
def test_every_file_of_the_archive_passes_its_kinds_schema_and_the_bundle(path):
    kind = KIND_OF_FOLDER[path.parent.name]
    values = front(path.read_text(encoding="utf-8"))
    jsonschema.validate(values, SCHEMAS[kind], cls=jsonschema.Draft202012Validator)
    jsonschema.validate(values, bundle(), cls=jsonschema.Draft202012Validator)


def test_the_archive_has_every_kind_so_every_schema_was_exercised():
    assert {KIND_OF_FOLDER[p.parent.name] for p in content_files()} == set(KINDS)


GOOD = """
senders: [ali-khamenei]
recipients: [ismail-haniyeh]
text: full
source: {title: A source}
"""


@pytest.mark.parametrize(
    "front_matter, complaint",
    [
        (GOOD + "recipents: [x]\n", "'recipents' was unexpected"),
        (GOOD.replace("text: full", "text: fulll"), "'fulll' is not one of"),
        (GOOD.replace("text: full", "text: mentioned"), "'note' is a required property"),
        (GOOD.replace("recipients: [ismail-haniyeh]", ""), "'recipients' is a required property"),
        (GOOD.replace("senders: [ali-khamenei]", "senders: []"), "[] is not valid under any of the given schemas"),
        (GOOD.replace("senders: [ali-khamenei]", "senders: [Ali Khamenei]"), "is not valid under any of the given schemas"),
        (GOOD.replace("{title: A source}", "{publisher: Someone}"), "is not valid under any of the given schemas"),
        (GOOD.replace("{title: A source}", "{title: A, url: 'ftp://x.org/a'}"), "does not match"),
        (GOOD + "date: May 2021\n", "does not match"),
        (GOOD + "language: English\n", "does not match"),
        (GOOD + "kind: memo\n", "'memo' is not one of"),
        (GOOD + "mentions: {persons: [x]}\n", "'persons' was unexpected"),
        (GOOD + "cites: [{work: quran, letter: a}]\n", "is not valid under any of the given schemas"),
        (GOOD + "place_sent: [gaza-strip]\n", "is not of type"),
    ],
)
def test_a_wrong_field_or_value_fails_the_letter_schema_as_it_fails_check(scratch_site, front_matter, complaint):
    text = letter(front_matter)
    found = errors("letter", text)
    assert any(complaint in message for message in found), found
    site = scratch_site({"content/letters/a.md": text})
    assert check(site).problems.errors, "docket check accepts what the schema refuses"


def test_a_speech_needs_no_recipients_in_the_schema_as_in_check(scratch_site):
    text = letter(GOOD.replace("recipients: [ismail-haniyeh]", "kind: speech"))
    assert errors("letter", text) == []
    assert check(scratch_site({"content/letters/a.md": text})).problems.errors == []


@pytest.mark.parametrize(
    "front_matter, complaint",
    [
        ("name: A\ndescription: One.\nborn: 1953\nwikidata: Q0\n", "does not match"),
        ("name: A\ndescription: |\n  One.\n  Two.\n", "does not match"),
        ("name: A\n", "'description' is a required property"),
        ("name: A\ndescription: One.\nstart: 2021\n", "'start' was unexpected"),
    ],
)
def test_a_wrong_field_or_value_fails_the_person_schema_as_it_fails_check(scratch_site, front_matter, complaint):
    text = "---\n" + front_matter + "---\n"
    found = errors("person", text)
    assert any(complaint in message for message in found), found
    site = scratch_site({"content/letters/a.md": letter(GOOD), "content/people/someone.md": text})
    assert check(site).problems.errors


def test_what_yaml_1_2_reads_as_numbers_passes_where_docket_reads_text():
    """Editors' YAML tools read 'born: 1953' and 'viaf: 111154736' as numbers; docket as text."""
    values = {"name": "A", "description": "One.", "born": 1953, "viaf": 111154736, "title": None}
    values.pop("title")
    jsonschema.validate(values, SCHEMAS["person"], cls=jsonschema.Draft202012Validator)
    jsonschema.validate({**front(letter(GOOD)), "title": 1984, "date": None}, SCHEMAS["letter"], cls=jsonschema.Draft202012Validator)


def test_a_field_added_to_the_definitions_shows_in_the_schema():
    added = Field("place_written", "id", "where it was written", refs=("place",))
    schema = letter_schema(fields.LETTER + (added,))
    assert schema["properties"]["place_written"]["description"].startswith("where it was written")
    assert "place_written" not in SCHEMAS["letter"]["properties"]
    required = dataclasses.replace(added, required=True)
    assert "place_written" in letter_schema(fields.LETTER + (required,))["required"]


def test_a_date_added_to_a_kind_in_the_registry_shows_in_its_schema(monkeypatch):
    work = KINDS["work"]
    monkeypatch.setitem(kinds.KINDS, "work", dataclasses.replace(work, dates=work.dates + (("revised", "Revised"),)))
    schema = entity_schema("work")
    assert schema["properties"]["revised"]["pattern"] == SCHEMAS["work"]["properties"]["date"]["pattern"]
    assert "revised" not in SCHEMAS["work"]["properties"]


def test_every_declared_field_is_in_the_schema_and_nothing_else():
    assert list(SCHEMAS["letter"]["properties"]) == [field.name for field in fields.LETTER]
    for kind in kinds.ENTITY_KINDS:
        assert list(SCHEMAS[kind]["properties"]) == [field.name for field in fields.entity_fields(kind)]


def test_docket_schema_writes_a_folder_or_one_file(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    assert main(["schema", "--site", str(site)]) == 0
    assert capsys.readouterr().out == f"Wrote 6 schemas to {site / 'schemas'}.\n"
    assert json.loads((site / "schemas" / "letter.schema.json").read_text(encoding="utf-8")) == SCHEMAS["letter"]
    assert main(["schema", "--site", str(site), "--output", str(tmp_path / "one.json")]) == 0
    assert json.loads((tmp_path / "one.json").read_text(encoding="utf-8")) == bundle()


def test_the_repositorys_schemas_are_the_ones_docket_writes(tmp_path):
    """schemas/ is committed for editors of this archive; 'docket schema' refreshes it."""
    assert main(["schema", "--output", str(tmp_path)]) == 0
    for kind in KINDS:
        name = f"{kind}.schema.json"
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == (tmp_path / name).read_text(encoding="utf-8"), f"run 'docket schema' to refresh schemas/{name}"


def patterns(node) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in patterns(value)]
    return []


def test_every_pattern_is_an_ecmascript_unicode_regex():
    """Editors' tools compile patterns as JavaScript regexes with the u flag, which refuses
    escapes of characters that need none (such as \\")."""
    found = [p for schema in SCHEMAS.values() for p in patterns(schema)]
    assert len(found) > 10
    for pattern in found:
        for escaped in re.findall(r"\\(.)", pattern):
            assert escaped in "dDsSwWbBnrtfv0^$\\.*+?()[]{}|/-", f"\\{escaped} in {pattern}"


def test_an_authority_id_may_be_bare_or_its_url_in_the_schema_as_in_check(scratch_site):
    text = "---\nname: A\ndescription: One.\nwikidata: https://www.wikidata.org/wiki/Q57336\nviaf: '111154736'\n---\n"
    assert errors("person", text) == []
    site = scratch_site({"content/letters/a.md": letter(GOOD), "content/people/someone.md": text})
    assert check(site).problems.errors == []


def test_coordinates_as_docket_and_as_yaml_1_2_read_them_and_a_wrong_one(scratch_site):
    """The range is checked on numbers, as editors' tools read them; on text, by the build."""
    schema = jsonschema.Draft202012Validator(SCHEMAS["place"])
    place = {"name": "Tehran", "description": "A city."}
    assert list(schema.iter_errors({**place, "coordinates": ["35.6944", "51.4215"]})) == []
    assert list(schema.iter_errors({**place, "coordinates": {"lat": 35.6944, "lon": 51.4215}})) == []
    assert list(schema.iter_errors({**place, "coordinates": {"lat": 95, "lon": 51}}))
    assert list(schema.iter_errors({**place, "coordinates": ["north", "51"]}))
    text = "---\nname: T\ndescription: A city.\ncoordinates: {lat: 95, lon: 51}\n---\n"
    assert check(scratch_site({"content/letters/a.md": letter(GOOD), "content/places/t.md": text})).problems.errors


def test_an_alias_may_say_its_language_in_the_schema_as_in_check(scratch_site):
    good = "---\nname: A\ndescription: One.\naliases: [Ay, {name: آ, language: fa}]\n---\n"
    bad = "---\nname: A\ndescription: One.\naliases: [{name: آ, language: Persian}]\n---\n"
    assert errors("person", good) == []
    assert errors("person", bad)
    for text, wrong in ((good, False), (bad, True)):
        site = scratch_site({"content/letters/a.md": letter(GOOD), "content/people/someone.md": text})
        assert bool(check(site).problems.errors) == wrong
