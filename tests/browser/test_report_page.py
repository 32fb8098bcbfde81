"""docket report --html: the page is axe-clean and its links lead to the built site's pages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import REPO

from docket.commands.cli import main

pytestmark = pytest.mark.browser


def test_the_report_page_has_no_axe_violations_and_its_links_resolve(page, built_site, site_url, tmp_path, capsys) -> None:
    report = built_site / "report-under-test.html"
    assert main(["report", "--site", str(REPO), "--html", str(report)]) == 0
    capsys.readouterr()
    try:
        response = page.goto(site_url + "/report-under-test.html")
        assert response is not None and response.ok
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        hrefs = page.eval_on_selector_all("td a", "links => links.map(a => a.getAttribute('href'))")
        assert hrefs, "the report of the archive lists no record"
        for href in sorted(set(hrefs))[:10]:  # under the archive's base_url: its path is the built site's
            assert page.request.get(site_url + urlsplit(href).path).ok, href
    finally:
        report.unlink()
