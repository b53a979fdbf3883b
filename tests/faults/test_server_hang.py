"""A graph server that stops answering (here: SIGSTOP) fails the call in bounded time with a clear error; the
next call replaces the hung server, and every write committed before is still there."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.errors import StoreUnavailable
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from graph.store import NodeRecord
from ontology import vocab


@pytest.fixture
def graph_dir(tmp_path: Path) -> Path:
    return tmp_path / "graph"


@pytest.fixture
def store(graph_dir: Path) -> Iterator[FalkorDBStore]:
    """A store on its own server in ``graph_dir``, closed and its server stopped after the test.

    The query timeout is short enough for a quick test, long enough that the replacement server answers the next
    call within it on a loaded machine (1 s left that call little margin)."""
    store = FalkorDBStore(graph_dir, "hang", vocab.labels(), vocab.relationship_types(), query_timeout=5.0)
    try:
        yield store
    finally:
        store.close()
        falkordb_server.stop(graph_dir)


@contextmanager
def stopped_server(graph_dir: Path) -> Iterator[int]:
    """The pid of ``graph_dir``'s running server, stopped (SIGSTOP) for the block and let go on (SIGCONT) after it
    if the process is still there: a server that stops answering without exiting."""
    pid = falkordb_server.pid_of(graph_dir)
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        yield pid
    finally:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)


def test_a_hung_server_times_out_the_call_and_is_replaced_on_the_next(store: FalkorDBStore, graph_dir: Path) -> None:
    store.ensure_schema()
    store.merge_nodes([NodeRecord("Entity", "e1", {"name": "Committed Before The Hang"})])
    with stopped_server(graph_dir) as pid:
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match=r"did not answer query store.count_labels within 5 s"):
            store.counts()
        assert time.monotonic() - started < 60  # bounded by the timeout, not by the hung server
        # still stopped: the next call finds it not answering, kills it and starts a new one
        assert store.get_node("Entity", "e1")["name"] == "Committed Before The Hang"
        assert falkordb_server.pid_of(graph_dir) != pid


def test_an_index_statement_left_unanswered_is_run_again_on_a_new_server(store: FalkorDBStore, graph_dir: Path) -> None:
    # CI once saw the first CREATE INDEX on a fresh graph go unanswered for the whole timeout: schema set-up
    # replaces the hung server and goes on instead of failing the command
    store.merge_nodes([NodeRecord("Entity", "e1", {"name": "Written Before The Hang"})])
    with stopped_server(graph_dir) as pid:
        store.ensure_schema()
        new_pid = falkordb_server.pid_of(graph_dir)
        assert new_pid is not None and new_pid != pid
        assert not falkordb_server._pid_alive(pid)  # the hung server was killed, not left behind
        assert store.get_node("Entity", "e1")["name"] == "Written Before The Hang"
        # every label's index exists on the new server: a second run finds them all
        indexed = {row["label"] for row in store.run(Query("t.indexes", "CALL db.indexes() YIELD label RETURN label"))}
        assert set(vocab.labels()) <= indexed


def test_kill_hung_leaves_a_foreign_process_alone(graph_dir: Path) -> None:
    # the pid file may name a process that is not this folder's server (reused pid): it is never killed
    import subprocess

    paths = falkordb_server.server_paths(graph_dir)
    paths.dir.mkdir(parents=True)
    other = subprocess.Popen(["sleep", "30"])  # noqa: S603,S607 - a harmless stand-in process
    try:
        paths.pid.write_text(str(other.pid))
        assert falkordb_server.kill_hung(graph_dir) is False
        assert other.poll() is None
        assert not paths.pid.exists()
    finally:
        other.kill()
        other.wait()
