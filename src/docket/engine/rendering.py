"""Render every page on every core, in a fixed order; with a search index, index them as they come.

The record pages are shared out in tasks (see ``workers``): runs of ``CHUNK`` records, or,
in a build with a search index, one task per bundle of the index (see
``search.bundles``), whose worker renders the bundle's pages and feeds each to a
Pagefind process of its own as it is rendered. The index pages are handed out after the
record pages, in runs of ``INDEX_CHUNK``; the data files and their page (``publish``)
before them all, as one task. A worker writes the pages it renders
into the output folder itself and sends back only what the build still needs: the HTML
of the pages serve keeps or a ``#fragment`` check reads, the URL of the others. Tasks
come back in order, so the output is the same, byte for byte, whatever the number of
workers.

Before the pages, every letter's card (the fragment most pages show: see
``site/fragments.py``) is made once, shared out the same way, so that the workers forked
for the pages inherit them: each would otherwise make nearly every card itself.

This process renders too, beside one worker fewer: a forked worker ends up with its own
copy of most of the memory pages that hold the site (reading an object writes its
reference count, which copies its page), and this process copies none.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Container, Iterator

from docket.engine.accounting import children_cpu
from docket.engine.progress import Progress, no_progress
from docket.engine.workers import in_workers
from docket.publish.step import publish
from docket.search.layout import IndexReport
from docket.site.page import IndexKey, Page
from docket.site.render import Renderer
from docket.site.write import PageWriter

CHUNK = 128  # pages per task: large enough to amortise the round trip, small enough to balance
#: index pages per task: every one is small (lists are paged), but a large archive has
#: thousands of them (correspondences, months, entities' lists)
INDEX_CHUNK = 32
MIN_PARALLEL = 1000  # below this many record pages, starting workers costs more than it saves
CARD_CHUNK = 500  # letters whose cards a worker makes per task


@dataclass(frozen=True)
class SearchJob:
    """Where and how render tasks build their search-index bundles."""

    workspace: Path  # bundle n is built in workspace/n
    language: str
    prefix: str  # the site's base path without its final '/', put before every URL


@dataclass(frozen=True)
class Task:
    """A share of the work: record pages (with a search job, one whole bundle, whose
    number this is), index pages, or the data files and their page (``publish``)."""

    number: int
    records: tuple[str, ...] = ()
    index: tuple[IndexKey, ...] = ()
    data: bool = False


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
        if task.data:
            return [self.written(publish(self.writer.root, renderer))], None
        sent = [self.written(renderer.index_page(key)) for key in task.index]
        if self.search is None or not task.records:
            sent += [self.written(renderer.record_page(record_id)) for record_id in task.records]
            return sent, None

        from docket.search.driver import (
            run_bundle,  # only a build with a search index needs Pagefind's client
        )

        def rendered() -> Iterator[Page]:
            for record_id in task.records:
                page = renderer.record_page(record_id)
                sent.append(self.written(page))
                yield page

        before = children_cpu()
        report = run_bundle(rendered(), self.search.workspace / str(task.number), self.search.language, self.search.prefix)
        return sent, dataclasses.replace(report, cpu_seconds=children_cpu() - before)


def _cards_first(renderer: Renderer, workers: int) -> None:
    """Every letter's card, made on every core and kept in this process before the page
    workers fork; nothing if the theme's card is one only a page can make."""
    if not renderer.cards_can_be_made_ahead():
        return
    ids = sorted(renderer.site.letters)
    chunks = [ids[i : i + CARD_CHUNK] for i in range(0, len(ids), CARD_CHUNK)]
    for chunk, made in zip(chunks, in_workers(renderer.cards_ahead, chunks, workers, share=True)):
        renderer.keep_cards(chunk, made)


def render_pages(job: RenderJob, workers: int, progress: Progress = no_progress, tasks: list[list[str]] | None = None) -> Iterator[tuple[list[Page], IndexReport | None]]:
    """Write the data files and render and write every page: the Data page, record pages
    task by task, then the index pages.

    ``tasks`` are lists of record ids (default: the renderer's order in chunks; with a
    search job, the search bundles). Yields each task's pages, in task order, with its
    bundle's index report when there is a search job; then the index pages, in runs.
    """
    renderer = job.renderer
    if tasks is None:
        ids = renderer.site.record_order()
        tasks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    # the data files first: the longest single task, best not left for the end
    work = [Task(-1, data=True)] + [Task(number, records=tuple(ids)) for number, ids in enumerate(tasks)]
    keys = renderer.index_page_keys()
    work += [Task(-1, index=tuple(keys[i : i + INDEX_CHUNK])) for i in range(0, len(keys), INDEX_CHUNK)]
    if sum(map(len, tasks)) < MIN_PARALLEL or len(tasks) < 2:
        workers = 1
    else:
        _cards_first(renderer, workers)
    total, done = renderer.page_count() + 1, 0  # and the Data page
    for pages, report in in_workers(job.run, work, workers, share=True):
        yield pages, report
        done += len(pages)
        progress("render", done, total)
