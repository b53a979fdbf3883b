"""Real-list sizes, measured in one run: import (file -> archive -> graph) against a bare batched load of the same
rows, growth from one size to ten times it, and screening against about a million indexed names.

    .venv/bin/python benchmarks/lists_full_size.py                                 # FtM 100k and 1M, OFAC, CSL
    .venv/bin/python benchmarks/lists_full_size.py --sizes 10000 100000 --screen-names 100000   # a quick run

For each FtM size (entities in the file, every schema counted) the seeded generator in ``list_files.py`` writes an
OpenSanctions-shaped file (not timed), then:

* import: ``import_files`` (two streaming passes over the file, records stored in the archive) and
  ``load_lists`` (streamed from the archive into the embedded FalkorDB store), as ``redflag import`` +
  ``redflag load`` run them;
* baseline: the same node and relationship rows (built from the same archive records, outside the clock)
  written with the store's generic batched ``UNWIND $rows ... MERGE`` into a fresh graph of the same server:
  only the ``merge_nodes``/``merge_rels`` calls are timed.

Screening: list entities of the largest file become screening candidates (``load_candidates`` from the graph,
as ``redflag screen`` does), topped up from a second generated file until ``--screen-names`` names are indexed;
the Screener's index is built (time and memory recorded) and a seeded mix of exact list names, variants and
names not on the list is screened one by one (p50/p95 per name, one process). Full-SDN-sized OFAC legacy files
(sdn/add/alt) and a CSL-sized CSV are imported the same way. Peak memory: ``ru_maxrss`` of this process and
the graph server's ``VmHWM``. Uses a temporary folder (or --work-dir) and stops the server it started.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.list_files import Names, ftm_entities, write_csl, write_ftm, write_ofac  # noqa: E402
from crawler.archive import Archive  # noqa: E402
from graph import falkordb_server  # noqa: E402
from graph.falkordb_store import FalkorDBStore  # noqa: E402
from graph.store import NodeRecord  # noqa: E402
from ontology import vocab  # noqa: E402
from ontology.records import ListEntity, ListRelation  # noqa: E402
from redflag.matching.screening import Candidate, Screener  # noqa: E402
from redflag.services.crawling import import_files  # noqa: E402
from redflag.services.loading import list_entity_records, list_relation_record  # noqa: E402
from redflag.services.pipeline import LIST_BATCH, load_lists  # noqa: E402
from redflag.services.screening_ops import load_candidates  # noqa: E402


def peak_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def server_peak_mb(graph_dir: Path) -> float:
    try:
        pid = int((graph_dir / "server.pid").read_text().strip())
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return float("nan")


class Clock:
    """Wall time and CPU time (this process plus the graph server) of the sections it times.

    CPU seconds are the fairer measure on a shared machine: other jobs stretch the wall time of both sides of a
    ratio, but not the CPU each side spends.
    """

    def __init__(self, graph_dir: Path, server: bool = True) -> None:
        self.graph_dir = graph_dir
        self.server = server  # False: a phase that does not use the server (its background work is not counted)
        self.wall = 0.0
        self.cpu = 0.0
        self._start = (0.0, 0.0)

    def _server_cpu(self) -> float:
        if not self.server:
            return 0.0
        try:
            pid = int((self.graph_dir / "server.pid").read_text().strip())
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return 0.0

    def __enter__(self) -> Clock:
        self._start = (time.perf_counter(), time.process_time() + self._server_cpu())
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter() - self._start[0]
        self.cpu += time.process_time() + self._server_cpu() - self._start[1]


def log(msg: str) -> None:
    print(msg, flush=True)


def open_store(graph_dir: Path, name: str) -> FalkorDBStore:
    store = FalkorDBStore(graph_dir, name, vocab.labels(), vocab.relationship_types(), query_timeout=1800.0)
    store.clear()
    store.ensure_schema()
    return store


def bare_load(store: FalkorDBStore, archive: Archive, clock: Clock) -> int:
    """Rows written; CLOCK times only the merge_nodes/merge_rels calls for the rows the import path writes."""
    rows = 0

    def timed(fn: Callable[[], int]) -> None:
        nonlocal rows
        with clock:
            rows += fn()

    batch: list[ListEntity] = []

    def flush() -> None:
        nodes, rels, countries = list_entity_records(batch)
        country_nodes = [NodeRecord("Country", c, {}) for c in sorted({c.upper() for c in countries})]
        timed(lambda: store.merge_nodes(country_nodes))
        timed(lambda: store.merge_nodes(nodes))
        timed(lambda: store.merge_rels(rels))
        batch.clear()

    for data in archive.iter_current_records("entity"):
        batch.append(ListEntity.from_dict(data))
        if len(batch) >= LIST_BATCH:
            flush()
    flush()
    relations = [list_relation_record(ListRelation.from_dict(d)) for d in archive.iter_current_records("relation")]
    for i in range(0, len(relations), LIST_BATCH):
        part = relations[i : i + LIST_BATCH]
        timed(lambda part=part: store.merge_rels(part))  # type: ignore[misc]
    return rows


def measure_import(
    fmt: str, paths: list[Path], work: Path, graph_dir: Path, label: str
) -> dict[str, Any]:
    archive_dir = work / f"archive-{label}"
    shutil.rmtree(archive_dir, ignore_errors=True)
    store = open_store(graph_dir, f"import-{label}")
    imp, load, bare = Clock(graph_dir, server=False), Clock(graph_dir), Clock(graph_dir)
    with imp:
        result = import_files(archive_dir, fmt, paths)
    log(f"  {label}: import into the archive {imp.wall:8.1f} s (CPU {imp.cpu:6.1f} s; {result.entities:,} entities, "
        f"{result.relations:,} relations, {len(result.errors):,} rejected rows); peak {peak_mb():,.0f} MB")
    with Archive(archive_dir) as archive:
        with load:
            report = load_lists(store, archive)
        log(f"  {label}: load into the graph     {load.wall:8.1f} s (CPU {load.cpu:6.1f} s; {report.nodes:,} nodes, "
            f"{report.relationships:,} relationships); peak {peak_mb():,.0f} MB")
        bare_store = open_store(graph_dir, f"bare-{label}")
        rows = bare_load(bare_store, archive, bare)
        log(f"  {label}: bare batched MERGE       {bare.wall:8.1f} s (CPU {bare.cpu:6.1f} s; {rows:,} rows)")
    counts = store.counts()
    counts["labels"].pop("ListVersion", None)  # the list's version node, written by load_lists after the records
    bare_counts = bare_store.counts()
    if counts != bare_counts:
        log(f"  WARNING: graphs differ: import {counts} / bare {bare_counts}")
    out = {"label": label, "entities": result.entities, "relations": result.relations, "rows": rows,
           "import_s": imp.wall, "load_s": load.wall, "bare_s": bare.wall, "import_cpu": imp.cpu,
           "load_cpu": load.cpu, "bare_cpu": bare.cpu, "store": store}  # fmt: skip
    bare_store.clear()
    bare_store.close()
    return out


def screening(store: FalkorDBStore | None, work: Path, target_names: int, queries: int, seed: int) -> dict[str, Any]:
    t = time.perf_counter()
    candidates = load_candidates(store) if store is not None else []
    t_fetch = time.perf_counter() - t
    log(f"  {len(candidates):,} listed entities fetched from the graph in {t_fetch:.1f} s; peak {peak_mb():,.0f} MB")
    names_now = sum(1 + len(c.aliases) for c in candidates)
    extra = 0
    for e in ftm_entities(10**9, seed + 1):  # top up with entities of another generated file
        if names_now >= target_names * 1.12:  # the index drops names equal after normalization
            break
        props = e["properties"]
        if e["schema"] not in ("Person", "Company", "Organization", "LegalEntity", "Vessel"):
            continue
        aliases = list(props.get("alias", [])) + list(props.get("weakAlias", []))
        candidates.append(Candidate(id=f"extra-{e['id']}", name=props["name"][0], aliases=aliases,
                                    countries=[c.upper() for c in props.get("country", [])],
                                    schema=e["schema"], lists=["SYN"]))  # fmt: skip
        names_now += 1 + len(aliases)
        extra += 1
    before = peak_mb()
    t, c = time.perf_counter(), time.process_time()
    screener = Screener(candidates)
    t_build, build_cpu = time.perf_counter() - t, time.process_time() - c
    log(f"  index: {len(screener):,} entities ({extra:,} from the top-up file), {screener.name_count:,} names, "
        f"built in {t_build:.1f} s; process peak {before:,.0f} -> {peak_mb():,.0f} MB")
    rng = random.Random(seed)
    gen = Names(random.Random(seed + 99))
    listed = [c for c in candidates if not c.id.startswith("extra-")] or candidates
    qs: list[tuple[str, str]] = []
    for _ in range(queries):
        roll = rng.random()
        cand = rng.choice(listed)
        if roll < 0.35:
            qs.append(("exact", rng.choice([cand.name, *cand.aliases])))
        elif roll < 0.7:
            qs.append(("variant", vary(rng.choice([cand.name, *cand.aliases]), rng)))
        else:
            kind = rng.random()
            name = gen.person()[0].aliases[0] if kind < 0.5 else gen.company()[0].primary
            qs.append(("absent", name))
    times: dict[str, list[float]] = {"exact": [], "variant": [], "absent": []}
    cpu: dict[str, list[float]] = {"exact": [], "variant": [], "absent": []}
    hits = {"exact": 0, "variant": 0, "absent": 0}
    for kind, q in qs:
        t, c = time.perf_counter(), time.process_time()
        result = screener.screen(q)
        cpu[kind].append((time.process_time() - c) * 1000)
        times[kind].append((time.perf_counter() - t) * 1000)
        hits[kind] += bool(result.matches)
    return {"entities": len(screener), "names": screener.name_count, "fetch_s": t_fetch, "build_s": t_build,
            "build_cpu": build_cpu, "times": times, "cpu": cpu, "hits": hits, "peak_mb": peak_mb()}  # fmt: skip


def vary(name: str, rng: random.Random) -> str:
    """A list name as a user types it: a letter doubled or dropped, words swapped, lower case, a form changed."""
    choice = rng.random()
    if choice < 0.3 and len(name) > 4:
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i] + name[i:] if rng.random() < 0.5 else name[:i] + name[i + 1 :]
    if choice < 0.55:
        return " ".join(reversed(name.replace(",", "").split()))
    if choice < 0.8:
        return name.lower()
    return f"{name} Ltd" if rng.random() < 0.5 else name.rsplit(" ", 1)[0]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000],
                    help="FtM entities per file (none: screening only, against generated entities)")
    ap.add_argument("--screen-names", type=int, default=1_000_000, help="names to index for screening (0: skip)")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--ofac-entries", type=int, default=18_000, help="SDN entries (0: skip)")
    ap.add_argument("--csl-entries", type=int, default=13_000, help="CSL rows (0: skip)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work-dir", type=Path, default=None, help="default: a temporary folder, removed after")
    ap.add_argument("--files-dir", type=Path, default=None,
                    help="reuse generated files here (entities-N.ftm.json is written only if missing)")
    args = ap.parse_args()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="redflag-lists-"))
    files = args.files_dir or work / "files"
    files.mkdir(parents=True, exist_ok=True)
    graph_dir = work / "graph"
    log(f"work folder {work}; seed {args.seed}")
    results = []
    try:
        for size in args.sizes:
            path = files / f"entities-{size}-seed{args.seed}.ftm.json"
            if not path.exists():
                t = time.perf_counter()
                with open(path, "wb") as fh:
                    counts = write_ftm(fh, size, args.seed)
                log(f"generated {path.name} ({path.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - t:.1f} s: "
                    f"{dict(sorted(counts.items()))}")
            log(f"FtM file of {size:,} entities ({path.stat().st_size / 1e6:,.0f} MB):")
            results.append(measure_import("ftm", [path], work, graph_dir, f"ftm-{size}"))
            if size != args.sizes[-1]:
                results[-1]["store"].clear()
            results[-1]["server_peak_mb"] = server_peak_mb(graph_dir)
        scr = None
        if args.screen_names:  # against the largest file's entities (or, without --sizes, generated ones only)
            scr = screening(results[-1]["store"] if results else None, work, args.screen_names, args.queries, args.seed)
        if results:
            results[-1]["store"].clear()
        other = []
        if args.ofac_entries:
            folder = work / "ofac"
            counts = write_ofac(folder, args.ofac_entries, args.seed)
            log(f"OFAC legacy files {counts}:")
            other.append(measure_import("ofac", [folder], work, graph_dir, f"ofac-{args.ofac_entries}"))
        if args.csl_entries:
            csl = work / "csl" / "consolidated.csv"
            csl.parent.mkdir(parents=True, exist_ok=True)
            with open(csl, "w", encoding="utf-8", newline="") as fh:
                write_csl(fh, args.csl_entries, args.seed)
            log("CSL CSV:")
            other.append(measure_import("csl", [csl], work, graph_dir, f"csl-{args.csl_entries}"))
        server_mb = server_peak_mb(graph_dir)
        for r in results + other:
            r["store"].close()
    finally:
        falkordb_server.stop(graph_dir)
        if args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)

    log("\nimport (file -> archive -> graph) against a bare batched MERGE of the same rows (wall s / CPU s):")
    log(f"{'input':<14}{'entities':>10}{'rows':>10}{'import':>14}{'load':>14}{'bare':>14}"
        f"{'ratio wall':>11}{'ratio CPU':>10}{'load-only CPU':>14}")
    for r in results + other:
        total, total_cpu = r["import_s"] + r["load_s"], r["import_cpu"] + r["load_cpu"]
        log(f"{r['label']:<14}{r['entities']:>10,}{r['rows']:>10,}"
            f"{r['import_s']:>7.1f}/{r['import_cpu']:<6.1f}{r['load_s']:>7.1f}/{r['load_cpu']:<6.1f}"
            f"{r['bare_s']:>7.1f}/{r['bare_cpu']:<6.1f}{r['bare_s'] / total:>11.2f}{r['bare_cpu'] / total_cpu:>10.2f}"
            f"{r['bare_cpu'] / r['load_cpu']:>14.2f}")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        ta, tb = a["import_s"] + a["load_s"], b["import_s"] + b["load_s"]
        ca, cb = a["import_cpu"] + a["load_cpu"], b["import_cpu"] + b["load_cpu"]
        log(f"scaling: {b['entities'] / a['entities']:.1f}x the entities ({b['rows'] / a['rows']:.1f}x the rows) "
            f"took {tb / ta:.2f}x the wall time, {cb / ca:.2f}x the CPU time "
            f"(bare load: {b['bare_s'] / a['bare_s']:.2f}x wall, {b['bare_cpu'] / a['bare_cpu']:.2f}x CPU)")
    if scr is None:
        log(f"peak memory: this process {peak_mb():,.0f} MB (ru_maxrss), graph server {server_mb:,.0f} MB (VmHWM)")
        return
    log(f"\nscreening: {scr['names']:,} names of {scr['entities']:,} entities; candidates fetched from the graph "
        f"in {scr['fetch_s']:.1f} s, index built in {scr['build_s']:.1f} s (CPU {scr['build_cpu']:.1f} s)")
    log(f"{'queries':<10}{'n':>6}{'with a match':>14}{'wall p50':>10}{'p95':>8}{'CPU p50':>10}{'p95':>8}{'max':>8}  (ms)")
    every = [x for v in scr["times"].values() for x in v]
    every_cpu = [x for v in scr["cpu"].values() for x in v]
    for kind, values, cpu in [*((k, scr["times"][k], scr["cpu"][k]) for k in scr["times"]), ("all", every, every_cpu)]:
        hits = scr["hits"].get(kind, sum(scr["hits"].values()))
        log(f"{kind:<10}{len(values):>6}{hits:>14}{pct(values, 0.5):>10.1f}{pct(values, 0.95):>8.1f}"
            f"{pct(cpu, 0.5):>10.1f}{pct(cpu, 0.95):>8.1f}{max(cpu):>8.1f}")
    log(f"mean {statistics.mean(every):.1f} ms/name wall, {statistics.mean(every_cpu):.1f} ms/name CPU")
    log(f"peak memory: this process {peak_mb():,.0f} MB (ru_maxrss), graph server {server_mb:,.0f} MB (VmHWM)")


if __name__ == "__main__":
    main()
