"""Rule family ``rules.safeguards``: contract clauses the guidance recommends (DOS-S2)."""

from __future__ import annotations

from redflag.rules.base import Finding, GraphPath, Rule, make_finding
from redflag.rules.context import Context

CLAUSES = {
    "use_limits": "limits on use",
    "termination": "the exporter's right to terminate",
    "update_denial": "the right to deny updates",
    "remote_disable": "the right to disable remotely",
}


def _state(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "yes", "1")


def missing_clauses(ctx: Context) -> list[Finding]:
    refused = [k for k in CLAUSES if _state(ctx.tx.get(k)) is False]
    unknown = [k for k in CLAUSES if _state(ctx.tx.get(k)) is None]
    if not refused and not unknown:
        return []
    parts = []
    if refused:
        parts.append("not in the contract: " + ", ".join(CLAUSES[k] for k in refused))
    if unknown:
        parts.append("not recorded: " + ", ".join(CLAUSES[k] for k in unknown))
    counterparties = [p.id for p in ctx.parties_with(["customer", "end_user"])]
    return [
        make_finding(
            ctx,
            "DOS-S2",
            parties=counterparties,
            evidence=[ctx.record_evidence("; ".join(parts))],
            path=ctx.tx_node(GraphPath()),
            explanation="Human-rights safeguard clauses are missing (" + "; ".join(parts) + ").",
            confidence=1.0 if refused else 0.5,
            key_extra="contract",
        )
    ]


RULES: dict[str, Rule] = {"DOS-S2": missing_clauses}
