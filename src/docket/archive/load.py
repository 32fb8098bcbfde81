"""Gather: walk ``content/`` and read every Markdown file into a :class:`Document`.

A document is what the file says, not yet what it means: front-matter values with their
line numbers, its Markdown texts parsed, where the body starts, and in a letter, where
its texts give the entities' names. Problems that stop a file from being read at all
(not UTF-8, no closing fence, broken YAML) are reported here; the file is then left out
of the later stages, which still run on everything else.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from docket.archive.frontmatter import (
    DuplicateKey,
    FieldPath,
    FrontMatter,
    FrontMatterError,
    parse_front_matter,
)
from docket.archive.kinds import (
    KIND_OF_FOLDER,
    KINDS,
    LETTER_INLINE_MARKDOWN_FIELDS,
    LETTER_MARKDOWN_FIELDS,
)
from docket.archive.markdown import Rendered, render_inline_source, render_source
from docket.archive.markdown.prose import Prose
from docket.archive.names import NameFound, Names, written_names
from docket.archive.textmap import field_places
from docket.errors import Problems
from docket.paths import ID_RULE, RecordId, is_valid_id

FENCE = "---"
LETTERS = f"content/{KINDS['letter'].folder}/"  # where the letters' files are
Place = tuple[int, int | None]  # a line and a column (None where it cannot be told)
NAME_MAX_BYTES = 255


@dataclass(slots=True)
class Document:
    """One content file as read: ``path`` is relative to the site folder, lines 1-based."""

    path: str
    kind: str
    id: RecordId
    front: FrontMatter
    body_line: int  # file line of the body's first line
    fm_line: int  # file line of the front-matter's first line
    has_text: bool = False  # whether the body holds more than white space
    digest: str = ""
    #: the body ("body") and the Markdown fields, parsed once per file content (the build
    #: cache keeps them), their references' lines counted in the file. Only the parse is
    #: kept: nothing after reading needs the body's source.
    markdown: dict[str, Rendered] = field(default_factory=dict)
    #: in a letter, the entities' names its texts give, in file order (``archive/names.py``)
    names_found: tuple[NameFound, ...] = ()

    @property
    def fields(self) -> dict[str, Any]:
        return self.front.values

    def line(self, path: FieldPath = ()) -> int:
        """File line of a front-matter value (or of its nearest parent)."""
        return self.fm_line + self.front.line_of(path)


def content_files(site_dir: Path, problems: Problems) -> list[tuple[str, Path]]:
    """Every ``content/<folder>/*.md`` file as (relative path, absolute path), sorted.

    Sorted by relative path so that the build never depends on directory order. Symbolic
    links that lead outside ``content/`` are refused.
    """
    content = site_dir / "content"
    if not content.is_dir():
        problems.error("content", None, "there is no content/ folder", "run 'docket init' or create content/letters/")
        return []
    root = content.resolve()
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(content, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        folder = Path(dirpath)
        prefix = folder.relative_to(site_dir).as_posix()
        with os.scandir(dirpath) as entries:  # the kind of each entry comes with it: no lstat per file
            links = {entry.name for entry in entries if entry.is_symlink()}
        for name in sorted(filenames):
            if not name.endswith(".md") or name.startswith("."):
                continue
            path = folder / name
            rel = f"{prefix}/{name}"
            if name in links and not path.resolve().is_relative_to(root):
                problems.error(rel, None, "a symbolic link that points outside content/", "copy the file into content/ instead")
                continue
            found.append((rel, path))
    found.sort()
    return found


class Reader(Protocol):
    """Turns content files into documents (``engine.cache.BuildCache`` parses only the changed ones)."""

    def read_all(self, files: Sequence[tuple[str, Path]], problems: Problems, parallel: bool = True, names: Names | None = None) -> list[Document | None]: ...


def load_documents(site_dir: Path, problems: Problems, reader: Reader, parallel: bool = True, find_names: bool = True) -> list[Document]:
    """Every content file as a Document, read by ``reader`` (on every core if ``parallel``).

    The entities are read first, so that the letters can be searched for their names as
    they are read (unless not ``find_names``)."""
    files = []
    seen: dict[str, tuple[str, str]] = {}  # folded name -> (file, name as written)
    for rel, path in content_files(site_dir, problems):
        stem = path.name[: -len(".md")]
        key = unicodedata.normalize("NFC", stem).casefold()
        if key in seen and seen[key][1] != stem:
            problems.error(rel, None, f"the name collides with {seen[key][0]} once case and Unicode forms are ignored", "ids must differ by more than case or accents' encoding: rename one of the two files")
            continue
        seen.setdefault(key, (rel, stem))
        files.append((rel, path))
    letter_files = [(rel, path) for rel, path in files if rel.startswith(LETTERS)]
    entity_files = [(rel, path) for rel, path in files if not rel.startswith(LETTERS)]
    entities = [document for document in reader.read_all(entity_files, problems, parallel) if document is not None]
    names = Names(name for document in entities for name in written_names(document.fields)) if find_names else Names()
    letters = [document for document in reader.read_all(letter_files, problems, parallel, names) if document is not None]
    documents = sorted(entities + letters, key=lambda document: document.path)
    if not documents and not problems.errors:
        problems.error("content", None, "content/ holds no letters or entities", "add one with 'docket new letter'")
    return documents


def record_identity(rel: str, problems: Problems) -> tuple[str, RecordId] | None:
    """The kind and id a file's place and name give it, or None (reported)."""
    parts = rel.split("/")
    if len(parts) != 3 or parts[1] not in KIND_OF_FOLDER:
        folders = ", ".join(f"content/{kind.folder}/" for kind in KINDS.values())
        problems.error(rel, None, "a file outside the record folders", f"put it in one of {folders}")
        return None
    name = parts[2]
    stem = unicodedata.normalize("NFC", name[: -len(".md")])
    if len(name.encode("utf-8")) > NAME_MAX_BYTES:
        problems.error(rel, None, f"the file name is {len(name.encode())} bytes long", f"common file systems allow {NAME_MAX_BYTES}; ids are {ID_RULE}")
        return None
    if not is_valid_id(stem):
        problems.error(rel, None, f"'{stem}' cannot be an id", f"rename the file: an id is {ID_RULE}")
        return None
    return KIND_OF_FOLDER[parts[1]], RecordId(stem)


def read_document(rel: str, raw: bytes, problems: Problems, names: Names | None = None) -> Document | None:
    """The document in a file, or None (reported); in a letter, ``names`` are looked for."""
    identity = record_identity(rel, problems)
    if identity is None:
        return None
    kind, record_id = identity
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.error(rel, line, f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x})", "save the file as UTF-8", col)
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        problems.error(rel, 1, "the file does not start with front-matter", "begin it with a line '---', the fields, and another '---'")
        return None
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "..."))
    except StopIteration:
        problems.error(rel, 1, "the front-matter is not closed", "add a line '---' after the last field")
        return None
    yaml_text = "\n".join(lines[1:close])
    try:
        front = parse_front_matter(yaml_text)
    except DuplicateKey as exc:
        problems.error(rel, exc.line + 2, f"{exc.message} (first at line {exc.first + 2})", exc.hint)
        return None
    except FrontMatterError as exc:
        problems.error(rel, exc.line + 2, exc.message, exc.hint, exc.col)
        return None
    for line, message, hint in front.warnings:
        problems.warning(rel, line + 2, message, hint)
    body = "\n".join(lines[close + 1 :])
    document = Document(rel, kind, record_id, front, close + 2, 2, has_text=bool(body.strip()))
    document.markdown = parse_markdown(document, body, lines, names or Names())
    return document


def parse_markdown(document: Document, body: str, lines: list[str], names: Names) -> dict[str, Rendered]:
    """The document's Markdown texts, parsed, with their references' lines counted in the file
    (and, for a letter, ``document.names_found``).

    A field's text starts on the line of its key, or on the next for a block (``note: |``);
    columns are given in the body only, where the text stands as written.
    """
    body_rendered = render_source(body, anchors=document.kind == "letter")
    parsed = {"body": _in_file(body_rendered, document.body_line, True)}
    if document.kind != "letter":
        return parsed
    def in_body(places: list[Place]) -> list[Place]:
        return [(document.body_line + line - 1, col) for line, col in places]

    in_text = [NameFound(*place) for place in _names_in(body_rendered.prose, names, in_body)]
    fields = [(name, lambda text, doc_id=doc_id: render_source(text, doc_id)) for name, doc_id in LETTER_MARKDOWN_FIELDS.items()]
    fields += [(name, render_inline_source) for name in LETTER_INLINE_MARKDOWN_FIELDS]
    in_fields = []
    for name, render in fields:
        value = document.fields.get(name)
        if isinstance(value, str) and value.strip():
            line = document.line((name,))
            after_key = lines[line - 1].partition(":")[2].strip() if line <= len(lines) else ""
            first = line + 1 if after_key[:1] in ("|", ">") else line
            rendered = render(value.strip())
            parsed[name] = _in_file(rendered, first, False)
            in_field = functools.partial(field_places, value, lines, line, value.strip())
            in_fields.extend(NameFound(*place) for place in _names_in(rendered.prose, names, in_field))
    # the texts stand apart in the file (front-matter, then the body): in order of line
    document.names_found = tuple(sorted(in_fields, key=lambda found: found.line)) + tuple(in_text)
    return parsed


def _names_in(prose: Prose | None, names: Names, placed: Callable[[list[Place]], list[Place]]) -> list[tuple[int, int | None, str]]:
    """The names in a text's prose, each with its line and column as ``placed`` gives
    them from those in the text."""
    if prose is None:
        return []
    found = names.find(prose.text)
    if not found:
        return []
    places = placed(prose.places([start for start, _ in found]))
    return [(line, col, name) for (line, col), (_, name) in zip(places, found)]


def _in_file(rendered: Rendered, first_line: int, columns: bool) -> Rendered:
    """The text's references placed in the file; its prose, searched by now, is not kept."""
    if not rendered.refs:
        return Rendered(rendered.html) if rendered.prose else rendered
    refs = tuple(
        ref._replace(line=first_line + ref.line - 1 if ref.line else first_line, col=ref.col if columns else None)
        for ref in rendered.refs
    )
    return Rendered(rendered.html, refs)
