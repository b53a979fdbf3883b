"""Rule family ``rules.enduser``: who really uses the item, and what is documented about them.

End-users are the declared ``end_user`` parties *and* the entities the counterparties' supply chains reach
(distributor -> forwarder -> integrator -> agency): the agency at the end of a diversion chain is the end-user
that matters. Each finding carries the path from the transaction to that entity.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from redflag.rules import country, taxonomy
from redflag.rules.base import Evidence, Finding, GraphPath, Rule, join_words, make_finding
from redflag.rules.context import (
    GOVERNMENT_ROLES,
    HR_PROGRAM_WORDS,
    SECURITY_ROLES,
    Context,
    EventFacts,
    as_list,
)

ACTOR_ROLES = frozenset({"actor", "perpetrator", "recipient", "user"})
HR_LIST_CODES = frozenset({"EL"})
"""Lists whose listing alone makes DOS-E3 ("end-user designated for human-rights abuse"): the catalog's definition
(ontology/redflags.ttl, rf:DOS-E3) names human-rights sanctions regimes and the Entity List (surveillance or
repression listings). The Military End-User list is not one: it names military end-users (15 CFR 744.21), not
abusers, and is scored as the licence requirement it is (BIS-K01)."""


def _roles(entity: dict[str, Any]) -> set[str]:
    return {str(r) for r in as_list(entity.get("roles"))}


def is_government(entity: dict[str, Any]) -> bool:
    return entity.get("schema") == "PublicBody" or bool(_roles(entity) & GOVERNMENT_ROLES)


def is_security_body(entity: dict[str, Any]) -> bool:
    return bool(_roles(entity) & SECURITY_ROLES) or (
        entity.get("schema") == "PublicBody"
        and any(
            w in str(entity.get("name") or "").lower()
            for w in ("security", "police", "intelligence", "military", "interior")
        )
    )


def _record_that(
    ctx: Context, entity: dict[str, Any], test: Callable[[dict[str, Any]], bool]
) -> tuple[dict[str, Any], str] | None:
    """The entity's own record if ``test`` holds for it, else the first record of its same-as cluster for which it
    holds, with the words saying which record that is and how it is linked (``of the record extracted from
    reports NAME, candidate duplicate (score S), not confirmed``): issue 14 item 4, a fact shown for a party
    comes from its own record or names the linked record it comes from."""
    if test(entity):
        return entity, ""
    for other in ctx.cluster_records(str(entity["id"])):
        if test(other):
            return other, ctx.record_of(str(entity["id"]), str(other["id"]))
    return None


def _recent(ctx: Context, ev: EventFacts) -> bool:
    when = ev.date
    if when is None:
        return True
    limit = date(ctx.as_of.year - ctx.options.abuse_lookback_years, ctx.as_of.month, min(ctx.as_of.day, 28))
    return when >= limit


def _abuse_events(ctx: Context, entity_id: str) -> list[EventFacts]:
    return [e for e in ctx.events([entity_id], ["abuse"]) if e.role in ACTOR_ROLES and _recent(ctx, e)]


def _event_path(
    path: GraphPath, ev: EventFacts, entity: dict[str, Any], evidence: list[Evidence]
) -> GraphPath:
    path.add_node(ev.id, str(ev.props.get("victim_group") or ev.props.get("type") or "event"), ["Event"])
    path.add_rel("PARTICIPANT", ev.id, str(entity["id"]), evidence)
    return path


def capability_match(ctx: Context, events: list[EventFacts]) -> dict[str, Any]:
    """The item's capabilities (with broader concepts) against the capabilities and abuse types of events."""
    item_caps = {c for item in ctx.items for c in item.capabilities}
    item_tree = taxonomy.with_broader(item_caps)
    served = taxonomy.abuse_types_served(item_caps)
    same_caps: set[str] = set()
    same_abuse: set[str] = set()
    for ev in events:
        ev_tree = taxonomy.with_broader(ev.capabilities)
        same_caps |= {c for c in ev.capabilities if c in item_tree or item_caps & ev_tree}
        same_abuse |= taxonomy.event_abuse_types(ev.props) & served
    return {
        "item_capabilities": sorted(item_caps),
        "abuse_capabilities": sorted({c for ev in events for c in ev.capabilities}),
        "matching_capabilities": sorted(same_caps),
        "matching_abuse_types": sorted(same_abuse),
        "match": bool(same_caps),
    }


def government_end_user(ctx: Context) -> list[Finding]:
    out = []
    for entity, path in ctx.end_users():
        reason = ""
        found = _record_that(ctx, entity, is_government)
        if found:
            record, via = found
            reason = f"{entity.get('name')} is a government body ({', '.join(sorted(_roles(record))) or record.get('schema')}" \
                + (f"; {via}" if via else "") + ")"
        else:
            record = entity
            for nodes, _rels in ctx.owner_chains([entity["id"]])[entity["id"]]:
                if is_government(nodes[0]):
                    reason = f"{entity.get('name')} is owned by the government body {nodes[0].get('name')}"
                    path = ctx.extend_path(GraphPath().merge(path), nodes, _rels, "OWNS")
                    break
        if reason:
            out.append(
                make_finding(
                    ctx,
                    "DOS-E1",
                    parties=[str(entity["id"])],
                    evidence=[
                        Evidence(
                            source="entity record", passage=reason, tier=None, status=str(_origin(record))
                        )
                    ],
                    path=path,
                    explanation=reason + ".",
                    confidence=1.0 if _origin(record) in ("list", "deal", "curated") else 0.7,
                )
            )
    return out


def _origin(entity: dict[str, Any]) -> str:
    origin = as_list(entity.get("origin"))
    if "list" in origin:
        return "curated"
    if "deal" in origin:
        return "record"
    return "extracted" if origin else "curated"


def documented_abuse(ctx: Context) -> list[Finding]:
    out = []
    for entity, path in ctx.end_users():
        events = _abuse_events(ctx, str(entity["id"]))
        if not events:
            continue
        evidence: list[Evidence] = []
        path = GraphPath().merge(path)
        for ev in events:
            ev_evidence = ctx.event_evidence(ev)
            evidence += ev_evidence
            _event_path(path, ev, entity, ev_evidence)
        if not evidence:
            continue
        match = capability_match(ctx, events)
        victims = sorted({str(ev.props.get("victim_group")) for ev in events if ev.props.get("victim_group")})
        text = f"{len(events)} report(s) of surveillance abuse by {entity.get('name')}"
        if victims:
            text += f" against {join_words(victims)}"
        if match["match"]:
            text += f"; the item's own capability was used: {join_words(taxonomy.label(c) for c in match['matching_capabilities'])}"
        elif match["matching_abuse_types"]:
            text += f"; the item can serve the same abuse: {join_words(match['matching_abuse_types'])}"
        out.append(
            make_finding(
                ctx,
                "DOS-E2",
                parties=[str(entity["id"])],
                evidence=evidence,
                path=path,
                explanation=text + ".",
                details={"capability_match": match, "events": [ev.id for ev in events]},
            )
        )
    return out


def designated_end_user(ctx: Context) -> list[Finding]:
    out = []
    users = ctx.end_users()
    listings = ctx.listings([str(e["id"]) for e, _ in users])
    for entity, path in users:
        hits = [
            h
            for h in listings.get(str(entity["id"]), [])
            if h.exact
            and (
                any(w in str(h.listing.get("program") or "").upper() for w in HR_PROGRAM_WORDS)
                or str(h.listing.get("list_code") or "").upper() in HR_LIST_CODES
            )
        ]
        leaders = [
            t
            for t in ctx.ties([str(entity["id"])])[str(entity["id"])]
            if t["type"] == "DIRECTOR_OF" and t["target"] == entity["id"]
        ]
        leader_hits = []
        if leaders:
            lmap = ctx.listings([str(t["node"]["id"]) for t in leaders])
            leader_hits = [
                (t, h)
                for t in leaders
                for h in lmap.get(str(t["node"]["id"]), [])
                if h.exact and any(w in str(h.listing.get("program") or "").upper() for w in HR_PROGRAM_WORDS)
            ]
        if not hits and not leader_hits:
            continue
        path = GraphPath().merge(path)
        evidence = [h.evidence() for h in hits]
        for t, h in leader_hits:
            path.add_node(str(t["node"]["id"]), str(t["node"].get("name")), ["Entity"])
            path.add_rel(
                "DIRECTOR_OF", str(t["node"]["id"]), str(entity["id"]), ctx.relation_evidence(t["rel"])
            )
            evidence.append(h.evidence())
        programs = sorted(
            {str(h.listing.get("program") or h.listing.get("list_code")) for h in hits}
            | {str(h.listing.get("program")) for _, h in leader_hits}
        )
        out.append(
            make_finding(
                ctx,
                "DOS-E3",
                parties=[str(entity["id"])],
                evidence=evidence,
                path=path,
                explanation=f"{entity.get('name')} or its leadership is designated ({join_words(programs)}) as of {ctx.list_date.isoformat()}.",
                hard_stop_reason=f"end-user {entity.get('name')} designated: {join_words(programs)}",
            )
        )
    return out


def prior_misuse(ctx: Context) -> list[Finding]:
    out = []
    evidence: list[Evidence] = []
    path = ctx.tx_node(GraphPath())
    parties: list[str] = []
    for entity, epath in ctx.end_users():
        for ev in _abuse_events(ctx, str(entity["id"])):
            ev_ev = ctx.event_evidence(ev)
            evidence += ev_ev
            path.merge(epath)
            _event_path(path, ev, entity, ev_ev)
            parties.append(str(entity["id"]))
    if ctx.destination_id:
        for ev in ctx.events([ctx.destination_id], ["abuse"]):
            if not _recent(ctx, ev):
                continue
            ev_ev = ctx.event_evidence(ev)
            evidence += ev_ev
            path.add_node(
                ctx.destination_id,
                str((ctx.destination or {}).get("name") or ctx.destination_id),
                ["Country"],
            )
            path.add_rel("DESTINED_FOR", ctx.tx_id, ctx.destination_id, [ctx.record_evidence("destination")])
            _event_path(path, ev, {"id": ctx.destination_id}, ev_ev)
    if evidence:
        out.append(
            make_finding(
                ctx,
                "EU-06",
                parties=parties,
                evidence=evidence,
                path=path,
                explanation=f"{len(evidence)} cited passage(s) report misuse for repression by the end-user or in the destination.",
                key_extra="misuse",
            )
        )
    return out


def security_user_repressive_destination(ctx: Context) -> list[Finding]:
    context = country.arbitrary_surveillance(ctx) + country.laws_of_concern(ctx)
    if not context:
        return []
    out = []
    for entity, path in ctx.end_users():
        found = _record_that(ctx, entity, is_security_body)
        if not found:
            continue
        record, via = found
        evidence = [
            Evidence(
                source="entity record",
                passage=f"{entity.get('name')}: {', '.join(sorted(_roles(record))) or record.get('schema')}"
                + (f" ({via})" if via else ""),
                status=_origin(record),
            )
        ]
        for f in context:
            evidence += f.evidence
            path = GraphPath().merge(path).merge(f.path)
        out.append(
            make_finding(
                ctx,
                "EU-11",
                parties=[str(entity["id"])],
                evidence=evidence,
                path=path,
                explanation=f"{entity.get('name')} is a security body, and the destination has documented repression ({'; '.join(f.explanation for f in context)})",
            )
        )
    return out


def spyware_client(ctx: Context) -> list[Finding]:
    if not ctx.destination_id:
        return []
    ids = [ctx.destination_id] + [str(e["id"]) for e, _ in ctx.end_users() if is_government(e)]
    events = [
        ev
        for ev in ctx.events(ids, ["supply", "abuse"])
        if "spyware" in taxonomy.with_broader(ev.capabilities)
        or any("spyware" in taxonomy.with_broader([c]) for c in ev.capabilities)
    ]
    if not events:
        return []
    evidence: list[Evidence] = []
    path = ctx.tx_node(GraphPath())
    path.add_node(
        ctx.destination_id, str((ctx.destination or {}).get("name") or ctx.destination_id), ["Country"]
    )
    path.add_rel("DESTINED_FOR", ctx.tx_id, ctx.destination_id, [ctx.record_evidence("destination")])
    for ev in events:
        ev_ev = ctx.event_evidence(ev)
        evidence += ev_ev
        path.add_node(ev.id, "spyware " + str(ev.props.get("type")), ["Event"])
        path.add_rel("PARTICIPANT", ev.id, ev.about, ev_ev)
    return [
        make_finding(
            ctx,
            "OTH-03",
            parties=[i for i in {ev.about for ev in events} if i != ctx.destination_id],
            evidence=evidence,
            path=path,
            explanation=f"{len(events)} report(s) identify the destination government or the end-user as a spyware client or operator.",
        )
    ]


RULES: dict[str, Rule] = {
    "DOS-E1": government_end_user,
    "DOS-E2": documented_abuse,
    "DOS-E3": designated_end_user,
    "EU-06": prior_misuse,
    "EU-11": security_user_repressive_destination,
    "OTH-03": spyware_client,
}
