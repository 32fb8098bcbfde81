"""The theme: where its templates come from, and how a template's failure is reported.

The default theme ships in ``templates/``; a site overrides any one of its files with a
file of the same name in its own ``templates/`` folder (docs/themes.md). Autoescape is on for every
template whatever its name, and undefined names are errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, MutableMapping

import jinja2
from markupsafe import Markup
from markupsafe import escape as _escape

try:  # the C function markupsafe's own escape calls (markupsafe 3)
    from markupsafe import _escape_inner as _escaped_text
except ImportError:  # another markupsafe: the same text, by way of a Markup

    def _escaped_text(text: str) -> str:
        return str(_escape(text))


THEME_DIR = Path(__file__).parent / "templates"


class TemplateProblem(Exception):
    """A template that fails to compile or render, located as ``template:line``."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        super().__init__(f"{template}:{line}: {message}" if line else f"{template}: {message}")
        self.template, self.line, self.message = template, line, message

    def __reduce__(self):  # crosses from worker processes intact
        return (TemplateProblem, (self.template, self.line, self.message))


def escape(value: Any) -> str:
    """What a template outputs for ``{{ value }}``: markupsafe's ``escape``, without its copies.

    Autoescaping escapes every ``{{ ... }}``, some 180 on a letter's page. markupsafe
    wraps each result in a new ``Markup``, copying the string, and for a value already
    marked safe (a macro's output, a cached fragment, a text's HTML: a quarter of them)
    copies it whole. Nothing reads the result but the join that makes the page, so text
    is given back escaped as a plain string and safe HTML as it is.
    """
    if type(value) is str:
        return _escaped_text(value)
    if type(value) is Markup:
        return value
    return _escape(value)


class ThemeTemplate(jinja2.Template):
    """A template whose ``{{ ... }}`` escape with :func:`escape`."""

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: MutableMapping[str, Any], globals: MutableMapping[str, Any]) -> jinja2.Template:
        namespace["escape"] = escape  # the compiled template's own name for it
        return super()._from_namespace(environment, namespace, globals)


class ThemeEnvironment(jinja2.Environment):
    """Jinja2's environment, but for the globals each template sees: one dict, made when
    the template is loaded, where Jinja2 makes a view of the environment's globals.

    Every ``{% from ... import ... %}`` of every page compares the page's globals with
    the imported template's, and through a view that comparison runs in Python, name by
    name. The renderer sets the environment's globals before it loads any template.
    """

    template_class = ThemeTemplate

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
