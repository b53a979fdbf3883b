"""The audit log is append-only: nothing in the tool changes or removes an entry, SQLite refuses it, and the
hash chain shows an entry changed behind the tool's back."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

import redflag.screening_ops as pkg
from redflag.screening_ops.audit import AuditLog, AuditLogError


def _log(tmp_path: Path) -> AuditLog:
    return AuditLog.for_data_dir(tmp_path)


def test_entries_come_back_in_order_with_a_chain(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        a = log.append("screening", {"query": "A Co", "matches": []}, "ana", "a co||")
        b = log.record_decision("a co||", "syn-1", "h1", "false_positive", "different registration", "ben")
        assert (tmp_path / "screening" / "audit.sqlite").exists()
        entries = log.entries()
        assert [e.id for e in entries] == [a.id, b.id]
        assert entries[1].body["decision"] == "false_positive" and entries[1].by == "ben"
        assert log.verify() == []
        assert log.party_keys() == ["a co||"]


def test_an_earlier_entry_cannot_be_changed_or_deleted(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        first = log.append("screening", {"query": "A Co", "matches": []}, "ana", "a co||")
        log.append("screening", {"query": "B Co", "matches": []}, "ana", "b co||")
    raw = sqlite3.connect(tmp_path / "screening" / "audit.sqlite")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE entries SET body = '{}' WHERE id = ?", (first.id,))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("DELETE FROM entries WHERE id = ?", (first.id,))
    with pytest.raises(sqlite3.IntegrityError):  # same id again: refused, never replaced
        raw.execute("INSERT INTO entries (id, kind, at, by, party_key, body, prev_hash, hash) "
                    "SELECT id, kind, at, by, party_key, '{}', prev_hash, hash FROM entries WHERE id = ?", (first.id,))
    raw.close()
    with _log(tmp_path) as log:
        assert log.entries()[0].body == {"query": "A Co", "matches": []}


def test_a_change_made_around_the_triggers_is_detected(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        first = log.append("screening", {"query": "A Co", "matches": []}, "ana", "a co||")
        log.append("decision", {"entity_id": "x", "decision": "false_positive"}, "ana", "a co||")
    raw = sqlite3.connect(tmp_path / "screening" / "audit.sqlite")
    raw.execute("DROP TRIGGER entries_no_update")
    raw.execute("UPDATE entries SET by = 'mallory' WHERE id = ?", (first.id,))
    raw.commit()
    raw.close()
    with _log(tmp_path) as log:  # reopening restores the triggers, and the chain reports the change
        problems = log.verify()
        assert problems and "entry 1" in problems[0] and "changed" in problems[0]


def test_the_code_has_no_update_or_delete_of_log_rows() -> None:
    pattern = re.compile(r"\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bREPLACE\s+INTO\b|\bINSERT\s+OR\s+REPLACE\b", re.IGNORECASE)
    root = Path(pkg.__file__).parent
    offenders = []
    for path in [*root.glob("*.py"), root.parent / "services" / "screening_ops.py"]:
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.name}:{n}")
    assert offenders == []
    assert pattern.search("db.execute('update entries set body = ?')")  # the check itself can fail
    assert not [m for m in dir(AuditLog) if m.startswith(("update", "delete", "remove", "edit", "set_"))]


def test_decisions_need_a_known_kind_and_a_reason(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        with pytest.raises(AuditLogError, match="decision must be one of"):
            log.record_decision("p", "e", "h", "maybe", "because", "ana")
        with pytest.raises(AuditLogError, match="reason is required"):
            log.record_decision("p", "e", "h", "false_positive", "  ", "ana")
        with pytest.raises(AuditLogError, match="unknown entry kind"):
            log.append("note", {}, "ana")
        with pytest.raises(AuditLogError, match="'by'"):
            log.append("screening", {}, " ")
        assert log.count() == 0


def test_the_latest_decision_is_in_force_and_earlier_ones_stay(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        log.record_decision("p", "e", "h", "false_positive", "first look", "ana")
        log.record_decision("p", "e", "h", "true_match", "second look: same address", "ben")
        assert log.decisions()[("p", "e")]["decision"] == "true_match"
        assert [e.body["decision"] for e in log.entries("p", kinds=("decision",))] == ["false_positive", "true_match"]


def _legacy_log(path: Path, n: int) -> None:
    """A log as written before the audit key: the same table, a plain SHA-256 chain, no meta table."""
    import hashlib
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("CREATE TABLE entries (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT "
                "NULL, at TEXT NOT NULL, by TEXT NOT NULL, party_key TEXT NOT NULL DEFAULT '', body TEXT NOT NULL, "
                "prev_hash TEXT NOT NULL, hash TEXT NOT NULL)")
    prev = "0" * 64
    for i in range(n):
        row = (f"legacy-{i}", "screening", f"2025-01-0{i + 1}T00:00:00+00:00", "ana", f"p{i}||",
               json.dumps({"query": f"P{i}", "matches": []}))
        h = hashlib.sha256()
        for part in (prev, *row):
            h.update(part.encode())
            h.update(b"\x1f")
        raw.execute("INSERT INTO entries (id, kind, at, by, party_key, body, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
                    (*row, prev, h.hexdigest()))
        prev = h.hexdigest()
    raw.close()


def test_a_log_from_before_the_key_is_kept_as_unkeyed_legacy_and_continued_keyed(tmp_path: Path) -> None:
    _legacy_log(tmp_path / "screening" / "audit.sqlite", 3)
    with _log(tmp_path) as log:
        first = log.check()
        assert first.problem is None and first.count == 3 and first.legacy == 3
        log.append("screening", {"query": "New Co", "matches": []}, "ana", "new co||")
        after = log.check()
        assert after.problem is None and after.count == 4 and after.legacy == 3 and log.meta()["keyed_from"] == "4"
    raw = sqlite3.connect(tmp_path / "screening" / "audit.sqlite")
    raw.execute("DROP TRIGGER entries_no_update")
    raw.execute("UPDATE entries SET by = 'mallory' WHERE seq = 2")
    raw.commit()
    raw.close()
    with _log(tmp_path) as log:
        assert log.verify() == ["entry 2: content does not match its legacy hash (changed after it was written)"]


def test_a_log_written_with_another_key_is_not_continued(tmp_path: Path) -> None:
    from redflag.audit.keys import AuditKey

    with _log(tmp_path) as log:
        log.append("screening", {"query": "A Co", "matches": []}, "ana", "a co||")
    other = AuditKey(b"x" * 40, "test")
    with AuditLog.for_data_dir(tmp_path, key=other) as log:
        with pytest.raises(AuditLogError, match="was written with another audit key"):
            log.append("screening", {"query": "B Co", "matches": []}, "ana", "b co||")
        assert log.count() == 1
        assert "is not the one this log was written with" in log.verify()[0]
