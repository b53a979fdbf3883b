"""Rule family ``rules.route``: consignees that do not consume the goods, free-trade zones and
transshipment on the route."""

from __future__ import annotations

from typing import Any

from ontology.countries import country_name
from ontology.free_trade_zones import find_free_trade_zone
from redflag.rules.base import Evidence, Finding, GraphPath, Rule, make_finding
from redflag.rules.context import Context, Party, as_list

FORWARDER_ROLES = frozenset({"freight_forwarder", "logistics"})
NON_CONSUMER_K16 = frozenset({"freight_forwarder", "logistics", "trading_company", "bank"})
NON_CONSUMER_DIV20 = frozenset({"freight_forwarder", "logistics", "bank"})
NAMED_HUB_CONFIDENCE = 1.0
FREE_ZONE_ONLY_CONFIDENCE = 0.6
"""DIV-11's confidence when no stop is a country the authorities name as a transshipment point (the 2023 tri-seal
note and the June 2022 FinCEN/BIS alert name countries; the country record's ``transshipment_hub``) and only a
free-trade zone on the route stands for one: a proxy (FATF, "Money Laundering Vulnerabilities of Free Trade
Zones", 2010), not a named point."""
THIRD_COUNTRY_ONLY_CONFIDENCE = 0.5
"""BIS-K11's confidence when the only abnormality is a transit through a third country (most shipments pass
some); a route that ends outside the destination keeps 0.8."""


def _consignees(ctx: Context) -> list[Party]:
    return ctx.parties_with(["consignee"])


def _kinds(ctx: Context, party: Party) -> set[str]:
    """What the party is: its entity roles plus the forwarding role it holds in this deal."""
    kinds = set(party.entity_roles)
    if "freight_forwarder" in party.roles_in_tx:
        kinds.add("freight_forwarder")
    return kinds


def _role_evidence(ctx: Context, party: Party, kinds: set[str]) -> Evidence:
    return ctx.record_evidence(f"{party.name}: consignee; known as {', '.join(sorted(kinds))}")


def _consignee_rule(ctx: Context, rule: str, roles: frozenset[str], what: str) -> list[Finding]:
    out = []
    end_users = {p.id for p in ctx.parties_with(["end_user"])}
    for c in _consignees(ctx):
        kinds = _kinds(ctx, c) & roles
        if not kinds:
            continue
        distinct = sorted(end_users - {c.id})
        note = (
            f"the declared end-user ({', '.join(ctx.party(i).name for i in distinct if ctx.party(i))}) is a different party, not the consignee"  # type: ignore[union-attr]
            if distinct
            else "no distinct end-user is named"
        )
        out.append(
            make_finding(
                ctx,
                rule,
                parties=[c.id],
                evidence=[_role_evidence(ctx, c, kinds)],
                path=ctx.path_to_party(c.id),
                explanation=f"The consignee {c.name} is {what} ({', '.join(sorted(kinds))}); {note}.",
                confidence=1.0,
            )
        )
    return out


def forwarder_final(ctx: Context) -> list[Finding]:
    return _consignee_rule(
        ctx, "BIS-K10", FORWARDER_ROLES, "a freight forwarder listed as the final destination"
    )


def non_consumer_k16(ctx: Context) -> list[Finding]:
    return _consignee_rule(ctx, "BIS-K16", NON_CONSUMER_K16, "a forwarder, trader, shipper or bank")


def non_consumer_div20(ctx: Context) -> list[Finding]:
    return _consignee_rule(ctx, "DIV-20", NON_CONSUMER_DIV20, "a business that does not consume such goods")


def country_label(country: dict[str, Any]) -> str:
    """A country node's display name: its own ``name``, else the country authority's, else its code."""
    cid = str(country.get("id") or "")
    return str(country.get("name") or country_name(cid) or cid)


def zone_label(zone: str) -> str:
    """A free-trade zone with the country it lies in ("Jebel Ali Free Zone, United Arab Emirates")."""
    known = find_free_trade_zone(zone)
    return f"{zone}, {country_name(known.country) or known.country}" if known else zone


def _stop_label(stop: dict[str, Any]) -> str:
    """A transit stop: its country, then its free-trade zones (which lie in that country) or "transshipment hub"."""
    zones = stop.get("free_trade_zone") or ""
    return country_label(stop["country"]) + (f" ({zones.replace(';', '; ')})" if zones else " (transshipment hub)")


def free_trade_zone(ctx: Context) -> list[Finding]:
    out = []
    for c in _consignees(ctx):
        zone = c.props.get("free_trade_zone")
        if not zone:
            continue
        out.append(
            make_finding(
                ctx,
                "BIS-K15",
                parties=[c.id],
                evidence=[ctx.record_evidence(f"{c.name} is registered in {zone}")],
                path=ctx.path_to_party(c.id),
                explanation=f"The consignee {c.name} is in a free-trade zone ({zone_label(str(zone))}).",
                confidence=1.0,
            )
        )
    return out


def _transit_path(ctx: Context, stops: list[dict[str, Any]]) -> GraphPath:
    path = ctx.tx_node(GraphPath())
    for s in stops:
        cid = str(s["country"]["id"])
        path.add_node(cid, country_label(s["country"]), ["Country"])
        text = f"transit {s.get('order')}: {country_label(s['country'])}" + (
            f" ({s['free_trade_zone']})" if s.get("free_trade_zone") else ""
        )
        path.add_rel("TRANSITS", ctx.tx_id, cid, [ctx.record_evidence(text)])
    return path


def transshipment(ctx: Context) -> list[Finding]:
    stops = [
        s
        for s in ctx.transits
        if s.get("free_trade_zone")
        or s["country"].get("transshipment_hub")
        or as_list(s["country"].get("free_trade_zones"))
    ]
    zone_stops = [s for s in stops if s.get("free_trade_zone") or s["country"].get("transshipment_hub")]
    if not zone_stops:
        return []
    names = ", ".join(_stop_label(s) for s in zone_stops)
    named = any(s["country"].get("transshipment_hub") for s in zone_stops)
    return [
        make_finding(
            ctx,
            "DIV-11",
            parties=[],
            evidence=[ctx.record_evidence(f"route passes {names}")],
            path=_transit_path(ctx, zone_stops),
            explanation=f"The route passes a common transshipment point: {names}."
            + ("" if named else " (a free-trade zone; the country is not one the authorities name)"),
            confidence=NAMED_HUB_CONFIDENCE if named else FREE_ZONE_ONLY_CONFIDENCE,
            key_extra="route",
        )
    ]


def abnormal_route(ctx: Context) -> list[Finding]:
    if not ctx.transits:
        return []
    exporter_countries: set[str] = set()
    for p in ctx.parties_with(["exporter"]):
        exporter_countries |= {str(c) for c in as_list(p.props.get("countries"))}
        exporter_countries |= ctx.entity_countries([p.id]).get(p.id, set())
    dest = ctx.destination_id
    reasons = []
    third = [s for s in ctx.transits if str(s["country"]["id"]) not in exporter_countries | {dest}]
    if third:
        reasons.append(
            "passes third countries: "
            + ", ".join(country_label(s["country"]) for s in third)
        )
    last = ctx.transits[-1]
    ends_elsewhere = bool(dest and str(last["country"]["id"]) != dest)
    if ends_elsewhere:
        reasons.append(
            f"ends in {country_label(last['country'])}, not in the destination {country_name(dest) or dest}"
        )
    if not reasons:
        return []
    return [
        make_finding(
            ctx,
            "BIS-K11",
            parties=[],
            evidence=[ctx.record_evidence("; ".join(reasons))],
            path=_transit_path(ctx, ctx.transits),
            explanation="The shipping route is abnormal for the destination: " + "; ".join(reasons) + ".",
            confidence=0.8 if ends_elsewhere else THIRD_COUNTRY_ONLY_CONFIDENCE,
            key_extra="route",
        )
    ]


RULES: dict[str, Rule] = {
    "BIS-K10": forwarder_final,
    "BIS-K11": abnormal_route,
    "BIS-K15": free_trade_zone,
    "BIS-K16": non_consumer_k16,
    "DIV-11": transshipment,
    "DIV-20": non_consumer_div20,
}
