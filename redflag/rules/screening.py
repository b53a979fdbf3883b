"""Rule family ``rules.screening``: parties against restricted lists, judged as of the ship date."""

from __future__ import annotations

import re

from ontology.list_meanings import meaning
from redflag.rules.base import Evidence, Finding, GraphPath, Rule, join_words, make_finding
from redflag.rules.context import Context, ListingHit, Party

SPYWARE_PROGRAM = re.compile(r"CYBER|14093|SPYWARE", re.IGNORECASE)


def _path(ctx: Context, party: Party, hit: ListingHit) -> GraphPath:
    path = ctx.path_to_party(party.id)
    if hit.via != "self":
        path.add_node(hit.listed_id, hit.listed_name, ["Entity"])
        path.add_rel(
            hit.via,
            party.id,
            hit.listed_id,
            [
                Evidence(
                    source="entity resolution",
                    passage=f"{party.name} ~ {hit.listed_name} (score {hit.score:.2f})",
                    tier=None,
                    status="curated" if hit.exact else "possible_match",
                    confidence=hit.score,
                )
            ],
        )
    lid = str(hit.listing.get("id") or f"{hit.listed_id}:{hit.listing.get('list_code')}")
    path.add_node(
        lid, f"{hit.listing.get('authority') or ''} {hit.listing.get('list_code') or ''}".strip(), ["Listing"]
    )
    path.add_rel("HAS_LISTING", hit.listed_id, lid, [hit.evidence()])
    return path


def _list_phrase(hits: list[ListingHit]) -> str:
    """``Non-SDN Chinese ... (NS-CMIC List) [CMIC-EO13959]: a securities restriction ...``, one per list."""
    by_code: dict[str, list[str]] = {}
    for h in hits:
        programs = by_code.setdefault(str(h.listing.get("list_code") or "?"), [])
        program = str(h.listing.get("program") or "")
        if program and program not in programs:
            programs.append(program)
    parts = []
    for code, programs in sorted(by_code.items()):
        m = meaning(code)
        tags = f" [{', '.join(programs)}]" if programs else ""
        parts.append(f"{m.label}{tags}: {m.summary}")
    return "; ".join(parts)


def restricted_party(ctx: Context) -> list[Finding]:
    """A counterparty on a list. Whether it stops the deal is what the list means for an export
    (ontology/data/list_meanings.csv): SDN, DPL, EL ... stop it; NS-CMIC, SSI ... are named for what they are."""
    out = []
    listings = ctx.listings([p.id for p in ctx.counterparties()])
    for party in ctx.counterparties():
        hits = listings.get(party.id, [])
        if not hits:
            continue
        exact = [h for h in hits if h.exact]
        chosen = exact or hits
        codes = sorted({str(h.listing.get("list_code") or "?") for h in chosen})
        stopping = sorted(
            {
                str(h.listing.get("list_code") or "?")
                for h in chosen
                if meaning(str(h.listing.get("list_code") or "")).stops(str(h.listing.get("remarks") or ""))
            }
        )
        linked = sorted({h.listed_name for h in exact if h.listed_id != party.id})
        how = (
            "is listed" + (f" (as {join_words(linked)}, confirmed the same entity)" if linked else "")
            if exact
            else f"possibly matches {chosen[0].listed_name} (score {chosen[0].score:.2f}; a candidate, not "
            "confirmed), listed"
        )
        path = _path(ctx, party, chosen[0])
        for h in chosen[1:]:
            path.merge(_path(ctx, party, h))
        names = ", ".join(meaning(c).label for c in stopping)
        out.append(
            make_finding(
                ctx,
                "BIS-K01",
                parties=[party.id],
                evidence=[h.evidence() for h in chosen],
                path=path,
                explanation=f"{party.name} ({join_words(party.roles_in_tx)}) {how} on {join_words(codes)} as of "
                f"{ctx.list_date.isoformat()}: {_list_phrase(chosen)}"
                + ("" if stopping else " Not an export hard stop."),
                hard_stop=bool(exact and stopping),
                hard_stop_reason=f"{party.name} is on {names} on the ship date" if exact and stopping else "",
                details={"lists": [_meaning_details(c) for c in codes]},
            )
        )
    return out


def _meaning_details(code: str) -> dict[str, object]:
    m = meaning(code)
    return {
        "list_code": code,
        "list_name": m.label,
        "effect": m.effect,
        "hard_stop": m.hard_stop,
        "citation": m.citation,
        "source_url": m.source_url,
    }


def unscreened_or_unidentified(ctx: Context) -> list[Finding]:
    out = []
    end_users = ctx.parties_with(["end_user"])
    if not end_users:
        out.append(
            make_finding(
                ctx,
                "EU-07",
                parties=[],
                evidence=[ctx.record_evidence("no party has the end_user role")],
                path=ctx.tx_node(GraphPath()),
                explanation="The deal names no end-user: the end-use cannot be assessed.",
                confidence=1.0,
                key_extra="no-end-user",
            )
        )
    for party in ctx.counterparties():
        if party.props.get("unscreened") is not True:
            continue
        others = ctx.cluster([party.id])[party.id]
        if any(ctx.link_to(party.id, o).startswith("confirmed") for o in others):
            continue  # identified: confirmed the same as a known record (the screening's match, say)
        candidates = [f"{ctx.record_name(o)} ({ctx.link_to(party.id, o)})" for o in sorted(others)]
        screened = str(party.props.get("screened_at") or "")
        state = (f"was screened against the lists ({screened[:10]}) but is not identified" if screened
                 else "has not been screened or identified")
        known = ("it is only a candidate duplicate of " + join_words(candidates)) if candidates \
            else "it matches no known entity"
        out.append(
            make_finding(
                ctx,
                "EU-07",
                parties=[party.id],
                evidence=[ctx.record_evidence(f"{party.name} entered from the deal file; {known}")],
                path=ctx.path_to_party(party.id),
                explanation=f"{party.name} ({join_words(party.roles_in_tx)}) {state}: {known}.",
                confidence=1.0,
            )
        )
    return out


def spyware_vendor(ctx: Context) -> list[Finding]:
    out = []
    listings = ctx.listings([p.id for p in ctx.counterparties()])
    for party in ctx.counterparties():
        hits = [
            h
            for h in listings.get(party.id, [])
            if SPYWARE_PROGRAM.search(str(h.listing.get("program") or ""))
        ]
        if not hits:
            continue
        out.append(
            make_finding(
                ctx,
                "OTH-06",
                parties=[party.id],
                evidence=[h.evidence() for h in hits],
                path=_path(ctx, party, hits[0]),
                explanation=f"{party.name} is designated under a spyware or cyber programme ({', '.join(sorted({str(h.listing.get('program')) for h in hits}))}).",
            )
        )
    return out


RULES: dict[str, Rule] = {
    "BIS-K01": restricted_party,
    "EU-07": unscreened_or_unidentified,
    "OTH-06": spyware_vendor,
}
