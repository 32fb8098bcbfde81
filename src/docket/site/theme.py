"""The theme: where its templates come from, and how a template's failure is reported.

The default theme ships in ``templates/``; a site overrides any one of its files with a
file of the same name in its own ``templates/`` folder (docs/themes.md). Autoescape is on for every
template whatever its name, and undefined names are errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, MutableMapping

import jinja2

THEME_DIR = Path(__file__).parent / "templates"


class TemplateProblem(Exception):
    """A template that fails to compile or render, located as ``template:line``."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        super().__init__(f"{template}:{line}: {message}" if line else f"{template}: {message}")
        self.template, self.line, self.message = template, line, message

    def __reduce__(self):  # crosses from worker processes intact
        return (TemplateProblem, (self.template, self.line, self.message))


class ThemeEnvironment(jinja2.Environment):
    """Jinja2's environment, but for the globals each template sees: one dict, made when
    the template is loaded, where Jinja2 makes a view of the environment's globals.

    Every ``{% from ... import ... %}`` of every page compares the page's globals with
    the imported template's, and through a view that comparison runs in Python, name by
    name. The renderer sets the environment's globals before it loads any template.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:  # type: ignore[override]
        return {**self.globals, **(d or {})}


def make_environment(site_dir: Path | None) -> jinja2.Environment:
    """Templates from the site's ``templates/`` first, then the default theme's; the
    theme's are also reachable as ``theme/NAME``, so that a site's template can extend
    the one it replaces (``{% extends "theme/home.html" %}``) and change a block alone."""
    theme = jinja2.FileSystemLoader(THEME_DIR)
    loaders: list[jinja2.BaseLoader] = []
    if site_dir is not None and (site_dir / "templates").is_dir():
        loaders.append(jinja2.FileSystemLoader(site_dir / "templates"))
    loaders += [theme, jinja2.PrefixLoader({"theme": theme})]
    env = ThemeEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # A change to a template rebuilds everything with a new environment, so there
        # is no need to look at the template's file again each time a page uses it.
        auto_reload=False,
    )
    return env


def template_location(exc: BaseException, default: str) -> tuple[str, int | None]:
    """The innermost template frame of a rendering error's traceback."""
    tb = exc.__traceback__
    location: tuple[str, int | None] = (default, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html") or "/templates/" in filename:
            location = (Path(filename).name, tb.tb_lineno)
        tb = tb.tb_next
    return location
