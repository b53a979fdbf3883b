"""The migration's test bench: an embedded source graph and a target reached over Bolt.

The target is a second FalkorDB server started with a Bolt port, driven by the Neo4j adapter with dialect
"falkordb" (its index DDL differs). That endpoint is a test bench only (tests/graph/bolt_bench.py): the log is
off, write batches stay at 20 rows or fewer, values at 1,000 characters or fewer, and no value holds a quote or
a backslash, because the endpoint crashes or misparses otherwise. Floats keep at most six decimals: the
endpoint pastes parameters into the query text and writes a float as ``%f`` (1/7 arrives as 0.142857).
"""

from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph import falkordb_server
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore, NodeRecord, RelRecord

BOLT_BATCH = 20


def free_port() -> int:
    """A free TCP port FalkorDB accepts for Bolt (it ignores ports above 32767)."""
    for _ in range(200):
        port = random.randint(20_000, 32_767)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free TCP port between 20000 and 32767")


def vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    from ontology import vocab

    return vocab.labels(), vocab.relationship_types()


class BoltServer:
    """A FalkorDB server with a Bolt port, used as the migration target.

        Two more limits of the endpoint shape this class: every Bolt "database" is the one graph ``falkordb``
        (so a test wanting two targets starts two servers), and once any Bolt connection has closed, new ones
        hang in the handshake. ``restart`` therefore saves the graph (RDB, over the unix socket), stops the
        server and starts it again on the same port: the next client finds the same data and a working endpoint
    (and the same address, which is how a migration checkpoint recognises its target).
    """

    def __init__(self, graph_dir: Path) -> None:
        self.graph_dir = graph_dir
        self.port = 0

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.port = self.port or free_port()
        falkordb_server.ensure_running(self.graph_dir, bolt_port=self.port, appendonly=False)

    def open(self) -> Neo4jStore:
        """One client per server start (see the class docstring)."""
        labels, rels = vocabulary()
        return Neo4jStore(self.uri, "default", "", "falkordb", labels, rels, dialect="falkordb")

    def restart(self) -> None:
        import redis

        client = redis.Redis(unix_socket_path=str(falkordb_server.server_paths(self.graph_dir).socket))
        try:
            client.save()
        finally:
            client.close()
        falkordb_server.stop(self.graph_dir)
        self.start()


@contextmanager
def bolt_server(folder: Path) -> Iterator[BoltServer]:
    server = BoltServer(folder / "bolt-target")
    try:
        server.start()
        yield server
    finally:
        falkordb_server.stop(server.graph_dir)


def sample_world(n: int = 60) -> tuple[list[NodeRecord], list[RelRecord]]:
    """A small fictional graph with the shapes a migration must keep.

    Entities, countries, passages; a grievance that is also an Event and a passage that is also a Grievance
    (multi-label nodes); two OWNS edges with different keys between the same pair; lists, numbers, booleans,
    unicode and one 1,000-character value (all within the Bolt bench's limits).
    """
    nodes: list[NodeRecord] = [
        NodeRecord("Country", "XA", {"name": "Arcadia", "aliases": ["Arkadia"]}),
        NodeRecord("Country", "XB", {"name": "Borduria", "free_trade_zones": ["Port Szohod FTZ"]}),
    ]
    nodes += [
        NodeRecord(
            "Entity",
            f"ent-{i:04d}",
            {
                "name": f"Fictional Vendor {i}",
                "aliases": [f"FV{i}"],
                "unscreened": i % 3 == 0,
                "score": i * 0.125,
            },
        )
        for i in range(n)
    ]
    nodes += [
        NodeRecord(
            "Passage",
            f"pas-{i:04d}",
            {"text": f"Zoë Ångström saw item {i} (北京市)", "start": i, "end": i + 9},
        )
        for i in range(n // 3)
    ]
    nodes.append(NodeRecord("Passage", "pas-long", {"text": "lorem ipsum " * 83 + "abcd"}))
    nodes.append(
        NodeRecord("Grievance", "grv-0001", {"kind": "report", "type": "abuse", "status": "unverified"})
    )
    nodes.append(NodeRecord("Passage", "grv-evidence-0001", {"kind": "evidence", "tier": 4}))
    rels: list[RelRecord] = [
        RelRecord(
            "LOCATED_IN", "Entity", f"ent-{i:04d}", "Country", "XA" if i % 2 else "XB", {"origin": "list"}
        )
        for i in range(n)
    ]
    rels += [
        RelRecord("OWNS", "Entity", f"ent-{i:04d}", "Entity", f"ent-{i + 1:04d}", {"share": 0.51})
        for i in range(0, n - 1, 2)
    ]
    rels += [
        RelRecord("OWNS", "Entity", "ent-0000", "Entity", "ent-0001", {"share": 0.2}, key="2019"),
        RelRecord("OWNS", "Entity", "ent-0000", "Entity", "ent-0001", {"share": 0.6}, key="2023"),
    ]
    rels += [
        RelRecord(
            "MENTIONED_IN", "Entity", f"ent-{i:04d}", "Passage", f"pas-{i // 3:04d}", {"confidence": 0.9}
        )
        for i in range(n)
    ]
    rels.append(RelRecord("EVIDENCED_BY", "Grievance", "grv-0001", "Passage", "grv-evidence-0001"))
    return nodes, rels


def load_world(store: GraphStore, nodes: list[NodeRecord], rels: list[RelRecord]) -> None:
    """Write the world the way the tool does, then add the second labels the grievance module adds."""
    from graph.queries import Query

    store.merge_nodes(nodes)
    store.merge_rels(rels)
    store.run(
        Query("test.multi_label_a", "MATCH (g:Grievance {id: $id}) SET g:Event", ("id",), write=True),
        {"id": "grv-0001"},
    )
    store.run(
        Query("test.multi_label_b", "MATCH (p:Passage {id: $id}) SET p:Grievance", ("id",), write=True),
        {"id": "grv-evidence-0001"},
    )


def snapshot(store: GraphStore) -> tuple[list[Any], list[Any]]:
    """Every node (id, labels, properties) and relationship (type, ends, properties), sorted: equal means equal."""
    nodes, rels = store.dump(page=500)
    node_rows = sorted((n["id"], tuple(sorted(n["labels"])), _frozen(n["props"])) for n in nodes)
    rel_rows = sorted((r["type"], r["source"], r["target"], _frozen(r["props"])) for r in rels)
    return node_rows, rel_rows


def _frozen(props: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in props.items()))
