"""``docket serve``: build, serve on localhost, rebuild on every change, never die.

The site is built into a temporary folder (``site/`` is left to ``docket build``), served
by livereload, and rebuilt when anything under ``content/`` or ``templates/`` or the
``docket.toml`` changes: an edit to the text of one letter re-renders that page alone
(see :mod:`docket.incremental`), anything else rebuilds the site from the in-memory
cache of parsed files — when one record's file changed, its page is rendered first and
the browser reloaded, before the rest. The search index follows on a background thread. A build that
fails keeps the last good pages on disk, prints its problems, and every page request
gets an error page listing them until the next good save; the open browser tab reloads
either way. Suggestions (names that could be links) follow the errors on that page, and
when the build is good each letter's page is served with its own suggestions above it:
an editor sees them where they read (``site/`` never holds them).
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from docket.archive.suggest import Suggestions
from docket.config import CONFIG_FILE
from docket.engine.build import build
from docket.engine.cache import BuildCache
from docket.engine.incremental import Snapshot, body_edit, content_file, write_page
from docket.errors import BuildFailed, SourceError
from docket.paths import output_path, record_url
from docket.search.bundles import INDEX_FOLDER, plan_site
from docket.search.driver import build_index
from docket.search.layout import SearchIndexError
from docket.site.render import Renderer

WATCH_DEBOUNCE_MS = 400  # longest wait to gather a burst of saves into one rebuild
WATCH_STEP_MS = 15  # quiet time after a change that ends the burst
WATCH_TICK_MS = 200  # how often the idle watcher wakes (its first wake-up means "watching")


@dataclass
class ServeState:
    """One serve session: the served folder, the last good build, and the search index.

    Rebuilds run one at a time, on the content watcher's thread or livereload's. The
    search index is rebuilt on a thread of its own after the pages are in place, so a
    page reaches the browser without waiting for it; while one index is being built,
    further edits ask for one more, built from the latest pages when it is done.
    """

    site_dir: Path
    output: Path
    search: bool
    problems: list[str] = field(default_factory=list)
    cache: BuildCache = field(default_factory=BuildCache)
    snapshot: Snapshot | None = None
    generation: int = 0  # counts full builds: an index of an older build is thrown away
    lock: threading.Lock = field(default_factory=threading.Lock)  # guards the served folder
    rebuilding: threading.Lock = field(default_factory=threading.Lock)  # one rebuild at a time
    indexing: threading.Thread | None = None  # the search-index thread, while it runs
    index_again: bool = False  # an edit came in while indexing: index once more after
    index_lock: threading.Lock = field(default_factory=threading.Lock)
    suggested: dict[str, list[str]] = field(default_factory=dict)  # letter url -> its suggestions
    suggestions: Suggestions | None = None  # for the last full build's site, made when first needed
    page_ahead: Callable[[str], object] | None = None  # told of the changed file whose page came ahead of a full build

    def rebuild(self, changed: list[str] | None = None) -> bool:
        """Bring the served site up to date; ``changed`` is the watcher's list of changed files."""
        with self.rebuilding:
            return self._rebuild(changed)

    def _rebuild(self, changed: list[str] | None) -> bool:
        try:
            if self._edit_in_place(changed):
                return True
            return self._full_build(changed)
        except Exception:  # a bug must not take the server down while an editor works
            self.problems = ["docket crashed while building — please report this:", traceback.format_exc()]
            print("\n".join(self.problems), file=sys.stderr)
            self.snapshot = None
            return False

    def _edit_in_place(self, changed: list[str] | None) -> bool:
        if self.snapshot is None or self.problems:
            return False
        start = time.perf_counter()
        page = body_edit(self.site_dir, self.snapshot, self.cache, changed)
        if page is None:
            return False
        with self.lock:
            write_page(self.output, page)
            self.cache.fingerprint = ""  # the output no longer matches the last full build
        self._suggest_again(page.url)
        print(f"Rebuilt {page.url} in {1000 * (time.perf_counter() - start):.0f} ms.")
        self._index_later()
        return True

    def _full_build(self, changed: list[str] | None = None) -> bool:
        first = self._ahead(changed)
        # The last build's site and pages go first: kept through the rebuild, they would
        # double its memory. (After a build that finds nothing changed, the next text
        # edit then rebuilds the site too.)
        self.snapshot = self.suggestions = None
        try:
            with self.lock:
                result = build(self.site_dir, self.output, search=False, cache=self.cache, keep=True, first=first)
                if not result.up_to_date:
                    self.generation += 1
                    self._carry_index_over()
        except BuildFailed as exc:
            found = exc.problems.sorted()
            self.problems = [p.format() for p in found if p.severity != "suggestion"] or [exc.summary]
            self.suggested = by_page(exc.problems.suggestions)
            print("\n".join(p.format() for p in found), file=sys.stderr)
            print(f"Build failed: {exc.summary}. Still serving the last good build.", file=sys.stderr)
            return False
        self.problems = []
        self.suggested, self.suggestions = by_page(result.problems.suggestions), None
        for problem in result.problems.sorted():
            print(problem.format(), file=sys.stderr)
        print(result.summary())
        if not result.up_to_date:
            self.snapshot = Snapshot.of(result, self.cache)
            self._index_later()
        return True

    def _ahead(self, changed: list[str] | None) -> Callable[[Renderer], None] | None:
        """When one record's file changed in a way only a full build can show: its own
        page, written into the served site as soon as the new site is linked, before the
        others are rendered. The editor sees the edit in a second or two; the pages that
        list it follow with the full build, which then replaces them all."""
        if self.problems or self.snapshot is None or changed is None or len(changed) != 1:
            return None
        (path,) = changed
        rel = content_file(self.site_dir, path)

        def first(renderer: Renderer) -> None:
            record = renderer.site.record(Path(path).stem)
            if record is None or record.path != rel:
                return
            start = time.perf_counter()
            page = renderer.record_page(record.id)
            if not (self.output / output_path(page.url)).parent.is_dir():
                return  # a page the served site does not have yet: it comes with the rest
            write_page(self.output, page)
            print(f"Rendered {page.url} ahead of the other pages in {1000 * (time.perf_counter() - start):.0f} ms.")
            if self.page_ahead is not None:
                self.page_ahead(path)

        return first

    def _suggest_again(self, url: str) -> None:
        """After a body edit, that letter's suggestions as a build would make them."""
        assert self.snapshot is not None
        renderer = self.snapshot.renderer
        site = renderer.site
        letter = site.letters.get(url.rstrip("/").rsplit("/", 1)[-1])
        if letter is None or site.url(letter.id) != url or not renderer.config.suggest_links:
            return
        if self.suggestions is None:
            self.suggestions = Suggestions(site)
        self.suggested[url] = [found.format() for found in self.suggestions.of(letter)]

    # -- the search index, off the page's path -------------------------------------
    def _carry_index_over(self) -> None:
        """Keep search working in a freshly swapped-in site until its own index is ready."""
        previous = self.output.parent / "index" / INDEX_FOLDER
        if previous.is_dir() and not (self.output / INDEX_FOLDER).exists():
            shutil.copytree(previous, self.output / INDEX_FOLDER)

    def _index_later(self) -> None:
        if not self.search or self.snapshot is None:
            return
        with self.index_lock:
            if self.indexing is not None:
                self.index_again = True
                return
            self.indexing = threading.Thread(target=self._index_until_current, daemon=True)
            self.indexing.start()

    def _index_until_current(self) -> None:
        while True:
            snapshot, generation = self.snapshot, self.generation
            if snapshot is not None:
                self._index(list(snapshot.pages.values()), snapshot.renderer, generation)
            with self.index_lock:
                if not self.index_again:
                    self.indexing = None
                    return
                self.index_again = False

    def _index(self, pages: list, renderer, generation: int) -> None:  # type: ignore[no-untyped-def]
        staging = self.output.parent / f"index-{generation}-{time.monotonic_ns()}"
        try:
            start = time.perf_counter()
            config, site = renderer.config, renderer.site
            bundles = [[site.url(record_id) for record_id in ids] for ids in plan_site(site, config.search_bundle_size)]
            report = build_index(pages, staging, config.language, bundles, config.base_path)
            with self.lock:
                if generation == self.generation and self.output.is_dir():
                    kept = self.output.parent / "index"
                    shutil.rmtree(kept, ignore_errors=True)
                    shutil.copytree(staging, kept)
                    retired = self.output / f".{INDEX_FOLDER}.old"
                    if (self.output / INDEX_FOLDER).exists():
                        os.replace(self.output / INDEX_FOLDER, retired)
                    os.replace(staging / INDEX_FOLDER, self.output / INDEX_FOLDER)
                    shutil.rmtree(retired, ignore_errors=True)
                    print(f"Search index updated ({report.pages} pages, {time.perf_counter() - start:.1f} s).")
                else:
                    self.index_again = True  # a full build came in meanwhile: index its pages
        except SearchIndexError as exc:
            print(f"Search index not updated: {exc}", file=sys.stderr)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def by_page(found: list[SourceError]) -> dict[str, list[str]]:
    """Suggestions by the URL of the letter they are about, each list in file order."""
    pages: dict[str, list[str]] = {}
    for suggestion in sorted(found, key=SourceError.sort_key):
        letter_id = Path(suggestion.path).stem
        pages.setdefault(record_url("letter", letter_id), []).append(suggestion.format())
    return pages


def with_suggestions(page: str, found: list[str]) -> str:
    """A served letter page with its suggestions at the top of its main content."""
    items = "\n".join(f"<li><pre>{html.escape(s)}</pre></li>" for s in found)
    panel = (
        '<aside class="docket-suggestions" aria-label="Suggestions" style="border:2px solid #8a5a00;padding:0 1em;margin:1em 0">'
        f"<h2>Names that could be links ({len(found)})</h2><p>Shown by docket serve only.</p><ol>{items}</ol></aside>"
    )
    at = page.find("</main>")
    return page[:at] + panel + page[at:] if at != -1 else page


def error_page(problems: list[str], suggested: Sequence[str] = ()) -> str:
    items = "\n".join(f"<li><pre>{html.escape(p)}</pre></li>" for p in problems)
    more = "\n".join(f"<li><pre>{html.escape(s)}</pre></li>" for s in suggested)
    also = f"<h2>Names that could be links ({len(suggested)})</h2><ol>{more}</ol>" if suggested else ""
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed — docket</title></head>"
        "<body><main><h1>The build failed</h1><p>Fix these and save; this page reloads by itself.</p>"
        f"<ol>{items}</ol>{also}</main></body></html>"
    )


def watch_content(state: ServeState, loop, ready: threading.Event) -> None:  # type: ignore[no-untyped-def]
    """Rebuild on every change under content/ and tell the open browser tabs to reload.

    watchfiles waits on the kernel's file notifications (inotify), so a save is seen
    within a few milliseconds, and scans nothing while nothing changes. Its first
    (empty) answer says the watch is in place: ``ready`` is set then.
    """
    from livereload.handlers import LiveReloadHandler
    from watchfiles import Change, watch

    batches = watch(
        state.site_dir / "content",
        debounce=WATCH_DEBOUNCE_MS,
        step=WATCH_STEP_MS,
        rust_timeout=WATCH_TICK_MS,
        yield_on_timeout=True,
        raise_interrupt=False,
    )
    for changes in batches:
        ready.set()
        if not changes:
            continue
        modified = sorted(path for change, path in changes if change == Change.modified)
        state.rebuild(modified if len(modified) == len(changes) else None)
        loop.add_callback(LiveReloadHandler.reload_waiters, modified[0] if len(modified) == 1 else "*")


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, search: bool = True) -> int:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler, StaticFileHandler
    from tornado.ioloop import IOLoop

    workdir = Path(tempfile.mkdtemp(prefix="docket-serve-"))
    loop = IOLoop.current()
    state = ServeState(site_dir, workdir / "site", search, page_ahead=lambda path: loop.add_callback(LiveReloadHandler.reload_waiters, path))
    # Watch before the first build, so that no save is missed in between.
    ready = threading.Event()
    threading.Thread(target=watch_content, args=(state, loop, ready), daemon=True).start()
    ready.wait(timeout=10)
    state.rebuild()
    if not state.output.exists():
        state.output.mkdir(parents=True)

    class PageHandler(StaticFileHandler):
        """Serves the built site, or the current build errors in place of any page."""

        def get(self, path: str, include_body: bool = True):  # type: ignore[override]
            if state.problems and (path == "" or path.endswith((".html", "/")) or "." not in path.rsplit("/", 1)[-1]):
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(error_page(state.problems, [s for found in state.suggested.values() for s in found]))
                return None
            found = state.suggested.get("/" + path if path.endswith("/") else "/" + path.removesuffix("index.html"))
            page = Path(self.root, path, "index.html" if path.endswith("/") or not path else "")
            if found and page.is_file():
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(with_suggestions(page.read_text(encoding="utf-8"), found))
                return None
            return super().get(path, include_body)

        def compute_etag(self):  # type: ignore[no-untyped-def]
            """No tag for a page served with its suggestions: it is not the file's content."""
            return super().compute_etag() if getattr(self, "absolute_path", None) else None

    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    server = Server()
    server.SFH = PageHandler

    # Templates and settings change rarely: livereload's polling (globs re-evaluated on
    # every poll, so a templates/ folder created while serving is seen) is enough.
    def rebuild(changed: list[str] | None = None) -> None:
        state.rebuild(None)

    for pattern in ("templates/**/*", CONFIG_FILE):
        server.watch(str(site_dir / pattern), rebuild, delay=0)
    server._setup_logging = lambda: None  # type: ignore[method-assign]  # docket prints its own lines
    for name in ("livereload", "tornado.access", "tornado.application", "tornado.general"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    print(f"Serving {site_dir.name} on http://{host}:{port}/ — Ctrl-C to stop")
    try:
        server.serve(host=host, port=port, root=str(state.output), open_url_delay=None)
    except OSError as exc:
        print(f"docket serve: cannot listen on {host}:{port}: {exc.strerror} — try --port {port + 1}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0
