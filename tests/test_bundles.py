"""Search bundles: the split of the index, the part of a page Pagefind reads, and a build
whose index comes in several bundles."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import REPO

from docket.engine.build import build
from docket.search import bundles
from docket.search.layout import indexable_html


@pytest.mark.parametrize("pages, size, expected", [(0, 5000, 1), (999, 5000, 1), (1000, 5000, 2), (10433, 5000, 4), (100433, 5000, 22), (29, 4, 8), (7, 3, 4)])
def test_bundle_count_is_even_once_split(pages, size, expected):
    assert bundles.bundle_count(pages, size) == expected


def test_plan_is_contiguous_in_date_order_and_balanced():
    entries = [(f"{1900 + i % 97:04d}-01-01", f"p{i:05d}") for i in range(2345)] + [("9999", f"undated{i}") for i in range(10)]
    plan = bundles.plan(list(reversed(entries)), bundle_size=500)
    assert len(plan) == 6
    assert sorted(id for ids in plan for id in ids) == sorted(id for _, id in entries)
    sizes = [len(ids) for ids in plan]
    assert max(sizes) - min(sizes) <= 1
    key = dict((id, k) for k, id in entries)
    flat = [(key[id], id) for ids in plan for id in ids]
    assert flat == sorted(flat), "bundles are not consecutive runs in (date, id) order"
    assert plan == bundles.plan(entries, bundle_size=500), "the plan depends on the order it was given"


def test_indexable_html_keeps_only_the_indexed_elements():
    page = (
        '<!doctype html><html lang="fr"><head><title>T</title></head><body><nav><div>menu</div></nav>'
        '<div class="record-body" data-pagefind-body><h1 data-pagefind-meta="title">A</h1><div class="x"><div>deep</div></div>'
        '<span data-pagefind-filter="kind">Letter</span></div><aside><div>related</div></aside>'
        '<section data-pagefind-body><p>second</p></section></body></html>'
    )
    out = indexable_html(page)
    assert out.startswith('<html lang="fr">')
    assert "menu" not in out and "related" not in out
    assert '<div class="x"><div>deep</div></div>' in out and '<span data-pagefind-filter="kind">Letter</span></div>' in out
    assert "<section data-pagefind-body><p>second</p></section>" in out


def test_indexable_html_takes_the_attribute_only_inside_a_tag():
    page = (
        '<html lang="en"><body><p>What data-pagefind-body does</p><p title="data-pagefind-body">x</p>'
        '<article data-pagefind-bodyish><b>no</b></article><div\ndata-pagefind-body=""><p>yes</p></div></body></html>'
    )
    out = indexable_html(page)
    assert '<body><div\ndata-pagefind-body=""><p>yes</p></div></body>' in out
    assert "What" not in out and "no" not in out


def test_indexable_html_passes_a_page_without_the_attribute_whole():
    page = '<html lang="en"><body><div>text</div></body></html>'
    assert indexable_html(page) == page
    unbalanced = '<html lang="en"><body><div data-pagefind-body><div>open</body></html>'
    assert indexable_html(unbalanced) == unbalanced


def test_a_build_in_bundles_indexes_every_page_once(tmp_path):
    site = tmp_path / "site-src"
    shutil.copytree(REPO / "content", site / "content")
    (site / "docket.toml").write_text((REPO / "docket.toml").read_text(encoding="utf-8") + "\nsearch_bundle_size = 5\n", encoding="utf-8")
    result = build(site, output=tmp_path / "out", workers=2)
    index = tmp_path / "out" / "pagefind"
    folders = [index] + sorted((p for p in index.iterdir() if p.name.startswith("bundle-")), key=lambda p: int(p.name.split("-")[1]))
    counts = [json.loads((f / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"] for f in folders]
    expected = bundles.bundle_count(result.letters + result.entities, 5)
    assert len(folders) == expected and sum(counts) == result.indexed == result.letters + result.entities
    assert max(counts) - min(counts) <= 1
    search_page = (tmp_path / "out" / "search" / "index.html").read_text()
    listed = " ".join(["pagefind/"] + [f"pagefind/bundle-{n}/" for n in range(1, expected)])
    assert f'data-bundles="{listed}"' in search_page
    assert not (tmp_path / "out" / ".search-bundles").exists()
    assert not (folders[1] / "pagefind-ui.js").exists() and (folders[0] / "pagefind-ui.js").exists()


def test_search_bundle_size_is_validated(scratch_site, capsys):
    from docket.commands.cli import main

    site = scratch_site({"docket.toml": 'title = "T"\nsearch_bundle_size = "many"\n'})
    assert main(["check", "--site", str(site)]) == 1
    assert "docket.toml:2: search_bundle_size: expected a whole number — write search_bundle_size = 5000" in capsys.readouterr().err
    (site / "docket.toml").write_text('search_bundle_size = 0\n', encoding="utf-8")
    assert main(["check", "--site", str(site)]) == 1
    assert "docket.toml:1: search_bundle_size: must be at least 1" in capsys.readouterr().err
