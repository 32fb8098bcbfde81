"""The docket command: exit codes and the exact messages an editor sees."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import BASIC_LETTER

from docket.archive.kinds import KINDS
from docket.commands.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_makes_a_site_that_checks_and_builds(tmp_path, capsys):
    target = tmp_path / "letters"
    code, out, err = run(capsys, "init", str(target))
    assert (code, err) == (0, "")
    assert out == f"Created a new docket site in {target} (11 files).\nNext: cd {target} && docket serve\n"
    assert sorted(p.name for p in (target / "schemas").iterdir()) == [f"{kind}.schema.json" for kind in sorted(KINDS)]
    assert run(capsys, "check", "--site", str(target)) == (0, "Checked 1 letter and 2 entities: no errors, 0 warnings.\n", "")
    code, out, err = run(capsys, "build", "--site", str(target), "--no-search")
    assert code == 0, err
    assert (target / "site" / "letters" / "1890-07-23-ada-to-ben" / "index.html").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("mine")
    code, out, err = run(capsys, "init", str(tmp_path))
    assert code == 1
    assert err == f"docket init: {tmp_path} is not empty — choose a new folder; docket init never overwrites files\n"
    assert (tmp_path / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize("kind, folder", [("letter", "letters"), ("person", "people"), ("organization", "organizations"), ("place", "places"), ("event", "events"), ("work", "works")])
def test_new_writes_a_skeleton_that_parses(scratch_site, capsys, kind, folder):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    code, out, err = run(capsys, "new", kind, "fresh-record", "--site", str(site), "--title", 'A "quoted" name')
    assert (code, out, err) == (0, f"Created content/{folder}/fresh-record.md\nWrote the editor schemas into schemas/ (see 'docket schema').\n", "")
    assert (site / "content" / folder / "fresh-record.md").read_text().startswith(f"---\n# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n")
    code, out, err = run(capsys, "check", "--site", str(site))
    assert "front-matter is not" not in err and "YAML" not in err
    assert "unknown field" not in err


def test_new_never_overwrites(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    before = (site / "content/people/ali-khamenei.md").read_text()
    code, out, err = run(capsys, "new", "person", "ali-khamenei", "--site", str(site))
    assert code == 1
    assert err == "docket new: content/people/ali-khamenei.md already exists — docket new never overwrites; pick another id\n"
    assert (site / "content/people/ali-khamenei.md").read_text() == before


def test_new_refuses_a_bad_id(scratch_site, capsys):
    site = scratch_site({})
    code, out, err = run(capsys, "new", "letter", "My Letter", "--site", str(site))
    assert code == 1
    assert err.startswith("docket new: 'My Letter' cannot be an id — an id is lower-case letters")


def test_check_reports_every_problem_and_exits_1(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("ismail-haniyeh", "ismail-hanieh").replace("text: full", "text: fulll")})
    code, out, err = run(capsys, "check", "--site", str(site))
    assert code == 1
    assert err.splitlines() == [
        "content/letters/a.md:4: recipients: unknown person or organization 'ismail-hanieh' — did you mean 'ismail-haniyeh'?",
        "content/letters/a.md:5: text: 'fulll' is not one of full, excerpts, summary, mentioned, calendar — did you mean 'full'?",
    ]
    assert out == "Found 2 errors and 0 warnings in 1 letter and 3 entities.\n"


def test_warnings_fail_only_under_strict(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("text: full", "text: full\nin_reply_to: [a]")})
    assert run(capsys, "check", "--site", str(site))[0] == 0
    code, out, err = run(capsys, "check", "--strict", "--site", str(site))
    assert code == 1
    assert "warning: in_reply_to: the letter replies to itself" in err
    code, out, err = run(capsys, "build", "--strict", "--no-search", "--site", str(site))
    assert code == 1
    assert not (site / "site").exists()


def test_failed_build_keeps_the_previous_site(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    assert run(capsys, "build", "--no-search", "--site", str(site))[0] == 0
    before = {p.relative_to(site): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    (site / "content/letters/a.md").write_text(BASIC_LETTER.replace("ismail-haniyeh", "nobody"))
    code, out, err = run(capsys, "build", "--no-search", "--site", str(site))
    assert code == 1
    assert err.endswith("Build failed: 1 error. Nothing was written; the previous site is unchanged.\n")
    after = {p.relative_to(site): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in site.iterdir()) == [".docket-cache", "content", "site"]


def test_template_error_is_reported_with_its_line(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "templates/404.html": "<p>fine</p>\n{{ no_such_variable }}\n"})
    code, out, err = run(capsys, "build", "--no-search", "--site", str(site))
    assert code == 1
    assert "templates/404.html:2: template error: 'no_such_variable' is undefined — fix the template; the previous site was left as it was" in err


def test_profile_prints_stage_times(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    code, out, err = run(capsys, "build", "--no-search", "--profile", "--site", str(site))
    assert code == 0
    stages = [line.split()[0] for line in out.splitlines()[:-1]]
    assert stages == ["load", "validate", "link", "suggest", "render", "write"]
    assert out.splitlines()[-1].startswith("Built ")


def test_the_installed_command_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "docket.commands.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("docket ")
    result = subprocess.run([sys.executable, "-m", "docket.commands.cli", "build", "--bogus"], capture_output=True, text=True)
    assert result.returncode == 2


def test_link_to_a_missing_fragment_fails_the_build(scratch_site, capsys):
    target = BASIC_LETTER.replace("Text of the letter.", "Text with a note.[^1]\n\n[^1]: The note.")
    source = BASIC_LETTER.replace("Text of the letter.", "See [[b#fn1|the note]] and\n[[b#nowhere|nothing]].")
    site = scratch_site({"content/letters/a.md": source, "content/letters/b.md": target})
    code, out, err = run(capsys, "build", "--no-search", "--site", str(site))
    assert code == 1
    assert err.splitlines()[0] == "content/letters/a.md:9:1: [[b#nowhere]]: there is no '#nowhere' on that page — link to the page alone, or to an id it has (footnotes are fn1, fn2, …)"
    assert not (site / "site").exists()


def test_unknown_setting_is_a_warning_and_a_wrong_type_an_error(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "docket.toml": 'title = "Letters"\ntitel = "x"\nsearch = "yes"\n'})
    code, out, err = run(capsys, "check", "--site", str(site))
    assert code == 1
    assert err.splitlines() == [
        "docket.toml:2: warning: unknown setting 'titel' — did you mean 'title'?",
        "docket.toml:3: search: expected true or false — write search = true",
    ]


def test_build_fails_when_search_indexes_fewer_pages_than_meant(scratch_site, capsys):
    """A theme override that forgets data-pagefind-body leaves its pages out of the index."""
    unmarked = '<!doctype html><html lang="en"><head><title>x</title></head><body><main><p>A letter.</p></main></body></html>'
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "templates/letter.html": unmarked})
    code, out, err = run(capsys, "build", "--site", str(site))
    assert code == 1
    assert "site: Pagefind indexed 3 pages, but 4 were meant to be indexed — the previous site was left as it was" in err
    assert not (site / "site").exists()


def test_template_error_in_a_worker_process_is_reported_the_same(scratch_site, capsys, monkeypatch):
    from docket.engine import rendering

    monkeypatch.setattr(rendering, "MIN_PARALLEL", 0)
    monkeypatch.setattr(rendering, "CHUNK", 1)  # a task per page: two workers fork
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "templates/letter.html": "{% extends 'base.html' %}\n{% block main %}{{ letter.nothing_here() }}{% endblock %}"})
    code, out, err = run(capsys, "build", "--no-search", "--jobs", "2", "--site", str(site))
    assert code == 1
    assert "templates/letter.html:2: template error:" in err


def test_template_error_with_search_on_is_reported_as_a_template_error(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "templates/letter.html": "{% extends 'base.html' %}\n{% block main %}{{ letter.nothing_here() }}{% endblock %}"})
    code, out, err = run(capsys, "build", "--site", str(site))
    assert code == 1
    assert "templates/letter.html:2: template error:" in err
    assert "Pagefind" not in err


def test_build_clean_says_it_built(scratch_site, capsys):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    assert run(capsys, "build", "--no-search", "--site", str(site))[0] == 0
    code, out, err = run(capsys, "build", "--no-search", "--clean", "--site", str(site))
    assert code == 0 and out.startswith("Built ")


def test_the_installed_command_exits_with_mains_code_and_flushes_its_output(scratch_site, tmp_path):
    """``docket`` (cli.run): the exit code is main's and every line comes out."""
    good = scratch_site({"content/letters/a.md": BASIC_LETTER})
    command = [sys.executable, "-c", "from docket.commands.cli import run; run()"]
    built = subprocess.run([*command, "build", "--site", str(good)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("Built ") and "search index 1 bundle built alongside (" in built.stdout
    assert "% of the CPU time)." in built.stdout
    (good / "content" / "letters" / "a.md").write_text("no front-matter\n", encoding="utf-8")
    failed = subprocess.run([*command, "check", "--site", str(good)], capture_output=True, text=True)
    assert failed.returncode == 1
    assert failed.stderr.startswith("content/letters/a.md:1: the file does not start with front-matter")
