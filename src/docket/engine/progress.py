"""Progress on a terminal for builds that take more than a second.

Quiet when stderr is not a terminal or under CI, so logs and tests see only the summary.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Callable, TextIO

#: called as progress(stage, done, total)
Progress = Callable[[str, int, int], None]

DELAY = 1.0  # seconds before the first progress line
INTERVAL = 0.1  # seconds between updates


def no_progress(stage: str, done: int, total: int) -> None:
    return None


class TerminalProgress:
    """Rewrites one line of stderr: 'render  5,200 / 10,517'."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < DELAY or (now - self.last < INTERVAL and done < total):
            return
        self.last = now
        self.shown = True
        self.stream.write(f"\r\x1b[K{stage:<8} {done:>7,} / {total:,}")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def terminal_progress(stream: TextIO = sys.stderr) -> TerminalProgress | None:
    """A progress line for an interactive terminal, or None (not a TTY, or CI)."""
    if not stream.isatty() or os.environ.get("CI"):
        return None
    return TerminalProgress(stream)
