"""The build cache: nothing changed means nothing done; any change shows everywhere it should."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import BASIC_LETTER, letter

from docket.engine.build import build

REPLY = letter(
    "date: 2021-05-25\nsenders: [ismail-haniyeh]\nrecipients: [ali-khamenei]\ntext: full\nin_reply_to: [a]\nsource: {title: S}",
    "A reply.",
)


def pages_containing(output: Path, text: str) -> set[str]:
    return {p.relative_to(output).as_posix() for p in output.rglob("*.html") if text in p.read_text()}


def site_with_two_letters(scratch_site) -> Path:
    return scratch_site({"content/letters/a.md": BASIC_LETTER.replace("text: full", "text: full\ntitle: First letter"), "content/letters/b.md": REPLY})


def test_a_second_build_with_nothing_changed_does_nothing(scratch_site):
    site = site_with_two_letters(scratch_site)
    first = build(site, search=False)
    inode = (site / "site").stat().st_ino
    second = build(site, search=False)
    assert (first.up_to_date, second.up_to_date) == (False, True)
    assert second.pages == first.pages
    assert (site / "site").stat().st_ino == inode
    assert second.summary().startswith(f"Nothing changed since the last build: {first.pages:,} pages in place")


def test_touching_a_file_without_changing_it_is_no_change(scratch_site):
    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    path = site / "content/letters/a.md"
    path.write_text(path.read_text())
    assert build(site, search=False).up_to_date


def test_a_title_edit_reaches_every_page_that_shows_the_letter(scratch_site):
    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    shown_before = pages_containing(site / "site", "First letter")
    assert {"letters/a/index.html", "letters/b/index.html", "people/ali-khamenei/index.html", "letters/index.html", "timeline/index.html"} <= shown_before
    path = site / "content/letters/a.md"
    path.write_text(path.read_text().replace("title: First letter", "title: Opening letter"))
    result = build(site, search=False)
    assert not result.up_to_date
    assert pages_containing(site / "site", "First letter") == set()
    assert pages_containing(site / "site", "Opening letter") == shown_before


def test_a_template_change_rerenders_everything(scratch_site):
    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    (site / "templates").mkdir()
    (site / "templates" / "base.html").write_text((Path(__file__).parents[1] / "src/docket/site/templates/base.html").read_text().replace("<body>", "<body class=\"custom-theme\">", 1))
    assert not build(site, search=False).up_to_date
    pages = list((site / "site").rglob("*.html"))
    assert pages and all('class="custom-theme"' in p.read_text() for p in pages)


def test_a_deleted_letter_disappears_with_its_backlinks(scratch_site):
    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    assert "/letters/b/" in (site / "site/people/ismail-haniyeh/index.html").read_text()
    os.remove(site / "content/letters/b.md")
    build(site, search=False)
    assert not (site / "site/letters/b").exists()
    assert pages_containing(site / "site", "/letters/b/") == set()


def test_settings_and_a_missing_output_are_changes(scratch_site):
    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    (site / "docket.toml").write_text('title = "Renamed archive"\n')
    assert not build(site, search=False).up_to_date
    assert "Renamed archive" in (site / "site/index.html").read_text()
    import shutil

    shutil.rmtree(site / "site")
    assert not build(site, search=False).up_to_date
    assert (site / "site/index.html").is_file()


def test_a_broken_cache_is_ignored(scratch_site):
    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    (site / ".docket-cache" / "build.pickle").write_bytes(b"not a pickle")
    result = build(site, search=False)
    assert not result.up_to_date and (site / "site/letters/a/index.html").is_file()


def test_warnings_are_reported_again_when_nothing_changed(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER.replace("text: full", "text: full\nin_reply_to: [a]")})
    first = build(site, search=False)
    second = build(site, search=False)
    assert second.up_to_date
    assert [p.format() for p in second.problems.sorted()] == [p.format() for p in first.problems.sorted()] != []


def test_a_build_hands_everything_back_to_the_garbage_collector(scratch_site):
    """A build freezes the linked site (gc.freeze) while it renders; serve builds again
    and again in one process, so whatever a build froze must be collectable after it,
    whether it succeeded or failed."""
    import gc

    from docket.errors import BuildFailed

    site = site_with_two_letters(scratch_site)
    assert gc.get_freeze_count() == 0
    build(site, search=False, use_cache=False)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    (site / "content" / "letters" / "b.md").write_text(REPLY.replace("in_reply_to: [a]", "in_reply_to: [nobody]"))
    with pytest.raises(BuildFailed):
        build(site, search=False, use_cache=False)
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_check_reads_the_build_cache_but_never_writes_it(scratch_site, monkeypatch):
    from docket.engine import cache
    from docket.engine.build import check

    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    stored = site / ".docket-cache" / "build.pickle"
    before = stored.stat().st_mtime_ns, stored.read_bytes()
    parsed = []
    real = cache.read_document
    monkeypatch.setattr(cache, "read_document", lambda rel, raw, problems, names: parsed.append(rel) or real(rel, raw, problems, names))
    assert check(site).problems.errors == [] and parsed == []
    (site / "content/letters/b.md").write_text(REPLY.replace("recipients: [ali-khamenei]", "recipients: [ali-khamenie]"))
    errors = check(site).problems.errors
    assert parsed == ["content/letters/b.md"]
    assert [(e.path, e.message) for e in errors] == [("content/letters/b.md", "recipients: unknown person or organization 'ali-khamenie'")]
    assert (stored.stat().st_mtime_ns, stored.read_bytes()) == before


def test_clean_ignores_the_cache_and_builds_everything_again(scratch_site):
    site = site_with_two_letters(scratch_site)
    first = build(site, search=False)
    again = build(site, search=False, clean=True)
    assert not again.up_to_date and again.pages == first.pages
    assert build(site, search=False).up_to_date  # the clean build's cache is kept


def test_a_changed_docket_never_answers_nothing_changed(scratch_site, tmp_path):
    """The cache is keyed by docket's own files, not only its version number."""
    import shutil
    import subprocess
    import sys

    import docket

    copy = tmp_path / "code"
    shutil.copytree(Path(docket.__file__).parent, copy / "docket", ignore=shutil.ignore_patterns("__pycache__"))
    site = site_with_two_letters(scratch_site)

    def docket_build() -> str:
        command = [sys.executable, "-c", "from docket.commands.cli import main; raise SystemExit(main())", "build", "--no-search", "--site", str(site)]
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(copy)}, check=True)
        return done.stdout

    assert docket_build().startswith("Built ")
    assert docket_build().startswith("Nothing changed since the last build")
    with (copy / "docket" / "render.py").open("a") as module:
        module.write("\n# an edit to docket itself\n")
    assert docket_build().startswith("Built ")


def test_a_failed_build_keeps_the_parsed_files_for_the_next(scratch_site, monkeypatch):
    """One bad file must not cost the next build every other file's parse: the parsed
    files are saved (by a forked process, while the build validates) even when the build
    then fails."""
    from docket.engine import cache
    from docket.errors import BuildFailed

    site = site_with_two_letters(scratch_site)
    (site / "content/letters/b.md").write_text(REPLY.replace("recipients: [ali-khamenei]", "recipients: [ali-khamenie]"))
    with pytest.raises(BuildFailed):
        build(site, search=False)
    assert not (site / ".docket-cache" / "build.pickle").exists()  # no successful build to remember
    assert sorted(p.name for p in (site / ".docket-cache").iterdir()) == [".gitignore", "files.pickle"]
    parsed = []
    real = cache.read_document
    monkeypatch.setattr(cache, "read_document", lambda rel, raw, problems, names: parsed.append(rel) or real(rel, raw, problems, names))
    (site / "content/letters/b.md").write_text(REPLY)
    result = build(site, search=False)
    assert parsed == ["content/letters/b.md"] and not result.problems.errors
    assert build(site, search=False).up_to_date


def test_the_parsed_files_are_written_only_when_some_changed(scratch_site):
    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    stored = site / ".docket-cache" / "files.pickle"
    before = stored.stat().st_mtime_ns
    (site / "docket.toml").write_text('title = "Renamed archive"\n')
    assert not build(site, search=False).up_to_date
    assert stored.stat().st_mtime_ns == before
    (site / "content/letters/b.md").write_text(REPLY.replace("A reply.", "A longer reply."))
    build(site, search=False)
    assert stored.stat().st_mtime_ns != before


def test_a_one_off_build_lets_go_of_the_parsed_files_and_serve_keeps_them(scratch_site):
    """Before rendering, a build that keeps nothing for the next in memory drops the
    parsed files (saved by then, in full); serve's builds, given their cache, keep them
    for the next incremental check."""
    from docket.engine.build import _let_go_of_reading
    from docket.engine.cache import BuildCache, load_cache

    site = site_with_two_letters(scratch_site)
    build(site, search=False)
    saved = load_cache(site)
    assert len([rel for rel in saved.files if rel.startswith("content/letters/")]) == 2
    _let_go_of_reading(saved)
    assert saved.files == {}
    kept = BuildCache()
    build(site, search=False, cache=kept, keep=True)
    assert len([rel for rel in kept.files if rel.startswith("content/letters/")]) == 2
