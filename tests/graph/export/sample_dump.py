"""A small dump in the store's shape, shared by the export tests (fictional parties)."""

from __future__ import annotations

from typing import Any

NODES: list[dict[str, Any]] = [
    {
        "id": "ent-vendor",
        "labels": ["Entity"],
        "props": {
            "id": "ent-vendor",
            "schema": "Company",
            "name": 'Vantor "Optics" <GmbH> & Co',
            "aliases": ["Vantor", "VOG"],
            "countries": ["XA"],
            "unscreened": False,
        },
    },
    {
        "id": "ent-agency",
        "labels": ["Entity"],
        "props": {"id": "ent-agency", "schema": "PublicBody", "name": "Bureau of Order", "countries": ["XB"]},
    },
    {
        "id": "ent-person",
        "labels": ["Entity"],
        "props": {"id": "ent-person", "schema": "Person", "name": "Ada Q."},
    },
    {
        "id": "lst-1",
        "labels": ["Listing"],
        "props": {"id": "lst-1", "authority": "OFAC", "program": "CYBER2", "start_date": "2022-01-10"},
    },
    {"id": "XA", "labels": ["Country"], "props": {"id": "XA", "name": "Arcadia"}},
]
RELS: list[dict[str, Any]] = [
    {"type": "OWNS", "source": "ent-agency", "target": "ent-vendor", "props": {"key": "o1", "share": 51.0}},
    {
        "type": "DIRECTOR_OF",
        "source": "ent-person",
        "target": "ent-vendor",
        "props": {"key": "d1", "role": "CEO"},
    },
    {"type": "HAS_LISTING", "source": "ent-vendor", "target": "lst-1", "props": {"key": "l1"}},
    {"type": "LOCATED_IN", "source": "ent-vendor", "target": "XA", "props": {"key": "c1"}},
]
