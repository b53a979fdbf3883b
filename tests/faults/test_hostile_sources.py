"""Sources whose servers hang, reset connections or never stop sending: each crawl ends within its limits,
each failure is recorded in the run history with a reason, and the healthy source beside them finishes."""

from __future__ import annotations

import json
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from crawler.archive import Archive
from crawler.sample_server import Route, SampleServer

pytestmark = pytest.mark.slow
SITE = Path(__file__).parents[1] / "fixtures" / "crawler" / "site"
LIMITS = {
    "DOWNLOAD_TIMEOUT": "2",
    "DOWNLOAD_MAXSIZE": str(1_000_000),
    "DOWNLOAD_WARNSIZE": str(500_000),
    "RETRY_TIMES": "1",
    "RETRY_BACKOFF_BASE": "0.05",
    "AUTOTHROTTLE_START_DELAY": "0",
}
MAX_CRAWLER_RSS_MB = 400  # far below what an unbounded endless body would take
CATALOG = """
[[source]]
id = "{id}"
publisher = "Hostile server"
kind = "prose"
spider = "research"
start_urls = ["{{base}}{path}"]
tier = 3
cadence_days = 1
robots = "obey"
"""
HOSTILE = {"t-hang": "/hang", "t-reset": "/reset", "t-endless": "/endless", "t-drip": "/drip"}
GOOD = ("t-good", "/research/2025/03/quiet-tap/")

stop = threading.Event()


def hang(handler: BaseHTTPRequestHandler) -> None:
    stop.wait(60)  # never answers


def reset(handler: BaseHTTPRequestHandler) -> None:
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()  # RST instead of an answer
    handler.close_connection = True


def endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()  # no length: the body ends when the connection does, which is never
    chunk = b"<p>" + b"x" * 65_536 + b"</p>"
    try:
        while not stop.is_set():
            handler.wfile.write(chunk)
    except OSError:
        pass


def drip(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        while not stop.wait(0.2):
            handler.wfile.write(b"x")
            handler.wfile.flush()
    except OSError:
        pass


CRAWL_AND_MEASURE = """
import json, resource, sys
from pathlib import Path
from redflag.services.crawling import run_crawl
archive, sources, base, settings = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
runs = run_crawl(Path(archive), sources_file=Path(sources), base_url=base, settings=settings)
print(json.dumps({"runs": len(runs), "crawler_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


@pytest.fixture
def server() -> Iterator[SampleServer]:
    stop.clear()
    routes: dict[str, Route] = {"/hang": hang, "/reset": reset, "/endless": endless, "/drip": drip}
    with SampleServer(SITE, routes=routes) as srv:
        yield srv
        stop.set()


@pytest.mark.timeout(180)
def test_hostile_servers_fail_within_limits_and_the_healthy_source_finishes(
    server: SampleServer, tmp_path: Path
) -> None:
    catalog = tmp_path / "sources.toml"
    entries = [*HOSTILE.items(), GOOD]
    catalog.write_text("".join(CATALOG.format(id=i, path=p) for i, p in entries), encoding="utf-8")
    archive_dir = tmp_path / "archive"
    done = subprocess.run(
        [sys.executable, "-c", CRAWL_AND_MEASURE, str(archive_dir), str(catalog), server.base_url, json.dumps(LIMITS)],
        capture_output=True, text=True, timeout=170,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured["crawler_maxrss_kb"] < MAX_CRAWLER_RSS_MB * 1024, measured

    archive = Archive(archive_dir)
    runs = {r.source_id: r for r in archive.runs()}
    assert set(runs) == {*HOSTILE, GOOD[0]}
    good = runs[GOOD[0]]
    assert (good.outcome, good.fetched, good.failed) == ("ok", 1, 0)
    assert [d.title for d in archive.latest_documents()] == ["Quiet Tap: intercept kits in Examplestan"]
    reasons = {}
    for source_id in HOSTILE:
        run = runs[source_id]
        assert run.finished and run.outcome == "partial" and run.failed >= 1 and run.fetched == 0, run
        (error,) = archive.errors(run.run_id)
        reasons[source_id] = error.reason
    assert "timed out" in reasons["t-hang"] and "timed out" in reasons["t-drip"], reasons
    assert "larger than the download size limit" in reasons["t-endless"], reasons
    assert "connection lost or reset" in reasons["t-reset"], reasons
    assert archive.version_count() == 1  # nothing from the hostile servers was archived
