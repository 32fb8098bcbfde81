"""Python's cyclic garbage collector during a build: the one place docket touches it.

Gathering and linking an archive create millions of objects and free almost none, and
nothing built then holds a reference cycle to reclaim. Every full collection would walk
all of them again, so its cost would grow faster than the archive. So, for a build:

1. the collector is off while the archive is gathered and linked (:class:`Collector`);
2. once it is linked, everything made so far is *set aside* — frozen, out of the
   collector's sight — and the collector is back on for rendering, which makes garbage
   of its own. Frozen objects are never written to by a collection, so forked render
   workers share their memory pages with the parent instead of copying them;
3. just before workers are forked, what they will inherit is set aside too (the
   renderer, its templates and caches), and a worker sets aside what each task leaves
   behind (its caches of rendered fragments) in the same way;
4. when the build ends, everything is handed back to the collector, in its oldest
   generation: had the objects made while it was off been left in its youngest, the
   first allocation after would make it walk every one of them.

Only the engine calls this module; the archive's and the site's code know nothing of it.
"""

from __future__ import annotations

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
