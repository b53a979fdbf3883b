"""The migration against a real Neo4j server: the one tests/neo4j_server.py starts (Neo4j Community 5.26), or
the one NEO4J_URI names (it is cleared: use a throwaway database)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from migrate_bench import load_world, sample_world, snapshot, vocabulary
from test_migrate_service import FailingTarget

from graph import falkordb_server
from graph.errors import StoreUnavailable
from graph.falkordb_store import FalkorDBStore
from graph.neo4j_store import Neo4jStore
from redflag.services.migrate import checkpoint_path_for, migrate_graph

pytestmark = [pytest.mark.neo4j]


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


def _batches(path: Path) -> tuple[int, bool]:
    try:
        state = json.loads(path.read_text())
    except (OSError, ValueError):
        return 0, False
    return sum(e["batches"] for s in ("labels", "types") for e in state[s].values()), bool(state["completed"])


def test_kill_9_part_way_then_the_same_command_copies_everything_into_neo4j(
    neo4j: Neo4jStore, data_dir: Path
) -> None:
    labels, rels = vocabulary()
    graph_dir = data_dir / "graph"
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    command = [
        sys.executable, "-m", "redflag", "--data-dir", str(data_dir), "migrate", "--to", "neo4j", "--batch-size", "20"
    ]
    try:
        with FalkorDBStore(graph_dir, "redflag", labels, rels) as source:
            source.ensure_schema()
            load_world(source, *sample_world(400))
            expected = snapshot(source)
            checkpoint = checkpoint_path_for(data_dir)
            proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                while proc.poll() is None and _batches(checkpoint)[0] < 5:
                    time.sleep(0.005)
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
            batches_at_kill, completed = _batches(checkpoint)
            assert not completed, "the run finished before it could be killed: make the sample larger"
            assert batches_at_kill >= 5
            assert snapshot(neo4j) != expected  # the kill left a part-copy behind

            again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
            assert again.returncode == 0, again.stderr
            assert "resumed" in again.stdout
            assert "verified: every label and relationship type has the same count" in again.stdout
            assert snapshot(neo4j) == expected
    finally:
        falkordb_server.stop(graph_dir)
