"""The layout is the architecture: imports run one way.

parsing (pure Python) ← storage, search, models ← web (everything that speaks HTTP). Only
Django's own entry points (urls.py, admin.py, archive/urls.py) reach into articles/web/, and
the parser imports nothing of Django or of the rest of the project."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "articles"
WEB_ENTRY_POINTS = {ARTICLES / "urls.py", ARTICLES / "admin.py"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _modules_outside(folder: Path, *, exclude: set[Path]) -> list[Path]:
    return [
        p
        for p in sorted(ARTICLES.rglob("*.py"))
        if folder not in p.parents and p not in exclude and "migrations" not in p.parts
    ]


def backward_imports_of_web() -> list[str]:
    web = ARTICLES / "web"
    return [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in _modules_outside(web, exclude=WEB_ENTRY_POINTS)
        for name in sorted(_imports(p))
        if name == "articles.web" or name.startswith("articles.web.")
    ]


def test_nothing_below_the_web_layer_imports_it():
    assert backward_imports_of_web() == []


def test_the_parser_imports_neither_django_nor_the_rest_of_the_project():
    found = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in sorted((ARTICLES / "parsing").rglob("*.py"))
        for name in sorted(_imports(p))
        if name.split(".")[0] == "django" or (name.startswith("articles.") and not name.startswith("articles.parsing"))
    ]
    assert found == []


def test_the_check_sees_a_backward_import(tmp_path):
    probe = ARTICLES / "_layer_probe.py"
    probe.write_text("from articles.web import views\n", encoding="utf-8")
    try:
        assert "articles/_layer_probe.py imports articles.web.views" in backward_imports_of_web()
    finally:
        probe.unlink()
