"""The theme's fragment cache: a macro rendered once for each distinct set of its inputs.

A letter appears on the page of everyone and everything it links to, and on the year
pages: rendering its card anew each time would cost more than the rest of those pages.
A template opts in where it wants reuse by calling ``cached("letter_card", card)`` instead
of ``letter_card(card)``; the macro is the one in ``macros/letter_card.html`` (the site's
own, if it has one).

The cache is keyed on every input the macro reads: its arguments, and every other name
it reads, found in its template's source and the sources of the macros it imports —
but for the environment's globals, which are the same on every page. A macro that reads
none but its arguments (every macro of the default theme) is rendered once per set of
arguments; one that reads a page's variables (``page_url``, say) is rendered with that
page's context and keyed on their values, so it is never reused where they differ.
"""

from __future__ import annotations

from typing import Any, Sequence

import jinja2
from jinja2 import nodes
from markupsafe import Markup

#: names every macro has without reading them from its page
_MACRO_OWN = frozenset({"caller", "varargs", "kwargs", "loop"})


def macro_template(name: str) -> str:
    """The template that defines macro ``name``: one macro a file, named after it."""
    return f"macros/{name}.html"


class Fragments:
    """``cached(name, *args, **kwargs)`` for one environment's templates."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self._inputs: dict[str, tuple[str, ...]] = {}
        self._html: dict[tuple, Markup] = {}

    def template_global(self) -> Any:
        """``cached`` as templates call it: ``cached("letter_card", card, summary)``."""

        @jinja2.pass_context
        def cached(context: jinja2.runtime.Context, name: str, *args: Any, **kwargs: Any) -> Markup:
            return self.cached(context, name, *args, **kwargs)

        return cached

    def cached(self, context: jinja2.runtime.Context, name: str, *args: Any, **kwargs: Any) -> Markup:
        inputs = self.inputs(name)
        key = _key(name, args, kwargs, [context.resolve_or_missing(n) for n in inputs])
        try:
            found = self._html.get(key)
        except TypeError:  # an input that cannot be a key (a list, say): no reuse
            return self._macro(context, name, inputs)(*args, **kwargs)
        if found is None:
            found = self._html[key] = self._macro(context, name, inputs)(*args, **kwargs)
        return found

    def reads_only_its_arguments(self, name: str) -> bool:
        """Whether macro ``name`` can be rendered before any page asks for it (``ahead``)."""
        return not self.inputs(name)

    def ahead(self, name: str, calls: Sequence[tuple]) -> list[Markup]:
        """Macro ``name``, one that reads only its arguments, rendered for each tuple of
        arguments in ``calls`` before any page asks (possibly in another process: see
        ``keep``)."""
        macro = getattr(self.env.get_template(macro_template(name)).module, name)
        return [macro(*args) for args in calls]

    def keep(self, name: str, calls: Sequence[tuple], made: Sequence[Markup]) -> None:
        """What ``ahead`` made, reused where a page calls ``cached(name, *args)``."""
        for args, html in zip(calls, made):
            self._html[_key(name, args, {}, ())] = html

    def _macro(self, context: jinja2.runtime.Context, name: str, inputs: tuple[str, ...]) -> Any:
        template = self.env.get_template(macro_template(name))
        module = template.make_module(context.get_all()) if inputs else template.module
        return getattr(module, name)

    def inputs(self, name: str) -> tuple[str, ...]:
        """The names macro ``name`` reads besides its arguments and the environment's globals."""
        found = self._inputs.get(name)
        if found is None:
            found = self._inputs[name] = tuple(sorted(self._free_names(name, {name})))
        return found

    def _free_names(self, name: str, seen: set[str]) -> set[str]:
        """Free names of macro ``name`` and of the macros it imports, transitively."""
        template = macro_template(name)
        source, filename, _ = self.env.loader.get_source(self.env, template)  # type: ignore[union-attr]
        tree = self.env.parse(source, template, filename)
        imported = {}  # name in this template -> the macro it is
        for node in tree.find_all(nodes.FromImport):
            for entry in node.names:
                original, alias = entry if isinstance(entry, tuple) else (entry, entry)
                imported[alias] = original
        macro = next((m for m in tree.find_all(nodes.Macro) if m.name == name), None)
        if macro is None:
            raise jinja2.TemplateRuntimeError(f"{template} defines no macro '{name}'")
        own = {arg.name for arg in macro.args} | _MACRO_OWN
        own |= {n.name for n in macro.find_all(nodes.Name) if n.ctx in ("store", "param")}
        free: set[str] = set()
        for node in macro.find_all(nodes.Name):
            if node.ctx != "load" or node.name in own or node.name in self.env.globals:
                continue
            if node.name in imported:
                dependency = imported[node.name]
                if dependency not in seen:
                    seen.add(dependency)
                    free |= self._free_names(dependency, seen)
            else:
                free.add(node.name)
        return free


def _key(name: str, args: tuple, kwargs: dict[str, Any], inputs: Sequence[Any]) -> tuple:
    """Where the cache keeps a macro's HTML: the macro, its arguments, and the values of
    the other names it reads."""
    return (name, args, tuple(sorted(kwargs.items())) if kwargs else (), tuple(inputs))
