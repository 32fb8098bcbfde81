#!/usr/bin/env python3
"""Benchmark docket against Hugo on synthetic archives (issues #3 and #13).

    python bench/run.py                         # 1,000 letters
    python bench/run.py --letters 1000,10000 --repeat 3 --json /tmp/bench.json
    python bench/run.py --letters 10000 --skip-serve --source worktree

For each N: write the archive with bench/make_archive.py (not timed), then measure, each
command in a fresh process, one at a time, everything on the same tmpfs:

* docket build --no-search, cold (no output folder, no .docket-cache/), then again with
  nothing changed; the same with the search index;
* hugo over a minimal Hugo site of the same letters (a page per letter, a person
  taxonomy), cold, then Pagefind's command line over Hugo's output;
* one untimed cold build of each kind (and of Hugo) for the peak PSS of the process tree;
* docket serve (without, then with search): milliseconds from saving a one-letter edit
  to the served page /letters/<id>/ containing the new word, polled every 10 ms: edits
  of its text (one page re-rendered), then of its front-matter (the site rebuilt).

One repeat runs the docket builds, Hugo and Pagefind back to back; each ratio is taken
within a repeat and the median over --repeat K repeats is reported (as are the medians
of the times). Absolute times on a shared machine are noise; the ratio is the figure.
The share of all cores that other processes used during each measurement (from
/proc/stat, minus the measured tree's own CPU time) is reported, to show when a figure
was taken on a busy machine.

Wall time is time.perf_counter around the child process, so docket's figures include
Python's start-up and imports; the per-stage times come from --profile. Memory, per
process tree (the command and every descendant: docket's forked render workers, the
Pagefind binary): "PSS" is the highest sampled sum of proportional set sizes (shared
pages split between the processes sharing them: the tree's real footprint; read from
smaps_rollup, which is slow, hence the separate untimed run); "RSS" the highest sampled
sum of resident sizes (counts pages the forked workers share with their parent once per
process); "largest process" is wait4's ru_maxrss, what /usr/bin/time %M reports.

docket is run from a snapshot of its source copied into the workdir (--source head: the
last commit, the default; worktree: the working tree's src/), so that commits landing
during a run cannot mix two versions into one set of figures.

The issue's bars are set for 10,000 letters; they are printed with PASS/FAIL for every N
and only mean something at 10,000.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MAKE_ARCHIVE = HERE / "make_archive.py"
HUGO = shutil.which("hugo") or "/usr/bin/hugo"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024
SAMPLE_INTERVAL = 0.02
PSS_INTERVAL = 0.1  # smaps_rollup costs ~25 ms of kernel time per GB read: only in untimed runs
POLL_INTERVAL = 0.01

# The bars of issue #13 (10,000 letters, ratios to Hugo in the same run), and of #3 at 100,000.
BAR_COLD = 3.0
BAR_SEARCH = 1.6
BAR_SECOND = 0.3
BAR_SERVE_MS = 150.0
BAR_PEAK_MIB = 1024.0
BAR_LARGE_PEAK_MIB = 8192.0  # 100,000 letters, search included
BAR_SCALE = 11.0  # 100,000 letters at most 11x the time of 10,000

PROFILE_LINE = re.compile(r"^\s+(\w+)\s+([0-9.]+) s\s+([0-9.]+) %\s*$")
SUMMARY_LINE = re.compile(r"Built ([\d,]+) pages? \(([\d,]+) letters?, ([\d,]+) entit")
UP_TO_DATE_LINE = re.compile(r"Nothing changed since the last build: ([\d,]+) pages?")
PAGEFIND_PAGES = re.compile(r"Indexed ([\d,]+) pages?")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- measuring


class TreeSampler(threading.Thread):
    """Peak of the summed RSS of a process and all its descendants, sampled from /proc.

    /proc/<pid>/task/<tid>/children is not available on every kernel, so children are
    found from the parent pid in /proc/<pid>/stat (cached per pid: it only changes when
    a process is re-parented, and then it has left the tree we care about anyway).
    """

    def __init__(self, root: int, pss: bool = False) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.pss = pss  # proportional set size (shared pages split between sharers): exact but slow to read
        self.interval = PSS_INTERVAL if pss else SAMPLE_INTERVAL
        self.peak = 0
        self._stop_event = threading.Event()
        self._ppid: dict[int, int] = {}

    def _parent(self, pid: int) -> int | None:
        if pid not in self._ppid:
            try:
                with open(f"/proc/{pid}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                return None
            # the command name may hold spaces and parentheses: parse after the last ')'
            self._ppid[pid] = int(stat[stat.rindex(b")") + 2:].split()[1])
        return self._ppid[pid]

    def sample(self) -> int:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
        children: dict[int, list[int]] = {}
        for pid in pids:
            parent = self._parent(pid)
            if parent is not None:
                children.setdefault(parent, []).append(pid)
        total, todo = 0, [self.root]
        while todo:
            pid = todo.pop()
            try:
                if self.pss:
                    with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                        total += next(int(line.split()[1]) for line in f if line.startswith(b"Pss:")) * 1024
                else:
                    with open(f"/proc/{pid}/statm", "rb") as f:
                        total += int(f.read().split()[1]) * PAGE_SIZE
            except (OSError, IndexError, ValueError, StopIteration):
                pass
            todo.extend(children.get(pid, ()))
        return total

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, self.sample())
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_busy_s() -> float:
    """Seconds of CPU time the whole machine has been busy, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / CLOCK_TICKS


@dataclass
class Run:
    cmd: list[str]
    wall: float
    rc: int
    maxrss_mib: float  # ru_maxrss of the tree: its largest single process
    peak_mib: float  # sampled peak of the whole tree's summed RSS
    stdout: str
    stderr: str
    other_cpu_share: float  # share of all CPUs used by other processes during the run


def measure(cmd: list[str], cwd: Path | None = None, env: dict | None = None, pss: bool = False) -> Run:
    """Run cmd to completion in a fresh process (group); wall time and peak memory.

    With pss, the tree's memory is sampled as the sum of PSS (slow to read: the run's
    times are then not representative), else as the sum of RSS.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        busy_before = cpu_busy_s()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, env=env, start_new_session=True)
        sampler = TreeSampler(proc.pid, pss=pss)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: take the measured command (and its children) down too
            sampler.stop()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            raise
        wall = time.perf_counter() - start
        busy = cpu_busy_s() - busy_before
        peak = sampler.stop()
        # CPU time the rest of the machine used meanwhile (others' jobs, this script's sampler)
        other = max(0.0, busy - usage.ru_utime - usage.ru_stime)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        run = Run(cmd, wall, proc.returncode, usage.ru_maxrss / 1024, (peak if pss else max(peak, usage.ru_maxrss * 1024)) / MIB,
                  out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                  other / (wall * (os.cpu_count() or 1)))
    if run.rc != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {run.rc}:\n{run.stdout[-2000:]}\n{run.stderr[-4000:]}")
    return run


def du_bytes(path: Path) -> int:
    return int(subprocess.run(["du", "-sb", str(path)], check=True, capture_output=True, text=True).stdout.split()[0])


def rmtree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


#: environment for every docket process: PYTHONPATH points at the snapshot of docket's source
DOCKET_ENV: dict[str, str] = dict(os.environ)


def docket_command() -> list[str]:
    return [sys.executable, "-c", "from docket.commands.cli import run; run()"]


def snapshot_source(source: str, workdir: Path) -> tuple[str, str]:
    """Copy docket's source (HEAD or the working tree) into the workdir and run that copy.

    Other engineers commit and edit src/ while the bench runs; without a snapshot one run
    could measure two dockets. Returns (PYTHONPATH entry, description of what was copied).
    """
    target = workdir / "docket-src"
    rmtree(target)
    target.mkdir(parents=True)
    if source == "head":
        state = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], check=True,
                               capture_output=True, text=True).stdout.strip()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", "HEAD", "src/docket"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    else:
        state = source_state()
        shutil.copytree(REPO / "src" / "docket", target / "src" / "docket",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    path = str(target / "src")
    check = subprocess.run([sys.executable, "-c", "import docket; print(docket.__file__)"], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=path), check=True).stdout.strip()
    if not check.startswith(path):
        raise RuntimeError(f"the snapshot is not what runs: docket imports from {check}")
    return path, state


# --------------------------------------------------------------------------- docket


def parse_build(run: Run) -> dict:
    stages = {}
    for line in run.stdout.splitlines():
        m = PROFILE_LINE.match(line)
        if m:
            stages[m.group(1)] = float(m.group(2))
    m = SUMMARY_LINE.search(run.stdout)
    up = UP_TO_DATE_LINE.search(run.stdout)
    if m:
        pages, letters, entities = (int(g.replace(",", "")) for g in m.groups())
    elif up:
        pages, letters, entities = int(up.group(1).replace(",", "")), None, None
    else:
        raise RuntimeError(f"no summary line in docket's output:\n{run.stdout[-2000:]}")
    summary = (m or up).group(0)
    return {"wall_s": run.wall, "peak_mib": run.peak_mib, "maxrss_mib": run.maxrss_mib, "stages_s": stages,
            "other_cpu_share": run.other_cpu_share,
            "pages": pages, "letters": letters, "entities": entities, "up_to_date": bool(up and not m),
            "summary": run.stdout.strip().splitlines()[-1] if run.stdout.strip() else summary}


def clean_cache(site: Path) -> None:
    """docket's build cache lives in the site folder (.docket-cache/): remove any of it."""
    for path in site.glob(".docket*"):
        rmtree(path) if path.is_dir() else path.unlink()


def clean_docket(site: Path, out: Path) -> None:
    """No output folder, no leftovers of a staged build, no build cache: a cold build."""
    for path in (out, out.with_name(f".{out.name}.building"), out.with_name(f".{out.name}.old")):
        rmtree(path)
    clean_cache(site)


def docket_builds(site: Path, out: Path, search: bool) -> tuple[dict, dict, int]:
    """Cold build (no output, no build cache), then the same build again, nothing changed."""
    clean_docket(site, out)
    cmd = docket_command() + ["build", "--site", str(site), "--output", str(out), "--profile"]
    if not search:
        cmd.append("--no-search")
    cold = parse_build(measure(cmd, env=DOCKET_ENV))
    size = du_bytes(out)
    second = parse_build(measure(cmd, env=DOCKET_ENV))
    clean_docket(site, out)
    return cold, second, size


def docket_pss(site: Path, out: Path, search: bool) -> float:
    """Peak summed PSS (MiB) of an untimed cold build's process tree.

    docket forks its render workers, which share most of their pages with the parent;
    a sum of RSS counts those pages once per process, PSS splits them between sharers.
    """
    clean_docket(site, out)
    cmd = docket_command() + ["build", "--site", str(site), "--output", str(out)] + ([] if search else ["--no-search"])
    run = measure(cmd, env=DOCKET_ENV, pss=True)
    clean_docket(site, out)
    return run.peak_mib


def median_build(runs: list[dict]) -> dict:
    stages = sorted({s for r in runs for s in r["stages_s"]})
    first = runs[0]
    return {
        "wall_s": median([r["wall_s"] for r in runs]),
        "peak_mib": median([r["peak_mib"] for r in runs]),
        "maxrss_mib": median([r["maxrss_mib"] for r in runs]),
        "other_cpu_share": median([r["other_cpu_share"] for r in runs]),
        "stages_s": {s: median([r["stages_s"].get(s, 0.0) for r in runs]) for s in stages},
        "pages": first["pages"], "letters": first["letters"], "entities": first["entities"],
        "up_to_date": first.get("up_to_date", False), "summary": first.get("summary"),
        "runs_wall_s": [r["wall_s"] for r in runs],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, exc.read().decode("utf-8", "replace")
        except OSError:
            return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


def stop_server(proc: subprocess.Popen) -> None:
    """Ctrl-C first (docket removes its temp folder), then SIGTERM, then SIGKILL to its group."""
    for sig, wait in ((signal.SIGINT, 10), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    try:  # anything left in the group (a Pagefind child, say)
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def tail(path: Path, chars: int = 3000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-chars:]
    except OSError:
        return ""


def serve_edits(site: Path, letter_id: str, edits: int, search: bool, workdir: Path, log_path: Path) -> dict:
    """Milliseconds from saving a one-letter edit to the served page containing it: edits
    of the letter's text, then of its front-matter (a new ``date_note``), each of which
    rebuilds the site; the next edit waits until that rebuild has ended."""
    tmp = workdir / "serve-tmp"
    rmtree(tmp)
    clean_cache(site)  # the first build under serve is cold too
    tmp.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}/letters/{letter_id}/"
    path = site / "content" / "letters" / f"{letter_id}.md"
    original = path.read_bytes()
    cmd = docket_command() + ["serve", "--site", str(site), "--port", str(port)]
    if not search:
        cmd.append("--no-search")
    env = dict(DOCKET_ENV, TMPDIR=str(tmp))  # the served build lands on the same tmpfs
    latencies: dict[str, list[float]] = {"text": [], "front_matter": []}
    failure: str | None = None
    with open(log_path, "wb") as logf:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()

        def alive() -> None:
            if proc.poll() is not None:
                raise RuntimeError(f"docket serve exited {proc.returncode}:\n{tail(log_path)}")

        def served(word: str, saved: float) -> str | None:
            """Wait until the page holds ``word``; docket's error page instead, if the rebuild failed."""
            while True:
                status, body = fetch(url, timeout=600)
                if status == 200 and word in body:
                    return None
                if status == 500:  # docket's error page: the rebuild failed
                    problems = re.findall(r"<pre>(.*?)</pre>", body, re.S)
                    return html.unescape(problems[0] if problems else body[:500]).strip()
                if time.perf_counter() - saved > 1800:
                    raise RuntimeError(f"an edit never reached {url}:\n{tail(log_path)}")
                alive()
                time.sleep(POLL_INTERVAL)

        try:
            while True:  # the first build, until the page is served
                alive()
                status, body = fetch(url, timeout=600)
                if status == 200:
                    break
                if status == 500 or time.perf_counter() - start > 1800:
                    raise RuntimeError(f"docket serve's first build failed ({status}):\n{tail(log_path)}")
                time.sleep(0.05)
            first_page = time.perf_counter() - start
            time.sleep(2.0)  # let livereload's watcher take its first look at the files
            for kind in ("text", "front_matter"):
                for k in range(edits):
                    word = f"benchedit{os.getpid()}x{kind[0]}{k}q{int(time.time() * 1000) % 100000}"
                    builds = builds_logged(log_path)
                    edited = with_word_in_text(original, word) if kind == "text" else with_date_note(original, word)
                    path.write_bytes(edited)
                    saved = time.perf_counter()
                    failure = served(word, saved)
                    if failure is not None:
                        log(f"  {kind} edit {k + 1}/{edits}: the rebuild FAILED after {time.perf_counter() - saved:.2f} s: {failure}")
                        break
                    latencies[kind].append((time.perf_counter() - saved) * 1000)
                    log(f"  {kind.replace('_', '-')} edit {k + 1}/{edits}: {latencies[kind][-1]:.0f} ms")
                    while kind == "front_matter" and builds_logged(log_path) <= builds:
                        alive()  # the rest of the rebuild, before the next edit
                        time.sleep(0.1)
                    time.sleep(1.0)
                if failure is not None:
                    break
        finally:
            peak = sampler.stop()
            stop_server(proc)
            path.write_bytes(original)
            rmtree(tmp)
    ok = failure is None
    return {"median_ms": median(latencies["text"]) if ok else None, "edits_ms": latencies["text"],
            "front_matter_median_ms": median(latencies["front_matter"]) if ok else None,
            "front_matter_edits_ms": latencies["front_matter"],
            "first_page_s": first_page, "peak_mib": peak / MIB, "failed": failure}


def builds_logged(log_path: Path) -> int:
    """How many full builds docket serve has reported so far."""
    return log_path.read_text(encoding="utf-8", errors="replace").count("\nBuilt ")


def with_word_in_text(letter: bytes, word: str) -> bytes:
    """The letter with a paragraph holding ``word`` at the end of its text."""
    return letter + f"\n\n{word}\n".encode()


def with_date_note(letter: bytes, word: str) -> bytes:
    """The letter with a ``date_note`` holding ``word`` in its front-matter (in place of
    one it has): an edit only a full build can show."""
    text = letter.decode("utf-8")
    head, close, body = text.partition("\n---\n")
    lines = [line for line in head.split("\n") if not line.startswith("date_note:")]
    return ("\n".join(lines) + f"\ndate_note: {word}" + close + body).encode("utf-8")


def edit_target(site: Path) -> str:
    """A letter with a full text, from the middle of the archive (deterministic)."""
    letters = sorted((site / "content" / "letters").glob("*.md"))
    for path in letters[len(letters) // 2:] + letters[:len(letters) // 2]:
        if "\ntext: full\n" in path.read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n":
            return path.stem
    return letters[len(letters) // 2].stem


# --------------------------------------------------------------------------- Hugo

XREF = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "en"
title = "Synthetic letters"
disableKinds = ["rss", "sitemap", "robotsTXT"]

[taxonomies]
  person = "people"
"""
HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>'
FOOT = "</main></body></html>\n"
HUGO_LAYOUTS = {
    "single.html": HEAD + "<h1>{{ .Title }}</h1>\n{{ .Content }}\n" + FOOT,
    "list.html": HEAD + '<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n{{ end }}</ul>\n' + FOOT,
    "terms.html": HEAD + '<h1>{{ .Title }}</h1>\n<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>\n{{ end }}</ul>\n' + FOOT,
    "taxonomy.html": HEAD + '<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n{{ end }}</ul>\n' + FOOT,
}

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return yaml.load(text[4:], Loader=_Loader) or {}, ""
    return yaml.load(text[4:end], Loader=_Loader) or {}, text[end + 5:]


def as_list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def write_hugo_site(site: Path, hugo_dir: Path) -> int:
    """A minimal Hugo site of the same letters: a page per letter, a person taxonomy."""
    rmtree(hugo_dir)
    (hugo_dir / "content" / "letters").mkdir(parents=True)
    (hugo_dir / "layouts" / "_default").mkdir(parents=True)
    (hugo_dir / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (hugo_dir / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    names: dict[str, str] = {}
    for folder in ("people", "organizations"):
        for path in sorted((site / "content" / folder).glob("*.md")):
            fm, _ = split_front_matter(path.read_text(encoding="utf-8"))
            names[path.stem] = str(fm.get("name", path.stem))
    count = 0
    for path in sorted((site / "content" / "letters").glob("*.md")):
        fm, body = split_front_matter(path.read_text(encoding="utf-8"))
        senders, recipients = as_list(fm.get("senders")), as_list(fm.get("recipients"))
        title = fm.get("title") or (" and ".join(names.get(s, s) for s in senders) + " to "
                                    + ", ".join(names.get(r, r) for r in recipients))
        lines = ["---", f"title: {json.dumps(str(title), ensure_ascii=False)}"]
        date = str(fm.get("date") or "")
        if ISO_DAY.match(date):
            lines.append(f"date: {date[:10]}")
        people = list(dict.fromkeys(senders + recipients))
        lines.append(f"people: {json.dumps(people)}")
        lines.append("---")
        body = XREF.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(1), body)
        (hugo_dir / "content" / "letters" / path.name).write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
        count += 1
    return count


def count_html(root: Path) -> int:
    return sum(1 for p in root.rglob("*.html") if "pagefind" not in p.relative_to(root).parts)


def hugo_build(hugo_dir: Path, out: Path) -> dict:
    cache = hugo_dir.parent / "hugo-cache"
    for path in (out, hugo_dir / "resources", cache):
        rmtree(path)
    env = dict(os.environ, HUGO_CACHEDIR=str(cache))
    run = measure([HUGO, "--quiet", "--source", str(hugo_dir), "--destination", str(out)], env=env)
    return {"wall_s": run.wall, "peak_mib": run.peak_mib, "maxrss_mib": run.maxrss_mib,
            "other_cpu_share": run.other_cpu_share, "pages": count_html(out), "size_bytes": du_bytes(out)}


def pagefind_binary() -> str:
    return subprocess.run([sys.executable, "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"],
                          check=True, capture_output=True, text=True).stdout.strip()


def pagefind_cli(binary: str, out: Path) -> dict:
    rmtree(out / "pagefind")
    run = measure([binary, "--site", str(out)])
    m = PAGEFIND_PAGES.search(run.stdout + run.stderr)
    return {"wall_s": run.wall, "peak_mib": run.peak_mib, "maxrss_mib": run.maxrss_mib,
            "other_cpu_share": run.other_cpu_share, "pages": int(m.group(1).replace(",", "")) if m else None,
            "size_bytes": du_bytes(out / "pagefind")}


# --------------------------------------------------------------------------- one N


def bench_one(n: int, args: argparse.Namespace, workdir: Path) -> dict:
    base = workdir / f"n{n}"
    rmtree(base)
    base.mkdir(parents=True)
    site = base / "site"
    log(f"N={n}: writing the archive")
    subprocess.run([sys.executable, str(MAKE_ARCHIVE), str(n), str(site)], check=True, capture_output=True)
    result: dict = {"letters_requested": n, "load_before": os.getloadavg()}
    out = base / "docket-out"
    hugo_dir, hugo_out = base / "hugo-site", base / "hugo-out"
    if not args.skip_hugo:
        log(f"N={n}: writing the Hugo site")
        result["hugo_letters"] = write_hugo_site(site, hugo_dir)
        binary = pagefind_binary()

    # One repeat measures everything once, back to back, so that each ratio compares
    # figures taken within a minute or so of each other on the same (shared) machine.
    cold_ns, second_ns, cold_s, second_s, size_ns, size_s = [], [], [], [], [], []
    hugo_runs, pf_runs, ratio_runs = [], [], []
    for k in range(args.repeat):
        log(f"N={n}: docket build --no-search, cold + second ({k + 1}/{args.repeat})")
        c, s, size = docket_builds(site, out, search=False)
        cold_ns.append(c)
        second_ns.append(s)
        size_ns.append(size)
        log(f"  cold {c['wall_s']:.2f} s, second {s['wall_s']:.2f} s, peak {c['peak_mib']:.0f} MiB, other CPU {c['other_cpu_share']:.0%}")
        log(f"N={n}: docket build with search, cold + second ({k + 1}/{args.repeat})")
        c, s, size = docket_builds(site, out, search=True)
        cold_s.append(c)
        second_s.append(s)
        size_s.append(size)
        log(f"  cold {c['wall_s']:.2f} s, second {s['wall_s']:.2f} s, peak {c['peak_mib']:.0f} MiB, other CPU {c['other_cpu_share']:.0%}")
        if not args.skip_hugo:
            log(f"N={n}: hugo cold + pagefind CLI ({k + 1}/{args.repeat})")
            hugo_runs.append(hugo_build(hugo_dir, hugo_out))
            pf_runs.append(pagefind_cli(binary, hugo_out) if n <= args.large else {"wall_s": float("nan"), "peak_mib": float("nan"), "maxrss_mib": float("nan"), "other_cpu_share": float("nan"), "pages": None, "size_bytes": 0, "skipped": "too large for one Pagefind index"})
            rmtree(hugo_out)
            h, pf = hugo_runs[-1]["wall_s"], pf_runs[-1]["wall_s"]
            log(f"  hugo {h:.2f} s, pagefind {pf:.2f} s, other CPU {hugo_runs[-1]['other_cpu_share']:.0%}")
            ratio_runs.append({
                "cold_no_search_over_hugo": cold_ns[-1]["wall_s"] / h,
                "cold_search_over_hugo_plus_pagefind": cold_s[-1]["wall_s"] / (h + pf),
                "second_no_search_over_hugo": second_ns[-1]["wall_s"] / h,
                "second_search_over_hugo": second_s[-1]["wall_s"] / h,
            })
    log(f"N={n}: docket cold builds, untimed, for their peak PSS")
    pss_ns = docket_pss(site, out, search=False)
    pss_s = docket_pss(site, out, search=True)
    log(f"  peak PSS {pss_ns:.0f} MiB without search, {pss_s:.0f} MiB with search")
    result["docket"] = {
        "peak_pss_no_search_mib": pss_ns,
        "peak_pss_search_mib": pss_s,
        "cold_no_search": median_build(cold_ns),
        "second_no_search": median_build(second_ns),
        "cold_search": median_build(cold_s),
        "second_search": median_build(second_s),
        "size_no_search_bytes": int(median(size_ns)),
        "size_search_bytes": int(median(size_s)),
    }
    d = result["docket"]
    result["letters"] = d["cold_no_search"]["letters"]
    result["pages"] = d["cold_no_search"]["pages"]
    result["pages_per_s"] = result["pages"] / d["cold_no_search"]["wall_s"]
    result["pages_per_s_search"] = result["pages"] / d["cold_search"]["wall_s"]
    if not args.skip_hugo:
        log(f"N={n}: hugo, untimed, for its peak PSS")
        rmtree(hugo_out)
        result["hugo_peak_pss_mib"] = measure([HUGO, "--quiet", "--source", str(hugo_dir), "--destination", str(hugo_out)],
                                              env=dict(os.environ, HUGO_CACHEDIR=str(base / "hugo-cache")), pss=True).peak_mib
        rmtree(hugo_out)
        for key, runs in (("hugo", hugo_runs), ("pagefind_cli", pf_runs)):
            result[key] = {
                "wall_s": median([r["wall_s"] for r in runs]),
                "peak_mib": median([r["peak_mib"] for r in runs]),
                "maxrss_mib": median([r["maxrss_mib"] for r in runs]),
                "other_cpu_share": median([r["other_cpu_share"] for r in runs]),
                "pages": runs[0]["pages"],
                "size_bytes": runs[0]["size_bytes"],
                "runs_wall_s": [r["wall_s"] for r in runs],
            }
        result["hugo"]["pages_per_s"] = result["hugo"]["pages"] / result["hugo"]["wall_s"]
        # the median of the ratios of each repeat (each taken back to back)
        result["ratios"] = {key: median([r[key] for r in ratio_runs]) for key in ratio_runs[0]}
        result["ratio_runs"] = ratio_runs

    if not args.skip_serve and n <= args.large:
        edits = args.edits or (5 if n < 5000 else 3)
        letter = edit_target(site)
        result["serve"] = {"letter": letter, "edits": edits}
        for search in (False, True):
            key = "search" if search else "no_search"
            log(f"N={n}: docket serve{'' if search else ' --no-search'}, {edits} edits of {letter}")
            try:
                result["serve"][key] = serve_edits(site, letter, edits, search, base, base / f"serve-{key}.log")
            except RuntimeError as exc:  # the server died or never served: a result too
                lines = [line for line in str(exc).splitlines() if line.strip()]
                reason = lines[0].rstrip(":") + (f" ({lines[-1].strip()})" if len(lines) > 1 else "")
                log(f"  FAILED: {reason}")
                result["serve"][key] = {"median_ms": None, "edits_ms": [], "failed": reason, "log_tail": str(exc)}
                continue
            if result["serve"][key]["median_ms"] is not None:
                log(f"  median {result['serve'][key]['median_ms']:.0f} ms, front-matter {result['serve'][key]['front_matter_median_ms']:.0f} ms")
    result["load_after"] = os.getloadavg()

    if not args.keep:
        rmtree(base)
    return result


# --------------------------------------------------------------------------- report


def fmt_s(x) -> str:
    return "–" if x is None else f"{x:.2f}"


def fmt_ms(x) -> str:
    return "–" if x is None else f"{x:,.0f}"


def fmt_mib(x) -> str:
    return "–" if x is None else f"{x:,.0f}"


def fmt_ratio(x) -> str:
    return "–" if x is None else f"{x:.2f}×"


def fmt_mb(b) -> str:
    return "–" if b is None else f"{b / 1e6:,.1f}"


def get(d: dict, *keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def serve_cell(r: dict, key: str, figure: str = "median_ms") -> str:
    if get(r, "serve", key, "failed"):
        return "rebuild failed"
    return fmt_ms(get(r, "serve", key, figure))


def table(results: list[dict]) -> str:
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, fn) -> None:
        rows.append((label, [fn(r) for r in results]))

    row("letters / docket pages", lambda r: f"{r['letters']:,} / {r['pages']:,}")
    row("docket cold build, no search (s)", lambda r: fmt_s(get(r, "docket", "cold_no_search", "wall_s")))
    row("docket cold build, with search (s)", lambda r: fmt_s(get(r, "docket", "cold_search", "wall_s")))
    row("docket second build, no search (s)", lambda r: fmt_s(get(r, "docket", "second_no_search", "wall_s")))
    row("docket second build, with search (s)", lambda r: fmt_s(get(r, "docket", "second_search", "wall_s")))
    row("serve: edit → page served, no search (ms, median)", lambda r: serve_cell(r, "no_search"))
    row("serve: edit → page served, with search (ms, median)", lambda r: serve_cell(r, "search"))
    row("serve: front-matter edit → page served, no search / with search (ms, median)",
        lambda r: f"{serve_cell(r, 'no_search', 'front_matter_median_ms')} / {serve_cell(r, 'search', 'front_matter_median_ms')}")
    row("serve: peak MiB of the server's tree (RSS sum), no search / with search",
        lambda r: f"{fmt_mib(get(r, 'serve', 'no_search', 'peak_mib'))} / {fmt_mib(get(r, 'serve', 'search', 'peak_mib'))}")
    stages = ["load", "validate", "link", "render", "write", "search"]  # pipeline order, then any others
    for r in results:
        for s in list(get(r, "docket", "cold_search", "stages_s") or {}) + list(get(r, "docket", "cold_no_search", "stages_s") or {}):
            if s not in stages:
                stages.append(s)
    present = {s for r in results for key in ("cold_no_search", "cold_search") for s in get(r, "docket", key, "stages_s") or {}}
    for s in [s for s in stages if s in present]:
        row(f"  stage {s}, cold no search / with search (s)",
            lambda r, s=s: f"{fmt_s(get(r, 'docket', 'cold_no_search', 'stages_s', s))} / "
                           f"{fmt_s(get(r, 'docket', 'cold_search', 'stages_s', s))}")
    row("docket peak MiB, no search (tree PSS / tree RSS / largest process)",
        lambda r: f"{fmt_mib(get(r, 'docket', 'peak_pss_no_search_mib'))} / {fmt_mib(get(r, 'docket', 'cold_no_search', 'peak_mib'))} / {fmt_mib(get(r, 'docket', 'cold_no_search', 'maxrss_mib'))}")
    row("docket peak MiB, with search (tree PSS / tree RSS / largest process)",
        lambda r: f"{fmt_mib(get(r, 'docket', 'peak_pss_search_mib'))} / {fmt_mib(get(r, 'docket', 'cold_search', 'peak_mib'))} / {fmt_mib(get(r, 'docket', 'cold_search', 'maxrss_mib'))}")
    row("docket pages per second, cold no search / with search",
        lambda r: f"{r['pages_per_s']:,.0f} / {r['pages_per_s_search']:,.0f}")
    row("docket output MB, no search / with search",
        lambda r: f"{fmt_mb(get(r, 'docket', 'size_no_search_bytes'))} / {fmt_mb(get(r, 'docket', 'size_search_bytes'))}")
    row("hugo cold build (s)", lambda r: fmt_s(get(r, "hugo", "wall_s")))
    row("hugo pages / pages per second",
        lambda r: "–" if "hugo" not in r else f"{r['hugo']['pages']:,} / {r['hugo']['pages_per_s']:,.0f}")
    row("hugo peak MiB (PSS / RSS / largest process)",
        lambda r: f"{fmt_mib(get(r, 'hugo_peak_pss_mib'))} / {fmt_mib(get(r, 'hugo', 'peak_mib'))} / {fmt_mib(get(r, 'hugo', 'maxrss_mib'))}")
    row("hugo output MB", lambda r: fmt_mb(get(r, "hugo", "size_bytes")))
    row("pagefind CLI over hugo's output (s)", lambda r: fmt_s(get(r, "pagefind_cli", "wall_s")))
    row("pagefind CLI peak MiB / index MB",
        lambda r: f"{fmt_mib(get(r, 'pagefind_cli', 'peak_mib'))} / {fmt_mb(get(r, 'pagefind_cli', 'size_bytes'))}")
    row("CPU used by other processes meanwhile: docket cold no search / with search / hugo (% of all cores)",
        lambda r: " / ".join("–" if v is None else f"{100 * v:.0f}" for v in (
            get(r, "docket", "cold_no_search", "other_cpu_share"), get(r, "docket", "cold_search", "other_cpu_share"),
            get(r, "hugo", "other_cpu_share"))))
    row("**ratio** docket cold no search / hugo", lambda r: fmt_ratio(get(r, "ratios", "cold_no_search_over_hugo")))
    row("**ratio** docket with search / (hugo + pagefind CLI)", lambda r: fmt_ratio(get(r, "ratios", "cold_search_over_hugo_plus_pagefind")))
    row("**ratio** docket second build no search / hugo cold", lambda r: fmt_ratio(get(r, "ratios", "second_no_search_over_hugo")))
    row("**ratio** docket second build with search / hugo cold", lambda r: fmt_ratio(get(r, "ratios", "second_search_over_hugo")))

    header = "| | " + " | ".join(f"N = {r['letters_requested']:,}" for r in results) + " |"
    lines = [header, "|---|" + "---:|" * len(results)]
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
    return "\n".join(lines)


def bars(r: dict) -> list[dict]:
    def bar(name: str, value, limit: float, unit: str, failed: str | None = None) -> dict:
        value = None if isinstance(value, float) and math.isnan(value) else value  # not measured
        ok = False if failed else None if value is None else value <= limit if unit == "×" else value < limit
        return {"bar": name, "value": value, "limit": limit, "unit": unit, "failed": failed,
                "result": "n/a" if ok is None else "PASS" if ok else "FAIL"}

    return [
        bar(f"cold build without search ≤ {BAR_COLD}× hugo", get(r, "ratios", "cold_no_search_over_hugo"), BAR_COLD, "×"),
        bar(f"cold build with search ≤ {BAR_SEARCH}× (hugo + pagefind CLI)", get(r, "ratios", "cold_search_over_hugo_plus_pagefind"), BAR_SEARCH, "×"),
        bar(f"second build (no search) ≤ {BAR_SECOND}× hugo cold", get(r, "ratios", "second_no_search_over_hugo"), BAR_SECOND, "×"),
        bar(f"second build (with search) ≤ {BAR_SECOND}× hugo cold", get(r, "ratios", "second_search_over_hugo"), BAR_SECOND, "×"),
        bar(f"serve edit → page < {BAR_SERVE_MS:.0f} ms (no search)", get(r, "serve", "no_search", "median_ms"), BAR_SERVE_MS, "ms", get(r, "serve", "no_search", "failed")),
        bar(f"serve edit → page < {BAR_SERVE_MS:.0f} ms (with search)", get(r, "serve", "search", "median_ms"), BAR_SERVE_MS, "ms", get(r, "serve", "search", "failed")),
        bar("peak memory without search < 1 GiB (tree PSS)", get(r, "docket", "peak_pss_no_search_mib"), BAR_PEAK_MIB, "MiB"),
        bar("peak memory without search < 1 GiB (tree RSS sum)", get(r, "docket", "cold_no_search", "peak_mib"), BAR_PEAK_MIB, "MiB"),
    ]


def scale_bars(results: list[dict]) -> list[dict]:
    """The bars across sizes: 100,000 letters against 10,000, and its peak memory."""
    by_n = {r["letters_requested"]: r for r in results}
    small, large = by_n.get(10000), by_n.get(100000)
    if not small or not large:
        return []
    found = []
    for label, key in (("with search", "cold_search"), ("without search", "cold_no_search")):
        ratio = get(large, "docket", key, "wall_s") / get(small, "docket", key, "wall_s")
        found.append({"bar": f"cold build {label}: 100,000 / 10,000 letters ≤ 11×", "value": ratio, "limit": BAR_SCALE, "unit": "×",
                      "failed": None, "result": "PASS" if ratio <= BAR_SCALE else "FAIL"})
    peak = get(large, "docket", "peak_pss_search_mib")
    found.append({"bar": "100,000 letters with search: peak < 8 GiB (tree PSS)", "value": peak, "limit": BAR_LARGE_PEAK_MIB, "unit": "MiB",
                  "failed": None, "result": "PASS" if peak < BAR_LARGE_PEAK_MIB else "FAIL"})
    return found


def bars_text(results: list[dict], scale: list[dict] | None = None) -> str:
    lines = []
    for r in results:
        note = "" if r["letters_requested"] == 10000 else " (the bars are set for 10,000 letters)"
        lines.append(f"Bars at N = {r['letters_requested']:,}{note}:")
        for b in r["bars"]:
            value = "rebuild failed: " + b["failed"] if b["failed"] else "–" if b["value"] is None else (f"{b['value']:.2f}×" if b["unit"] == "×" else f"{b['value']:,.0f} {b['unit']}")
            lines.append(f"  {b['result']:<4}  {b['bar']:<52} {value}")
    if scale:
        lines.append("Bars across sizes:")
        for b in scale:
            value = f"{b['value']:.2f}×" if b["unit"] == "×" else f"{b['value']:,.0f} {b['unit']}"
            lines.append(f"  {b['result']:<4}  {b['bar']:<52} {value}")
    return "\n".join(lines)


def version(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unavailable"


def source_state() -> str:
    """HEAD, plus a digest of uncommitted changes under src/ if any: which docket was measured."""
    git = lambda *a: subprocess.run(["git", "-C", str(REPO), *a], capture_output=True, text=True).stdout  # noqa: E731
    head = git("rev-parse", "--short", "HEAD").strip()
    diff = git("diff", "HEAD", "--", "src") + "".join(
        f"{p}\n{(REPO / p).read_text(errors='replace')}" for p in git("ls-files", "--others", "--exclude-standard", "--", "src").split())
    if not diff:
        return head
    import hashlib
    return f"{head}+dirty:{hashlib.sha256(diff.encode()).hexdigest()[:10]}"


def meta(args: argparse.Namespace, workdir: Path) -> dict:
    git = lambda *a: subprocess.run(["git", "-C", str(REPO), *a], capture_output=True, text=True).stdout.strip()  # noqa: E731
    try:
        mem = next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1]
        mem_gib = int(mem) / 1024 / 1024
    except (OSError, StopIteration):
        mem_gib = None
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "host": platform.node(),
        "cpus": os.cpu_count(),
        "affinity_cpus": len(os.sched_getaffinity(0)),
        "cpu_model": next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), None),
        "mem_gib": mem_gib,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "hugo": version([HUGO, "version"]),
        "pagefind": version([pagefind_binary(), "--version"]),
        "repo_head_at_start": git("rev-parse", "--short", "HEAD"),
        "workdir": str(workdir),
        "repeat": args.repeat,
        "peak_memory": "peak_mib = highest sampled sum of RSS over the process tree (every 20 ms); "
                       "peak_pss_*_mib = highest sampled sum of PSS over the tree (every 100 ms, untimed run); "
                       "maxrss_mib = wait4 ru_maxrss, the largest single process",
        "other_cpu_share": "share of all cores used by other processes during a measurement (/proc/stat minus the tree's CPU time)",
        "wall_time": "perf_counter around the child process, including interpreter start-up",
    }


def parse_letters(values: list[str] | None) -> list[int]:
    out: list[int] = []
    for v in values or ["1000"]:
        for part in v.split(","):
            part = part.strip().replace("_", "")
            if part:
                n = int(part)
                if n < 1:
                    raise argparse.ArgumentTypeError(f"--letters must be >= 1, not {n}")
                out.append(n)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--letters", action="append", metavar="N", help="letters in the archive; repeatable or a comma list (default 1000)")
    ap.add_argument("--workdir", type=Path, help="where archives and outputs go (default: a fresh folder under /dev/shm, else the temp dir)")
    ap.add_argument("--json", type=Path, metavar="PATH", help="also write the results as JSON here")
    ap.add_argument("--skip-hugo", action="store_true", help="do not build with Hugo and Pagefind's CLI (no ratios)")
    ap.add_argument("--skip-serve", action="store_true", help="do not measure edits under docket serve")
    ap.add_argument("--repeat", type=int, default=1, metavar="K", help="run each build K times and report the median (default 1)")
    ap.add_argument("--edits", type=int, metavar="E", help="edits per serve session, median reported (default 5 below 5,000 letters, else 3)")
    ap.add_argument("--source", choices=("head", "worktree"), default="head",
                    help="which docket to measure: a snapshot of the last commit (default) or of the working tree's src/")
    ap.add_argument("--keep", action="store_true", help="keep the archives and outputs in the workdir")
    ap.add_argument("--report", type=Path, metavar="JSON", help="print the table and bars of an earlier run's JSON, and stop")
    ap.add_argument("--large", type=int, default=20000, metavar="N",
                    help="above N letters, leave out Pagefind's CLI (one index of 100,000 pages needs ~25 GB) "
                         "and the serve edits (default 20000)")
    args = ap.parse_args(argv)
    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
        for r in report["results"]:
            r["bars"] = bars(r)
        print_report(report)
        return 0
    sizes = parse_letters(args.letters)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if not args.skip_hugo and not Path(HUGO).exists():
        ap.error(f"hugo not found ({HUGO}); install it or pass --skip-hugo")

    made_workdir = args.workdir is None
    if args.workdir is None:
        shm = Path("/dev/shm")
        workdir = Path(tempfile.mkdtemp(prefix="docket-bench-", dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None))
    else:
        workdir = args.workdir.absolute()
        workdir.mkdir(parents=True, exist_ok=True)
    log(f"workdir {workdir}")
    path, state = snapshot_source(args.source, workdir)
    DOCKET_ENV["PYTHONPATH"] = path + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    log(f"measuring docket {state} ({args.source}), copied to {path}")

    report = {"meta": meta(args, workdir), "results": []}
    report["meta"]["docket_measured"] = state
    report["meta"]["docket_source"] = args.source
    if args.source == "worktree":
        report["meta"]["worktree_changes"] = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "src"], capture_output=True, text=True).stdout.splitlines()
    try:
        for n in sizes:
            r = bench_one(n, args, workdir)
            r["bars"] = bars(r)
            report["results"].append(r)
            report["scale_bars"] = scale_bars(report["results"])
            if args.json:  # written after every N, so a long run leaves something behind
                args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    finally:
        if made_workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    print_report(report)
    return 0


def print_report(report: dict) -> None:
    m = report["meta"]
    print(f"docket bench, {m['date']}, {m['cpus']} CPUs ({m['cpu_model']}), {m['hugo']}, {m['pagefind']}, "
          f"docket {m['docket_measured']} ({'last commit' if m.get('docket_source', 'head') == 'head' else 'working tree'}), "
          f"median of {m.get('repeat', 1)}\n")
    print(table(report["results"]))
    print()
    print(bars_text(report["results"], scale_bars(report["results"])))


if __name__ == "__main__":
    sys.exit(main())
