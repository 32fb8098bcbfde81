"""``docket serve``: build, serve on localhost, rebuild on every change, never die.

The site is built into a temporary folder (``site/`` is left to ``docket build``), served
by livereload, and rebuilt when anything under ``content/`` or ``templates/`` or the
``docket.toml`` changes. A build that fails keeps the last good pages on disk, prints
its problems, and every page request gets an error page listing them until the next
good save; the open browser tab reloads either way.
"""

from __future__ import annotations

import html
import logging
import shutil
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from .build import build
from .config import CONFIG_FILE
from .errors import BuildFailed

log = logging.getLogger("docket.serve")


@dataclass
class ServeState:
    site_dir: Path
    output: Path
    search: bool
    problems: list[str] = field(default_factory=list)

    def rebuild(self) -> bool:
        try:
            result = build(self.site_dir, self.output, search=self.search)
        except BuildFailed as exc:
            self.problems = [p.format() for p in exc.problems.sorted()] or [exc.summary]
            print("\n".join(self.problems), file=sys.stderr)
            print(f"Build failed: {exc.summary}. Still serving the last good build.", file=sys.stderr)
            return False
        except Exception:  # a bug must not take the server down while an editor works
            self.problems = ["docket crashed while building — please report this:", traceback.format_exc()]
            print("\n".join(self.problems), file=sys.stderr)
            return False
        self.problems = []
        for problem in result.problems.sorted():
            print(problem.format(), file=sys.stderr)
        print(result.summary())
        return True


def error_page(problems: list[str]) -> str:
    items = "\n".join(f"<li><pre>{html.escape(p)}</pre></li>" for p in problems)
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed — docket</title></head>"
        "<body><main><h1>The build failed</h1><p>Fix these and save; this page reloads by itself.</p>"
        f"<ol>{items}</ol></main></body></html>"
    )


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, search: bool = True) -> int:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler, StaticFileHandler

    workdir = Path(tempfile.mkdtemp(prefix="docket-serve-"))
    state = ServeState(site_dir, workdir / "site", search)
    state.rebuild()
    if not state.output.exists():
        state.output.mkdir(parents=True)

    class PageHandler(StaticFileHandler):
        """Serves the built site, or the current build errors in place of any page."""

        def get(self, path: str, include_body: bool = True):  # type: ignore[override]
            if state.problems and (path == "" or path.endswith((".html", "/")) or "." not in path.rsplit("/", 1)[-1]):
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(error_page(state.problems))
                return None
            return super().get(path, include_body)

    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    server = Server()
    server.SFH = PageHandler
    # Globs are re-evaluated on every poll, so folders created while serving are seen too.
    for pattern in ("content/**/*", "templates/**/*", CONFIG_FILE):
        server.watch(str(site_dir / pattern), state.rebuild, delay=0)
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
