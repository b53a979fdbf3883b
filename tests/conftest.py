"""Shared fixtures: a fresh data folder, and an embedded FalkorDB store whose server is always stopped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore

pytest_plugins = ["tests.neo4j_server"]  # a real Neo4j server for the `neo4j` tests


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder for one test."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def falkordb_store(data_dir: Path) -> Iterator[FalkorDBStore]:
    """An embedded FalkorDB store on ``data_dir/graph`` with the ontology's labels; the server stops at teardown."""
    from ontology import vocab

    graph_dir = data_dir / "graph"
    try:
        store = FalkorDBStore(graph_dir, "test", vocab.labels(), vocab.relationship_types())
        try:
            store.ensure_schema()
            yield store
        finally:
            store.close()
    finally:
        falkordb_server.stop(graph_dir)
