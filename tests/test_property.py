"""Whatever an editor writes, the build ends in a site or in reported problems.

Hypothesis throws generated front-matter and Markdown at the loader and at the full
build: no exception may escape, and nothing may be written outside the output folder.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from conftest import PEOPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docket.archive.load import read_document
from docket.engine.build import build, check
from docket.errors import BuildFailed, Problems

FIELDS = ["title", "date", "senders", "recipients", "text", "source", "mentions", "in_reply_to", "cites", "kind", "language", "note", "place_sent", "extra"]
IDS = ["ali-khamenei", "ismail-haniyeh", "gaza-strip", "a", "../../etc/passwd", "x" * 120, "Ali", ""]
scalar = st.one_of(
    st.sampled_from(IDS + ["full", "mentioned", "2021-05-22", "2023-02-30", "202X", "2021/..", "no", "12:30", "javascript:alert(1)", "https://example.org/"]),
    st.text(max_size=20),
)
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(FIELDS + ["title", "url", "work", "people"]), inner, max_size=3)), max_leaves=8)
yaml_noise = st.sampled_from(["", "&a x", "*a", "!!python/object:os.system", "[unclosed", "{a: 1", "\t- tab", "key: value: more", "- list", "'", "\"", "|", "? complex"])
markdown = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(["[[ali-khamenei]]", "[[nobody|x]]", "[[a#fn1]]", "<script>alert(1)</script>", "[x](javascript:alert(1))", "[^1]", "[^1]: note", "# Heading", "```\ncode", "\n\n", "text", "![i](data:text/html,x)"]), max_size=8).map("".join),
)


def front_matter(fields: dict) -> str:
    import json

    return "\n".join(f"{key}: {json.dumps(val, ensure_ascii=False)}" for key, val in fields.items())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS), value, max_size=8), yaml_noise, markdown, st.binary(max_size=40))
def test_loader_never_raises(fields, noise, body, raw):
    for text in (f"---\n{front_matter(fields)}\n{noise}\n---\n{body}", f"---\n{noise}\n{body}", ""):
        problems = Problems()
        read_document("content/letters/a.md", text.encode("utf-8", "surrogatepass"), problems)
    read_document("content/letters/a.md", b"---\n" + raw + b"\n---\n", Problems())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.dictionaries(st.sampled_from(FIELDS), value, max_size=8), markdown), min_size=1, max_size=3))
def test_build_ends_in_a_site_or_in_reported_problems(letters):
    root = Path(tempfile.mkdtemp(prefix="docket-property-"))
    try:
        site = root / "src"
        for rel, text in PEOPLE.items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_text(text, encoding="utf-8")
        for index, (fields, body) in enumerate(letters):
            path = site / "content" / "letters" / f"l{index}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"---\n{front_matter(fields)}\n---\n{body}\n", encoding="utf-8", errors="surrogatepass")
        before = sorted(p.relative_to(root) for p in root.rglob("*"))
        output = site / "site"
        try:
            build(site, output, search=False)
        except BuildFailed as failure:
            assert failure.problems.errors
            assert all(p.path for p in failure.problems.items)
            assert not output.exists()
        else:
            assert not check(site).problems.errors
        cache = site / ".docket-cache"  # the build's own, kept even when it fails
        after = sorted(p.relative_to(root) for p in root.rglob("*") if not p.is_relative_to(output) and not p.is_relative_to(cache))
        assert after == before, "the build wrote outside its output folder and its cache"
    finally:
        shutil.rmtree(root)
