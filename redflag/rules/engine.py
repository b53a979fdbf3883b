"""Evaluate every rule of the catalog on one transaction and combine the findings into a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.store import GraphStore
from redflag.rules import queries as Q
from redflag.rules.base import Finding
from redflag.rules.checklist import checklist_findings, checklist_rows
from redflag.rules.context import Context, RuleOptions
from redflag.rules.registry import rules
from redflag.rules.score import ScoreBreakdown, score


@dataclass
class FlagReport:
    transaction: dict[str, Any]
    risk_score: float
    hard_stop: bool
    findings: list[Finding]
    checklist: list[dict[str, Any]]
    breakdown: ScoreBreakdown
    as_of: str
    list_date: str
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "transaction": self.transaction.get("id"),
            "title": self.transaction.get("title"),
            "risk_score": self.risk_score,
            "risk_band": self.breakdown.band,
            "hard_stop": self.hard_stop,
            "hard_stops": self.breakdown.hard_stops,
            "as_of": self.as_of,
            "lists_judged_on": self.list_date,
            "findings": [f.to_dict() for f in self.findings],
            "score": self.breakdown.to_dict(),
            "checklist": self.checklist,
            "errors": self.errors,
        }


_LEVEL_ORDER = {"hard-stop": 0, "high": 1, "medium": 2, "low": 3, "context": 4}


def evaluate(
    store: GraphStore,
    transaction_id: str,
    as_of: date | None = None,
    *,
    options: RuleOptions | None = None,
) -> FlagReport:
    """Run every rule on the transaction. Findings already resolved in the graph keep their latest status.

    ``as_of`` is the evaluation date (recency, monitoring); lists are judged as of the ship date.
    Raises ``TransactionNotFound`` for an unknown id.
    """
    ctx = Context(store, transaction_id, as_of, options)
    findings: list[Finding] = []
    for _flag_id, (_family, rule) in rules().items():
        findings.extend(rule(ctx))
    rows = checklist_rows(ctx)
    findings.extend(checklist_findings(ctx, rows))
    # keep one finding per id (a rule may reach the same party twice)
    unique: dict[str, Finding] = {}
    for f in findings:
        unique.setdefault(f.id, f)
    findings = list(unique.values())
    states = {r["f"]["id"]: r["f"] for r in store.run(Q.FINDING_STATES, {"tx": transaction_id})}
    for f in findings:
        f.status = str(states.get(f.id, {}).get("status") or "open")
    findings.sort(key=lambda f: (_LEVEL_ORDER[f.level], -f.confidence, f.rule, f.id))
    breakdown = score(findings, {p.id: p.roles_in_tx for p in ctx.parties})
    errors = [
        {"kind": "unregistered_item", "item": it.id,
         "message": f"item {it.name!r} is not in the item register: its item flags (capabilities, classification, "
                    "safeguards) were not evaluated; register it with `redflag items import FILE`"}
        for it in ctx.items if not it.props.get("registered")
    ]  # fmt: skip
    return FlagReport(
        transaction=ctx.tx,
        risk_score=breakdown.score,
        hard_stop=breakdown.hard_stop,
        findings=findings,
        checklist=rows,
        breakdown=breakdown,
        as_of=ctx.as_of.isoformat(),
        list_date=ctx.list_date.isoformat(),
        errors=errors,
    )
