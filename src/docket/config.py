"""``docket.toml``: the site's settings, validated like content.

Unknown keys are warnings with a "did you mean" (a typo must not silently do nothing);
wrong types are errors. The file is optional: every setting has a default.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from docket.errors import Problems, did_you_mean

CONFIG_FILE = "docket.toml"
#: licences a site may publish its data under (SPDX ids): (title, address)
LICENSES: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution Share Alike 4.0 International", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "ODC-By-1.0": ("Open Data Commons Attribution License v1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License v1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "PDDL-1.0": ("Open Data Commons Public Domain Dedication and License v1.0", "https://opendatacommons.org/licenses/pddl/1-0/"),
}


@dataclass(frozen=True, slots=True)
class Config:
    title: str = "Letters"
    description: str = ""
    base_url: str = "/"
    language: str = "en"
    search: bool = True
    copyright: str = ""
    #: the licence of the published data (a key of LICENSES), or "" for none stated
    license: str = ""
    #: who edits the archive: named in the CMIF header and in "how to cite"
    editor: str = ""
    #: pages per search-index bundle at most (see search/bundles.py): small enough that two
    #: bundles built at once stay well inside a few GB, large enough that a search asks few
    search_bundle_size: int = 5000
    #: suggest linking the names of entities that letters mention without a link
    suggest_links: bool = True

    @property
    def base_path(self) -> str:
        """The path part of ``base_url``, always ending in '/': where the site is mounted."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def has_base_url(self) -> bool:
        """Whether ``base_url`` is set: the default "/" means the site's address is unknown."""
        return self.base_url != "/"

    def absolute_url(self, url: str) -> str | None:
        """The full address of a site URL (``/letters/x/``), or None when ``base_url`` is unset.

        Outputs read by others (CMIF, sitemap, feed, JSON-LD, Open Graph) need full addresses;
        without a ``base_url`` there is none to give, and they are left out.
        """
        if not self.has_base_url:
            return None
        if not url.startswith("/"):
            raise ValueError(f"not a site URL: {url!r}")
        return self.base_url.rstrip("/") + url


FIELDS: dict[str, type] = {
    "title": str,
    "description": str,
    "base_url": str,
    "language": str,
    "search": bool,
    "copyright": str,
    "license": str,
    "editor": str,
    "search_bundle_size": int,
    "suggest_links": bool,
}
EXPECTED = {bool: ("true or false", "true"), str: ("text in quotes", '"…"'), int: ("a whole number", "5000")}


def load_config(site_dir: Path, problems: Problems) -> Config:
    path = site_dir / CONFIG_FILE
    if not path.exists():
        return Config()
    try:
        text = path.read_text(encoding="utf-8-sig")
        raw = tomllib.loads(text)
    except UnicodeDecodeError:
        problems.error(CONFIG_FILE, None, "the file is not UTF-8", "save it as UTF-8")
        return Config()
    except tomllib.TOMLDecodeError as exc:
        line = _line_of_toml_error(str(exc))
        problems.error(CONFIG_FILE, line, f"TOML syntax error: {exc}", "values are 'key = \"text\"', one per line")
        return Config()
    text_lines = text.splitlines()
    values = {}
    for key, value in raw.items():
        line = next((n for n, text in enumerate(text_lines, 1) if re.match(rf"\s*{re.escape(key)}\s*=", text)), None)
        if key not in FIELDS:
            problems.warning(CONFIG_FILE, line, f"unknown setting '{key}'", did_you_mean(key, FIELDS) or f"known settings: {', '.join(FIELDS)}")
            continue
        if not isinstance(value, FIELDS[key]) or (FIELDS[key] is int and isinstance(value, bool)):
            expected, example = EXPECTED[FIELDS[key]]
            problems.error(CONFIG_FILE, line, f"{key}: expected {expected}", f"write {key} = {example}")
            continue
        if FIELDS[key] is int and value < 1:
            problems.error(CONFIG_FILE, line, f"{key}: must be at least 1", f"write {key} = {EXPECTED[int][1]}")
            continue
        values[key] = value.strip() if isinstance(value, str) else value
    base_url = values.get("base_url", "/")
    if base_url != "/" and urlsplit(base_url).scheme not in ("http", "https"):
        problems.error(CONFIG_FILE, None, f"base_url: '{base_url}' is not an http(s) address", "write the full address, e.g. https://letters.example.org/")
        values.pop("base_url")
    _check_license(values, text_lines, problems)
    return Config(**values)


def _check_license(values: dict, text_lines: list[str], problems: Problems) -> None:
    """``license`` must name a licence docket knows, spelled as its SPDX id."""
    given = values.get("license", "")
    if not given or given in LICENSES:
        return
    values.pop("license")
    line = next((n for n, text in enumerate(text_lines, 1) if re.match(r"\s*license\s*=", text)), None)
    spelled = next((known for known in LICENSES if known.casefold() == given.casefold()), None)
    hint = f"write license = \"{spelled}\"" if spelled else did_you_mean(given, LICENSES) or f"one of: {', '.join(LICENSES)}"
    problems.error(CONFIG_FILE, line, f"license: '{given}' is not a licence docket knows", hint)


def _line_of_toml_error(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None
