"""docket serve shows suggestions where the editor reads: on the letter's page, and on the
error page after the errors. A real server, real file edits, real HTTP."""

from __future__ import annotations

from test_serve import LETTER, PAGE, fetch, start_serving, wait_for

PANEL = "Names that could be links"
CLEO = "content/people/cleo-example.md"


def test_serve_shows_a_letters_suggestions_on_its_page_and_after_errors(tmp_path):
    site, port, process = start_serving(tmp_path, "--no-search")
    try:
        wait_for(lambda: fetch(port, PAGE)[0] == 200)
        assert PANEL not in fetch(port, PAGE)[1]
        (site / CLEO).write_text("---\nname: Cleo Example\ndescription: A cousin.\n---\n")
        letter = site / LETTER
        original = letter.read_text()
        letter.write_text(original.replace("I arrived safely", "I arrived safely with Cleo Example"))
        body = wait_for(lambda: (lambda r: r[1] if PANEL in r[1] else None)(fetch(port, PAGE)))
        assert "I arrived safely with Cleo Example" in body, "the page itself is served too"
        lines = letter.read_text().split("\n")
        line = next(number for number, text in enumerate(lines, 1) if "Cleo Example" in text)
        where = f"{LETTER}:{line}:{lines[line - 1].index('Cleo Example') + 1}"
        assert f"{where}: &#x27;Cleo Example&#x27; names person cleo-example" in body
        assert body.index(PANEL) < body.index("</main>")
        assert PANEL not in (fetch(port, "/people/ben-example/")[1]), "only the letter's own page"

        letter.write_text(original.replace("I arrived safely", "I arrived with [[cleo-example|Cleo]]"))
        wait_for(lambda: (lambda r: r[0] == 200 and "with <a" in r[1] and PANEL not in r[1])(fetch(port, PAGE)))

        letter.write_text(original.replace("I arrived safely", "I arrived safely with Cleo Example").replace("senders: [ada-example]", "senders: [ada-exampel]"))
        status, body = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(fetch(port, PAGE)))
        assert body.index("senders: unknown person or organization") < body.index(PANEL)
        assert "&#x27;Cleo Example&#x27; names person cleo-example" in body
        assert process.poll() is None
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_body_edit_under_serve_suggests_again(scratch_site, tmp_path, capsys):
    """The one-page path (a body edit) finds the letter's suggestions as a build would."""
    from conftest import BASIC_LETTER

    from docket.commands.serve import ServeState

    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    state = ServeState(site, tmp_path / "served" / "site", False)
    assert state.rebuild() and state.suggested == {}
    path = site / "content/letters/a.md"
    path.write_text(path.read_text().replace("Text of the letter.", "Text about the Gaza Strip."))
    assert state.rebuild([str(path)])
    assert "Rebuilt /letters/a/ in " in capsys.readouterr().out, "the edit took the one-page path"
    assert state.suggested["/letters/a/"] == [
        "content/letters/a.md:8:16: 'Gaza Strip' names place gaza-strip — link it as [[gaza-strip|Gaza Strip]] or list it under mentions.places"
    ]
    path.write_text(path.read_text().replace("Gaza Strip.", "coast."))
    assert state.rebuild([str(path)])
    assert state.suggested["/letters/a/"] == []
