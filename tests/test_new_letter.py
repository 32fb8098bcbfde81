"""docket new letter --from --to --date: a filled-in skeleton, its ids and date checked as a
build checks them, and nothing written while any is wrong."""

from __future__ import annotations

from conftest import BASIC_LETTER, letter

from docket.archive.frontmatter import parse_front_matter
from docket.commands.cli import main
from docket.engine.build import check


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def build_message(site, field: str, value: str) -> str:
    """What docket check says of ``value`` in a letter's ``field``, without file and line."""
    front = f"senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {{title: A}}\n{field}: {value}\n"
    if field in ("senders", "recipients"):
        front = front.replace(f"{field}: [", f"{field}: [{value}, ", 1).replace(f"\n{field}: {value}\n", "\n")
    (site / "content/letters/probe.md").write_text(letter(front), encoding="utf-8")
    try:
        problems = check(site).problems.sorted()
    finally:
        (site / "content/letters/probe.md").unlink()
    return problems[0].format().split(": ", 1)[1]


def test_a_letter_filled_in_with_several_senders_and_recipients_checks_clean(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "content/organizations/hamas.md": "---\nname: Hamas\ndescription: A movement.\n---\n"})
    code, out, err = run(capsys, "new", "letter", "2021-06-01-reply", "--site", str(site), "--from", "ali-khamenei", "--to", "ismail-haniyeh", "--to", "hamas", "--date", "2021-06~", "--title", "A reply")
    assert (code, err) == (0, "")
    assert out.startswith("Created content/letters/2021-06-01-reply.md\n")
    text = (site / "content/letters/2021-06-01-reply.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../../schemas/letter.schema.json\ntitle: \"A reply\"\n")
    values = parse_front_matter(text.split("---\n")[1]).values
    assert (values["senders"], values["recipients"], values["date"]) == (["ali-khamenei"], ["ismail-haniyeh", "hamas"], "2021-06~")
    assert all(line == line.rstrip() for line in text.splitlines())
    (site / "content/letters/2021-06-01-reply.md").write_text(text.replace("  title:\n", "  title: Somewhere\n"), encoding="utf-8")
    assert check(site).problems.items == []


def test_without_a_title_the_letter_is_named_by_its_correspondents(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    assert run(capsys, "new", "letter", "b", "--site", str(site), "--from", "ismail-haniyeh", "--to", "ali-khamenei")[0] == 0
    values = parse_front_matter((site / "content/letters/b.md").read_text(encoding="utf-8").split("---\n")[1]).values
    assert values["title"] is None and values["date"] is None


def test_a_date_yaml_would_misread_is_quoted(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    assert run(capsys, "new", "letter", "b", "--site", str(site), "--from", "ali-khamenei", "--date", "[2021-05-22,2021-05-23]")[0] == 0
    values = parse_front_matter((site / "content/letters/b.md").read_text(encoding="utf-8").split("---\n")[1]).values
    assert values["date"] == "[2021-05-22,2021-05-23]"


def test_an_unknown_id_gets_the_builds_did_you_mean_and_nothing_is_written(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    expected = build_message(site, "recipients", "ismail-hanieh")
    assert expected == "recipients: unknown person or organization 'ismail-hanieh' — did you mean 'ismail-haniyeh'?"
    code, out, err = run(capsys, "new", "letter", "b", "--site", str(site), "--from", "ali-khamenei", "--to", "ismail-hanieh")
    assert (code, out, err) == (1, "", f"docket new: {expected}\n")
    assert not (site / "content/letters/b.md").exists()


def test_an_id_of_the_wrong_kind_gets_the_builds_message(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    expected = build_message(site, "senders", "gaza-strip")
    assert expected.startswith("senders: 'gaza-strip' is a place, not a person or organization")
    assert run(capsys, "new", "letter", "b", "--site", str(site), "--from", "gaza-strip") == (1, "", f"docket new: {expected}\n")


def test_a_bad_date_gets_the_builds_message_and_every_problem_is_told_at_once(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    date_message = build_message(site, "date", "2023-02-30")
    assert date_message.startswith("date: 2023-02-30 is not a real day")
    code, out, err = run(capsys, "new", "letter", "b", "--site", str(site), "--from", "nobody", "--to", "ali-khamenei", "--date", "2023-02-30")
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "docket new: senders: unknown person or organization 'nobody' — create content/people/nobody.md, or check the spelling",
        f"docket new: {date_message}",
    ]
    assert not (site / "content/letters/b.md").exists()
    assert not (site / "schemas").exists()


def test_letter_options_on_an_entity_are_refused(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    code, out, err = run(capsys, "new", "person", "someone", "--site", str(site), "--from", "ali-khamenei")
    assert (code, err) == (1, "docket new: --from, --to and --date fill in a letter; an entity takes only --title\n")
    assert not (site / "content/people/someone.md").exists()
