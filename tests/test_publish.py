"""Published data: absolute URLs, CMIF, tables, the data package, sitemap, robots and feed."""

from __future__ import annotations

import pytest

from docket.config import Config


def test_absolute_url_needs_base_url():
    assert Config().absolute_url("/letters/x/") is None
    assert not Config().has_base_url
    assert Config(base_url="https://example.org").absolute_url("/letters/x/") == "https://example.org/letters/x/"
    mounted = Config(base_url="https://example.org/archive/")
    assert mounted.has_base_url
    assert mounted.absolute_url("/") == "https://example.org/archive/"
    assert mounted.absolute_url("/people/ada/") == "https://example.org/archive/people/ada/"
    with pytest.raises(ValueError):
        mounted.absolute_url("people/ada/")
