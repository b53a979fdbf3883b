"""The extraction gazetteer grows with the graph: government bodies on the lists become GOV_AGENCY with country."""

from __future__ import annotations

from graph.store import NodeRecord
from redflag.services.pipeline import build_gazetteer


def test_public_bodies_and_listed_security_services_are_agencies_with_their_country(falkordb_store) -> None:  # noqa: ANN001
    falkordb_store.merge_nodes([
        NodeRecord("Entity", "e1", {"name": "Rapid Action Battalion", "schema": "Organization", "status": "curated",
                                    "aliases": ["RAB"], "countries": ["BD"], "roles": ["security_service"]}),
        NodeRecord("Entity", "e2", {"name": "Ministry of Public Security", "schema": "PublicBody", "status": "curated",
                                    "aliases": [], "countries": ["CN"]}),
        NodeRecord("Entity", "e3", {"name": "Tigerjet Network Pte Ltd", "schema": "Company", "status": "curated",
                                    "aliases": [], "countries": ["BD"]}),
    ])
    gaz = build_gazetteer(falkordb_store)
    by_name = {e.name: e for e in gaz.entries}  # type: ignore[attr-defined]
    assert (by_name["Rapid Action Battalion"].label, by_name["Rapid Action Battalion"].country) == ("GOV_AGENCY", "BD")
    assert (by_name["Ministry of Public Security"].label, by_name["Ministry of Public Security"].country) == ("GOV_AGENCY", "CN")
    assert (by_name["Tigerjet Network Pte Ltd"].label, by_name["Tigerjet Network Pte Ltd"].country) == ("ORG", "")
