"""FollowTheMoney JSON lines: entities keep their schema, links become Ownership / Directorship / Sanction."""

from __future__ import annotations

import json
from pathlib import Path

from sample_dump import NODES, RELS

from graph.export.ftm import to_ftm, write_ftm


def test_entities_keep_their_ftm_schema_and_properties_are_lists_of_strings() -> None:
    by_id = {e["id"]: e for e in to_ftm(NODES, RELS)}
    vendor = by_id["ent-vendor"]
    assert vendor["schema"] == "Company"
    assert vendor["properties"] == {
        "name": ['Vantor "Optics" <GmbH> & Co'],
        "alias": ["Vantor", "VOG"],
        "country": ["XA"],
    }
    assert by_id["ent-agency"]["schema"] == "PublicBody"
    assert by_id["ent-person"]["schema"] == "Person"
    assert "XA" not in by_id  # countries are property values in FtM, not entities


def test_ownership_directorship_and_sanction() -> None:
    entities = list(to_ftm(NODES, RELS))
    by_schema = {e["schema"]: e for e in entities if e["schema"] in ("Ownership", "Directorship", "Sanction")}
    assert by_schema["Ownership"]["properties"] == {
        "owner": ["ent-agency"],
        "asset": ["ent-vendor"],
        "percentage": ["51"],
    }
    assert by_schema["Directorship"]["properties"] == {
        "director": ["ent-person"],
        "organization": ["ent-vendor"],
        "role": ["CEO"],
    }
    sanction = by_schema["Sanction"]
    assert sanction["id"] == "lst-1"
    assert sanction["properties"] == {
        "authority": ["OFAC"],
        "program": ["CYBER2"],
        "startDate": ["2022-01-10"],
        "entity": ["ent-vendor"],
    }
    assert len({e["id"] for e in entities}) == len(entities)


def test_written_file_is_one_json_object_per_line(tmp_path: Path) -> None:
    path = write_ftm(NODES, RELS, tmp_path / "out" / "graph.ftm.json")
    lines = path.read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(line) for line in lines]
    assert len(parsed) == 6  # 3 parties, 1 sanction, 1 ownership, 1 directorship
    assert all(set(e) == {"id", "schema", "properties"} for e in parsed)
