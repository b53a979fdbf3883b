"""Both engines side by side on the same synthetic worlds: embedded FalkorDB (the default) and a real Neo4j
Community 5.26 server (tools/neo4j-server, embedded Neo4j over Bolt on 127.0.0.1, heap 768m, page cache 256m).

    .venv/bin/python benchmarks/engines.py                       # 10k and 100k nodes, 20 transactions each
    .venv/bin/python benchmarks/engines.py --sizes 10000 --samples 10

For each size both stores get the same world (benchmarks/synthetic_world.py, same seed) and are timed on:
load (every node and relationship, batched ``UNWIND ... MERGE``), a depth-4 diversion-path search
(``redflag.paths.find_paths``) and one transaction's full red-flag evaluation (``redflag.rules.engine.evaluate``)
for the same ``--samples`` transactions (median and p95). Prints each figure and the ratio Neo4j / FalkorDB
measured in the same run (above 1: Neo4j is slower). Needs java and mvn (bash scripts/setup.sh --test); both
servers are stopped at the end.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic_world import generate  # noqa: E402
from graph import falkordb_server  # noqa: E402
from graph.falkordb_store import FalkorDBStore  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from ontology import vocab  # noqa: E402
from redflag.paths import find_paths  # noqa: E402
from redflag.rules.engine import evaluate  # noqa: E402
from tests.neo4j_server import running_server  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(store: GraphStore, size: int, samples: int, seed: int) -> dict[str, float]:
    """Load the world into ``store`` (cleared first), then time paths and flags on a seeded sample."""
    store.clear()
    store.ensure_schema()
    t0 = time.perf_counter()
    info = generate(store, nodes=size, seed=seed)
    load_s = time.perf_counter() - t0
    sample = random.Random(seed).sample(info["transactions"], min(samples, len(info["transactions"])))

    def times(fn: Callable[[str], object]) -> list[float]:
        out = []
        for tx in sample:
            t = time.perf_counter()
            fn(tx)
            out.append((time.perf_counter() - t) * 1000)
        return out

    evaluate(store, sample[0])  # warm-up: plans cached on both engines
    paths = times(lambda tx: find_paths(store, transaction_id=tx, max_depth=4))
    flags = times(lambda tx: evaluate(store, tx))
    return {
        "nodes": float(info["nodes"]),
        "rels": float(info["relationships"]),
        "load_s": load_s,
        "paths_p50": statistics.median(paths),
        "paths_p95": pct(paths, 0.95),
        "flags_p50": statistics.median(flags),
        "flags_p95": pct(flags, 0.95),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    labels, rels = vocab.labels(), vocab.relationship_types()
    with tempfile.TemporaryDirectory(prefix="rf-engines-") as tmp:
        graph_dir = Path(tmp) / "graph"
        neo_dir = Path(tmp) / "neo4j"
        neo_dir.mkdir()
        try:
            with running_server(neo_dir) as server, FalkorDBStore(
                graph_dir, "bench", labels, rels, fsync="no"
            ) as falkor, Neo4jStore(server.uri, server.user, server.password, server.database, labels, rels) as neo:
                print("size      engine     nodes     rels   load s  paths d4 p50/p95 ms  flags p50/p95 ms")
                for size in args.sizes:
                    row = {}
                    for name, store in (("falkordb", falkor), ("neo4j", neo)):
                        r = measure(store, size, args.samples, args.seed)
                        row[name] = r
                        print(
                            f"{size:<9} {name:<9} {int(r['nodes']):>7} {int(r['rels']):>8} {r['load_s']:8.1f} "
                            f"{r['paths_p50']:9.1f} / {r['paths_p95']:7.1f} {r['flags_p50']:9.1f} / {r['flags_p95']:7.1f}",
                            flush=True,
                        )
                    f, n = row["falkordb"], row["neo4j"]
                    print(
                        f"{size:<9} ratio neo4j/falkordb: load x{n['load_s'] / f['load_s']:.2f}, "
                        f"paths p50 x{n['paths_p50'] / f['paths_p50']:.2f}, "
                        f"flags p50 x{n['flags_p50'] / f['flags_p50']:.2f}",
                        flush=True,
                    )
        finally:
            falkordb_server.stop(graph_dir)


if __name__ == "__main__":
    main()
