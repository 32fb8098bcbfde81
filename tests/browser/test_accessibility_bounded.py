"""axe-core finds no violations on the pages that bound what refers to a record and the
bar of years: a letter mentioned by many letters, a place of many events, their paged
lists, and the letters, timeline, a correspondent's page and list and an event's page of
an archive that spans centuries."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_bounded_referrers import referred_files, write
from test_year_bar import centuries_files

from .conftest import _serve, docket_build

pytestmark = pytest.mark.browser

PAGES = (
    "/letters/cited-letter/",
    "/letters/cited-letter/mentioned/2/",
    "/letters/cited-letter/linked/",
    "/places/big-place/",
    "/places/big-place/event-place/",
    "/letters/",
    "/timeline/1553/",
    "/people/ali-khamenei/",
    "/people/ali-khamenei/sent/",
    "/events/long-war/",
)


@pytest.fixture(scope="module")
def bounded_url(tmp_path_factory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("bounded")
    write(folder, {**centuries_files(), **referred_files()})
    docket_build(folder, folder / "site", "--no-search")
    yield from _serve(folder / "site", {})


@pytest.mark.parametrize("address", PAGES)
def test_no_axe_violations(scheme_page, bounded_url: str, axe: Axe, address: str) -> None:
    scheme, page = scheme_page
    response = page.goto(bounded_url + address)
    assert response is not None and response.ok, f"{address}: {response and response.status}"
    results = axe.run(page)
    assert results.violations_count == 0, f"axe on {address} ({scheme} scheme):\n{results.generate_report()}"
