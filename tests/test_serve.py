"""docket serve, as an editor uses it: a real server, real file edits, real HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from docket.commands.scaffold import init_site

LETTER = "content/letters/1890-07-23-ada-to-ben.md"
PAGE = "/letters/1890-07-23-ada-to-ben/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(condition, seconds: float = 15.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = condition()
        except (ConnectionError, urllib.error.URLError, OSError):
            result = None
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("the served site never showed the change")


def start_serving(tmp_path: Path, *options: str):
    site = tmp_path / "site-src"
    init_site(site)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "docket.commands.cli", "serve", "--site", str(site), "--port", str(port), *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    return site, port, process


@pytest.fixture
def served(tmp_path: Path):
    site, port, process = start_serving(tmp_path, "--no-search")
    try:
        wait_for(lambda: fetch(port, PAGE)[0] == 200)
        yield site, port, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_rebuilds_on_edit_shows_errors_and_recovers(served):
    site, port, process = served
    letter = site / LETTER
    original = letter.read_text()

    letter.write_text(original.replace("I arrived safely", "I arrived, tired but safely"))
    wait_for(lambda: "tired but safely" in fetch(port, PAGE)[1])

    letter.write_text(original.replace("senders: [ada-example]", "senders: [ada-exampel]"))
    status, body = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(fetch(port, PAGE)))
    assert "senders: unknown person or organization &#x27;ada-exampel&#x27;" in body
    assert "did you mean &#x27;ada-example&#x27;?" in body
    assert fetch(port, "/assets/style.css")[0] == 200
    assert process.poll() is None

    letter.write_text(original)
    status, body = wait_for(lambda: (lambda r: r if r[0] == 200 else None)(fetch(port, PAGE)))
    assert "I arrived safely" in body
    assert not (site / "site").exists(), "serve builds into a temporary folder, not site/"


def test_serve_picks_up_template_overrides(served):
    site, port, process = served
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "404.html").write_text('{% extends "base.html" %}{% block main %}<h1>Custom not found</h1>{% endblock %}')
    wait_for(lambda: "Custom not found" in fetch(port, "/404.html")[1])


def test_serve_survives_broken_yaml_and_broken_templates(served):
    site, port, process = served
    letter = site / LETTER
    original = letter.read_text()
    letter.write_text(original.replace("text: full", "text: [full"))
    status, body = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(fetch(port, PAGE)))
    assert "YAML syntax error" in body
    letter.write_text(original)
    wait_for(lambda: fetch(port, PAGE)[0] == 200)

    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "letter.html").write_text("{% extends 'base.html' %}{% block main %}{{ letter.title }\n{% endblock %}")
    status, body = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(fetch(port, PAGE)))
    assert "templates/letter.html:1: template error:" in body
    (site / "templates" / "letter.html").unlink()
    wait_for(lambda: fetch(port, PAGE)[0] == 200)
    assert process.poll() is None


def test_serve_with_search_updates_the_index_after_an_edit(tmp_path):
    site, port, process = start_serving(tmp_path)
    try:
        wait_for(lambda: fetch(port, PAGE)[0] == 200)
        entry = wait_for(lambda: (lambda r: r[1] if r[0] == 200 else None)(fetch(port, "/pagefind/pagefind-entry.json")))
        letter = site / LETTER
        letter.write_text(letter.read_text().replace("I arrived safely", "I arrived quixotically safely"))
        wait_for(lambda: "quixotically" in fetch(port, PAGE)[1])
        wait_for(lambda: (lambda r: r[0] == 200 and r[1] != entry)(fetch(port, "/pagefind/pagefind-entry.json")), seconds=30)
        assert process.poll() is None
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert "Search index updated" in output
    assert "Traceback" not in output and "Pagefind failed" not in output
