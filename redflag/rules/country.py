"""Rule family ``rules.country``: the destination's human-rights context (Freedom House indicators,
shutdown records, transnational-repression events)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ontology.countries import country_name
from redflag.rules import taxonomy
from redflag.rules.base import Evidence, Finding, GraphPath, Rule, make_finding
from redflag.rules.context import Context, parse_date

# Thresholds on Freedom in the World (0-4 sub-scores): <= 1 means "little or none".
SUBSCORE_CONCERN = 1.0


def _num(ind: dict[str, Any] | None) -> float | None:
    if ind is None:
        return None
    try:
        return float(ind["value"])
    except (TypeError, ValueError):
        return None


def _country_path(ctx: Context, indicators: list[dict[str, Any]]) -> GraphPath:
    path = ctx.tx_node(GraphPath())
    dest = ctx.destination or {}
    cid = ctx.destination_id
    name = str(dest.get("name") or country_name(cid) or cid)
    path.add_node(cid, name, ["Country"])
    path.add_rel("DESTINED_FOR", ctx.tx_id, cid, [ctx.record_evidence(f"destination {name}")])
    for ind in indicators:
        iid = str(ind.get("id") or f"{cid}:{ind.get('indicator')}")
        path.add_node(iid, f"{ind.get('indicator')} = {ind.get('value')}", ["Indicator"])
        path.add_rel("HAS_INDICATOR", cid, iid, [ctx.indicator_evidence(ind)])
    return path


def _country_finding(
    ctx: Context,
    rule: str,
    indicators: list[dict[str, Any]],
    reasons: list[str],
    extra: list[Evidence] | None = None,
) -> Finding:
    name = (ctx.destination or {}).get("name") or country_name(ctx.destination_id) or ctx.destination_id
    return make_finding(
        ctx,
        rule,
        parties=[],
        evidence=[ctx.indicator_evidence(i) for i in indicators] + list(extra or []),
        path=_country_path(ctx, indicators),
        explanation=f"{name}: " + "; ".join(reasons) + ".",
        key_extra=ctx.destination_id,
    )


def laws_of_concern(ctx: Context) -> list[Finding]:
    hits: list[dict[str, Any]] = []
    reasons: list[str] = []
    status = ctx.indicator("fiw_status")
    if status is not None and str(status.get("value")).upper() == "NF":
        hits.append(status)
        reasons.append("rated Not Free by Freedom in the World")
    e2 = ctx.indicator("fiw_E2")
    e2_value = _num(e2)
    if e2 is not None and e2_value is not None and e2_value <= SUBSCORE_CONCERN:
        hits.append(e2)
        reasons.append(f"freedom for NGOs and human-rights groups scored {e2_value:g}/4")
    return [_country_finding(ctx, "DOS-D1", hits, reasons)] if hits else []


def no_independent_judiciary(ctx: Context) -> list[Finding]:
    f1 = ctx.indicator("fiw_F1")
    value = _num(f1)
    if f1 is None or value is None or value > SUBSCORE_CONCERN:
        return []
    return [_country_finding(ctx, "DOS-D2", [f1], [f"judicial independence (FIW F1) scored {value:g}/4"])]


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def arbitrary_surveillance(ctx: Context) -> list[Finding]:
    hits: list[dict[str, Any]] = []
    reasons: list[str] = []
    d4 = ctx.indicator("fiw_D4")
    d4_value = _num(d4)
    if d4 is not None and d4_value is not None and d4_value <= SUBSCORE_CONCERN:
        hits.append(d4)
        reasons.append(f"freedom of expression without fear of surveillance (FIW D4) scored {d4_value:g}/4")
    for ind in ctx.indicators():
        if ind.get("indicator") != "shutdown":
            continue
        when = parse_date(ind.get("start_date") or ind.get("value"))
        if when is not None and 0 <= _months_between(when, ctx.as_of) <= ctx.options.shutdown_lookback_months:
            hits.append(ind)
            reasons.append(f"internet shutdown recorded on {when.isoformat()}")
    return [_country_finding(ctx, "DOS-D3", hits, reasons)] if hits else []


def transnational_repression(ctx: Context) -> list[Finding]:
    if not ctx.destination_id:
        return []
    out = []
    for ev in ctx.events([ctx.destination_id], ["abuse"]):
        if "transnational_repression" not in taxonomy.event_abuse_types(ev.props):
            continue
        evidence = ctx.event_evidence(ev)
        path = _country_path(ctx, [])
        path.add_node(ev.id, str(ev.props.get("victim_group") or "transnational repression"), ["Event"])
        path.add_rel("PARTICIPANT", ev.id, ctx.destination_id, evidence)
        out.append(
            make_finding(
                ctx,
                "DOS-D4",
                parties=[],
                evidence=evidence,
                path=path,
                explanation=f"A report ties the destination's government to transnational repression ({ev.props.get('victim_group') or 'diaspora targeted'}).",
                key_extra=ev.id,
            )
        )
    return out


RULES: dict[str, Rule] = {
    "DOS-D1": laws_of_concern,
    "DOS-D2": no_independent_judiciary,
    "DOS-D3": arbitrary_surveillance,
    "DOS-D4": transnational_repression,
}
