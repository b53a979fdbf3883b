"""Credentials inside URL settings (issue 15 item 4): a password planted in NEO4J_URI and a token in
REDFLAG_ALERT_WEBHOOK never reach stdout, stderr, a log line, a stored note or a settings repr."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graph import falkordb_server
from ontology.redact import redact_text, redact_url
from redflag.settings import load_settings
from redflag.stewardship.alerts import post_webhook
from redflag.stewardship.config import AlertSettings

PASSWORD = "Planted@Neo4j-Secret-91"  # written percent-encoded in the URI, as URIs require
URI_PASSWORD = PASSWORD.replace("@", "%40")
TOKEN = "planted-hook-token-7c1e"
HOOK_PATH = "/services/T000/planted-hook-path-55ab"
LEAKS = (PASSWORD, URI_PASSWORD, "Neo4j-Secret-91", TOKEN, "planted-hook-path-55ab")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(data: Path, *args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAG_", "NEO4J_"))}
    return subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data), *args],
                          env={**env, **env_extra}, capture_output=True, text=True, timeout=300)  # fmt: skip


def assert_clean(text: str) -> None:
    assert [s for s in LEAKS if s in text] == [], text


@pytest.fixture(scope="module")
def neo4j_uri() -> str:
    return f"bolt://neo4j:{URI_PASSWORD}@127.0.0.1:{free_port()}"  # nothing listens there


def test_status_and_migrate_name_the_server_without_the_password(tmp_path: Path, neo4j_uri: str) -> None:
    port = neo4j_uri.rsplit(":", 1)[1]
    done = run(tmp_path, "status", REDFLAG_BACKEND="neo4j", NEO4J_URI=neo4j_uri)
    assert done.returncode == 1
    assert f"Neo4j at bolt://127.0.0.1:{port} is not reachable" in done.stderr
    assert_clean(done.stdout + done.stderr)
    try:
        assert run(tmp_path, "status").returncode == 0  # an embedded graph to migrate from
        done = run(tmp_path, "migrate", "--to", "neo4j", NEO4J_URI=neo4j_uri)
        assert done.returncode == 1 and "not reachable" in done.stderr
        assert_clean(done.stdout + done.stderr)
        for f in (tmp_path / "graph").glob("*.log"):
            assert_clean(f.read_text(errors="replace"))
    finally:
        falkordb_server.stop(tmp_path / "graph")


def test_credentials_in_the_uri_are_taken_out_of_it(monkeypatch: pytest.MonkeyPatch, neo4j_uri: str) -> None:
    for name in ("NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_PASSWORD_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    neo = load_settings().neo4j
    assert (neo.user, neo.password) == ("neo4j", PASSWORD)  # used to log in, percent-decoded
    assert "@" not in neo.uri and neo.uri.startswith("bolt://127.0.0.1:")
    assert_clean(repr(load_settings()))
    monkeypatch.setenv("NEO4J_PASSWORD", "from-the-env")
    assert load_settings().neo4j.password == "from-the-env"  # an explicit NEO4J_PASSWORD wins


def test_a_bad_webhook_setting_is_named_without_its_secret(tmp_path: Path) -> None:
    done = run(tmp_path, "monitor", "--no-crawl", "--no-send",
               REDFLAG_ALERT_WEBHOOK=f"ftp://hook:{TOKEN}@hooks.example{HOOK_PATH}")  # fmt: skip
    assert done.returncode == 1 and "REDFLAG_ALERT_WEBHOOK='ftp://***@hooks.example/***'" in done.stderr
    assert_clean(done.stdout + done.stderr)


def test_log_lines_of_the_cli_are_redacted(neo4j_uri: str) -> None:
    code = (
        "import logging, os\n"
        "from redflag.cli import _logging\n"
        "_logging()\n"
        "logging.getLogger('neo4j').warning('could not reach %s', os.environ['NEO4J_URI'])\n"
        "logging.getLogger('alerts').warning('POST %s failed', os.environ['REDFLAG_ALERT_WEBHOOK'])\n"
    )
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "REDFLAG_ALERT_WEBHOOK": f"https://hook:{TOKEN}@h.example{HOOK_PATH}"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "could not reach bolt://***@127.0.0.1:" in done.stderr
    assert "POST https://***@h.example/*** failed" in done.stderr
    assert_clean(done.stderr)


@pytest.fixture
def hook_server() -> Iterator[tuple[ThreadingHTTPServer, list[tuple[str, str]]]]:
    seen: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append((self.path, self.headers.get("Authorization") or ""))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server, seen
    finally:
        server.shutdown()
        server.server_close()


def test_webhook_credentials_are_sent_as_basic_auth_not_in_the_url(hook_server) -> None:  # noqa: ANN001
    server, seen = hook_server
    url = f"http://hook:{TOKEN}@127.0.0.1:{server.server_address[1]}{HOOK_PATH}"
    cfg = AlertSettings("", 25, "", False, "redflag@localhost", (), url, 5.0)
    assert_clean(repr(cfg))
    post_webhook(cfg, [{"id": "a1", "transaction": "T", "finding": "F", "title": "t", "severity": "high"}])
    assert seen == [(HOOK_PATH, "Basic " + base64.b64encode(f"hook:{TOKEN}".encode()).decode())]


def test_the_redaction_rules() -> None:
    assert redact_url("bolt://u:p@db:7687/x?y=1") == "bolt://***@db:7687/x?y=1"
    assert redact_url("https://t@h.example/a/b", keep_path=False) == "https://***@h.example/***"
    assert redact_url("bolt://db:7687") == "bolt://db:7687" and redact_url("not a url") == "not a url"
    text = f"failed: nonnumeric port: '{URI_PASSWORD}@127.0.0.1:1' ({PASSWORD})"
    assert_clean(redact_text(text, f"bolt://neo4j:{URI_PASSWORD}@127.0.0.1:1"))
