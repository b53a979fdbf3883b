"""Every Neo4j-dialect query in the catalog passes Neo4j's own Cypher linter (``lintCypherQuery`` from
``@neo4j-cypher/language-support``, run by tools/cypher-lint/lint.mjs under node), with its parameters declared."""

from __future__ import annotations

import importlib
import json
import shutil
import string
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graph import queries
from graph.queries import Query

ROOT = Path(__file__).resolve().parents[2]
LINTER = ROOT / "tools" / "cypher-lint" / "lint.mjs"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None, reason="node is not installed: the Neo4j Cypher lint did not run"
)


def _modules_with_queries() -> list[str]:
    names = []
    for package in ("graph", "redflag"):
        for path in sorted((ROOT / package).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if "graph.queries" in text or "from graph import queries" in text:
                rel = path.relative_to(ROOT).with_suffix("")
                parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
                names.append(".".join(parts))
    return names


def _slots(text: str) -> list[str] | None:
    """The ``{slot}`` names of a templated query, or None when the braces are Cypher maps (not a template)."""
    try:
        fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(text) if f is not None]
    except ValueError:
        return None
    if not fields or any(spec or conv or not f.isidentifier() for f, spec, conv in fields):
        return None
    return sorted({f for f, _, _ in fields})


def _sample(slot: str) -> str:
    """A declared name for a template slot: relationship-type slots get a type, the rest a node label."""
    from ontology import vocab

    label = "Entity" if "Entity" in vocab.labels() else sorted(vocab.labels())[0]
    rel = "OWNS" if "OWNS" in vocab.relationship_types() else sorted(vocab.relationship_types())[0]
    if slot == "lower":
        return label.lower()
    return rel if ("type" in slot or "rel" in slot) else label


def _neo4j_text(query: Query) -> str:
    text = query.for_dialect("neo4j")
    slots = _slots(text)
    if slots is None:
        return text
    filled = queries.fill(query, **{slot: _sample(slot) for slot in slots})
    return filled.for_dialect("neo4j")


def _lint(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert NODE is not None
    result = subprocess.run(
        [NODE, str(LINTER)],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        cwd=LINTER.parent,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"the Cypher linter failed to run: {result.stderr.strip()[-2000:]}"
    return list(json.loads(result.stdout))


def test_every_module_that_registers_queries_imports() -> None:
    failed = {}
    for name in _modules_with_queries():
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - reported below
            failed[name] = f"{type(exc).__name__}: {exc}"
    assert failed == {}


def test_every_neo4j_dialect_query_in_the_catalog_lints_clean() -> None:
    for name in _modules_with_queries():
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 - the import test above reports it
            continue
    catalog = sorted(queries.REGISTRY.values(), key=lambda q: q.name)
    assert len(catalog) >= 10, "the catalog looks empty: the query modules were not imported"
    items = [{"name": q.name, "text": _neo4j_text(q), "params": list(q.params)} for q in catalog]

    report = _lint(items)

    assert [r["name"] for r in report] == [q.name for q in catalog]
    bad = {r["name"]: [e["message"] for e in r["errors"]] for r in report if r["errors"]}
    listing = "\n".join(f"{name}: {'; '.join(msgs)}" for name, msgs in bad.items())
    assert not bad, f"{len(bad)} of {len(catalog)} Neo4j-dialect queries have lint errors:\n{listing}"


def test_the_linter_reports_a_broken_query_and_an_undeclared_parameter() -> None:
    report = _lint(
        [
            {"name": "syntax", "text": "MATCH (n:Entity RETURN n", "params": []},
            {"name": "undeclared", "text": "MATCH (n:Entity {id: $id}) RETURN n", "params": []},
            {"name": "fine", "text": "MATCH (n:Entity {id: $id}) RETURN n.name AS name", "params": ["id"]},
        ]
    )
    by_name = {r["name"]: r for r in report}
    assert by_name["syntax"]["errors"], "a syntax error was not reported"
    assert by_name["undeclared"]["errors"], "an undeclared parameter was not reported"
    assert by_name["fine"]["errors"] == []


def test_templates_are_recognised_and_maps_are_not() -> None:
    assert _slots("UNWIND $rows AS row MERGE (n:{label} {{id: row.id}})") == ["label"]
    assert _slots("MATCH (n:Entity {id: $id}) RETURN n {.id, .name}") is None
    assert _slots("MATCH (n) RETURN n") is None
