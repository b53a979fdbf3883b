"""The audit chain of a transaction's resolutions and decisions, on a real data folder with the real graph
(embedded FalkorDB): the normal flow is intact and shown in the report; a direct edit, a record removed from the
middle or from the end, and an unkeyed record slipped in are each detected by ``redflag audit-verify`` (one line,
exit 1) and shown in the report as broken."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from graph.store import NodeRecord, RelRecord
from ontology import vocab
from ontology.records import ListEntity, Listing
from redflag.services.loading import load_list_entities

GRAPH = "redflag"
ENV = {"REDFLAG_GRAPH": GRAPH, "REDFLAG_USER": "ana"}
TX = "DEAL-9"


def _store(data_dir: Path) -> FalkorDBStore:
    return FalkorDBStore(data_dir / "graph", GRAPH, vocab.labels(), vocab.relationship_types())


def _cypher(data_dir: Path, text: str, params: dict[str, Any] | None = None) -> list[Any]:
    """What an attacker with access to the graph server does: Cypher straight to it, around the tool."""
    with _store(data_dir) as store:
        return list(store._graph.query(text, params or {}).result_set)


@pytest.fixture
def world(data_dir: Path) -> Iterator[Path]:
    """A list loaded (reports need screening grounds), one transaction with a party and two findings."""
    store = _store(data_dir)
    try:
        store.ensure_schema()
        load_list_entities(store, [ListEntity(id="syn-1", schema="Company", name="Veloria Signal Systems Ltd",
                                              dataset="synthetic", countries=["XV"],
                                              listings=[Listing(authority="Fictional Authority", list_code="SYN")])])
        store.merge_nodes([
            NodeRecord("Entity", "party-halden", {"name": "Halden Water Works", "countries": ["XO"],
                                                  "origin": ["deal"], "schema": "Company"}),
            NodeRecord("Transaction", TX, {"status": "pending"}),
            *[NodeRecord("Finding", f"F-{i}", {"transaction_id": TX, "rule": "RF-TEST", "severity": "medium",
                                               "explanation": "test finding", "active": True}) for i in (1, 2)],
        ])  # fmt: skip
        store.merge_rels([
            RelRecord("HAS_PARTY", "Transaction", TX, "Entity", "party-halden", {"role": "customer"},
                      key=f"{TX}|customer|party-halden"),
            *[RelRecord("CONCERNS", "Finding", f"F-{i}", "Transaction", TX) for i in (1, 2)],
        ])  # fmt: skip
        yield data_dir
    finally:
        store.close()
        falkordb_server.stop(data_dir / "graph")


def _cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")} | ENV
    done = subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data_dir), *args],
                          env=env, capture_output=True, text=True, timeout=240)  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def _ok(data_dir: Path, *args: str) -> str:
    code, out, err = _cli(data_dir, *args)
    assert code == 0, err
    return out


def _broken(data_dir: Path) -> str:
    code, _, err = _cli(data_dir, "audit-verify", "--transaction", TX)
    assert code == 1 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: the audit chain of transaction {TX} is BROKEN"), err
    return lines[0]


def _report(data_dir: Path, tmp_path: Path) -> str:
    out = tmp_path / "report.md"
    _ok(data_dir, "report", "--transaction", TX, "--format", "md", "--out", str(out))
    return out.read_text(encoding="utf-8")


def _record_four(data_dir: Path) -> None:
    _ok(data_dir, "resolve", "F-1", "--status", "confirmed", "--reason", "the reseller is real", "--by", "ana")
    _ok(data_dir, "decide", "--transaction", TX, "--decision", "hold", "--reason", "await papers", "--by", "ana")
    _ok(data_dir, "resolve", "F-2", "--status", "mitigated", "--reason", "end-use check done", "--by", "ana")
    _ok(data_dir, "decide", "--transaction", TX, "--decision", "refuse", "--reason", "papers forged", "--by", "ana")


def test_the_normal_flow_is_intact_and_the_report_says_so(world: Path, tmp_path: Path) -> None:
    _record_four(world)
    out = _ok(world, "audit-verify", "--transaction", TX)
    assert out.startswith(f"{TX}: intact: 4 keyed record(s), head ")
    assert "Audit chain of resolutions and decisions: intact: 4 keyed record(s)" in _report(world, tmp_path)
    assert "intact: 4" in _ok(world, "audit-verify")  # every transaction


def test_a_decision_edited_in_the_graph_is_detected_and_the_report_shows_where(world: Path, tmp_path: Path) -> None:
    _record_four(world)
    _cypher(world, "MATCH (d:Decision {decision: 'refuse'}) SET d.decision = 'proceed', d.by = 'mallory'")
    line = _broken(world)
    assert "BROKEN at record 4: decision D-" in line and "content does not match its MAC" in line
    assert "Audit chain of resolutions and decisions: BROKEN at record 4" in _report(world, tmp_path)


def test_records_removed_from_the_middle_or_the_end_are_detected(world: Path) -> None:
    _record_four(world)
    _cypher(world, "MATCH (d:Decision {decision: 'refuse'}) DETACH DELETE d")  # the newest record
    line = _broken(world)
    assert "the newest records are missing" in line and "records 4 records" in line and "the chain has 3" in line
    _cypher(world, "MATCH (r:Resolution {status: 'confirmed'}) DETACH DELETE r")  # the first record
    assert "BROKEN at record 1: " in _broken(world) and "does not follow the record before it" in _broken(world)


def test_legacy_records_are_reported_and_one_slipped_in_later_is_detected(world: Path) -> None:
    legacy = ("MATCH (t:Transaction {id: $tx}) CREATE (d:Decision {id: $id, transaction_id: $tx, decision: 'hold', "
              "reason: 'old', by: 'ana', at: $at})-[:DECIDES {key: $id}]->(t)")
    _cypher(world, legacy, {"tx": TX, "id": "D-legacy-1", "at": "2025-01-01T00:00:00+00:00"})
    assert "1 unkeyed legacy record(s) only" in _ok(world, "audit-verify", "--transaction", TX)
    _ok(world, "decide", "--transaction", TX, "--decision", "proceed", "--reason", "cleared", "--by", "ana")
    out = _ok(world, "audit-verify", "--transaction", TX)
    assert "intact: 1 keyed record(s)" in out and "1 unkeyed legacy record(s) before it" in out
    _cypher(world, legacy, {"tx": TX, "id": "D-legacy-2", "at": "2025-02-01T00:00:00+00:00"})
    assert "a record without a MAC was added or removed" in _broken(world)
