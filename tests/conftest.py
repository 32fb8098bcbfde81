"""Shared fixtures: a scratch site written inline, and the repository's own archive."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last. Their Chromium, its driver's process watcher and their HTTP
    servers run threads for the rest of the session; the builds of every other test then
    fork their workers from a process with one thread, as the ``docket`` command does, and
    a warning about forking a threaded process points at docket's own code."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)

PEOPLE = {
    "content/people/ali-khamenei.md": "---\nname: Ali Khamenei\ndescription: Supreme Leader of Iran from 1989.\n---\n",
    "content/people/ismail-haniyeh.md": "---\nname: Ismail Haniyeh\naliases: [Haniya]\ndescription: Head of the Hamas Political Bureau 2017–2024.\n---\n",
    "content/places/gaza-strip.md": "---\nname: Gaza Strip\ndescription: A coastal territory.\n---\n",
}


def letter(front: str, body: str = "Text of the letter.") -> str:
    return "---\n" + textwrap.dedent(front).strip("\n") + "\n---\n" + body + "\n"


BASIC_LETTER = letter(
    """
    date: 2021-05-24
    senders: [ali-khamenei]
    recipients: [ismail-haniyeh]
    text: full
    source: {title: A source}
    """
)


@pytest.fixture
def scratch_site(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write a tiny site from {relative path: text or bytes}; people and a place come free."""

    def make(files: dict[str, str | bytes], with_people: bool = True) -> Path:
        site = tmp_path / "site-src"
        everything = {**(PEOPLE if with_people else {}), **files}
        for rel, text in everything.items():
            path = site / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return site

    return make
