"""How to cite a letter: a Chicago note, and BibTeX, RIS and CSL-JSON records.

One function per format, each over a :class:`CitedLetter` — the few facts a citation
needs, gathered once from the linked site. Chicago's notes-bibliography style cites a
letter in a note as "Writer to Recipient, date, in source, collection, URL"; a
bibliography lists collections rather than single letters, so there is no bibliography
entry. No access date is given: Chicago requires one only for a source without a date
of its own, and a build's output never holds the build's clock — a reader adds it.
Without ``base_url`` the page has no full address, and the citations give none.

Names are given as written: a name cannot be inverted ("Khamenei, Ali") reliably across
languages, so BibTeX gets each name whole (an organization's in braces, read as one
name), RIS and CSL-JSON as a literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

import orjson
from markupsafe import Markup, escape

from docket.archive.dates import EdtfDate
from docket.archive.kinds import KIND_LABELS
from docket.archive.link import Site
from docket.archive.model import Letter, Source


@dataclass(frozen=True, slots=True)
class Party:
    """A sender or recipient: a name, and whether it is a person or an organization."""

    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class CitedLetter:
    id: str
    kind: str  # letter | speech | statement
    title: str
    senders: tuple[Party, ...]
    recipients: tuple[Party, ...]
    date: EdtfDate | None
    language: str
    summary: str
    source: Source
    archive: str  # the archive's title
    url: str  # the page's full address, or "" without base_url

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def cited_letter(letter: Letter, site: Site, archive: str, url: str | None, summary: str = "") -> CitedLetter:
    """The facts to cite a letter by; ``summary`` as plain text (the letter's is Markdown)."""
    def parties(ids: list[str]) -> tuple[Party, ...]:
        return tuple(Party(site.titles.get(i, i), getattr(site.record(i), "kind", "person")) for i in ids)

    return CitedLetter(
        id=letter.id,
        kind=letter.kind,
        title=site.titles[letter.id],
        senders=parties(letter.senders),
        recipients=parties(letter.recipients),
        date=letter.date,
        language=letter.language,
        summary=summary,
        source=letter.source,
        archive=archive,
        url=url or "",
    )


# -- Chicago -------------------------------------------------------------------------------


def names(parties: tuple[Party, ...]) -> str:
    """Chicago's list of names: "A", "A and B", "A, B, and C"."""
    shown = [p.name for p in parties]
    if len(shown) < 3:
        return " and ".join(shown)
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def chicago_date(date: EdtfDate | None) -> str:
    """The date in words; a conjectured one in brackets with a question mark; "n.d." for none."""
    if date is None:
        return "n.d."
    return f"[{date.words}?]" if date.qualifier else date.words


def _quoted(title: str, more: bool) -> str:
    """A title in quotation marks, with the comma that follows it inside them."""
    comma = "," if more and title[-1:] not in ".?!" else ""
    return f"“{title}{comma}”"


def _run(parts: list[str]) -> str:
    """Parts joined by commas, a quoted title already holding its own."""
    out = parts[0] if parts else ""
    for before, part in zip(parts, parts[1:]):
        out += (" " if before.endswith(",”") else ", ") + part
    return out


def _heading(c: CitedLetter) -> list[str]:
    """Who to whom, as Chicago cites a letter; the title and kind for a speech or statement."""
    if c.kind == "letter":
        if c.senders and c.recipients:
            return [f"{names(c.senders)} to {names(c.recipients)}"]
        if c.recipients:
            return [f"Letter to {names(c.recipients)}"]
        return [names(c.senders), "letter"] if c.senders else ["Letter"]
    head = [names(c.senders)] if c.senders else []
    return head + [_quoted(c.title, True), c.kind_label.lower()]


def _source_parts(source: Source) -> list[str]:
    parts = []
    if source.title:
        parts.append(_quoted(source.title, bool(source.publisher or source.published or source.url)))
    parts += [p for p in (source.publisher, source.published.words if source.published else "", source.url) if p]
    return parts


def chicago(c: CitedLetter) -> Markup:
    """The Chicago note, as HTML: the collection's title in ``<cite>``. Where in its source
    the text stands (``source.location``) is an editor's description, too long for a note:
    the records below carry it."""
    source = _source_parts(c.source)
    if source:
        source[0] = "in " + source[0]
    head = _run(_heading(c) + [chicago_date(c.date)] + source)
    tail = f", {c.url}" if c.url else ""
    end = "" if (tail or c.archive).endswith(".") else "."
    return Markup(f"{escape(head)}{'; ' if source else ', '}<cite>{escape(c.archive)}</cite>{escape(tail)}{end}")


# -- shared by the records -----------------------------------------------------------------


_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?\Z")
#: a side of an interval as biblatex reads it: a year, month or day, perhaps qualified
_BIBLATEX_SIDE = re.compile(r"(?:[0-9]{4}(?:-[0-9]{2}){0,2}[?~%]?|\.\.|)\Z")


def date_parts(date: EdtfDate | None) -> list[int] | None:
    """[year, month, day] as far as known, for a single date in the years 0000-9999 (not
    a range, a set, a decade, or a day whose year is unknown)."""
    if date is None or date.precision in ("interval", "set"):
        return None
    match = _ISO_DATE.match((date.iso or "")[:10])
    return [int(part) for part in match.groups() if part is not None] if match else None


def is_qualified(date: EdtfDate) -> bool:
    """Whether the date is marked uncertain or approximate (unspecified digits are not)."""
    return date.uncertain or date.approximate


def biblatex_date(date: EdtfDate) -> str | None:
    """The date for biblatex's ``date`` field (its ISO 8601-2 subset), or None when
    biblatex cannot read it (a set, a season, a qualified part, a decade)."""
    if date.precision == "interval":
        sides = date.text.split("/")
        return "/".join(side.replace("..", "") for side in sides) if all(_BIBLATEX_SIDE.match(side) for side in sides) else None
    parts = date_parts(date)
    if parts is None:
        return None
    suffix = "%" if date.uncertain and date.approximate else "?" if date.uncertain else "~" if date.approximate else ""
    return "-".join([f"{parts[0]:04d}"] + [f"{part:02d}" for part in parts[1:]]) + suffix


def source_text(source: Source) -> str:
    """The source in one line: "Source: “Title”, Publisher, 11 August 2022, location, URL"."""
    parts = [f"“{source.title}”" if source.title else "", source.publisher, source.published.display() if source.published else "", source.location, source.url]
    shown = [p for p in parts if p]
    return "Source: " + ", ".join(shown) if shown else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- BibTeX --------------------------------------------------------------------------------

_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bibtex_escape(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, on one line."""
    text = _one_line(text)
    if _BIBTEX_SPECIAL.search(text) is None:
        return text
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m.group(), "\\" + m.group()), text)


def bibtex_url(url: str) -> str:
    """A URL for BibTeX's verbatim ``url`` field: braces, backslashes and spaces percent-encoded."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def _bibtex_name(party: Party) -> str:
    name = bibtex_escape(party.name)
    whole = party.kind == "organization" or "," in name or re.search(r"\band\b", name, re.IGNORECASE)
    return "{" + name + "}" if whole else name


def bibtex(c: CitedLetter) -> str:
    """A BibTeX ``@misc`` entry (read by BibTeX and biblatex), keyed by the letter's id."""
    fields = []
    if c.senders:
        fields.append(("author", " and ".join(_bibtex_name(p) for p in c.senders)))
    fields.append(("title", "{" + bibtex_escape(c.title) + "}"))
    biblatex = biblatex_date(c.date) if c.date is not None else None
    if biblatex:
        fields.append(("date", biblatex))
    if c.date is not None and len(c.date.years) == 1:
        fields.append(("year", str(c.date.years[0])))
    fields.append(("howpublished", "{" + bibtex_escape(c.archive) + "}"))
    if c.url:
        fields.append(("url", bibtex_url(c.url)))
    if c.language:
        fields.append(("language", bibtex_escape(c.language)))
    note = "; ".join(p for p in (f"{c.kind_label} to {names(c.recipients)}" if c.recipients else "", source_text(c.source)) if p)
    if note:
        fields.append(("note", bibtex_escape(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{c.id},\n{body}\n}}\n"


# -- RIS -----------------------------------------------------------------------------------


def ris_date(parts: list[int], uncertain: bool) -> str:
    """RIS's ``YYYY/MM/DD/other``, unknown parts empty: "2022/08/11/", "2022///uncertain"."""
    fields = [f"{parts[0]:04d}"] + [f"{part:02d}" for part in parts[1:]] + [""] * (3 - len(parts))
    return "/".join(fields) + "/" + ("uncertain" if uncertain else "")


def ris(c: CitedLetter) -> str:
    """A RIS record of type ``PCOMM`` (personal communication), recipients as ``A2``.

    RIS has no escapes: a value is one line, so line breaks become spaces.
    """
    lines = [("TY", "PCOMM"), ("ID", c.id)]
    lines += [("AU", p.name) for p in c.senders] + [("A2", p.name) for p in c.recipients]
    lines += [("TI", c.title), ("M3", c.kind_label)]
    parts = date_parts(c.date)
    if parts is not None:
        lines.append(("DA", ris_date(parts, is_qualified(c.date) if c.date else False)))
    if c.date is not None and len(c.date.years) == 1:
        lines.append(("PY", str(c.date.years[0])))
    if c.date is not None and parts is None:
        lines.append(("N1", f"Date: {c.date.display()}"))
    lines += [("LA", c.language), ("AB", c.summary), ("DB", c.archive), ("UR", c.url), ("N1", source_text(c.source))]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines if value) + "ER  - \n"


# -- CSL-JSON ------------------------------------------------------------------------------

CSL_TYPES = {"letter": "personal_communication", "speech": "speech"}


def _json(value: object) -> str:
    return orjson.dumps(value).decode()


def csl_date(date: EdtfDate) -> dict:
    """A CSL date: its parts, ``circa`` when uncertain or approximate; else its words."""
    parts = date_parts(date)
    if parts is None:
        return {"literal": date.display()}
    found: dict = {"date-parts": [parts]}
    if is_qualified(date):
        found["circa"] = True
    return found


def csl_json(c: CitedLetter) -> str:
    """A CSL-JSON list of one item, as citeproc processors and Zotero read it: one
    variable a line, its value on that line (indented throughout, a date's parts alone
    would take seven). The variables' names are CSL's own, plain ASCII: written as they are."""
    item: dict = {"id": c.id, "type": CSL_TYPES.get(c.kind, "document"), "title": c.title}
    if c.senders:
        item["author"] = [{"literal": p.name} for p in c.senders]
    if c.recipients:
        item["recipient"] = [{"literal": p.name} for p in c.recipients]
    if c.date is not None:
        item["issued"] = csl_date(c.date)
    item["container-title"] = c.archive
    optional = {"genre": c.kind_label, "URL": c.url, "language": c.language, "abstract": c.summary, "note": source_text(c.source)}
    item.update({name: value for name, value in optional.items() if value})
    lines = ",\n".join(f'    "{name}": {_json(value)}' for name, value in item.items())
    return "[\n  {\n" + lines + "\n  }\n]\n"


#: the records offered beside the Chicago note: (name, label, file extension, media type, format)
RECORDS = (
    ("bibtex", "BibTeX", "bib", "application/x-bibtex", bibtex),
    ("ris", "RIS", "ris", "application/x-research-info-systems", ris),
    ("csl-json", "CSL-JSON", "json", "application/vnd.citationstyles.csl+json", csl_json),
)


def citation_records(c: CitedLetter) -> list[tuple[str, str, str, str, Markup]]:
    """Every record of a letter: (name, label, file name, media type, text as HTML).

    The text is escaped for an element's content, where quotation marks need no escape:
    a CSL-JSON record is mostly quotation marks.
    """
    return [(name, label, f"{c.id}.{extension}", media_type, as_element_text(make(c))) for name, label, extension, media_type, make in RECORDS]


def as_element_text(text: str) -> Markup:
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
