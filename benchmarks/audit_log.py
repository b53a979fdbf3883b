"""What the anchors cost an append to the screening audit log, and how fast a log verifies.

Three phases in one run on the same machine, each appending ``--entries`` screening entries (three matches each)
to a fresh log under one audit key: the keyed chain alone (the baseline), plus the state-file anchor
(``DATA/state/audit-anchor.json``), plus the graph's ``AuditAnchor`` node in the embedded FalkorDB. Prints
appends/s, milliseconds per append and the ratio to the baseline, then the time to verify the last log.

    .venv/bin/python benchmarks/audit_log.py [--entries 2000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from ontology import vocab
from redflag.audit.anchor import SCREENING_LOG
from redflag.audit.graph_anchor import get_anchor, put_anchor
from redflag.audit.keys import AuditKey
from redflag.screening_ops.audit import AuditLog


def _append(log: AuditLog, n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        log.append("screening", {"query": f"Party {i}", "matches": [{"id": f"e{j}", "score": 0.9} for j in range(3)]},
                   "bench", f"party {i}||")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=2000)
    args = ap.parse_args()
    key = AuditKey(b"benchmark-audit-key-" * 3, "benchmark")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with AuditLog(root / "a" / "screening" / "audit.sqlite", key=key) as log:
            rows.append(("keyed chain only (baseline)", _append(log, args.entries)))
        with AuditLog.for_data_dir(root / "b", key=key) as log:
            rows.append(("+ state-file anchor", _append(log, args.entries)))
        graph_dir = root / "c" / "graph"
        try:
            with FalkorDBStore(graph_dir, "bench", vocab.labels(), vocab.relationship_types()) as store:
                store.ensure_schema()
                with AuditLog.for_data_dir(root / "c", key=key, on_append=lambda a: put_anchor(store, a)) as log:
                    rows.append(("+ state-file and graph anchors", _append(log, args.entries)))
                    anchor = get_anchor(store, SCREENING_LOG)
                    start = time.perf_counter()
                    report = log.check(anchor)
                    verify = time.perf_counter() - start
        finally:
            falkordb_server.stop(graph_dir)
    base = rows[0][1]
    print("| phase | appends | appends/s | ms/append | time vs baseline |\n|---|---:|---:|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {args.entries:,} | {args.entries / seconds:,.0f} | {1000 * seconds / args.entries:.2f} "
              f"| {seconds / base:.1f}x |")
    print(f"verify of {report.count:,} entries against both anchors: {verify:.3f} s "
          f"({report.count / verify:,.0f} entries/s); problem: {report.problem}")


if __name__ == "__main__":
    main()
