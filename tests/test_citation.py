"""Citing a letter: each format checked against output written out by hand, and escaping."""

from __future__ import annotations

import json
import re

import pytest

from docket.archive.dates import parse
from docket.archive.model import Source
from docket.site.citation import (
    CitedLetter,
    Party,
    as_element_text,
    biblatex_date,
    bibtex,
    bibtex_escape,
    bibtex_url,
    chicago,
    chicago_date,
    citation_records,
    csl_date,
    csl_json,
    date_parts,
    ris,
)
from docket.site.linked_data import exact

ARCHIVE = "Letters of the Example Family"
KHAMENEI = Party("Ali Khamenei", "person")
NAKHALAH = Party("Ziyad al-Nakhalah", "person")

ONE_SENDER = CitedLetter(
    id="2022-08-11-khamenei-to-al-nakhalah",
    kind="letter",
    title="Ali Khamenei to Ziyad al-Nakhalah",
    senders=(KHAMENEI,),
    recipients=(NAKHALAH,),
    date=parse("2022-08-11"),
    language="en",
    summary="Khamenei acknowledges the letter.",
    source=Source(title="The Leader, in response", publisher="Office of the Supreme Leader", url="https://modir.velayat.ir/en/content/25977", published=parse("2022-08-11"), location="the letter"),
    archive=ARCHIVE,
    url="https://example.org/letters/2022-08-11-khamenei-to-al-nakhalah/",
)

SEVERAL_SENDERS = CitedLetter(
    id="1890-07-uncertain",
    kind="letter",
    title="Ada, Ben and the Example Society to Cleo",
    senders=(Party("Ada Example", "person"), Party("Ben Example", "person"), Party("Example Society, and Friends", "organization")),
    recipients=(Party("Cleo Example", "person"),),
    date=parse("1890-07-23?"),
    language="en",
    summary="",
    source=Source(title="Family papers", publisher="County Archive"),
    archive=ARCHIVE,
    url="https://example.org/letters/1890-07-uncertain/",
)

RANGED_NO_URL = CitedLetter(
    id="undated-speech",
    kind="speech",
    title="A speech on the anniversary",
    senders=(KHAMENEI,),
    recipients=(),
    date=parse("2022-08-08/2022-08-11"),
    language="fa",
    summary="",
    source=Source(),
    archive=ARCHIVE,
    url="",
)


def plain(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup).replace("&#39;", "'").replace("&amp;", "&")


def test_chicago_note_for_one_sender_with_its_source():
    note = chicago(ONE_SENDER)
    assert plain(note) == (
        "Ali Khamenei to Ziyad al-Nakhalah, 11 August 2022, in “The Leader, in response,” Office of the Supreme Leader, "
        "11 August 2022, https://modir.velayat.ir/en/content/25977; Letters of the Example Family, "
        "https://example.org/letters/2022-08-11-khamenei-to-al-nakhalah/."
    )
    assert "<cite>Letters of the Example Family</cite>" in note


def test_chicago_note_for_several_senders_and_an_uncertain_date():
    assert plain(chicago(SEVERAL_SENDERS)) == (
        "Ada Example, Ben Example, and Example Society, and Friends to Cleo Example, [23 July 1890?], "
        "in “Family papers,” County Archive; Letters of the Example Family, https://example.org/letters/1890-07-uncertain/."
    )


def test_chicago_note_without_a_source_or_an_address():
    assert plain(chicago(RANGED_NO_URL)) == "Ali Khamenei, “A speech on the anniversary,” speech, between 8 and 11 August 2022, Letters of the Example Family."


def test_chicago_note_escapes_content():
    hostile = CitedLetter(**{**_fields(RANGED_NO_URL), "title": "<script>alert(1)</script>"})
    assert "<script>" not in chicago(hostile)
    assert "&lt;script&gt;" in chicago(hostile)


def test_bibtex_for_one_sender():
    assert bibtex(ONE_SENDER) == """@misc{2022-08-11-khamenei-to-al-nakhalah,
  author = {Ali Khamenei},
  title = {{Ali Khamenei to Ziyad al-Nakhalah}},
  date = {2022-08-11},
  year = {2022},
  howpublished = {{Letters of the Example Family}},
  url = {https://example.org/letters/2022-08-11-khamenei-to-al-nakhalah/},
  language = {en},
  note = {Letter to Ziyad al-Nakhalah; Source: “The Leader, in response”, Office of the Supreme Leader, 11 August 2022, the letter, https://modir.velayat.ir/en/content/25977}
}
"""


def test_bibtex_for_several_senders_keeps_an_organization_whole():
    entry = bibtex(SEVERAL_SENDERS)
    assert "  author = {Ada Example and Ben Example and {Example Society, and Friends}},\n" in entry
    assert "  date = {1890-07-23?},\n" in entry  # biblatex reads EDTF's uncertainty
    assert "  year = {1890},\n" in entry


def test_bibtex_without_an_address_and_with_a_range():
    entry = bibtex(RANGED_NO_URL)
    assert "url =" not in entry
    assert "  date = {2022-08-08/2022-08-11},\n" in entry
    assert "note" not in entry  # no recipients, no source


def test_bibtex_escapes_latex_and_keeps_braces_balanced():
    assert bibtex_escape("50% & $5 #1 a_b {x} ~ ^ \\") == r"50\% \& \$5 \#1 a\_b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}"
    assert bibtex_escape("two\nlines") == "two lines"
    hostile = CitedLetter(**{**_fields(ONE_SENDER), "title": "Closing } early = {x}, @misc{y", "url": "https://example.org/a b{c}\\"})
    entry = bibtex(hostile)
    depth = 0
    for char in entry.replace("\\{", "").replace("\\}", ""):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    assert "url = {https://example.org/a%20b%7Bc%7D%5C}" in entry
    assert bibtex_url("https://x.org/?q=1&r=%20") == "https://x.org/?q=1&r=%20"


def test_ris_for_one_sender():
    assert ris(ONE_SENDER) == """TY  - PCOMM
ID  - 2022-08-11-khamenei-to-al-nakhalah
AU  - Ali Khamenei
A2  - Ziyad al-Nakhalah
TI  - Ali Khamenei to Ziyad al-Nakhalah
M3  - Letter
DA  - 2022/08/11/
PY  - 2022
LA  - en
AB  - Khamenei acknowledges the letter.
DB  - Letters of the Example Family
UR  - https://example.org/letters/2022-08-11-khamenei-to-al-nakhalah/
N1  - Source: “The Leader, in response”, Office of the Supreme Leader, 11 August 2022, the letter, https://modir.velayat.ir/en/content/25977
ER  - 
"""


def test_ris_for_several_senders_an_uncertain_date_and_a_range():
    record = ris(SEVERAL_SENDERS)
    assert "AU  - Ada Example\nAU  - Ben Example\nAU  - Example Society, and Friends\nA2  - Cleo Example\n" in record
    assert "DA  - 1890/07/23/uncertain\n" in record
    ranged = ris(RANGED_NO_URL)
    assert "DA  -" not in ranged and "UR  -" not in ranged
    assert "PY  - 2022\n" in ranged
    assert "N1  - Date: between 8 and 11 August 2022\n" in ranged
    month = ris(CitedLetter(**{**_fields(RANGED_NO_URL), "date": parse("2022-08")}))
    assert "DA  - 2022/08//\n" in month


def test_ris_values_stay_on_one_line():
    hostile = CitedLetter(**{**_fields(ONE_SENDER), "summary": "First line\nER  - \nTY  - JOUR", "title": "A\r\ntitle"})
    record = ris(hostile)
    assert record.count("ER  - ") == 1 and record.endswith("ER  - \n")
    assert "AB  - First line ER - TY - JOUR\n" in record
    assert "TI  - A title\n" in record
    assert all(re.match(r"[A-Z][A-Z0-9]  - ", line) for line in record.splitlines())


def test_csl_json_for_one_sender():
    assert json.loads(csl_json(ONE_SENDER)) == [
        {
            "id": "2022-08-11-khamenei-to-al-nakhalah",
            "type": "personal_communication",
            "title": "Ali Khamenei to Ziyad al-Nakhalah",
            "author": [{"literal": "Ali Khamenei"}],
            "recipient": [{"literal": "Ziyad al-Nakhalah"}],
            "issued": {"date-parts": [[2022, 8, 11]]},
            "container-title": "Letters of the Example Family",
            "genre": "Letter",
            "URL": "https://example.org/letters/2022-08-11-khamenei-to-al-nakhalah/",
            "language": "en",
            "abstract": "Khamenei acknowledges the letter.",
            "note": "Source: “The Leader, in response”, Office of the Supreme Leader, 11 August 2022, the letter, https://modir.velayat.ir/en/content/25977",
        }
    ]


def test_csl_json_dates_several_senders_and_no_address():
    [several] = json.loads(csl_json(SEVERAL_SENDERS))
    assert several["author"] == [{"literal": "Ada Example"}, {"literal": "Ben Example"}, {"literal": "Example Society, and Friends"}]
    assert several["issued"] == {"date-parts": [[1890, 7, 23]], "circa": True}
    [ranged] = json.loads(csl_json(RANGED_NO_URL))
    assert ranged["type"] == "speech"
    assert ranged["issued"] == {"literal": "between 8 and 11 August 2022"}
    assert "URL" not in ranged and "recipient" not in ranged and "note" not in ranged


def _fields(cited: CitedLetter) -> dict:
    return {name: getattr(cited, name) for name in cited.__slots__}


def test_records_are_escaped_for_the_page():
    hostile = CitedLetter(**{**_fields(ONE_SENDER), "title": '</code></pre><script>x("&")</script>'})
    for name, label, file_name, media_type, html in citation_records(hostile):
        assert "<" not in html.replace("&lt;", "") and file_name.startswith(hostile.id + ".")
    assert as_element_text('a "b" <c> & d') == 'a "b" &lt;c&gt; &amp; d'


@pytest.mark.parametrize(
    "text, parts, biblatex, chicago_text, circa",
    [
        ("2021-05-22", [2021, 5, 22], "2021-05-22", "22 May 2021", False),
        ("2021-05~", [2021, 5], "2021-05~", "about May 2021", True),
        ("2021-05-22?", [2021, 5, 22], "2021-05-22?", "[22 May 2021?]", True),
        ("2021-05-XX", [2021, 5], "2021-05", "some day in May 2021", False),
        ("202X", None, None, "some year in 2020–2029", False),
        ("2022-08-08/2022-08-11", None, "2022-08-08/2022-08-11", "between 8 and 11 August 2022", False),
        ("2021-05/..", None, "2021-05/", "May 2021 or later", False),
        ("[2021-05-22,2021-05-23]", None, None, "22 May 2021 or 23 May 2021", False),
        ("-0044-03-15", None, None, "15 March 45 BCE", False),
        ("1985-04-12T23:20:30Z", [1985, 4, 12], "1985-04-12", "12 April 1985 at 23:20:30 UTC", False),
        ("156X-12-25", None, None, "25 December, some year in 1560–1569", False),
    ],
)
def test_dates_in_every_record(text, parts, biblatex, chicago_text, circa):
    date = parse(text)
    assert date_parts(date) == parts
    assert biblatex_date(date) == biblatex
    assert chicago_date(date) == chicago_text
    issued = csl_date(date)
    assert issued == ({"date-parts": [parts], **({"circa": True} if circa else {})} if parts else {"literal": date.display()})


def test_linked_data_gives_only_exact_iso_dates():
    assert [exact(parse(t)) for t in ("2021-05-22", "2021-05", "2001-21", "1985-04-12T23:20:30Z")] == ["2021-05-22", "2021-05", "2001", "1985-04-12T23:20:30Z"]
    assert [exact(parse(t)) for t in ("2021-05-22?", "2021-05~", "2021-05-XX", "2022-08-08/2022-08-11", "-0044-03-15", "Y170000002", "156X-12-25")] == [None] * 7
