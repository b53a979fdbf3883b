"""Small fictional graphs for the rule tests, written with the store's own batch loader.

``diversion_world`` follows the sample story: Acme sells a facial-recognition system to a distributor whose
consignee is a forwarder in a free-trade zone; the forwarder supplies an integrator that supplies a security
service with documented abuses; the integrator shares a director and an address with a holding that owns 60%
of a listed intercept vendor. ``clean`` is a direct sale with every safeguard to a civilian end-user.
"""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore, NodeRecord, RelRecord

N = NodeRecord


def R(t: str, sl: str, s: str, tl: str, tg: str, **props: Any) -> RelRecord:
    return RelRecord(t, sl, s, tl, tg, props)


def passage(pid: str, text: str, *, tier: int = 2, published: str = "2026-01-10") -> list[Any]:
    return [
        N(
            "Passage",
            pid,
            {
                "text": text,
                "url": f"https://ngo.example.org/{pid}",
                "document_id": f"doc-{pid}",
                "start": 0,
                "end": len(text),
                "source_id": "ngo-sample",
                "publisher": "Sample Rights Watch",
                "tier": tier,
                "method": "spacy",
                "confidence": 0.9,
                "published": published,
            },
        ),
        N(
            "Document",
            f"doc-{pid}",
            {"url": f"https://ngo.example.org/{pid}", "title": f"Report {pid}", "published": published},
        ),
        R("IN_DOCUMENT", "Passage", pid, "Document", f"doc-{pid}"),
    ]


def write(store: GraphStore, records: list[Any]) -> None:
    store.merge_nodes([r for r in records if isinstance(r, NodeRecord)])
    store.merge_rels([r for r in records if isinstance(r, RelRecord)])


def base_world() -> list[Any]:
    """Countries, the exporter and its item (shared by every transaction)."""
    recs: list[Any] = [
        N("Country", "XV", {"name": "Veloria"}),
        N("Country", "XC", {"name": "Calder", "free_trade_zones": ["Port Meridian Free Zone"]}),
        N("Country", "XO", {"name": "Ostrava Republic"}),
        N("Country", "XL", {"name": "Lumen"}),
        N(
            "Source",
            "fh",
            {"publisher": "Freedom House", "tier": 2, "url": "https://freedomhouse.example.org"},
        ),
        N("Capability", "facial_recognition", {"label": "Facial recognition", "dos_scope": True}),
        N("Capability", "video_analytics", {"label": "Video analytics", "dos_scope": True}),
        N(
            "Entity",
            "acme",
            {
                "name": "Acme Vision Systems",
                "schema": "Company",
                "roles": ["vendor"],
                "countries": ["XV"],
                "origin": ["deal"],
            },
        ),
        N(
            "Item",
            "facetrace",
            {
                "name": "FaceTrace",
                "eccn": "5D992",
                "misuse_alerts": False,
                "remote_disable": True,
                "audit_logging": True,
                "deployment_tracking": False,
                "strip_capabilities": True,
                "auto_delete": True,
                "geofencing": True,
            },
        ),
        R("MAKES", "Entity", "acme", "Item", "facetrace"),
        R("HAS_CAPABILITY", "Item", "facetrace", "Capability", "facial_recognition"),
        R("LOCATED_IN", "Entity", "acme", "Country", "XV"),
    ]
    for cid, values in {
        "XO": {"fiw_status": "NF", "fiw_F1": 0, "fiw_D4": 0, "fiw_E2": 1},
        "XL": {"fiw_status": "PF", "fiw_F1": 3, "fiw_D4": 3, "fiw_E2": 3},
    }.items():
        for name, value in values.items():
            iid = f"{cid}-{name}-2026"
            recs += [
                N(
                    "Indicator",
                    iid,
                    {"indicator": name, "value": value, "edition": "2026", "source_id": "fh"},
                ),
                R("HAS_INDICATOR", "Country", cid, "Indicator", iid),
            ]
    return recs


def transaction(
    tx: str,
    dest: str,
    parties: list[tuple[str, str]],
    *,
    ship: str = "2026-12-14",
    status: str = "proposed",
    safeguards: bool = False,
    support: str = "none",
    transits: list[tuple[str, str]] = (),
) -> list[Any]:  # type: ignore[assignment]
    recs: list[Any] = [
        N(
            "Transaction",
            tx,
            {
                "title": f"Deal {tx}",
                "destination": dest,
                "order_date": "2026-11-02",
                "ship_date": ship,
                "status": status,
                "use_limits": safeguards,
                "termination": True,
                "update_denial": safeguards,
                "remote_disable": safeguards,
                "support_status": support,
            },
        ),
        R("INCLUDES", "Transaction", tx, "Item", "facetrace"),
        R("DESTINED_FOR", "Transaction", tx, "Country", dest),
    ]
    for party, role in parties:
        recs.append(
            RelRecord(
                "HAS_PARTY", "Transaction", tx, "Entity", party, {"role": role}, key=f"{tx}|{party}|{role}"
            )
        )
    for i, (cid, ftz) in enumerate(transits):
        recs.append(R("TRANSITS", "Transaction", tx, "Country", cid, order=i + 1, free_trade_zone=ftz))
    return recs


def diversion_world(
    store: GraphStore,
    *,
    supply_status: str = "confirmed",
    hedged: bool = False,
    listing_start: str = "2025-09-16",
    listing_end: str | None = None,
    abuse_status: str = "confirmed",
) -> None:
    recs = base_world()
    recs += [
        N(
            "Entity",
            "northgate",
            {
                "name": "Northgate Distribution",
                "schema": "Company",
                "roles": ["distributor"],
                "countries": ["XV"],
            },
        ),
        N(
            "Entity",
            "meridian",
            {
                "name": "Meridian Freight Services FZE",
                "schema": "Company",
                "roles": ["freight_forwarder"],
                "countries": ["XC"],
                "free_trade_zone": "Port Meridian Free Zone",
            },
        ),
        N(
            "Entity",
            "calder-sec",
            {
                "name": "Calder municipal security",
                "schema": "PublicBody",
                "roles": ["government"],
                "countries": ["XC"],
            },
        ),
        N(
            "Entity",
            "helix",
            {
                "name": "Helix Integrators LLC",
                "schema": "Company",
                "roles": ["integrator"],
                "countries": ["XC"],
            },
        ),
        N(
            "Entity",
            "ssd",
            {
                "name": "State Security Directorate",
                "schema": "PublicBody",
                "roles": ["security_service"],
                "countries": ["XO"],
            },
        ),
        N(
            "Entity",
            "helix-holdings",
            {"name": "Helix Security Holdings", "schema": "Company", "countries": ["XC"]},
        ),
        N(
            "Entity",
            "strata",
            {"name": "Strata Communications", "schema": "Company", "roles": ["vendor"], "countries": ["XO"],
             "listed": True},
        ),
        N("Entity", "varga", {"name": "D. Varga", "schema": "Person"}),
        N("Address", "addr-1", {"text": "4 Harbour Row, Port Meridian", "country": "XC"}),
        N(
            "Listing",
            "lst-strata",
            {
                "authority": "Bureau of Industry and Security",
                "list_code": "EL",
                "program": "Entity List",
                "start_date": listing_start,
                "end_date": listing_end,
                "dataset": "csl",
                "source_url": "https://lists.example.org/el",
            },
        ),
        R("HAS_LISTING", "Entity", "strata", "Listing", "lst-strata"),
        R("OWNS", "Entity", "helix-holdings", "Entity", "strata", share=60, status="curated"),
        R("DIRECTOR_OF", "Entity", "varga", "Entity", "helix", status="curated"),
        R("DIRECTOR_OF", "Entity", "varga", "Entity", "helix-holdings", status="curated"),
        R("HAS_ADDRESS", "Entity", "helix", "Address", "addr-1"),
        R("HAS_ADDRESS", "Entity", "helix-holdings", "Address", "addr-1"),
    ]
    recs += passage(
        "p-collect",
        "Helix Integrators collected the consignment from Meridian Freight's free-zone warehouse.",
        tier=3,
    )
    recs += passage(
        "p-install", "Helix Integrators installed the cameras for the State Security Directorate."
    )
    recs += passage(
        "p-abuse",
        "The State Security Directorate used facial recognition to identify protesters and journalists.",
        tier=1,
    )
    recs += [
        R(
            "SUPPLIED",
            "Entity",
            "meridian",
            "Entity",
            "helix",
            status=supply_status,
            confidence=0.8,
            hedged=hedged,
            evidence=["p-collect"],
        ),
        R(
            "SUPPLIED",
            "Entity",
            "helix",
            "Entity",
            "ssd",
            status=supply_status,
            confidence=0.8,
            hedged=hedged,
            evidence=["p-install"],
        ),
        N(
            "Event",
            "ev-abuse",
            {
                "type": "abuse",
                "status": abuse_status,
                "confidence": 0.9,
                "hedged": hedged,
                "negated": False,
                "date": "2025-05-01",
                "victim_group": "protesters, journalists",
            },
        ),
        R("PARTICIPANT", "Event", "ev-abuse", "Entity", "ssd", role="actor"),
        R("PARTICIPANT", "Event", "ev-abuse", "Capability", "facial_recognition", role="capability"),
        R("PARTICIPANT", "Event", "ev-abuse", "Country", "XO", role="country"),
        R("EVIDENCED_BY", "Event", "ev-abuse", "Passage", "p-abuse"),
    ]
    recs += transaction(
        "DIV",
        "XO",
        [
            ("acme", "exporter"),
            ("northgate", "customer"),
            ("meridian", "consignee"),
            ("meridian", "freight_forwarder"),
            ("calder-sec", "end_user"),
        ],
        transits=[("XV", ""), ("XC", "Port Meridian Free Zone"), ("XO", "")],
    )
    write(store, recs)


def clean_world(store: GraphStore) -> None:
    write(store, base_world())
    recs: list[Any] = [
        N(
            "Entity",
            "lumen-metro",
            {
                "name": "Lumen Metro Transit Authority",
                "schema": "Organization",
                "roles": ["transport_operator"],
                "countries": ["XL"],
            },
        ),
        N("Item", "facetrace", {"misuse_alerts": True, "deployment_tracking": True}),
    ]
    recs += transaction(
        "CLEAN",
        "XL",
        [
            ("acme", "exporter"),
            ("lumen-metro", "customer"),
            ("lumen-metro", "consignee"),
            ("lumen-metro", "end_user"),
        ],
        safeguards=True,
        status="shipped",
        ship="2026-10-20",
        support="active",
        transits=[("XV", ""), ("XL", "")],
    )
    write(store, recs)
