"""A synthetic world of configurable size for benchmarks: countries with indicators, companies, agencies
and people, ownership chains, directorships, shared addresses, listings, supply relations with passages,
abuse events, and transactions with parties, items and routes. All names are invented.

    from benchmarks.synthetic_world import generate
    info = generate(store, nodes=100_000, seed=7)   # -> {"nodes": ..., "relationships": ..., "transactions": [...]}
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from graph.store import GraphStore, NodeRecord, RelRecord

SYL = [
    "ka",
    "ro",
    "tex",
    "lin",
    "mar",
    "vo",
    "zen",
    "tri",
    "on",
    "el",
    "sa",
    "dor",
    "ix",
    "bel",
    "nov",
    "ar",
    "gen",
    "lux",
]
ROLES = [
    "distributor",
    "reseller",
    "integrator",
    "freight_forwarder",
    "trading_company",
    "bank",
    "vendor",
    "logistics",
]
CAPS = [
    "facial_recognition",
    "video_analytics",
    "deep_packet_inspection",
    "imsi_catcher",
    "spyware",
    "location_tracking",
]
VICTIMS = ["journalists", "protesters", "lawyers", "opposition politicians", "human rights defenders"]


def _name(rng: random.Random) -> str:
    return (
        "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).title()
        + " "
        + rng.choice(["Systems", "Trading", "Logistics", "Networks", "Group"])
    )


def generate(store: GraphStore, nodes: int = 10_000, seed: int = 7, batch: int = 5000) -> dict[str, Any]:
    """Write about ``nodes`` nodes; returns counts and the transaction ids."""
    rng = random.Random(seed)
    n_countries = 40
    n_entities = max(50, int(nodes * 0.55))
    n_tx = max(10, nodes // 25)
    n_items = 20
    countries = [f"Q{i:02d}" for i in range(n_countries)]
    node_buf: list[NodeRecord] = []
    rel_buf: list[RelRecord] = []
    counts = {"nodes": 0, "relationships": 0}

    def flush(force: bool = False) -> None:
        if force or len(node_buf) >= batch:
            store.merge_nodes(node_buf)
            counts["nodes"] += len(node_buf)
            node_buf.clear()
        if force or len(rel_buf) >= batch:
            store.merge_nodes(node_buf)
            counts["nodes"] += len(node_buf)
            node_buf.clear()
            store.merge_rels(rel_buf)
            counts["relationships"] += len(rel_buf)
            rel_buf.clear()

    def node(label: str, nid: str, props: dict[str, Any]) -> None:
        node_buf.append(NodeRecord(label, nid, props))
        flush()

    def rel(
        t: str, sl: str, s: str, tl: str, tg: str, props: dict[str, Any] | None = None, key: str = ""
    ) -> None:
        rel_buf.append(RelRecord(t, sl, s, tl, tg, props or {}, key=key))
        flush()

    for cap in CAPS:
        node("Capability", cap, {"label": cap.replace("_", " "), "dos_scope": True})
    for c in countries:
        node("Country", c, {"name": f"Country {c}"})
        for ind, value in (
            ("fiw_status", rng.choice(["F", "PF", "NF"])),
            ("fiw_F1", rng.randint(0, 4)),
            ("fiw_D4", rng.randint(0, 4)),
            ("fiw_E2", rng.randint(0, 4)),
        ):
            iid = f"{c}-{ind}"
            node("Indicator", iid, {"indicator": ind, "value": value, "edition": "2026", "source_id": "fh"})
            rel("HAS_INDICATOR", "Country", c, "Indicator", iid)
    for i in range(n_items):
        node(
            "Item",
            f"item{i}",
            {
                "name": f"Product {i}",
                "misuse_alerts": rng.random() < 0.5,
                "remote_disable": rng.random() < 0.5,
            },
        )
        rel("HAS_CAPABILITY", "Item", f"item{i}", "Capability", rng.choice(CAPS))
    agencies = []
    for i in range(n_entities):
        eid = f"e{i}"
        kind = rng.random()
        if kind < 0.05:
            props = {"name": f"Security Service {i}", "schema": "PublicBody", "roles": ["security_service"]}
            agencies.append(eid)
        elif kind < 0.15:
            props = {"name": f"Person {i}", "schema": "Person"}
        else:
            props = {"name": _name(rng), "schema": "Company", "roles": [rng.choice(ROLES)]}
        cc = rng.choice(countries)
        props["countries"] = [cc]
        node("Entity", eid, props)
        rel("LOCATED_IN", "Entity", eid, "Country", cc)
        if rng.random() < 0.25:
            aid = f"a{rng.randint(0, n_entities // 6)}"
            node("Address", aid, {"text": f"{aid} Harbour Road", "country": cc})
            rel("HAS_ADDRESS", "Entity", eid, "Address", aid)
        if i > 10 and rng.random() < 0.3:
            rel(
                "OWNS",
                "Entity",
                f"e{rng.randint(0, i - 1)}",
                "Entity",
                eid,
                {"share": rng.choice([10, 25, 51, 60, 100]), "status": "curated"},
            )
        if props["schema"] == "Person" and i > 10:
            for _ in range(rng.randint(1, 2)):
                rel(
                    "DIRECTOR_OF", "Entity", eid, "Entity", f"e{rng.randint(0, i - 1)}", {"status": "curated"}
                )
        if rng.random() < 0.02:
            lid = f"l{i}"
            node(
                "Listing",
                lid,
                {
                    "authority": "BIS",
                    "list_code": rng.choice(["EL", "SDN"]),
                    "program": "Entity List",
                    "start_date": "2024-01-01",
                },
            )
            rel("HAS_LISTING", "Entity", eid, "Listing", lid)
        if i > 10 and rng.random() < 0.15:
            pid = f"p{i}"
            target = rng.choice(agencies) if agencies and rng.random() < 0.3 else f"e{rng.randint(0, i - 1)}"
            node(
                "Passage",
                pid,
                {
                    "text": f"{props['name']} supplied equipment.",
                    "url": f"https://news.example.org/{pid}",
                    "tier": 3,
                    "confidence": 0.8,
                },
            )
            rel(
                "SUPPLIED",
                "Entity",
                eid,
                "Entity",
                target,
                {"status": rng.choice(["extracted", "confirmed"]), "confidence": 0.7, "evidence": [pid]},
            )
    for j, ag in enumerate(agencies):
        for k in range(rng.randint(1, 3)):
            ev, pid = f"ev{j}-{k}", f"pe{j}-{k}"
            node(
                "Event",
                ev,
                {
                    "type": "abuse",
                    "status": "extracted",
                    "confidence": 0.8,
                    "date": "2025-06-01",
                    "victim_group": rng.choice(VICTIMS),
                },
            )
            node(
                "Passage",
                pid,
                {
                    "text": f"Security Service {ag} targeted people.",
                    "url": f"https://ngo.example.org/{pid}",
                    "tier": 2,
                    "confidence": 0.9,
                },
            )
            rel("PARTICIPANT", "Event", ev, "Entity", ag, {"role": "actor"})
            rel("PARTICIPANT", "Event", ev, "Capability", rng.choice(CAPS), {"role": "capability"})
            rel("EVIDENCED_BY", "Event", ev, "Passage", pid)
    tx_ids = []
    for t in range(n_tx):
        tx = f"T{t}"
        tx_ids.append(tx)
        dest = rng.choice(countries)
        node(
            "Transaction",
            tx,
            {
                "title": f"Deal {t}",
                "destination": dest,
                "ship_date": "2026-12-01",
                "status": "proposed",
                "use_limits": rng.random() < 0.7,
                "termination": True,
                "update_denial": rng.random() < 0.7,
                "remote_disable": rng.random() < 0.5,
                "support_status": "active",
            },
        )
        rel("INCLUDES", "Transaction", tx, "Item", f"item{rng.randrange(n_items)}")
        rel("DESTINED_FOR", "Transaction", tx, "Country", dest)
        for role in ("exporter", "customer", "consignee", "end_user"):
            rel(
                "HAS_PARTY",
                "Transaction",
                tx,
                "Entity",
                f"e{rng.randrange(n_entities)}",
                {"role": role},
                key=f"{tx}|{role}",
            )
        for order, c in enumerate(rng.sample(countries, 2)):
            rel(
                "TRANSITS",
                "Transaction",
                tx,
                "Country",
                c,
                {"order": order + 1, "free_trade_zone": "Zone" if rng.random() < 0.2 else ""},
            )
    flush(force=True)
    return {**counts, "transactions": tx_ids}


def batched(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
