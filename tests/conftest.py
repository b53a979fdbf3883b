"""Shared fixtures: a fresh data folder, and an embedded FalkorDB store whose server is always stopped."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore

pytest_plugins = ["tests.neo4j_server"]  # a real Neo4j server for the `neo4j` tests


@pytest.fixture(autouse=True, scope="session")
def audit_key_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The audit key lives in a config folder of this test session (never the user's own ~/.config), created
    ahead (mode 600) so no test sees the first-use message unless it asks for a new key; subprocesses inherit it."""
    home = tmp_path_factory.mktemp("config")
    key = home / "redflag" / "audit.key"
    key.parent.mkdir()
    key.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
    key.chmod(0o600)
    old = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(home)
    try:
        yield home
    finally:
        if old is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = old


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
