"""What a build's processes cost: the CPU time of this process and of its children.

The search index is built alongside rendering, so its share of a build is a share of
CPU time, not of the wall-clock time: the time Pagefind's processes used, over the time
of the whole build.
"""

from __future__ import annotations

import time


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished child processes (0 where unknown)."""
    try:
        import resource
    except ImportError:  # not on a Unix
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_so_far() -> float:
    """CPU seconds of this process and its finished children so far."""
    return time.process_time() + children_cpu()
