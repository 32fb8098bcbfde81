"""``bench/outputs_apart.py`` measures what issue #16's outputs cost by building without
them: these tests check that its build "without" really makes none of them, and its
build "with" all of them, so that a renamed function cannot make the figure a lie."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

SCRIPT = REPO / "bench" / "outputs_apart.py"
#: files only the published outputs write, from the site's root
FILES = ("data/letters.json", "data/letters.csv", "data/entities.json", "data/datapackage.json", "cmif.xml", "feed.xml", "sitemap.xml", "robots.txt")
#: what letter pages hold only with the outputs: JSON-LD, BibTeX, RIS and CSL-JSON
#: records, paragraph anchors
LETTER_MARKS = ('type="application/ld+json"', "@misc{", "TY  - ", '"container-title"', 'class="paragraph-anchor"')
EMPTY_CHICAGO_NOTE = '<p class="citation" id="cite-chicago"></p>'


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("apart") / "site"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_archive.py"), "40", str(site)], check=True, capture_output=True)
    return site


def one_build(archive: Path, out: Path, outputs: str) -> Path:
    """A cold build: the cache of the other build kept its texts' parse (anchors or not)."""
    shutil.rmtree(archive / ".docket-cache", ignore_errors=True)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--build", outputs, "--", "--site", str(archive), "--output", str(out), "--no-search"],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Built " in done.stdout
    return out


def letter_pages(archive: Path, out: Path) -> str:
    """Every letter page of the build, one after the other."""
    letters = sorted(path.stem for path in (archive / "content" / "letters").glob("*.md"))
    return "".join((out / "letters" / letter / "index.html").read_text(encoding="utf-8") for letter in letters)


def test_the_build_without_the_outputs_makes_none_of_them(archive, tmp_path):
    out = one_build(archive, tmp_path / "without", "without")
    assert [name for name in FILES if (out / name).exists()] == []
    pages = letter_pages(archive, out)
    assert [mark for mark in LETTER_MARKS if mark in pages] == []
    assert pages.count(EMPTY_CHICAGO_NOTE) == len(list((archive / "content" / "letters").glob("*.md")))
    assert (out / "data" / "index.html").exists()  # the Data page stays, so links still resolve


def test_the_build_with_the_outputs_makes_every_one(archive, tmp_path):
    out = one_build(archive, tmp_path / "with", "with")
    assert [name for name in FILES if not (out / name).exists()] == []
    pages = letter_pages(archive, out)
    assert [mark for mark in LETTER_MARKS if mark not in pages] == []
    assert EMPTY_CHICAGO_NOTE not in pages


def test_a_run_of_pairs_reports_both_times_with_the_growth(archive, tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--pairs", "1", "--workdir", str(archive.parent)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| wall") or line.startswith("| the build")]
    assert len(rows) == 2
    assert all(line.count(" s |") == 2 and " %" in line for line in rows)
    assert "pair 1: with" in done.stderr
