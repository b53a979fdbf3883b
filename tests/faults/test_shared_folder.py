"""Several processes on one data folder: one graph server for all of them, shared, and nothing corrupted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fault_helpers import (
    Reference,
    assert_archive_sound,
    assert_graph_has_no_duplicates,
    copy_crawled,
    graph_counts,
    processes_mentioning,
    run,
    start,
)

from graph import falkordb_server
from redflag.services.store import open_store
from redflag.settings import load_settings

pytestmark = pytest.mark.slow


def graph_servers(data_dir: Path) -> list[int]:
    socket = falkordb_server.server_paths(data_dir / "graph").socket
    return [
        pid
        for pid in processes_mentioning(str(socket))
        if b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]


def test_concurrent_first_commands_start_one_server_and_share_it(
    reference: Reference, fault_dir: Path
) -> None:
    copy_crawled(reference, fault_dir)
    # no server yet: four commands race to start one
    procs = [start(fault_dir, "status", "--json") for _ in range(3)] + [start(fault_dir, "load")]
    outs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err[-500:] for _, err in outs]
    servers = graph_servers(fault_dir)
    assert len(servers) == 1, servers
    pids = {json.loads(out)["pid"] for out, _ in outs[:3]}
    assert pids == {servers[0]} == {falkordb_server.pid_of(fault_dir / "graph")}


def test_a_cli_load_while_another_process_holds_the_store(reference: Reference, fault_dir: Path) -> None:
    copy_crawled(reference, fault_dir)
    with open_store(load_settings(fault_dir)) as held:
        pid = held.describe()["pid"]
        # two loads and a status at once, beside the open store
        procs = [start(fault_dir, "load"), start(fault_dir, "load"), start(fault_dir, "status", "--json")]
        outs = [p.communicate(timeout=180) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], [err[-500:] for _, err in outs]
        assert json.loads(outs[2][0])["pid"] == pid
        assert held.counts() == reference.after_load  # the holder sees what the others wrote
    assert graph_servers(fault_dir) == [pid]
    assert graph_counts(fault_dir) == reference.after_load
    assert_graph_has_no_duplicates(fault_dir)
    assert_archive_sound(fault_dir)
    run(fault_dir, "load")  # and a later load on the shared server changes nothing
    assert graph_counts(fault_dir) == reference.after_load
