"""A graph server that stops answering (here: SIGSTOP) fails the call in bounded time with a clear error; the
next call replaces the hung server, and every write committed before is still there."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.errors import StoreUnavailable
from graph.falkordb_store import FalkorDBStore
from graph.store import NodeRecord
from ontology import vocab


def test_a_hung_server_times_out_the_call_and_is_replaced_on_the_next(tmp_path: Path) -> None:
    graph_dir = tmp_path / "graph"
    # the query timeout is short enough for a quick test, long enough that the replacement server answers the next
    # call within it on a loaded machine (1 s left that call little margin)
    store = FalkorDBStore(graph_dir, "hang", vocab.labels(), vocab.relationship_types(), query_timeout=5.0)
    try:
        store.ensure_schema()
        store.merge_nodes([NodeRecord("Entity", "e1", {"name": "Committed Before The Hang"})])
        pid = falkordb_server.pid_of(graph_dir)
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            with pytest.raises(StoreUnavailable, match=r"did not answer query store.count_labels within 5 s"):
                store.counts()
            assert time.monotonic() - started < 60  # bounded by the timeout, not by the hung server
            # still stopped: the next call finds it not answering, kills it and starts a new one
            assert store.get_node("Entity", "e1")["name"] == "Committed Before The Hang"
            assert falkordb_server.pid_of(graph_dir) != pid
        finally:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
    finally:
        store.close()
        falkordb_server.stop(graph_dir)
