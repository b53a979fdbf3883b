"""What the stored screening index saves: building the index against reading it back, in the same run.

    .venv/bin/python benchmarks/screen_index_cache.py                 # 100,000 list entities
    .venv/bin/python benchmarks/screen_index_cache.py --entities 500000

Candidates come from the synthetic FtM generator of benchmarks/list_files.py (persons, companies, vessels with
their aliases, seeded). Measured: the session's work before the first name can be screened, without the graph
query (which both pay): the entities' content hashes and list version, then either the index built (baseline)
or the stored index read back, its tag checked (redflag.screening_ops.index_cache). Also the file's size and
that both indexes give the same answers on a sample of names. Prints wall and CPU seconds and the ratio
stored / built.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.list_files import ftm_entities  # noqa: E402
from redflag.matching.screening import Candidate, Screener  # noqa: E402
from redflag.screening_ops import index_cache  # noqa: E402
from redflag.screening_ops.session import entity_hash, list_version  # noqa: E402

T = TypeVar("T")


def generated(n: int, seed: int) -> list[Candidate]:
    out = []
    for e in ftm_entities(10**9, seed):
        if len(out) >= n:
            break
        props = e["properties"]
        if e["schema"] not in ("Person", "Company", "Organization", "LegalEntity", "Vessel"):
            continue
        out.append(Candidate(id=e["id"], name=props["name"][0], aliases=list(props.get("alias", [])),
                             countries=[c.upper() for c in props.get("country", [])], schema=e["schema"],
                             lists=["SYN"]))  # fmt: skip
    return out


def clock(fn: Callable[[], T]) -> tuple[T, float, float]:
    """``fn()`` with its wall and CPU seconds."""
    t, c = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - t, time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    cands = generated(args.entities, args.seed)
    secret = b"benchmark key for the screening index"
    with tempfile.TemporaryDirectory(prefix="rf-index-") as tmp:
        path = Path(tmp) / index_cache.CACHE_FILE

        def session_start() -> tuple[Screener, str]:
            version = list_version({c.id: entity_hash(c) for c in cands})
            key = index_cache.index_key(version, 0.8, None)
            return index_cache.load_or_build(path, secret, key, lambda: Screener(cands))

        (built, how1), wall_b, cpu_b = clock(session_start)  # also writes the file (counted: a first run pays it)
        (stored, how2), wall_s, cpu_s = clock(session_start)
        assert (how1, how2) == ("built", "reused"), (how1, how2)
        size_mb = path.stat().st_size / 1e6
        names = [c.name for c in random.Random(args.seed).sample(cands, min(200, len(cands)))]
        same = all(built.screen(n).to_dict() == stored.screen(n).to_dict() for n in names)
    print(f"{len(cands):,} entities, {built.name_count:,} names; stored index {size_mb:,.0f} MB")
    print(f"first session (hashes + build + store): {wall_b:7.1f} s wall {cpu_b:7.1f} s CPU")
    print(f"next session (hashes + read + verify):  {wall_s:7.1f} s wall {cpu_s:7.1f} s CPU")
    print(f"ratio next / first: wall x{wall_s / wall_b:.2f}, CPU x{cpu_s / cpu_b:.2f}; same answers on "
          f"{len(names)} names: {same}")


if __name__ == "__main__":
    main()
