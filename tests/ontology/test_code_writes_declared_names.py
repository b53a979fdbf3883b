"""Every node label and relationship type the code writes or queries is declared in the ontology.

Two sources are scanned: the NodeRecord/RelRecord constructors in the code (what the loaders write) and the
text of every query in the catalog (what Cypher writes and reads).
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from graph.queries import REGISTRY
from ontology import vocab

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("redflag", "graph", "crawler", "nlp", "ui", "ontology")


def _python_files() -> list[Path]:
    return [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "sample_site" not in p.parts]


def _string_args(call: ast.Call, positions: tuple[int, ...]) -> list[str]:
    out = []
    for i in positions:
        if i < len(call.args) and isinstance(call.args[i], ast.Constant) and isinstance(call.args[i].value, str):
            out.append(call.args[i].value)
    return out


def _written_names() -> tuple[set[str], set[str]]:
    labels: set[str] = set()
    types: set[str] = set()
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id == "NodeRecord":
                    labels.update(_string_args(node, (0,)))
                elif node.func.id == "RelRecord":
                    types.update(_string_args(node, (0,)))
                    labels.update(_string_args(node, (1, 3)))
    return labels, types


def _import_query_modules() -> None:
    for path in _python_files():
        text = path.read_text(encoding="utf-8")
        if "graph.queries" in text or "from graph import queries" in text:
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            if module.endswith("__init__"):
                module = module.rsplit(".", 1)[0]
            if module.startswith("ui.pages") or module == "ui.app":
                continue  # Streamlit pages run on import
            importlib.import_module(module)


_LABEL = re.compile(r"\(\s*\w*\s*((?::\s*\w+)+)")
_TYPE = re.compile(r"\[\s*\w*\s*:\s*([A-Z_|]+)")


def test_the_loaders_write_only_declared_labels_and_types() -> None:
    labels, types = _written_names()
    assert {"Entity", "Passage", "Transaction"} <= labels and {"SUPPLIED", "HAS_PARTY"} <= types  # the scan works
    assert labels - vocab.labels() == set()
    assert types - vocab.relationship_types() == set()


def test_the_query_catalog_uses_only_declared_labels_and_types() -> None:
    _import_query_modules()
    assert len(REGISTRY) > 50
    undeclared: dict[str, set[str]] = {}
    seen: set[str] = set()
    for query in REGISTRY.values():
        for text in (query.text, *query.variants.values()):
            if "{" in text and ("{label}" in text or "{type}" in text or "{source}" in text):
                continue  # templates are filled with checked names at run time
            found = {name.strip() for group in _LABEL.findall(text) for name in group.split(":") if name.strip()}
            found |= {t for group in _TYPE.findall(text) for t in group.split("|") if t}
            seen |= found
            bad = found - vocab.labels() - vocab.relationship_types()
            if bad:
                undeclared[query.name] = bad
    assert {"Entity", "Transaction", "Passage", "SUPPLIED", "HAS_PARTY", "PARTICIPANT"} <= seen  # the scan works
    assert undeclared == {}
