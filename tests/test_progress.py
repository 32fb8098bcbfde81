"""Progress lines on a terminal; silence elsewhere; an exact page total."""

from __future__ import annotations

import io

from conftest import BASIC_LETTER, REPO

from docket.engine import progress
from docket.engine.build import BuildResult, build, check
from docket.errors import Problems
from docket.site.render import Renderer


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_when_not_a_terminal_or_under_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert progress.terminal_progress(io.StringIO()) is None
    assert progress.terminal_progress(FakeTerminal()) is not None
    monkeypatch.setenv("CI", "true")
    assert progress.terminal_progress(FakeTerminal()) is None


def test_progress_reports_every_stage_and_clears_its_line(scratch_site, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    terminal = FakeTerminal()
    shown = progress.TerminalProgress(terminal)
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    result = build(site, progress=shown)
    lines = terminal.getvalue().split("\r\x1b[K")
    assert lines[-1] == f"{'search':<8} {result.indexed:>7,} / {result.indexed:,}"
    assert f"{'render':<8} {result.pages:>7,} / {result.pages:,}" in lines
    shown.clear()
    assert terminal.getvalue().endswith("\r\x1b[K")


def test_page_count_matches_the_pages_rendered():
    checked = check(REPO)
    renderer = Renderer(checked.site, checked.config, REPO)
    assert renderer.page_count() == sum(1 for _ in renderer.pages())


def test_the_summary_line_groups_thousands_as_the_progress_lines_do():
    result = BuildResult(Problems(), 10517, 10000, 1, 0, {"load": 0.5, "render": 1.25})
    assert result.summary() == "Built 10,517 pages (10,000 letters, 1 entity), 0 warnings, in 1.75 s, no search index."
