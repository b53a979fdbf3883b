"""The blocking index proposes the entries sharing the most informative keys, rarest keys first; its numpy
accumulation (used when a query's keys carry many postings) ranks exactly as the plain accumulation does."""

from __future__ import annotations

import heapq
import math
import random
from collections import defaultdict

from redflag.matching.blocking import MAX_POSTINGS, SMALL_ACCUMULATION, BlockingIndex


def plain_candidates(index: BlockingIndex, keys: set[str], limit: int) -> list[int]:
    """The rule written out: idf-weighted shared keys, rarest first; a key over MAX_POSTINGS counts only first."""
    postings = {k: list(v) for k, v in index._postings.items()}
    found = sorted((len(postings[k]), k) for k in keys if k in postings)
    acc: dict[int, float] = defaultdict(float)
    for df, key in found:
        if df > MAX_POSTINGS and acc:
            continue
        for entry in postings[key][:MAX_POSTINGS]:
            acc[entry] += math.log(1.0 + len(index) / df)
    return [e for e, _ in heapq.nlargest(limit, acc.items(), key=lambda kv: (kv[1], -kv[0]))]


def test_large_and_small_accumulations_rank_as_the_plain_rule() -> None:
    rng = random.Random(1)
    paths = {"numpy": 0, "plain": 0}
    for entries, vocabulary in ((3_000, 40), (30_000, 400), (12_000, 3_000)):
        index = BlockingIndex()
        for e in range(entries):  # skewed key frequencies, many entries with equal key sets (ties)
            index.add(e, {f"k{int(rng.paretovariate(0.7)) % vocabulary}" for _ in range(rng.randint(1, 8))})
        for _ in range(150):
            keys = {f"k{rng.randrange(vocabulary)}" for _ in range(rng.randint(1, 10))} | {"not-indexed"}
            limit = rng.choice([1, 20, 300])
            expected = plain_candidates(index, keys, limit)
            assert index.candidates(keys, limit) == expected
            postings = sum(min(len(index._postings[k]), MAX_POSTINGS) for k in keys if k in index._postings)
            paths["numpy" if postings > SMALL_ACCUMULATION else "plain"] += 1
    assert min(paths.values()) > 0, paths  # both ways of accumulating were checked


def test_a_query_sharing_no_key_gets_no_candidate() -> None:
    index = BlockingIndex()
    index.add(0, {"t:alpha"})
    assert index.candidates({"t:beta"}, 10) == []
    assert index.candidates({"t:alpha"}, 10) == [0]
