"""Deal import: validation names the row and column, and a file with any error writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redflag.deals import DealValidationError, import_deals, parse_deals
from redflag.services.world import SAMPLE_WORLD, load_sample_world


@pytest.fixture()
def store(falkordb_store):
    return falkordb_store


def test_sample_deals_parse_in_both_formats_alike() -> None:
    from_json = parse_deals(SAMPLE_WORLD / "deals.json")
    from_csv = parse_deals(SAMPLE_WORLD / "deals.csv")
    assert [d.id for d in from_json] == [d.id for d in from_csv]
    for a, b in zip(from_json, from_csv, strict=True):
        assert a.destination == b.destination
        assert sorted((p.role, p.ref) for p in a.parties) == sorted((p.role, p.ref) for p in b.parties)
        assert a.safeguards == b.safeguards


def test_every_error_names_row_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "deals.csv"
    header = (SAMPLE_WORLD / "deals.csv").read_text().splitlines()[0]
    good_row = (SAMPLE_WORLD / "deals.csv").read_text().splitlines()[1]
    bad.write_text(
        "\n".join(
            [
                header,
                good_row,
                good_row.replace("DEMO-DIVERSION", "BAD-1").replace(",XC,", ",Atlantis,"),  # a country name nobody knows
                good_row.replace("DEMO-DIVERSION", "BAD-2").replace("2026-12-14", "14/12/2026"),
                "BAD-3,short row",
            ]
        )
        + "\n"
    )
    with pytest.raises(DealValidationError) as info:
        parse_deals(bad)
    where = {(e.line, e.field) for e in info.value.errors}
    assert (3, "destination") in where
    assert (4, "ship_date") in where
    assert any(line == 5 for line, _ in where)
    assert "row 3, column destination" in str(info.value)


def test_a_file_with_any_error_writes_nothing(store, tmp_path: Path) -> None:
    deals = json.loads((SAMPLE_WORLD / "deals.json").read_text())["deals"]
    deals[1]["parties"].append({"party": "x", "role": "smuggler"})
    path = tmp_path / "deals.json"
    path.write_text(json.dumps({"deals": deals}))
    with pytest.raises(DealValidationError, match="unknown role"):
        import_deals(store, path)
    assert store.counts()["labels"].get("Transaction", 0) == 0


def test_import_is_idempotent_and_unknown_parties_are_unscreened(store, tmp_path: Path) -> None:
    load_sample_world(store)
    before = store.counts()
    import_deals(store, SAMPLE_WORLD / "deals.json")
    assert store.counts() == before
    hostile = "Evil'}) DETACH DELETE n //<script>"
    deal = json.loads((SAMPLE_WORLD / "deals.json").read_text())["deals"][1]
    deal["id"] = "NEW-1"
    deal["parties"].append({"party": hostile, "role": "intermediary"})
    path = tmp_path / "new.json"
    path.write_text(json.dumps([deal]))
    _, created = import_deals(store, path)
    assert len(created) == 1
    node = store.get_node("Entity", created[0])
    assert node is not None and node["name"] == hostile and node["unscreened"] is True
    after = store.counts()
    assert after["labels"]["Transaction"] == before["labels"]["Transaction"] + 1
    assert after["labels"]["Entity"] == before["labels"]["Entity"] + 1
