"""Rule family ``rules.item``: what the item can do and which safeguards it has (consideration 1)."""

from __future__ import annotations

from redflag.rules import taxonomy
from redflag.rules.base import Evidence, Finding, GraphPath, Rule, join_words, make_finding
from redflag.rules.context import Context, ItemFacts

# Design safeguards the 2019 draft guidance recommends, as Item properties.
SAFEGUARDS = {
    "misuse_alerts": "alerts the exporter to misuse",
    "deployment_tracking": "tracks where it is deployed",
    "strip_capabilities": "capabilities can be stripped before export",
    "auto_delete": "deletes collected data automatically",
    "remote_disable": "can be disabled remotely",
    "audit_logging": "keeps an audit log",
    "geofencing": "limits use to a geographic area",
}
# Control-list entries for cyber-surveillance items (intrusion software, IP network surveillance,
# interception): ECCN prefixes of the Wassenaar categories as implemented by BIS and EU Annex I.
LISTED_ECCN_PREFIXES = ("4A005", "4D004", "4E001.C", "5A001.J", "5D001.E", "5E001.J", "5A001.F", "5D001.C")


def _item_path(ctx: Context, item: ItemFacts) -> GraphPath:
    path = ctx.tx_node(GraphPath())
    path.add_node(item.id, item.name, ["Item"])
    path.add_rel("INCLUDES", ctx.tx_id, item.id, [ctx.record_evidence(f"the deal includes {item.name}")])
    return path


def _with_caps(ctx: Context, item: ItemFacts, caps: list[str]) -> GraphPath:
    path = _item_path(ctx, item)
    for cid in caps:
        if cid in item.capabilities:
            path.add_node(cid, taxonomy.label(cid), ["Capability"])
            path.add_rel(
                "HAS_CAPABILITY",
                item.id,
                cid,
                [
                    Evidence(
                        source="item record",
                        passage=f"{item.name}: {taxonomy.label(cid)}",
                        tier=1,
                        status="record",
                    )
                ],
            )
    return path


def _makers(item: ItemFacts) -> list[str]:
    return [m["id"] for m in item.makers]


def in_scope(ctx: Context) -> list[Finding]:
    out = []
    for item in ctx.items:
        caps = sorted(
            c for c in item.capabilities if any(taxonomy.in_dos_scope(b) for b in taxonomy.with_broader([c]))
        )
        if not caps:
            continue
        names = join_words(taxonomy.label(c) for c in caps)
        out.append(
            make_finding(
                ctx,
                "DOS-I1",
                parties=_makers(item),
                evidence=[
                    Evidence(
                        source="item record",
                        passage=f"{item.name} capabilities: {names}",
                        tier=1,
                        status="record",
                    )
                ],
                path=_with_caps(ctx, item, caps),
                explanation=f"{item.name} has capabilities the State Department guidance puts in scope: {names}.",
                confidence=1.0,
                key_extra=item.id,
            )
        )
    return out


def safeguards_missing(ctx: Context) -> list[Finding]:
    out = []
    for item in ctx.items:
        if not any(taxonomy.in_dos_scope(c) for c in taxonomy.with_broader(item.capabilities)):
            continue
        missing = [
            k
            for k in SAFEGUARDS
            if item.props.get(k) is False or str(item.props.get(k)).lower() in ("false", "no")
        ]
        unknown = [k for k in SAFEGUARDS if item.props.get(k) is None]
        if not missing:
            continue
        text = "; ".join(f"{SAFEGUARDS[k]}: no" for k in missing)
        explanation = f"{item.name} lacks recommended design safeguards ({text})."
        if unknown:
            explanation += f" Not recorded: {', '.join(unknown)}."
        out.append(
            make_finding(
                ctx,
                "DOS-I3",
                parties=_makers(item),
                evidence=[Evidence(source="item record", passage=text, tier=1, status="record")],
                path=_item_path(ctx, item),
                explanation=explanation,
                confidence=1.0,
                key_extra=item.id,
            )
        )
    return out


def eu_cyber(ctx: Context) -> list[Finding]:
    out = []
    for item in ctx.items:
        caps = sorted(c for c in item.capabilities if taxonomy.eu_cyber_surveillance(c))
        flagged = bool(item.props.get("cyber_surveillance"))
        if not caps and not flagged:
            continue
        reason = join_words(taxonomy.label(c) for c in caps) or "classified as a cyber-surveillance item"
        out.append(
            make_finding(
                ctx,
                "EU-03",
                parties=_makers(item),
                evidence=[
                    Evidence(source="item record", passage=f"{item.name}: {reason}", tier=1, status="record")
                ],
                path=_with_caps(ctx, item, caps),
                explanation=f"{item.name} is a cyber-surveillance item under Reg. (EU) 2021/821 Art. 2(20): {reason}.",
                confidence=1.0,
                key_extra=item.id,
            )
        )
    return out


def eu_guideline(ctx: Context) -> list[Finding]:
    out = []
    examples = taxonomy.eu_guideline_examples()
    for item in ctx.items:
        caps = sorted(c for c in item.capabilities if taxonomy.with_broader([c]) & examples)
        if not caps:
            continue
        names = join_words(taxonomy.label(c) for c in caps)
        out.append(
            make_finding(
                ctx,
                "EU-04",
                parties=_makers(item),
                evidence=[
                    Evidence(source="item record", passage=f"{item.name}: {names}", tier=1, status="record")
                ],
                path=_with_caps(ctx, item, caps),
                explanation=f"{item.name} matches examples of the EU 2024/2659 guidelines: {names}.",
                confidence=1.0,
                key_extra=item.id,
            )
        )
    return out


def listed_category(ctx: Context) -> list[Finding]:
    out = []
    for item in ctx.items:
        eccn = str(item.props.get("eccn") or "").upper().replace(" ", "")
        annex = str(item.props.get("eu_annex") or "").strip()
        if annex.lower() in ("not listed", "none", "no", "n/a", "-", "false"):
            annex = ""
        hit = next((p for p in LISTED_ECCN_PREFIXES if eccn.startswith(p)), None)
        if not hit and not annex:
            continue
        what = f"ECCN {eccn}" if hit else f"EU Annex I entry {annex}"
        out.append(
            make_finding(
                ctx,
                "OTH-04",
                parties=_makers(item),
                evidence=[
                    Evidence(source="item record", passage=f"{item.name}: {what}", tier=1, status="record")
                ],
                path=_item_path(ctx, item),
                explanation=f"{item.name} is classified under {what}: a listed control category, so a licence applies.",
                confidence=1.0,
                key_extra=item.id,
            )
        )
    return out


RULES: dict[str, Rule] = {
    "DOS-I1": in_scope,
    "DOS-I3": safeguards_missing,
    "EU-03": eu_cyber,
    "EU-04": eu_guideline,
    "OTH-04": listed_category,
}
