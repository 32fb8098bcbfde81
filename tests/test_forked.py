"""Work shared with a forked child: the same results, in order, whatever happens to the child."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from conftest import BASIC_LETTER

from docket.archive.load import content_files
from docket.engine.build import build, check
from docket.engine.cache import PARALLEL_READS, BuildCache
from docket.engine.forked import can_fork, in_two
from docket.errors import Problems

needs_fork = pytest.mark.skipif(not can_fork(), reason="needs fork() and two cores")


def squares_with_pid(items):
    return [(item * item, os.getpid()) for item in items]


@needs_fork
def test_the_second_half_is_worked_on_in_a_child_and_comes_back_in_order():
    results = in_two(squares_with_pid, range(1001), minimum=10)
    assert [square for square, _ in results] == [n * n for n in range(1001)]
    pids = [pid for _, pid in results]
    assert set(pids[:501]) == {os.getpid()}
    assert len(set(pids[501:])) == 1 and pids[501] != os.getpid()


def test_below_the_minimum_everything_is_done_here():
    results = in_two(squares_with_pid, range(9), minimum=10)
    assert results == [(n * n, os.getpid()) for n in range(9)]


@needs_fork
def test_a_child_that_fails_leaves_its_half_to_the_parent():
    parent = os.getpid()

    def fails_in_the_child(items):
        if os.getpid() != parent:
            raise RuntimeError("the child's half fails")
        return [item + 1 for item in items]

    assert in_two(fails_in_the_child, list(range(100)), minimum=10) == list(range(1, 101))


@needs_fork
def test_results_that_cannot_be_sent_are_made_again_by_the_parent():
    def cyclic(items):
        made = []
        for item in items:
            box = [item]
            box.append(box)  # refers to itself: not a tree
            made.append(box)
        return made

    results = in_two(cyclic, list(range(40)), minimum=10)
    assert [box[0] for box in results] == list(range(40))
    assert all(box[1] is box for box in results)


def children() -> str:
    return Path(f"/proc/self/task/{threading.get_native_id()}/children").read_text()


@needs_fork
def test_a_failure_in_the_parents_half_is_raised_and_the_child_ended():
    parent = os.getpid()
    before = children()

    def fails_here(items):
        if os.getpid() == parent:
            raise ValueError("bad item")
        time.sleep(30)
        return list(items)

    started = time.monotonic()
    with pytest.raises(ValueError, match="bad item"):
        in_two(fails_here, list(range(100)), minimum=10)
    assert time.monotonic() - started < 10  # the sleeping child was not waited for
    assert children() == before


def test_many_files_read_on_two_cores_are_read_as_one_process_reads_them(scratch_site):
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
