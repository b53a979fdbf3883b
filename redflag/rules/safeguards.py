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
    out = _not_binding_the_end_user(ctx)
    if not refused and not unknown:
        return out
    parts = []
    if refused:
        parts.append("not in the contract: " + ", ".join(CLAUSES[k] for k in refused))
    if unknown:
        parts.append("not recorded: " + ", ".join(CLAUSES[k] for k in unknown))
    counterparties = [p.id for p in ctx.parties_with(["customer", "end_user"])]
    return out + [
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


def _not_binding_the_end_user(ctx: Context) -> list[Finding]:
    """Clauses agreed with an intermediary customer bind the end-user only if that customer passes them on.

    The guidance's safeguards (limits on use, termination, update denial, remote disable) protect against misuse
    by the end-user; a contract with a distributor that sells on binds the distributor alone. When the customer is
    not the end-user and the deal does not record ``binds_end_user``, the clauses' reach is unknown: a DOS-S2
    finding about the end-user, at the confidence of an unrecorded clause (0.5), as for any clause not recorded.
    """
    agreed = [k for k in CLAUSES if _state(ctx.tx.get(k)) is True]
    if not agreed or _state(ctx.tx.get("binds_end_user")) is True:
        return []
    end_users = ctx.parties_with(["end_user"])
    sellers_on = ctx.reselling_customers()
    if not end_users or not sellers_on:
        return []
    clauses = ", ".join(CLAUSES[k] for k in agreed)
    who = ", ".join(f"{p.name} ({', '.join(p.roles_in_tx)})" for p in sellers_on)
    users = ", ".join(p.name for p in end_users)
    text = (f"The safeguard clauses ({clauses}) are agreed with {who}, not with the end-user {users}; the deal does "
            "not record that they bind the end-user (binds_end_user), so they may not reach where the item is used.")
    return [
        make_finding(
            ctx,
            "DOS-S2",
            parties=[p.id for p in end_users],
            evidence=[ctx.record_evidence(text)],
            path=ctx.tx_node(GraphPath()),
            explanation=text,
            confidence=0.5,
            key_extra="flow-down",
        )
    ]


RULES: dict[str, Rule] = {"DOS-S2": missing_clauses}
