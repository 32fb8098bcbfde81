"""Suggestions: entity names a letter gives without a link, found where they were written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, letter

from docket.commands.cli import main
from docket.engine.build import build, check

ENTITIES = {
    "content/people/ziyad-al-nakhalah.md": "---\nname: Ziyad al-Nakhalah\naliases: [Ziad al-Nakhala, زياد النخالة]\ndescription: Secretary-General of PIJ.\n---\n",
    "content/organizations/hamas.md": "---\nname: Hamas\ndescription: A Palestinian movement.\n---\n",
    "content/places/iran.md": "---\nname: Iran\ndescription: A country.\n---\n",
    "content/people/khamenei-alias.md": "---\nname: Supreme Leader\ndescription: A title, as an entity for the test.\n---\n",
    "content/organizations/office-of-the-supreme-leader.md": "---\nname: Office of the Supreme Leader\ndescription: The office.\n---\n",
    "content/people/qasem-soleimani.md": "---\nname: Qasem Soleimani\naliases: [قاسم سلیمانی]\ndescription: A commander.\n---\n",
}
FRONT = """
    date: 2021-05-24
    senders: [ali-khamenei]
    recipients: [ismail-haniyeh]
    text: full
    source: {title: A source}
"""


def suggested(site: Path) -> list[str]:
    problems = check(site).problems
    assert problems.errors == [] and problems.warnings == []
    return [p.format() for p in problems.sorted()]


def site_with(scratch_site, body: str, front: str = FRONT, **files: str) -> Path:
    return scratch_site({**ENTITIES, "content/letters/a.md": letter(front, body), **files})


def at(site: Path, line: int, col: int) -> str:
    """The file's text from a 1-based line and column on."""
    return (site / "content/letters/a.md").read_text(encoding="utf-8").split("\n")[line - 1][col - 1 :]


def test_a_name_in_the_text_is_suggested_at_its_line_and_column(scratch_site):
    site = site_with(scratch_site, "First line.\n\n> The letter of Ziyad al-Nakhalah arrived.")
    assert suggested(site) == [
        "content/letters/a.md:10:17: 'Ziyad al-Nakhalah' names person ziyad-al-nakhalah"
        " — link it as [[ziyad-al-nakhalah|Ziyad al-Nakhalah]] or list it under mentions.people"
    ]
    assert at(site, 10, 17).startswith("Ziyad al-Nakhalah arrived")


@pytest.mark.parametrize("text", ["Iranian support", "the Hamasa poems", "XIran", "Iran2", "Ziyad al-Nakhalahs"])
def test_a_name_inside_a_longer_word_is_not_suggested(scratch_site, text):
    assert suggested(site_with(scratch_site, f"About {text} here.")) == []


@pytest.mark.parametrize("text", ["(Hamas)", "Hamas's", "Hamas-led", "*Hamas*", "**Hamas**", "_Hamas_", "Hamas."])
def test_a_name_beside_punctuation_or_emphasis_is_suggested(scratch_site, text):
    found = suggested(site_with(scratch_site, f"About {text} here."))
    assert [line.split(": ", 1)[1].split(" — ")[0] for line in found] == ["'Hamas' names organization hamas"]
    line, col = map(int, found[0].split(":")[1:3])
    assert at(site_with(scratch_site, f"About {text} here."), line, col).startswith("Hamas")


def test_case_is_as_the_name_is_written(scratch_site):
    assert suggested(site_with(scratch_site, "Of hamas, IRAN and ziyad al-nakhalah.")) == []


def test_an_arabic_script_alias_is_found_and_its_words_are_whole(scratch_site):
    site = site_with(scratch_site, "قال زياد النخالة في رسالته.\n\nوقاسم سلیمانی\n\nقاسم سلیمانی‌ها")
    found = suggested(site)
    assert found == [
        "content/letters/a.md:8:5: 'زياد النخالة' names person ziyad-al-nakhalah"
        " — link it as [[ziyad-al-nakhalah|زياد النخالة]] or list it under mentions.people"
    ]
    assert at(site, 8, 5).startswith("زياد النخالة")


def test_the_longest_name_wins_where_names_overlap(scratch_site):
    found = suggested(site_with(scratch_site, "A word from the Office of the Supreme Leader."))
    assert len(found) == 1 and "'Office of the Supreme Leader' names organization office-of-the-supreme-leader" in found[0]


def test_code_links_and_references_are_not_looked_at(scratch_site):
    body = (
        "Code `Hamas` here, a [link about Hamas](https://example.org/Iran), <https://example.org/Iran>,"
        " ![Iran](https://example.org/i.png) and [[gaza-strip|Hamas]].\n\n```\nIran\n```\n\n    Ziyad al-Nakhalah\n"
    )
    assert suggested(site_with(scratch_site, body)) == []


def test_an_entity_linked_anywhere_or_listed_is_not_suggested(scratch_site):
    front = FRONT + "    mentions: {places: [iran]}\n"
    body = "Hamas, Iran and Ali Khamenei wrote.\n\nLater: [[hamas]]."
    assert suggested(site_with(scratch_site, body, front)) == []


def test_each_entity_is_suggested_once_at_its_first_occurrence(scratch_site):
    site = site_with(scratch_site, "Nothing.\n\nHamas said; Hamas did.\n\nHamas again.")
    found = suggested(site)
    assert len(found) == 1 and found[0].startswith("content/letters/a.md:10:1: 'Hamas'")


def test_the_note_and_summary_are_looked_at_where_the_file_has_them(scratch_site):
    front = FRONT + "    summary: A letter that names\n      Hamas over two lines.\n    note: >-\n      Folded, and\n      naming Iran.\n"
    site = site_with(scratch_site, "Text.", front)
    found = suggested(site)
    assert found == [
        "content/letters/a.md:8:3: 'Hamas' names organization hamas — link it as [[hamas|Hamas]] or list it under mentions.organizations",
        "content/letters/a.md:11:10: 'Iran' names place iran — link it as [[iran|Iran]] or list it under mentions.places",
    ]
    assert at(site, 8, 3).startswith("Hamas") and at(site, 11, 10).startswith("Iran")


def test_a_letter_can_turn_suggestions_off_or_leave_names_unlinked(scratch_site):
    assert suggested(site_with(scratch_site, "Hamas and Iran.", FRONT + "    suggest_links: false\n")) == []
    found = suggested(site_with(scratch_site, "Hamas and Iran.", FRONT + "    leave_unlinked: [Iran]\n"))
    assert len(found) == 1 and "'Hamas'" in found[0]


def test_a_wrong_suggest_links_value_is_an_error(scratch_site):
    problems = check(site_with(scratch_site, "Text.", FRONT + "    suggest_links: no\n")).problems
    assert [p.format() for p in problems.errors] == ["content/letters/a.md:7: suggest_links: 'no' is not one of true, false — use one of true, false"]


def test_a_site_can_turn_suggestions_off_and_the_setting_is_checked(scratch_site, capsys):
    site = site_with(scratch_site, "Hamas and Iran.", **{"docket.toml": "suggest_links = false\n"})
    assert suggested(site) == []
    (site / "docket.toml").write_text('suggest_links = "no"\n')
    assert [p.format() for p in check(site).problems.errors] == ["docket.toml:1: suggest_links: expected true or false — write suggest_links = true"]


def test_suggestions_never_fail_check_or_build_and_come_last_with_a_count(scratch_site, capsys, tmp_path):
    site = site_with(scratch_site, "Hamas and Iran.", **{"docket.toml": "colour = 1\n"})
    assert main(["check", "--site", str(site)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Checked 1 letter and 9 entities: no errors, 1 warning, 2 suggestions."
    lines = err.strip().split("\n")
    assert len(lines) == 3 and "warning: unknown setting 'colour'" in lines[0]
    assert lines[1].startswith("content/letters/a.md:8:1: 'Hamas'") and lines[2].startswith("content/letters/a.md:8:11: 'Iran'")
    assert main(["check", "--strict", "--site", str(site)]) == 1  # for the warning
    (site / "docket.toml").write_text('base_url = "https://example.org/"\n')
    assert main(["check", "--strict", "--site", str(site)]) == 0
    result = build(site, tmp_path / "out", strict=True, search=False, use_cache=False)
    assert len(result.problems.suggestions) == 2 and ", 2 suggestions, in " in result.summary()


def test_the_real_archive_gets_suggestions_that_point_at_the_names(tmp_path):
    """The archive's editors left some names unlinked on purpose ('Tehran' in "Tehran
    Times", the newspaper; the other reply named in a note): without their
    ``leave_unlinked``, check finds each name where it stands."""
    import shutil

    assert check(REPO).problems.suggestions == []
    copy = tmp_path / "archive"
    shutil.copytree(REPO / "content", copy / "content")
    for path in (copy / "content" / "letters").glob("*.md"):
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(line for line in lines if not line.startswith("leave_unlinked:")), encoding="utf-8")
    found = check(copy).problems.suggestions
    assert len(found) == 5, [s.format() for s in found]
    for suggestion in found:
        name = suggestion.message.split("'")[1]
        assert suggestion.col is not None, suggestion.format()
        line = (copy / suggestion.path).read_text(encoding="utf-8").split("\n")[suggestion.line - 1]
        assert line[suggestion.col - 1 :].startswith(name), suggestion.format()


def test_names_are_found_as_letters_are_read_and_found_again_only_where_a_change_of_names_matters(scratch_site, monkeypatch):
    """The build cache keeps the names found in each letter. When entities' names change,
    a letter is read again only if it found a name now gone (what that name hid may show)
    or its file holds every word of a new name, even over a line break."""
    from docket.engine import cache

    entities = {rel: text for rel, text in ENTITIES.items() if "soleimani" not in rel}
    body = "A word from Qasem\nSoleimani's office, and from the Office of the Supreme Leader."
    site = scratch_site({**entities, "content/letters/a.md": letter(FRONT, body), "content/letters/b.md": letter(FRONT, "Nobody named.")})
    first = build(site, search=False)
    assert [s.message.split(" names ")[0] for s in first.problems.suggestions] == ["'Office of the Supreme Leader'"]

    parsed: list[str] = []
    real = cache.read_document
    monkeypatch.setattr(cache, "read_document", lambda rel, raw, problems, names: parsed.append(rel) or real(rel, raw, problems, names))
    (site / "content/people/qasem-soleimani.md").write_text(ENTITIES["content/people/qasem-soleimani.md"], encoding="utf-8")
    second = build(site, search=False)
    assert parsed == ["content/people/qasem-soleimani.md", "content/letters/a.md"]
    assert [s.format().split(" — ")[0] for s in second.problems.suggestions] == [
        "content/letters/a.md:8:13: 'Qasem Soleimani' names person qasem-soleimani",
        "content/letters/a.md:9:34: 'Office of the Supreme Leader' names organization office-of-the-supreme-leader",
    ]
    assert at(site, 8, 13).startswith("Qasem") and at(site, 9, 34).startswith("Office") and at(site, 9, 48).startswith("Supreme")

    parsed.clear()
    (site / "content/organizations/office-of-the-supreme-leader.md").unlink()
    third = build(site, search=False)
    assert parsed == ["content/letters/a.md"]
    assert [s.format().split(" — ")[0] for s in third.problems.suggestions] == [
        "content/letters/a.md:8:13: 'Qasem Soleimani' names person qasem-soleimani",
        "content/letters/a.md:9:48: 'Supreme Leader' names person khamenei-alias",
    ]
    parsed.clear()
    assert build(site, search=False).up_to_date and parsed == []
