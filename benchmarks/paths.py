"""Graph benchmarks on synthetic worlds (embedded FalkorDB).

    .venv/bin/python benchmarks/paths.py [--sizes 10000 100000] [--samples 50] [--bulk 10000] [--seed 7]
    .venv/bin/python benchmarks/paths.py --sizes 1000000          # the 1M-node world, on demand

Paths: p50/p95 of a depth-4 diversion-path search per transaction, against a depth-1 search from the same
parties measured in the same run. Flags part: for each size, writes a synthetic world (benchmarks/synthetic_world.py), then times a full
red-flag evaluation (every rule of the catalog, ``redflag.rules.engine.evaluate``) for ``--samples``
random transactions (p50 / p95), and the wall time to evaluate ``--bulk`` transactions one after the other
on the largest size (fewer if the world has fewer). Prints a table of how the cost grows with size.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic_world import generate  # noqa: E402
from graph import falkordb_server  # noqa: E402
from graph.falkordb_store import FalkorDBStore  # noqa: E402
from ontology import vocab  # noqa: E402
from redflag.paths import find_paths  # noqa: E402
from redflag.rules.engine import evaluate  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_flags(size: int, samples: int, bulk: int, seed: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="rf-bench-") as tmp:
        graph_dir = Path(tmp) / "graph"
        store = FalkorDBStore(graph_dir, "bench", vocab.labels(), vocab.relationship_types(), fsync="no")
        try:
            store.ensure_schema()
            t0 = time.perf_counter()
            info = generate(store, nodes=size, seed=seed)
            load_s = time.perf_counter() - t0
            rng = random.Random(seed)
            txs = info["transactions"]
            times = []
            sample = rng.sample(txs, min(samples, len(txs)))
            for tx in sample:
                t = time.perf_counter()
                evaluate(store, tx)
                times.append(time.perf_counter() - t)
            # depth-4 diversion path search, against a depth-1 search from the same parties (baseline)
            path_times: dict[int, list[float]] = {1: [], 4: []}
            for tx in sample:
                for depth in (1, 4):
                    t = time.perf_counter()
                    find_paths(store, transaction_id=tx, max_depth=depth)
                    path_times[depth].append(time.perf_counter() - t)
            out = {
                "size": float(size),
                "nodes": float(info["nodes"]),
                "rels": float(info["relationships"]),
                "load_s": load_s,
                "p50_ms": statistics.median(times) * 1000,
                "p95_ms": pct(times, 0.95) * 1000,
                "path1_p50_ms": statistics.median(path_times[1]) * 1000,
                "path4_p50_ms": statistics.median(path_times[4]) * 1000,
                "path4_p95_ms": pct(path_times[4], 0.95) * 1000,
            }
            if bulk:
                chosen = txs[:bulk]
                t = time.perf_counter()
                for tx in chosen:
                    evaluate(store, tx)
                out["bulk_n"] = float(len(chosen))
                out["bulk_s"] = time.perf_counter() - t
            return out
        finally:
            store.close()
            falkordb_server.stop(graph_dir)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--samples", type=int, default=50)
    ap.add_argument(
        "--bulk", type=int, default=10_000, help="transactions evaluated in a row on the largest size"
    )
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rows = []
    for i, size in enumerate(args.sizes):
        bulk = args.bulk if i == len(args.sizes) - 1 else 0
        rows.append(bench_flags(size, args.samples, bulk, args.seed))
        r = rows[-1]
        print(
            f"{int(r['size']):>9} nodes written {int(r['nodes']):>9} rels {int(r['rels']):>9} load {r['load_s']:7.1f}s "
            f"flags p50 {r['p50_ms']:8.1f} ms p95 {r['p95_ms']:8.1f} ms",
            flush=True,
        )
        print(
            f"          paths depth 4 p50 {r['path4_p50_ms']:8.1f} ms p95 {r['path4_p95_ms']:8.1f} ms "
            f"(baseline depth 1 p50 {r['path1_p50_ms']:.1f} ms; ratio x{r['path4_p50_ms'] / r['path1_p50_ms']:.1f})",
            flush=True,
        )
        if "bulk_s" in r:
            print(
                f"          evaluated {int(r['bulk_n'])} transactions in {r['bulk_s']:.1f}s "
                f"({r['bulk_n'] / r['bulk_s']:.1f} tx/s)",
                flush=True,
            )
    if len(rows) > 1:
        base = rows[0]
        print(
            "\ngrowth vs smallest: "
            + ", ".join(f"{int(r['size'])}: x{r['p50_ms'] / base['p50_ms']:.2f}" for r in rows)
        )


if __name__ == "__main__":
    main()
