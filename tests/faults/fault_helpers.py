"""Helpers of the fault tests: real `redflag` processes, real signals, and checks that nothing is lost, duplicated or torn.

The reference is one uninterrupted run over the bundled sample site (crawl, load, extract) in its own data
folder; every faulted run must end equal to it. Each test data folder has its own embedded graph server,
stopped at teardown.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph import falkordb_server
from graph.queries import q
from redflag.services.store import open_store
from redflag.settings import load_settings

REDFLAG = [sys.executable, "-m", "redflag"]
TRANSACTION = "DEMO-DIVERSION"

DUPLICATE_DOCUMENT_URLS = q(
    "faults.duplicate_document_urls",
    "MATCH (d:Document) WITH d.url AS url, count(d) AS n WHERE n > 1 RETURN url, n",
)
DUPLICATE_ENTITY_IDS = q(
    "faults.duplicate_entity_ids",
    "MATCH (e:Entity) WITH e.id AS id, count(e) AS n WHERE n > 1 RETURN id, n",
)
DUPLICATE_PASSAGE_IDS = q(
    "faults.duplicate_passage_ids",
    "MATCH (p:Passage) WITH p.id AS id, count(p) AS n WHERE n > 1 RETURN id, n",
)


def env_for(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    env["REDFLAG_DATA_DIR"] = str(data_dir)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run(
    data_dir: Path, *args: str, check: bool = True, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """One `redflag` command to its end."""
    done = subprocess.run(
        [*REDFLAG, *args], env=env_for(data_dir), capture_output=True, text=True, timeout=timeout
    )
    if check and done.returncode != 0:
        raise AssertionError(f"redflag {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
    return done


def _as_in_a_terminal() -> None:
    # A test run started in the background (`cmd &` in a script, nohup) ignores SIGINT, and an ignored signal
    # stays ignored across exec: the command would never see the Ctrl-C these tests send. A terminal's
    # foreground command has the default disposition; give it back.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """One `redflag` command in its own session (so a signal to it reaches it alone, as `kill PID` would)."""
    return subprocess.Popen(
        [*REDFLAG, *args], env=env_for(data_dir), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, preexec_fn=_as_in_a_terminal,
    )  # fmt: skip


def kill9_after(proc: subprocess.Popen[str], delay: float) -> bool:
    """SIGKILL the process after DELAY seconds; False if it had already finished by then."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


def processes_mentioning(text: str) -> list[int]:
    """Pids of live processes whose command line contains TEXT (crawler children, graph servers)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            state = (entry / "stat").read_text().split(")")[-1].split()[0]
        except OSError:
            continue
        if text.encode() in cmdline and state != "Z":
            pids.append(int(entry.name))
    return pids


def wait_until_gone(text: str, timeout: float = 60.0) -> list[int]:  # a bound a loaded machine meets
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = processes_mentioning(text)
        if not left:
            return []
        time.sleep(0.1)
    return processes_mentioning(text)


# ------------------------------------------------------------------------------------------ archive
def archive_counts(data_dir: Path) -> dict[str, int]:
    """What the archive holds (fetches and runs grow with every re-run and are left out)."""
    db = sqlite3.connect(data_dir / "archive" / "archive.sqlite")
    try:
        one = lambda sql: int(db.execute(sql).fetchone()[0])  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "document_urls": one("SELECT count(DISTINCT url) FROM documents"),
            "versions": one("SELECT count(*) FROM versions"),
            "version_urls": one("SELECT count(DISTINCT url) FROM versions"),
            "list_sets": one("SELECT count(*) FROM list_sets"),
            "list_keys": one("SELECT count(DISTINCT key) FROM list_sets"),
            "list_records": one("SELECT count(*) FROM list_records"),
        }
    finally:
        db.close()


def assert_archive_sound(data_dir: Path) -> None:
    """SQLite says the file is intact, no URL has two identical consecutive versions, every blob is whole."""
    root = data_dir / "archive"
    db = sqlite3.connect(root / "archive.sqlite")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        repeated = db.execute(
            "SELECT url, sha256, count(*) FROM versions GROUP BY url, sha256 HAVING count(*) > 1"
        ).fetchall()
        assert not repeated, f"a version stored twice: {repeated}"
        shas = {r[0] for r in db.execute("SELECT sha256 FROM versions")}
        doc_shas = {r[0] for r in db.execute("SELECT sha256 FROM documents")}
    finally:
        db.close()
    assert doc_shas <= shas, "a document points at a version the archive does not hold"
    for sha in shas:
        blob = root / "blobs" / sha[:2] / sha
        assert blob.exists(), f"version {sha} has no blob"
    for blob in (root / "blobs").glob("*/*"):
        if blob.name.startswith(".tmp-"):
            continue  # an unfinished write that was never renamed into place, hence never referenced
        assert hashlib.sha256(blob.read_bytes()).hexdigest() == blob.name, f"torn blob {blob}"


# ------------------------------------------------------------------------------------------ graph
def graph_counts(data_dir: Path) -> dict[str, Any]:
    info = json.loads(run(data_dir, "status", "--json").stdout)
    return {"labels": info["labels"], "relationships": info["relationships"]}


def assert_graph_has_no_duplicates(data_dir: Path) -> None:
    with open_store(load_settings(data_dir)) as store:
        for query in (DUPLICATE_DOCUMENT_URLS, DUPLICATE_ENTITY_IDS, DUPLICATE_PASSAGE_IDS):
            assert store.run(query) == [], query.name


def findings(data_dir: Path) -> dict[str, Any]:
    """Load the sample world's transactions, then `redflag flags` on the diversion deal: ids and score."""
    from redflag.services.world import load_sample_world

    with open_store(load_settings(data_dir)) as store:
        load_sample_world(store)
    out = json.loads(run(data_dir, "flags", "--transaction", TRANSACTION, "--json").stdout)
    return {"risk_score": out["risk_score"], "findings": sorted(f["id"] for f in out["findings"])}


def stop_server(data_dir: Path) -> None:
    falkordb_server.stop(data_dir / "graph")


@dataclass(frozen=True)
class Reference:
    crawled: Path  # the data folder right after the crawl (archive only), to copy from
    archive: dict[str, int]
    after_load: dict[str, Any]
    graph: dict[str, Any]  # after load and extract
    findings: dict[str, Any]
    seconds: dict[str, float]  # how long each uninterrupted command took here, to pick kill moments within it


def copy_crawled(reference: Reference, data_dir: Path) -> None:
    """The reference archive as it was right after the crawl (no graph yet)."""
    shutil.copytree(reference.crawled / "archive", data_dir / "archive")
