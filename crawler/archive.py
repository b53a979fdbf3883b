"""Content-addressed archive of everything fetched, with an SQLite index.

Layout under ``root`` (``<data_dir>/archive``)::

    blobs/<sha[:2]>/<sha>   raw bytes, written to a temporary file then renamed into place
    archive.sqlite          index (WAL): fetches, versions, documents, list sets and records, runs, errors

Nothing is overwritten: a changed page is a new row in ``versions`` linked to the previous sha.
Every write is one SQLite transaction, so an interrupted crawl leaves a consistent archive and a
re-run only adds what is missing.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from crawler.freshness import StoredResponse
from crawler.parsers.common import ParsedList
from ontology.records import CountryIndicator, Document, ListEntity, ListRelation, RowError

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY, source_id TEXT NOT NULL, started TEXT NOT NULL, finished TEXT,
  fetched INTEGER NOT NULL DEFAULT 0, new INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, row_errors INTEGER NOT NULL DEFAULT 0,
  duration REAL, outcome TEXT NOT NULL DEFAULT 'running');
CREATE INDEX IF NOT EXISTS runs_source ON runs(source_id, started);
CREATE TABLE IF NOT EXISTS fetches (
  id INTEGER PRIMARY KEY, url TEXT NOT NULL, source_id TEXT NOT NULL, run_id TEXT NOT NULL, status INTEGER NOT NULL,
  etag TEXT, last_modified TEXT, sha256 TEXT, retrieved_at TEXT NOT NULL, content_type TEXT, outcome TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fetches_url ON fetches(url, id);
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY, url TEXT NOT NULL, sha256 TEXT NOT NULL, previous_sha256 TEXT, first_seen TEXT NOT NULL,
  source_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS versions_url ON versions(url, id);
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT NOT NULL, url TEXT NOT NULL, sha256 TEXT NOT NULL, source_id TEXT NOT NULL, json TEXT NOT NULL,
  stored_at TEXT NOT NULL, PRIMARY KEY (doc_id, sha256));
CREATE TABLE IF NOT EXISTS processed (
  doc_id TEXT NOT NULL, sha256 TEXT NOT NULL, marker TEXT NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (doc_id, sha256, marker));
CREATE TABLE IF NOT EXISTS list_sets (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL, dataset TEXT NOT NULL, sha256 TEXT NOT NULL, stored_at TEXT NOT NULL,
  records INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS list_sets_key ON list_sets(key, id);
CREATE TABLE IF NOT EXISTS list_records (
  set_id INTEGER NOT NULL REFERENCES list_sets(id), kind TEXT NOT NULL, record_id TEXT NOT NULL,
  sha256 TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (set_id, kind, record_id));
CREATE TABLE IF NOT EXISTS list_sets_pending (
  set_id INTEGER PRIMARY KEY REFERENCES list_sets(id), stored INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS list_set_files (
  set_id INTEGER NOT NULL REFERENCES list_sets(id), name TEXT NOT NULL, sha256 TEXT NOT NULL,
  size INTEGER NOT NULL DEFAULT 0, file_date TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (set_id, name));
CREATE TABLE IF NOT EXISTS errors (
  id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, location TEXT NOT NULL, line INTEGER NOT NULL DEFAULT 0,
  field TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS errors_run ON errors(run_id);
CREATE INDEX IF NOT EXISTS documents_url ON documents(url, sha256);
CREATE TABLE IF NOT EXISTS fresh_skips (
  run_id TEXT NOT NULL, url TEXT NOT NULL, source_id TEXT NOT NULL, sha256 TEXT NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (run_id, url));
"""

ADDED_COLUMNS = {
    "fetches": (("response_date", "TEXT"), ("cache_control", "TEXT"), ("expires", "TEXT"), ("age", "TEXT")),
    "runs": (("not_modified", "INTEGER NOT NULL DEFAULT 0"), ("fresh", "INTEGER NOT NULL DEFAULT 0")),
}
"""Columns added after archives existed: created on open where missing (``ALTER TABLE ... ADD COLUMN``).
``fetches``: the response's caching header fields (RFC 9111: ``Date``, ``Cache-Control``, ``Expires``, ``Age``);
``runs``: requests answered 304 (``not_modified``) and leaf pages not requested because their archived
response was still fresh (``fresh``, see :mod:`crawler.freshness`)."""

_LATEST_COMPLETE_SET = (
    "SELECT sha256 FROM list_sets WHERE key = ? AND id NOT IN (SELECT set_id FROM list_sets_pending) "
    "ORDER BY id DESC LIMIT 1"
)
_CURRENT_SET_IDS = "SELECT max(id) FROM list_sets WHERE id NOT IN (SELECT set_id FROM list_sets_pending) GROUP BY key"
"""The latest completely stored set of every key (a set still being stored is invisible until it is whole)."""
_CURRENT_RECORDS = (
    "SELECT s.key, r.record_id, r.json FROM list_records r JOIN list_sets s ON s.id = r.set_id WHERE r.kind = ? AND s.id IN "
    "(SELECT max(id) FROM list_sets WHERE id NOT IN (SELECT set_id FROM list_sets_pending) GROUP BY key)"
)

LIST_CHUNK = 5000
"""List records stored per transaction by :meth:`Archive.store_list_stream` (an interrupted import loses at most
one chunk of work)."""

COUNTERS = ("fetched", "new", "changed", "unchanged", "failed", "row_errors", "not_modified", "fresh")


ListRecord = ListEntity | ListRelation | CountryIndicator


def _kind(rec: ListRecord) -> str:
    return "entity" if isinstance(rec, ListEntity) else "relation" if isinstance(rec, ListRelation) else "indicator"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _run_pid(run_id: str) -> int:
    """The process id a run id was made with (0 if the id has another shape)."""
    parts = run_id.rsplit(":", 2)
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else 0


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by someone else
    return True


def _iso_http_date(text: str) -> str:
    """An HTTP date (``Last-Modified``) as ISO 8601 UTC; an ISO value is kept; '' when unreadable."""
    if not text:
        return ""
    try:
        return datetime.fromisoformat(text).isoformat(timespec="seconds")
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).astimezone(UTC).isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError):
        return ""


def _digest(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    source_id: str
    started: str
    finished: str | None
    fetched: int
    new: int
    changed: int
    unchanged: int
    failed: int
    row_errors: int
    duration: float | None
    outcome: str
    not_modified: int = 0  # requests answered 304 (revalidated: the archived version is current)
    fresh: int = 0  # leaf pages not requested: their archived response was still fresh (crawler.freshness)

    @property
    def downloaded(self) -> int:
        """Responses that carried a body (fetched minus 304s)."""
        return self.fetched - self.not_modified

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ListFileInfo:
    """One input file of a list set: name (path or URL), SHA-256 of its bytes, size, its own date (an imported
    file's modification time, a crawled file's ``Last-Modified`` or retrieval time) and the publication date the
    publisher states ('' when unknown)."""

    name: str
    sha256: str
    size: int = 0
    file_date: str = ""
    published: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "sha256": self.sha256, "size": self.size, "date": self.file_date,
                "published": self.published}


@dataclass(frozen=True)
class ErrorRecord:
    run_id: str
    location: str
    line: int
    field: str
    reason: str
    at: str


@dataclass(frozen=True)
class DamagedRecord:
    """A stored record or blob that cannot be read back as written.

    ``kind``: ``document`` (a parsed document's JSON), ``list record``, ``blob`` (raw bytes whose SHA-256 is
    not their name, or missing) or ``index`` (SQLite's own check); ``key`` names it (document id and version,
    list key and record id, blob sha); ``url`` where one is known; ``reason`` says what is wrong.
    """

    kind: str
    key: str
    url: str
    reason: str

    def line(self) -> str:
        where = f" ({self.url})" if self.url else ""
        return f"damaged {self.kind} {self.key}{where}: {self.reason}"


@dataclass
class VerifyReport:
    """What :meth:`Archive.verify` checked and what it found damaged."""

    blobs: int = 0
    documents: int = 0
    list_records: int = 0
    damaged: list[DamagedRecord] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.damaged


class DiskFullError(OSError):
    """A write failed because the disk (or the user's quota) is full; ``filename`` names what was written."""


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(exc, sqlite3.OperationalError) and getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:200]


class Archive:
    """The archive at ``root``; safe to open from several processes (SQLite WAL, short transactions)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.blob_dir = self.root / "blobs"
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.root / "archive.sqlite"
        self._db = sqlite3.connect(self.db_path, timeout=30.0, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._add_columns()

    def _add_columns(self) -> None:
        for table, columns in ADDED_COLUMNS.items():
            have = {str(r["name"]) for r in self._db.execute(f"PRAGMA table_info({table})")}
            for name, decl in columns:
                if name in have:
                    continue
                try:
                    self._db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {decl}")
                except sqlite3.OperationalError as exc:  # another process added it first
                    if "duplicate column" not in str(exc):
                        raise

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if _disk_full(exc):
                raise DiskFullError(errno.ENOSPC, "No space left on device (disk full)", str(self.db_path)) from exc
            raise

    # ------------------------------------------------------------------ blobs
    def blob_path(self, sha: str) -> Path:
        return self.blob_dir / sha[:2] / sha

    def put_blob(self, body: bytes) -> str:
        sha = hashlib.sha256(body).hexdigest()
        path = self.blob_path(sha)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(body)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, path)
            except BaseException as exc:
                Path(tmp).unlink(missing_ok=True)
                if _disk_full(exc):
                    raise DiskFullError(errno.ENOSPC, "No space left on device (disk full)", str(path)) from exc
                raise
        return sha

    def put_blob_file(self, source: Path, chunk: int = 1 << 20) -> str:
        """Store a file's bytes as a blob without holding them in memory; returns their sha256."""
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.blob_dir, prefix=".tmp-")
        h = hashlib.sha256()
        try:
            with open(source, "rb") as src, os.fdopen(fd, "wb") as fh:
                while block := src.read(chunk):
                    h.update(block)
                    fh.write(block)
                fh.flush()
                os.fsync(fh.fileno())
            sha = h.hexdigest()
            path = self.blob_path(sha)
            if path.exists():
                Path(tmp).unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def get_blob(self, sha: str) -> bytes | None:
        path = self.blob_path(sha)
        return path.read_bytes() if path.exists() else None

    # ------------------------------------------------------------------ runs
    def start_run(self, source_id: str) -> str:
        run_id = f"{source_id}:{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}:{os.getpid()}:{time.monotonic_ns() % 10**6}"
        with self._tx() as db:
            db.execute(
                "INSERT INTO runs(run_id, source_id, started) VALUES (?, ?, ?)", (run_id, source_id, _now())
            )
        return run_id

    def _bump(self, db: sqlite3.Connection, run_id: str, counter: str, by: int = 1) -> None:
        if counter not in COUNTERS:
            raise ValueError(counter)
        db.execute(f"UPDATE runs SET {counter} = {counter} + ? WHERE run_id = ?", (by, run_id))  # noqa: S608

    def finish_run(self, run_id: str, outcome: str) -> None:
        with self._tx() as db:
            row = db.execute("SELECT started FROM runs WHERE run_id = ?", (run_id,)).fetchone()
            if row is None:
                raise KeyError(f"no run {run_id!r}")
            started = datetime.fromisoformat(row["started"])
            now = datetime.now(UTC)
            db.execute(
                "UPDATE runs SET finished = ?, duration = ?, outcome = ? WHERE run_id = ?",
                (now.isoformat(timespec="seconds"), (now - started).total_seconds(), outcome, run_id),
            )

    def close_open_runs(self, run_ids: list[str] | None = None, outcome: str = "interrupted") -> list[str]:
        """Close runs still marked ``running`` whose crawler process is gone; return their ids.

        ``run_ids`` limits this to the runs of one crawl the caller just watched end (its child exited,
        so none of them can still be open). Without it, a run counts as abandoned when the process id
        embedded in its run id (``source:time:pid:n``) is no longer alive: the crawl was killed with
        ``kill -9`` or forced down before its spiders could close.
        """
        rows = self._db.execute("SELECT run_id FROM runs WHERE outcome = 'running'").fetchall()
        open_ids = [r["run_id"] for r in rows]
        if run_ids is not None:
            wanted = set(run_ids)
            closing = [r for r in open_ids if r in wanted]
        else:
            closing = [r for r in open_ids if not _pid_alive(_run_pid(r))]
        for run_id in closing:
            self.finish_run(run_id, outcome)
        return closing

    def runs(self, source_id: str | None = None) -> list[RunRecord]:
        if source_id is None:
            rows = self._db.execute("SELECT * FROM runs ORDER BY started, rowid").fetchall()
        else:
            rows = self._db.execute(
                "SELECT * FROM runs WHERE source_id = ? ORDER BY started, rowid", (source_id,)
            ).fetchall()
        return [RunRecord(**dict(r)) for r in rows]

    def record_error(self, run_id: str, location: str, reason: str, line: int = 0, field: str = "") -> None:
        with self._tx() as db:
            self._insert_error(db, run_id, location, reason, line, field)
            self._bump(db, run_id, "failed")

    def _insert_error(
        self, db: sqlite3.Connection, run_id: str, location: str, reason: str, line: int, field: str
    ) -> None:
        db.execute(
            "INSERT INTO errors(run_id, location, line, field, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
            (run_id, location, line, field, reason, _now()),
        )

    def errors(self, run_id: str) -> list[ErrorRecord]:
        rows = self._db.execute(
            "SELECT run_id, location, line, field, reason, at FROM errors WHERE run_id = ? ORDER BY id",
            (run_id,),
        ).fetchall()
        return [ErrorRecord(**dict(r)) for r in rows]

    # ------------------------------------------------------------------ fetches and versions
    def latest_version(self, url: str) -> str | None:
        row = self._db.execute(
            "SELECT sha256 FROM versions WHERE url = ? ORDER BY id DESC LIMIT 1", (url,)
        ).fetchone()
        return None if row is None else str(row["sha256"])

    def versions(self, url: str) -> list[tuple[str, str | None]]:
        """(sha256, previous_sha256) for every stored version of URL, oldest first."""
        rows = self._db.execute(
            "SELECT sha256, previous_sha256 FROM versions WHERE url = ? ORDER BY id", (url,)
        )
        return [(r["sha256"], r["previous_sha256"]) for r in rows]

    def latest_body(self, url: str) -> bytes | None:
        sha = self.latest_version(url)
        return None if sha is None else self.get_blob(sha)

    def conditional_headers(self, url: str) -> dict[str, str]:
        """``If-None-Match``/``If-Modified-Since`` from the fetch that stored the latest version of URL."""
        sha = self.latest_version(url)
        if sha is None or not self.blob_path(sha).exists():
            return {}
        row = self._db.execute(
            "SELECT etag, last_modified FROM fetches WHERE url = ? AND sha256 = ? AND (etag IS NOT NULL OR "
            "last_modified IS NOT NULL) ORDER BY id DESC LIMIT 1",
            (url, sha),
        ).fetchone()
        headers: dict[str, str] = {}
        if row is not None:
            if row["etag"]:
                headers["If-None-Match"] = row["etag"]
            if row["last_modified"]:
                headers["If-Modified-Since"] = row["last_modified"]
        return headers

    def record_fetch(
        self,
        run_id: str,
        source_id: str,
        url: str,
        status: int,
        body: bytes | None,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        content_type: str | None = None,
        not_modified: bool = False,
        blob_sha: str | None = None,
        response_date: str | None = None,
        cache_control: str | None = None,
        expires: str | None = None,
        age: str | None = None,
    ) -> tuple[str, str]:
        """Store one response; returns (outcome, sha256) with outcome ``new``, ``changed`` or ``unchanged``.

        ``not_modified`` means the server answered 304: the latest stored version is current (counted in the
        run's ``not_modified``). ``blob_sha`` names a body already stored with :meth:`put_blob_file` (then BODY
        is None). ``response_date``, ``cache_control``, ``expires`` and ``age`` are the response's ``Date``,
        ``Cache-Control``, ``Expires`` and ``Age`` header values, kept for :meth:`stored_response`.
        """
        if blob_sha is not None:
            if not self.blob_path(blob_sha).exists():
                raise ValueError(f"{url}: blob {blob_sha} is not stored")
            sha = blob_sha
        elif not_modified:
            latest = self.latest_version(url)
            if latest is None:
                raise ValueError(f"{url}: 304 Not Modified but nothing archived for it")
            sha = latest
        else:
            if body is None:
                raise ValueError(f"{url}: a fetch without a body")
            sha = self.put_blob(body)  # the blob exists before the index points at it
        with self._tx() as db:
            prev = db.execute(
                "SELECT sha256 FROM versions WHERE url = ? ORDER BY id DESC LIMIT 1", (url,)
            ).fetchone()
            previous = None if prev is None else str(prev["sha256"])
            if previous == sha:
                outcome = "unchanged"
            else:
                outcome = "new" if previous is None else "changed"
                db.execute(
                    "INSERT INTO versions(url, sha256, previous_sha256, first_seen, source_id) VALUES (?, ?, ?, ?, ?)",
                    (url, sha, previous, _now(), source_id),
                )
            db.execute(
                "INSERT INTO fetches(url, source_id, run_id, status, etag, last_modified, sha256, retrieved_at, "
                "content_type, outcome, response_date, cache_control, expires, age) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (url, source_id, run_id, status, etag, last_modified, sha, _now(), content_type, outcome,
                 response_date, cache_control, expires, age),
            )  # fmt: skip
            self._bump(db, run_id, "fetched")
            self._bump(db, run_id, outcome)
            if not_modified:
                self._bump(db, run_id, "not_modified")
        return outcome, sha

    def stored_response(self, url: str) -> tuple[StoredResponse, bool] | None:
        """The caching header fields of the response behind URL's latest version (the 200 that brought it, or
        the latest 304 that revalidated it), and whether a parsed document is stored for that version; None
        when nothing is archived for URL or its blob is missing (then it must be requested)."""
        row = self._db.execute(
            "SELECT v.sha256, f.retrieved_at, f.response_date, f.cache_control, f.expires, f.age, f.last_modified "
            "FROM versions v JOIN fetches f ON f.url = v.url AND f.sha256 = v.sha256 WHERE v.url = ? "
            "ORDER BY v.id DESC, f.id DESC LIMIT 1",
            (url,),
        ).fetchone()
        if row is None or not self.blob_path(str(row["sha256"])).exists():
            return None
        retrieved = datetime.fromisoformat(str(row["retrieved_at"]))
        if retrieved.tzinfo is None:
            retrieved = retrieved.replace(tzinfo=UTC)
        stored = StoredResponse(retrieved.timestamp(), row["response_date"], row["cache_control"], row["expires"],
                                row["age"], row["last_modified"])  # fmt: skip
        return stored, self.has_document(url, str(row["sha256"]))

    def stored_headers(self, url: str) -> dict[str, str]:
        """The header fields kept of the response behind URL's latest version (``Content-Type``, validators and
        caching fields), to be updated by a 304's own (RFC 9111 section 4.3.4); {} when none are kept."""
        row = self._db.execute(
            "SELECT f.content_type, f.etag, f.last_modified, f.response_date, f.cache_control, f.expires, f.age "
            "FROM versions v JOIN fetches f ON f.url = v.url AND f.sha256 = v.sha256 WHERE v.url = ? "
            "ORDER BY v.id DESC, f.id DESC LIMIT 1",
            (url,),
        ).fetchone()
        if row is None:
            return {}
        names = {"content_type": "Content-Type", "etag": "ETag", "last_modified": "Last-Modified",
                 "response_date": "Date", "cache_control": "Cache-Control", "expires": "Expires", "age": "Age"}  # fmt: skip
        return {header: str(row[col]) for col, header in names.items() if row[col] is not None}

    def record_fresh(self, run_id: str, source_id: str, url: str) -> bool:
        """Record that RUN_ID did not request URL because its archived response was still fresh (counted in the
        run's ``fresh``); False when this run recorded it already or nothing is archived for URL."""
        sha = self.latest_version(url)
        if sha is None:
            return False
        with self._tx() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO fresh_skips(run_id, url, source_id, sha256, at) VALUES (?, ?, ?, ?, ?)",
                (run_id, url, source_id, sha, _now()),
            )
            if cur.rowcount > 0:
                self._bump(db, run_id, "fresh")
        return cur.rowcount > 0

    def fresh_urls(self, run_id: str) -> set[str]:
        """The URLs RUN_ID did not request because their archived response was still fresh."""
        return {str(r["url"]) for r in self._db.execute("SELECT url FROM fresh_skips WHERE run_id = ?", (run_id,))}

    def fetch_count(self, url: str | None = None) -> int:
        if url is None:
            return int(self._db.execute("SELECT count(*) FROM fetches").fetchone()[0])
        return int(self._db.execute("SELECT count(*) FROM fetches WHERE url = ?", (url,)).fetchone()[0])

    def version_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM versions").fetchone()[0])

    # ------------------------------------------------------------------ documents
    def store_document(self, doc: Document) -> bool:
        """Store a parsed document version; False if this (doc id, sha) is already stored."""
        with self._tx() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO documents(doc_id, url, sha256, source_id, json, stored_at) VALUES (?,?,?,?,?,?)",
                (
                    doc.id,
                    doc.url,
                    doc.sha256,
                    doc.source_id,
                    json.dumps(doc.to_dict(), ensure_ascii=False),
                    _now(),
                ),
            )
            return cur.rowcount > 0

    def _latest_document_rows(self) -> list[sqlite3.Row]:
        return self._db.execute(
            "SELECT d.doc_id, d.url, d.sha256, d.json FROM documents d JOIN versions v ON v.url = d.url "
            "AND v.sha256 = d.sha256 WHERE v.id = (SELECT max(v2.id) FROM versions v2 WHERE v2.url = d.url) "
            "ORDER BY d.url"
        ).fetchall()

    @staticmethod
    def _document(row: sqlite3.Row) -> Document | DamagedRecord:
        try:
            return Document.from_dict(json.loads(row["json"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            key = f"{row['doc_id']} version {str(row['sha256'])[:12]}"
            return DamagedRecord("document", key, str(row["url"]), f"unreadable record ({_short(exc)})")

    def latest_documents(self, damaged: list[DamagedRecord] | None = None) -> list[Document]:
        """The current version of every archived document (one per URL).

        A record that cannot be read back is left out and, when ``damaged`` is given, appended to it.
        """
        out: list[Document] = []
        for row in self._latest_document_rows():
            doc = self._document(row)
            if isinstance(doc, DamagedRecord):
                if damaged is not None:
                    damaged.append(doc)
            else:
                out.append(doc)
        return out

    def documents_pending(
        self, processed_marker: str, damaged: list[DamagedRecord] | None = None
    ) -> list[Document]:
        """Current documents whose current version has not been marked with ``processed_marker`` (unreadable
        records are left out and appended to ``damaged``)."""
        done = {
            (r["doc_id"], r["sha256"])
            for r in self._db.execute(
                "SELECT doc_id, sha256 FROM processed WHERE marker = ?", (processed_marker,)
            )
        }
        return [d for d in self.latest_documents(damaged) if (d.id, d.sha256) not in done]

    def has_marker(self, marker: str) -> bool:
        """True when some document version was marked processed with ``marker``."""
        row = self._db.execute("SELECT 1 FROM processed WHERE marker = ? LIMIT 1", (marker,)).fetchone()
        return row is not None

    def mark_processed(self, doc_id: str, sha: str, marker: str) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR IGNORE INTO processed(doc_id, sha256, marker, at) VALUES (?, ?, ?, ?)",
                (doc_id, sha, marker, _now()),
            )

    # ------------------------------------------------------------------ structured lists
    def store_list(
        self, key: str, dataset: str, sha: str, parsed: ParsedList, run_id: str | None = None,
        files: list[ListFileInfo] | None = None,
    ) -> bool:
        """Store the records parsed from one set of input files (identified by KEY and the inputs' digest SHA).

        Returns False when this exact input was stored before (no records written; the files' versions are
        added if the stored set has none yet, as for a set archived before they were recorded). Row errors
        are recorded against RUN_ID either way. ``files`` are the input files' versions (name, SHA-256, date):
        see :meth:`fetched_file` for crawled files.
        """
        with self._tx() as db:
            if run_id is not None:
                self._record_row_errors(db, run_id, parsed.errors)
            latest = db.execute(_LATEST_COMPLETE_SET, (key,)).fetchone()
            if latest is not None and latest["sha256"] == sha:
                self._add_missing_files(db, key, files or [])
                return False
            cur = db.execute(
                "INSERT INTO list_sets(key, dataset, sha256, stored_at, records) VALUES (?, ?, ?, ?, ?)",
                (key, dataset, sha, _now(), parsed.record_count),
            )
            set_id = cur.lastrowid
            rows: list[tuple[Any, ...]] = []
            for kind, records in (("entity", parsed.entities), ("relation", parsed.relations)):
                for rec in records:
                    data = rec.to_dict()
                    rows.append((set_id, kind, rec.id, _digest(data), json.dumps(data, ensure_ascii=False)))
            for ind in parsed.indicators:
                data = ind.to_dict()
                rows.append(
                    (set_id, "indicator", ind.id, _digest(data), json.dumps(data, ensure_ascii=False))
                )
            db.executemany(
                "INSERT OR REPLACE INTO list_records(set_id, kind, record_id, sha256, json) VALUES (?,?,?,?,?)",
                rows,
            )
            self._insert_set_files(db, int(set_id or 0), files if files is not None else [])
        return True

    def store_list_stream(
        self,
        key: str,
        dataset: str,
        sha: str,
        records: Callable[[int], Iterable[ListRecord]],
        errors: Callable[[], Sequence[RowError]],
        run_id: str | None = None,
        progress: Callable[[int], None] | None = None,
        chunk: int | None = None,
        files: list[ListFileInfo] | None = None,
    ) -> bool:
        """Store a set of records in transactions of CHUNK records, resumable: a set stored only in part (the
        import was interrupted) is continued from where it stopped when the same input (KEY, SHA) comes again.

        RECORDS(skip) yields the records after the first SKIP, always in the same order for the same input;
        ERRORS() gives the rejected rows once the records are read. PROGRESS(stored) is called after each
        transaction. The set becomes current (visible to :meth:`list_entities` and the loaders) only when the
        last record is stored. Returns False when this exact input was stored completely before (the files'
        versions are then added if the stored set has none yet, as in :meth:`store_list`). ``files`` are the input
        files' versions, recorded with the set when it is complete.
        """
        with self._tx() as db:
            latest = db.execute(_LATEST_COMPLETE_SET, (key,)).fetchone()
            complete = latest is not None and latest["sha256"] == sha
        if complete:  # stored before: read the records only for their rejected rows
            for _ in records(0):
                pass
            with self._tx() as db:
                if run_id is not None:
                    self._record_row_errors(db, run_id, list(errors()))
                self._add_missing_files(db, key, files or [])
            return False
        with self._tx() as db:
            pending = db.execute(
                "SELECT s.id, s.sha256, p.stored FROM list_sets s JOIN list_sets_pending p ON p.set_id = s.id "
                "WHERE s.key = ? ORDER BY s.id",
                (key,),
            ).fetchall()
            set_id: int | None = None
            stored = 0
            for row in pending:
                if row["sha256"] == sha and set_id is None:
                    set_id, stored = int(row["id"]), int(row["stored"])
                else:  # a part-stored set of an older input: it will never be completed
                    db.execute("DELETE FROM list_records WHERE set_id = ?", (row["id"],))
                    db.execute("DELETE FROM list_sets_pending WHERE set_id = ?", (row["id"],))
                    db.execute("DELETE FROM list_sets WHERE id = ?", (row["id"],))
            if set_id is None:
                cur = db.execute(
                    "INSERT INTO list_sets(key, dataset, sha256, stored_at, records) VALUES (?, ?, ?, ?, 0)",
                    (key, dataset, sha, _now()),
                )
                set_id = int(cur.lastrowid or 0)
                db.execute("INSERT INTO list_sets_pending(set_id, stored) VALUES (?, 0)", (set_id,))
        if progress is not None:
            progress(stored)
        chunk = chunk or LIST_CHUNK
        rows: list[tuple[Any, ...]] = []

        def flush() -> None:
            nonlocal stored
            with self._tx() as db:
                db.executemany(
                    "INSERT OR REPLACE INTO list_records(set_id, kind, record_id, sha256, json) VALUES (?,?,?,?,?)",
                    rows,
                )
                stored += len(rows)
                db.execute("UPDATE list_sets_pending SET stored = ? WHERE set_id = ?", (stored, set_id))
            rows.clear()
            if progress is not None:
                progress(stored)

        for rec in records(stored):
            text = json.dumps(rec.to_dict(), sort_keys=True, ensure_ascii=False)  # _digest's form, dumped once
            rows.append((set_id, _kind(rec), rec.id, hashlib.sha256(text.encode("utf-8")).hexdigest(), text))
            if len(rows) >= chunk:
                flush()
        if rows:
            flush()
        with self._tx() as db:
            if run_id is not None:
                self._record_row_errors(db, run_id, list(errors()))
            db.execute("UPDATE list_sets SET records = ?, stored_at = ? WHERE id = ?", (stored, _now(), set_id))
            db.execute("DELETE FROM list_sets_pending WHERE set_id = ?", (set_id,))
            self._insert_set_files(db, set_id, files if files is not None else [])
        return True

    def _record_row_errors(self, db: sqlite3.Connection, run_id: str, errors: Sequence[RowError]) -> None:
        for err in errors:
            self._insert_error(db, run_id, err.source, err.reason, err.line, err.field)
        if errors:
            self._bump(db, run_id, "row_errors", len(errors))

    def current_record_count(self, kind: str | None = None, key: str | None = None) -> int:
        """How many records the current sets (or KEY's current set) hold, of KIND or all; records of several
        sets may share an id."""
        sql = f"SELECT count(*) FROM list_records WHERE set_id IN ({_CURRENT_SET_IDS})"  # noqa: S608 (constants)
        params: list[Any] = []
        if key is not None:
            sql += " AND set_id IN (SELECT id FROM list_sets WHERE key = ?)"
            params.append(key)
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        return int(self._db.execute(sql, params).fetchone()[0])

    def current_set_ids(self, key: str | None = None) -> list[int]:
        """The ids of the current (latest complete) list sets, newest first; with KEY, that key's only."""
        sql = f"SELECT id, key FROM list_sets WHERE id IN ({_CURRENT_SET_IDS}) ORDER BY id DESC"  # noqa: S608
        return [int(r["id"]) for r in self._db.execute(sql) if key is None or r["key"] == key]

    def iter_current_records(
        self, kind: str, page: int = 5000, damaged: list[DamagedRecord] | None = None, key: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """The records of KIND in the current sets, streamed page by page (never all in memory).

        Newer sets come first, and a record whose id a newer set holds too is left out (the newer one wins, as
        in :meth:`list_entities`); only the ids are kept in memory for that. A record that cannot be read back
        is left out and, when ``damaged`` is given, appended to it (as in :meth:`list_entities`). With KEY, only
        the current set of that key is read.
        """
        set_ids = self.current_set_ids(key)
        keys = {int(r["id"]): str(r["key"]) for r in self._db.execute("SELECT id, key FROM list_sets")}
        seen: set[str] = set()
        for set_id in set_ids:
            last = ""
            ids_here: list[str] = []
            while True:
                rows = self._db.execute(
                    "SELECT record_id, json FROM list_records WHERE set_id = ? AND kind = ? AND record_id > ? "
                    "ORDER BY record_id LIMIT ?",
                    (set_id, kind, last, page),
                ).fetchall()
                for r in rows:
                    if r["record_id"] in seen:
                        continue
                    ids_here.append(r["record_id"])
                    try:
                        data = json.loads(r["json"])
                        if not isinstance(data, dict):
                            raise ValueError(f"a JSON {type(data).__name__}, not an object")
                    except ValueError as exc:
                        if damaged is not None:
                            where = f"{keys.get(set_id, '')} {kind} {r['record_id']}"
                            damaged.append(
                                DamagedRecord("list record", where, "", f"unreadable record ({_short(exc)})")
                            )
                        continue
                    yield data
                if len(rows) < page:
                    break
                last = rows[-1]["record_id"]
            if len(set_ids) > 1:
                seen.update(ids_here)

    def add_set_files(self, key: str, files: list[ListFileInfo]) -> None:
        """Record the file versions of KEY's current set if it has none yet (a set archived before they were)."""
        with self._tx() as db:
            self._add_missing_files(db, key, files)

    def _add_missing_files(self, db: sqlite3.Connection, key: str, files: list[ListFileInfo]) -> None:
        row = db.execute(
            "SELECT max(id) FROM list_sets WHERE key = ? AND id NOT IN (SELECT set_id FROM list_sets_pending)", (key,)
        ).fetchone()
        if not files or row is None or row[0] is None:
            return
        if db.execute("SELECT 1 FROM list_set_files WHERE set_id = ? LIMIT 1", (row[0],)).fetchone() is None:
            self._insert_set_files(db, int(row[0]), files)

    def _insert_set_files(self, db: sqlite3.Connection, set_id: int, files: list[ListFileInfo]) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO list_set_files(set_id, name, sha256, size, file_date, published) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(set_id, f.name, f.sha256, f.size, f.file_date, f.published) for f in files],
        )

    def fetched_file(self, url: str, data: bytes) -> ListFileInfo:
        """The version of a crawled list file: its SHA-256 and size, dated by the server's ``Last-Modified`` of
        the fetch that brought these bytes (else the retrieval time); ``published`` is that ``Last-Modified``."""
        sha = hashlib.sha256(data).hexdigest()
        row = self._db.execute(
            "SELECT last_modified, retrieved_at FROM fetches WHERE url = ? AND sha256 = ? ORDER BY "
            "(last_modified IS NULL), id DESC LIMIT 1",
            (url, sha),
        ).fetchone()
        modified = _iso_http_date(str(row["last_modified"] or "")) if row is not None else ""
        retrieved = str(row["retrieved_at"] or "") if row is not None else ""
        return ListFileInfo(url, sha, len(data), modified or retrieved, modified)

    def list_versions(self) -> list[dict[str, Any]]:
        """The current set of every list key: key, dataset, digest, stored_at, entity count and its files."""
        out = []
        for s in self._db.execute(
            f"SELECT * FROM list_sets WHERE id IN ({_CURRENT_SET_IDS}) ORDER BY key"  # noqa: S608 (constants)
        ).fetchall():
            n = self._db.execute(
                "SELECT count(*) FROM list_records WHERE set_id = ? AND kind = 'entity'", (s["id"],)
            ).fetchone()[0]
            files = [
                ListFileInfo(r["name"], r["sha256"], r["size"], r["file_date"], r["published"]).to_dict()
                for r in self._db.execute("SELECT * FROM list_set_files WHERE set_id = ? ORDER BY name", (s["id"],))
            ]
            out.append({"key": s["key"], "dataset": s["dataset"], "sha256": s["sha256"], "stored_at": s["stored_at"],
                        "records": s["records"], "entity_count": int(n), "files": files})
        return out

    def list_is_current(self, key: str, sha: str) -> bool:
        """True when the latest stored set for KEY was parsed from exactly this input digest."""
        row = self._db.execute(_LATEST_COMPLETE_SET, (key,)).fetchone()
        return row is not None and row["sha256"] == sha

    def _current_records(
        self, kind: str, dataset: str | None = None, damaged: list[DamagedRecord] | None = None
    ) -> list[dict[str, Any]]:
        sql = _CURRENT_RECORDS
        params: list[Any] = [kind]
        if dataset is not None:
            sql += " AND s.dataset = ?"
            params.append(dataset)
        sql += " ORDER BY s.id, r.record_id"
        out: dict[str, dict[str, Any]] = {}
        for r in self._db.execute(sql, params):
            try:
                data = json.loads(r["json"])
                if not isinstance(data, dict):
                    raise ValueError(f"a JSON {type(data).__name__}, not an object")
            except ValueError as exc:
                if damaged is not None:
                    key = f"{r['key']} {kind} {r['record_id']}"
                    damaged.append(DamagedRecord("list record", key, "", f"unreadable record ({_short(exc)})"))
                continue
            out[data.get("id") or _digest(data)] = data  # later sets win for the same id
        return list(out.values())

    def list_entities(
        self, dataset: str | None = None, damaged: list[DamagedRecord] | None = None
    ) -> list[ListEntity]:
        return [ListEntity.from_dict(d) for d in self._current_records("entity", dataset, damaged)]

    def list_relations(
        self, dataset: str | None = None, damaged: list[DamagedRecord] | None = None
    ) -> list[ListRelation]:
        return [ListRelation.from_dict(d) for d in self._current_records("relation", dataset, damaged)]

    def indicators(self, damaged: list[DamagedRecord] | None = None) -> list[CountryIndicator]:
        out: dict[str, CountryIndicator] = {}
        for d in self._current_records("indicator", None, damaged):
            ind = CountryIndicator.from_dict(d)
            out[ind.id] = ind
        return list(out.values())

    def row_errors(self, run_id: str) -> list[RowError]:
        return [RowError(e.location, e.line, e.field, e.reason) for e in self.errors(run_id)]

    # ------------------------------------------------------------------ integrity
    def verify(self, progress: Any = None) -> VerifyReport:
        """Read back everything the archive holds and say what is damaged.

        Every blob the index refers to (versions, fetches) must exist and hash to its SHA-256 name; every
        document record must parse; every list record must parse and hash to its stored digest; SQLite's
        ``quick_check`` must pass. ``progress(done, total)`` is called per blob. Nothing is changed.
        """
        report = VerifyReport()
        for (problem,) in self._db.execute("PRAGMA quick_check").fetchall():
            if problem != "ok":
                report.damaged.append(DamagedRecord("index", str(self.db_path.name), "", str(problem)))
        urls: dict[str, str] = {}
        for r in self._db.execute(
            "SELECT sha256, min(url) AS url FROM (SELECT sha256, url FROM versions UNION "
            "SELECT sha256, url FROM fetches WHERE sha256 IS NOT NULL) GROUP BY sha256 ORDER BY sha256"
        ):
            urls[str(r["sha256"])] = str(r["url"])
        total = len(urls)
        for i, (sha, url) in enumerate(urls.items()):
            if progress is not None:
                progress(i, total)
            report.blobs += 1
            problem = self._blob_problem(sha)
            if problem:
                report.damaged.append(DamagedRecord("blob", sha, url, problem))
        for row in self._db.execute("SELECT doc_id, url, sha256, json FROM documents ORDER BY url, stored_at"):
            report.documents += 1
            doc = self._document(row)
            if isinstance(doc, DamagedRecord):
                report.damaged.append(doc)
        for r in self._db.execute(
            "SELECT s.key, r.kind, r.record_id, r.sha256, r.json FROM list_records r "
            "JOIN list_sets s ON s.id = r.set_id ORDER BY s.id, r.kind, r.record_id"
        ):
            report.list_records += 1
            key = f"{r['key']} {r['kind']} {r['record_id']}"
            try:
                data = json.loads(r["json"])
            except ValueError as exc:
                report.damaged.append(DamagedRecord("list record", key, "", f"unreadable record ({_short(exc)})"))
                continue
            if _digest(data) != r["sha256"]:
                report.damaged.append(
                    DamagedRecord("list record", key, "", "content differs from its stored SHA-256 digest")
                )
        if progress is not None:
            progress(total, total)
        return report

    def _blob_problem(self, sha: str) -> str:
        path = self.blob_path(sha)
        h = hashlib.sha256()
        size = 0
        try:
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
                    size += len(chunk)
        except FileNotFoundError:
            return f"missing ({path})"
        except OSError as exc:
            return f"unreadable ({path}: {exc.strerror or exc})"
        if h.hexdigest() != sha:
            return f"content does not match its SHA-256 ({size} bytes, truncated or changed; {path})"
        return ""

    def data_version(self) -> str:
        """A digest of the current version of every archived URL and every current list set."""
        h = hashlib.sha256()
        for r in self._db.execute(
            "SELECT url, sha256 FROM versions v WHERE id = (SELECT max(id) FROM versions v2 WHERE v2.url = v.url) "
            "ORDER BY url"
        ):
            h.update(f"{r['url']}\x1f{r['sha256']}\n".encode())
        for r in self._db.execute(
            "SELECT key, sha256 FROM list_sets WHERE id NOT IN (SELECT set_id FROM list_sets_pending) ORDER BY id"
        ):
            h.update(f"set\x1f{r['key']}\x1f{r['sha256']}\n".encode())
        return h.hexdigest()[:16]

    def has_document(self, url: str, sha: str) -> bool:
        """True when a parsed document is stored for this version (SHA-256) of URL."""
        row = self._db.execute("SELECT 1 FROM documents WHERE url = ? AND sha256 = ? LIMIT 1", (url, sha)).fetchone()
        return row is not None

    # ------------------------------------------------------------------ history (redflag changes)
    def version_history(self, since: str = "") -> list[dict[str, Any]]:
        """Every stored version first seen at or after SINCE (ISO 8601 UTC; all when empty), oldest first:
        url, sha256, previous_sha256 (None for a new URL), first_seen, source_id."""
        rows = self._db.execute(
            "SELECT url, sha256, previous_sha256, first_seen, source_id FROM versions WHERE first_seen >= ? "
            "ORDER BY id",
            (since,),
        )
        return [dict(r) for r in rows]

    def run_urls(self, run_id: str) -> set[str]:
        """The URLs a run fetched (answered 200 or 304) or found linked but did not request because their
        archived response was still fresh (:meth:`fresh_urls`): every URL the run saw still published."""
        rows = self._db.execute("SELECT DISTINCT url FROM fetches WHERE run_id = ?", (run_id,))
        return {str(r["url"]) for r in rows} | self.fresh_urls(run_id)

    def document_urls(self) -> dict[str, str]:
        """URL -> title of the latest parsed document stored for it (URLs that hold a document)."""
        out: dict[str, str] = {}
        for r in self._db.execute("SELECT url, json FROM documents ORDER BY stored_at, rowid"):
            try:
                out[str(r["url"])] = str(json.loads(r["json"]).get("title") or "")
            except (ValueError, AttributeError):
                out[str(r["url"])] = ""
        return out

    def list_sets(self, key: str | None = None) -> list[dict[str, Any]]:
        """Stored list sets (id, key, dataset, sha256, stored_at, records), oldest first; a set still being
        stored (an import cut short, see :meth:`store_list_stream`) is left out until it is complete."""
        whole = "id NOT IN (SELECT set_id FROM list_sets_pending)"
        if key is None:
            rows = self._db.execute(f"SELECT * FROM list_sets WHERE {whole} ORDER BY id")  # noqa: S608 (constant)
        else:
            rows = self._db.execute(
                f"SELECT * FROM list_sets WHERE key = ? AND {whole} ORDER BY id", (key,)  # noqa: S608 (constant)
            )
        return [dict(r) for r in rows]

    def set_records(self, set_id: int, kind: str = "entity") -> dict[str, dict[str, Any]]:
        """record_id -> record (as stored) of one list set; unreadable records are left out."""
        out: dict[str, dict[str, Any]] = {}
        for r in self._db.execute(
            "SELECT record_id, json FROM list_records WHERE set_id = ? AND kind = ?", (set_id, kind)
        ):
            try:
                data = json.loads(r["json"])
            except ValueError:
                continue
            if isinstance(data, dict):
                out[str(r["record_id"])] = data
        return out
