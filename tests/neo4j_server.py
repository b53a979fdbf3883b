"""A real Neo4j server for the ``neo4j``-marked tests (a pytest plugin, loaded by tests/conftest.py).

The first ``neo4j`` test of a session starts tools/neo4j-server (Neo4j Community 5.26 embedded, Bolt on
127.0.0.1) on a free port with a temporary data folder and a generated password, waits until Bolt accepts
that password, and sets NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE for the session; the server
is stopped (SIGTERM, then SIGKILL) when the session ends. When NEO4J_URI is already set, that server is used
instead (it is cleared: point it at a throwaway database).

Every ``neo4j`` test records the catalog queries it runs on Neo4j in its own process (``neo4j_catalog_queries``)
and fails when it did not execute, with rows, a query tests/neo4j_catalog.py says it does.

Without java or mvn the ``neo4j`` tests are skipped and say why. Under CI=true (.ci/run) a skipped ``neo4j``
test fails the session: on the project's machines they must run for real.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
START = ROOT / "tools" / "neo4j-server" / "start.sh"
BUILD = ROOT / "tools" / "neo4j-server" / "build.sh"
START_TIMEOUT = 300.0  # seconds: a first start creates the system database; on a loaded 2-core machine ~70 s
ENV_KEYS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


@dataclass(frozen=True)
class Neo4jServer:
    uri: str
    user: str
    password: str
    database: str
    log_dir: Path | None  # None for a server named by the environment


def _missing_tools() -> str | None:
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        return (
            f"{' and '.join(missing)} not installed: the neo4j tests did not run against a real Neo4j server "
            "(bash scripts/setup.sh --test installs them)"
        )
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_bolt(uri: str, password: str, proc: subprocess.Popen[bytes], out: Path) -> None:
    import neo4j

    deadline = time.monotonic() + START_TIMEOUT
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the Neo4j server exited with {proc.returncode}: {out.read_text()[-2000:]}")
        if "READY " in out.read_text(errors="replace"):
            try:
                with neo4j.GraphDatabase.driver(uri, auth=("neo4j", password), connection_timeout=5) as driver:
                    driver.verify_connectivity()
                return
            except Exception as exc:  # noqa: BLE001 - retried until the deadline
                last = exc
        time.sleep(0.5)
    raise RuntimeError(f"the Neo4j server did not accept Bolt within {START_TIMEOUT:.0f} s: {last}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


@contextmanager
def running_server(folder: Path) -> Iterator[Neo4jServer]:
    """Build (when needed) and run tools/neo4j-server on a free port with its data in ``folder``; a generated
    password; stopped on exit (SIGTERM, then SIGKILL after 60 s). Raises RuntimeError when it does not start."""
    build = subprocess.run(["bash", str(BUILD)], capture_output=True, text=True, timeout=1800, check=False)
    if build.returncode != 0:
        raise RuntimeError(f"building tools/neo4j-server failed: {build.stdout[-2000:]}{build.stderr[-2000:]}")
    port = _free_port()
    password = secrets.token_urlsafe(18)
    out = folder / "server.out"
    env = {**os.environ, "NEO4J_PASSWORD": password}
    with out.open("wb") as sink:
        proc = subprocess.Popen(
            ["bash", str(START), str(port), str(folder / "neo4j")],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    try:
        uri = f"bolt://127.0.0.1:{port}"
        _wait_for_bolt(uri, password, proc, out)
        yield Neo4jServer(uri, "neo4j", password, "neo4j", folder / "neo4j" / "logs")
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    """A real Neo4j for this session; its NEO4J_* settings are in os.environ while it runs."""
    if os.environ.get("NEO4J_URI"):
        yield Neo4jServer(
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
            os.environ.get("NEO4J_DATABASE", "neo4j"),
            None,
        )
        return
    reason = _missing_tools()
    if reason:
        pytest.skip(reason)
    saved = {key: os.environ.get(key) for key in ENV_KEYS}
    folder = Path(tempfile.mkdtemp(prefix="redflag-neo4j-"))
    try:
        with running_server(folder) as server:
            os.environ.update({"NEO4J_URI": server.uri, "NEO4J_USER": server.user,
                               "NEO4J_PASSWORD": server.password, "NEO4J_DATABASE": server.database})
            yield server
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(folder, ignore_errors=True)


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed


def catalog_test_id(item: pytest.Item) -> str:
    """How tests/neo4j_catalog.py names a test: its file and function, without parameters."""
    return f"{Path(str(item.path)).name}::{getattr(item, 'originalname', item.name)}"


@pytest.fixture
def neo4j_catalog_queries(request: pytest.FixtureRequest) -> Iterator[dict[str, int]]:
    """Record the catalog queries this test runs in this process on Neo4j: name (a template's, without its
    filled-in labels) -> the most rows one run returned. Afterwards the queries tests/neo4j_catalog.py says this
    test executes must be among them, a read with at least one row (a write returns none; it counts as run).
    With REDFLAG_TEST_NEO4J_QUERIES naming a file, every test's record is appended to it (one JSON line)."""
    from graph.neo4j_store import Neo4jStore
    from tests.neo4j_catalog import WRITE_RAN, claimed_by, missing

    seen: dict[str, int] = {}
    if request.node.get_closest_marker("neo4j") is None:  # a parameter of the same test on another backend
        yield seen  # (the fixture names of a parametrized test are shared by all its parameters)
        return
    original = Neo4jStore.run

    def recording(self: Neo4jStore, query: Any, params: Any = None) -> Any:
        rows = original(self, query, params)
        name = query.name.split("[", 1)[0]
        seen[name] = max(seen.get(name, -1), WRITE_RAN if query.write else len(rows))
        return rows

    Neo4jStore.run = recording  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        Neo4jStore.run = original  # type: ignore[method-assign]
    record = os.environ.get("REDFLAG_TEST_NEO4J_QUERIES")
    if record:
        with open(record, "a", encoding="utf-8") as out:
            out.write(json.dumps({"test": catalog_test_id(request.node), "queries": seen}) + "\n")
    if not request.node.stash.get(_CALL_FAILED, False):  # a failed test says why itself
        gaps = missing(claimed_by(catalog_test_id(request.node)), seen)
        assert not gaps, (
            f"{catalog_test_id(request.node)} is named in tests/neo4j_catalog.py as executing these catalog queries on "
            f"Neo4j with data, but did not: {', '.join(gaps)}"
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every ``neo4j`` test uses the server (first, so its module fixtures see NEO4J_URI), and records the
    catalog queries it runs on it (checked against tests/neo4j_catalog.py)."""
    for item in items:
        if item.get_closest_marker("neo4j") is not None and "neo4j_server" not in item.fixturenames:
            item.fixturenames.insert(0, "neo4j_server")  # type: ignore[attr-defined]
            item.fixturenames.append("neo4j_catalog_queries")  # type: ignore[attr-defined]


_SKIPPED_UNDER_CI: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    expected_failure = hasattr(report, "wasxfail")  # a strict xfail names a known defect: not a skip
    if (
        report.skipped
        and not expected_failure
        and "neo4j" in report.keywords
        and os.environ.get("CI", "").lower() == "true"
    ):
        _SKIPPED_UNDER_CI.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _SKIPPED_UNDER_CI:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _SKIPPED_UNDER_CI:
        terminalreporter.write_line(
            f"FAILED: {len(_SKIPPED_UNDER_CI)} neo4j test(s) skipped under CI=true; they must run against the "
            f"real Neo4j server (first: {_SKIPPED_UNDER_CI[0]})",
            red=True,
        )
