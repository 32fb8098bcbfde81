"""Ids and the URLs and output files they map to — in one place.

An id is a file stem; a URL is where a reader finds the page; an output path is where
the page lands inside the output folder. They are distinct types so that one is never
passed where another is meant, and this module is the only one that converts between
them. Ids are validated before they reach here, so no URL or output path built from
content can leave the output folder.
"""

from __future__ import annotations

import re
from typing import NewType

from docket.archive.kinds import KINDS

RecordId = NewType("RecordId", str)
Url = NewType("Url", str)
OutputPath = NewType("OutputPath", str)

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
ID_MAX_LENGTH = 100
ID_RULE = "lower-case letters a–z, digits and single hyphens between words, at most 100 characters"

def is_valid_id(text: str) -> bool:
    return len(text) <= ID_MAX_LENGTH and ID_PATTERN.match(text) is not None


def record_url(kind: str, record_id: RecordId) -> Url:
    return Url(f"/{KINDS[kind].folder}/{record_id}/")


def output_path(url: Url) -> OutputPath:
    """The file a URL is served from: ``/a/b/`` -> ``a/b/index.html``; ``/404.html`` as is."""
    if not url.startswith("/") or ".." in url.split("/"):
        raise ValueError(f"not a site URL: {url!r}")
    if url.endswith("/"):
        return OutputPath(url[1:] + "index.html")
    return OutputPath(url[1:])


def correspondence_url(name: str) -> Url:
    """``/correspondence/a--b/``: a correspondence's page, by its pair's name."""
    return Url(f"/correspondence/{name}/")


def list_page_url(base: Url, number: int) -> Url:
    """Page ``number`` of a paged list whose first page is ``base``: ``base``, ``base2/``, …"""
    return base if number == 1 else Url(f"{base}{number}/")
