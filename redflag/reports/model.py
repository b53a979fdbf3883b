"""Gather what a due-diligence report shows, from the graph and a fresh evaluation; no formatting here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.store import GraphStore
from redflag.rules import queries as Q
from redflag.rules.context import Context
from redflag.rules.engine import FlagReport, evaluate
from redflag.rules.item import SAFEGUARDS
from redflag.rules.safeguards import CLAUSES
from redflag.services.findings import decisions, resolutions

# The guidance's considerations, in its order (the ids are the catalog's guidanceConsideration notations).
CONSIDERATIONS = [
    ("item", "1. Consider the item"),
    ("third_parties", "2. Third-party due diligence"),
    ("red_flags", "3. Red flags"),
    ("mitigation", "4. Mitigation, before and after export"),
    ("grievances", "5. Grievance mechanisms and public reporting"),
]


@dataclass
class DueDiligenceReport:
    transaction: dict[str, Any]
    parties: list[dict[str, Any]]
    items: list[dict[str, Any]]
    contract: list[dict[str, Any]]
    flags: FlagReport
    checklist: dict[str, list[dict[str, Any]]]
    findings: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    generated: str
    considerations: list[tuple[str, str]] = field(default_factory=lambda: list(CONSIDERATIONS))
    # the list versions the parties were screened against, stale flag and warnings (Grounds.to_dict())
    grounds: dict[str, Any] = field(default_factory=dict)
    # the transaction's audit chain of resolutions and decisions (redflag.audit.transaction_chain.ChainStatus
    # as a dict with its one-line ``text``); empty when the caller did not verify it
    audit_chain: dict[str, Any] = field(default_factory=dict)


def _yes_no(value: Any) -> str:
    if value is None or value == "":
        return "not recorded"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def build_report(
    store: GraphStore, tx_id: str, as_of: date | None = None, grounds: dict[str, Any] | None = None,
    audit_chain: dict[str, Any] | None = None,
) -> DueDiligenceReport:
    flags = evaluate(store, tx_id, as_of)
    ctx = Context(store, tx_id, as_of)
    parties = [
        {
            "id": p.id,
            "name": p.name,
            "roles": list(p.roles_in_tx),
            "kind": ", ".join(sorted(p.entity_roles)) or str(p.props.get("schema") or ""),
            "countries": ", ".join(str(c) for c in (p.props.get("countries") or [])),
            "unscreened": bool(p.props.get("unscreened")),
        }
        for p in ctx.parties
    ]
    items = []
    for it in ctx.items:
        safeguards = [
            {"safeguard": label, "state": _yes_no(it.props.get(key))} for key, label in SAFEGUARDS.items()
        ]
        items.append(
            {
                "id": it.id,
                "name": it.name,
                "eccn": str(it.props.get("eccn") or ""),
                "capabilities": list(it.capabilities),
                "safeguards": safeguards,
                "gaps": [s["safeguard"] for s in safeguards if s["state"] != "yes"],
            }
        )
    contract = [{"clause": label, "state": _yes_no(ctx.tx.get(key))} for key, label in CLAUSES.items()]
    if ctx.reselling_customers():  # sold through an intermediary: do the clauses reach the end-user?
        contract.append({"clause": "the clauses bind the end-user (passed on by the customer)",
                         "state": _yes_no(ctx.tx.get("binds_end_user"))})
    by_consideration: dict[str, list[dict[str, Any]]] = {c: [] for c, _ in CONSIDERATIONS}
    for row in flags.checklist:
        by_consideration.setdefault(row["consideration"] or "red_flags", []).append(row)
    res = resolutions(store, [f.id for f in flags.findings])
    findings = []
    for f in flags.findings:
        d = f.to_dict()
        d["resolutions"] = res.get(f.id, [])
        findings.append(d)
    return DueDiligenceReport(
        transaction=dict(ctx.tx),
        parties=parties,
        items=items,
        contract=contract,
        flags=flags,
        checklist=by_consideration,
        findings=findings,
        decisions=decisions(store, tx_id),
        generated=(as_of or date.today()).isoformat(),
        grounds=dict(grounds or {}),
        audit_chain=dict(audit_chain or {}),
    )


def transaction_ids(store: GraphStore) -> list[str]:
    return [str(r["id"]) for r in store.run(Q.ALL_TRANSACTIONS)]
