"""Links made relative to the page they are on, so that a copy of the site read from disk
(``file://``) finds its styles and its pages, as one served from any address does.

Templates and Markdown write every link to the site as a path from the site's root
(``/letters/x/``, under ``base_url``'s path); each page's links are rewritten once it is
rendered, by how deep the page lies: on ``/letters/x/``, ``/people/`` becomes
``../../people/``. Only the attributes a page navigates or loads by (``href``, ``src``,
``action``) are rewritten — never text, never ``//host`` addresses, never absolute ones.

The page for a missing address (``404.html``) keeps paths from the root: a host serves it
in place of any page, at any depth.
"""

from __future__ import annotations

import re

NOT_FOUND = "/404.html"


def relative_links(html: str, page_url: str, prefix: str) -> str:
    """``html`` of the page at ``page_url`` with its links to the site made relative.

    ``prefix`` is the path the site is mounted at, without its final slash ('' at the
    root of a host); ``page_url`` includes it.
    """
    if page_url == prefix + NOT_FOUND:
        return html
    depth = page_url[len(prefix) :].count("/") - 1
    up = "../" * depth or "./"
    root = len(prefix) + 1  # the link's "{prefix}/", which "../" steps replace
    return _pattern(prefix).sub(lambda link: link[0][:-root] + up, html)


_patterns: dict[str, re.Pattern[str]] = {}


def _pattern(prefix: str) -> re.Pattern[str]:
    found = _patterns.get(prefix)
    if found is None:
        found = _patterns[prefix] = re.compile(rf' (?:href|src|action)="{re.escape(prefix)}/(?!/)')
    return found
