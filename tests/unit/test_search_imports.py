"""A query's path through articles/search/ runs one way: no module imports one that imports it
back, directly, through others, or lazily inside a function (#15)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "articles" / "search"


def imported_siblings(path: Path, package: str, siblings: set[str]) -> set[str]:
    """The sibling modules `path` imports anywhere in its text (top level or inside a function)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # from . import x, from .x import y
                module = f"{package}.{module}".rstrip(".")
            names = [module] + [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            head, _, last = name.rpartition(".")
            if head == package and last in siblings:
                found.add(last)
    return found


def import_graph(folder: Path, package: str) -> dict[str, set[str]]:
    siblings = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    return {name: imported_siblings(folder / f"{name}.py", package, siblings) - {name} for name in sorted(siblings)}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk, each as the modules along it (first repeated last)."""
    found, done = [], set()

    def walk(node: str, path: list[str]) -> None:
        if node in path:
            found.append(path[path.index(node) :] + [node])
            return
        if node in done:
            return
        for nxt in sorted(graph.get(node, ())):
            walk(nxt, [*path, node])
        done.add(node)

    for start in graph:
        walk(start, [])
    return found


def test_the_search_package_has_no_import_cycle():
    graph = import_graph(PACKAGE, "articles.search")
    assert {"request", "query", "conditions", "plan", "results", "facets", "snippets"} <= set(graph)
    assert cycles(graph) == []


# Leaves first, then the stages of a query's path in the order a query meets them: each module
# may import only modules listed before it.
ORDER = [
    "text", "lookups", "segment", "columns", "help", "snippets", "why", "statistics",  # shared pieces
    "query", "conditions", "request", "plan", "results", "facets", "trend",  # the path
]  # fmt: skip


def test_the_path_of_a_query_runs_one_way():
    graph = import_graph(PACKAGE, "articles.search")
    assert sorted(graph) == sorted(ORDER), "a new module: give it its place in ORDER"
    later = {name: [m for m in sorted(graph[name]) if ORDER.index(m) > ORDER.index(name)] for name in ORDER}
    assert {name: found for name, found in later.items() if found} == {}


def test_the_check_sees_a_cycle_even_inside_a_function(tmp_path):
    (tmp_path / "a.py").write_text("from pkg.b import thing\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def late():\n    from pkg import c\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("def later():\n    from . import a\n", encoding="utf-8")
    (tmp_path / "d.py").write_text("import pkg.a\n", encoding="utf-8")
    graph = import_graph(tmp_path, "pkg")
    assert graph == {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
