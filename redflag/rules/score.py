"""The composite risk score: a sum of weighted findings, with multipliers and hard stops, every part explained.

* Each finding contributes ``severity weight x confidence``; its confidence is the best of its evidence,
  where one piece of evidence counts ``tier weight x its own confidence``, halved when hedged and discounted
  when the relation is only machine-extracted (not confirmed by an analyst).
* Context flags (in-scope item, government end-user) add nothing themselves but multiply the total.
* Dismissed findings count for nothing; mitigated ones for half.
* Any open (not dismissed) hard-stop finding makes the transaction a hard stop, whatever the score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ontology import vocab
from redflag.rules.base import CURATED_STATUSES, Evidence, Finding

SEVERITY_WEIGHTS = {"hard-stop": 40.0, "high": 20.0, "medium": 10.0, "low": 4.0, "context": 0.0}
HEDGED_FACTOR = 0.5
EXTRACTED_FACTOR = 0.7
UNKNOWN_TIER_WEIGHT = 0.5
STATUS_FACTORS = {"open": 1.0, "confirmed": 1.0, "mitigated": 0.5, "dismissed": 0.0}
# Context flags that raise the weight of everything else (catalog: "multiplier" / "gate").
MULTIPLIERS = {"DOS-E1": 1.5, "DOS-I1": 1.5, "EU-03": 1.2}
MAX_SCORE = 100.0


def tier_weight(tier: int | None) -> float:
    if tier is None:
        return UNKNOWN_TIER_WEIGHT
    found = vocab.tiers().get(int(tier))
    return found.weight if found else UNKNOWN_TIER_WEIGHT


def evidence_weight(ev: Evidence) -> float:
    """How much one piece of evidence is worth, between 0 and 1."""
    w = tier_weight(ev.tier) * max(0.0, min(1.0, float(ev.confidence)))
    if ev.hedged:
        w *= HEDGED_FACTOR
    if ev.status not in CURATED_STATUSES:
        w *= EXTRACTED_FACTOR
    return w


def evidence_confidence(evidence: Sequence[Evidence]) -> float:
    """A finding's confidence: its strongest evidence (no evidence at all: 0.5, the rule's own logic only)."""
    if not evidence:
        return 0.5
    return max(evidence_weight(e) for e in evidence)


@dataclass
class ScoreBreakdown:
    score: float
    hard_stop: bool
    hard_stops: list[dict[str, str]] = field(default_factory=list)
    contributions: list[dict[str, Any]] = field(default_factory=list)
    multipliers: list[dict[str, Any]] = field(default_factory=list)
    subtotal: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "hard_stop": self.hard_stop,
            "hard_stops": self.hard_stops,
            "subtotal": round(self.subtotal, 2),
            "multipliers": self.multipliers,
            "contributions": self.contributions,
        }


def score(findings: Iterable[Finding]) -> ScoreBreakdown:
    """Combine findings into one explainable score between 0 and 100."""
    items = list(findings)
    contributions: list[dict[str, Any]] = []
    subtotal = 0.0
    for f in items:
        weight = SEVERITY_WEIGHTS[f.level]
        factor = STATUS_FACTORS.get(f.status, 1.0)
        points = weight * f.confidence * factor
        subtotal += points
        if weight:
            contributions.append(
                {
                    "finding": f.id,
                    "rule": f.rule,
                    "severity": f.level,
                    "weight": weight,
                    "confidence": round(f.confidence, 3),
                    "status_factor": factor,
                    "points": round(points, 2),
                }
            )
    multipliers = []
    total = subtotal
    seen: set[str] = set()
    for f in items:
        m = MULTIPLIERS.get(f.rule)
        if m and f.rule not in seen and STATUS_FACTORS.get(f.status, 1.0) > 0:
            seen.add(f.rule)
            total *= m
            multipliers.append({"rule": f.rule, "factor": m, "reason": f.title})
    hard_stops = [
        {"finding": f.id, "rule": f.rule, "reason": f.hard_stop_reason or f.title}
        for f in items
        if f.hard_stop and f.status != "dismissed"
    ]
    contributions.sort(key=lambda c: -c["points"])
    return ScoreBreakdown(
        score=round(min(MAX_SCORE, total), 1),
        hard_stop=bool(hard_stops),
        hard_stops=hard_stops,
        contributions=contributions,
        multipliers=multipliers,
        subtotal=subtotal,
    )
