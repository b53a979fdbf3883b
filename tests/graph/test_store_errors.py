"""Each way of failing to reach a store gives one clear message naming what was wrong."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from bolt_bench import free_port, vocabulary

from graph import falkordb_server
from graph.errors import StoreError, StoreUnavailable
from graph.neo4j_store import Neo4jStore
from redflag.services.store import open_store
from redflag.settings import load_settings


def test_an_unreachable_neo4j_uri_says_it_is_not_reachable() -> None:
    labels, rels = vocabulary()
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(StoreUnavailable, match=f"Neo4j at {uri} is not reachable"):
        Neo4jStore(uri, "neo4j", "secret-pw", "neo4j", labels, rels)


def test_a_wrong_password_is_refused_with_one_clear_message(data_dir: Path) -> None:
    # FalkorDB's Bolt endpoint rejects a non-empty password (with a generic error, not an auth error)
    labels, rels = vocabulary()
    port = free_port()
    graph_dir = data_dir / "bolt"
    try:
        falkordb_server.ensure_running(graph_dir, bolt_port=port, appendonly=False)
        with pytest.raises(StoreUnavailable) as caught:
            Neo4jStore(
                f"bolt://127.0.0.1:{port}", "default", "wrong-password", "g", labels, rels, dialect="falkordb"
            )
    finally:
        falkordb_server.stop(graph_dir)
    message = str(caught.value)
    assert f"Neo4j at bolt://127.0.0.1:{port} refused the connection for user 'default'" in message
    assert "wrong-password" not in message


def test_backend_neo4j_without_neo4j_uri_says_what_to_set(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setenv("REDFLAG_BACKEND", "neo4j")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(StoreError, match="REDFLAG_BACKEND=neo4j needs NEO4J_URI"):
        open_store(load_settings(data_dir))


def test_the_cli_prints_one_line_and_no_traceback_without_neo4j_uri(data_dir: Path) -> None:
    env = {"REDFLAG_BACKEND": "neo4j", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", "from redflag.cli import main; main()", "--data-dir", str(data_dir), "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: REDFLAG_BACKEND=neo4j needs NEO4J_URI (for example bolt://localhost:7687)"
    ]


def test_a_bolt_port_already_in_use_is_named(data_dir: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        port = free_port()
        taken.bind(("127.0.0.1", port))
        taken.listen()
        try:
            with pytest.raises(StoreError, match=f"the Bolt port {port} is already in use"):
                falkordb_server.ensure_running(data_dir / "graph", bolt_port=port, appendonly=False)
        finally:
            falkordb_server.stop(data_dir / "graph")
    assert falkordb_server.status(data_dir / "graph") == "stopped"


def test_a_bolt_port_falkordb_would_ignore_is_refused(data_dir: Path) -> None:
    with pytest.raises(StoreError, match="the Bolt port 40000 is out of range"):
        falkordb_server.ensure_running(data_dir / "graph", bolt_port=40000)
