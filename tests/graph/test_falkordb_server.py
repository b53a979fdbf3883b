"""The embedded FalkorDB server's life: restart keeps data, kill -9 loses no committed write, stale files
are recovered, one server per data folder, clear errors for unusable folders, long paths work."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.errors import StoreError
from graph.falkordb_store import FalkorDBStore
from graph.store import GraphStore, NodeRecord, RelRecord

LABELS = frozenset({"Entity", "Country"})
RELS = frozenset({"LOCATED_IN", "OWNS"})


def _open(graph_dir: Path) -> FalkorDBStore:
    store = FalkorDBStore(graph_dir, "life", LABELS, RELS)
    store.ensure_schema()
    return store


def _servers_for(paths: falkordb_server.ServerPaths) -> list[int]:
    """Pids of live redis-server processes listening on this folder's socket."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"redis-server" in cmdline and str(paths.socket).encode() in cmdline:
            if falkordb_server._pid_alive(int(entry.name)):
                found.append(int(entry.name))
    return found


def _wait_dead(pid: int) -> None:
    for _ in range(200):
        if not falkordb_server._pid_alive(pid):
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} is still alive")


@pytest.fixture
def graph_dir(data_dir: Path) -> Iterator[Path]:
    path = data_dir / "graph"
    try:
        yield path
    finally:
        falkordb_server.stop(path)


def _load(store: GraphStore, n: int) -> None:
    store.merge_nodes(NodeRecord("Entity", f"e{i}", {"name": f"Party {i}"}) for i in range(n))
    store.merge_nodes([NodeRecord("Country", "XA", {"name": "Arcadia"})])
    store.merge_rels(RelRecord("LOCATED_IN", "Entity", f"e{i}", "Country", "XA") for i in range(n))


def test_data_written_then_server_stopped_and_restarted_is_all_there(graph_dir: Path) -> None:
    with _open(graph_dir) as store:
        _load(store, 300)
    assert falkordb_server.stop(graph_dir) is True
    assert falkordb_server.status(graph_dir) == "stopped"
    assert _servers_for(falkordb_server.server_paths(graph_dir)) == []

    with _open(graph_dir) as store:
        assert store.counts() == {
            "labels": {"Country": 1, "Entity": 300},
            "relationships": {"LOCATED_IN": 300},
        }
        assert store.get_node("Entity", "e299") == {"id": "e299", "name": "Party 299"}


def test_kill_9_right_after_a_committed_write_loses_nothing(graph_dir: Path) -> None:
    with _open(graph_dir) as store:
        _load(store, 50)
        store.merge_nodes([NodeRecord("Entity", "last", {"name": "written just before the crash"})])
        pid = falkordb_server.pid_of(graph_dir)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
    _wait_dead(pid)
    assert falkordb_server.status(graph_dir) == "stale"

    with _open(graph_dir) as store:
        assert falkordb_server.pid_of(graph_dir) != pid
        assert store.get_node("Entity", "last") == {"id": "last", "name": "written just before the crash"}
        assert store.counts()["labels"] == {"Country": 1, "Entity": 51}
        assert store.counts()["relationships"] == {"LOCATED_IN": 50}


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])  # noqa: S607 - a process that exits at once: its pid is free
    proc.wait()
    return proc.pid


def test_a_stale_pid_file_is_detected_and_recovered_by_the_next_start(graph_dir: Path) -> None:
    graph_dir.mkdir(parents=True)
    paths = falkordb_server.server_paths(graph_dir)
    paths.pid.write_text(str(_dead_pid()))
    assert falkordb_server.status(graph_dir) == "stale"

    with _open(graph_dir) as store:
        store.merge_nodes([NodeRecord("Entity", "a", {})])
        assert falkordb_server.status(graph_dir) == "running"
        assert _servers_for(paths) == [falkordb_server.pid_of(graph_dir)]


def test_a_stale_socket_left_by_a_dead_server_is_detected_and_recovered(graph_dir: Path) -> None:
    graph_dir.mkdir(parents=True)
    paths = falkordb_server.server_paths(graph_dir)
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(paths.socket))  # the file stays after close, as after a kill -9
    leftover.close()
    assert paths.socket.exists()
    assert falkordb_server.status(graph_dir) == "stale"

    with _open(graph_dir) as store:
        assert store.counts() == {"labels": {}, "relationships": {}}
    assert falkordb_server.status(graph_dir) == "running"


def test_two_stores_on_one_data_folder_share_one_server_process(graph_dir: Path) -> None:
    started: list[FalkorDBStore] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            started.append(FalkorDBStore(graph_dir, "life", LABELS, RELS))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    first, second = started
    try:
        first.merge_nodes([NodeRecord("Entity", "shared", {"by": "first"})])
        assert second.get_node("Entity", "shared") == {"id": "shared", "by": "first"}
        assert _servers_for(first.paths) == [falkordb_server.pid_of(graph_dir)]
    finally:
        first.close()
        second.close()


def test_a_data_folder_that_cannot_be_created_gives_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file where the data folder should go")
    target = blocker / "data" / "graph"  # mkdir under a regular file fails, even for root

    with pytest.raises(StoreError) as caught:
        falkordb_server.ensure_running(target)
    message = str(caught.value)
    assert "cannot create the graph folder" in message
    assert str(target) in message
    assert "\n" not in message


def test_a_very_long_data_folder_path_works_with_the_socket_moved_to_tmp(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 6) / "graph"
    paths = falkordb_server.server_paths(deep)
    assert len(str(deep / "graph.sock")) > 107  # too long for an AF_UNIX socket path
    assert paths.socket.parent == Path("/tmp") or str(paths.socket).startswith(
        os.environ.get("TMPDIR", "/tmp")
    )
    try:
        with _open(deep) as store:
            store.merge_nodes([NodeRecord("Entity", "deep", {"name": "long path"})])
        assert falkordb_server.stop(deep) is True
        with _open(deep) as store:
            assert store.get_node("Entity", "deep") == {"id": "deep", "name": "long path"}
    finally:
        falkordb_server.stop(deep)
    assert not paths.socket.exists()


def test_the_shared_store_fixture_runs_a_server_with_the_ontology_schema(
    falkordb_store: FalkorDBStore,
) -> None:
    assert falkordb_server.status(falkordb_store.graph_dir) == "running"
    assert "Entity" in falkordb_store.labels
    falkordb_store.merge_nodes([NodeRecord("Entity", "x", {"name": "X"})])
    assert falkordb_store.counts()["labels"] == {"Entity": 1}


def _write_log(graph_dir: Path) -> tuple[int, str]:
    """Size of the write log (queries since the last snapshot) and the name of its file."""
    manifest = (graph_dir / "appendonlydir" / "appendonly.aof.manifest").read_text()
    name = [ln.split()[1] for ln in manifest.splitlines() if "type i" in ln][-1]
    return (graph_dir / "appendonlydir" / name).stat().st_size, name


def _many_entities(n: int) -> list[NodeRecord]:
    return [NodeRecord("Entity", f"e{i}", {"name": f"Entity number {i}", "note": "x" * 200}) for i in range(n)]


def test_a_server_replaying_a_long_write_log_is_waited_for_not_killed(graph_dir: Path) -> None:
    store = _open(graph_dir)
    try:
        for start in range(0, 12000, 500):  # many separate write queries: replayed one by one at start
            store.merge_nodes(_many_entities(12000)[start : start + 500])
        killed = falkordb_server.pid_of(graph_dir)
        assert killed is not None
        os.kill(killed, signal.SIGKILL)  # no clean stop, so no snapshot: the next start replays every query
        while falkordb_server._pid_alive(killed):
            time.sleep(0.05)
    finally:
        store.close()
    assert _write_log(graph_dir)[0] > 1_000_000
    # a start timeout far shorter than the replay: the replaying server is waited for, not declared dead
    falkordb_server.ensure_running(graph_dir, timeout=0.05)
    pid = falkordb_server.pid_of(graph_dir)
    own = [ln for ln in (graph_dir / "server.log").read_text().splitlines() if ln.startswith(f"{pid}:")]
    replay = [float(ln.rsplit(":", 1)[1].split()[0]) for ln in own if "DB loaded from append only file" in ln]
    assert replay and replay[0] > 1.0  # the replay outlasted the start timeout (and its 1 s grace)
    assert any("Ready to accept connections" in ln for ln in own)
    store = _open(graph_dir)
    try:
        assert store.counts()["labels"]["Entity"] == 12000
    finally:
        store.close()


def test_a_clean_stop_leaves_a_snapshot_so_the_next_start_replays_nothing(graph_dir: Path) -> None:
    store = _open(graph_dir)
    try:
        for start in range(0, 6000, 500):
            store.merge_nodes(_many_entities(6000)[start : start + 500])
        assert _write_log(graph_dir)[0] > falkordb_server.COMPACT_ABOVE
    finally:
        store.close()
    assert falkordb_server.stop(graph_dir)
    assert _write_log(graph_dir)[0] == 0  # everything is in the snapshot
    store = _open(graph_dir)
    try:
        assert store.counts()["labels"]["Entity"] == 6000
    finally:
        store.close()
