"""The link stage: backlinks by role, threads, chronology, related letters, events."""

from __future__ import annotations

import re

from conftest import letter

from docket.engine.build import check

EVENT = "---\nname: May fighting\ndescription: Fighting in May 2021.\nstart: 2021-05-10\nend: 2021-05-21\n---\n"
WORK = "---\nname: Qur'an\ndescription: Scripture.\n---\n"


def archive(scratch_site):
    return scratch_site(
        {
            "content/events/may-fighting.md": EVENT,
            "content/works/quran.md": WORK,
            "content/letters/a.md": letter(
                "date: 2021-05-18?\nsenders: [ismail-haniyeh]\nrecipients: [ali-khamenei]\ntext: full\nplace_sent: gaza-strip\nmentions: {events: [may-fighting]}\nsource: {title: S}",
                "Written in [[gaza-strip|Gaza]].",
            ),
            "content/letters/b.md": letter(
                "date: 2021-05-24\nsenders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: excerpts\nin_reply_to: [a]\ncites: [{work: quran, ref: '47:7'}]\nsource: {title: S}",
                "To [[ismail-haniyeh]] about [[may-fighting]].",
            ),
            "content/letters/c.md": letter("senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {title: S}"),
            "content/letters/d.md": letter("date: 2020\nsenders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {title: S}"),
        }
    )


def test_chronology_puts_undated_last_and_year_precision_before_days_of_that_year(scratch_site):
    site = check(archive(scratch_site)).site
    assert site.chronology == ["d", "a", "b", "c"]
    assert site.neighbours("a") == ("d", "b")
    assert site.neighbours("c") == ("b", None)


def test_backlinks_by_role(scratch_site):
    site = check(archive(scratch_site)).site
    assert site.links_to["ali-khamenei"] == {"sent": ["d", "b", "c"], "received": ["a"]}
    assert site.links_to["ismail-haniyeh"] == {"sent": ["a"], "received": ["d", "b", "c"], "mentioned": ["b"]}
    assert site.links_to["gaza-strip"] == {"sent_from": ["a"], "mentioned": ["a"]}
    assert site.links_to["may-fighting"] == {"mentioned": ["a", "b"]}
    assert site.links_to["quran"] == {"cited": ["b"]}
    assert site.letter_count("ali-khamenei") == 4


def test_records_linking_in_their_text_come_letters_by_date_then_entities_by_id(scratch_site):
    site_dir = archive(scratch_site)
    for name in ("z-summit", "b-summit"):
        (site_dir / f"content/events/{name}.md").write_text(EVENT.replace("May fighting", name) + "See [[quran]] and [[may-fighting]].\n")
    (site_dir / "content/letters/c.md").write_text(letter("senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {title: S}", "Quoting [[quran]] twice: [[quran]]."))
    site = check(site_dir).site
    assert site.links_to["quran"] == {"mentioned": ["c"], "cited": ["b"], "linked": ["b-summit", "z-summit"]}
    assert site.links_to["may-fighting"] == {"mentioned": ["a", "b"], "linked": ["b-summit", "z-summit"]}


def test_what_a_letter_mentions_joins_its_mentions_and_its_text_links_by_kind_and_name(scratch_site):
    site_dir = archive(scratch_site)
    (site_dir / "content/letters/c.md").write_text(
        letter(
            "senders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nmentions: {people: [ismail-haniyeh], events: [may-fighting]}\nsource: {title: S}",
            "[[quran]], [[ismail-haniyeh]] again, [[ali-khamenei]], [[gaza-strip]] and [[b]].",
        )
    )
    site = check(site_dir).site
    assert site.mentioned["a"] == {"place": ["gaza-strip"], "event": ["may-fighting"]}
    assert site.mentioned["b"] == {"person": ["ismail-haniyeh"], "event": ["may-fighting"]}
    assert site.mentioned["c"] == {
        "person": ["ali-khamenei", "ismail-haniyeh"],
        "place": ["gaza-strip"],
        "event": ["may-fighting"],
        "work": ["quran"],
    }
    assert "d" not in site.mentioned


def test_replies_and_titles(scratch_site):
    site = check(archive(scratch_site)).site
    assert site.replies == {"a": ["b"]}
    assert site.titles["a"] == "Ismail Haniyeh to Ali Khamenei"


def test_letters_during_an_event_are_those_dated_inside_it(scratch_site):
    site = check(archive(scratch_site)).site
    assert site.during == {"may-fighting": ["a"]}


def test_related_letters_share_correspondents_or_events_and_leave_out_the_thread(scratch_site):
    site = check(archive(scratch_site)).site
    assert site.related["b"] == ["d", "c"]
    assert site.related["a"] == ["d", "c"]


def test_an_event_page_lists_the_first_letters_during_it_and_sends_to_the_timeline_for_the_rest(scratch_site, tmp_path, monkeypatch):
    import docket.site.render
    from docket.engine.build import build

    monkeypatch.setattr(docket.site.render, "DURING_LIMIT", 2)
    event = "---\nname: Long talks\ndescription: Talks.\nstart: 2020-12-01\nend: 2021-02-28\n---\n"
    files = {"content/events/long-talks.md": event}
    for name, day in (("w", "2020-12-05"), ("x", "2021-01-03"), ("y", "2021-01-20"), ("z", "2021-02-10")):
        files[f"content/letters/{name}.md"] = letter(f"date: {day}\nsenders: [ali-khamenei]\nrecipients: [ismail-haniyeh]\ntext: full\nsource: {{title: S}}")
    out = tmp_path / "out"
    build(scratch_site(files), out, search=False)
    page = (out / "events" / "long-talks" / "index.html").read_text()
    assert "Written during this event <span class=\"count\">(4)</span>" in page
    assert "The first 2 of 4, in order of date." in page
    assert '<a href="../../timeline/2020/">2020</a>, <a href="../../timeline/2021/">2021</a>.' in page
    assert page.count('class="card"') == 2 and "/letters/w/" in page and "/letters/x/" in page and "/letters/z/" not in page


def test_an_index_files_every_name_under_the_group_it_sorts_in(scratch_site):
    """Sort key and group key are one: groups come in order, a name is filed where it sorts."""
    import re

    from docket.engine.build import build

    people = {"zed": "Zed", "ali-b": "ali Bey", "haj": '"Haj" Qa\'ani', "nineteen": "1948 Committee", "emile": "Émile", "ada": "Ada"}
    files = {f"content/people/{pid}.md": f"---\nname: '{name}'\ndescription: A person.\n---\n".replace("''", "'") for pid, name in people.items()}
    files["content/people/haj.md"] = "---\nname: '\"Haj\" Qa''ani'\ndescription: A person.\n---\n"
    site = scratch_site(files)
    build(site, search=False)
    page = (site / "site/people/index.html").read_text()
    groups = re.findall(r'<h2 id="initial-\d+">([^<]+)</h2>', page)
    assert groups == ["#", "A", "E", "H", "I", "Z"]
    order = re.findall(r'<p class="index-name"><a href="\.\./people/([a-z0-9-]+)/" dir="auto">', page)
    assert order == ["nineteen", "ada", "ali-b", "ali-khamenei", "emile", "haj", "ismail-haniyeh", "zed"]


def test_the_timeline_says_when_an_event_began_and_when_it_ended(scratch_site):
    from docket.engine.build import build

    files = {
        "content/events/talks.md": "---\nname: Talks\ndescription: Talks.\nstart: 2021-01-03\nend: 2021-02-10\n---\n",
        "content/events/one-day.md": "---\nname: One day\ndescription: A day.\nstart: 2021-01-05\nend: 2021-01-05\n---\n",
        "content/events/open.md": "---\nname: Open\ndescription: Still going.\nstart: 2021-01-07\n---\n",
    }
    site = scratch_site(files)
    build(site, search=False)
    page = re.sub(r"<[^>]+>", "", (site / "site/timeline/index.html").read_text())
    page = re.sub(r"\s+", " ", page)
    assert "Event Talks Began 3 January 2021 Ended 10 February 2021" in page
    assert "Event One day On 5 January 2021" in page
    assert "Event Open Began 7 January 2021 " in page and "Open Began 7 January 2021 Ended" not in page
