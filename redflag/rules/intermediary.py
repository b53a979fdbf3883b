"""Rule family ``rules.intermediary``: resellers, distributors and forwarders whose supply chains reach
abusive or listed end-users (DOS-S1)."""

from __future__ import annotations

from redflag.rules.base import Evidence, Finding, GraphPath, Rule, join_words, make_finding
from redflag.rules.context import INTERMEDIARY_ROLES, Context


def diversion_history(ctx: Context) -> list[Finding]:
    out = []
    intermediaries = [p for p in ctx.parties_with(INTERMEDIARY_ROLES) if "end_user" not in p.roles_in_tx]
    chains = ctx.reach([p.id for p in intermediaries])
    for party in intermediaries:
        reasons: list[str] = []
        evidence: list[Evidence] = []
        path = ctx.path_to_party(party.id)
        ends = {
            str(steps[-1]["target"]["id"]): steps for steps in sorted(chains[party.id], key=lambda c: -len(c))
        }
        listings = ctx.listings(list(ends))
        for end_id, steps in sorted(ends.items()):
            nodes = [steps[0]["source"]] + [st["target"] for st in steps]
            abuses = [
                e
                for e in ctx.events([end_id], ["abuse"])
                if e.role in ("actor", "perpetrator", "recipient", "user")
            ]
            listed = [h for h in listings.get(end_id, []) if h.exact]
            if not abuses and not listed:
                continue
            ctx.add_steps(path, steps)
            chain = ctx.chain_text(steps)
            evidence += [
                e for st in steps if st["type"] == "SUPPLIED" for e in ctx.relation_evidence(st["rel"])
            ]
            for ev in abuses:
                ev_ev = ctx.event_evidence(ev)
                evidence += ev_ev
                path.add_node(ev.id, str(ev.props.get("victim_group") or "abuse"), ["Event"])
                path.add_rel("PARTICIPANT", ev.id, end_id, ev_ev)
            evidence += [h.evidence() for h in listed]
            what = []
            if abuses:
                what.append(f"{len(abuses)} documented abuse report(s)")
            if listed:
                via = sorted({h.listed_name for h in listed if h.listed_id != end_id})
                what.append("listed " + join_words(sorted({str(h.listing.get("list_code")) for h in listed}))
                            + (f" (as {join_words(via)}, confirmed the same entity)" if via else ""))
            reasons.append(f"{chain} reaches {nodes[-1].get('name')} ({'; '.join(what)})")
        reexports = ctx.events([party.id], ["reexport"])
        for ev in reexports:
            ev_ev = ctx.event_evidence(ev)
            evidence += ev_ev
            path.add_node(ev.id, "re-export", ["Event"])
            path.add_rel("PARTICIPANT", ev.id, party.id, ev_ev)
            reasons.append("reported re-export")
        if not reasons:
            continue
        out.append(
            make_finding(
                ctx,
                "DOS-S1",
                parties=[party.id],
                evidence=evidence,
                path=GraphPath().merge(path),
                explanation=f"{party.name} ({join_words(party.roles_in_tx)}): " + "; ".join(reasons) + ".",
            )
        )
    return out


RULES: dict[str, Rule] = {"DOS-S1": diversion_history}
