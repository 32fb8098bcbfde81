"""Re-render only the page an edit changed, when that can be known for certain.

An editor under ``docket serve`` mostly changes the text of one letter. When the only
file that changed is one record whose front-matter is exactly as before and whose body
links to exactly the same records, no other page can show anything different: titles,
dates, correspondents, backlinks, threads and indexes all come from front-matter and
links. Only that record's own page is rendered again. Any other change — front-matter,
links, a new or deleted file, templates, settings — goes through a full build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docket.archive.load import Document, content_files
from docket.archive.model import Letter
from docket.archive.validate import validate
from docket.engine.build import BuildResult
from docket.engine.cache import BuildCache, file_stat
from docket.errors import Problems
from docket.paths import output_path
from docket.site.page import Page
from docket.site.render import Renderer


@dataclass
class Snapshot:
    """What the last full build of a serve session produced, kept for incremental edits."""

    renderer: Renderer
    documents: dict[str, Document]  # relative path -> the document that build used
    pages: dict[str, Page] = field(default_factory=dict)  # url -> page

    @classmethod
    def of(cls, result: BuildResult, cache: BuildCache) -> "Snapshot":
        assert result.renderer is not None and result.rendered is not None
        documents = {rel: entry.document for rel, entry in cache.files.items() if entry.document is not None}
        return cls(result.renderer, documents, {page.url: page for page in result.rendered})


def _link_targets(document: Document) -> set[tuple[str, str]]:
    return {(ref.target, ref.fragment) for rendered in document.markdown.values() for ref in rendered.refs}


def changed_files(site_dir: Path, cache: BuildCache) -> set[str] | None:
    """Content files whose stat differs from the cache's record; None if files came or went."""
    problems = Problems()
    present = {rel: path for rel, path in content_files(site_dir, problems)}
    if problems.items or present.keys() != cache.files.keys():
        return None
    changed = set()
    for rel, path in present.items():
        if cache.files[rel].stat != file_stat(path):
            changed.add(rel)
    return changed


def body_edit(site_dir: Path, snapshot: Snapshot, cache: BuildCache, reported: list[str] | None = None) -> Page | None:
    """The one re-rendered page if the change is a body-only edit of one record, else None.

    ``reported`` is the file watcher's list of changed paths, when it has one: the
    watcher has just compared every file, so a sweep of our own would only repeat it.
    """
    if reported is not None:
        rels = {content_file(site_dir, path) for path in reported}
        changed = rels if None not in rels and rels <= cache.files.keys() else None
    else:
        changed = changed_files(site_dir, cache)
    if changed is None or len(changed) != 1:
        return None
    (rel,) = changed
    before = snapshot.documents.get(rel)
    problems = Problems()
    after = cache.read(rel, site_dir / rel, problems)
    if before is None or after is None or problems.items:
        return None
    if after.fields != before.fields or after.body_line != before.body_line:
        return None
    if _link_targets(after) != _link_targets(before):
        return None
    site = snapshot.renderer.site
    record = site.letters.get(after.id) or site.entities.get(after.id)
    if record is None:
        return None
    letters, entities = validate([after], problems)  # exactly as a build would
    if problems.items:
        return None
    edited = (letters or entities)[0]
    record.markdown = edited.markdown
    if isinstance(record, Letter) and isinstance(edited, Letter):
        record.names_found = edited.names_found  # serve suggests again
    inline = [ref for rendered in record.markdown.values() for ref in rendered.refs]
    if inline:
        site.inline[record.id] = inline
    else:
        site.inline.pop(record.id, None)
    page = snapshot.renderer.record_page(record.id)
    if not _fragments_still_there(site, record.id, page):
        return None
    snapshot.documents[rel] = after
    snapshot.pages[page.url] = page
    return page


def content_file(site_dir: Path, path: str) -> str | None:
    """A path a watcher reports, as a record's ``path`` reads (``content/…``); None
    outside ``content/``."""
    absolute = Path(path).absolute()
    return absolute.relative_to(site_dir).as_posix() if absolute.is_relative_to(site_dir / "content") else None


def _fragments_still_there(site, record_id: str, page: Page) -> bool:
    """Links from other records to ``#fragments`` of this page must still land."""
    for xrefs in site.inline.values():
        for xref in xrefs:
            if xref.target == record_id and xref.fragment and f'id="{xref.fragment}"' not in page.html:
                return False
    return True


def write_page(root: Path, page: Page) -> None:
    """Replace one page of a served site, atomically."""
    target = root / output_path(page.url)
    temporary = target.with_name(f".{target.name}.new")
    temporary.write_bytes(page.html.encode("utf-8"))
    temporary.replace(target)
