"""Render on every core: letter and entity pages in worker processes, in a fixed order.

Workers are forked after the site is linked, so each inherits the whole linked site and
the template environment without pickling them; they send back only finished pages.
Chunks come back in the order they were handed out (``imap``), so the output is the same
page for page, byte for byte, whatever the number of workers. Index pages, which are few
and list everything, are rendered in the main process. Where ``fork`` is not available
the build renders in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from .progress import Progress, no_progress
from .render import Page, Renderer

CHUNK = 128  # pages per task: large enough to amortise the round trip, small enough to balance
MIN_PARALLEL = 1000  # below this many record pages, starting workers costs more than it saves

_renderer: Renderer | None = None  # set in the parent just before forking


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them all and cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_chunk(ids: list[str]) -> list[Page]:
    assert _renderer is not None
    return [_renderer.record_page(record_id) for record_id in ids]


@contextmanager
def _interrupt_between_chunks() -> Iterator[threading.Event]:
    """Turn Ctrl-C into a flag that the loop checks between chunks.

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


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def render_pages(renderer: Renderer, workers: int, progress: Progress = no_progress) -> Iterator[Page]:
    global _renderer
    ids = renderer.record_ids()
    total = renderer.page_count()
    done = 0
    if workers > 1 and len(ids) >= MIN_PARALLEL and "fork" in multiprocessing.get_all_start_methods():
        _renderer = renderer
        try:
            with _interrupt_between_chunks() as interrupted:
                with multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts) as pool:
                    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
                    for pages in pool.imap(_render_chunk, chunks):
                        if interrupted.is_set():
                            raise KeyboardInterrupt
                        yield from pages
                        done += len(pages)
                        progress("render", done, total)
                if interrupted.is_set():
                    raise KeyboardInterrupt
        finally:
            _renderer = None
    else:
        for record_id in ids:
            yield renderer.record_page(record_id)
            done += 1
            if done % 100 == 0:
                progress("render", done, total)
    for page in renderer.index_pages():
        yield page
        done += 1
    progress("render", done, total)
