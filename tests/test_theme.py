"""The theme: one macro overridden alone, the fragment cache keyed on what a macro reads,
a template extending the one it replaces, and the archive's own override."""

from __future__ import annotations

from pathlib import Path

from conftest import BASIC_LETTER, REPO, letter

from docket.engine.build import build, check
from docket.site.render import Renderer
from docket.site.theme import THEME_DIR

REPLY = letter("date: 2021-05-25\nsenders: [ismail-haniyeh]\nrecipients: [ali-khamenei]\ntext: full\nin_reply_to: [a]\nsource: {title: S}", "A reply.")


def two_letters(scratch_site, **templates: str) -> Path:
    files = {"content/letters/a.md": BASIC_LETTER, "content/letters/b.md": REPLY}
    files.update({f"templates/{name}": text for name, text in templates.items()})
    return scratch_site(files)


def page(site: Path, url: str) -> str:
    return (site / "site" / url.strip("/") / "index.html").read_text()


def test_a_card_macro_that_reads_page_url_renders_each_page_right(scratch_site):
    """The fragment cache keys a macro on every name it reads: one that reads the page's
    address is never reused on another page."""
    card = (THEME_DIR / "macros/letter_card.html").read_text().replace('<div class="card">', '<div class="card" data-on="{{ page_url }}">')
    site = two_letters(scratch_site, **{"macros/letter_card.html": card})
    build(site, search=False)
    for url in ("/people/ali-khamenei/", "/people/ismail-haniyeh/", "/letters/", "/"):
        shown = page(site, url)
        assert shown.count('data-on="') >= 2
        assert shown.count('data-on="') == shown.count(f'data-on="{url}"'), url


def test_what_a_macro_reads_is_found_through_the_macros_it_imports(scratch_site):
    date = (THEME_DIR / "macros/date.html").read_text().replace("{{ d.words }}</time>", "{{ d.words }}</time><!-- {{ nav_current }} -->")
    site = two_letters(scratch_site, **{"macros/date.html": date})
    checked = check(site)
    renderer = Renderer(checked.site, checked.config, site)
    default = Renderer(checked.site, checked.config, None)
    assert _inputs(default, "letter_card") == ()
    assert _inputs(renderer, "letter_card") == ("nav_current",)


def _inputs(renderer: Renderer, name: str) -> tuple[str, ...]:
    return renderer.fragments.inputs(name)


def test_one_macro_is_overridden_without_copying_the_others(scratch_site):
    site = two_letters(scratch_site, **{"macros/names.html": "{% macro names(links) -%}\n{{ links | map(attribute='title') | join(' & ') | upper }}\n{%- endmacro %}\n"})
    build(site, search=False)
    home = page(site, "/")
    assert '<span class="visually-hidden">From </span>ALI KHAMENEI <span aria-hidden="true">→</span>' in home
    assert '<time datetime="2021-05-24">24 May 2021</time>' in home  # the theme's date macro still serves


def test_a_template_extends_the_one_it_replaces_and_changes_one_block(scratch_site):
    override = '{% extends "theme/home.html" %}\n{% block introduction %}<p class="lede">Our own words.</p>\n{% endblock %}\n'
    site = two_letters(scratch_site, **{"home.html": override})
    build(site, search=False)
    home = page(site, "/")
    assert '<p class="lede">Our own words.</p>' in home
    assert "The archive holds" not in home and 'id="start-heading"' in home


def test_the_archives_own_home_page_introduction(tmp_path):
    build(REPO, tmp_path / "site", search=False, use_cache=False)
    home = (tmp_path / "site" / "index.html").read_text()
    assert "Their texts come from two English-language web pages" in home
    assert 'id="start-heading"' in home  # the rest is the theme's


def test_templates_escape_text_and_keep_what_is_already_safe():
    """Text is escaped as markupsafe escapes it; HTML marked safe (a macro's output, a
    text's HTML) is output as it is, the same string rather than a copy."""
    import markupsafe
    from markupsafe import Markup

    from docket.site.theme import escape, make_environment

    env = make_environment(None)
    page = env.from_string("{% macro shown(x) %}<i>{{ x }}</i>{% endmacro %}{{ text }}|{{ html }}|{{ number }}|{{ shown(text) }}")
    html = Markup("<b>safe</b>")
    assert page.render(text="<script>&", html=html, number=3) == "&lt;script&gt;&amp;|<b>safe</b>|3|<i>&lt;script&gt;&amp;</i>"
    assert escape(html) is html
    for text in ("<a href='x'>\"Tom\" & Jerry</a>", "plain", "", "ü → ا"):
        assert escape(text) == str(markupsafe.escape(text))
    assert escape(3) == "3" and escape(None) == "None"


def _site_files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site / "site")): path.read_bytes() for path in sorted((site / "site").rglob("*")) if path.is_file()}


def test_cards_made_before_the_pages_workers_fork_are_the_ones_pages_show(scratch_site, monkeypatch):
    """With workers, every letter's card is made first, on every core, and the pages
    reuse them: the site is the one a single process makes. A card that reads the page's
    address is not made ahead, and each page still shows its own."""
    from docket.engine import rendering
    from docket.site.fragments import Fragments

    site = two_letters(scratch_site)
    build(site, search=False, workers=1)
    alone = _site_files(site)
    kept = []
    original_keep = Fragments.keep
    monkeypatch.setattr(Fragments, "keep", lambda self, name, calls, made: kept.extend(made) or original_keep(self, name, calls, made))
    monkeypatch.setattr(rendering, "MIN_PARALLEL", 0)
    monkeypatch.setattr(rendering, "CHUNK", 1)
    monkeypatch.setattr(rendering, "CARD_CHUNK", 1)
    build(site, search=False, workers=2, use_cache=False)
    assert len(kept) == 4 and all('<div class="card">' in card for card in kept)  # two letters, with and without summary
    assert _site_files(site) == alone

    checked = check(site)
    renderer = Renderer(checked.site, checked.config, site)
    ids = sorted(checked.site.letters)
    renderer.keep_cards(ids, renderer.cards_ahead(ids))
    made_again = []
    original_macro = Fragments._macro
    monkeypatch.setattr(Fragments, "_macro", lambda self, context, name, inputs: made_again.append(name) or original_macro(self, context, name, inputs))
    year_page = next(key for key in renderer.index_page_keys() if key.section == "letters")
    assert '<div class="card">' in renderer.index_page(year_page).html
    assert "letter_card" not in made_again

    kept.clear()
    card = (THEME_DIR / "macros/letter_card.html").read_text().replace('<div class="card">', '<div class="card" data-on="{{ page_url }}">')
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/macros").mkdir(exist_ok=True)
    (site / "templates/macros/letter_card.html").write_text(card)
    build(site, search=False, workers=2, use_cache=False)
    assert kept == []
    for url in ("/people/ali-khamenei/", "/letters/"):
        shown = page(site, url)
        assert shown.count('data-on="') >= 2 and shown.count('data-on="') == shown.count(f'data-on="{url}"'), url
