#!/usr/bin/env python3
"""How long a reader waits on a built site's search page, in a real Chromium.

    python bench/search_latency.py SITE_OUTPUT WORD [--latency MS] [--repeat K]

Serves SITE_OUTPUT (a folder ``docket build`` wrote, with its search index) over HTTP
on 127.0.0.1, opens ``/search/`` in Chromium (Debian's, driven by Playwright) with MS
milliseconds added to every response (Chromium's network emulation, default 40: a
reader on a good connection to a CDN), and reports, as medians of K fresh browser
contexts (nothing cached):

* **filters shown**: from starting to load the page to the filters being on screen —
  every bundle of the index loaded and asked for its filters;
* **first results**: from submitting WORD to the first result on screen — every bundle
  asked, the answers merged, the first page of results loaded.

The figures are for the whole index, however many bundles it has; see bench/README.md.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def measure(site: Path, word: str, latency_ms: float, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/search/"
    bundles = len([p for p in (site / "pagefind").iterdir() if p.name.startswith("bundle-")]) + 1
    shown, results, status = [], [], ""
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for _ in range(repeat):
                context = browser.new_context()
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency_ms, "downloadThroughput": -1, "uploadThroughput": -1})
                start = time.perf_counter()
                page.goto(url)
                page.wait_for_selector("#search-filters details", timeout=300_000)
                shown.append(time.perf_counter() - start)
                start = time.perf_counter()
                page.fill("#search-q", word)
                page.press("#search-q", "Enter")
                page.wait_for_selector("#search-results li", timeout=300_000)
                results.append(time.perf_counter() - start)
                status = page.inner_text("#search-status")
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {
        "bundles": bundles,
        "latency_ms": latency_ms,
        "filters_shown_s": statistics.median(shown),
        "first_results_s": statistics.median(results),
        "runs_first_results_s": [round(x, 3) for x in results],
        "status": status,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder with pagefind/")
    parser.add_argument("word", help="the word to search for")
    parser.add_argument("--latency", type=float, default=40.0, help="milliseconds added to every response (default 40)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    found = measure(args.site, args.word, args.latency, args.repeat)
    print(f"{found['bundles']} bundles, {found['latency_ms']:.0f} ms latency: filters shown in {found['filters_shown_s']:.2f} s, "
          f"first results in {found['first_results_s']:.2f} s ({found['status']})")
    print(json.dumps(found))


if __name__ == "__main__":
    main()
