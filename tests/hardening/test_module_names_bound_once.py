"""A module-level constant, function or class is bound once in each module of the project's packages.

A second ``_NAME = ...`` further down a module silently replaces the first for every use above it too (Python reads
module names at call time), and ruff does not flag it: round 14 found nlp/components/entities.py's commercial words,
used to tell a state body's remit from a firm's trade, replaced by a minister's remit words defined 40 lines later.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("nlp", "redflag", "crawler", "graph", "ontology")


def _constant_or_definition(node: ast.stmt) -> list[tuple[str, int]]:
    """The (name, line) pairs a module-level statement binds, for constants (upper-case names) and definitions."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [(node.name, node.lineno)]
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        targets = [node.target]
    return [(t.id, t.lineno) for t in targets if isinstance(t, ast.Name) and t.id.lstrip("_").isupper()]


def rebound_names(source: str) -> list[str]:
    """``name: line L rebinds line F`` for each module-level constant or definition bound a second time."""
    first: dict[str, int] = {}
    out = []
    for node in ast.parse(source).body:
        for name, line in _constant_or_definition(node):
            if name in first:
                out.append(f"{name}: line {line} rebinds line {first[name]}")
            else:
                first.setdefault(name, line)
    return out


def test_a_second_binding_of_a_constant_is_reported() -> None:
    source = "_WORDS = {'a'}\n\ndef f():\n    return _WORDS\n\n_WORDS = {'b'}\n"
    assert rebound_names(source) == ["_WORDS: line 6 rebinds line 1"]


def test_a_lower_case_script_variable_may_be_rebound() -> None:
    assert rebound_names("rows = []\nrows = [1]\n") == []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_of_the_package_rebinds_a_constant_or_definition(package: str) -> None:
    found = [f"{path.relative_to(ROOT)}: {issue}" for path in sorted((ROOT / package).rglob("*.py"))
             for issue in rebound_names(path.read_text(encoding="utf-8"))]
    assert found == []
