"""docket report: each gap's records and count on small archives, in the terminal and as a page."""

from __future__ import annotations

from html.parser import HTMLParser

from conftest import letter

from docket.archive.report import report
from docket.commands.cli import main
from docket.engine.build import check

PEOPLE = {
    "content/people/ali-khamenei.md": "---\nname: Ali Khamenei\ndescription: Supreme Leader.\nwikidata: Q57336\n---\n",
    "content/people/ismail-haniyeh.md": "---\nname: Ismail Haniyeh\ndescription: Hamas leader.\n---\n",
    "content/people/nobody-named.md": "---\nname: Zed <Unnamed>\ndescription: Named by no letter.\n---\n",
    "content/places/gaza-strip.md": "---\nname: Gaza Strip\ndescription: A territory.\ngeonames: '281133'\n---\n",
    "content/events/war.md": "---\nname: A war\ndescription: Named by no letter, only by an event's place.\nplaces: [gaza-strip]\n---\n",
}


def lettered(front: str, body: str = "Text.") -> str:
    return letter("senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\n" + front, body)


ARCHIVE = {
    **PEOPLE,
    "content/letters/a-first.md": lettered("date: 2021-05-18?\ntext: mentioned\nnote: Known from the reply.\nsource: {title: A book}\n", ""),
    "content/letters/b-reply.md": lettered("date: 2021-05-24\ntext: full\nin_reply_to: [a-first]\nsource: {title: A, url: 'https://example.org/b'}\n"),
    "content/letters/c-undated.md": lettered("text: full\nsource: {url: 'https://example.org/c'}\nmentions: {places: [gaza-strip]}\n"),
    "content/letters/d-around.md": lettered("date: 2021-06~\ntext: full\nsource: {title: A, url: 'https://example.org/d'}\n"),
}


def gaps(site) -> dict[str, list[tuple[str, str]]]:
    return {lack.key: [(item.record_id, item.detail) for item in lack.items] for lack in report(check(site).site)}


def test_each_gap_lists_its_records_in_page_order(scratch_site):
    site = scratch_site(ARCHIVE, with_people=False)
    assert gaps(site) == {
        "no-authority": [("ismail-haniyeh", ""), ("nobody-named", ""), ("war", "")],
        "unnamed": [("nobody-named", ""), ("war", "")],
        "no-source-url": [("a-first", "")],
        "uncertain-dates": [("a-first", "2021-05-18?"), ("d-around", "2021-06~")],
        "undated": [("c-undated", "")],
        "broken-threads": [("b-reply", "replies to 'a-first', known only from mentions")],
    }


def test_a_reply_to_a_letter_not_in_the_archive_is_a_broken_thread(scratch_site):
    files = {**ARCHIVE, "content/letters/e-lost.md": lettered("date: 2021-07-01\ntext: full\nin_reply_to: [lost-letter]\nsource: {url: 'https://example.org/e'}\n")}
    site = scratch_site(files, with_people=False)
    assert gaps(site)["broken-threads"] == [
        ("b-reply", "replies to 'a-first', known only from mentions"),
        ("e-lost", "replies to 'lost-letter', which is not a letter in the archive"),
    ]


def test_a_complete_archive_lacks_nothing(scratch_site):
    complete = {
        "content/people/ali-khamenei.md": PEOPLE["content/people/ali-khamenei.md"],
        "content/people/ismail-haniyeh.md": "---\nname: Ismail Haniyeh\ndescription: Hamas leader.\nviaf: '1'\n---\n",
        "content/letters/a.md": lettered("date: 2021-05-24\ntext: full\nsource: {url: 'https://example.org/a'}\n"),
    }
    site = scratch_site(complete, with_people=False)
    assert all(items == [] for items in gaps(site).values())


def test_the_terminal_table_counts_each_gap_and_lists_records(scratch_site, capsys):
    site = scratch_site(ARCHIVE, with_people=False)
    assert main(["report", "--site", str(site)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "What the archive still lacks"
    counts = {line[2:].rsplit(maxsplit=1)[0].strip(): int(line.rsplit(maxsplit=1)[1]) for line in lines[4:10]}
    assert counts == {
        "Entities without an authority id": 3,
        "Entities no letter names": 2,
        "Letters without a source address": 1,
        "Letters with an uncertain or approximate date": 2,
        "Letters without a date": 1,
        "Reply threads with a letter missing": 1,
    }
    assert "  content/letters/d-around.md  Ali Khamenei to Ismail Haniyeh — 2021-06~" in lines


def test_the_terminal_shows_the_first_records_unless_all(scratch_site, capsys):
    people = {f"content/people/p-{n:02}.md": f"---\nname: P {n:02}\ndescription: One.\n---\n" for n in range(25)}
    site = scratch_site({**ARCHIVE, **people}, with_people=False)
    main(["report", "--site", str(site)])
    assert "  … and 8 more (docket report --all, or --html FILE)" in capsys.readouterr().out
    main(["report", "--site", str(site), "--all"])
    out = capsys.readouterr().out
    assert "more (docket report" not in out and "content/people/p-24.md" in out


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs)["href"])
        self.scripts += tag == "script"

    def handle_data(self, data):
        self.text.append(data)


def test_the_page_links_every_record_under_base_url_and_escapes_names(scratch_site, capsys, tmp_path):
    site = scratch_site({**ARCHIVE, "docket.toml": 'title = "T"\nbase_url = "https://example.org/letters/"\n'}, with_people=False)
    target = tmp_path / "out" / "report.html"
    assert main(["report", "--site", str(site), "--html", str(target)]) == 0
    assert capsys.readouterr().out == f"Wrote {target}: 10 gaps in 6 lists.\n"
    html = target.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    assert page.scripts == 0
    assert "#no-authority" in page.links and "#broken-threads" in page.links
    assert "https://example.org/letters/people/nobody-named/" in page.links
    assert "https://example.org/letters/letters/b-reply/" in page.links
    assert "https://example.org/letters/events/war/" in page.links
    assert "Zed <Unnamed>" in "".join(page.text) and "Zed &lt;Unnamed&gt;" in html
    assert html.count('<th scope="col">') == 2 + 4 * 6
    assert '<html lang="en">' in html


def test_the_page_of_an_archive_with_errors_is_still_written_and_says_so(scratch_site, capsys, tmp_path):
    files = {**ARCHIVE, "content/letters/e-lost.md": lettered("text: full\nin_reply_to: [lost-letter]\nsource: {title: T}\n")}
    site = scratch_site(files, with_people=False)
    assert main(["report", "--site", str(site), "--html", str(tmp_path / "r.html")]) == 0
    assert capsys.readouterr().err == "The archive has 1 error, which 'docket check' lists; the report covers what could be read.\n"
    assert "lost-letter" in (tmp_path / "r.html").read_text(encoding="utf-8")
