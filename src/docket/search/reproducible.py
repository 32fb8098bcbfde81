"""Make Pagefind's output the same from build to build.

Pagefind writes each filter (sender, year, …) into a chunk whose values come out in the
order of a Rust hash map, seeded afresh in every run; the chunk names are hashes of that
content, and the metadata file lists the chunks, again in hash-map order. So two builds
of the same pages give indexes that search alike but differ in bytes. This module puts
every filter's values and the metadata's filter list in sorted order, renames the chunks
and the metadata file after their new content, and updates the entry file: the same
pages then give the same bytes.

Pagefind's files are gzip'd CBOR behind a ``pagefind_dcd`` signature. The small CBOR
codec here reads and writes exactly the subset Pagefind uses, and every file is checked
to re-encode to its original bytes before anything is changed: a future Pagefind that
writes something else is left untouched rather than corrupted.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


class Unsupported(Exception):
    """A file this module does not understand; the index is then left as Pagefind wrote it."""


def _decode(data: bytes, at: int = 0) -> tuple[Any, int]:
    head = data[at]
    major, info = head >> 5, head & 0x1F
    at += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise Unsupported(f"CBOR item {head:#x}")
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major == 2:
        return bytes(data[at : at + value]), at + value
    if major == 3:
        return data[at : at + value].decode("utf-8"), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(value):
            key, at = _decode(data, at)
            item, at = _decode(data, at)
            pairs.append((key, item))
        return _Map(pairs), at
    raise Unsupported(f"CBOR major type {major}")


class _Map(list):
    """A CBOR map kept as its ordered (key, value) pairs."""


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise Unsupported("integer too large")


def _encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise Unsupported("CBOR simple values")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, _Map):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value)
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    raise Unsupported(type(value).__name__)


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise Unsupported(f"{path.name} has no Pagefind signature")
    body = raw[len(SIGNATURE) :]
    value, end = _decode(body)
    if end != len(body) or _encode(value) != body:
        raise Unsupported(f"{path.name} does not round-trip")
    return value


def _write(path: Path, value: Any) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + _encode(value), compresslevel=9, mtime=0))


def _digest(value: Any, length: int) -> str:
    return hashlib.sha256(_encode(value)).hexdigest()[:length]


def stabilise(index_dir: Path) -> bool:
    """Rewrite the index in ``index_dir`` in a canonical order. False if left untouched."""
    entry_path = index_dir / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        plans = [_plan(index_dir, code, language) for code, language in sorted(entry["languages"].items())]
    except (Unsupported, OSError, KeyError, ValueError, IndexError, struct.error):
        return False
    for code, meta_path, meta, renames in plans:
        for old, (new, value) in renames.items():
            (index_dir / "filter" / f"{old}.pf_filter").unlink()
            _write(index_dir / "filter" / f"{new}.pf_filter", value)
        new_hash = f"{code}_{_digest(meta, 10)}"
        meta_path.unlink()
        _write(index_dir / f"pagefind.{new_hash}.pf_meta", meta)
        entry["languages"][code]["hash"] = new_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def _plan(index_dir: Path, code: str, language: dict) -> tuple[str, Path, Any, dict[str, tuple[str, Any]]]:
    """Decode one language's metadata and filters, sorted; nothing is written yet."""
    meta_path = index_dir / f"pagefind.{language['hash']}.pf_meta"
    meta = _read(meta_path)
    renames: dict[str, tuple[str, Any]] = {}
    for position, part in enumerate(meta):
        if not _is_filter_list(part, index_dir):
            continue
        for pair in part:
            name, old = pair
            chunk = _read(index_dir / "filter" / f"{old}.pf_filter")
            chunk[1].sort(key=lambda item: item[0].encode("utf-8") if isinstance(item[0], str) else item[0])
            new = f"{code}_{_digest(chunk, 7)}"
            renames[old] = (new, chunk)
            pair[1] = new
        part.sort(key=lambda pair: pair[0])
        meta[position] = part
    return code, meta_path, meta, renames


def _is_filter_list(part: Any, index_dir: Path) -> bool:
    return (
        isinstance(part, list)
        and not isinstance(part, _Map)
        and bool(part)
        and all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in part)
        and all((index_dir / "filter" / f"{p[1]}.pf_filter").is_file() for p in part)
    )
