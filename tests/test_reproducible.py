"""Putting Pagefind's index in canonical order, and leaving alone what it doesn't know."""

from __future__ import annotations

import gzip
import json

from docket.search.reproducible import SIGNATURE, _decode, _encode, stabilise


def test_cbor_round_trip_of_the_subset_pagefind_uses():
    samples = [0, 23, 24, 255, 256, 70000, 2**40, -1, -500, "", "Ziyad al-Nakhalah", "زياد", b"\x00\x01", [], [1, ["a", [2, 3]]]]
    for value in samples:
        encoded = _encode(value)
        assert _decode(encoded) == (value, len(encoded))


def test_filter_values_are_sorted_and_chunks_renamed(tmp_path):
    index = tmp_path / "pagefind"
    (index / "filter").mkdir(parents=True)
    chunk = ["sender", [["Ziyad", [1, 2]], ["Ali", [0]]]]
    (index / "filter" / "en_1111111.pf_filter").write_bytes(gzip.compress(SIGNATURE + _encode(chunk)))
    meta = ["1.5.2", [["sender", "en_1111111"]]]
    (index / "pagefind.en_aaaaaaaaaa.pf_meta").write_bytes(gzip.compress(SIGNATURE + _encode(meta)))
    (index / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2", "languages": {"en": {"hash": "en_aaaaaaaaaa", "page_count": 3}}}))

    assert stabilise(index) is True
    entry = json.loads((index / "pagefind-entry.json").read_text())
    meta_file = index / f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    new_meta, _ = _decode(gzip.decompress(meta_file.read_bytes())[len(SIGNATURE):])
    [[name, chunk_name]] = new_meta[1]
    new_chunk, _ = _decode(gzip.decompress((index / "filter" / f"{chunk_name}.pf_filter").read_bytes())[len(SIGNATURE):])
    assert new_chunk == ["sender", [["Ali", [0]], ["Ziyad", [1, 2]]]]
    assert sorted(p.name for p in (index / "filter").iterdir()) == [f"{chunk_name}.pf_filter"]


def test_an_unknown_format_is_left_untouched(tmp_path):
    index = tmp_path / "pagefind"
    index.mkdir()
    (index / "pagefind.en_aaaaaaaaaa.pf_meta").write_bytes(gzip.compress(b"something else entirely"))
    entry = json.dumps({"languages": {"en": {"hash": "en_aaaaaaaaaa", "page_count": 1}}})
    (index / "pagefind-entry.json").write_text(entry)
    before = {p.name: p.read_bytes() for p in index.iterdir()}
    assert stabilise(index) is False
    assert {p.name: p.read_bytes() for p in index.iterdir()} == before
