"""Shared fixtures: a fresh data folder, and an embedded FalkorDB store whose server is always stopped."""

from __future__ import annotations

import os
import secrets
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore

pytest_plugins = ["tests.neo4j_server", "tests.cli_runner"]  # a real Neo4j server for the `neo4j` tests; `cli`


@pytest.fixture(autouse=True, scope="session")
def audit_key_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The audit key lives in a config folder of this test session (never the user's own ~/.config), created
    ahead (mode 600) so no test sees the first-use message unless it asks for a new key; subprocesses inherit it."""
    home = tmp_path_factory.mktemp("config")
    key = home / "redflag" / "audit.key"
    key.parent.mkdir()
    key.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
    key.chmod(0o600)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CONFIG_HOME", str(home))
        yield home


@pytest.fixture(autouse=True, scope="session")
def default_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """REDFLAG_DATA_DIR points at a folder of this test session unless a test sets its own, so a test (or a CLI
    subprocess it starts) that forgets its data folder never writes to the checkout's ./data (see
    ``no_default_data_writes``)."""
    stray = tmp_path_factory.mktemp("default-data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REDFLAG_DATA_DIR", str(stray))
        try:
            yield stray
        finally:
            falkordb_server.stop(stray / "graph")  # a server a session-scoped fixture started there


@pytest.fixture(autouse=True)
def no_default_data_writes(default_data_dir: Path, request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test: anything it wrote to the session's default data folder is named (a warning with the test's
    id) and removed, with any graph server started there, so the next test starts from an empty default."""
    yield
    written = sorted(p.name for p in default_data_dir.iterdir())
    if written:
        writers = _processes_using(default_data_dir)  # before the server is stopped: who started it is named
        falkordb_server.stop(default_data_dir / "graph")
        for p in default_data_dir.iterdir():
            shutil.rmtree(p) if p.is_dir() else p.unlink()
        warnings.warn(f"{request.node.nodeid} wrote {written} to the default data folder (REDFLAG_DATA_DIR unset "
                      f"or pointing there); processes using it: {writers or 'none left'}", stacklevel=1)


def _processes_using(folder: Path) -> list[str]:
    """The live processes whose command line, working folder or open files are under ``folder``, each with its
    parent (a graph server started there names the command that started it); a write that happened after the
    test that started its writer is then traced to that command, not only to the test that saw it."""
    root = str(folder.resolve())

    def describe(pid: str) -> str:
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            cmd = "?"
        return f"{pid}{' (this test process)' if pid == str(os.getpid()) else ''}: {cmd[:200]}"

    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            links = [os.readlink(proc / "cwd")]
            links += [os.readlink(fd) for fd in (proc / "fd").iterdir()]
            ppid = next(ln.split()[1] for ln in (proc / "status").read_text().splitlines() if ln.startswith("PPid:"))
        except (OSError, StopIteration):
            continue
        if root in cmd or any(link.startswith(root) for link in links):
            found.append(f"{describe(proc.name)} [parent {describe(ppid)}]")
    return found


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder for one test."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def falkordb_store(data_dir: Path) -> Iterator[FalkorDBStore]:
    """An embedded FalkorDB store on ``data_dir/graph`` with the ontology's labels; the server stops at teardown."""
    from ontology import vocab

    graph_dir = data_dir / "graph"
    try:
        store = FalkorDBStore(graph_dir, "test", vocab.labels(), vocab.relationship_types())
        try:
            store.ensure_schema()
            yield store
        finally:
            store.close()
    finally:
        falkordb_server.stop(graph_dir)
