"""The tree is what docs/architecture.md says, and its imports point one way."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "src" / "docket"
#: what each part of docket may import from docket; paths, errors and config are for all
MAY_IMPORT = {
    "archive": {"archive"},
    "site": {"archive", "site"},
    "search": {"archive", "site", "search"},
    "publish": {"archive", "site", "publish"},
    "engine": {"archive", "site", "search", "publish", "engine"},
    "importing": {"archive", "importing"},
    "commands": {"archive", "site", "search", "publish", "engine", "importing", "commands"},
}
SHARED = {"paths", "errors", "config", "__version__"}
#: what only the engine may use: processes, the garbage collector, pickling, interning
ENGINE_ONLY = {"gc", "multiprocessing", "pickle", "os.fork", "sys.intern"}


def modules() -> list[str]:
    """Every module of the package but the __init__.py files that hold no code."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.name == "__init__.py" and not any(isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)) for node in tree.body):
            continue
        found.append(path.relative_to(PACKAGE).as_posix())
    return found


def documented() -> list[str]:
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text.split("<!-- modules:", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\| `([^`]+\.py)` \|", table, flags=re.MULTILINE)


def test_the_architecture_doc_lists_every_module_of_the_tree():
    assert sorted(documented()) == sorted(modules())


def imports_of(path: Path) -> list[str]:
    """Every name the module imports, dotted: 'docket.site.render', 'gc', 'os.fork'."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            names.append(f"{node.value.id}.{node.attr}")
    return names


def test_imports_point_one_way_and_only_the_engine_plays_for_speed():
    wrong = []
    for module in modules():
        part = module.split("/")[0].removesuffix(".py")
        allowed = MAY_IMPORT.get(part)
        for name in imports_of(PACKAGE / module):
            if allowed is not None and name.startswith("docket."):
                target = name.split(".")[1]
                if target not in allowed | SHARED:
                    wrong.append(f"{module} imports {name}")
            if part in ("archive", "site", "search", "publish") and name in ENGINE_ONLY:
                wrong.append(f"{module} uses {name}")
    assert wrong == []


def test_no_function_is_longer_than_sixty_lines():
    long = []
    for module in modules():
        for node in ast.walk(ast.parse((PACKAGE / module).read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 60:
                long.append(f"{module}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []
