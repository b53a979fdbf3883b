"""The screening audit log: an append-only, hash-chained SQLite journal in ``<data_dir>/screening/audit.sqlite``.

Every entry is one JSON body with a kind:

- ``screening``: one party screened (query, normalized query, data and list versions, thresholds, algorithm,
  weights, every match with score, explanation, list entity content hash and the decision in force);
- ``decision``: an analyst's decision on one (party, list entity) pair: ``true_match``, ``false_positive`` or
  ``needs_review``, with a reason, who and when, and the list entity's content hash at that moment;
- ``alert``: a new match found by re-screening after a list change, with the transactions it concerns;
- ``run``: one bulk run (file, its digest, row counts, the malformed rows by line).

The log is append-only and tamper-evident: the code has no UPDATE or DELETE statement for entries; SQLite
triggers abort any UPDATE or DELETE on the table; each entry stores an HMAC-SHA256 under the audit key
(:mod:`redflag.audit.keys`, kept outside the data folder) of the previous entry's MAC plus its own content, so
nobody without the key can change, insert or remove an entry and recompute the chain; and after every append
the newest (count, head) is written to anchors outside the file (:mod:`redflag.audit.anchor`: the state file
``<data_dir>/state/audit-anchor.json`` and an ``AuditAnchor`` node in the graph), so deleting the newest
entries, or deleting or replacing the whole file, is detected by :func:`verify_log_file`.

Logs written before the key (plain SHA-256 chain): the first time this version opens such a log it records in
its ``meta`` table that entries from ``keyed_from`` on are keyed; the entries before it are verified as the
unkeyed legacy chain they are, and ``screening-verify`` says so.

SQLite rather than the graph: the log must outlive graph rebuilds (``redflag stop`` + a wiped graph folder),
must be enforceably append-only, and must export exactly what was recorded; a file per data folder in WAL mode
is shared safely by the CLI and the UI.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redflag.audit import AuditError
from redflag.audit.anchor import SCREENING_LOG, Anchor, AnchorError, advance, check, read_anchors
from redflag.audit.keys import AuditKey, load_audit_key

KINDS = ("screening", "decision", "alert", "run")
DECISIONS = ("true_match", "false_positive", "needs_review")
GENESIS = "0" * 64
# seconds between two graph-anchor writes during a run of appends (each is a durable graph write, ~16 ms with the
# embedded server's fsync: benchmarks/audit_log.py); the state-file anchor is written on every append
GRAPH_ANCHOR_EVERY = 1.0

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
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS meta_no_update BEFORE UPDATE ON meta
BEGIN SELECT RAISE(ABORT, 'the screening audit log is append-only: its metadata cannot be changed'); END;
CREATE TRIGGER IF NOT EXISTS meta_no_delete BEFORE DELETE ON meta
BEGIN SELECT RAISE(ABORT, 'the screening audit log is append-only: its metadata cannot be deleted'); END;
"""
SQLITE_MAGIC = b"SQLite format 3\x00"


class AuditLogError(AuditError):
    """A request the audit log refuses (unknown kind or decision, missing reason, another key)."""


AnchorSink = Callable[[Anchor], None]


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


def _legacy_chain(prev: str, eid: str, kind: str, at: str, by: str, party_key: str, body: str) -> str:
    h = hashlib.sha256()
    for part in (prev, eid, kind, at, by, party_key, body):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


class AuditLog:
    """The audit log of one data folder. Safe to open from several processes at once.

    ``key``: the audit key (default: :func:`load_audit_key` for the data folder the log is in, loaded when first
    needed); ``anchor_file``: where the anchor is advanced after every append (None: no state-file anchor);
    ``on_append``: called with the newest signed anchor (the graph anchor) after the first append, then at most
    every ``GRAPH_ANCHOR_EVERY`` seconds during a run of appends, and at :meth:`close`."""

    def __init__(
        self, path: Path, *, key: AuditKey | None = None, anchor_file: Path | None = None,
        on_append: AnchorSink | None = None,
    ) -> None:
        self.path = Path(path)
        self._key = key
        self.anchor_file = anchor_file
        self.on_append = on_append
        self._pending: Anchor | None = None
        self._sunk_at = 0.0
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
                self._db.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('log_id', ?)", (uuid.uuid4().hex,))
                self._db.execute("INSERT OR IGNORE INTO meta (name, value) "
                                 "SELECT 'keyed_from', coalesce(max(seq), 0) + 1 FROM entries")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 99:
                    raise
                time.sleep(0.1)
            except sqlite3.DatabaseError as exc:
                self._db.close()
                raise AuditLogError(f"the screening audit log {self.path} is not an SQLite audit log ({exc}): it was "
                                    "overwritten or damaged; restore it from a backup") from None

    @classmethod
    def for_data_dir(
        cls, data_dir: Path, *, key: AuditKey | None = None, on_append: AnchorSink | None = None,
    ) -> AuditLog:
        return cls(log_path(data_dir), key=key, anchor_file=anchor_path(data_dir), on_append=on_append)

    @property
    def key(self) -> AuditKey:
        if self._key is None:
            from redflag.settings import load_settings

            folder = self.path.parent
            self._key = load_audit_key(load_settings(folder.parent if folder.name == "screening" else folder))
        return self._key

    def meta(self) -> dict[str, str]:
        return {r["name"]: r["value"] for r in self._db.execute("SELECT name, value FROM meta")}

    def close(self) -> None:
        try:
            self.flush_anchor()
        finally:
            self._db.close()

    def flush_anchor(self) -> None:
        """Hand the newest anchor not yet given to ``on_append`` (the graph anchor) over now."""
        if self._pending is not None and self.on_append is not None:
            pending, self._pending = self._pending, None
            self.on_append(pending)
            self._sunk_at = time.monotonic()

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
        key = self.key
        self._refuse_if_replaced()
        with self._tx() as db:
            db.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('key_id', ?)", (key.key_id,))
            meta = self.meta()
            if meta["key_id"] != key.key_id:
                raise AuditLogError(f"{self.path} was written with another audit key (id {meta['key_id']}); the key "
                                    f"in use ({key.source}) has id {key.key_id}: restore the log's key")
            last = db.execute("SELECT hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
            prev = last["hash"] if last else GENESIS
            digest = key.mac(prev, eid, kind, stamp, by, party_key, text)
            cur = db.execute(
                "INSERT INTO entries (id, kind, at, by, party_key, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (eid, kind, stamp, by, party_key, text, prev, digest),
            )
            seq = int(cur.lastrowid or 0)
        anchor = Anchor(SCREENING_LOG, seq, digest, meta["log_id"], int(meta["keyed_from"]), stamp)
        if self.anchor_file is not None:
            advance(self.anchor_file, anchor, key)
        if self.on_append is not None:  # the graph anchor: at most GRAPH_ANCHOR_EVERY seconds behind, and at close
            self._pending = anchor.signed(key)
            if time.monotonic() - self._sunk_at >= GRAPH_ANCHOR_EVERY:
                self.flush_anchor()
        return Entry(seq, eid, kind, stamp, by, party_key, json.loads(text), digest)

    def _refuse_if_replaced(self) -> None:
        """Nothing is appended to a log other than the one the state-file anchor records (the log was deleted
        or replaced): writing on would let a fresh log take over the anchors."""
        if self.anchor_file is None:
            return
        try:
            anchor = read_anchors(self.anchor_file).get(SCREENING_LOG)
        except AnchorError as exc:
            raise AuditLogError(f"{exc}; nothing is appended until it is restored") from None
        log_id = self.meta().get("log_id", "")
        if anchor is not None and anchor.count > 0 and anchor.log_id and anchor.log_id != log_id:
            raise AuditLogError(
                f"the screening audit log {self.path} is not the log the anchor file {self.anchor_file} records "
                f"(log {anchor.log_id}, {anchor.count} entries): it was deleted or replaced; restore it from a "
                "backup (if it is lost for good, move the anchor file aside, keeping it as evidence)")

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
        """The first problem of the chain and the state-file anchor, as a one-item list (empty when intact)."""
        report = self.check()
        return [report.problem] if report.problem else []

    def check(
        self, graph_anchor: Anchor | None = None, expect_count: int | None = None, expect_head: str | None = None,
    ) -> Verification:
        """Recompute the chain (plain SHA-256 before ``keyed_from``, HMAC under the key from it on) and compare it
        with the anchors and the expected count/head; stops at the first problem."""
        meta = self.meta()
        keyed_from = int(meta.get("keyed_from", "1"))
        rows = list(self._db.execute("SELECT * FROM entries ORDER BY seq"))
        report = Verification(str(self.path), len(rows), rows[-1]["hash"] if rows else GENESIS,
                              min(keyed_from - 1, len(rows)), meta.get("log_id", ""))
        key = self.key
        if rows and keyed_from <= len(rows) and meta.get("key_id") != key.key_id:
            return report.fail(f"the audit key in use ({key.source}, id {key.key_id}) is not the one this log was "
                               f"written with (id {meta.get('key_id', 'none')}): restore the log's key")
        prev = GENESIS
        heads: dict[int, str] = {}
        for n, r in enumerate(rows, 1):
            if r["seq"] != n or r["prev_hash"] != prev:
                return report.fail(f"entry {r['seq']}: does not follow the entry before it (an entry was removed "
                                   "or inserted)")
            fields = (r["prev_hash"], r["id"], r["kind"], r["at"], r["by"], r["party_key"], r["body"])
            expected = key.mac(*fields) if n >= keyed_from else _legacy_chain(*fields)
            if not hmac.compare_digest(expected, r["hash"]):
                return report.fail(f"entry {r['seq']}: content does not match its "
                                   f"{'MAC' if n >= keyed_from else 'legacy hash'} (changed after it was written)")
            heads[n] = r["hash"]
            prev = r["hash"]
        anchors: list[tuple[str, Anchor]] = []
        if self.anchor_file is not None:
            try:
                state = read_anchors(self.anchor_file).get(SCREENING_LOG)
            except AnchorError as exc:
                return report.fail(str(exc))
            if state is not None:
                anchors.append((f"the anchor file {self.anchor_file}", state))
            elif len(rows) >= keyed_from:
                return report.fail(f"the anchor file {self.anchor_file} has no anchor for this log, though it has "
                                   "keyed entries (every append records one): the anchor was removed")
        if graph_anchor is not None:
            anchors.append(("the graph's AuditAnchor", graph_anchor))
        for where, anchor in anchors:
            if anchor.keyed_from != keyed_from and anchor.valid(key) and anchor.log_id == report.log_id:
                return report.fail(f"the log's keyed_from ({keyed_from}) differs from {where} ({anchor.keyed_from})")
            problem = check(anchor, key, where, report.log_id, len(rows), heads)
            if problem:
                return report.fail(problem)
        if expect_count is not None and expect_count != len(rows):
            return report.fail(f"the log has {len(rows)} entries, {expect_count} expected (--expect-count)")
        if expect_head is not None and expect_head.strip().lower() != report.head:
            return report.fail(f"the log's head is {report.head}, {expect_head.strip()} expected (--expect-head)")
        return report


@dataclass
class Verification:
    """The outcome of verifying a log: entry count, head MAC, how many leading entries are unkeyed legacy,
    and the first problem (None when intact)."""

    path: str
    count: int
    head: str
    legacy: int = 0
    log_id: str = ""
    problem: str | None = None

    def fail(self, problem: str) -> Verification:
        self.problem = problem
        return self


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "screening" / "audit.sqlite"


def anchor_path(data_dir: Path) -> Path:
    from redflag.settings import load_settings

    return load_settings(data_dir).audit_anchor_file


def verify_log_file(
    data_dir: Path, key: AuditKey, graph_anchor: Anchor | None = None, expect_count: int | None = None,
    expect_head: str | None = None,
) -> Verification:
    """Verify the screening log of ``data_dir`` without creating or changing it: a missing file with an anchor
    recording entries, a file that is not an SQLite database, and every chain or anchor disagreement come back
    as one problem line."""
    path = log_path(data_dir)
    anchors_file = anchor_path(data_dir)
    if not path.exists():
        report = Verification(str(path), 0, GENESIS)
        try:
            state = read_anchors(anchors_file).get(SCREENING_LOG)
        except AnchorError as exc:
            return report.fail(str(exc))
        for where, anchor in ((f"the anchor file {anchors_file}", state), ("the graph's AuditAnchor", graph_anchor)):
            if anchor is not None and anchor.count > 0:
                return report.fail(f"the screening audit log {path} is missing: {where} records {anchor.count} "
                                   f"entries (head {anchor.head})")
        if expect_count:
            return report.fail(f"the screening audit log {path} is missing; {expect_count} entries expected")
        return report
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return Verification(str(path), 0, GENESIS).fail(f"the screening audit log {path} cannot be read: {exc.strerror}")
    if magic != SQLITE_MAGIC:
        return Verification(str(path), 0, GENESIS).fail(
            f"the screening audit log {path} is not an SQLite audit log (overwritten or damaged); restore it from a backup")
    try:
        with AuditLog(path, key=key, anchor_file=anchors_file) as log:
            return log.check(graph_anchor, expect_count, expect_head)
    except sqlite3.DatabaseError as exc:
        return Verification(str(path), 0, GENESIS).fail(
            f"the screening audit log {path} cannot be read as an audit log ({exc}); restore it from a backup")
