"""Search: a Pagefind index of the rendered pages, through Pagefind's Python API.

Pages are fed from memory (nothing is read back from disk), in URL order so that the
index is the same from build to build. The count of pages Pagefind indexed must equal
the count we meant it to index: a page silently missing from search is a build error.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from .render import Page

INDEX_FOLDER = "pagefind"


class SearchIndexError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class IndexReport:
    pages: int
    words: int


async def _index(pages: list[Page], output: Path, language: str) -> IndexReport:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language=language, output_path=str(output / INDEX_FOLDER))
    words = 0
    indexed = 0
    async with PagefindIndex(config=config) as index:  # writes the files on a clean exit
        for page in pages:
            result = await index.add_html_file(content=page.html, url=page.url)
            if result.get("page_word_count", 0) > 0:
                indexed += 1
                words += result["page_word_count"]
    return IndexReport(indexed, words)


def build_index(pages: list[Page], output: Path, language: str, base_path: str = "/") -> IndexReport:
    wanted = sorted((p for p in pages if p.indexed), key=lambda p: p.url)
    if base_path != "/":
        wanted = [Page(base_path.rstrip("/") + p.url, p.html, True) for p in wanted]  # type: ignore[arg-type]
    try:
        report = asyncio.run(_index(wanted, output, language))
    except SearchIndexError:
        raise
    except Exception as exc:  # the Pagefind service reports failures as assorted exceptions
        raise SearchIndexError(f"Pagefind failed: {exc}") from exc
    if report.pages != len(wanted):
        raise SearchIndexError(f"Pagefind indexed {report.pages} pages, but {len(wanted)} were meant to be indexed")
    return report
