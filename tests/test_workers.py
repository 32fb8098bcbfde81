"""Work on every core: the same results, in order, whatever the number of workers."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import BASIC_LETTER

from docket.archive.load import content_files
from docket.engine.build import build, check
from docket.engine.cache import PARALLEL_READS, BuildCache
from docket.engine.workers import can_fork, in_workers
from docket.errors import Problems

needs_fork = pytest.mark.skipif(not can_fork(), reason="needs fork()")


def square_with_pid(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


@needs_fork
def test_items_are_worked_on_in_forked_workers_and_come_back_in_order():
    results = list(in_workers(square_with_pid, range(200), 2))
    assert [square for square, _ in results] == [n * n for n in range(200)]
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids and len(pids) <= 2


def slow_square_with_pid(item: int) -> tuple[int, int]:
    time.sleep(0.002 * (item % 5))  # items of unequal cost
    return item * item, os.getpid()


@needs_fork
def test_with_share_this_process_works_too_beside_a_smaller_pool():
    results = list(in_workers(slow_square_with_pid, range(100), 2, share=True))
    assert [square for square, _ in results] == [n * n for n in range(100)]
    pids = [pid for _, pid in results]
    here = pids.count(os.getpid())
    assert len(set(pids)) == 2  # this process and one worker
    assert 20 <= here <= 80  # shared out as the work went, not all on one side


@needs_fork
def test_with_share_a_failure_here_or_in_the_worker_ends_the_worker():
    before = children()

    def fails(item: int) -> int:
        if item == 40:
            raise ValueError("bad item")
        time.sleep(0.002)
        return item

    with pytest.raises(ValueError, match="bad item"):
        list(in_workers(fails, list(range(100)), 2, share=True))
    assert children() == before


def test_one_worker_works_here():
    assert list(in_workers(square_with_pid, range(9), 1)) == [(n * n, os.getpid()) for n in range(9)]


@needs_fork
def test_workers_see_what_the_parent_built_without_it_being_sent():
    """A closure over unpicklable state works: the workers inherit it by forking."""
    lock = threading.Lock()  # cannot be pickled
    table = {n: n + 1 for n in range(50)}
    assert list(in_workers(lambda n: (table[n], lock.locked()), list(range(50)), 2)) == [(n + 1, False) for n in range(50)]


def children() -> str:
    return Path(f"/proc/self/task/{threading.get_native_id()}/children").read_text()


@needs_fork
def test_a_failure_in_a_worker_is_raised_here_and_the_workers_ended():
    before = children()

    def fails_on_seven(item: int) -> int:
        if item == 7:
            raise ValueError("bad item")
        if item > 7:
            time.sleep(30)
        return item

    started = time.monotonic()
    with pytest.raises(ValueError, match="bad item"):
        list(in_workers(fails_on_seven, list(range(20)), 2))
    assert time.monotonic() - started < 10  # the sleeping workers were not waited for
    assert children() == before


@needs_fork
@pytest.mark.parametrize("share", [False, True], ids=["waiting for the workers", "working on an item of its own"])
def test_ctrl_c_stops_the_workers_at_once(share):
    """Ctrl-C while this process waits for a worker, or (with ``share``) works on a long
    item itself, stops everything within seconds and puts its handler back."""
    before, handler = children(), signal.getsignal(signal.SIGINT)

    def slow(item: int) -> int:
        time.sleep(30)
        return item

    # Ctrl-C from another process, as a terminal sends it: a thread of this one would
    # make the workers fork from a threaded process, which docket never does
    ctrl_c = subprocess.Popen(["sh", "-c", f"sleep 0.5; kill -INT {os.getpid()}"])
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        list(in_workers(slow, [1, 2, 3, 4, 5], 2, share=share))
    assert time.monotonic() - started < 10
    ctrl_c.wait()
    assert children() == before
    assert signal.getsignal(signal.SIGINT) is handler


def test_many_files_read_on_every_core_are_read_as_one_process_reads_them(scratch_site):
    letters = {f"content/letters/l{n:04}.md": BASIC_LETTER.replace("2021-05-24", f"2021-05-{n % 28 + 1:02}") for n in range(PARALLEL_READS + 20)}
    letters["content/letters/l0007.md"] = "---\ndate: [unclosed\n---\n"
    letters["content/letters/l0500.md"] = b"---\ndate: 2021\n---\n\xff\n"
    site = scratch_site(letters)
    files = content_files(site, Problems())
    both, one = Problems(), Problems()
    together = BuildCache().read_all(files, both)
    alone = [BuildCache().read(rel, path, one) for rel, path in files]
    assert len(together) == len(files) > PARALLEL_READS
    assert together == alone
    assert both.sorted() == one.sorted() and len(both.errors) == 2
    assert len(check(site).site.letters) == PARALLEL_READS + 18


def test_a_build_with_one_job_reads_in_one_process(scratch_site, monkeypatch):
    letters = {f"content/letters/l{n:04}.md": BASIC_LETTER for n in range(PARALLEL_READS + 5)}
    site = scratch_site(letters)
    forks = []
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or pytest.fail("forked to read"))
    result = build(site, search=False, workers=1)
    assert result.letters == PARALLEL_READS + 5 and forks == []


def test_work_alongside_runs_in_another_process_and_is_done_when_the_block_ends(tmp_path):
    from docket.engine.workers import alongside

    mark = tmp_path / "pid"

    def work() -> None:
        time.sleep(0.2)
        mark.write_text(str(os.getpid()))

    with alongside(work, 2):
        assert not mark.exists()
    assert mark.read_text() != str(os.getpid())
    with alongside(work, 1):
        assert mark.read_text() == str(os.getpid())  # one worker: done here, first


def megabyte_of(item: int) -> tuple[bytes, int]:
    return bytes([item]) * (1 << 20), os.getpid()


@needs_fork
def test_large_results_come_back_whole_through_a_widened_pipe():
    """A result of a megabyte, as the documents of a chunk of files are: it comes back
    whole, and the pipe it comes through holds more than Linux's default 64 KiB (a
    worker otherwise waits on this process for every 64 KiB it sends)."""
    import fcntl
    import multiprocessing

    from docket.engine.workers import _widen_results_pipe

    results = list(in_workers(megabyte_of, range(6), 2, share=True))
    assert [len(data) for data, _ in results] == [1 << 20] * 6
    assert [data[-1] for data, _ in results] == list(range(6))
    assert len({pid for _, pid in results}) == 2  # this process and its worker both worked
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("no F_GETPIPE_SZ on this system: the pipe keeps its size")
    with multiprocessing.get_context("fork").Pool(1) as pool:
        _widen_results_pipe(pool)
        assert fcntl.fcntl(pool._outqueue._reader.fileno(), fcntl.F_GETPIPE_SZ) >= 1 << 20
