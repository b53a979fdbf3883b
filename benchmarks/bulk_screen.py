"""Bulk screening benchmark: a parties CSV through the whole bulk path against a plain rapidfuzz scan, same run.

    .venv/bin/python benchmarks/bulk_screen.py [--entities 100000] [--names 10000] [--scan-names 200] [--seed 7]

Builds N synthetic list entities (the generator of benchmarks/screen.py), writes a parties CSV of --names rows
(list names with respellings, legal-form and word-order changes, and names not on the list), then times:

1. the bulk path: CSV parsing, ``ScreeningSession.screen`` per party (blocking + logic-v1, clearances applied)
   and one audit log entry per party (SQLite, WAL) -- names/s and p50/p95 per name;
2. the baseline: ``rapidfuzz.process.extract`` (WRatio) over every list name, per name, on the first
   --scan-names names (a full scan of 10,000 names would take over an hour); its names/s is 1000 / mean ms.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).parent))
from screen import make_entities, make_queries  # noqa: E402 - the shared synthetic-list generator

from redflag.screening_ops.audit import AuditLog  # noqa: E402
from redflag.screening_ops.parties import read_party_file  # noqa: E402
from redflag.screening_ops.session import ScreeningSession  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--names", type=int, default=10_000)
    ap.add_argument("--scan-names", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    entities = make_entities(args.entities, rng)
    queries = make_queries(entities, args.names, rng)
    countries = ["RU", "CN", "AE", "HU", "GR", "", ""]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "parties.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["name", "country", "identifiers", "address", "reference"])
            for i, q in enumerate(queries):
                w.writerow([q, rng.choice(countries), "", "", f"R{i}"])
        with AuditLog.for_data_dir(Path(tmp)) as log:
            t0 = time.perf_counter()
            session = ScreeningSession(entities, log, threshold=0.65, match_threshold=0.8, by="bench",
                                       source="benchmark")
            build = time.perf_counter() - t0
            t0 = time.perf_counter()
            parsed = read_party_file(path)
            per_name = []
            statuses: dict[str, int] = {}
            for party in parsed.parties:
                t = time.perf_counter()
                result = session.screen(party)
                per_name.append((time.perf_counter() - t) * 1000)
                statuses[result.status] = statuses.get(result.status, 0) + 1
            session.log_run(str(path), "", len(parsed.parties), parsed.errors)
            bulk_s = time.perf_counter() - t0
            logged = log.count("screening")
    names = [n for e in entities for n in [e.name, *e.aliases]]
    scan_ms = []
    for q in queries[: args.scan_names]:
        t = time.perf_counter()
        process.extract(q, names, scorer=fuzz.WRatio, limit=10, score_cutoff=65)
        scan_ms.append((time.perf_counter() - t) * 1000)
    bulk_rate = len(per_name) / bulk_s
    scan_rate = 1000 / statistics.mean(scan_ms)
    print(f"{args.entities:,} list entities ({len(names):,} names); session built in {build:.1f} s; "
          f"{len(per_name):,} parties screened and logged ({logged:,} audit entries); statuses {statuses}")
    print(f"{'method':<46}{'names':>8}{'names/s':>10}{'p50 ms':>9}{'p95 ms':>9}")
    print(f"{'bulk path (CSV + session + audit log)':<46}{len(per_name):>8}{bulk_rate:>10.1f}"
          f"{pct(per_name, 0.5):>9.2f}{pct(per_name, 0.95):>9.2f}")
    print(f"{'baseline: rapidfuzz process.extract scan':<46}{len(scan_ms):>8}{scan_rate:>10.2f}"
          f"{pct(scan_ms, 0.5):>9.1f}{pct(scan_ms, 0.95):>9.1f}")
    print(f"bulk path is {bulk_rate / scan_rate:.0f}x the scan's names/s; total {bulk_s:.1f} s for the bulk run")


if __name__ == "__main__":
    main()
