"""Every message a person can read is a translatable template, never text built in a raise.

``raise SomeError(f"… {x} …")`` reaches the Japanese interface in English: the catalogue
holds templates, so the message must be ``SomeError(QT_TRANSLATE_NOOP("Validation",
"… {x} …"), params={"x": x})`` (see :mod:`planner.domain.errors`). This test walks the
syntax trees below the interface and fails on any raise whose arguments build text with an
f-string, ``.format(…)`` or ``%``, so a new one cannot creep in.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "planner"
PACKAGES = ("domain", "db", "services", "importing", "export", "cli")

# Exceptions whose text no person reads in the interface: Python's own for bugs (the person
# sees the interface's "something went wrong" with the traceback on stderr), and argparse's,
# which it prints itself among its own English usage errors (exit 2).
NOT_SHOWN = {
    "ValueError",
    "TypeError",
    "AssertionError",
    "RuntimeError",
    "NotImplementedError",
    "KeyError",
    "LookupError",
    "ArgumentTypeError",
}


def _raised_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _builds_text(node: ast.AST) -> str | None:
    for sub in ast.walk(node):
        if isinstance(sub, ast.JoinedStr):
            return "an f-string"
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr == "format"
        ):
            return ".format()"
        if (
            isinstance(sub, ast.BinOp)
            and isinstance(sub.op, ast.Mod)
            and (
                isinstance(sub.left, ast.JoinedStr)
                or (isinstance(sub.left, ast.Constant) and isinstance(sub.left.value, str))
            )
        ):
            return "%-formatting"
    return None


def built_messages(source: str, filename: str = "<source>") -> list[str]:
    """``file:line: how`` for each raise in *source* whose message is built, not templated."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        if _raised_name(node.exc) in NOT_SHOWN:
            continue
        for argument in [*node.exc.args, *(k.value for k in node.exc.keywords)]:
            how = _builds_text(argument)
            if how:
                found.append(f"{filename}:{node.lineno}: message built with {how}")
                break
    return found


def test_no_raise_below_the_interface_builds_its_message() -> None:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            rel = str(path.relative_to(ROOT.parent))
            found += built_messages(path.read_text(encoding="utf-8"), rel)
    assert not found, "use PlannerError(template, params=...):\n" + "\n".join(found)


def test_the_walk_catches_each_way_of_building_text() -> None:
    source = (
        "raise StorageError(f'cannot read {path}')\n"
        "raise ExportError('cannot write {}'.format(path))\n"
        "raise CommandError('no visit %s' % code)\n"
        "raise errors.RulesError(Message(f'{where}: bad'))\n"
        "raise PlannerError(QT_TRANSLATE_NOOP('Validation', 'no visit {code}'), "
        "params={'code': code})\n"
        "raise ValueError(f'a bug: {x}')\n"
    )
    assert [line.split(":")[1] for line in built_messages(source)] == ["1", "2", "3", "4"]
