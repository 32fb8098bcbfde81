"""Writing pages: every path stays inside the output folder."""

from __future__ import annotations

import pytest

from docket.site.page import Page
from docket.site.write import PageWriter, safe_join


def test_pages_are_written_under_their_url(tmp_path):
    writer = PageWriter(tmp_path)
    writer.write(Page("/letters/a/", "<p>a</p>", True))
    writer.write(Page("/404.html", "<p>gone</p>", False))
    assert (tmp_path / "letters" / "a" / "index.html").read_text() == "<p>a</p>"
    assert (tmp_path / "404.html").read_text() == "<p>gone</p>"
    assert writer.count == 2


@pytest.mark.parametrize("url", ["/letters/../../etc/", "/letters//a/", "/letters/./a/", "/letters\\..\\a/", "letters/a/"])
def test_a_url_that_could_leave_the_output_folder_is_refused(tmp_path, url):
    out = tmp_path / "site"
    out.mkdir()
    with pytest.raises(ValueError):
        PageWriter(out).write(Page(url, "x", True))
    assert [p.name for p in tmp_path.rglob("*")] == ["site"]


@pytest.mark.parametrize("relative", ["", "/abs", "a/../b", "a\\b", "a//b"])
def test_safe_join_refuses_what_is_not_plain_segments(tmp_path, relative):
    with pytest.raises(ValueError):
        safe_join(tmp_path, relative)
