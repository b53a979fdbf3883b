"""`redflag migrate --to neo4j` as a user runs it (a subprocess), against FalkorDB's Bolt endpoint: progress and
verification printed, exit 1 on a count difference, kill -9 part-way then the same command finishes the job,
clear errors, and the password never printed or written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from migrate_bench import BoltServer, bolt_server, load_world, sample_world, snapshot, vocabulary

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from graph.store import NodeRecord
from redflag.services.migrate import checkpoint_path_for, migrate_graph

REDFLAG = [sys.executable, "-m", "redflag"]
BENCH = ["migrate", "--to", "neo4j", "--batch-size", "20", "--cypher-dialect", "falkordb"]


def _env(bolt: BoltServer | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "REDFLAG_"))}
    if bolt is not None:
        env["NEO4J_URI"] = bolt.uri
        env["NEO4J_USER"] = "default"
        env["NEO4J_DATABASE"] = "falkordb"
    env.update(extra)
    return env


def _redflag(data_dir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*REDFLAG, "--data-dir", str(data_dir), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _batches(path: Path) -> tuple[int, bool]:
    try:
        state = json.loads(path.read_text())
    except (OSError, ValueError):
        return 0, False
    return sum(e["batches"] for s in ("labels", "types") for e in state[s].values()), bool(state["completed"])


def test_the_command_copies_verifies_and_a_second_run_changes_nothing(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path
) -> None:
    first = _redflag(data_dir, _env(bolt), *BENCH)
    assert first.returncode == 0, first.stderr
    assert "verified: every label and relationship type has the same count" in first.stdout
    assert "Entity" in first.stdout and "LOCATED_IN" in first.stdout
    bolt.restart()
    with bolt.open() as target:
        after_first = snapshot(target)
    assert after_first == snapshot(source)

    bolt.restart()
    second = _redflag(data_dir, _env(bolt), *BENCH)
    assert second.returncode == 0, second.stderr
    assert "full copy" in second.stdout
    bolt.restart()
    with bolt.open() as target:
        assert snapshot(target) == after_first


def test_kill_9_part_way_then_the_same_command_ends_equal_to_an_uninterrupted_run(
    data_dir: Path, bolt: BoltServer, tmp_path: Path
) -> None:
    labels, rels = vocabulary()
    graph_dir = data_dir / "graph"
    try:
        with FalkorDBStore(graph_dir, "redflag", labels, rels) as source:
            source.ensure_schema()
            load_world(source, *sample_world(400))
            with bolt_server(tmp_path / "reference") as other, other.open() as reference:
                migrate_graph(
                    source, reference, tmp_path / "reference.json", target_name="ref", batch_size=20
                )
                expected = snapshot(reference)

            checkpoint = checkpoint_path_for(data_dir)
            proc = subprocess.Popen(
                [*REDFLAG, "--data-dir", str(data_dir), *BENCH],
                env=_env(bolt),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                while proc.poll() is None and _batches(checkpoint)[0] < 5:
                    time.sleep(0.005)
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
            batches_at_kill, completed = _batches(checkpoint)
            assert not completed, "the run finished before it could be killed: make the sample larger"
            assert batches_at_kill >= 5

            bolt.restart()  # the target keeps what was committed; its Bolt endpoint needs a fresh start
            again = _redflag(data_dir, _env(bolt), *BENCH)
            assert again.returncode == 0, again.stderr
            assert "resumed" in again.stdout
            bolt.restart()
            with bolt.open() as target:
                assert snapshot(target) == expected
    finally:
        falkordb_server.stop(graph_dir)


def test_a_count_difference_fails_the_command_and_names_what_differs(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path
) -> None:
    with bolt.open() as target:
        target.merge_nodes([NodeRecord("Country", "XQ", {"name": "Stray"})])
    bolt.restart()
    result = _redflag(data_dir, _env(bolt), *BENCH)
    assert result.returncode == 1
    assert "DIFFERS" in result.stdout
    assert "verification failed: counts differ for label Country" in result.stderr


def test_the_password_is_never_printed_nor_written(
    source: FalkorDBStore, bolt: BoltServer, data_dir: Path
) -> None:
    secret = "planted-Secret-7c1e9"
    password_file = data_dir.parent / "neo4j-password"
    password_file.write_text(secret)
    password_file.chmod(0o600)
    result = _redflag(data_dir, _env(bolt, NEO4J_PASSWORD_FILE=str(password_file)), *BENCH)
    # FalkorDB's Bolt endpoint refuses a non-empty password: the command fails, naming the user, not the secret
    assert result.returncode == 1
    assert "error:" in result.stderr and "'default'" in result.stderr
    assert secret not in result.stdout + result.stderr
    for path in data_dir.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".log", ".txt"):
            assert secret not in path.read_text(errors="replace"), path


def test_without_neo4j_uri_the_command_says_what_to_set(source: FalkorDBStore, data_dir: Path) -> None:
    result = _redflag(data_dir, _env(None), "migrate", "--to", "neo4j")
    assert result.returncode == 1
    assert "set NEO4J_URI" in result.stderr


def test_an_unknown_target_is_refused(data_dir: Path) -> None:
    result = _redflag(data_dir, _env(None), "migrate", "--to", "mysql")
    assert result.returncode == 1
    assert "--to 'mysql': the only target is neo4j" in result.stderr


def test_an_empty_data_folder_has_nothing_to_migrate(tmp_path: Path) -> None:
    result = _redflag(
        tmp_path / "nothing", _env(None, NEO4J_URI="bolt://127.0.0.1:1"), "migrate", "--to", "neo4j"
    )
    assert result.returncode == 1
    assert "there is no embedded graph" in result.stderr


@pytest.fixture(autouse=True)
def _no_leftover_checkpoint_between_tests(data_dir: Path) -> None:
    assert not checkpoint_path_for(data_dir).exists()
