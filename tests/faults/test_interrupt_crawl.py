"""Ctrl-C during `redflag crawl --sample`, then the same command again: nothing lost, nothing duplicated,
and the interrupted runs are recorded as interrupted."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from fault_helpers import (
    Reference,
    archive_counts,
    assert_archive_sound,
    run,
    start,
    wait_until_gone,
)

pytestmark = pytest.mark.slow


def wait_for_first_fetch(data_dir: Path, timeout: float = 60.0) -> None:
    db_path = data_dir / "archive" / "archive.sqlite"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db_path.exists():
            db = sqlite3.connect(db_path, timeout=5)
            try:
                if db.execute("SELECT count(*) FROM fetches").fetchone()[0] > 0:
                    return
            except sqlite3.OperationalError:
                pass  # the schema is being created
            finally:
                db.close()
        time.sleep(0.05)
    raise AssertionError("the crawl archived nothing within the time allowed")


def run_outcomes(data_dir: Path) -> list[str]:
    db = sqlite3.connect(data_dir / "archive" / "archive.sqlite")
    try:
        return [r[0] for r in db.execute("SELECT outcome FROM runs ORDER BY started, rowid")]
    finally:
        db.close()


@pytest.mark.parametrize(
    "seed,whole_group",
    [(5, False), (8, True)],
    ids=["kill-INT-the-command", "ctrl-c-in-a-terminal"],
)
def test_interrupted_crawl_resumes_without_loss_or_duplicates(
    reference: Reference, fault_dir: Path, seed: int, whole_group: bool
) -> None:
    proc = start(fault_dir, "crawl", "--sample")
    wait_for_first_fetch(fault_dir)
    time.sleep(random.Random(seed).uniform(0.0, 1.5))
    assert proc.poll() is None, "the crawl ended before the interrupt"
    if whole_group:  # a terminal's Ctrl-C reaches the command and its crawler child alike
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert "interrupted" in err.strip().splitlines()[-1], err[-500:]
    assert wait_until_gone(str(fault_dir / "archive")) == []

    outcomes = run_outcomes(fault_dir)
    assert "running" not in outcomes, outcomes  # every run that started was closed with its outcome
    assert "interrupted" in outcomes, outcomes
    assert_archive_sound(fault_dir)

    run(fault_dir, "crawl", "--sample")
    assert_archive_sound(fault_dir)
    assert archive_counts(fault_dir) == reference.archive
    assert not [o for o in run_outcomes(fault_dir)[len(outcomes) :] if o != "ok"]
