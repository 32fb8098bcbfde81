#!/usr/bin/env python3
"""Every runtime dependency must install on CPython 3.11 to 3.14 without a compiler.

Resolves ``[project].dependencies`` of pyproject.toml, with everything they pull in, for
each of those Pythons on this platform, taking wheels only (``pip download
--only-binary=:all: --python-version X``). A package that has no wheel there would be
built from source on a user's machine, which needs a compiler: it is named, and the
script exits 1. Needs the package index (CI has it).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

PYTHONS = ("3.11", "3.12", "3.13", "3.14")
UNMET = re.compile(r"(?:No matching distribution found for|Could not find a version that satisfies the requirement) ([^\s(]+)")


def main() -> int:
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    dependencies = project["project"]["dependencies"]
    failed = 0
    for version in PYTHONS:
        with tempfile.TemporaryDirectory() as folder:
            command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--only-binary=:all:", "--python-version", version, "--dest", folder, *dependencies]
            done = subprocess.run(command, capture_output=True, text=True)
            wheels = sorted(path.name for path in Path(folder).iterdir())
        if done.returncode == 0:
            print(f"CPython {version}: {len(wheels)} wheels, no compiler needed")
            continue
        failed += 1
        unmet = sorted(set(UNMET.findall(done.stderr))) or ["(see pip's output below)"]
        print(f"CPython {version}: no wheel for {', '.join(unmet)}: a user would need a compiler", file=sys.stderr)
        print(done.stderr.strip(), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
