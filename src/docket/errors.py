"""Problems found in a site's sources, and the one way they are printed.

Every stage reports what is wrong with the input as a :class:`SourceError` instead of
raising: the build collects all of them, prints them sorted by file and line, and only
then decides whether to stop. The format is the one compilers use, so editors and
terminals can jump to the spot::

    content/letters/x.md:7: recipients: unknown person 'ismail-hanieh' — did you mean 'ismail-haniyeh'?
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable, Literal

#: a suggestion is neither: it never fails a build, ``--strict`` or not, and is printed last
Severity = Literal["error", "warning", "suggestion"]


@dataclass(frozen=True, slots=True)
class SourceError:
    """One problem at one place in one file (``path`` is relative to the site folder)."""

    path: str
    line: int | None
    message: str
    hint: str = ""
    col: int | None = None
    severity: Severity = "error"

    def sort_key(self) -> tuple:
        return (self.severity == "suggestion", self.path, self.line or 0, self.col or 0, self.message)

    def format(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        label = "warning: " if self.severity == "warning" else ""
        text = f"{where}: {label}{self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text


@dataclass
class Problems:
    """Everything wrong with one build, in the order it was found; printed sorted, the
    suggestions after the errors and warnings."""

    items: list[SourceError] = field(default_factory=list)

    def error(self, path: str, line: int | None, message: str, hint: str = "", col: int | None = None) -> None:
        self.items.append(SourceError(path, line, message, hint, col, "error"))

    def warning(self, path: str, line: int | None, message: str, hint: str = "", col: int | None = None) -> None:
        self.items.append(SourceError(path, line, message, hint, col, "warning"))

    def suggestion(self, path: str, line: int | None, message: str, hint: str = "", col: int | None = None) -> None:
        self.items.append(SourceError(path, line, message, hint, col, "suggestion"))

    def extend(self, others: Iterable[SourceError]) -> None:
        self.items.extend(others)

    @property
    def errors(self) -> list[SourceError]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[SourceError]:
        return [p for p in self.items if p.severity == "warning"]

    @property
    def suggestions(self) -> list[SourceError]:
        return [p for p in self.items if p.severity == "suggestion"]

    def sorted(self) -> list[SourceError]:
        return sorted(set(self.items), key=SourceError.sort_key)


class BuildFailed(Exception):
    """Raised by the build when it cannot produce a site; carries every problem found."""

    def __init__(self, problems: Problems, summary: str = "") -> None:
        super().__init__(summary or f"{len(problems.errors)} error(s)")
        self.problems = problems
        self.summary = summary


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """The hint for a misspelt name: "did you mean 'x'?" for the closest option, or ""."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
