"""The shape of the code: the core never imports Streamlit, no import cycles, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("recovery", "ui", "pages")
MAX_LINES = 350


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    found = {_module_name(ROOT / "app.py"): ROOT / "app.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


SOURCES = _sources()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(tree: ast.AST) -> list[str]:
    """Every module an import statement names, at any depth, except type-checking-only ones."""
    names: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                names.append(candidate if candidate in SOURCES else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return names


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in SOURCES.items():
        edges: set[str] = set()
        for target in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            if target not in SOURCES or target == name:
                continue
            edges.add(target)
            # Importing a.b.c runs a and a.b first, unless the importer already lives there.
            parts = target.split(".")
            for depth in range(1, len(parts)):
                parent = ".".join(parts[:depth])
                if parent in SOURCES and not name.startswith(parent + ".") and parent != name:
                    edges.add(parent)
        graph[name] = edges
    return graph


def test_the_core_never_imports_streamlit():
    offenders = [
        name
        for name, path in SOURCES.items()
        if name.startswith("recovery")
        and any(
            imported.split(".")[0] == "streamlit"
            for imported in _imported(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert offenders == []


def test_there_is_no_import_cycle():
    graph = _graph()
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


@pytest.mark.parametrize("name", sorted(n for n in SOURCES if n.startswith("recovery")))
def test_core_modules_stay_small(name):
    lines = len(SOURCES[name].read_text(encoding="utf-8").splitlines())
    assert lines < MAX_LINES, f"{name} has {lines} lines; split it by concern"
