"""The build: load → validate → link → render → write → search, timed stage by stage.

``check`` runs the stages that find problems (everything up to link); ``build`` runs them
all and refuses to write anything when there is an error (or, with ``strict``, a
warning). Template errors and search-index failures are reported like content errors.
"""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from docket.archive.link import Site, link
from docket.archive.load import Reader, load_documents
from docket.archive.validate import validate
from docket.config import Config, load_config
from docket.engine.cache import BuildCache, fingerprint, load_cache, save_cache
from docket.engine.forked import default_workers
from docket.engine.parallel import RenderJob, SearchJob, render_pages
from docket.engine.progress import Progress, no_progress
from docket.errors import BuildFailed, Problems
from docket.search.layout import (
    WORKSPACE,
    IndexReport,
    SearchIndexError,
    children_cpu,
    place_bundles,
)
from docket.site.render import Page, Renderer, TemplateProblem
from docket.site.write import PageWriter, copy_assets, staged_output


@dataclass
class Checked:
    config: Config
    site: Site
    problems: Problems
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class BuildResult:
    problems: Problems
    pages: int
    letters: int
    entities: int
    indexed: int
    timings: dict[str, float]
    up_to_date: bool = False  # nothing changed since the last build: nothing was done
    cpu_seconds: float = 0.0  # CPU time of the whole build, its worker and Pagefind processes included
    search_cpu_seconds: float = 0.0  # of which Pagefind's processes
    bundles: int = 0  # search-index bundles built
    renderer: Renderer | None = field(default=None, repr=False)  # with keep=True
    rendered: list[Page] | None = field(default=None, repr=False)  # with keep=True

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())

    def summary(self) -> str:
        if self.up_to_date:
            return f"Nothing changed since the last build: {count(self.pages, 'page')} in place, checked in {self.seconds:.2f} s."
        if self.bundles:
            share = 100 * self.search_cpu_seconds / (self.cpu_seconds or 1.0)
            search = f", search index {count(self.bundles, 'bundle')} built alongside ({share:.0f} % of the CPU time)"
        else:
            search = ", no search index"
        return (
            f"Built {count(self.pages, 'page')} ({count(self.letters, 'letter')}, {count(self.entities, 'entity', 'entities')}), "
            f"{count(len(self.problems.warnings), 'warning')}, in {self.seconds:.2f} s{search}."
        )


def count(number: int, singular: str, plural: str = "") -> str:
    """'1 letter', '2 letters', '10,517 pages': grouped in thousands, as the progress lines count."""
    return f"{number:,} {singular if number == 1 else plural or singular + 's'}"


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


class _Pause:
    """A pause of the collector; ``stay_frozen`` keeps what it piled up frozen after it."""

    stay_frozen = False


@contextmanager
def collector_paused() -> Iterator[_Pause]:
    """Pause Python's cyclic garbage collector while the site is built up in memory.

    Loading and linking create millions of objects and free almost none; every full
    collection walks all of them again, so the collector's time grows faster than the
    archive (it took a third of these stages at 10,000 letters). The objects built
    here hold no reference cycles to reclaim; the collector is back on afterwards.

    Objects made during the pause are all still in the collector's youngest
    generation: the first allocation once it is back on would make it walk every one
    of them (a quarter of a second for the cache of 10,000 letters). So they are
    frozen as the pause ends, out of its sight, and unfrozen at once, which moves them
    to its oldest generation unwalked, unless ``stay_frozen`` was set (see
    ``_unfreezing``). Neither step walks the objects; ``gc.get_freeze_count()``
    would, which is why the pause is told rather than asking.
    """
    pause = _Pause()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield pause
    finally:
        if enabled:
            gc.freeze()
            if not pause.stay_frozen:
                gc.unfreeze()
            gc.enable()


@contextmanager
def _unfreezing() -> Iterator[None]:
    """Hand the objects frozen at the end of linking back to the collector when done.

    Every object made while the collector was paused is still in its youngest
    generation: the first allocation after would make it walk them all, and walk them
    again in the oldest generation soon after — half a second at 10,000 letters, in
    the middle of rendering. ``gc.freeze()`` puts them out of its sight (and out of the
    forked workers' collections, which would copy the memory pages they write to);
    they go back to the collector, in its oldest generation, once the build is over.
    """
    try:
        yield
    finally:
        gc.unfreeze()


def check(site_dir: Path, reader: Reader | None = None) -> Checked:
    """Load, validate and link: every problem in the site, nothing written.

    Files unchanged since the last build are taken from its cache (which ``check``
    reads but never writes).
    """
    problems = Problems()
    timings: dict[str, float] = {}
    with collector_paused():
        with _timed(timings, "load"):
            config = load_config(site_dir, problems)
            documents = load_documents(site_dir, problems, reader or load_cache(site_dir))
        return _validate_and_link(config, documents, problems, timings)


def _validate_and_link(config: Config, documents: list, problems: Problems, timings: dict[str, float]) -> Checked:
    with _timed(timings, "validate"):
        letters, entities = validate(documents, problems)
    with _timed(timings, "link"):
        site = link(letters, entities, problems)
    return Checked(config, site, problems, timings)


def build(
    site_dir: Path,
    output: Path | None = None,
    *,
    strict: bool = False,
    search: bool | None = None,
    progress: Progress = no_progress,
    workers: int = 0,
    use_cache: bool = True,
    clean: bool = False,
    cache: BuildCache | None = None,
    keep: bool = False,
) -> BuildResult:
    """Build the site into ``output`` (default ``site/``); ``workers`` 0 means one per core.

    With ``use_cache``, unchanged files are not parsed again, and a build whose inputs
    are all as they were at the last successful build, with its output still in place,
    returns at once (``BuildResult.up_to_date``). The cache is read from and saved to
    ``.docket-cache/`` unless one is passed in (``docket serve`` keeps its own in memory).
    With ``clean``, the last build's cache is not read: everything is parsed and built
    afresh (and the new cache saved). With ``keep``, the result holds the renderer and
    the pages, for incremental work.
    """
    site_dir = site_dir.absolute()
    output = (output or site_dir / "site").absolute()
    problems = Problems()
    timings: dict[str, float] = {}
    cpu_start = _cpu()
    persist = use_cache and cache is None
    with collector_paused() as pause:
        if persist:
            cache = BuildCache() if clean else load_cache(site_dir)
        with _timed(timings, "load"):
            config = load_config(site_dir, problems)
            documents = load_documents(site_dir, problems, cache or BuildCache(), parallel=workers != 1)
        with_search = config.search if search is None else search
        if cache is not None:
            cache.keep_only({document.path for document in documents} | {p.path for p in problems.items})
            inputs = fingerprint(cache, site_dir, (with_search, strict, str(output)))
            if inputs == cache.fingerprint and cache.output_unchanged(output) and not problems.errors:
                last = cache.result
                return BuildResult(Problems(list(cache.problems)), last[0], last[1], last[2], last[3], timings, up_to_date=True)
        checked = _validate_and_link(config, documents, problems, timings)
        pause.stay_frozen = True  # while rendering: see _unfreezing
    with _unfreezing():
        if problems.errors or (strict and problems.warnings):
            raise BuildFailed(problems, _failure_summary(problems, strict))
        renderer = Renderer(checked.site, checked.config, site_dir)
        try:
            with staged_output(output) as staging:
                search_job = SearchJob(staging / WORKSPACE, config.language, config.base_path.rstrip("/")) if with_search else None
                job = RenderJob(renderer, PageWriter(staging), keep_all=keep, keep=_fragment_targets(checked.site), search=search_job)
                kept: list[Page] = []  # pages serve or a #fragment check still needs
                reports: list[IndexReport] = []
                with _timed(timings, "render"):
                    for pages, report in render_pages(job, workers or default_workers(), progress, renderer.search_bundles() if with_search else None):
                        kept.extend(page for page in pages if page.html)
                        if report is not None:
                            reports.append(report)
                _check_fragments(checked.site, kept, problems)
                if problems.errors:
                    raise BuildFailed(problems, _failure_summary(problems, strict))
                with _timed(timings, "write"):
                    copy_assets(staging, site_dir)
                indexed = 0
                if with_search:
                    with _timed(timings, "search"):
                        index = place_bundles(staging / WORKSPACE, staging, reports)
                    progress("search", index.pages, index.pages)  # indexed as they were rendered
                    indexed = index.pages
                    if not index.reproducible:
                        problems.warning("site", None, "the search index could not be put in a stable order; two builds may differ in site/pagefind/", "report this with your Pagefind version")
                written = job.writer.count
        except TemplateProblem as exc:
            problems.error(f"templates/{exc.template}" if "/" not in exc.template else exc.template, exc.line, f"template error: {exc.message}", "fix the template; the previous site was left as it was")
            raise BuildFailed(problems, "the theme could not be rendered") from None
        except SearchIndexError as exc:
            problems.error("site", None, str(exc), "the previous site was left as it was")
            raise BuildFailed(problems, "the search index could not be built") from None
        result = BuildResult(problems, written, len(checked.site.letters), len(checked.site.entities), indexed, timings, cpu_seconds=_cpu() - cpu_start)
        if with_search:
            result.search_cpu_seconds, result.bundles = index.cpu_seconds, index.bundles
        if keep:
            result.renderer, result.rendered = renderer, kept
        if cache is not None:
            cache.fingerprint = inputs
            cache.problems = tuple(problems.items)
            cache.result = (result.pages, result.letters, result.entities, result.indexed)
            cache.remember_output(output)
            if persist:
                with collector_paused() as pause:
                    pause.stay_frozen = True  # thawed with the site, when the build ends
                    save_cache(site_dir, cache)
        return result


def _cpu() -> float:
    """CPU seconds of this process and its finished children so far."""
    return time.process_time() + children_cpu()


def _fragment_targets(site: Site) -> set[str]:
    """URLs of the pages that some ``[[id#fragment]]`` points into."""
    return {site.url(x.target) for xrefs in site.inline.values() for x in xrefs if x.fragment}


def _check_fragments(site: Site, pages: list[Page], problems: Problems) -> None:
    """Every ``[[id#fragment]]`` must name an element id on the target's rendered page."""
    html_of: dict[str, str] | None = None
    for record_id, xrefs in site.inline.items():
        for xref in xrefs:
            if not xref.fragment:
                continue
            if html_of is None:
                html_of = {page.url: page.html for page in pages}
            page = html_of.get(site.url(xref.target), "")
            if f'id="{xref.fragment}"' not in page:
                record = site.record(record_id)
                problems.error(record.path, xref.line, f"[[{xref.target}#{xref.fragment}]]: there is no '#{xref.fragment}' on that page", "link to the page alone, or to an id it has (footnotes are fn1, fn2, …)", xref.col if xref.line else None)


def _failure_summary(problems: Problems, strict: bool) -> str:
    text = count(len(problems.errors), "error")
    if strict and problems.warnings:
        text += f" and {count(len(problems.warnings), 'warning')} (--strict)"
    return text
