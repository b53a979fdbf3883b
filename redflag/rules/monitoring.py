"""Rule family ``rules.monitoring``: new evidence of misuse after shipment while support continues (DOS-P1)."""

from __future__ import annotations

from datetime import date

from redflag.rules import enduser
from redflag.rules.base import Evidence, Finding, GraphPath, Rule, make_finding
from redflag.rules.context import Context, EventFacts, parse_date


def _shipped(ctx: Context) -> bool:
    status = str(ctx.tx.get("status") or "").lower()
    return status == "shipped" or (
        ctx.ship_date is not None and ctx.ship_date <= ctx.as_of and status != "refused"
    )


def _event_when(ctx: Context, ev: EventFacts, evidence: list[Evidence]) -> date | None:
    """When the misuse became known: the event's date, else the latest publication of its evidence."""
    dates = [d for d in (parse_date(e.published) for e in evidence) if d is not None]
    if ev.date is not None:
        dates.append(ev.date)
    return max(dates) if dates else None


def misuse_after_shipment(ctx: Context) -> list[Finding]:
    if not _shipped(ctx) or ctx.ship_date is None:
        return []
    support = str(ctx.tx.get("support_status") or "none").lower()
    if support != "active":
        return []
    out = []
    for entity, path in ctx.end_users():
        evidence: list[Evidence] = []
        p = GraphPath().merge(path)
        events = []
        for ev in ctx.events([str(entity["id"])], ["abuse"]):
            if ev.role not in enduser.ACTOR_ROLES:
                continue
            ev_ev = ctx.event_evidence(ev)
            when = _event_when(ctx, ev, ev_ev)
            if when is None or when <= ctx.ship_date or not ev_ev:
                continue
            events.append(ev)
            evidence += ev_ev
            p.add_node(ev.id, str(ev.props.get("victim_group") or "abuse"), ["Event"])
            p.add_rel("PARTICIPANT", ev.id, str(entity["id"]), ev_ev)
        if not events:
            continue
        out.append(
            make_finding(
                ctx,
                "DOS-P1",
                parties=[str(entity["id"])],
                evidence=evidence,
                path=p,
                explanation=f"{len(events)} new report(s) of misuse by {entity.get('name')} after the ship date "
                f"({ctx.ship_date.isoformat()}) while support is active: consider suspending updates and support.",
                details={
                    "events": [e.id for e in events],
                    "capability_match": enduser.capability_match(ctx, events),
                },
            )
        )
    return out


RULES: dict[str, Rule] = {"DOS-P1": misuse_after_shipment}
