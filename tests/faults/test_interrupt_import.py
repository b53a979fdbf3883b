"""Ctrl-C during `redflag import ftm FILE` while records are being stored, then the same command again: it goes on
from the records already stored, and the archive ends equal to one uninterrupted import (nothing lost or doubled)."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from fault_helpers import run, start

from benchmarks.list_files import write_ftm
from graph import falkordb_server

pytestmark = pytest.mark.slow


def stored_so_far(data_dir: Path) -> int:
    db_path = data_dir / "archive" / "archive.sqlite"
    if not db_path.exists():
        return 0
    db = sqlite3.connect(db_path, timeout=5)
    try:
        row = db.execute("SELECT max(stored) FROM list_sets_pending").fetchone()
        return int(row[0] or 0)
    except sqlite3.OperationalError:
        return 0  # the schema is being created
    finally:
        db.close()


def records(data_dir: Path) -> list[tuple[str, str, str]]:
    db = sqlite3.connect(data_dir / "archive" / "archive.sqlite")
    try:
        return db.execute("SELECT kind, record_id, sha256 FROM list_records ORDER BY kind, record_id").fetchall()
    finally:
        db.close()


@pytest.fixture
def folders(tmp_path: Path):
    """The interrupted and the straight data folders; `import` starts their graph servers, stopped here."""
    yield tmp_path / "interrupted", tmp_path / "straight"
    for folder in (tmp_path / "interrupted", tmp_path / "straight"):
        falkordb_server.stop(folder / "graph")


def test_an_interrupted_ftm_import_resumes_from_what_it_stored(tmp_path: Path, folders) -> None:
    path = tmp_path / "entities.ftm.json"
    with open(path, "wb") as fh:
        write_ftm(fh, 60_000, seed=21)
    data_dir, straight = folders
    proc = start(data_dir, "import", "ftm", str(path))
    deadline = time.monotonic() + 300
    while stored_so_far(data_dir) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the import ended before the interrupt"
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err[-500:]
    assert "Traceback" not in err and "interrupted" in err.strip().splitlines()[-1]
    kept = stored_so_far(data_dir)
    assert kept > 0

    again = run(data_dir, "import", "ftm", str(path), timeout=600)
    assert "rejected row" in again.stdout
    run(straight, "import", "ftm", str(path), timeout=600)
    assert records(data_dir) == records(straight)
    assert stored_so_far(data_dir) == 0  # no set left in part
