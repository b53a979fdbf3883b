"""Load benchmark for the embedded store: batched ``UNWIND ... MERGE`` against one ``MERGE`` round trip per
record, both measured in the same run on the same server (the per-record baseline on a slice).

    .venv/bin/python benchmarks/load.py                      # 100k nodes + 200k relationships
    .venv/bin/python benchmarks/load.py --nodes 20000 --slice 1000

Prints records/s for both and their ratio. Uses a temporary data folder (or --data-dir) and stops its server.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from graph.store import NodeRecord, RelRecord

LABELS = frozenset({"Entity"})
RELS = frozenset({"OWNS", "LINKED_TO"})


def nodes(prefix: str, n: int) -> Iterator[NodeRecord]:
    for i in range(n):
        yield NodeRecord(
            "Entity", f"{prefix}{i}", {"name": f"Party {prefix}{i}", "countries": ["XA"], "score": i % 97}
        )


def rels(prefix: str, n: int) -> Iterator[RelRecord]:
    """Two relationships per node, to pseudo-random partners."""
    for i in range(n):
        yield RelRecord(
            "OWNS", "Entity", f"{prefix}{i}", "Entity", f"{prefix}{(i * 7 + 1) % n}", {"share": 0.5}
        )
        yield RelRecord("LINKED_TO", "Entity", f"{prefix}{i}", "Entity", f"{prefix}{(i * 13 + 5) % n}")


def timed(label: str, count: int, fn: object) -> float:
    assert callable(fn)
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    rate = count / seconds
    print(f"  {label:<44} {count:>8,} records in {seconds:8.2f} s = {rate:>10,.0f} records/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, default=100_000, help="nodes in the batched load (2 rels each)")
    parser.add_argument(
        "--slice", type=int, default=2_000, help="nodes in the per-record slice (2 rels each)"
    )
    parser.add_argument("--batch-size", type=int, default=2_000)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="default: a temporary folder, removed after"
    )
    args = parser.parse_args()

    root = args.data_dir or Path(tempfile.mkdtemp(prefix="redflag-bench-"))
    graph_dir = root / "graph"
    try:
        with FalkorDBStore(graph_dir, "bench", LABELS, RELS) as store:
            store.clear()
            store.ensure_schema()
            print(f"embedded FalkorDB, append-only log with fsync always, data in {graph_dir}")
            print(f"batched (UNWIND $rows ... MERGE, batches of {args.batch_size:,}):")
            n, b = args.nodes, args.batch_size
            node_rate = timed("nodes", n, lambda: store.merge_nodes(nodes("b", n), batch_size=b))
            rel_rate = timed("relationships", 2 * n, lambda: store.merge_rels(rels("b", n), batch_size=b))
            batched = 3 * n / (n / node_rate + 2 * n / rel_rate)

            print("one MERGE round trip per record (same server, same graph):")
            s = args.slice

            def one_by_one_nodes() -> None:
                for node in nodes("s", s):
                    store.merge_nodes([node])

            def one_by_one_rels() -> None:
                for rel in rels("s", s):
                    store.merge_rels([rel])

            single_node_rate = timed("nodes", s, one_by_one_nodes)
            single_rel_rate = timed("relationships", 2 * s, one_by_one_rels)
            single = 3 * s / (s / single_node_rate + 2 * s / single_rel_rate)

            counts = store.counts()
            expected_nodes = n + s
            assert counts["labels"] == {"Entity": expected_nodes}, counts
            print(f"graph now: {counts['labels']} {counts['relationships']}")
            print(
                f"overall: batched {batched:,.0f} records/s, per record {single:,.0f} records/s, "
                f"ratio {batched / single:,.1f}x"
            )
    finally:
        falkordb_server.stop(graph_dir)
        if args.data_dir is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
