"""Browser tests: the real archive, built once with the real Pagefind, served over HTTP,
driven by one headless Chromium.

Fixtures:

* ``built_site`` — ``docket build`` of the repository's own archive into a temporary folder.
* ``site_url`` — that folder served by a plain static HTTP server on 127.0.0.1.
* ``bundled_site`` / ``bundled_site_url`` — the same archive built with its search index
  split into bundles of at most four pages, served the same way.
* ``csp_site_url`` — the same folder served with the Content-Security-Policy header that
  ``netlify.toml`` sends in production.
* ``browser`` — one Chromium for the whole browser package (Debian's, or ``$DOCKET_CHROMIUM``).
* ``context`` / ``page`` — a fresh context and page per test.
* ``archive`` — the archive's content as the tests see it, read straight from the Markdown.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import tomllib
from pathlib import Path
from typing import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe

from .archive import Archive, load_archive

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

EXTRA_TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives the browser: mark it, whatever its module says."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


# -- the archive ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def archive() -> Archive:
    return load_archive(ROOT / "content")


def docket_build(site: Path, output: Path, *options: str) -> str:
    """``docket build`` as a user runs it, in a process of its own: this one runs the
    browser's threads, and a build forks its workers. Its summary line."""
    command = [sys.executable, "-m", "docket", "build", "--site", str(site), "--output", str(output), *options]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("browser") / "site"
    summary = docket_build(ROOT, output)
    assert "no search index" not in summary, summary
    assert (output / "pagefind" / "pagefind.js").is_file(), "no pagefind/pagefind.js in the built site"
    return output


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same archive with its search index split into bundles of at most 4 pages."""
    folder = tmp_path_factory.mktemp("bundled")
    shutil.copytree(ROOT / "content", folder / "content")
    config = (ROOT / "docket.toml").read_text(encoding="utf-8")
    (folder / "docket.toml").write_text(config + "\nsearch_bundle_size = 4\n", encoding="utf-8")
    summary = docket_build(folder, folder / "site")
    bundles = sorted(p.name for p in (folder / "site" / "pagefind").iterdir() if p.name.startswith("bundle-"))
    assert len(bundles) >= 3, f"expected the index in several bundles, got pagefind/ and {bundles}"
    assert "no search index" not in summary, summary
    return folder / "site"


# -- HTTP servers -----------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}
    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


def _serve(directory: Path, headers: dict[str, str]) -> Iterator[str]:
    handler_class = type("Handler", (_Handler,), {"extra_headers": dict(headers)})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"http-{server.server_port}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    yield from _serve(built_site, {})


@pytest.fixture(scope="session")
def bundled_site_url(bundled_site: Path) -> Iterator[str]:
    yield from _serve(bundled_site, {})


@pytest.fixture(scope="session")
def netlify_csp() -> str:
    """The Content-Security-Policy that netlify.toml sends for every page (``for = "/*"``)."""
    config_file = ROOT / "netlify.toml"
    if not config_file.is_file():
        pytest.fail("netlify.toml is missing: the production Content-Security-Policy cannot be tested")
    config = tomllib.loads(config_file.read_text(encoding="utf-8"))
    for rule in config.get("headers", []):
        if rule.get("for") == "/*":
            policy = rule.get("values", {}).get("Content-Security-Policy")
            if policy:
                return policy
    pytest.fail('netlify.toml has no [[headers]] for = "/*" with a Content-Security-Policy')


@pytest.fixture(scope="session")
def csp_site_url(built_site: Path, netlify_csp: str) -> Iterator[str]:
    yield from _serve(built_site, {"Content-Security-Policy": netlify_csp})


# -- the browser ------------------------------------------------------------------------


def _executable(path: str | None) -> bool:
    return bool(path) and Path(path).is_file() and os.access(path, os.X_OK)  # type: ignore[arg-type]


def chromium_path() -> str | None:
    """$DOCKET_CHROMIUM, else Debian's chromium on the PATH, else /usr/bin/chromium."""
    explicit = os.environ.get("DOCKET_CHROMIUM")
    if explicit:
        if not _executable(explicit):
            pytest.fail(f"DOCKET_CHROMIUM={explicit!r} is not an executable file", pytrace=False)
        return explicit
    for candidate in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if _executable(candidate):
            return candidate
    return None


@pytest.fixture(scope="package")
def browser(request: pytest.FixtureRequest):
    """One headless Chromium for the browser tests. Package-scoped: it is closed when they
    end, because while Playwright's sync API runs, ``asyncio.run`` (which the build's
    Pagefind step uses) refuses to start in this thread."""
    executable = chromium_path()
    if executable is None:
        message = "BROWSER TESTS SKIPPED: no Chromium found; install Debian's chromium package or set DOCKET_CHROMIUM"
        if os.environ.get("CI") == "true":
            pytest.fail(message.replace("SKIPPED", "FAILED (CI=true)"), pytrace=False)
        pytest.skip(message)
    request.getfixturevalue("built_site")  # build before Playwright starts (see above)
    request.getfixturevalue("bundled_site")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=10_000)  # a loaded 2-core CI machine can be slow; failures still end promptly
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    context.set_default_timeout(10_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors  # type: ignore[attr-defined]
    yield page


@pytest.fixture(scope="module")
def axe() -> Axe:
    """axe-core, run in the page by Playwright (the accessibility tests)."""
    return Axe()


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_page(request, browser):  # type: ignore[no-untyped-def]
    """One page per colour scheme, reused by every page checked in that scheme."""
    context = browser.new_context(color_scheme=request.param)
    context.set_default_timeout(10_000)
    yield request.param, context.new_page()
    context.close()
