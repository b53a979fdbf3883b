"""Loading into Neo4j by batch size, against embedded FalkorDB in the same run (docs/PERFORMANCE.md, engines).

    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... .venv/bin/python benchmarks/engines_load.py --size 100000

Loads the synthetic world (benchmarks/synthetic_world.py, seed 7) through the store's batched ``UNWIND ... MERGE``
into the Neo4j server NEO4J_URI names (cleared first: a throwaway database) once per ``--batch-sizes`` value, and
once into a fresh embedded FalkorDB (``fsync=no``, batch 2000) as the baseline of the same run. Prints seconds,
nodes per second and the ratio to FalkorDB. Schema (constraints, indexes) is created before each load.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic_world import generate  # noqa: E402
from graph import falkordb_server  # noqa: E402
from graph.falkordb_store import FalkorDBStore  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from ontology import vocab  # noqa: E402


def timed_load(store: GraphStore, size: int, batch: int, seed: int) -> tuple[float, int]:
    """Seconds to load the world with ``batch`` records per query, and the nodes written."""
    store.clear()
    store.ensure_schema()
    store.merge_nodes = functools.partial(type(store).merge_nodes, store, batch_size=batch)  # type: ignore[method-assign]
    store.merge_rels = functools.partial(type(store).merge_rels, store, batch_size=batch)  # type: ignore[method-assign]
    t0 = time.perf_counter()
    info = generate(store, nodes=size, seed=seed, batch=batch)
    return time.perf_counter() - t0, int(info["nodes"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[2000, 10_000])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    labels, rels = vocab.labels(), vocab.relationship_types()
    with tempfile.TemporaryDirectory(prefix="rf-load-") as tmp:
        graph_dir = Path(tmp) / "graph"
        try:
            with FalkorDBStore(graph_dir, "bench", labels, rels, fsync="no") as falkor:
                base, nodes = timed_load(falkor, args.size, 2000, args.seed)
            print(f"falkordb batch 2000: {base:7.1f} s  {nodes / base:8.0f} nodes/s", flush=True)
        finally:
            falkordb_server.stop(graph_dir)
    neo = Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                     os.environ.get("NEO4J_PASSWORD", ""), os.environ.get("NEO4J_DATABASE", "neo4j"), labels, rels)
    try:
        for batch in args.batch_sizes:
            secs, nodes = timed_load(neo, args.size, batch, args.seed)
            print(f"neo4j batch {batch}: {secs:7.1f} s  {nodes / secs:8.0f} nodes/s  x{secs / base:.2f} of FalkorDB",
                  flush=True)
        neo.clear()
    finally:
        neo.close()


if __name__ == "__main__":
    main()
