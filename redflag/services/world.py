"""The exporter's own master data: countries, counterparties (parties), the item register, capabilities.

The bundled sample world (redflag/sample_world/) uses the same loaders a user's files would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.store import GraphStore, NodeRecord, RelRecord
from ontology import vocab
from ontology.countries import country_name
from ontology.free_trade_zones import free_trade_zone_in_text
from ontology.names import normalize_name
from ontology.records import stable_id
from redflag.services.loading import LoadReport, load_countries

SAMPLE_WORLD = Path(__file__).resolve().parent.parent / "sample_world"
SAFEGUARD_KEYS = (
    "misuse_alerts",
    "deployment_tracking",
    "strip_capabilities",
    "auto_delete",
    "remote_disable",
    "audit_logging",
    "geofencing",
)


def load_capabilities(store: GraphStore) -> int:
    return store.merge_nodes(
        NodeRecord(
            "Capability",
            c.id,
            {"label": c.label, "dos_scope": c.dos_scope, "eu_cyber_surveillance": c.eu_cyber_surveillance,
             "broader": c.broader, "abuse_types": c.abuse_types},
        )
        for c in vocab.capabilities()
    )


def read_json(path: Path, key: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read: {exc}") from exc
    records = data.get(key) if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise ValueError(f"{path}: expected a list under {key!r}")
    return records


def load_parties(store: GraphStore, parties: list[dict[str, Any]]) -> LoadReport:
    """Parties of the exporter's master data; a party whose address names a known free-trade zone
    (:mod:`ontology.free_trade_zones`, real and sample-world zones) is marked with that zone."""
    nodes: list[NodeRecord] = []
    rels: list[RelRecord] = []
    for p in parties:
        pid, country = str(p["id"]), str(p.get("country") or "").upper()
        address = str(p.get("address") or "")
        zone = free_trade_zone_in_text(address)
        ftz = zone.name if zone else ""
        kind = str(p.get("kind") or "")
        nodes.append(
            NodeRecord(
                "Entity",
                pid,
                {
                    "name": p["name"],
                    "schema": p.get("schema", "Company"),
                    "aliases": list(p.get("aliases", [])),
                    "countries": [country] if country else [],
                    "roles": [kind] if kind else [],
                    "origin": ["deal"],
                    "status": "curated",
                    "free_trade_zone": ftz or None,
                    "name_norm": normalize_name(str(p["name"])),
                    "note": p.get("note", ""),
                },
            )
        )
        if country:
            nodes.append(NodeRecord("Country", country, {"name": country_name(country)} if country_name(country) else {}))
            rels.append(RelRecord("LOCATED_IN", "Entity", pid, "Country", country, {"origin": "parties"}))
        if address:
            aid = stable_id("addr", normalize_name(address, split_han=False))
            nodes.append(NodeRecord("Address", aid, {"text": address, "country": country, "free_trade_zone": ftz or None}))
            rels.append(RelRecord("HAS_ADDRESS", "Entity", pid, "Address", aid, {"dataset": "parties"}))
    return LoadReport(nodes=store.merge_nodes(nodes), relationships=store.merge_rels(rels))


def load_items(store: GraphStore, items: list[dict[str, Any]]) -> LoadReport:
    known = {c.id for c in vocab.capabilities()}
    nodes: list[NodeRecord] = []
    rels: list[RelRecord] = []
    for it in items:
        iid = str(it["id"])
        eu = it.get("eu_classification") or {}
        sg = it.get("safeguards") or {}
        caps = [str(c) for c in it.get("capabilities", [])]
        unknown = [c for c in caps if c not in known]
        if unknown:
            raise ValueError(f"item {iid}: capabilities not in the ontology: {', '.join(unknown)}")
        nodes.append(
            NodeRecord(
                "Item",
                iid,
                {
                    "name": it["name"],
                    "description": it.get("description", ""),
                    "eccn": it.get("eccn", ""),
                    "eu_annex": eu.get("annex_i") or "not listed",
                    "cyber_surveillance": bool(eu.get("cyber_surveillance_item", False)),
                    "hs_code": it.get("hs_code", ""),
                    "registered": True,
                    "capabilities": caps,
                    **{k: (sg.get(k) if isinstance(sg.get(k), bool) else str(sg.get(k, "")) or None) for k in SAFEGUARD_KEYS},
                },
            )
        )
        rels += [RelRecord("HAS_CAPABILITY", "Item", iid, "Capability", c, {}) for c in caps]
        if it.get("maker"):
            rels.append(RelRecord("MAKES", "Entity", str(it["maker"]), "Item", iid, {}))
    return LoadReport(nodes=store.merge_nodes(nodes), relationships=store.merge_rels(rels))


def sample_countries() -> list[dict[str, Any]]:
    return read_json(SAMPLE_WORLD / "countries.json", "countries")


def load_sample_world(store: GraphStore) -> LoadReport:
    from redflag.deals import import_deals

    countries = sample_countries()
    report = load_countries(store, countries, origin="sample")
    load_capabilities(store)
    report.add(load_parties(store, read_json(SAMPLE_WORLD / "parties.json", "parties")))
    report.add(load_items(store, read_json(SAMPLE_WORLD / "items.json", "items")))
    import_deals(store, SAMPLE_WORLD / "deals.json")
    return report
