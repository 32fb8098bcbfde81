"""Work on every core: the one way docket runs work in parallel.

``in_workers(work, items, workers)`` gives ``work(item)`` for each item, in the items'
order, computed by a pool of forked worker processes; with ``share``, this process works
too, beside a pool one process smaller: it keeps each worker one item ahead and takes
the next item itself whenever the result it is to give next is not ready, so the work
is shared out as it goes, whatever each item costs. What it works on is not sent back
to it, and it holds no copy of the pages a forked worker copies (see ``rendering``).
Forked, the workers inherit ``work`` and everything it reads — the parsed files, the
linked site, the templates — without pickling any of it; only each item and its result
cross between processes.
Results come back in the order the items were handed out, so the outcome is what one
process would have made, whatever the number of workers. Where ``fork`` is not available,
with one worker or one item, the work is done in this process.

``alongside(work, workers)`` runs ``work()`` in one forked process while this one goes on with a
block of its own, and waits for it at the block's end.

Ctrl-C stops the workers and reaches the caller as KeyboardInterrupt: the wait for a
result looks for it every ``POLL`` seconds, since one item can be a long piece of work
(a whole search-index bundle); an item this process works on itself is interrupted at
once.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

from docket.engine.memory import set_aside_before_forking, set_aside_in_worker

Item = TypeVar("Item")
Result = TypeVar("Result")

POLL = 0.2  # seconds between looks for Ctrl-C while waiting for a worker

_work: Callable | None = None  # set in the parent just before the pool forks


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def in_workers(work: Callable[[Item], Result], items: Sequence[Item], workers: int, *, share: bool = False) -> Iterator[Result]:
    """``work(item)`` for each of ``items``, in order, on up to ``workers`` processes:
    forked workers, and this one too if ``share``."""
    global _work
    if workers < 2 or len(items) < 2 or not can_fork():
        yield from map(work, items)
        return
    _work = work
    set_aside_before_forking()
    try:
        with _interrupt_between_results() as interrupted:
            processes = min(workers - 1 if share else workers, len(items))
            with multiprocessing.get_context("fork").Pool(processes, initializer=_ignore_interrupts) as pool:
                _widen_results_pipe(pool)
                if share:
                    yield from _shared(work, items, pool, processes, interrupted)
                else:
                    yield from _results(pool.imap(_run, items), interrupted)
            if interrupted.is_set():
                raise KeyboardInterrupt
    finally:
        _work = None


def _shared(work: Callable[[Item], Result], items: Sequence[Item], pool, processes: int, interrupted: threading.Event) -> Iterator[Result]:  # type: ignore[no-untyped-def]
    """The results in order, the items worked on by the pool and by this process as each
    becomes free (see the module)."""
    handed: dict[int, multiprocessing.pool.AsyncResult] = {}
    done: dict[int, Result] = {}
    following = 0  # the next item not yet handed out or worked on
    try:
        for wanted in range(len(items)):
            while wanted not in done:
                if interrupted.is_set():
                    raise KeyboardInterrupt
                for index in [index for index, result in handed.items() if result.ready()]:
                    done[index] = handed.pop(index).get()
                while len(handed) < 2 * processes and following < len(items):
                    handed[following] = pool.apply_async(_run, (items[following],))
                    following += 1
                if wanted in done:
                    break
                if following < len(items):
                    with _interrupt_at_once():
                        done[following] = work(items[following])
                    following += 1
                else:
                    handed[wanted].wait(POLL)
            yield done.pop(wanted)
    except Exception:
        # Let the workers finish what they hold before the pool ends them: one ended
        # while it sends a result would keep the pool's lock on its results, and the
        # pool would wait for that lock for ever as it shuts down.
        for result in handed.values():
            result.wait()
        raise


@contextmanager
def alongside(work: Callable[[], object], workers: int) -> Iterator[None]:
    """``work()`` in a forked process while this one runs the block; waited for at its end.

    The forked process leaves Ctrl-C to this one and finishes its work, so it must be
    short and leave nothing half-done. With one worker, or where ``fork`` is not
    available, the work is done here first.
    """
    if workers < 2 or not can_fork():
        work()
        yield
        return
    set_aside_before_forking()
    process = multiprocessing.get_context("fork").Process(target=_alone, args=(work,))
    process.start()
    try:
        yield
    finally:
        process.join()


def _alone(work: Callable[[], object]) -> None:
    _ignore_interrupts()
    work()


#: bytes the pipe of results may hold (Linux's F_SETPIPE_SZ; 1 MiB, its default limit)
RESULTS_PIPE_BYTES = 1 << 20


def _widen_results_pipe(pool: multiprocessing.pool.Pool) -> None:
    """Let the pipe that brings results back hold 1 MiB rather than 64 KiB.

    A result is read by the pool's own thread, which runs only when this process's main
    thread lets it (every few milliseconds while it works on an item of its own). A
    worker sending a large result (the documents of 250 files are some 2 MB) waits for
    each pipe-full to be read, so with 64 KiB a worker spent about a quarter of the
    reading stage waiting. Where the system refuses (or is not Linux), the pipe stays as
    it is: slower, never wrong.
    """
    try:
        import fcntl  # not on Windows, where there is no fork either
    except ImportError:
        return
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
    reader = getattr(getattr(pool, "_outqueue", None), "_reader", None)
    if set_size is None or reader is None:
        return
    try:
        fcntl.fcntl(reader.fileno(), set_size, RESULTS_PIPE_BYTES)
    except OSError:
        pass


def _run(item):  # type: ignore[no-untyped-def]
    """One item, in a worker; what it leaves behind is then set aside (see ``memory``)."""
    assert _work is not None
    try:
        return _work(item)
    finally:
        set_aside_in_worker()


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them all and cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _interrupt_between_results() -> Iterator[threading.Event]:
    """Turn Ctrl-C into a flag that the wait for results looks at.

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


@contextmanager
def _interrupt_at_once() -> Iterator[None]:
    """Ctrl-C as a KeyboardInterrupt at once, while this process works on an item of its
    own (which may be long: a whole search-index bundle) rather than in the pool's
    bookkeeping."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    waiting = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, waiting)


def _results(results, interrupted: threading.Event) -> Iterator:  # type: ignore[no-untyped-def]
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
