"""Nothing lost, nothing unsafe: failures leave the old site, content never becomes code."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import BASIC_LETTER, REPO, letter

from docket.commands.cli import main
from docket.engine.build import check


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pagefind_processes() -> list[str]:
    found = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout.splitlines()
    return [line for line in found if "pagefind_bin" in line]


@pytest.mark.parametrize("options", [["--no-search"], []], ids=["no search", "with search in bundles"])
def test_interrupted_build_leaves_the_previous_site(tmp_path, options):
    """Ctrl-C in the middle of rendering (with search: in the middle of two bundles being
    rendered and indexed at once) stops the build promptly and leaves no process behind."""
    source = tmp_path / "archive"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_archive.py"), "1500", str(source)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "docket.commands.cli", "build", *options, "--site", str(source)], check=True, capture_output=True)
    before = snapshot(source / "site")
    (source / "content" / "people").joinpath("zz-new-person.md").write_text("---\nname: New\ndescription: A new person.\n---\n")
    # as from a terminal, where Ctrl-C is heard (a shell's background job inherits it ignored)
    as_at_a_terminal = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
    process = subprocess.Popen([sys.executable, "-m", "docket.commands.cli", "build", *options, "--site", str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=as_at_a_terminal)
    staging = source / ".site.building"
    deadline = time.monotonic() + 60
    while not staging.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert staging.exists(), "the build finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.endswith("Interrupted; the previous site is unchanged.\n")
    assert snapshot(source / "site") == before
    assert sorted(p.name for p in source.iterdir()) == [".docket-cache", "content", "docket.toml", "site"]
    deadline = time.monotonic() + 10
    while pagefind_processes() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pagefind_processes(), "a Pagefind process outlived the interrupted build"


def test_pagefind_failure_leaves_the_previous_site(scratch_site, capsys, monkeypatch):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "docket.toml": 'base_url = "https://example.org/"\n'})
    assert main(["build", "--no-search", "--site", str(site)]) == 0
    before = snapshot(site / "site")
    capsys.readouterr()
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("site: Pagefind ")  # "failed: …" or "stopped answering", by which end sees the exit first
    assert err.endswith("Build failed: the search index could not be built. Nothing was written; the previous site is unchanged.\n")
    assert snapshot(site / "site") == before


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.attributes, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))
        self.attributes += [value or "" for _, value in attrs]

    def handle_data(self, data):
        self.text.append(data)


HOSTILE = '"><script>alert(1)</script>{{ 7*7 }}'


def test_hostile_front_matter_and_body_stay_text(scratch_site, tmp_path, capsys):
    person = f"---\nname: '{HOSTILE}'\naliases: ['{HOSTILE}']\ndescription: '{HOSTILE}'\n---\n{HOSTILE}\n"
    body = f"{HOSTILE}\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) {{% raw %}}"
    front = (
        f"title: '{HOSTILE}'\ndate: 2021-05-24\nsenders: [evil]\nrecipients: [ismail-haniyeh]\ntext: full\n"
        f"summary: '{HOSTILE}'\nnote: '{HOSTILE}'\nsource: {{title: '{HOSTILE}', publisher: '{HOSTILE}', location: '{HOSTILE}'}}"
    )
    site = scratch_site({"content/people/evil.md": person, "content/letters/a.md": letter(front, body)})
    assert main(["build", "--site", str(site)]) == 0, capsys.readouterr().err
    for page in sorted((site / "site").rglob("*.html")):
        html = page.read_text()
        parsed = Collect()
        parsed.feed(html)
        assert all(script.get("src") for script in parsed.scripts), f"inline script on {page}"
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert not any(value.strip().lower().startswith("javascript:") for value in parsed.attributes), page
    parsed = Collect()
    parsed.feed((site / "site" / "letters" / "a" / "index.html").read_text())
    text = "".join(parsed.text)
    assert "{{ 7*7 }}" in text, "content must never be rendered as a template"
    assert "{% raw %}" in text
    assert '"><script>alert(1)</script>' in text, "hostile text is shown as text"


def test_symlink_out_of_content_is_refused(scratch_site, tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text(BASIC_LETTER)
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    os.symlink(outside, site / "content" / "letters" / "b.md")
    assert [p.format() for p in check(site).problems.sorted()] == ["content/letters/b.md: a symbolic link that points outside content/ — copy the file into content/ instead"]


def test_empty_content_folder(scratch_site):
    site = scratch_site({}, with_people=False)
    (site / "content").mkdir(parents=True)
    assert [p.format() for p in check(site).problems.sorted()] == ["content: content/ holds no letters or entities — add one with 'docket new letter'"]


def test_file_name_too_long_for_common_file_systems(scratch_site):
    name = "a" * 252 + ".md"
    site = scratch_site({}, with_people=False)
    folder = site / "content" / "letters"
    folder.mkdir(parents=True)
    (folder / name).write_text(BASIC_LETTER)
    problems = [p.format() for p in check(site).problems.sorted()]
    assert problems == [f"content/letters/{name}: '{'a' * 252}' cannot be an id — rename the file: an id is lower-case letters a–z, digits and single hyphens between words, at most 100 characters"]


def test_malformed_date_in_a_letter(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("date: 2021-05-24", "date: May 2021")})
    [problem] = [p.format() for p in check(site).problems.sorted()]
    assert problem.startswith("content/letters/a.md:2: date: 'May 2021' is not an EDTF date — ")
    assert "2021-05" in problem


def test_names_that_collide_after_case_folding_or_nfc_name_both_files(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "content/letters/A.md": BASIC_LETTER, "content/people/cafe\u0301.md": "x", "content/people/caf\u00e9.md": "x"})
    problems = [p.format() for p in check(site).problems.sorted()]
    assert "content/letters/a.md: the name collides with content/letters/A.md once case and Unicode forms are ignored — ids must differ by more than case or accents' encoding: rename one of the two files" in problems
    assert any(p.startswith("content/people/caf") and "the name collides with content/people/caf" in p for p in problems)
