"""Archive integrity (issue 15 item 6), through the real CLI on an archive filled by a real crawl.

A damaged document record is skipped by `extract` with one line naming it while the rest is processed;
`redflag archive verify` finds truncated, missing and altered blobs and records; a full disk (a real
tmpfs filled up, in a private mount namespace) is named as such.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.archive import Archive
from crawler.sample_server import SampleServer
from graph import falkordb_server
from redflag.services.crawling import run_crawl

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parents[1] / "fixtures" / "crawler"
HELPERS = str(Path(__file__).parents[1] / "crawler")
FAST = {"RETRY_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0", "RETRY_TIMES": "1"}


def redflag(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAG_", "NEO4J_"))}
    return subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data), *args], env=env,
                          capture_output=True, text=True, timeout=600)  # fmt: skip


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose archive holds the fixture site's research page, news articles and OFAC list."""
    data = tmp_path_factory.mktemp("archive-integrity")
    os.environ["PYTHONPATH"] = HELPERS  # the crawl child imports the tests' country lookup
    try:
        with SampleServer(FIXTURES / "site") as server:
            run_crawl(data / "archive", ["t-research", "t-news", "t-ofac"], sources_file=FIXTURES / "sources.toml",
                      base_url=server.base_url, settings=dict(FAST), country_lookup="crawler_helpers:country_code")  # fmt: skip
    finally:
        os.environ.pop("PYTHONPATH", None)
    return data


@pytest.fixture
def data(crawled: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "data"
    shutil.copytree(crawled, copy)
    try:
        yield copy
    finally:
        falkordb_server.stop(copy / "graph")


def sql(data: Path, statement: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(data / "archive" / "archive.sqlite") as db:
        return db.execute(statement, params).fetchall()


def test_extract_skips_a_damaged_record_names_it_and_processes_the_rest(data: Path) -> None:
    docs = Archive(data / "archive").latest_documents()
    assert len(docs) >= 3
    victim = docs[1]
    sql(data, "UPDATE documents SET json = substr(json, 1, 40) WHERE doc_id = ?", victim.id)

    done = redflag(data, "extract")
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert errors[0].startswith(f"error: damaged document {victim.id} version {victim.sha256[:12]} ({victim.url}): "
                                "unreadable record")  # fmt: skip
    assert errors[0].endswith("; skipped") and "Traceback" not in done.stderr
    assert "1 archive record(s) damaged and skipped; the rest was processed" in errors[1]
    assert f"processed {len(docs) - 1} document(s)" in done.stdout
    processed = {r[0] for r in sql(data, "SELECT doc_id FROM processed")}
    assert processed == {d.id for d in docs} - {victim.id}


def test_archive_verify_reports_each_damaged_blob_and_record(data: Path) -> None:
    done = redflag(data, "archive", "verify")
    assert done.returncode == 0, done.stderr
    assert "archive intact" in done.stdout

    a = Archive(data / "archive")
    docs = a.latest_documents()
    truncated, missing = docs[0], docs[1]
    body = a.blob_path(truncated.sha256).read_bytes()
    a.blob_path(truncated.sha256).write_bytes(body[: len(body) // 2])
    a.blob_path(missing.sha256).unlink()
    sql(data, "UPDATE list_records SET json = replace(json, '\"name\": \"', '\"name\": \"X') WHERE rowid = "
              "(SELECT min(rowid) FROM list_records WHERE kind = 'entity')")  # an edited list entry's name

    done = redflag(data, "archive", "verify")
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: damaged")]
    assert len(errors) == 3, done.stderr
    by_key = {line.split()[3]: line for line in errors}
    assert f"({truncated.url})" in by_key[truncated.sha256]
    assert "content does not match its SHA-256" in by_key[truncated.sha256]
    assert f"{len(body) // 2} bytes" in by_key[truncated.sha256]
    assert "missing" in by_key[missing.sha256]
    assert any("damaged list record" in e and "differs from its stored SHA-256" in e for e in errors)
    assert "3 damaged item(s)" in done.stderr


def test_a_full_disk_is_named_as_such(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"]).returncode != 0:
        pytest.skip("no private mount namespace here (unshare -rm) to make a small real disk in")
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    ofac = FIXTURES / "site" / "lists" / "ofac"
    script = (
        f'mount -t tmpfs -o size=320k tmpfs "{mnt}" && '
        f'head -c 200000 /dev/urandom > "{mnt}/filler" && '
        f'exec "{sys.executable}" -m redflag --data-dir "{mnt}/data" import ofac '
        f'"{ofac}/sdn.csv" "{ofac}/add.csv" "{ofac}/alt.csv"'
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAG_", "NEO4J_"))}
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    (line,) = [x for x in done.stderr.splitlines() if x.startswith("error:")]
    assert "the disk is full" in line and "No space left on device" in line and "run the same command again" in line
