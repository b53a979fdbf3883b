"""`redflag ui` and `redflag grievance-portal` stop what they started on SIGTERM and SIGINT (issue 15 item 5).

Each command is started for real on a free 127.0.0.1 port; once the port answers, the command's process tree
is recorded, the signal is sent to the command alone (as a service manager or `kill` would), and then the
port must be free and no process of that tree left, except the data folder's embedded graph server, which
is shared by design and stopped by `redflag stop`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import falkordb_server

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def start(data: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAG_", "NEO4J_"))}
    return subprocess.Popen([sys.executable, "-m", "redflag", "--data-dir", str(data), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # fmt: skip


def wait_for_port(proc: subprocess.Popen[str], port: int, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not answers(port):
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        assert time.monotonic() < deadline, f"nothing listens on {port} after {timeout:.0f}s"
        time.sleep(0.3)


def stop_and_check(proc: subprocess.Popen[str], port: int, signum: int, shared: set[int]) -> str:
    tree = descendants(proc.pid)
    try:
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # never leave a test process behind, whatever happened
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    deadline = time.monotonic() + 60  # a generous bound: they are normally gone when the command returns
    while any(alive(p) for p in tree - shared) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [p for p in tree - shared if alive(p)] == [], "children left running"
    assert not answers(port), f"port {port} still answers"
    with socket.socket() as s:  # and it can be bound again at once
        s.bind(("127.0.0.1", port))
    return out + err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_ui_stops_streamlit_on_a_signal(tmp_path: Path, signum: int) -> None:
    port = free_port()
    proc = start(tmp_path, "ui", "--port", str(port))
    wait_for_port(proc, port)
    assert descendants(proc.pid), "the UI runs Streamlit as a child process"
    output = stop_and_check(proc, port, signum, shared=set())
    assert "Traceback" not in output
    assert proc.returncode in (0, 130), output


def test_grievance_portal_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    proc = start(tmp_path, "grievance-portal", "--port", str(port))
    try:
        wait_for_port(proc, port)
        graph_server = falkordb_server.pid_of(tmp_path / "graph")
        output = stop_and_check(proc, port, signal.SIGTERM, shared={graph_server} if graph_server else set())
        assert proc.returncode == 0 and "grievance portal stopped" in output, output
        assert "Traceback" not in output
    finally:
        falkordb_server.stop(tmp_path / "graph")
