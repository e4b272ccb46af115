"""No module of the engine assigns one module-level name twice (review of 2026-12-07).

engine.py had two ``_RECEIVED_BEFORE_RE``: the gifts-received rule's (2353e9f) and, 600 lines further,
the fund receipts' (e7789fe); the second replaced the first before any call, so the gifts rule ran
with the other pattern. Python, ruff (F811 covers imports, functions and classes only) and mypy
(an assignment of the same type) all let it pass; this test reads the modules' syntax trees.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "giaoban" / "textfigures"
MODULES = sorted(PACKAGE.rglob("*.py"))


def assigned_twice(source: str) -> dict[str, list[int]]:
    """Names assigned by two or more module-level statements (plain, annotated or augmented
    assignments, and names bound by a module-level ``for`` or ``with``), with their lines."""
    lines: dict[str, list[int]] = defaultdict(list)
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For)):
            targets = [node.target]
        elif isinstance(node, ast.With):
            targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
        else:
            continue
        for name in {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}:
            lines[name].append(node.lineno)
    return {name: at for name, at in lines.items() if len(at) > 1}


def test_the_engine_modules_are_read() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in MODULES}
    assert {"engine.py", "attribution.py", "figures.py", "meetings/people.py"} <= names


@pytest.mark.parametrize("path", MODULES, ids=[p.relative_to(PACKAGE).as_posix() for p in MODULES])
def test_no_module_level_name_is_assigned_twice(path: Path) -> None:
    assert assigned_twice(path.read_text(encoding="utf-8")) == {}


@pytest.mark.parametrize("source,twice", [
    ("_A_RE = 1\nx = 2\n_A_RE = 3\n", {"_A_RE": [1, 3]}),
    ("_A: int = 1\n_A = 2\n", {"_A": [1, 2]}),
    ("_A = 1\n_A += 1\n", {"_A": [1, 2]}),
    ("_A, _B = 1, 2\n_B = 3\n", {"_B": [1, 2]}),
    ("_A = 1\ndef f():\n    _A = 2\n", {}),  # (a function's own name)
    ("_A = 1\n_B = _A\n", {}),
])
def test_what_counts_as_assigned_twice(source: str, twice: dict[str, list[int]]) -> None:
    assert assigned_twice(source) == twice
