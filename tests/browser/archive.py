"""The archive as the browser tests see it: read straight from content/*.md, without docket.

The tests check what the browser shows against this independent reading of the content,
so that a bug in docket's own loading cannot make a wrong page look right.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FOLDERS = {"letters": "letter", "people": "person", "organizations": "organization", "places": "place", "events": "event", "works": "work"}
_LINK = re.compile(r"\[\[([a-z0-9-]+)(?:#[^|\]]*)?(?:\|([^\]]*))?\]\]")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:.*$", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass
class Record:
    id: str
    folder: str
    path: Path
    meta: dict
    body: str
    raw: str

    @property
    def url(self) -> str:
        return f"/{self.folder}/{self.id}/"


@dataclass
class Letter(Record):
    @property
    def kind(self) -> str:
        return self.meta.get("kind", "letter")

    @property
    def date(self) -> str | None:
        value = self.meta.get("date")
        return None if value is None else str(value)

    @property
    def sort_date(self) -> str:
        """The first day the EDTF date can be (``2022-08-08/2022-08-11`` → ``2022-08-08``)."""
        if not self.date:
            return "9999"
        return re.sub(r"[?~%]", "", self.date.split("/")[0])

    @property
    def senders(self) -> list[str]:
        return _ids(self.meta.get("senders"))

    @property
    def recipients(self) -> list[str]:
        return _ids(self.meta.get("recipients"))

    @property
    def in_reply_to(self) -> list[str]:
        return _ids(self.meta.get("in_reply_to"))

    def body_text(self, names: dict[str, str]) -> str:
        """The letter's own text as a reader sees it: cross-references by their labels,
        without the editorial footnotes."""
        text = _FOOTNOTE_DEF.sub("", self.body)
        text = _FOOTNOTE_REF.sub("", text)
        return _LINK.sub(lambda m: m.group(2) if m.group(2) is not None else names.get(m.group(1), m.group(1)), text)


@dataclass
class Archive:
    letters: dict[str, Letter] = field(default_factory=dict)
    entities: dict[str, Record] = field(default_factory=dict)

    @property
    def records(self) -> list[Record]:
        return [*self.letters.values(), *self.entities.values()]

    @property
    def names(self) -> dict[str, str]:
        return {i: e.meta.get("name", i) for i, e in self.entities.items()}

    def name(self, record_id: str) -> str:
        return self.names[record_id]

    def replies_to(self, letter_id: str) -> list[str]:
        return sorted(i for i, letter in self.letters.items() if letter_id in letter.in_reply_to)

    def letters_by(self, sender_id: str) -> set[str]:
        return {i for i, letter in self.letters.items() if sender_id in letter.senders}

    def url_to_letter(self, url: str) -> str | None:
        path = re.sub(r"^[a-z]+://[^/]+", "", url).split("#")[0].split("?")[0]
        match = re.fullmatch(r"/letters/([a-z0-9-]+)/(?:index\.html)?", path)
        return match.group(1) if match and match.group(1) in self.letters else None

    def unique_body_word(self, also_exclude: str = "") -> tuple[str, str]:
        """A distinctive word (alphabetic, ≥ 6 letters) of exactly one letter's body that no
        other content file — nor ``also_exclude`` (the theme's own text) — contains, even as
        the start of a longer word: a search for it can match that one letter only, whatever
        stemming or prefix matching the search engine does.

        Returns ``(word, letter_id)``; the longest such word, ties broken alphabetically.
        """
        names = self.names
        words_of = {i: {w.lower() for w in _WORD.findall(letter.body_text(names))} for i, letter in self.letters.items()}
        counts = Counter(w for words in words_of.values() for w in words)
        raws = {r.id: r.raw.lower() for r in self.records}
        exclude = also_exclude.lower()
        candidates = []
        for letter_id, words in words_of.items():
            for word in words:
                if len(word) < 6 or counts[word] != 1:
                    continue
                root = word[: max(5, len(word) - 4)]
                if root in exclude or any(root in raw for rid, raw in raws.items() if rid != letter_id):
                    continue
                candidates.append((-len(word), word, letter_id))
        if not candidates:
            raise AssertionError("no word occurs in exactly one letter body and nowhere else in the archive")
        _, word, letter_id = min(candidates)
        return word, letter_id


def _ids(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


def _split(raw: str) -> tuple[dict, str]:
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, raw
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            meta = yaml.safe_load("\n".join(lines[1:end])) or {}
            return meta, "\n".join(lines[end + 1 :])
    raise ValueError("unterminated front-matter")


def load_archive(content: Path) -> Archive:
    archive = Archive()
    for folder in FOLDERS:
        for path in sorted((content / folder).glob("*.md")):
            raw = path.read_text(encoding="utf-8")
            meta, body = _split(raw)
            if folder == "letters":
                archive.letters[path.stem] = Letter(path.stem, folder, path, meta, body, raw)
            else:
                archive.entities[path.stem] = Record(path.stem, folder, path, meta, body, raw)
    return archive
