"""Every query of the catalog, Neo4j dialect, compiled by a real Neo4j Community 5.26 server (``EXPLAIN``:
parsed, checked against the schema the tool creates, and planned, nothing executed), with exactly its declared
parameters. Stronger than the linter of tests/graph/test_cypher_lint.py: the planner rejects what a parser
accepts (for example a procedure Community lacks). The queries' results on Neo4j are checked by the demo
comparison (tests/e2e/test_demo_neo4j.py), the store contract suite and the migration tests; which test executes
each query with data is in tests/neo4j_catalog.py (checked by tests/graph/test_neo4j_catalog_coverage.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from test_cypher_lint import _modules_with_queries, _neo4j_text

from graph import queries
from graph.neo4j_store import Neo4jStore

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def neo4j() -> Iterator[Neo4jStore]:
    from ontology import vocab

    store = Neo4jStore(
        os.environ["NEO4J_URI"],
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", ""),
        os.environ.get("NEO4J_DATABASE", "neo4j"),
        vocab.labels(),
        vocab.relationship_types(),
    )
    try:
        store.ensure_schema()
        yield store
    finally:
        store.close()


def _catalog() -> list[queries.Query]:
    import importlib

    for name in _modules_with_queries():
        importlib.import_module(name)
    return sorted(queries.REGISTRY.values(), key=lambda q: q.name)


def test_every_neo4j_dialect_query_compiles_on_a_real_neo4j(neo4j: Neo4jStore) -> None:
    catalog = _catalog()
    assert len(catalog) >= 10, "the catalog looks empty: the query modules were not imported"
    failed: dict[str, str] = {}
    driver = neo4j._driver
    for query in catalog:
        text = _neo4j_text(query)
        if text.lstrip().upper().startswith(("CREATE ", "DROP ", "SHOW ")):
            continue  # schema commands cannot be EXPLAINed; ensure_schema ran them above, SHOW runs below
        try:
            driver.execute_query(
                "EXPLAIN " + text, {p: None for p in query.params}, database_=neo4j.database or None
            )
        except Exception as exc:  # noqa: BLE001 - collected and reported together
            failed[query.name] = getattr(exc, "message", None) or str(exc)
    listing = "\n".join(f"{name}: {msg}" for name, msg in failed.items())
    assert not failed, f"{len(failed)} of {len(catalog)} queries do not compile on Neo4j:\n{listing}"


def test_the_schema_commands_run_twice_without_error(neo4j: Neo4jStore) -> None:
    neo4j.ensure_schema()
    neo4j.ensure_schema()
    for query in _catalog():
        if _neo4j_text(query).lstrip().upper().startswith("SHOW "):
            assert neo4j.run(query) != [], query.name


def test_a_broken_query_is_reported_by_the_server(neo4j: Neo4jStore) -> None:
    from graph.errors import StoreError

    with pytest.raises(StoreError, match="query broken failed on Neo4j"):
        neo4j.run(queries.Query("broken", "MATCH (n:Entity RETURN n"))
