"""Open the configured store (the application layer passes the settings in)."""

from __future__ import annotations

from pathlib import Path

from graph.store import GraphStore


def open_store(
    backend: str,
    *,
    graph_dir: Path,
    graph_name: str,
    neo4j_uri: str = "",
    neo4j_user: str = "neo4j",
    neo4j_password: str = "",
    neo4j_database: str = "neo4j",
    start_timeout: float = 20.0,
    query_timeout: float | None = 120.0,
    ensure_schema: bool = True,
) -> GraphStore:
    from ontology import vocab

    labels, rel_types = vocab.labels(), vocab.relationship_types()
    store: GraphStore
    if backend == "neo4j":
        from graph.neo4j_store import Neo4jStore

        store = Neo4jStore(neo4j_uri, neo4j_user, neo4j_password, neo4j_database, labels, rel_types)
    else:
        from graph.falkordb_store import FalkorDBStore

        store = FalkorDBStore(
            graph_dir, graph_name, labels, rel_types, start_timeout=start_timeout, query_timeout=query_timeout
        )
    if ensure_schema:
        store.ensure_schema()
    return store
