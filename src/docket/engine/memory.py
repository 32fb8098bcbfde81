"""Memory during a build: Python's cyclic garbage collector, the one place docket
touches it, and what is handed back to the system before workers fork.

Gathering and linking an archive create millions of objects and free almost none, and
nothing built then holds a reference cycle to reclaim. Every full collection would walk
all of them again, so its cost would grow faster than the archive. So, for a build:

1. the collector is off while the archive is gathered and linked (:class:`Collector`);
2. once it is linked, what only reading needed is let go (the build decides what) and
   the memory it held handed back to the system (:func:`give_back_freed_memory`);
   everything made so far is *set aside* — frozen, out of the collector's sight — and the
   collector is back on for rendering, which makes garbage of its own. Frozen objects
   are never written to by a collection, so forked render workers share their memory
   pages with the parent instead of copying them;
3. just before workers are forked, what they will inherit is set aside too (the
   renderer, its templates and caches), and a worker sets aside what each task leaves
   behind (its caches of rendered fragments) in the same way;
4. when the build ends, everything is handed back to the collector, in its oldest
   generation: had the objects made while it was off been left in its youngest, the
   first allocation after would make it walk every one of them;
5. when the ``docket`` command ends, everything is put out of sight again
   (:func:`leave_to_exit`): the build's objects, unreachable by then, would otherwise be
   walked by the collection Python makes as it exits, only for the system to take their
   memory back anyway.

Only the engine and the ``docket`` command call this module; the archive's and the site's code
know nothing of it.
"""

from __future__ import annotations

import ctypes
import gc
from types import TracebackType


class Collector:
    """A build's hold on the collector: off on entry, everything handed back on exit."""

    def __init__(self) -> None:
        self.enabled = False

    def __enter__(self) -> "Collector":
        self.enabled = gc.isenabled()
        gc.disable()
        return self

    def set_aside(self) -> None:
        """Put every object made so far out of the collector's sight, and turn it back on."""
        gc.freeze()
        if self.enabled:
            gc.enable()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        gc.freeze()  # neither step walks the objects: frozen, then thawed into the oldest generation
        gc.unfreeze()
        if self.enabled:
            gc.enable()


def set_aside_before_forking() -> None:
    """Put what forked workers will inherit out of the collector's sight: their
    collections then neither walk it nor write to it, which would copy its memory."""
    gc.freeze()


def set_aside_in_worker() -> None:
    """In a render worker: put what a task left behind out of the collector's sight.

    A worker ends with the build, so what it sets aside is never handed back.
    """
    gc.freeze()


def give_back_freed_memory() -> None:
    """Hand memory freed by now back to the system, where the C library can (glibc's
    ``malloc_trim``): before workers fork, so that what this process no longer holds is
    not counted again in every one of them. Elsewhere, nothing."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this process runs on
    except (OSError, AttributeError, TypeError):
        return
    trim(0)


def leave_to_exit() -> None:
    """The process is about to end: its last collection need not walk what is left."""
    gc.freeze()
