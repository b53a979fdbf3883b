"""The migration against a real Neo4j server, when NEO4J_URI names one (it is cleared: use a throwaway
database). Without NEO4J_URI these tests are skipped and say so; nothing here was run on a machine without it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from migrate_bench import snapshot, vocabulary
from test_migrate_service import FailingTarget

from graph.errors import StoreUnavailable
from graph.falkordb_store import FalkorDBStore
from graph.neo4j_store import Neo4jStore
from redflag.services.migrate import checkpoint_path_for, migrate_graph

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"),
        reason="NEO4J_URI is not set: the migration did not run against a real Neo4j server",
    ),
]


@pytest.fixture
def neo4j() -> Iterator[Neo4jStore]:
    from redflag.settings import load_settings

    cfg = load_settings().neo4j
    labels, rels = vocabulary()
    store = Neo4jStore(cfg.uri, cfg.user, cfg.password, cfg.database, labels, rels)
    try:
        store.clear()
        yield store
        store.clear()
    finally:
        store.close()


def test_the_command_copies_into_neo4j_and_a_second_run_changes_nothing(
    source: FalkorDBStore, neo4j: Neo4jStore, data_dir: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    command = [sys.executable, "-m", "redflag", "--data-dir", str(data_dir), "migrate", "--to", "neo4j"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert first.returncode == 0, first.stderr
    after_first = snapshot(neo4j)
    assert after_first == snapshot(source)
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert second.returncode == 0, second.stderr
    assert snapshot(neo4j) == after_first
    password = os.environ.get("NEO4J_PASSWORD", "")
    if password:
        assert password not in first.stdout + first.stderr + second.stdout + second.stderr


def test_an_interrupted_copy_into_neo4j_resumes(
    source: FalkorDBStore, neo4j: Neo4jStore, data_dir: Path
) -> None:
    path = checkpoint_path_for(data_dir)
    with pytest.raises(StoreUnavailable):
        migrate_graph(source, FailingTarget(neo4j, 5), path, target_name="neo4j", batch_size=10)
    report = migrate_graph(source, neo4j, path, target_name="neo4j", batch_size=10)
    assert report.resumed and report.ok, report.mismatches
    assert snapshot(neo4j) == snapshot(source)
