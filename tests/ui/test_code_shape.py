"""The interface keeps its shape: small functions and a main window that is only a shell.

Long hand-built layouts hide bugs and make merges painful; the limits below fail the build
before a function or the main window grows back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import planner.ui

UI = Path(planner.ui.__file__).resolve().parent
MAX_FUNCTION_LINES = 80
MAX_MAIN_WINDOW_LINES = 300


def _long_functions(source: str, limit: int) -> list[tuple[str, int]]:
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > limit:
                found.append((node.name, length))
    return found


def test_the_check_finds_a_long_function() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    assert _long_functions(f"def f():\n{body}\n", MAX_FUNCTION_LINES) == [
        ("f", MAX_FUNCTION_LINES + 1)
    ]


def test_no_interface_function_is_longer_than_80_lines() -> None:
    too_long = [
        f"{path.relative_to(UI)}: {name} ({length} lines)"
        for path in sorted(UI.rglob("*.py"))
        for name, length in _long_functions(path.read_text(encoding="utf-8"), MAX_FUNCTION_LINES)
    ]
    assert not too_long, "split into named builders: " + "; ".join(too_long)


def test_the_main_window_is_a_shell() -> None:
    lines = (UI / "shell" / "main_window.py").read_text(encoding="utf-8").count("\n")
    assert lines < MAX_MAIN_WINDOW_LINES


def test_the_interface_has_one_roles_module() -> None:
    """Item-data roles are defined once: no module but roles.py adds to ``UserRole``."""
    offenders = [
        str(path.relative_to(UI))
        for path in sorted(UI.rglob("*.py"))
        if path.name != "roles.py" and "UserRole +" in path.read_text(encoding="utf-8")
    ]
    assert not offenders
