"""What issue #16's published outputs add to a cold build, measured in alternating pairs.

    python bench/outputs_apart.py --letters 10000 --pairs 8 [--search]

Writes a synthetic archive with ``make_archive.py`` (on ``/dev/shm`` when it exists),
then builds it cold — no output folder, no ``.docket-cache/``, a fresh process — with
the outputs and without them, one after the other, ``--pairs`` times, and prints the
medians, the growth and the range of the pairs' growths: the wall time of the process,
and the build's own time as docket reports it.

"Without" is docket with these left out, by replacing in the build's process the
functions that make them (the workers it forks inherit the replacements): the data
files, CMIF, the feed and robots.txt (the Data page stays, empty), the sitemap, the
letter page's citation (Chicago note and records), JSON-LD on letter and entity pages,
and the paragraph anchors of letters' texts. If one of those functions is renamed, the
script stops rather than measure a build that still makes the output:
``tests/test_outputs_apart.py`` checks that each build makes what it should.

    python bench/outputs_apart.py --build without -- --site DIR --output OUT --no-search

runs one such build, with docket's own arguments after ``--``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from run import MAKE_ARCHIVE, clean_docket, measure  # bench/run.py: a cold build timed as it times one

BUILT = re.compile(r"^Built .* in ([0-9.]+) s", re.MULTILINE)


def leave_out_outputs() -> None:
    """Replace the functions that make #16's outputs with ones that make nothing."""
    from markupsafe import Markup

    import docket.archive.load as load
    import docket.engine.build as build
    import docket.engine.rendering as rendering
    import docket.site.render as render
    from docket.paths import Url
    from docket.site.page import Page

    def replace(owner: object, name: str, stand_in: object) -> None:
        if not hasattr(owner, name):
            raise SystemExit(f"outputs_apart: {getattr(owner, '__name__', owner)}.{name} is gone; update leave_out_outputs()")
        setattr(owner, name, stand_in)

    parse = load.render_source
    replace(rendering, "publish", lambda staging, renderer: Page(Url("/data/"), "", False))
    replace(build, "publish_sitemap", lambda *args, **kwargs: [])
    replace(render, "cited_letter", lambda *args, **kwargs: None)
    replace(render, "chicago", lambda cited: Markup(""))
    replace(render, "citation_records", lambda cited: [])
    replace(render, "_json_ld", lambda data: Markup(""))
    replace(render.LinkedData, "letter", lambda self, *args, **kwargs: None)
    replace(render.LinkedData, "entity", lambda self, *args, **kwargs: None)
    replace(load, "render_source", lambda text, doc_id="", anchors=False: parse(text, doc_id, False))


def one_build(outputs: str, docket_args: list[str]) -> None:
    if outputs == "without":
        leave_out_outputs()
    from docket.commands.cli import run

    sys.argv = ["docket", "build", *docket_args]
    run()


def timed_build(outputs: str, site: Path, out: Path, search: bool) -> tuple[float, float]:
    """(wall seconds of the process, the build's own seconds) of one cold build."""
    clean_docket(site, out)
    command = [sys.executable, str(Path(__file__).resolve()), "--build", outputs, "--", "--site", str(site), "--output", str(out)]
    if not search:
        command.append("--no-search")
    run = measure(command)
    found = BUILT.search(run.stdout)
    if found is None:
        raise SystemExit(f"the build {outputs} the outputs said nothing of its time:\n{run.stdout[-2000:]}")
    return run.wall, float(found.group(1))


def growth(with_outputs: float, without: float) -> float:
    return 100 * (with_outputs / without - 1)


def report(times: dict[str, list[tuple[float, float]]]) -> str:
    lines = ["| | without | with | growth | the pairs' growths |", "|---|---:|---:|---:|---:|"]
    for index, label in ((0, "wall time of the process"), (1, "the build's own time")):
        without = [pair[index] for pair in times["without"]]
        with_outputs = [pair[index] for pair in times["with"]]
        pairs = [growth(a, b) for a, b in zip(with_outputs, without)]
        lines.append(
            f"| {label} | {statistics.median(without):.2f} s | {statistics.median(with_outputs):.2f} s "
            f"| {growth(statistics.median(with_outputs), statistics.median(without)):+.1f} % | {min(pairs):+.1f} to {max(pairs):+.1f} % |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=10000, help="letters in the synthetic archive (default 10000)")
    parser.add_argument("--pairs", type=int, default=8, help="pairs of builds, with and without (default 8)")
    parser.add_argument("--search", action="store_true", help="build the search index too")
    parser.add_argument("--workdir", type=Path, help="where the archive and outputs go (default a fresh temporary folder)")
    parser.add_argument("--build", choices=("with", "without"), help="run one build, with docket's arguments after --")
    args, rest = parser.parse_known_args()
    if args.build:
        one_build(args.build, [arg for arg in rest if arg != "--"])
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="docket-outputs-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    site, out = workdir / "site", workdir / "out"
    if not (site / "docket.toml").exists():
        subprocess.run([sys.executable, str(MAKE_ARCHIVE), str(args.letters), str(site)], check=True, capture_output=True)
    times: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    for number in range(args.pairs):
        for outputs in ("with", "without"):
            times[outputs].append(timed_build(outputs, site, out, args.search))
        (a, _), (b, _) = times["with"][-1], times["without"][-1]
        print(f"pair {number + 1}: with {a:.2f} s, without {b:.2f} s ({growth(a, b):+.1f} %)", file=sys.stderr)
    print(report(times))
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
