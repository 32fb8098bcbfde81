"""Pagefind, driven: one bundle of the search index built by a Pagefind process of its own.

Pages are fed from memory as they are rendered (nothing is read back from disk), each
bundle's pages always in the same order, so the index is the same from build to build.
Only a build with a search index imports this module: ``docket build --no-search`` and
``docket check`` do without the start-up of asyncio and Pagefind's client.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import inspect
import json
import shutil
from pathlib import Path
from typing import Iterable, Iterator

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from docket.search.layout import (
    WORKSPACE,
    IndexReport,
    SearchIndexError,
    check_files,
    indexable_html,
    pages_in_index,
    place_bundles,
    written_files,
)
from docket.search.reproducible import stabilise
from docket.site.page import Page

#: requests in flight at once per bundle: enough to keep the binary busy, few enough to bound memory
IN_FLIGHT = 32
CLOSE_TIMEOUT = 120.0  # seconds Pagefind may take to exit once its input is closed
SETTLE_INTERVAL = 0.05  # seconds between looks at the index folder after "written"
SETTLE_POLLS = 3  # unchanged looks in a row that count as finished
SETTLE_LIMIT = 60.0  # seconds to wait at most


#: what ``_PromptService`` relies on inside Pagefind's client, beyond its public API: each
#: private method it replaces or attribute it uses, and what it expects of it
PRIVATE_CONTRACT = {
    "PagefindService.launch": "starts the binary and its reader task with self._wait_for_responses()",
    "PagefindService._wait_for_responses": "the reader task that launch() starts (replaced here)",
    "PagefindService.send": "sends one request (replaced here)",
    "PagefindService.close": "ends the binary (replaced here)",
    "PagefindService._backend": "the binary's process, with stdin and stdout pipes",
    "PagefindService._responses": "the futures waiting for answers, by message id",
    "PagefindService._message_id": "the last message id sent",
    "PagefindService._loop": "the event loop the futures belong to",
    "PagefindService._poll_task": "the reader task",
}


@functools.cache
def contract_breaks() -> tuple[str, ...]:
    """Each part of ``PRIVATE_CONTRACT`` that the installed Pagefind no longer keeps, with why."""
    broken = []
    annotated = inspect.get_annotations(PagefindService)
    for name, expected in PRIVATE_CONTRACT.items():
        member = name.split(".", 1)[1]
        if member in ("launch", "_wait_for_responses", "send", "close"):
            method = getattr(PagefindService, member, None)
            if not inspect.iscoroutinefunction(method):
                broken.append(f"{name} is no longer a coroutine method: docket expects it to be one that {expected}")
            elif member == "send" and list(inspect.signature(method).parameters) != ["self", "payload"]:
                broken.append(f"{name} no longer takes (payload): docket expects it to be what {expected}")
        elif member not in annotated:
            broken.append(f"{name} is gone: docket expects {expected}")
    launch = getattr(PagefindService, "launch", None)
    if launch is not None and "self._wait_for_responses()" not in inspect.getsource(launch):
        broken.append("PagefindService.launch no longer starts self._wait_for_responses(): docket's faster reader would never run")
    return tuple(broken)


class _PromptService(PagefindService):
    """Pagefind's service client, reading each answer as soon as the binary sends it.

    The package's own reader sleeps a tenth of a second before every response it
    reads, which caps indexing at ten pages a second. The requests, the binary and the
    protocol (base64 JSON messages ending in a comma) are the package's.
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
        """The package's request, without its debug logging.

        The package formats every request into a log message whether or not debug
        logging is on: two ``repr``s of the page's HTML per page.
        """
        failure = getattr(self, "_failure", None)
        if failure is not None:
            raise failure
        assert self._backend.stdin is not None
        self._message_id += 1
        future = self._loop.create_future()
        self._responses[self._message_id] = future
        request = json.dumps({"message_id": self._message_id, "payload": payload})
        self._backend.stdin.write(base64.b64encode(request.encode("ascii")) + b",")
        await self._backend.stdin.drain()
        return await future

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


async def _settled(folder: Path) -> None:
    """Wait until Pagefind has stopped writing into ``folder``.

    Pagefind answers "written" while some of its files are still being written; ending
    the binary then leaves them empty. The folder counts as settled when its files and
    their sizes stay the same for SETTLE_POLLS polls in a row.
    """
    last: list[tuple[str, int]] = []
    steady = 0
    deadline = asyncio.get_running_loop().time() + SETTLE_LIMIT
    while steady < SETTLE_POLLS and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(SETTLE_INTERVAL)
        state = written_files(folder)
        steady = steady + 1 if state == last and state else 0
        last = state


class _PagesFailed(Exception):
    """The pages' own iterator failed (rendering a page, say): not Pagefind's failure."""


def _pages(pages: Iterable[Page]) -> Iterator[Page]:
    """``pages``, with a failure of their own marked as such (see ``run_bundle``)."""
    iterator = iter(pages)
    while True:
        try:
            page = next(iterator)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - whatever it is, it is raised again as itself
            raise _PagesFailed() from exc
        yield page


async def index_bundle(pages: Iterable[Page], folder: Path, language: str, prefix: str = "") -> IndexReport:
    """One bundle of the search index: ``pages`` fed to a Pagefind process of its own, then written to ``folder``.

    ``pages`` may be a generator that renders each page as it is asked for: rendering
    (here, in Python) and indexing (in Pagefind's process) then overlap, and only the
    pages waiting for Pagefind are held in memory. They are sent in the order they come.
    """
    broken = contract_breaks()
    if broken:
        raise SearchIndexError("this Pagefind's Python client is not the one docket was built for: " + "; ".join(broken))
    service = await _PromptService().launch()
    words = 0
    sent = 0
    try:
        index = await service.create_index(IndexConfig(force_language=language))
        slots = asyncio.Semaphore(IN_FLIGHT)

        async def add(page: Page) -> None:
            nonlocal words
            try:
                answer = await index.add_html_file(content=indexable_html(page.html), url=prefix + page.url)
                words += answer.get("page_word_count", 0)
            finally:
                slots.release()

        adding = []
        for page in _pages(pages):
            await slots.acquire()
            adding.append(asyncio.ensure_future(add(page)))
            await asyncio.sleep(0)  # let it send the page now, while the next one renders
            sent += 1
        await asyncio.gather(*adding)
        await index.write_files(output_path=str(folder))
        await _settled(folder)
    finally:
        await service.close()
    check_files(folder)
    indexed = pages_in_index(folder)
    if indexed != sent:
        raise SearchIndexError(f"Pagefind indexed {indexed} pages, but {sent} were meant to be indexed")
    return IndexReport(indexed, words, await asyncio.get_running_loop().run_in_executor(None, stabilise, folder))


def run_bundle(pages: Iterable[Page], folder: Path, language: str, prefix: str = "") -> IndexReport:
    """``index_bundle`` from synchronous code, with Pagefind's assorted failures as
    SearchIndexError; a failure of the pages' own (a template error) is raised as itself."""
    try:
        return asyncio.run(index_bundle(pages, folder, language, prefix))
    except SearchIndexError:
        raise
    except _PagesFailed as failed:
        assert failed.__cause__ is not None
        raise failed.__cause__ from None
    except Exception as exc:  # the service reports its failures as assorted exceptions
        raise SearchIndexError(f"Pagefind failed: {exc}") from exc


def build_index(pages: Iterable[Page], output: Path, language: str, bundles: list[list[str]], base_path: str = "/") -> IndexReport:
    """The search index of pages already rendered (``docket serve`` keeps them in memory)."""
    by_url = {page.url: page for page in pages if page.indexed}
    wanted = {url for urls in bundles for url in urls}
    if set(by_url) != wanted:
        raise SearchIndexError(f"the search index was given {len(by_url)} pages, but its plan has {len(wanted)}")
    workspace = output / WORKSPACE
    prefix = base_path.rstrip("/")
    try:
        reports = [run_bundle((by_url[url] for url in urls), workspace / str(number), language, prefix) for number, urls in enumerate(bundles)]
        return place_bundles(workspace, output, reports)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
