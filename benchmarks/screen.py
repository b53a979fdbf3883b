"""Screening benchmark: the blocking Screener against a plain rapidfuzz scan, measured in the same run.

    .venv/bin/python benchmarks/screen.py [--entities 100000] [--queries 300] [--bulk 10000] [--seed 7]

Builds N synthetic list entities (companies and people, one alias in three), then times per-query
latency (p50 / p95) for ``Screener.screen`` and for ``rapidfuzz.process.extract`` over every name
(WRatio, the usual "plain scan"), and bulk throughput (names/s) of the Screener. Queries are a mix
of list names with respellings, legal-form changes, word-order swaps, and names not on the list.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from rapidfuzz import fuzz, process

from redflag.matching.screening import Candidate, Screener

SYLLABLES = ["ka", "ro", "tex", "lin", "mar", "vo", "zen", "tri", "on", "el", "sa", "dor", "ix", "qu", "bel",
             "nov", "ar", "ta", "gen", "lux", "om", "pra", "sis", "val", "cor", "ny", "hel", "pha", "dri", "us"]
WORDS = ["Systems", "Technologies", "Trading", "Security", "Logistics", "Networks", "Group", "Solutions",
         "Analytics", "Vision", "Signal", "Optics", "Marine", "Data", "Research"]
FORMS = ["Ltd", "LLC", "GmbH", "S.A.", "OOO", "JSC", "Kft.", "FZE", "Inc.", "BV", "AG", "SRL", ""]
GIVEN = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Goran", "Hana", "Ivan", "Jana", "Karim", "Lena"]
COUNTRIES = ["RU", "CN", "AE", "HU", "GR", "IE", "CY", "TR", "IR", "BY", "DE", "FR"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def make_entities(n: int, rng: random.Random) -> list[Candidate]:
    out = []
    for i in range(n):
        if rng.random() < 0.35:
            name = f"{word(rng).upper()}, {rng.choice(GIVEN)} {word(rng)}ovich"
            schema = "Person"
        else:
            name = f"{word(rng)} {rng.choice(WORDS)} {rng.choice(FORMS)}".strip()
            schema = "Company"
        aliases = [f"{word(rng)} {rng.choice(WORDS)}"] if rng.random() < 0.33 else []
        out.append(Candidate(id=f"e{i}", name=name, aliases=aliases, schema=schema,
                             countries=[rng.choice(COUNTRIES)], lists=["SYN"]))
    return out


def vary(name: str, rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.25:  # respelling: double or drop a letter
        i = rng.randrange(1, max(2, len(name) - 1))
        return name[:i] + name[i] + name[i:] if rng.random() < 0.5 else name[:i] + name[i + 1:]
    if choice < 0.5:  # another legal form
        return f"{name.rsplit(' ', 1)[0]} {rng.choice(FORMS)}"
    if choice < 0.75:  # word order
        return " ".join(reversed(name.replace(",", "").split()))
    return name.lower()


def make_queries(entities: list[Candidate], k: int, rng: random.Random) -> list[str]:
    queries = []
    for _ in range(k):
        if rng.random() < 0.7:
            queries.append(vary(rng.choice(entities).name, rng))
        else:
            queries.append(f"{word(rng)} {rng.choice(WORDS)} {rng.choice(FORMS)}")
    return queries


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--scan-queries", type=int, default=100, help="queries for the (slow) plain scan")
    ap.add_argument("--bulk", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    entities = make_entities(args.entities, rng)
    t0 = time.perf_counter()
    screener = Screener(entities)
    build = time.perf_counter() - t0
    names = [n for e in entities for n in [e.name, *e.aliases]]
    queries = make_queries(entities, args.queries, rng)

    screen_ms = []
    hits = 0
    for q in queries:
        t = time.perf_counter()
        result = screener.screen(q)
        screen_ms.append((time.perf_counter() - t) * 1000)
        hits += bool(result.matches)

    scan_ms = []
    for q in queries[: args.scan_queries]:
        t = time.perf_counter()
        process.extract(q, names, scorer=fuzz.WRatio, limit=10, score_cutoff=80)
        scan_ms.append((time.perf_counter() - t) * 1000)

    bulk_queries = make_queries(entities, args.bulk, rng)
    t = time.perf_counter()
    for q in bulk_queries:
        screener.screen(q)
    bulk_s = time.perf_counter() - t

    print(f"{args.entities:,} list entities ({len(names):,} names); index built in {build:.1f} s; "
          f"{hits}/{len(queries)} queries with a match at the default threshold")
    print(f"{'method':<34}{'queries':>9}{'p50 ms':>10}{'p95 ms':>10}")
    print(f"{'Screener (blocking + logic-v2)':<34}{len(screen_ms):>9}{pct(screen_ms, 0.5):>10.2f}{pct(screen_ms, 0.95):>10.2f}")
    print(f"{'rapidfuzz process.extract scan':<34}{len(scan_ms):>9}{pct(scan_ms, 0.5):>10.2f}{pct(scan_ms, 0.95):>10.2f}")
    print(f"bulk: {args.bulk:,} names screened in {bulk_s:.1f} s = {args.bulk / bulk_s:,.0f} names/s "
          f"(mean {statistics.mean(screen_ms):.2f} ms/query)")


if __name__ == "__main__":
    main()
