"""The composite risk score: evidence summed as log-odds per guidance consideration, mapped to 0-100.

The model (calibration and its limits: docs/RISK-SCORE.md):

* Each finding brings ``points = level weight x confidence x status factor x role weight x candidate-link
  factor``. Its confidence is the best of its evidence, where one piece of evidence counts ``tier weight x its
  own confidence``, halved when hedged and discounted when only machine-extracted (not confirmed by an analyst).
  A hard-stop listing weighs what the list means (:func:`level_weight`): a prohibition of any participation the
  full hard-stop weight for any role, a licence requirement (Entity List, MEU List) less. The role weight says
  how close to the deal the party the finding concerns stands: the end-user counts in full, the customer and
  consignee a little less, payers and intermediaries less again, a freight forwarder least (their own risk is
  also counted by the route and diversion flags). Each candidate (unconfirmed) same-as hop on the finding's
  path multiplies it by ``CANDIDATE_LINK_FACTOR``.
* Findings are grouped by guidance consideration (item, third parties, transaction red flags, mitigation,
  grievances). Within a group, the strongest counts in full and each next one ``CONSIDERATION_DECAY`` times
  less than the one before, so ten near-copies of one worry do not outweigh two different worries.
* Missing safeguards (the mitigation consideration) amplify the rest: ``L = rest x (1 + SAFEGUARD_GAIN x
  mitigation) + mitigation``. Context flags (in-scope item, government end-user, EU cyber-surveillance item) add
  nothing on their own and multiply the total, once per subject (the item, the end-user): the largest applies.
* ``score = 100 x L / (L + HALF_SCORE_AT)``: 50 at ``L = HALF_SCORE_AT``; every finding raises the score, and
  the scale approaches 100 only slowly, so the strongest cases stay apart.
* Bands: low below 25, medium below 50, high below 75, critical from 75.
* Dismissed findings count for nothing; mitigated ones for half. Any open (not dismissed) hard-stop finding
  makes the transaction a hard stop, whatever the score: hard stops are separate from the score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ontology import vocab
from redflag.rules.base import CURATED_STATUSES, Evidence, Finding

LEVEL_WEIGHTS = {"hard-stop": 3.0, "high": 0.5, "medium": 0.1, "low": 0.1, "context": 0.0}
"""Log-odds points of one finding at full confidence, by severity level (fitted on the scenario deals)."""
ROLE_WEIGHTS = {"end_user": 1.0, "customer": 0.8, "consignee": 0.8, "payer": 0.6, "intermediary": 0.6,
                "freight_forwarder": 0.2}  # fmt: skip
"""How much a finding counts by the deal role of the party it concerns (the closest role wins). A freight
forwarder only carries the goods: it neither buys, receives nor uses them (BIS KYC red flags, Supp. No. 3 to Part
732, concern forwarders only as the named final destination or ultimate consignee, BIS-K10/BIS-K16, which the
consignee role weighs in full); its own ties count least."""
PROHIBITION_EFFECTS = frozenset({"blocking", "export_prohibited", "transaction_prohibited"})
"""List effects (ontology/data/list_meanings.csv) that bar any participation in the export: property blocked
(31 CFR Part 501), export privileges denied (15 CFR 764.3), all dealings prohibited (E.O. 13608). A finding of
such a listing weighs the full hard-stop weight whatever the party's role in the deal."""
LICENCE_REQUIRED_WEIGHT = 1.5
"""Log-odds points of a listing that requires a licence (effect ``licence_required``: Entity List 15 CFR 744.11,
Military End-User List 15 CFR 744.21): the export stops until a licence is granted (the hard stop, kept apart),
and the listing itself weighs between a high red flag and a prohibition."""
CANDIDATE_LINK_FACTOR = 0.8
"""Factor per candidate (unconfirmed, POSSIBLY_SAME_AS) same-as hop on a finding's path: evidence reached only
through a record that may not be the same entity counts less than the party's own or a confirmed record's."""
MULTIPLIER_SUBJECTS = {"DOS-I1": "item", "EU-03": "item", "DOS-E1": "end_user"}
"""What each context flag is about. DOS-I1 (State Department scope) and EU-03 (Reg. (EU) 2021/821 Art. 2(20))
both say the item is a surveillance item: one fact under two regimes, so per subject only the largest
multiplier applies."""
CONSIDERATION_DECAY = 0.9
SAFEGUARD_GAIN = 0.75
HALF_SCORE_AT = 2.0
HEDGED_FACTOR = 0.5
EXTRACTED_FACTOR = 0.7
UNKNOWN_TIER_WEIGHT = 0.5
STATUS_FACTORS = {"open": 1.0, "confirmed": 1.0, "mitigated": 0.5, "dismissed": 0.0}
# Context flags that raise the weight of everything else (catalog: "multiplier" / "gate").
MULTIPLIERS = {"DOS-E1": 1.5, "DOS-I1": 1.5, "EU-03": 1.2}
BANDS = (("low", 25.0), ("medium", 50.0), ("high", 75.0), ("critical", 100.01))
"""Upper bounds (exclusive) of each band on the 0-100 scale."""
MAX_SCORE = 100.0


def band(score: float) -> str:
    """The band of a 0-100 score: ``low`` (< 25), ``medium`` (< 50), ``high`` (< 75) or ``critical``."""
    for name, upper in BANDS:
        if score < upper:
            return name
    return BANDS[-1][0]


def scale(log_odds: float) -> float:
    """Map summed log-odds points (>= 0) to the 0-100 scale; also used for path scores."""
    points = max(0.0, log_odds)
    return round(MAX_SCORE * points / (points + HALF_SCORE_AT), 1)


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
    band: str = "low"
    hard_stops: list[dict[str, str]] = field(default_factory=list)
    contributions: list[dict[str, Any]] = field(default_factory=list)
    considerations: dict[str, float] = field(default_factory=dict)
    multipliers: list[dict[str, Any]] = field(default_factory=list)
    log_odds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "band": self.band,
            "hard_stop": self.hard_stop,
            "hard_stops": self.hard_stops,
            "log_odds": round(self.log_odds, 3),
            "considerations": {k: round(v, 3) for k, v in sorted(self.considerations.items())},
            "multipliers": self.multipliers,
            "contributions": self.contributions,
        }


def listing_effects(finding: Finding) -> set[str]:
    """The effects of the stopping lists a hard-stop listing finding (BIS-K01) names, from its details."""
    lists = finding.details.get("lists") if isinstance(finding.details, Mapping) else None
    return {str(x.get("effect")) for x in lists or [] if isinstance(x, Mapping) and x.get("hard_stop")}


def level_weight(finding: Finding) -> tuple[float, bool]:
    """A finding's log-odds weight at full confidence and whether its role weight applies.

    A hard-stop listing weighs what the list means for the export (ontology/data/list_meanings.csv): a
    prohibition of any participation (:data:`PROHIBITION_EFFECTS`) the full hard-stop weight for any role; a
    licence requirement alone :data:`LICENCE_REQUIRED_WEIGHT`. Every other finding weighs its severity level.
    The hard stop itself is kept apart from the score in either case."""
    weight = LEVEL_WEIGHTS[finding.level]
    if finding.level != "hard-stop":
        return weight, True
    effects = listing_effects(finding)
    if effects & PROHIBITION_EFFECTS:
        return weight, False
    if effects and effects <= {"licence_required"}:
        return LICENCE_REQUIRED_WEIGHT, True
    return weight, True


def candidate_hops(finding: Finding) -> int:
    """How many candidate (POSSIBLY_SAME_AS, not confirmed) same-as hops the finding's path takes."""
    return sum(1 for r in finding.path.relationships if r.get("type") == "POSSIBLY_SAME_AS")


def role_weight(finding: Finding, roles: Mapping[str, Sequence[str]]) -> tuple[float, str]:
    """The weight of the closest deal role among the parties a finding concerns or passes through.

    ``roles`` maps a party id to its roles in the deal. A finding about no deal party (the route, the item) counts
    in full. Returns (weight, role).
    """
    touched = set(finding.parties) | {str(n.get("id")) for n in finding.path.nodes}
    found = [(ROLE_WEIGHTS.get(r, 1.0), r) for pid in touched for r in roles.get(pid, ()) if r != "exporter"]
    return max(found) if found else (1.0, "")


def score(findings: Iterable[Finding], roles: Mapping[str, Sequence[str]] | None = None) -> ScoreBreakdown:
    """Combine findings into one explainable score between 0 and 100 (see the module docstring)."""
    items = list(findings)
    roles = roles or {}
    contributions: list[dict[str, Any]] = []
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in items:
        weight, by_role = level_weight(f)
        if not weight:
            continue
        factor = STATUS_FACTORS.get(f.status, 1.0)
        rw, role = role_weight(f, roles)
        if not by_role:
            rw = 1.0
        hops = candidate_hops(f)
        link_factor = CANDIDATE_LINK_FACTOR**hops
        points = weight * f.confidence * factor * rw * link_factor
        c: dict[str, Any] = {"finding": f.id, "rule": f.rule, "severity": f.level, "consideration": f.consideration,
             "weight": weight, "confidence": round(f.confidence, 3), "status_factor": factor,
             "role": role, "role_weight": rw, "candidate_links": hops, "link_factor": link_factor,
             "points": points}  # fmt: skip
        groups.setdefault(f.consideration or "other", []).append(c)
        contributions.append(c)
    considerations: dict[str, float] = {}
    for name, group in groups.items():
        group.sort(key=lambda c: -c["points"])
        total = 0.0
        for rank, c in enumerate(group):
            points = float(c["points"]) * CONSIDERATION_DECAY**rank
            c["points"] = round(points, 3)
            total += points
        considerations[name] = total
    mitigation = considerations.get("mitigation", 0.0)
    rest = sum(v for k, v in considerations.items() if k != "mitigation")
    log_odds = rest * (1 + SAFEGUARD_GAIN * mitigation) + mitigation
    multipliers = []
    strongest: dict[str, Finding] = {}  # per subject (MULTIPLIER_SUBJECTS), the largest multiplier
    for f in items:
        m = MULTIPLIERS.get(f.rule)
        if not m or STATUS_FACTORS.get(f.status, 1.0) <= 0:
            continue
        subject = MULTIPLIER_SUBJECTS.get(f.rule, f.rule)
        if subject not in strongest or m > MULTIPLIERS[strongest[subject].rule]:
            strongest[subject] = f
    for subject, f in sorted(strongest.items()):
        m = MULTIPLIERS[f.rule]
        log_odds *= m
        multipliers.append({"rule": f.rule, "factor": m, "subject": subject, "reason": f.title})
    hard_stops = [
        {"finding": f.id, "rule": f.rule, "reason": f.hard_stop_reason or f.title}
        for f in items
        if f.hard_stop and f.status != "dismissed"
    ]
    contributions.sort(key=lambda c: -c["points"])
    value = scale(log_odds)
    return ScoreBreakdown(
        score=value,
        hard_stop=bool(hard_stops),
        band=band(value),
        hard_stops=hard_stops,
        contributions=contributions,
        considerations=considerations,
        multipliers=multipliers,
        log_odds=log_odds,
    )
