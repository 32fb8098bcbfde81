"""What a build keeps between runs, outside ``site/``: parsed documents and a fingerprint.

Parsed documents are keyed by the content of their file (a SHA-1 of its bytes). A file
whose size, modification time and change time are all as recorded is taken to be
unchanged without being read again — the same shortcut git's index takes; the change
time cannot be set back by ordinary tools, so an edit always shows. The fingerprint is a
digest of every input of a build (content, templates, settings, options, docket's
version): when it matches the last successful build's and that build's output is still
in place, there is nothing to do. A letter's document holds the entities' names found in
it, so the cache also keeps the names they were looked for: when those change, a letter
whose names found could differ is read again (``archive/names.py``). All are only as
good as the code that made them, so all are keyed by docket's own files and the versions
of the libraries whose output a build keeps (:func:`code_identity`): a changed docket
starts afresh.

The cache lives in ``.docket-cache/`` beside ``content/``, in two files: the parsed files
(``files.pickle``, large, saved while the build validates and links, whether or not it
then succeeds, so that one bad file does not cost the next build every other file's
parse) and what the last successful build found (``build.pickle``, small, saved at its
end). Deleting either is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from docket.archive.kinds import LETTER_INLINE_MARKDOWN_FIELDS, LETTER_MARKDOWN_FIELDS
from docket.archive.load import Document, read_document
from docket.archive.names import NameChange, Names
from docket.engine.workers import default_workers, in_workers
from docket.errors import Problems, SourceError

CACHE_DIR = ".docket-cache"
FORMAT = 8  # bump when what is pickled changes shape
PACKAGE_DIR = Path(__file__).parents[1]  # the docket package
#: libraries whose output a build keeps (parsed Markdown, rendered pages, the search index)
LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "jinja2", "pyyaml", "pagefind")
PARALLEL_READS = 500  # changed files from which parsing them on every core saves time
READ_CHUNK = 250  # files a worker parses per task
LETTER_TEXT_FIELDS = (*LETTER_MARKDOWN_FIELDS, *LETTER_INLINE_MARKDOWN_FIELDS)  # where a letter's front-matter has prose


def file_stat(path: Path) -> tuple[int, int, int]:
    """What shows a file changed without reading it: size, modification and change times."""
    info = path.stat()
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@dataclass(slots=True)
class CachedFile:
    stat: tuple[int, int, int]  # size, mtime_ns, ctime_ns
    digest: str
    document: Document | None
    problems: tuple[SourceError, ...]


@dataclass
class BuildCache:
    files: dict[str, CachedFile] = field(default_factory=dict)
    fingerprint: str = ""
    output: tuple[str, int, int] | None = None  # output folder, its inode and mtime_ns after the last build
    problems: tuple[SourceError, ...] = ()  # the last build's warnings, to report again
    result: tuple[int, int, int, int] = (0, 0, 0, 0)  # its pages, letters, entities, indexed pages
    files_changed: bool = False  # files were parsed or forgotten since the cache was read
    names: Names = field(default_factory=Names)  # the names every letter in ``files`` was searched for

    def read(self, rel: str, path: Path, problems: Problems) -> Document | None:
        """The document in ``path``, parsed anew only when its content changed."""
        return self.read_all([(rel, path)], problems)[0]

    def read_all(self, files: Sequence[tuple[str, Path]], problems: Problems, parallel: bool = True, names: Names | None = None) -> list[Document | None]:
        """The document in each file, in order; with ``parallel``, the changed files are
        parsed on every core when there are many of them (a cold build's every file).

        Letters are searched for ``names`` (by default, those of the last read). Given
        other names, every letter of the site must be in ``files``: each whose names
        found could differ is read again."""
        change = NameChange(self.names, names) if names is not None and names.names != self.names.names else None
        stale = []
        for rel, path in files:
            stat = file_stat(path)
            entry = self.files.get(rel)
            if entry is None or entry.stat != stat or (change and _names_could_differ(entry, path, change)):
                stale.append((rel, path, stat))
        if names is not None:
            self.names = names
        workers = default_workers() if parallel and len(stale) >= PARALLEL_READS else 1
        chunks = [stale[i : i + READ_CHUNK] for i in range(0, len(stale), READ_CHUNK)]
        # this process parses its share itself: what it parses is not sent to it
        done = in_workers(functools.partial(self._refreshed, force=change is not None), chunks, workers, share=True)
        refreshed = [entry for chunk in done for entry in chunk]
        for (rel, _, _), entry in zip(stale, refreshed):
            self.files[rel] = entry
        self.files_changed = self.files_changed or bool(stale)
        documents = []
        for rel, _ in files:
            entry = self.files[rel]
            problems.extend(entry.problems)
            documents.append(entry.document)
        return documents

    def _refreshed(self, stale: Sequence[tuple[str, Path, tuple[int, int, int]]], force: bool = False) -> list[CachedFile]:
        """New entries for files whose size or times changed; a file whose content is as
        it was keeps its document, unless ``force`` (the names looked for changed)."""
        entries = []
        for rel, path, stat in stale:
            raw = path.read_bytes()
            digest = hashlib.sha1(raw).hexdigest()
            entry = self.files.get(rel)
            if entry is None or entry.digest != digest or force:
                found = Problems()
                document = read_document(rel, raw, found, self.names)
                if document is not None:
                    document.digest = digest
                entries.append(CachedFile(stat, digest, document, tuple(found.items)))
            else:
                entries.append(CachedFile(stat, digest, entry.document, entry.problems))
        return entries

    def keep_only(self, rels: set[str]) -> None:
        for rel in [r for r in self.files if r not in rels]:
            del self.files[rel]
            self.files_changed = True

    def output_unchanged(self, output: Path) -> bool:
        if self.output is None or not output.is_dir():
            return False
        info = output.stat()
        return self.output == (str(output), info.st_ino, info.st_mtime_ns)

    def remember_output(self, output: Path) -> None:
        info = output.stat()
        self.output = (str(output), info.st_ino, info.st_mtime_ns)


def _names_could_differ(entry: CachedFile, path: Path, change: NameChange) -> bool:
    """Whether a letter's names found could differ now that the names looked for changed."""
    document = entry.document
    if document is None or document.kind != "letter":
        return False
    texts = [path.read_bytes().decode("utf-8", "replace")]
    texts += [value for name in LETTER_TEXT_FIELDS if isinstance(value := document.fields.get(name), str)]
    return change.matters_to(document.names_found, texts)


FILES = "files.pickle"  # the parsed files
OUTCOME = "build.pickle"  # the last successful build's fingerprint, output and findings


def load_cache(site_dir: Path) -> BuildCache:
    """The cache as the last builds left it; an empty one where it is missing, unreadable,
    or made by another docket."""
    files = _load(site_dir / CACHE_DIR / FILES)
    if files is None:
        return BuildCache()
    files, names = files
    cache = BuildCache(files=files, names=names)
    outcome = _load(site_dir / CACHE_DIR / OUTCOME)
    if outcome is not None:
        cache.fingerprint, cache.output, cache.problems, cache.result = outcome
    return cache


def _load(path: Path):  # type: ignore[no-untyped-def]
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)
        if stored.get("format") == FORMAT and stored.get("code") == code_identity():
            return stored["content"]
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError, ValueError, ImportError):
        pass
    return None


def save_files(site_dir: Path, cache: BuildCache) -> None:
    """Keep the parsed files for the next build, if any changed since they were read."""
    if cache.files_changed:
        _save(site_dir, FILES, (cache.files, cache.names))


def save_outcome(site_dir: Path, cache: BuildCache) -> None:
    """Keep what this successful build found, for the next to see that nothing changed."""
    _save(site_dir, OUTCOME, (cache.fingerprint, cache.output, cache.problems, cache.result))


def _save(site_dir: Path, name: str, content: object) -> None:
    """Write one file of the cache atomically; a cache that cannot be written is simply not kept."""
    folder = site_dir / CACHE_DIR
    temporary = folder / f"{name}.{os.getpid()}"
    try:
        folder.mkdir(exist_ok=True)
        (folder / ".gitignore").write_text("*\n")
        with temporary.open("wb") as handle:
            pickle.dump({"format": FORMAT, "code": code_identity(), "content": content}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / name)
    except OSError:
        temporary.unlink(missing_ok=True)


@functools.cache
def code_identity() -> str:
    """A digest of docket's own files (code, theme, skeleton) and of its libraries' versions."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + hashlib.sha1(path.read_bytes()).digest())
    for name in LIBRARIES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "?"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()


def fingerprint(cache: BuildCache, site_dir: Path, options: tuple) -> str:
    """A digest of everything a build reads: content, the site's templates, settings,
    options, and docket itself (its default theme included)."""
    digest = hashlib.sha256(repr((code_identity(), options)).encode())
    for rel in sorted(cache.files):
        digest.update(f"{rel}\0{cache.files[rel].digest}\0".encode())
    folder = site_dir / "templates"
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            digest.update(f"{path}\0".encode() + hashlib.sha1(path.read_bytes()).digest())
    config = site_dir / "docket.toml"
    digest.update(config.read_bytes() if config.is_file() else b"")
    return digest.hexdigest()
