"""Render on every core: letter and entity pages in worker processes, in a fixed order.

Workers are forked after the site is linked, so each inherits the whole linked site and
the template environment without pickling them. Each writes the pages it renders into
the output folder itself and sends back only what the build still needs: the HTML of
the pages serve keeps or a ``#fragment`` check reads, the URL of the others. In a build
with a search index, a worker also feeds each page it renders to the Pagefind process
of the page's bundle (see ``bundles``).
Chunks come back in the order they were handed out (``imap``), so the output is the same
page for page, byte for byte, whatever the number of workers. Index pages are tasks of
their own, one page each, handed out after the record pages. Where ``fork`` is not
available the build renders in one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Container, Iterator

from docket.engine.progress import Progress, no_progress
from docket.search.layout import IndexReport, SearchIndexError
from docket.site.render import IndexKey, Page, Renderer, TemplateProblem
from docket.site.write import PageWriter

CHUNK = 128  # pages per task: large enough to amortise the round trip, small enough to balance
MIN_PARALLEL = 1000  # below this many record pages, starting workers costs more than it saves
POLL = 0.2  # seconds between looks for Ctrl-C while waiting for a worker


@dataclass(frozen=True)
class SearchJob:
    """Where and how render tasks build their search-index bundles."""

    workspace: Path  # bundle n is built in workspace/n
    language: str
    prefix: str  # the site's base path without its final '/', put before every URL


@dataclass(frozen=True)
class Task:
    """A share of the pages: record pages (with a search job, one whole bundle, whose
    number this is) or index pages."""

    number: int
    records: tuple[str, ...] = ()
    index: tuple[IndexKey, ...] = ()


@dataclass
class RenderJob:
    """What a render needs: the renderer, where pages go, which pages' HTML to send back,
    and, for a build with a search index, where the index bundles go.

    Without a search job a task's records are any run of record ids; with one, they are
    one bundle, rendered and fed to its own Pagefind process by the same worker.
    """

    renderer: Renderer
    writer: PageWriter
    keep_all: bool = False  # every page's HTML (for serve)
    keep: Container[str] = frozenset()  # the HTML of these URLs (for #fragment checks)
    search: SearchJob | None = None

    def written(self, page: Page) -> Page:
        """Write ``page``; what is sent back of it."""
        self.writer.write(page)
        if self.keep_all or page.url in self.keep:
            return page
        return Page(page.url, "", page.indexed)

    def run(self, task: Task) -> tuple[list[Page], IndexReport | None]:
        renderer = self.renderer
        sent = [self.written(renderer.index_page(key)) for key in task.index]
        if self.search is None or not task.records:
            sent += [self.written(renderer.record_page(record_id)) for record_id in task.records]
            return sent, None

        from docket.search.driver import (
            run_bundle,  # only a build with a search index needs Pagefind's client
        )

        failed: list[TemplateProblem] = []

        def rendered() -> Iterator[Page]:
            for record_id in task.records:
                try:
                    page = renderer.record_page(record_id)
                except TemplateProblem as exc:  # reported as itself, not as Pagefind's failure
                    failed.append(exc)
                    raise
                sent.append(self.written(page))
                yield page

        try:
            report = run_bundle(rendered(), self.search.workspace / str(task.number), self.search.language, self.search.prefix)
        except SearchIndexError:
            if failed:
                raise failed[0] from None
            raise
        return sent, report


_job: RenderJob | None = None  # set in the parent just before forking


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them all and cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_task(task: Task) -> tuple[list[Page], IndexReport | None]:
    """One task, in a worker; what it leaves behind is then frozen out of the collector's sight.

    A worker's own caches (rendered cards, ``once()`` macros) grow with the archive, to
    some 200,000 strings at 100,000 letters. Each full collection walked them all again:
    a tenth of the rendering time at that size, against a fiftieth at 10,000 letters.
    Rendering leaves no reference cycles behind (measured: a collection after 20,000
    pages found none), and a worker ends with the build, so nothing frozen is kept.
    """
    assert _job is not None
    try:
        return _job.run(task)
    finally:
        gc.freeze()


@contextmanager
def _interrupt_between_chunks() -> Iterator[threading.Event]:
    """Turn Ctrl-C into a flag that the loop checks while it waits for results.

    A KeyboardInterrupt raised inside the pool's own bookkeeping can leave it unable to
    shut down; raised from our loop, the pool terminates its workers cleanly.
    """
    interrupted = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield interrupted
        return
    previous = signal.signal(signal.SIGINT, lambda number, frame: interrupted.set())
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


def _results(results, interrupted: threading.Event) -> Iterator:  # type: ignore[no-untyped-def]
    """The pool's results in order, looking for Ctrl-C every POLL seconds while waiting.

    A task can be a whole search bundle, tens of seconds of work: the build must not
    wait for it to end before it stops.
    """
    while True:
        try:
            result = results.next(timeout=POLL)
        except multiprocessing.TimeoutError:
            if interrupted.is_set():
                raise KeyboardInterrupt from None
            continue
        except StopIteration:
            return
        if interrupted.is_set():
            raise KeyboardInterrupt
        yield result


def render_pages(job: RenderJob, workers: int, progress: Progress = no_progress, tasks: list[list[str]] | None = None) -> Iterator[tuple[list[Page], IndexReport | None]]:
    """Render and write every page: record pages task by task, then the index pages.

    ``tasks`` are lists of record ids (default: the renderer's order in chunks; with a
    search job, the search bundles). Yields each task's pages, in task order, with its
    bundle's index report when there is a search job; then the index pages, a task each.
    """
    global _job
    renderer = job.renderer
    if tasks is None:
        ids = renderer.record_ids()
        tasks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    work = [Task(number, records=tuple(ids)) for number, ids in enumerate(tasks)]
    work += [Task(-1, index=(key,)) for key in renderer.index_page_keys()]
    total = renderer.page_count()
    done = 0
    if workers > 1 and len(tasks) > 1 and sum(map(len, tasks)) >= MIN_PARALLEL and "fork" in multiprocessing.get_all_start_methods():
        _job = job
        # The linked site is read by every worker and changed by none. Frozen (the
        # build unfreezes it at its end), the collector leaves it alone: a worker's
        # collections neither spend time on it nor write to its objects, which would
        # copy the pages they sit on.
        gc.freeze()
        try:
            with _interrupt_between_chunks() as interrupted:
                with multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts) as pool:
                    for pages, report in _results(pool.imap(_run_task, work), interrupted):
                        yield pages, report
                        done += len(pages)
                        progress("render", done, total)
                if interrupted.is_set():
                    raise KeyboardInterrupt
        finally:
            _job = None
        job.writer.count += done  # the workers' own writers counted in their processes
    else:
        for task in work:
            pages, report = job.run(task)
            yield pages, report
            done += len(pages)
            progress("render", done, total)
