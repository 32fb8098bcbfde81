"""Search: the layout of the Pagefind index and the checks on what Pagefind wrote.

The index is built in bundles (see ``bundles``), each by a Pagefind process of its own
that ``driver`` drives; here is what a build needs without running Pagefind: where
bundles are built and where they go, the part of a page Pagefind reads, and the checks
that what it wrote is whole. The count of pages Pagefind indexed must equal the count
we meant it to index: a page silently missing from search is a build error.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path

from docket.search.bundles import bundle_folder

WORKSPACE = ".search-bundles"  # where bundles are built, inside the staging folder, before they move
#: Pagefind's files that only the first bundle needs: the search page loads Pagefind's
#: script, its worker and its WebAssembly from there once and merges every other bundle
#: into it, which reads a bundle's index files only; and Pagefind's user-interface scripts
FIRST_BUNDLE_ONLY = ("pagefind.js", "pagefind-worker.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
FIRST_BUNDLE_ONLY_PATTERN = "wasm.*.pagefind"  # the WebAssembly, one file per language


class SearchIndexError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class IndexReport:
    pages: int
    words: int
    reproducible: bool = True  # False when Pagefind's files could not be put in canonical order
    bundles: int = 1
    cpu_seconds: float = 0.0  # CPU time Pagefind's processes used


def written_files(folder: Path) -> list[tuple[str, int]]:
    """The files under ``folder`` as sorted (path, size) pairs.

    Paths are plain strings from ``os.scandir``, not ``Path`` objects: a bundle holds a
    file per page, and this is asked for several times per bundle (see
    ``driver._settled``).
    """
    found: list[tuple[str, int]] = []
    folders = [os.fspath(folder)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    found.append((entry.path, entry.stat(follow_symlinks=False).st_size))
    found.sort()
    return found


def check_files(folder: Path) -> None:
    """Every compressed file Pagefind wrote must be whole: a truncated index is a build error."""
    for path, _ in written_files(folder):
        suffix = os.path.splitext(path)[1]
        if suffix.startswith(".pf_") or suffix == ".pagefind":
            try:
                with open(path, "rb") as file:
                    gzip.decompress(file.read())
            except (OSError, EOFError, zlib.error) as exc:
                raise SearchIndexError(f"Pagefind left {os.path.relpath(path, folder.parent)} incomplete ({exc})") from None


def pages_in_index(folder: Path) -> int:
    """Pages the written index holds, by Pagefind's own count.

    The per-page answers are no evidence: Pagefind answers for a page it then leaves
    out (one whose content is all ignored, say) just as for one it keeps.
    """
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(language["page_count"] for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SearchIndexError(f"Pagefind wrote no readable index: {exc}") from exc


_BODY_ATTRIBUTE = "data-pagefind-body"
_TAG_NAME = re.compile(r"[a-z][a-z0-9]*")
_LANG = re.compile(r"<html\b[^>]*?\slang=\"([^\"]*)\"")


def _indexed_element(html: str, position: int) -> tuple[int, str] | None:
    """Where the next tag carrying ``data-pagefind-body`` opens, and its name.

    The attribute's name is looked for as plain text (a regular expression trying every
    ``<`` of the page would cost far more), then checked to stand
    as an attribute inside a tag.
    """
    while (at := html.find(_BODY_ATTRIBUTE, position)) != -1:
        position = at + len(_BODY_ATTRIBUTE)
        opening = html.rfind("<", 0, at)
        name = _TAG_NAME.match(html, opening + 1) if opening != -1 else None
        if (
            name is not None
            and html[at - 1].isspace()
            and html[position : position + 1] in (" ", "\t", "\n", "\r", "\f", ">", "=")
            and html.find(">", opening, at) == -1
        ):
            return opening, name.group()
    return None


def indexable_html(html: str) -> str:
    """The part of a page Pagefind reads: its ``data-pagefind-body`` elements, in a bare document.

    Pagefind indexes only those elements once a site uses them, but it parses the whole
    page to find them; handing it just them roughly halves its work per page. The
    elements are found by balancing their tag in the rendered HTML, where every ``<``
    from content is escaped, so the tags in it are the theme's and markdown-it's own.
    A page without the attribute is passed whole, to be judged by Pagefind as before.
    """
    parts: list[str] = []
    position = 0
    while (element := _indexed_element(html, position)) is not None:
        start, tag = element
        tags = re.compile(rf"<(/?){tag}[\s>]")
        depth = 0
        for found in tags.finditer(html, start):
            depth += -1 if found.group(1) else 1
            if depth == 0:
                end = html.index(">", found.end() - 1) + 1
                parts.append(html[start:end])
                position = end
                break
        else:
            return html  # unbalanced: let Pagefind read the page as it is
    if not parts:
        return html
    lang = _LANG.search(html)
    opening = f'<html lang="{lang.group(1)}">' if lang else "<html>"
    return f"{opening}<head><meta charset=\"utf-8\"></head><body>{''.join(parts)}</body></html>"


def place_bundles(workspace: Path, output: Path, reports: list[IndexReport]) -> IndexReport:
    """Move the bundles built in ``workspace/<n>`` to their places under ``output``; one report for all."""
    for number in range(len(reports)):
        folder = workspace / str(number)
        if number:
            for name in FIRST_BUNDLE_ONLY:
                (folder / name).unlink(missing_ok=True)
            for path in folder.glob(FIRST_BUNDLE_ONLY_PATTERN):
                path.unlink()
        target = output / bundle_folder(number)
        target.parent.mkdir(parents=True, exist_ok=True)
        folder.rename(target)
    shutil.rmtree(workspace, ignore_errors=True)
    return IndexReport(sum(r.pages for r in reports), sum(r.words for r in reports), all(r.reproducible for r in reports), len(reports), sum(r.cpu_seconds for r in reports))
