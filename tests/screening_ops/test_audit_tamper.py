"""The screening audit log against an attacker with write access to the data folder (but not the audit key): each
attack of issue 15 is carried out on a real data folder with the real graph (embedded FalkorDB) and must be
detected by ``redflag screening-verify`` as one line and exit status 1, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from ontology import vocab
from redflag.audit.anchor import SCREENING_LOG
from redflag.audit.graph_anchor import get_anchor
from redflag.screening_ops.audit import AuditLog, AuditLogError
from redflag.services.loading import load_list_entities
from redflag.services.screening_ops import record_match_decision, screen_file
from redflag.settings import load_settings
from tests.screening_ops.conftest import list_entities

GRAPH = "redflag"
ENV = {"REDFLAG_GRAPH": GRAPH, "REDFLAG_USER": "ana", "REDFLAG_SCREEN_WEIGHTS": ""}
PARTIES = b"name,country,reference\nVeloria Signal Systems Limited,,C-1\nMira Orlando,XO,C-2\nHarbor Lane Bakery,XV,C-3\n"


@pytest.fixture
def world(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder with the fictional list loaded, three parties screened and a true match recorded by ana."""
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    store = FalkorDBStore(data_dir / "graph", GRAPH, vocab.labels(), vocab.relationship_types())
    try:
        store.ensure_schema()
        load_list_entities(store, list_entities())
        cfg = load_settings(data_dir)
        screen_file(store, cfg, PARTIES, "parties.csv", "ana")
        record_match_decision(store, cfg, "C-1", "syn-1", "true_match", "same registration number", "ana")
        yield data_dir
    finally:
        store.close()
        falkordb_server.stop(data_dir / "graph")


def _cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")} | ENV
    done = subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data_dir), *args],
                          env=env, capture_output=True, text=True, timeout=240)  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def _refused(data_dir: Path, *args: str) -> str:
    """Run a command that must fail: exit 1, one line on stderr, no traceback; returns that line."""
    code, _, err = _cli(data_dir, *args)
    assert code == 1, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def _log_file(data_dir: Path) -> Path:
    return data_dir / "screening" / "audit.sqlite"


def _raw(data_dir: Path) -> sqlite3.Connection:
    raw = sqlite3.connect(_log_file(data_dir), isolation_level=None)
    for trigger in ("entries_no_update", "entries_no_delete", "meta_no_update", "meta_no_delete"):
        raw.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    return raw


def _recompute(raw: sqlite3.Connection, mac: object) -> None:
    """What an attacker without the key does after an edit: recompute every hash of the chain."""
    prev = "0" * 64
    for r in raw.execute("SELECT seq, id, kind, at, by, party_key, body FROM entries ORDER BY seq").fetchall():
        digest = mac(prev, r[1], r[2], r[3], r[4], r[5], r[6])  # type: ignore[operator]
        raw.execute("UPDATE entries SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, r[0]))
        prev = digest


def _sha_chain(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode())
        h.update(b"\x1f")
    return h.hexdigest()


def _count_and_head(stdout: str) -> tuple[int, str]:
    m = re.search(r"intact: (\d+) entries, head ([0-9a-f]{64})", stdout)
    assert m, stdout
    return int(m.group(1)), m.group(2)


def test_the_normal_flow_is_intact_and_prints_count_and_head_to_record(world: Path) -> None:
    code, out, err = _cli(world, "screening-verify")
    assert code == 0, err
    count, head = _count_and_head(out)
    with AuditLog.for_data_dir(world) as log:
        entries = log.entries()
    assert count == len(entries) == 5 and head == entries[-1].hash
    assert f"--expect-count {count} --expect-head {head}" in out
    anchors = json.loads((world / "state" / "audit-anchor.json").read_text())["anchors"]
    assert anchors[SCREENING_LOG]["count"] == count and anchors[SCREENING_LOG]["head"] == head
    with FalkorDBStore(world / "graph", GRAPH, vocab.labels(), vocab.relationship_types()) as store:
        graph_anchor = get_anchor(store, SCREENING_LOG)
    assert graph_anchor is not None and graph_anchor.count == count and graph_anchor.head == head
    assert _cli(world, "screening-verify", "--expect-count", str(count), "--expect-head", head)[0] == 0
    assert "5 entries, 6 expected" in _refused(world, "screening-verify", "--expect-count", "6")
    assert f"{'0' * 64} expected (--expect-head)" in _refused(world, "screening-verify", "--expect-head", "0" * 64)


def test_a_true_match_turned_into_a_false_positive_under_another_name_is_detected(world: Path) -> None:
    raw = _raw(world)
    seq, body = raw.execute("SELECT seq, body FROM entries WHERE kind = 'decision'").fetchone()
    forged = json.loads(body) | {"decision": "false_positive", "reason": "different company"}
    raw.execute("UPDATE entries SET body = ?, by = 'ben' WHERE seq = ?", (json.dumps(forged), seq))
    _recompute(raw, _sha_chain)  # the old, unkeyed chain recomputed
    raw.close()
    assert "entry 1: content does not match its MAC" in _refused(world, "screening-verify")

    raw = _raw(world)  # a guessed key does no better
    _recompute(raw, lambda *p: hashlib.sha256(b"guess" + "\x1f".join(p).encode()).hexdigest())
    raw.close()
    assert "content does not match its MAC" in _refused(world, "screening-verify")

    raw = _raw(world)  # declaring every entry unkeyed legacy and recomputing the legacy chain: the anchors differ
    raw.execute("UPDATE meta SET value = '999' WHERE name = 'keyed_from'")
    _recompute(raw, _sha_chain)
    raw.close()
    assert "keyed_from (999) differs from the anchor file" in _refused(world, "screening-verify")


def test_deleting_the_newest_entries_is_detected_even_with_the_state_file_rewound(world: Path) -> None:
    anchor_file = world / "state" / "audit-anchor.json"
    early = anchor_file.read_text()  # the anchor as it was before the next decision (5 entries)
    cfg = load_settings(world)
    with FalkorDBStore(world / "graph", GRAPH, vocab.labels(), vocab.relationship_types()) as store:
        record_match_decision(store, cfg, "C-2", "syn-3", "needs_review", "awaiting the passport copy", "ana")
    raw = _raw(world)
    raw.execute("DELETE FROM entries WHERE seq > 5")  # the newest entry (the review decision) removed
    raw.close()
    line = _refused(world, "screening-verify")
    assert "the newest entries are missing: the anchor file" in line and "records 6 entries" in line
    anchor_file.write_text(early)  # and the state file put back to a genuine older anchor (5 entries)
    line = _refused(world, "screening-verify")
    assert "the newest entries are missing: the graph's AuditAnchor records 6 entries" in line
    raw = _raw(world)
    raw.execute("DELETE FROM entries WHERE seq > 2")
    raw.close()
    assert "records 5 entries" in _refused(world, "screening-verify")


def test_a_missing_or_replaced_log_file_is_detected(world: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    with AuditLog.for_data_dir(other) as log:  # a valid log under the same key, from another folder
        for i in range(6):
            log.append("screening", {"query": f"Party {i}", "matches": []}, "ben", f"party {i}||")
    _log_file(world).rename(world / "moved.sqlite")
    for suffix in ("-wal", "-shm"):
        Path(f"{_log_file(world)}{suffix}").unlink(missing_ok=True)
    assert "is missing: the anchor file" in _refused(world, "screening-verify")
    assert not _log_file(world).exists(), "verify never creates the log"
    with FalkorDBStore(world / "graph", GRAPH, vocab.labels(), vocab.relationship_types()) as store:
        with pytest.raises(AuditLogError, match="it was deleted or replaced; restore it from a backup"):
            screen_file(store, load_settings(world), PARTIES, "again.csv", "ana")  # a fresh log takes nothing over
    assert "the log was replaced" in _refused(world, "screening-verify")  # the empty log just opened
    for suffix in ("", "-wal", "-shm"):
        Path(f"{_log_file(world)}{suffix}").unlink(missing_ok=True)
    shutil.copy(_log_file(other), _log_file(world))
    assert "the log was replaced" in _refused(world, "screening-verify")
    # everything the tool keeps is wiped (log, state file, graph anchor): only the count recorded elsewhere tells
    _log_file(world).unlink()
    (world / "state" / "audit-anchor.json").unlink()
    with FalkorDBStore(world / "graph", GRAPH, vocab.labels(), vocab.relationship_types()) as store:
        store._graph.query("MATCH (a:AuditAnchor) DELETE a")
    code, out, _ = _cli(world, "screening-verify")
    assert code == 0 and "has no entries (no anchor records any)" in out and "intact" not in out
    assert "is missing; 5 entries expected" in _refused(world, "screening-verify", "--expect-count", "5")


def test_no_command_writes_over_an_audit_file_and_an_overwritten_log_is_one_line(world: Path, tmp_path: Path) -> None:
    log = _log_file(world)
    before = log.read_bytes()
    assert "refused, it is in the screening audit log's folder" in _refused(world, "screening-log", "--out", str(log))
    anchor = world / "state" / "audit-anchor.json"
    assert "refused, it is the audit anchor file" in _refused(world, "screening-log", "--out", str(anchor))
    copy = tmp_path / "backup-of-log.db"
    shutil.copy(log, copy)
    assert "refused, it is an existing SQLite database" in _refused(world, "screening-log", "--out", str(copy))
    assert log.read_bytes() == before and copy.read_bytes() == before
    assert _cli(world, "screening-verify")[0] == 0
    code, _, err = _cli(world, "screening-log", "--out", str(tmp_path / "audit.csv"))
    assert code == 0, err
    log.write_text("kind,at,by\nscreening,2026-01-01,ana\n")  # what the old `--out` onto the log did
    assert "is not an SQLite audit log (overwritten or damaged)" in _refused(world, "screening-verify")
    assert "is not an SQLite audit log" in _refused(world, "screening-log")
