"""Diversion paths: goods flow downstream, rejected links are never followed, filters apply, evidence on edges."""

from __future__ import annotations

import pytest

from graph.store import NodeRecord, RelRecord
from redflag.paths import find_paths


@pytest.fixture()
def store(falkordb_store):
    return falkordb_store


def _world(store, agency_link_status: str = "extracted") -> None:
    names = {"x": "Exporter X", "a": "Reseller A", "b": "Integrator B", "u": "Upstream U", "g": "Security Agency G"}
    store.merge_nodes([NodeRecord("Entity", k, {"name": v, "schema": "Company"}) for k, v in names.items()])
    store.merge_nodes(
        [
            NodeRecord("Transaction", "T1", {"title": "t"}),
            NodeRecord("Passage", "p1", {"text": "B installed the system for G.", "url": "http://r.test/1",
                                         "publisher": "NGO", "tier": 2}),
            NodeRecord("Event", "e1", {"type": "abuse", "status": "extracted", "confidence": 0.9,
                                       "victim_group": "journalists", "negated": False}),
        ]
    )
    edge = {"status": "extracted", "confidence": 0.8, "evidence": ["p1"]}
    store.merge_rels(
        [
            RelRecord("HAS_PARTY", "Transaction", "T1", "Entity", "x", {"role": "exporter"}, key="x"),
            RelRecord("HAS_PARTY", "Transaction", "T1", "Entity", "a", {"role": "customer"}, key="a"),
            RelRecord("SUPPLIED", "Entity", "a", "Entity", "b", edge),
            RelRecord("SUPPLIED", "Entity", "b", "Entity", "g", {**edge, "status": agency_link_status}),
            RelRecord("SUPPLIED", "Entity", "u", "Entity", "a", edge),
            RelRecord("PARTICIPANT", "Event", "e1", "Entity", "g", {"role": "actor"}),
            RelRecord("EVIDENCED_BY", "Event", "e1", "Passage", "p1", {}),
        ]
    )


def test_path_follows_supply_downstream_to_the_abusive_agency(store) -> None:
    _world(store)
    result = find_paths(store, transaction_id="T1")
    chains = [[n["id"] for n in p["nodes"]] for p in result["paths"]]
    assert chains == [["x", "a", "b", "g"]]
    top = result["paths"][0]
    assert any("journalists" in r for r in top["reasons"])
    assert all(rel["evidence"] for rel in top["relationships"])
    assert top["relationships"][-1]["evidence"][0]["url"] == "http://r.test/1"


def test_rejected_links_are_never_followed(store) -> None:
    _world(store, agency_link_status="rejected")
    assert find_paths(store, transaction_id="T1")["paths"] == []


def test_relation_filter_and_depth_bound_apply(store) -> None:
    _world(store)
    assert find_paths(store, transaction_id="T1", relation_types=("OWNS",))["paths"] == []
    assert find_paths(store, party_id="a", max_depth=1)["paths"] == []
    assert find_paths(store, party_id="a", max_depth=2)["paths"]


def test_unknown_transaction_is_a_clear_error(store) -> None:
    with pytest.raises(ValueError, match="not in the graph"):
        find_paths(store, transaction_id="NOPE")
