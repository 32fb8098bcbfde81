"""The seams with Pagefind: the client's private parts docket relies on, and whole files.

The installed Pagefind must keep what ``driver.PRIVATE_CONTRACT`` lists; a Pagefind
that changed it must be named, method by method. A search index with a truncated file
is never published.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from conftest import BASIC_LETTER
from pagefind.service import PagefindService

from docket.engine.build import build
from docket.search import driver
from docket.search.layout import SearchIndexError, check_files, written_files


@pytest.fixture
def fresh_contract():
    driver.contract_breaks.cache_clear()
    yield
    driver.contract_breaks.cache_clear()


def test_the_installed_pagefind_keeps_the_contract(fresh_contract):
    assert driver.contract_breaks() == ()


@pytest.mark.parametrize("member", ["_wait_for_responses", "send", "close"])
def test_a_pagefind_without_a_replaced_method_is_named(fresh_contract, monkeypatch, member):
    monkeypatch.delattr(PagefindService, member)
    broken = driver.contract_breaks()
    assert any(line.startswith(f"PagefindService.{member} ") for line in broken), broken


def test_a_pagefind_whose_attributes_changed_is_named(fresh_contract, monkeypatch):
    annotations = {k: v for k, v in PagefindService.__annotations__.items() if k != "_responses"}
    monkeypatch.setattr(PagefindService, "__annotations__", annotations)
    assert driver.contract_breaks() == ("PagefindService._responses is gone: docket expects the futures waiting for answers, by message id",)


def test_a_build_refuses_a_pagefind_that_broke_the_contract(fresh_contract, monkeypatch, scratch_site):
    monkeypatch.delattr(PagefindService, "_wait_for_responses")
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    with pytest.raises(Exception) as failed:
        build(site)
    assert "PagefindService._wait_for_responses" in "\n".join(p.format() for p in failed.value.problems.errors)
    assert not (site / "site").exists()


def test_every_compressed_file_of_a_real_index_is_checked_whole(scratch_site):
    site = scratch_site({"content/letters/a.md": BASIC_LETTER})
    build(site)
    index = site / "site" / "pagefind"
    check_files(index)  # whole, as built
    compressed = [Path(path) for path, _ in written_files(index) if Path(path).suffix.startswith(".pf_") or path.endswith(".pagefind")]
    assert {path.suffix for path in compressed} >= {".pf_meta", ".pf_fragment", ".pf_index", ".pagefind"}
    for path in compressed:
        gzip.decompress(path.read_bytes())
    victim = next(path for path in compressed if path.suffix == ".pf_fragment")
    victim.write_bytes(victim.read_bytes()[:-7])
    with pytest.raises(SearchIndexError, match=f"Pagefind left pagefind/fragment/{victim.name} incomplete"):
        check_files(index)
