"""Reporter contact details, stored apart from the graph and shown only to grievance officers.

The graph never holds a reporter's name or contact; they live in ``DATA/stewardship/contacts.sqlite``
(folder mode 700, file mode 600), keyed by grievance id. Reading one needs a user listed in
REDFLAG_GRIEVANCE_OFFICERS, and every read (allowed or refused) is logged with who and when.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS contacts (
    grievance_id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS access_log (
    grievance_id TEXT NOT NULL,
    by TEXT NOT NULL,
    at TEXT NOT NULL,
    allowed INTEGER NOT NULL
);
"""


class ContactAccessDenied(PermissionError):
    pass


def vault_path(data_dir: Path) -> Path:
    return Path(data_dir) / "stewardship" / "contacts.sqlite"


def _connect(data_dir: Path) -> sqlite3.Connection:
    path = vault_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    if not path.exists():
        path.touch(mode=0o600)
    os.chmod(path, 0o600)
    conn = sqlite3.connect(path, timeout=10)
    conn.executescript(_SCHEMA)
    return conn


def store_contact(data_dir: Path, grievance_id: str, name: str, contact: str) -> bool:
    """Keep the reporter's name and contact (if any were given); True when something was stored."""
    if not (name.strip() or contact.strip()):
        return False
    with closing(_connect(data_dir)) as conn, conn:
        conn.execute(
            "INSERT OR REPLACE INTO contacts (grievance_id, name, contact, stored_at) VALUES (?, ?, ?, ?)",
            (grievance_id, name.strip(), contact.strip(), datetime.now(UTC).isoformat(timespec="seconds")),
        )
    return True


def read_contact(data_dir: Path, grievance_id: str, user: str, officers: Sequence[str]) -> dict[str, str] | None:
    """The reporter's name and contact for a grievance officer; ContactAccessDenied for anyone else."""
    allowed = bool(user) and user in officers
    with closing(_connect(data_dir)) as conn:
        with conn:  # the log entry is committed whether or not access is allowed
            conn.execute(
                "INSERT INTO access_log (grievance_id, by, at, allowed) VALUES (?, ?, ?, ?)",
                (grievance_id, user or "(nobody)", datetime.now(UTC).isoformat(timespec="seconds"), int(allowed)),
            )
        if not allowed:
            raise ContactAccessDenied(
                f"user {user!r} is not a grievance officer (REDFLAG_GRIEVANCE_OFFICERS); reporter details stay hidden"
            )
        row = conn.execute("SELECT name, contact FROM contacts WHERE grievance_id = ?", (grievance_id,)).fetchone()
    return None if row is None else {"name": row[0], "contact": row[1]}


def access_log(data_dir: Path, grievance_id: str) -> list[dict[str, str | bool]]:
    with closing(_connect(data_dir)) as conn:
        rows = conn.execute(
            "SELECT by, at, allowed FROM access_log WHERE grievance_id = ? ORDER BY rowid", (grievance_id,)
        ).fetchall()
    return [{"by": r[0], "at": r[1], "allowed": bool(r[2])} for r in rows]
