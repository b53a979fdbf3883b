"""Fixtures of the migration tests: an embedded source graph (the data folder's own, graph ``redflag``)
and a Bolt target server; both servers are stopped at teardown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from migrate_bench import BoltServer, bolt_server, load_world, sample_world, vocabulary

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore


@pytest.fixture
def source(data_dir: Path) -> Iterator[FalkorDBStore]:
    """The sample world in the embedded graph of ``data_dir`` (the graph `redflag migrate` reads)."""
    labels, rels = vocabulary()
    graph_dir = data_dir / "graph"
    try:
        store = FalkorDBStore(graph_dir, "redflag", labels, rels)
        try:
            store.ensure_schema()
            load_world(store, *sample_world())
            yield store
        finally:
            store.close()
    finally:
        falkordb_server.stop(graph_dir)


@pytest.fixture
def bolt(tmp_path: Path) -> Iterator[BoltServer]:
    with bolt_server(tmp_path) as server:
        yield server
