"""Rule family ``rules.ownership``: owners, officers, links and addresses that tie a party to a listed one.

Subjects are the counterparties and the entities their supply chains reach. Ownership is aggregated the
OFAC way: shares multiply along a chain and add up over chains. Ties are explored breadth-first over
OWNS, DIRECTOR_OF, LINKED_TO and shared addresses, up to three edges (so "shares a director with the owner
of a listed company" is found), and every edge on the way keeps its evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ontology.list_meanings import meaning
from redflag.rules.base import Evidence, Finding, GraphPath, Rule, join_words, make_finding
from redflag.rules.context import Context, ListingHit, as_list

SPYWARE_WORDS = re.compile(r"spyware|cyber|surveil|intercept|intrusion|exploit", re.IGNORECASE)
TIE_DEPTH = 3


def share_of(rel: dict[str, Any]) -> float | None:
    """An OWNS share as a fraction (accepts 0-1 or 0-100)."""
    raw = rel.get("share")
    if raw is None or raw == "":
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    return value / 100.0 if value > 1.0 else value


@dataclass
class Tie:
    """A listed entity reached from a subject over tie edges."""

    subject: dict[str, Any]
    listed: dict[str, Any]
    hits: list[ListingHit]
    steps: list[dict[str, Any]]  # each: {type, source, target, rel, node}


def find_ties(ctx: Context, subject: dict[str, Any]) -> list[Tie]:
    """Listed entities within TIE_DEPTH tie edges of ``subject`` (not the subject itself)."""
    start = str(subject["id"])
    seen = {start}
    frontier: list[tuple[str, str, list[dict[str, Any]]]] = [(start, "Entity", [])]
    found: list[Tie] = []
    for _depth in range(TIE_DEPTH):
        ent = [f[0] for f in frontier if f[1] == "Entity"]
        adr = [f[0] for f in frontier if f[1] == "Address"]
        nbrs = ctx.ties(ent, addresses=adr)
        nxt: list[tuple[str, str, list[dict[str, Any]]]] = []
        for node_id, _label, steps in frontier:
            for t in nbrs.get(node_id, []):
                other = t["node"]
                oid = str(other.get("id"))
                if oid in seen:
                    continue
                seen.add(oid)
                label = "Address" if "Address" in t["labels"] else "Entity"
                nxt.append((oid, label, [*steps, t]))
        ent_ids = [n[0] for n in nxt if n[1] == "Entity"]
        listings = ctx.listings(ent_ids)
        for oid, label, steps in nxt:
            hits = [h for h in listings.get(oid, []) if h.exact] if label == "Entity" else []
            if hits:
                found.append(Tie(subject, steps[-1]["node"], hits, steps))
        frontier = nxt
    return found


def _tie_path(ctx: Context, base: GraphPath, tie: Tie) -> GraphPath:
    path = GraphPath().merge(base)
    prev = str(tie.subject.get("id"))
    for s in tie.steps:
        holder = str(s.get("holder") or prev)
        if holder != prev:  # the tie is a same-as record's: the hop to that record is on the path, as it is
            path.add_node(holder, ctx.record_name(holder), ["Entity"])
            path.add_rel("SAME_AS" if ctx.link_to(prev, holder).startswith("confirmed") else "POSSIBLY_SAME_AS",
                         prev, holder, [Evidence(source="entity resolution", passage=ctx.link_to(prev, holder),
                                                 status="curated" if ctx.link_to(prev, holder).startswith("confirmed")
                                                 else "possible_match")])
        n = s["node"]
        prev = str(n.get("id"))
        path.add_node(str(n.get("id")), str(n.get("name") or n.get("text") or n.get("id")), s["labels"])
        path.add_rel(s["type"], str(s["source"]), str(s["target"]), ctx.relation_evidence(s["rel"]))
    lst = tie.hits[0].listing
    lid = str(lst.get("id") or f"{tie.listed.get('id')}:{lst.get('list_code')}")
    path.add_node(lid, f"{lst.get('authority') or ''} {lst.get('list_code') or ''}".strip(), ["Listing"])
    path.add_rel("HAS_LISTING", str(tie.listed.get("id")), lid, [tie.hits[0].evidence()])
    return path


def _describe(ctx: Context, tie: Tie) -> str:
    """The tie's steps in words; a step that belongs to a same-as record of the node before it says whose it is
    and how that record is linked (confirmed, or only a candidate)."""
    parts = []
    prev = str(tie.subject.get("id"))
    for s in tie.steps:
        n = s["node"]
        holder = str(s.get("holder") or prev)
        whose = f" ({ctx.record_of(prev, holder)})" if holder != prev else ""
        parts.append(f"{s['type']} {n.get('name') or n.get('text') or n.get('id')}{whose}")
        prev = str(n.get("id"))
    return " -> ".join(parts)


@dataclass
class Control:
    subject: dict[str, Any]
    share: float
    owners: list[str]
    chains: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]
    hits: list[ListingHit]


def listed_ownership(ctx: Context, subject: dict[str, Any], *, blocking_only: bool) -> Control | None:
    """Aggregate share of ``subject`` held (directly or indirectly) by listed owners."""
    sid = str(subject["id"])
    chains = ctx.owner_chains([sid])[sid]
    owners = ctx.listings([str(nodes[0]["id"]) for nodes, _ in chains])
    total = 0.0
    used, names, hits = [], [], []
    for nodes, rels in chains:
        owner = str(nodes[0]["id"])
        valid = [h for h in owners.get(owner, []) if h.exact]
        if blocking_only:
            # the OFAC 50% rule follows blocking lists only (ontology/data/list_meanings.csv: blocking)
            valid = [h for h in valid if meaning(str(h.listing.get("list_code") or "")).blocking]
        if not valid:
            continue
        eff = 1.0
        for r in rels:
            s = share_of(r)
            eff *= s if s is not None else 0.0
        if eff <= 0:
            continue
        total += eff
        used.append((nodes, rels))
        names.append(str(nodes[0].get("name") or owner))
        hits += valid
    if not used:
        return None
    return Control(subject, min(total, 1.0), sorted(set(names)), used, hits)


def _control_path(ctx: Context, base: GraphPath, control: Control) -> GraphPath:
    path = GraphPath().merge(base)
    for nodes, rels in control.chains:
        ctx.extend_path(path, nodes, rels, "OWNS")
    return path


def ofac_fifty(ctx: Context) -> list[Finding]:
    out = []
    for subject, base in ctx.subjects():
        c = listed_ownership(ctx, subject, blocking_only=True)
        if c is None or c.share < ctx.options.ownership_control:
            continue
        ev = [h.evidence() for h in c.hits] + [
            e for nodes, rels in c.chains for r in rels for e in ctx.relation_evidence(r)
        ]
        out.append(
            make_finding(
                ctx,
                "OTH-01",
                parties=[str(subject["id"])],
                evidence=ev,
                path=_control_path(ctx, base, c),
                explanation=f"{subject.get('name')} is {c.share:.0%} owned, in aggregate, by sanctioned owner(s): {join_words(c.owners)}.",
                hard_stop_reason=f"{subject.get('name')} blocked by ownership ({c.share:.0%} by {join_words(c.owners)})",
            )
        )
    return out


def ties_to_listed(ctx: Context) -> list[Finding]:
    out = []
    for subject, base in ctx.subjects():
        reasons: list[str] = []
        evidence: list[Evidence] = []
        path = GraphPath().merge(base)
        hard = False
        c = listed_ownership(ctx, subject, blocking_only=False)
        if c is not None and c.share >= ctx.options.ownership_significant:
            reasons.append(f"{c.share:.0%} owned by listed {join_words(c.owners)}")
            evidence += [h.evidence() for h in c.hits]
            path = _control_path(ctx, path, c)
            hard = c.share >= ctx.options.ownership_control and ctx.options.affiliates_rule_active
        for tie in find_ties(ctx, subject):
            reasons.append(f"tied to listed {tie.listed.get('name')} ({_describe(ctx, tie)})")
            evidence += [tie.hits[0].evidence()] + [
                e for s in tie.steps for e in ctx.relation_evidence(s["rel"])
            ]
            path = _tie_path(ctx, path, tie)
        if not reasons:
            continue
        out.append(
            make_finding(
                ctx,
                "BIS-K18",
                parties=[str(subject["id"])],
                evidence=evidence,
                path=path,
                explanation=f"{subject.get('name')}: " + "; ".join(reasons) + ".",
                hard_stop=hard,
                hard_stop_reason="ownership of 50% or more by a listed party while the affiliates rule is active"
                if hard
                else "",
            )
        )
    return out


def spyware_vendor_ties(ctx: Context) -> list[Finding]:
    out = []
    for subject, base in ctx.subjects():
        direct = [
            h
            for h in ctx.listings([str(subject["id"])])[str(subject["id"])]
            if h.exact and _spyware_listing(h, subject)
        ]
        ties = [t for t in find_ties(ctx, subject) if any(_spyware_listing(h, t.listed) for h in t.hits)]
        ties = [
            t for t in ties if len([s for s in t.steps if "Entity" in s["labels"]]) <= 2 or len(t.steps) <= 2
        ]
        if not direct and not ties:
            continue
        path = GraphPath().merge(base)
        evidence = [h.evidence() for h in direct]
        reasons = [f"is itself listed ({direct[0].listing.get('list_code')})"] if direct else []
        for t in ties:
            path = _tie_path(ctx, path, t)
            evidence += [t.hits[0].evidence()] + [e for s in t.steps for e in ctx.relation_evidence(s["rel"])]
            reasons.append(f"{_describe(ctx, t)} (listed surveillance vendor)")
        out.append(
            make_finding(
                ctx,
                "OTH-02",
                parties=[str(subject["id"])],
                evidence=evidence,
                path=path,
                explanation=f"{subject.get('name')} " + "; ".join(reasons) + ".",
            )
        )
    return out


def _spyware_listing(hit: ListingHit, entity: dict[str, Any]) -> bool:
    if str(hit.listing.get("list_code") or "").upper() != "EL":
        return False
    text = " ".join(
        str(x) for x in (hit.listing.get("program"), hit.listing.get("reason"), entity.get("name"))
    )
    return bool(SPYWARE_WORDS.search(text)) or "vendor" in {str(r) for r in as_list(entity.get("roles"))}


def obscure_ownership(ctx: Context) -> list[Finding]:
    out = []
    for subject, base in ctx.subjects():
        sid = str(subject["id"])
        reasons: list[str] = []
        used: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = []
        for nodes, rels in ctx.owner_chains([sid])[sid]:
            why = []
            if len(rels) >= 3:
                why.append(f"{len(rels)} layers of ownership")
            if any(share_of(r) is None for r in rels):
                why.append("undisclosed share")
            if any(n.get("free_trade_zone") for n in nodes[:-1]):
                why.append("owner registered in a free-trade zone")
            if any(n.get("schema") == "LegalEntity" and not as_list(n.get("countries")) for n in nodes[:-1]):
                why.append("owner of unknown kind and jurisdiction")
            if why:
                used.append((nodes, rels))
                reasons.append(f"via {' -> '.join(str(n.get('name')) for n in nodes)}: {join_words(why)}")
        if not used:
            continue
        path = GraphPath().merge(base)
        for nodes, rels in used:
            ctx.extend_path(path, nodes, rels, "OWNS")
        out.append(
            make_finding(
                ctx,
                "DIV-01",
                parties=[sid],
                evidence=[e for _, rels in used for r in rels for e in ctx.relation_evidence(r)],
                path=path,
                explanation=f"{subject.get('name')}: " + "; ".join(reasons) + ".",
            )
        )
    return out


def shared_addresses(ctx: Context) -> list[Finding]:
    out = []
    for subject, base in ctx.subjects():
        sid = str(subject["id"])
        addr_ties = [t for t in ctx.ties([sid])[sid] if t["type"] == "HAS_ADDRESS"]
        same = set(ctx.with_aliases([sid]))
        if not addr_ties:
            continue
        shared = ctx.ties([], addresses=[str(t["node"]["id"]) for t in addr_ties])
        reasons: list[str] = []
        path = GraphPath().merge(base)
        evidence: list[Evidence] = []
        done: set[str] = set()
        for t in addr_ties:
            a = t["node"]
            aid = str(a["id"])
            others = [o for o in shared.get(aid, []) if str(o["node"].get("id")) not in same]
            residential = bool(a.get("residential"))
            if not others and not residential:
                continue
            holder = str(t.get("holder") or sid)
            if aid in done:
                continue
            done.add(aid)
            if any(str(x["node"]["id"]) == aid and str(x.get("holder") or sid) == sid for x in addr_ties):
                holder = sid  # the subject's own record has it too
            # an address of a same-as record, not of the subject's own: say whose, and how it is linked
            whose = "" if holder == sid else f" ({ctx.record_of(sid, holder)})"
            if holder != sid:
                path.add_node(holder, ctx.record_name(holder), ["Entity"])
            path.add_node(aid, str(a.get("text") or aid), ["Address"])
            path.add_rel("HAS_ADDRESS", holder, aid, ctx.relation_evidence(t["rel"]))
            if residential:
                reasons.append(f"residential address {a.get('text')}{whose}")
            for o in others:
                path.add_node(str(o["node"]["id"]), str(o["node"].get("name")), ["Entity"])
                path.add_rel("HAS_ADDRESS", str(o["node"]["id"]), aid, ctx.relation_evidence(o["rel"]))
            if others:
                reasons.append(
                    f"address {a.get('text')}{whose} shared with "
                    + join_words(str(o["node"].get("name")) for o in others)
                )
            evidence.append(
                Evidence(
                    source="address records", passage=str(a.get("text") or aid), tier=None, status="curated"
                )
            )
        if not reasons:
            continue
        out.append(
            make_finding(
                ctx,
                "DIV-09",
                parties=[sid],
                evidence=evidence,
                path=path,
                explanation=f"{subject.get('name')}: " + "; ".join(reasons) + ".",
            )
        )
    return out


RULES: dict[str, Rule] = {
    "BIS-K18": ties_to_listed,
    "OTH-01": ofac_fifty,
    "OTH-02": spyware_vendor_ties,
    "DIV-01": obscure_ownership,
    "DIV-09": shared_addresses,
}
