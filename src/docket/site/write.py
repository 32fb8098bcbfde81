"""Write: put the pages and the theme's assets into the output folder, atomically.

The new site is written into a sibling folder and swapped in only when everything —
pages, assets, search index — is in place; a build that fails or is interrupted removes
its half-written folder and leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from docket.paths import output_path
from docket.site.page import Page
from docket.site.theme import THEME_DIR

ASSETS = "assets"


def safe_join(root: Path, relative: str) -> Path:
    """``root / relative``, refusing anything that could land outside ``root``."""
    return root.joinpath(*_inside(relative).split("/"))


def _inside(relative: str) -> str:
    """``relative``, if it cannot lead outside the folder it is taken from.

    A relative path of plain segments — no empty, ``.`` or ``..`` segment, no leading
    slash, no backslash — stays inside: the output folder is created fresh by the
    build, so no symbolic link inside it leads elsewhere. Checking the text rather than
    resolving the path on disk keeps this cheap for 100,000 pages.
    """
    if not relative or "\\" in relative or any(segment in ("", ".", "..") for segment in relative.split("/")):
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return relative


class PageWriter:
    """Writes pages into the output folder as they are rendered, counting them.

    Each render worker writes the pages it renders, as it renders them, so no build
    holds the whole site's HTML in memory or sends it between processes. Paths are
    plain strings here: a page is written in some 30 us, which pathlib would double.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0
        self._root = os.fspath(root)
        self._made: set[str] = set()

    def write(self, page: Page) -> None:
        target = f"{self._root}/{_inside(output_path(page.url))}"
        folder = target.rpartition("/")[0]
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        with open(target, "wb") as handle:
            handle.write(page.html.encode("utf-8"))
        self.count += 1


def copy_assets(root: Path, site_dir: Path | None) -> None:
    """The theme's assets, then the site's own ``templates/assets`` over them."""
    sources = [THEME_DIR / ASSETS]
    if site_dir is not None:
        sources.append(site_dir / "templates" / ASSETS)
    for source in sources:
        if source.is_dir():
            shutil.copytree(source, root / ASSETS, dirs_exist_ok=True, symlinks=False)


@contextmanager
def staged_output(output: Path) -> Iterator[Path]:
    """A fresh folder beside ``output``; swapped in for it when the block succeeds."""
    output = output.absolute()
    staging = output.with_name(f".{output.name}.building")
    retired = output.with_name(f".{output.name}.old")
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    staging.mkdir(parents=True)
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if output.exists():
        os.replace(output, retired)
    os.replace(staging, output)
    shutil.rmtree(retired, ignore_errors=True)
