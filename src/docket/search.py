"""Search: a Pagefind index of the rendered pages, through Pagefind's Python API.

Pages are fed from memory (nothing is read back from disk), in URL order, so the
index holds the same pages in the same order from build to build. The count of pages
Pagefind indexed must equal the count we meant it to index: a page silently missing
from search is a build error.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from .progress import Progress, no_progress
from .render import Page
from .reproducible import stabilise

INDEX_FOLDER = "pagefind"
#: requests in flight at once: enough to keep the binary busy, few enough to bound memory
IN_FLIGHT = 32
CLOSE_TIMEOUT = 120.0  # seconds Pagefind may take to exit once its input is closed
SETTLE_INTERVAL = 0.05  # seconds between looks at the index folder after "written"
SETTLE_POLLS = 3  # unchanged looks in a row that count as finished
SETTLE_LIMIT = 60.0  # seconds to wait at most


class SearchIndexError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class IndexReport:
    pages: int
    words: int
    reproducible: bool = True  # False when Pagefind's files could not be put in canonical order


class _PromptService(PagefindService):
    """Pagefind's service client, reading each answer as soon as the binary sends it.

    The package's own reader sleeps 100 ms before every response it reads, which caps
    indexing at ten pages a second — 17 minutes for 10,000 letters. The requests, the
    binary and the protocol (base64 JSON messages ending in a comma) are the package's.
    """

    async def _wait_for_responses(self) -> None:
        try:
            await self._read_responses()
        except (asyncio.IncompleteReadError, ValueError, json.JSONDecodeError) as exc:
            # The binary exited or spoke nonsense: fail every request still waiting,
            # rather than leave the build waiting for answers that will never come.
            failure = SearchIndexError(f"Pagefind stopped answering ({type(exc).__name__})")
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(failure)
            self._responses.clear()
            self._failure = failure

    async def close(self) -> None:
        """End the binary by closing its input and let it finish writing.

        The package's own close terminates the process, which can land while Pagefind
        is still flushing the index it has already reported as written.
        """
        self._poll_task.cancel()
        if self._backend.stdin is not None:
            self._backend.stdin.close()
        try:
            await asyncio.wait_for(self._backend.wait(), timeout=CLOSE_TIMEOUT)
        except asyncio.TimeoutError:
            self._backend.terminate()
            await self._backend.wait()

    async def send(self, payload):  # type: ignore[no-untyped-def, override]
        failure = getattr(self, "_failure", None)
        if failure is not None:
            raise failure
        return await super().send(payload)

    async def _read_responses(self) -> None:
        assert self._backend.stdout is not None
        while True:
            message = await self._backend.stdout.readuntil(b",")
            response = json.loads(base64.b64decode(message[:-1]))
            if response is None:
                continue
            message_id = response.get("message_id")
            payload = response["payload"]
            if message_id is None and payload.get("original_message"):
                message_id = json.loads(payload["original_message"]).get("message_id")
            future = self._responses.pop(message_id, None)
            if future is None or future.done():
                continue
            if payload["type"] == "Error":
                future.set_exception(SearchIndexError(f"Pagefind: {payload.get('message', 'unknown error')}"))
            else:
                future.set_result(payload)


async def _index(pages: list[Page], output: Path, language: str, progress: Progress) -> IndexReport:
    service = await _PromptService().launch()
    try:
        index = await service.create_index(IndexConfig(force_language=language))
        slots = asyncio.Semaphore(IN_FLIGHT)

        done = 0

        async def add(page: Page) -> dict:
            nonlocal done
            async with slots:
                answer = await index.add_html_file(content=page.html, url=page.url)
            done += 1
            if done % 100 == 0 or done == len(pages):
                progress("search", done, len(pages))
            return answer

        results = await asyncio.gather(*(add(page) for page in pages))
        await index.write_files(output_path=str(output / INDEX_FOLDER))
        await _settled(output / INDEX_FOLDER)
    finally:
        await service.close()
    _check_files(output / INDEX_FOLDER)
    folder = output / INDEX_FOLDER
    words = sum(r.get("page_word_count", 0) for r in results)
    return IndexReport(_pages_in_index(folder), words, stabilise(folder))


async def _settled(folder: Path) -> None:
    """Wait until Pagefind has stopped writing into ``folder``.

    Pagefind answers "written" while some of its files are still being written; ending
    the binary then leaves them empty. The folder counts as settled when its files and
    their sizes stay the same for SETTLE_POLLS polls in a row.
    """
    last: tuple = ()
    steady = 0
    deadline = asyncio.get_running_loop().time() + SETTLE_LIMIT
    while steady < SETTLE_POLLS and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(SETTLE_INTERVAL)
        state = tuple(sorted((str(p), p.stat().st_size) for p in folder.rglob("*") if p.is_file()))
        steady = steady + 1 if state == last and state else 0
        last = state


def _check_files(folder: Path) -> None:
    """Every compressed file Pagefind wrote must be whole: a truncated index is a build error."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and (path.suffix.startswith(".pf_") or path.suffix == ".pagefind"):
            try:
                gzip.decompress(path.read_bytes())
            except (OSError, EOFError, zlib.error) as exc:
                raise SearchIndexError(f"Pagefind left {path.relative_to(folder.parent)} incomplete ({exc})") from None


def _pages_in_index(folder: Path) -> int:
    """Pages the written index holds, by Pagefind's own count.

    The per-page answers are no evidence: Pagefind answers for a page it then leaves
    out (one whose content is all ignored, say) just as for one it keeps.
    """
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(language["page_count"] for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SearchIndexError(f"Pagefind wrote no readable index: {exc}") from exc


def build_index(pages: list[Page], output: Path, language: str, base_path: str = "/", progress: Progress = no_progress) -> IndexReport:
    prefix = base_path.rstrip("/")
    wanted = sorted((Page(prefix + p.url, p.html, True) for p in pages if p.indexed), key=lambda p: p.url)  # type: ignore[arg-type]
    try:
        report = asyncio.run(_index(wanted, output, language, progress))
    except SearchIndexError:
        raise
    except Exception as exc:  # the service reports its failures as assorted exceptions
        raise SearchIndexError(f"Pagefind failed: {exc}") from exc
    if report.pages != len(wanted):
        raise SearchIndexError(f"Pagefind indexed {report.pages} pages, but {len(wanted)} were meant to be indexed")
    return report
