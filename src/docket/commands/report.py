"""``docket report``: what the archive still lacks, as a table in the terminal or a page.

The gaps come from ``archive/report.py``; this module only shows them. The terminal gets
a table of counts and the first records of each gap; ``--html FILE`` writes one
standalone page (no script, no outside style) that lists every record, each linked to
its page on the built site (under ``base_url``).
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from docket.archive.link import Site
from docket.archive.report import Item, Lack
from docket.config import Config

SHOWN = 20  # records of each gap listed in the terminal, unless --all

STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #ccc; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #0645ad; } a:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
code { font-size: .9em; word-break: break-all; }
"""


def terminal(lacks: list[Lack], show_all: bool = False) -> str:
    """A table of counts, then each gap with its records (the first ``SHOWN`` unless ``show_all``)."""
    width = max(len(lack.heading) for lack in lacks)
    lines = ["What the archive still lacks", "", f"  {'gap':<{width}}  count", f"  {'-' * width}  -----"]
    lines += [f"  {lack.heading:<{width}}  {len(lack.items):>5}" for lack in lacks]
    for lack in lacks:
        if not lack.items:
            continue
        lines += ["", f"{lack.heading} ({len(lack.items)}): {lack.advice}"]
        shown = lack.items if show_all else lack.items[:SHOWN]
        path_width = max(len(item.path) for item in shown)
        for item in shown:
            detail = f" — {item.detail}" if item.detail else ""
            lines.append(f"  {item.path:<{path_width}}  {item.title}{detail}")
        if len(shown) < len(lack.items):
            lines.append(f"  … and {len(lack.items) - len(shown)} more (docket report --all, or --html FILE)")
    return "\n".join(lines) + "\n"


def html_page(lacks: list[Lack], site: Site, config: Config) -> str:
    """The whole report as one accessible page, every record linked to its page."""
    base = config.base_url.rstrip("/")
    title = f"What the archive still lacks — {config.title}"
    summary = "".join(
        f'<tr><th scope="row"><a href="#{lack.key}">{escape(lack.heading)}</a></th><td class="count">{len(lack.items)}</td></tr>\n'
        for lack in lacks
    )
    sections = "".join(_section(lack, site, base) for lack in lacks)
    return (
        f'<!doctype html>\n<html lang="{escape(config.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(title)}</h1>\n"
        '<div class="scroll"><table>\n<caption>Gaps, with the number of records that have each</caption>\n'
        '<thead><tr><th scope="col">Gap</th><th scope="col">Records</th></tr></thead>\n'
        f"<tbody>\n{summary}</tbody>\n</table></div>\n{sections}</main>\n</body>\n</html>\n"
    )


def _section(lack: Lack, site: Site, base: str) -> str:
    heading = f'<section aria-labelledby="{lack.key}">\n<h2 id="{lack.key}">{escape(lack.heading)} ({len(lack.items)})</h2>\n'
    if not lack.items:
        return heading + "<p>None.</p>\n</section>\n"
    rows = "".join(_row(item, site, base) for item in lack.items)
    return (
        heading + f"<p>To do: {escape(lack.advice)}.</p>\n"
        f'<div class="scroll"><table>\n<caption>{escape(lack.heading)}</caption>\n'
        '<thead><tr><th scope="col">Record</th><th scope="col">Kind</th><th scope="col">File</th><th scope="col">Detail</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody>\n</table></div>\n</section>\n"
    )


def _row(item: Item, site: Site, base: str) -> str:
    href = escape(base + site.url(item.record_id))
    return (
        f'<tr><td><a href="{href}">{escape(item.title)}</a></td><td>{escape(item.label)}</td>'
        f"<td><code>{escape(item.path)}</code></td><td>{escape(item.detail)}</td></tr>\n"
    )


def write_page(path: Path, text: str) -> None:
    """Written whole or not at all: through a temporary file renamed over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
