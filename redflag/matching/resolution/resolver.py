"""Pairwise scores and clustering: which records are one entity, which need an analyst's look."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from redflag.matching.analysis import analyze_cached
from redflag.matching.blocking import BlockingIndex, name_keys
from redflag.matching.features import normalize_identifier
from redflag.matching.resolution.algorithm import RESOLVE_V1, RecordPair, best_names
from redflag.matching.resolution.model import DIFFERENT, JUDGEMENTS, SAME, EntityRecord, PairScore, Resolution
from redflag.matching.table import FeatureTable, Weights

BLOCK_SIZE = 50
"""How many other records each record is scored against in full."""


def pair_score(a: EntityRecord, b: EntityRecord, weights: Weights | None = None) -> PairScore:
    """The explained score (0..1) of two records being the same entity."""
    table = RESOLVE_V1.with_weights(weights)
    return _score(table, a, b)


def _score(table: FeatureTable[RecordPair], a: EntityRecord, b: EntityRecord) -> PairScore:
    name_a, name_b = best_names(a, b)
    explanation = table.explain(RecordPair(a, b, name_a, name_b))
    return PairScore(a=a.id, b=b.id, score=table.score(explanation), explanation=explanation)


def _record_keys(record: EntityRecord) -> set[str]:
    keys: set[str] = set()
    for name in [record.name, *record.aliases]:
        if name:
            keys |= name_keys(analyze_cached(name))
    for scheme, value in record.identifiers:
        s, v = normalize_identifier(scheme, value)
        if v:
            keys.add(f"id:{s}:{v}")
    return keys


class _Clusters:
    """Union-find that refuses to join two clusters an analyst said are different."""

    def __init__(self, ids: Sequence[str], different: set[frozenset[str]]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: {i} for i in ids}
        self.different = different

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        for x in self.members[ra]:
            for y in self.members[rb]:
                if frozenset((x, y)) in self.different:
                    return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        return True

    def groups(self) -> list[list[str]]:
        return sorted(sorted(m) for m in self.members.values())


def resolve(
    records: Sequence[EntityRecord],
    merge_threshold: float,
    review_threshold: float,
    judgements: Mapping[frozenset[str], str] | None = None,
    weights: Weights | None = None,
) -> Resolution:
    """Cluster records: pairs scoring at least ``merge_threshold`` (or judged "same") are merged;
    pairs between ``review_threshold`` and the merge threshold are returned as ``possible``.

    An analyst's "different" is never overridden, not even transitively through a third record.
    """
    for name, value in (("merge_threshold", merge_threshold), ("review_threshold", review_threshold)):
        if not (math.isfinite(value) and 0.0 <= value <= 1.0):
            raise ValueError(f"{name} must be between 0 and 1, got {value!r}")
    if review_threshold > merge_threshold:
        raise ValueError(f"review_threshold {review_threshold} is above merge_threshold {merge_threshold}")
    judged = dict(judgements or {})
    for pair, verdict in judged.items():
        if verdict not in JUDGEMENTS:
            raise ValueError(f"judgement for {sorted(pair)} is {verdict!r}; expected one of {', '.join(JUDGEMENTS)}")
        if len(pair) != 2:
            raise ValueError(f"judgement key {sorted(pair)} must name exactly two records")
    by_id: dict[str, EntityRecord] = {}
    for record in records:
        if record.id in by_id:
            raise ValueError(f"duplicate record id {record.id!r}")
        by_id[record.id] = record
    table = RESOLVE_V1.with_weights(weights)

    index = BlockingIndex()
    keys = [_record_keys(r) for r in records]
    for i, k in enumerate(keys):
        index.add(i, k)
    scored: dict[frozenset[str], PairScore] = {}
    for i, record in enumerate(records):
        for j in index.candidates(keys[i], BLOCK_SIZE + 1):
            if j == i:
                continue
            other = records[j]
            key = frozenset((record.id, other.id))
            if key in scored:
                continue
            a, b = sorted((record, other), key=lambda r: r.id)
            scored[key] = _score(table, a, b)
    for key, verdict in judged.items():
        ids = sorted(key)
        if not all(i in by_id for i in ids):
            continue  # a judgement about records not in this run
        base = scored.get(key) or _score(table, by_id[ids[0]], by_id[ids[1]])
        scored[key] = PairScore(base.a, base.b, base.score, base.explanation, judgement=verdict)

    different = {k for k, v in judged.items() if v == DIFFERENT}
    clusters = _Clusters([r.id for r in records], different)
    same: list[PairScore] = []
    ordered = sorted(scored.values(), key=lambda p: (p.judgement != SAME, -p.score, p.a, p.b))
    for scored_pair in ordered:
        if scored_pair.judgement == DIFFERENT:
            continue
        if scored_pair.judgement == SAME or scored_pair.score >= merge_threshold:
            if clusters.union(scored_pair.a, scored_pair.b):
                same.append(scored_pair)
    possible = [
        p
        for p in ordered
        if p.judgement is None
        and review_threshold <= p.score < merge_threshold
        and clusters.find(p.a) != clusters.find(p.b)
    ]
    return Resolution(clusters=clusters.groups(), same=same, possible=possible)
