"""Under serve, a body edit re-renders one page; anything else rebuilds; search follows."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import BASIC_LETTER, letter

from docket.commands.serve import ServeState

REPLY = letter(
    "date: 2021-05-25\nsenders: [ismail-haniyeh]\nrecipients: [ali-khamenei]\ntext: full\ntitle: The reply\nin_reply_to: [a]\nsource: {title: S}",
    "A reply with a note.[^1]\n\n[^1]: The note.",
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and "pagefind" not in p.parts}


def wait_for_index(state: ServeState) -> None:
    thread = state.indexing
    if thread is not None:
        thread.join(timeout=60)
    assert state.indexing is None


def started(scratch_site, tmp_path, search=False) -> tuple[Path, ServeState]:
    site = scratch_site({"content/letters/a.md": BASIC_LETTER, "content/letters/b.md": REPLY})
    state = ServeState(site, tmp_path / "served" / "site", search)
    assert state.rebuild()
    return site, state


def test_a_body_edit_rerenders_only_that_page(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path)
    before = snapshot(state.output)
    path = site / "content/letters/b.md"
    path.write_text(path.read_text().replace("A reply with", "A longer reply with"))
    capsys.readouterr()
    assert state.rebuild([str(path)])
    assert "Rebuilt /letters/b/ in " in capsys.readouterr().out
    after = snapshot(state.output)
    assert {name for name in after if after[name] != before.get(name)} == {"letters/b/index.html"}
    assert "A longer reply with" in after["letters/b/index.html"].decode()


def test_a_front_matter_edit_rebuilds_every_page_that_shows_it(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path)
    path = site / "content/letters/b.md"
    path.write_text(path.read_text().replace("title: The reply", "title: The answer"))
    capsys.readouterr()
    assert state.rebuild([str(path)])
    assert capsys.readouterr().out.splitlines()[-1].startswith("Built ")
    assert "The answer" in (state.output / "letters/a/index.html").read_text()


def test_a_front_matter_edit_shows_its_own_page_before_the_others_are_rendered(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path)
    seen: list[tuple[str, str, str, object]] = []
    state.page_ahead = lambda path: seen.append(
        (path, (state.output / "letters/b/index.html").read_text(), (state.output / "letters/a/index.html").read_text(), state.snapshot)
    )
    path = site / "content/letters/b.md"
    path.write_text(path.read_text().replace("title: The reply", "title: The answer"))
    capsys.readouterr()
    assert state.rebuild([str(path)])
    assert "Rendered /letters/b/ ahead of the other pages" in capsys.readouterr().out
    [(told, own_page, listing_page, snapshot)] = seen
    assert told == str(path)
    assert snapshot is None and state.snapshot is not None  # the last build's pages let go during the rebuild
    assert "The answer" in own_page and "The answer" not in listing_page  # a's page lists b: not yet
    assert (state.output / "letters/b/index.html").read_text() == own_page  # the full build made the same page
    assert "The answer" in (state.output / "letters/a/index.html").read_text()


def test_no_page_comes_ahead_of_a_build_that_fails_or_of_several_changes(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path)
    seen: list[str] = []
    state.page_ahead = seen.append
    path, other = site / "content/letters/b.md", site / "content/letters/a.md"
    path.write_text(path.read_text().replace("senders: [ismail-haniyeh]", "senders: [ismail-hanieh]"))
    assert not state.rebuild([str(path)])
    path.write_text(path.read_text().replace("senders: [ismail-hanieh]", "senders: [ismail-haniyeh]"))
    assert state.rebuild([str(path)])  # the last build failed: the whole site comes back at once
    path.write_text(path.read_text().replace("title: The reply", "title: The answer"))
    other.write_text(other.read_text().replace("2021-05-24", "2021-05-23"))
    assert state.rebuild([str(path), str(other)])
    shutil.rmtree(state.output / "letters/b")  # a page the served site lacks comes with the rest
    path.write_text(path.read_text().replace("title: The answer", "title: The reply"))
    assert state.rebuild([str(path)])
    assert seen == []
    assert "The reply" in (state.output / "letters/b/index.html").read_text()


def test_a_new_link_in_the_body_rebuilds_the_backlinks(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path)
    path = site / "content/letters/b.md"
    path.write_text(path.read_text().replace("A reply with", "A reply from [[gaza-strip]] with"))
    assert state.rebuild([str(path)])
    assert "/letters/b/" in (state.output / "places/gaza-strip/index.html").read_text()


def test_removing_a_footnote_another_letter_links_to_is_caught(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path)
    a = site / "content/letters/a.md"
    a.write_text(a.read_text().replace("Text of the letter.", "See [[b#fn1|the note]]."))
    assert state.rebuild([str(a)])
    b = site / "content/letters/b.md"
    b.write_text(b.read_text().replace("with a note.[^1]\n\n[^1]: The note.", "without a note."))
    assert not state.rebuild([str(b)])
    assert any("[[b#fn1]]: there is no '#fn1' on that page" in p for p in state.problems)


def test_the_search_index_follows_an_edit(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path, search=True)
    wait_for_index(state)
    entry = (state.output / "pagefind/pagefind-entry.json").read_text()
    path = site / "content/letters/b.md"
    path.write_text(path.read_text().replace("A reply with", "A zanzibarian reply with"))
    assert state.rebuild([str(path)])
    wait_for_index(state)
    assert (state.output / "pagefind/pagefind-entry.json").read_text() != entry
    assert "Rebuilt /letters/b/ in " in capsys.readouterr().out


def test_without_the_watchers_list_the_changed_file_is_found_by_a_sweep(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path)
    path = site / "content/letters/b.md"
    path.write_text(path.read_text().replace("A reply with", "A swept reply with"))
    capsys.readouterr()
    assert state.rebuild()
    assert "Rebuilt /letters/b/ in " in capsys.readouterr().out
    assert "A swept reply with" in (state.output / "letters/b/index.html").read_text()


def test_a_deleted_file_rebuilds(scratch_site, tmp_path, capsys):
    site, state = started(scratch_site, tmp_path)
    (site / "content/letters/b.md").unlink()
    assert state.rebuild()
    assert not (state.output / "letters/b").exists()


def test_a_body_edit_is_validated_as_a_build_validates_it(scratch_site, tmp_path, capsys):
    """An emptied body under 'text: full' fails under serve as it fails a build."""
    site, state = started(scratch_site, tmp_path)
    path = site / "content/letters/b.md"
    path.write_text(path.read_text().split("---\n")[0] + "---\n" + path.read_text().split("---\n")[1] + "---\n\n")
    assert not state.rebuild([str(path)])
    assert any("the letter has no text, but 'text: full' says it has" in problem for problem in state.problems)
