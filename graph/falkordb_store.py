"""The embedded default backend: FalkorDB (redis-server + module) started by the tool on a unix socket."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB

from graph import falkordb_server as server
from graph.errors import StoreError, StoreTimeout, StoreUnavailable
from graph.queries import Query
from graph.store import GraphStore, Row


def _plain(value: Any) -> Any:
    """Turn client objects (nodes, edges, paths) into plain dicts and lists."""
    cls = type(value).__name__
    if cls == "Node":
        return {"labels": list(value.labels or []), **dict(value.properties)}
    if cls == "Edge":
        return {"type": value.relation, **dict(value.properties)}
    if cls == "Path":
        return {"nodes": [_plain(n) for n in value.nodes()], "relationships": [_plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class FalkorDBStore(GraphStore):
    dialect = "falkordb"

    def __init__(
        self,
        graph_dir: Path,
        graph_name: str,
        labels: frozenset[str],
        rel_types: frozenset[str],
        *,
        start_timeout: float = 20.0,
        fsync: str = "always",
        bolt_port: int | None = None,
        query_timeout: float | None = 120.0,
    ) -> None:
        self.graph_dir = graph_dir
        # a server that stops answering (hung, stopped) must not hang the caller: each reply is awaited at most
        # this long, then the call fails with StoreUnavailable and the next call restarts the server
        self.query_timeout = query_timeout
        self.graph_name = graph_name
        self.labels = labels
        self.rel_types = rel_types
        self._start = {"timeout": start_timeout, "fsync": fsync, "bolt_port": bolt_port}
        self._lost = False
        self._connect()

    def _connect(self) -> None:
        """Start the server unless it answers (a stale pid or socket is cleaned) and open a client on it."""
        self.paths = server.ensure_running(self.graph_dir, **self._start)  # type: ignore[arg-type]
        self._db = FalkorDB(unix_socket_path=str(self.paths.socket), socket_timeout=self.query_timeout)
        self._graph = self._db.select_graph(self.graph_name)
        self._lost = False

    def run(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        text = query.for_dialect(self.dialect)
        if self._lost:
            # the server went away during an earlier call (killed, crashed): a long-lived process such as the
            # UI restarts it on its next query instead of failing until it is restarted. The failed call
            # itself is never retried: whether its write was committed is unknown.
            self.close()
            self._connect()
        try:
            if query.write or not text.lstrip().upper().startswith(("MATCH", "CALL", "UNWIND", "WITH", "RETURN", "OPTIONAL")):
                result = self._graph.query(text, dict(params or {}))
            else:
                result = self._graph.ro_query(text, dict(params or {}))
        except redis.exceptions.TimeoutError as exc:
            self._lost = True
            raise StoreTimeout(
                f"the embedded graph server ({self.paths.socket}) did not answer query {query.name} within "
                f"{self.query_timeout:g} s (REDFLAG_GRAPH_QUERY_TIMEOUT); whether a write was committed is unknown. "
                "The next command restarts a server that no longer answers"
            ) from exc
        except (redis.exceptions.ConnectionError, OSError) as exc:
            self._lost = True
            if server.disk_full(self.graph_dir):
                raise StoreUnavailable(
                    f"the disk holding the embedded graph ({self.graph_dir}) is full (No space left on device): "
                    f"the server could not write query {query.name} and stopped; free space on that disk, then "
                    "run the command again (whether that write was committed is unknown)"
                ) from exc
            raise StoreUnavailable(
                f"the embedded graph server ({self.paths.socket}) is not answering: {exc}; "
                "run the command again to restart it"
            ) from exc
        except redis.exceptions.ResponseError as exc:
            msg = str(exc)
            if "already indexed" in msg or "already exists" in msg:
                return []
            raise StoreError(f"query {query.name} failed: {msg}") from exc
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
        names = [h.decode() if isinstance(h, bytes) else str(h) for h in header]
        return [dict(zip(names, (_plain(v) for v in row), strict=False)) for row in result.result_set]

    def _create_index(self, query: Query) -> None:
        """Run an index statement; one that times out is run once more on a new server.

        An index statement on a small graph answers in milliseconds, so one left unanswered for the whole query
        timeout means a hung server (seen once in this project's CI: the first CREATE INDEX on a fresh, empty
        graph went unanswered for 120 s while the server still ran). Index statements are idempotent and the
        server's acknowledged writes are in its append-only file, so killing it and running the statement again
        loses nothing. A second timeout is raised."""
        try:
            self.run(query)
        except StoreTimeout:
            server.kill_hung(self.graph_dir)
            self.run(query)  # run() reconnects after a lost server, starting a new one

    def describe(self) -> dict[str, Any]:
        return {
            "backend": "falkordb",
            "graph": self.graph_name,
            "socket": str(self.paths.socket),
            "server": server.status(self.graph_dir),
            "pid": server.pid_of(self.graph_dir),
        }

    def close(self) -> None:
        if not self._lost:
            try:  # keep the write log short: a restart replays it query by query (see falkordb_server.compact)
                server.compact(self._db.connection)
            except Exception:  # noqa: BLE001 - a failed compaction leaves the log as it was; nothing is lost
                pass
        try:
            self._db.connection.close()
        except Exception:  # noqa: BLE001 - closing a dead connection is not an error
            pass
