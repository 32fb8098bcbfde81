"""The build: load → validate → link → render (and publish) → write → search, timed stage by stage.

``check`` runs the stages that find problems (everything up to link); ``build`` runs them
all and refuses to write anything when there is an error (or, with ``strict``, a
warning). Template errors and search-index failures are reported like content errors.
Everything is written beside the output folder and swapped in only when it is complete
(``site.write.staged_output``).
"""

from __future__ import annotations

import functools
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from docket.archive.link import Site, link
from docket.archive.load import Reader, load_documents
from docket.archive.suggest import suggest_links
from docket.archive.validate import validate
from docket.config import Config, load_config
from docket.engine.accounting import cpu_so_far
from docket.engine.cache import (
    BuildCache,
    fingerprint,
    load_cache,
    save_files,
    save_outcome,
)
from docket.engine.memory import Collector, give_back_freed_memory
from docket.engine.progress import Progress, no_progress
from docket.engine.rendering import RenderJob, SearchJob, render_pages
from docket.engine.workers import alongside, default_workers
from docket.errors import BuildFailed, Problems
from docket.publish.step import base_url_warning, publish_sitemap
from docket.search.bundles import bundle_folder, plan_site
from docket.search.layout import (
    WORKSPACE,
    IndexReport,
    SearchIndexError,
    place_bundles,
)
from docket.site.page import Page
from docket.site.render import Renderer
from docket.site.theme import TemplateProblem
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
            f"{count(len(self.problems.warnings), 'warning')}{suggested(self.problems)}, in {self.seconds:.2f} s{search}."
        )


def suggested(problems: Problems) -> str:
    """', 3 suggestions' for a summary line, or nothing when there are none."""
    number = len(problems.suggestions)
    return f", {count(number, 'suggestion')}" if number else ""


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


def check(site_dir: Path, reader: Reader | None = None) -> Checked:
    """Load, validate and link: every problem in the site, nothing written.

    Files unchanged since the last build are taken from its cache (which ``check``
    reads but never writes).
    """
    problems = Problems()
    timings: dict[str, float] = {}
    with Collector():
        with _timed(timings, "load"):
            config = load_config(site_dir, problems)
            documents = load_documents(site_dir, problems, reader or load_cache(site_dir), find_names=config.suggest_links)
        return _validate_and_link(config, documents, problems, timings)


def _validate_and_link(config: Config, documents: list, problems: Problems, timings: dict[str, float]) -> Checked:
    with _timed(timings, "validate"):
        letters, entities = validate(documents, problems)
    with _timed(timings, "link"):
        site = link(letters, entities, problems)
    if config.suggest_links:
        with _timed(timings, "suggest"):
            suggest_links(site, problems)
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
    first: Callable[[Renderer], object] | None = None,
) -> BuildResult:
    """Build the site into ``output`` (default ``site/``); ``workers`` 0 means one per core.

    With ``use_cache``, unchanged files are not parsed again, and a build whose inputs
    are all as they were at the last successful build, with its output still in place,
    returns at once (``BuildResult.up_to_date``). The cache is read from and saved to
    ``.docket-cache/`` unless one is passed in (``docket serve`` keeps its own in memory).
    With ``clean``, the last build's cache is not read: everything is parsed and built
    afresh (and the new cache saved). With ``keep``, the result holds the renderer and
    the pages, for incremental work. ``first`` is called with the renderer once the site
    is linked without errors, before any page is rendered (``docket serve`` shows an
    edited page from it at once).
    """
    site_dir = site_dir.absolute()
    run = _Run(site_dir, (output or site_dir / "site").absolute(), strict, progress, workers, keep, first)
    one_off = cache is None  # nothing of this build is kept in memory for the next
    persist = use_cache and one_off
    with Collector() as collector:
        if persist:
            cache = BuildCache() if clean else load_cache(site_dir)
        config, documents = run.gather(cache or BuildCache())
        with_search = config.search if search is None else search
        if cache is not None:
            inputs = run.fingerprint(cache, documents, with_search)
            if inputs == cache.fingerprint and cache.output_unchanged(run.output) and not run.problems.errors:
                return run.nothing_to_do(cache)
        # the parsed files are saved while this process validates and links on one core
        with alongside(functools.partial(save_files, site_dir, cache), run.workers or default_workers()) if persist else nullcontext():
            checked = _validate_and_link(config, documents, run.problems, run.timings)
        if one_off:
            del documents
            _let_go_of_reading(cache)
            give_back_freed_memory()
        collector.set_aside()
        run.stop_on_problems()
        result = run.render_and_write(checked, with_search)
        if cache is not None:
            run.remember(cache, inputs, result)
            if persist:
                save_outcome(site_dir, cache)
    return result


@dataclass
class _Run:
    """One build's settings and what it has found so far; each step a method."""

    site_dir: Path
    output: Path
    strict: bool
    progress: Progress
    workers: int
    keep: bool
    first: Callable[[Renderer], object] | None = None
    problems: Problems = field(default_factory=Problems)
    timings: dict[str, float] = field(default_factory=dict)
    cpu_start: float = field(default_factory=cpu_so_far)
    page_urls: list[str] = field(default_factory=list)  # of every page rendered, for the sitemap

    def gather(self, cache: BuildCache) -> tuple[Config, list]:
        with _timed(self.timings, "load"):
            config = load_config(self.site_dir, self.problems)
            base_url_warning(config, self.problems)
            documents = load_documents(self.site_dir, self.problems, cache, parallel=self.workers != 1, find_names=config.suggest_links)
        return config, documents

    def fingerprint(self, cache: BuildCache, documents: list, with_search: bool) -> str:
        """Forget the files that are gone; the digest of everything this build reads."""
        cache.keep_only({document.path for document in documents} | {p.path for p in self.problems.items})
        return fingerprint(cache, self.site_dir, (with_search, self.strict, str(self.output)))

    def nothing_to_do(self, cache: BuildCache) -> BuildResult:
        pages, letters, entities, indexed = cache.result
        return BuildResult(Problems(list(cache.problems)), pages, letters, entities, indexed, self.timings, up_to_date=True)

    def stop_on_problems(self) -> None:
        if self.problems.errors or (self.strict and self.problems.warnings):
            raise BuildFailed(self.problems, _failure_summary(self.problems, self.strict))

    def render_and_write(self, checked: Checked, with_search: bool) -> BuildResult:
        """Every page and the search index into a staging folder, swapped in when complete."""
        site, config = checked.site, checked.config
        plan = plan_site(site, config.search_bundle_size) if with_search else None
        renderer = Renderer(site, config, self.site_dir, tuple(bundle_folder(n) for n in range(len(plan))) if plan else ())
        try:
            if self.first is not None:
                self.first(renderer)
            with staged_output(self.output) as staging:
                search_job = SearchJob(staging / WORKSPACE, config.language, config.base_path.rstrip("/")) if plan else None
                job = RenderJob(renderer, PageWriter(staging), keep_all=self.keep, keep=_fragment_targets(site), search=search_job)
                with _timed(self.timings, "render"):
                    kept, written, reports = self._render(job, plan)
                _check_fragments(site, kept, self.problems)
                self.stop_on_problems()
                publish_sitemap(staging, config, self.page_urls)
                with _timed(self.timings, "write"):
                    copy_assets(staging, self.site_dir)
                index = self._place_index(staging, reports) if plan else None
        except TemplateProblem as exc:
            where = f"templates/{exc.template}" if "/" not in exc.template else exc.template
            self.problems.error(where, exc.line, f"template error: {exc.message}", "fix the template; the previous site was left as it was")
            raise BuildFailed(self.problems, "the theme could not be rendered") from None
        except SearchIndexError as exc:
            self.problems.error("site", None, str(exc), "the previous site was left as it was")
            raise BuildFailed(self.problems, "the search index could not be built") from None
        result = BuildResult(self.problems, written, len(site.letters), len(site.entities), index.pages if index else 0, self.timings, cpu_seconds=cpu_so_far() - self.cpu_start)
        if index is not None:
            result.search_cpu_seconds, result.bundles = index.cpu_seconds, index.bundles
        if self.keep:
            result.renderer, result.rendered = renderer, kept
        return result

    def _render(self, job: RenderJob, plan: list[list[str]] | None) -> tuple[list[Page], int, list[IndexReport]]:
        """The pages whose HTML is still needed, how many were written, each bundle's report."""
        kept: list[Page] = []
        reports: list[IndexReport] = []
        written = 0
        for pages, report in render_pages(job, self.workers or default_workers(), self.progress, plan):
            written += len(pages)
            self.page_urls.extend(page.url for page in pages)
            kept.extend(page for page in pages if page.html)
            if report is not None:
                reports.append(report)
        return kept, written, reports

    def _place_index(self, staging: Path, reports: list[IndexReport]) -> IndexReport:
        with _timed(self.timings, "search"):
            index = place_bundles(staging / WORKSPACE, staging, reports)
        self.progress("search", index.pages, index.pages)  # indexed as they were rendered
        if not index.reproducible:
            self.problems.warning("site", None, "the search index could not be put in a stable order; two builds may differ in site/pagefind/", "report this with your Pagefind version")
        return index

    def remember(self, cache: BuildCache, inputs: str, result: BuildResult) -> None:
        """What the next build needs to know that nothing changed."""
        cache.fingerprint = inputs
        cache.problems = tuple(self.problems.items)
        cache.result = (result.pages, result.letters, result.entities, result.indexed)
        cache.remember_output(self.output)


def _let_go_of_reading(cache: BuildCache | None) -> None:
    """What only reading and checking needed, let go before the render workers fork: the
    parsed files (saved by now).

    The workers would otherwise each keep a share of their memory to the end of the build.
    Only for a build that keeps nothing for the next in memory (not ``docket serve``'s).
    """
    if cache is not None:
        cache.files.clear()


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
