"""`kill -9` of the embedded graph server while a CLI command and the UI use it: the outage is reported in
one line (a message in the UI), the next start cleans the stale pid and socket, and no committed write is lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from fault_helpers import (
    Reference,
    assert_graph_has_no_duplicates,
    copy_crawled,
    graph_counts,
    run,
    start,
)
from streamlit.testing.v1 import AppTest

from graph import falkordb_server
from graph.queries import q
from redflag.services.store import open_store
from redflag.settings import load_settings

pytestmark = pytest.mark.slow
APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"

DOCUMENT_PASSAGES = q(
    "faults.document_passages",
    "MATCH (d:Document) WHERE d.id IN $ids OPTIONAL MATCH (p:Passage {document_id: d.id}) "
    "RETURN d.id AS id, count(p) AS passages",
    "ids",
)


def processed_documents(data_dir: Path) -> set[str]:
    db = sqlite3.connect(data_dir / "archive" / "archive.sqlite", timeout=10)
    try:
        return {r[0] for r in db.execute("SELECT doc_id FROM processed")}
    finally:
        db.close()


def kill_server(data_dir: Path) -> int:
    pid = falkordb_server.pid_of(data_dir / "graph")
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    while falkordb_server.status(data_dir / "graph") == "running":
        time.sleep(0.05)
    return pid


def test_server_killed_under_extract_is_reported_and_recovered(reference: Reference, fault_dir: Path) -> None:
    copy_crawled(reference, fault_dir)
    run(fault_dir, "load")
    proc = start(fault_dir, "extract")
    deadline = time.monotonic() + 120
    while not processed_documents(fault_dir):  # wait until some extraction is committed
        assert proc.poll() is None and time.monotonic() < deadline, (
            "extract ended before the server was killed"
        )
        time.sleep(0.05)
    old_pid = kill_server(fault_dir)
    _, err = proc.communicate(timeout=120)
    committed = processed_documents(fault_dir)

    assert proc.returncode == 1
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "graph server" in errors[0] and "not answering" in errors[0], err[-800:]
    assert falkordb_server.status(fault_dir / "graph") == "stale"

    # the next command starts a new server, and every extraction marked done before the kill is in the graph
    with open_store(load_settings(fault_dir)) as store:
        rows = store.run(DOCUMENT_PASSAGES, {"ids": sorted(committed)})
    assert falkordb_server.pid_of(fault_dir / "graph") != old_pid
    assert {r["id"] for r in rows} == committed
    assert all(r["passages"] > 0 for r in rows), rows

    run(fault_dir, "extract")
    assert graph_counts(fault_dir) == reference.graph
    assert_graph_has_no_duplicates(fault_dir)


@pytest.fixture
def ui_env(reference: Reference, fault_dir: Path) -> Iterator[Path]:
    copy_crawled(reference, fault_dir)
    run(fault_dir, "load")
    mp = pytest.MonkeyPatch()
    mp.setenv("REDFLAG_DATA_DIR", str(fault_dir))
    st.cache_resource.clear()  # AppTest runs in this process: settings and store are cached per data folder
    yield fault_dir
    st.cache_resource.clear()
    mp.undo()


def overview() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=120).run()


def entity_count(at: AppTest) -> str:
    assert not at.exception and not at.error, [e.value for e in [*at.exception, *at.error]]
    return str({m.label: m.value for m in at.metric}["Entity"])


def test_the_ui_recovers_on_the_next_page_load_after_the_server_is_killed(ui_env: Path) -> None:
    entities = entity_count(overview())
    old_pid = kill_server(ui_env)
    at = overview()  # the outage is reported on this page load (see the next test for how)
    shown = [str(e.value) for e in [*at.error, *at.exception]]
    assert any("not answering" in m for m in shown), shown
    assert entity_count(overview()) == entities  # a new server, the data intact
    assert falkordb_server.status(ui_env / "graph") == "running"
    assert falkordb_server.pid_of(ui_env / "graph") != old_pid


def test_the_ui_reports_a_killed_server_as_a_message_not_a_traceback(ui_env: Path) -> None:
    entity_count(overview())
    kill_server(ui_env)
    at = overview()
    assert not at.exception, [e.value for e in at.exception]
    assert any("not answering" in str(e.value) for e in at.error)
