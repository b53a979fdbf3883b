"""The screening audit log: an append-only, hash-chained SQLite journal in ``<data_dir>/screening/audit.sqlite``.

Every entry is one JSON body with a kind:

- ``screening``: one party screened (query, normalized query, data and list versions, thresholds, algorithm,
  weights, every match with score, explanation, list entity content hash and the decision in force);
- ``decision``: an analyst's decision on one (party, list entity) pair: ``true_match``, ``false_positive`` or
  ``needs_review``, with a reason, who and when, and the list entity's content hash at that moment;
- ``alert``: a new match found by re-screening after a list change, with the transactions it concerns;
- ``run``: one bulk run (file, its digest, row counts, the malformed rows by line).

The log is append-only in three ways: the code has no UPDATE or DELETE statement for entries; SQLite
triggers abort any UPDATE or DELETE on the table; and each entry stores the SHA-256 of the previous entry's
hash plus its own content, so :meth:`AuditLog.verify` detects an entry changed by other means.

SQLite rather than the graph: the log must outlive graph rebuilds (``redflag stop`` + a wiped graph folder),
must be enforceably append-only, and must export exactly what was recorded; a file per data folder in WAL mode
is shared safely by the CLI and the UI.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

KINDS = ("screening", "decision", "alert", "run")
DECISIONS = ("true_match", "false_positive", "needs_review")
GENESIS = "0" * 64

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    party_key TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_party ON entries(party_key, seq);
CREATE INDEX IF NOT EXISTS entries_kind ON entries(kind, seq);
CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'the screening audit log is append-only: entries cannot be changed'); END;
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'the screening audit log is append-only: entries cannot be deleted'); END;
"""


class AuditLogError(ValueError):
    """A request the audit log refuses (unknown kind or decision, missing reason)."""


@dataclass(frozen=True)
class Entry:
    """One recorded entry."""

    seq: int
    id: str
    kind: str
    at: str
    by: str
    party_key: str
    body: dict[str, Any]
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "id": self.id, "kind": self.kind, "at": self.at, "by": self.by,
                "party_key": self.party_key, **self.body, "hash": self.hash}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _canonical(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _chain(prev: str, eid: str, kind: str, at: str, by: str, party_key: str, body: str) -> str:
    h = hashlib.sha256()
    for part in (prev, eid, kind, at, by, party_key, body):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


class AuditLog:
    """The audit log of one data folder. Safe to open from several processes at once."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        # two processes may open a new log at once: switching to WAL and creating the schema take an
        # exclusive lock that SQLite's busy timeout does not always wait for, so retry for a while
        for attempt in range(100):
            try:
                if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.executescript(SCHEMA)
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 99:
                    raise
                time.sleep(0.1)

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> AuditLog:
        return cls(Path(data_dir) / "screening" / "audit.sqlite")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # ------------------------------------------------------------------ writing (append only)
    def append(self, kind: str, body: dict[str, Any], by: str, party_key: str = "", at: str | None = None) -> Entry:
        """Append one entry; returns it with its sequence number and chain hash."""
        if kind not in KINDS:
            raise AuditLogError(f"unknown entry kind {kind!r}; known: {', '.join(KINDS)}")
        if not by.strip():
            raise AuditLogError("who made the entry ('by') is required")
        eid = uuid.uuid4().hex
        stamp = at or now()
        text = _canonical(body)
        with self._tx() as db:
            last = db.execute("SELECT hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
            prev = last["hash"] if last else GENESIS
            digest = _chain(prev, eid, kind, stamp, by, party_key, text)
            cur = db.execute(
                "INSERT INTO entries (id, kind, at, by, party_key, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (eid, kind, stamp, by, party_key, text, prev, digest),
            )
            seq = int(cur.lastrowid or 0)
        return Entry(seq, eid, kind, stamp, by, party_key, json.loads(text), digest)

    def record_decision(
        self, party_key: str, entity_id: str, entity_hash: str, decision: str, reason: str, by: str,
        screening_id: str = "", entity_name: str = "",
    ) -> Entry:
        """An analyst's decision on one (party, list entity) pair, tied to the entity's content hash."""
        if decision not in DECISIONS:
            raise AuditLogError(f"decision must be one of {', '.join(DECISIONS)}, got {decision!r}")
        if not reason.strip():
            raise AuditLogError("a reason is required for every decision")
        if not party_key or not entity_id:
            raise AuditLogError("a decision needs a party key and a list entity id")
        body = {"entity_id": entity_id, "entity_name": entity_name, "entity_hash": entity_hash,
                "decision": decision, "reason": reason.strip(), "screening_id": screening_id}
        return self.append("decision", body, by, party_key)

    # ------------------------------------------------------------------ reading
    def _entries(self, sql: str, params: tuple[Any, ...]) -> list[Entry]:
        return [
            Entry(r["seq"], r["id"], r["kind"], r["at"], r["by"], r["party_key"], json.loads(r["body"]), r["hash"])
            for r in self._db.execute(sql, params)
        ]

    def entries(self, party_key: str | None = None, kinds: tuple[str, ...] = KINDS, since_seq: int = 0) -> list[Entry]:
        """Entries in the order they were written, optionally of one party and some kinds only."""
        unknown = sorted(set(kinds) - set(KINDS))
        if unknown:
            raise AuditLogError(f"unknown entry kind(s): {', '.join(unknown)}")
        wanted = json.dumps(list(kinds))
        if party_key is None:
            return self._entries(
                "SELECT * FROM entries WHERE kind IN (SELECT value FROM json_each(?)) AND seq > ? ORDER BY seq",
                (wanted, since_seq),
            )
        return self._entries(
            "SELECT * FROM entries WHERE party_key = ? AND kind IN (SELECT value FROM json_each(?)) AND seq > ? "
            "ORDER BY seq",
            (party_key, wanted, since_seq),
        )

    def count(self, kind: str | None = None) -> int:
        if kind is None:
            return int(self._db.execute("SELECT count(*) FROM entries").fetchone()[0])
        return int(self._db.execute("SELECT count(*) FROM entries WHERE kind = ?", (kind,)).fetchone()[0])

    def decisions(self) -> dict[tuple[str, str], dict[str, Any]]:
        """The decision in force per (party key, entity id): the latest one, with who and when."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for e in self.entries(kinds=("decision",)):
            out[(e.party_key, str(e.body["entity_id"]))] = {**e.body, "by": e.by, "at": e.at, "decision_id": e.id}
        return out

    def party_keys(self) -> list[str]:
        """Every party key screened at least once, oldest first."""
        rows = self._db.execute(
            "SELECT party_key, min(seq) AS first FROM entries WHERE kind = 'screening' AND party_key <> '' "
            "GROUP BY party_key ORDER BY first"
        )
        return [r["party_key"] for r in rows]

    def latest_screenings(self) -> dict[str, Entry]:
        """The most recent screening entry of every party."""
        rows = self._entries(
            "SELECT e.* FROM entries e JOIN (SELECT party_key, max(seq) AS seq FROM entries WHERE kind = 'screening' "
            "AND party_key <> '' GROUP BY party_key) l ON e.seq = l.seq ORDER BY e.seq",
            (),
        )
        return {e.party_key: e for e in rows}

    def verify(self) -> list[str]:
        """Problems found when recomputing the hash chain (empty when the log is intact)."""
        problems: list[str] = []
        prev = GENESIS
        for r in self._db.execute("SELECT * FROM entries ORDER BY seq"):
            if r["prev_hash"] != prev:
                problems.append(f"entry {r['seq']}: does not follow the entry before it (one was removed or inserted)")
            expected = _chain(r["prev_hash"], r["id"], r["kind"], r["at"], r["by"], r["party_key"], r["body"])
            if expected != r["hash"]:
                problems.append(f"entry {r['seq']}: content does not match its hash (changed after it was written)")
            prev = r["hash"]
        return problems
