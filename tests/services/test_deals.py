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


def _sample_csv_with(tmp_path: Path, name: str, edit) -> Path:
    """The sample deals CSV with its first deal row changed by ``edit`` (a function of the row text)."""
    lines = (SAMPLE_WORLD / "deals.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / name
    path.write_text("\n".join([lines[0], edit(lines[1])]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", ["2026-13-45", "2027-02-30", "2026-00-10", "2026-04-31"])
def test_impossible_dates_are_errors_that_name_row_and_column(tmp_path: Path, bad: str) -> None:
    path = _sample_csv_with(tmp_path, "deals.csv", lambda row: row.replace("2026-12-14", bad))
    with pytest.raises(DealValidationError) as info:
        parse_deals(path)
    assert [(e.line, e.field) for e in info.value.errors] == [(2, "ship_date")]
    assert "not a real date" in str(info.value)


def test_a_leap_day_is_a_date(tmp_path: Path) -> None:
    path = _sample_csv_with(tmp_path, "deals.csv", lambda row: row.replace("2026-12-14", "2028-02-29"))
    (deal,) = parse_deals(path)
    assert deal.ship_date == "2028-02-29"


@pytest.mark.parametrize("quantity", ["0", "-3", "nan", "inf"])
def test_quantities_must_be_positive_numbers(tmp_path: Path, quantity: str) -> None:
    deals = json.loads((SAMPLE_WORLD / "deals.json").read_text())["deals"][:1]
    deals[0]["items"][0]["quantity"] = quantity
    path = tmp_path / "deals.json"
    path.write_text(json.dumps(deals))
    with pytest.raises(DealValidationError, match="must be a positive number"):
        parse_deals(path)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (SAMPLE_WORLD / "deals.csv").read_bytes())
    assert [d.id for d in parse_deals(path)] == [d.id for d in parse_deals(SAMPLE_WORLD / "deals.csv")]


def test_an_over_long_field_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    long_title = "x" * 200_000  # also over the csv module's own field limit
    path = _sample_csv_with(tmp_path, "deals.csv", lambda row: row.replace(row.split(",")[1], long_title, 1))
    with pytest.raises(DealValidationError) as info:
        parse_deals(path)
    assert "field larger than field limit" in str(info.value) or "at most 2000" in str(info.value)
    deals = json.loads((SAMPLE_WORLD / "deals.json").read_text())["deals"][:1]
    deals[0]["declared_end_use"] = "y" * 5000
    path = tmp_path / "long.json"
    path.write_text(json.dumps(deals))
    with pytest.raises(DealValidationError) as info:
        parse_deals(path)
    assert [(e.line, e.field) for e in info.value.errors] == [(1, "declared_end_use")]


def test_a_mistyped_item_id_is_refused_with_a_did_you_mean(store, tmp_path: Path) -> None:
    load_sample_world(store)
    before = store.counts()
    deals = json.loads((SAMPLE_WORLD / "deals.json").read_text())["deals"][:1]
    deals[0]["id"] = "TYPO-1"
    deals[0]["items"][0]["item"] = "facetrase"
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(deals))
    with pytest.raises(DealValidationError) as info:
        import_deals(store, path)
    assert [(e.line, e.field) for e in info.value.errors] == [(1, "items")]
    assert "unknown item 'facetrase'; did you mean 'facetrace'" in str(info.value)
    assert store.counts() == before


def test_row_errors_and_unknown_items_are_reported_together_in_row_order(store, tmp_path: Path) -> None:
    load_sample_world(store)
    before = store.counts()
    deals = json.loads((SAMPLE_WORLD / "deals.json").read_text())["deals"][:2]
    deals[0]["id"], deals[1]["id"] = "BAD-DATE", "TYPO-2"
    deals[0]["ship_date"] = "2027-02-30"
    deals[1]["items"][0]["item"] = "facetrase"
    path = tmp_path / "two.json"
    path.write_text(json.dumps(deals))
    with pytest.raises(DealValidationError) as info:
        import_deals(store, path)
    assert [(e.line, e.field) for e in info.value.errors] == [(1, "ship_date"), (2, "items")]
    assert store.counts() == before


def test_with_an_empty_item_register_unknown_items_import_with_a_warning(store, tmp_path: Path) -> None:
    deals = json.loads((SAMPLE_WORLD / "deals.json").read_text())["deals"][:1]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(deals))
    from redflag.deals import check_items

    warnings = check_items(store, parse_deals(path), path.name)
    assert len(warnings) == 1 and "item register (empty)" in warnings[0] and "'facetrace'" in warnings[0]
    import_deals(store, path)
    assert store.counts()["labels"]["Transaction"] == 1


def _agency_deal(tmp_path: Path, destination: str) -> Path:
    deal = json.loads((SAMPLE_WORLD / "deals.json").read_text())["deals"][1]
    deal["id"] = f"AGENCY-{destination}"
    deal["destination"] = destination
    deal["parties"] = [p for p in deal["parties"] if p["role"] != "end_user"]
    deal["parties"].append({"party": "Bureau of Public Order", "role": "end_user"})
    path = tmp_path / f"agency-{destination}.json"
    path.write_text(json.dumps([deal]))
    return path


def test_a_party_given_by_name_is_a_candidate_duplicate_of_an_extracted_record_of_that_name(store, tmp_path: Path) -> None:
    from graph.queries import q
    from graph.store import NodeRecord, RelRecord
    from redflag.deals import PartyMatch

    store.merge_nodes([
        NodeRecord("Entity", "ent-bpo", {"name": "Bureau of Public Order", "name_norm": "bureau of public order",
                                         "status": "extracted", "origin": ["extracted"], "schema": "PublicBody"}),
        NodeRecord("Country", "XO", {"name": "Ostrava Republic"}),
    ])  # fmt: skip
    store.merge_rels([RelRecord("LOCATED_IN", "Entity", "ent-bpo", "Country", "XO", {})])
    report: list[PartyMatch] = []
    import_deals(store, _agency_deal(tmp_path, "XO"), report)
    (match,) = [m for m in report if m.role == "end_user"]
    assert match.how == "new" and match.candidates == [("ent-bpo", "Bureau of Public Order")]
    links = store.run(q("t.links", "MATCH (a:Entity {id: $id})-[r]->(b:Entity) RETURN type(r) AS t, r.method AS m, "
                                   "r.score AS s, b.id AS b", "id"), {"id": match.entity})  # fmt: skip
    assert [(x["t"], x["m"], x["b"]) for x in links] == [("POSSIBLY_SAME_AS", "deal-import", "ent-bpo")]
    assert links[0]["s"] < 1.0  # a candidate, never confirmed by the name alone
    # the same name for an end-user in another country is not linked: both records have a country and they differ
    other: list[PartyMatch] = []
    import_deals(store, _agency_deal(tmp_path, "XL"), other)
    assert [m.candidates for m in other if m.role == "end_user"] == [[]]


# --- re-importing a stored deal: what changes is reported, and a file that drops a party is refused ---------------

CSV_HEADER = ("id,title,exporter,customer,end_user,intermediary,items,destination,order_date,ship_date")


def _deal_csv(tmp_path: Path, name: str, header: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _stored_parties(store, deal_id: str) -> list[tuple[str, str]]:
    from redflag.deals import STORED_PARTIES

    return [(str(r["role"]), str(r["name"])) for r in store.run(STORED_PARTIES, {"ids": [deal_id]})]


FULL_ROW = "FIC-1,Cameras,Fictional Exporter Ltd,Northwind Trading BV,Harbour Police Bureau,Bluefin Agents SA,cam-1:2,DE,2026-11-02,2026-12-14"


def test_a_file_without_the_end_user_column_a_stored_deal_used_is_refused_and_nothing_changes(store, tmp_path) -> None:
    from redflag.deals import DealPartiesDropped

    import_deals(store, _deal_csv(tmp_path, "full.csv", CSV_HEADER, FULL_ROW))
    before_parties, before_counts = _stored_parties(store, "FIC-1"), store.counts()
    assert ("end_user", "Harbour Police Bureau") in before_parties
    no_end_user = _deal_csv(tmp_path, "short.csv", CSV_HEADER.replace(",end_user", ""),
                            FULL_ROW.replace(",Harbour Police Bureau", ""))
    with pytest.raises(DealPartiesDropped) as info:
        import_deals(store, no_end_user)
    (error,) = info.value.errors
    assert (error.line, error.field) == (2, "end_user")
    assert "deal 'FIC-1' is stored with end_user 'Harbour Police Bureau'; this file has no end_user column" in str(
        info.value)
    assert "--replace" in str(info.value)
    # read back: the stored deal keeps every party, and nothing was added or duplicated
    assert _stored_parties(store, "FIC-1") == before_parties
    assert store.counts() == before_counts


def test_replace_removes_the_party_and_says_so(store, tmp_path: Path) -> None:
    from redflag.deals import DealChange

    import_deals(store, _deal_csv(tmp_path, "full.csv", CSV_HEADER, FULL_ROW))
    changes: list[DealChange] = []
    no_end_user = _deal_csv(tmp_path, "short.csv", CSV_HEADER.replace(",end_user", ""),
                            FULL_ROW.replace(",Harbour Police Bureau", ""))
    import_deals(store, no_end_user, replace=True, changes=changes)
    assert [line for c in changes for line in c.lines()] == ["deal FIC-1: end_user removed 'Harbour Police Bureau'"]
    assert "end_user" not in [role for role, _ in _stored_parties(store, "FIC-1")]


def test_an_emptied_cell_is_refused_too(store, tmp_path: Path) -> None:
    from redflag.deals import DealPartiesDropped

    import_deals(store, _deal_csv(tmp_path, "full.csv", CSV_HEADER, FULL_ROW))
    with pytest.raises(DealPartiesDropped, match="this file gives it no intermediary"):
        import_deals(store, _deal_csv(tmp_path, "empty.csv", CSV_HEADER, FULL_ROW.replace("Bluefin Agents SA", "")))


def test_every_party_change_of_a_stored_deal_is_reported_by_role(store, tmp_path: Path) -> None:
    from redflag.deals import DealChange

    header = CSV_HEADER + ",consignee"
    import_deals(store, _deal_csv(tmp_path, "a.csv", header, FULL_ROW + ","))
    changes: list[DealChange] = []
    changed = FULL_ROW.replace("Harbour Police Bureau", "Coastal Security Agency") + ",Dockside Logistics GmbH"
    new = FULL_ROW.replace("FIC-1", "FIC-2") + ","
    import_deals(store, _deal_csv(tmp_path, "b.csv", header, changed, new), changes=changes)
    assert [line for c in changes for line in c.lines()] == [
        "deal FIC-1: consignee added 'Dockside Logistics GmbH'",
        "deal FIC-1: end_user changed 'Harbour Police Bureau' -> 'Coastal Security Agency'",
        "deal FIC-2: new",
    ]
    again: list[DealChange] = []
    import_deals(store, _deal_csv(tmp_path, "c.csv", header, changed), changes=again)
    assert [line for c in again for line in c.lines()] == ["deal FIC-1: already stored; parties unchanged"]


# --- one-line errors for what a deals file gets wrong ---------------------------------------------------------------


def test_an_unknown_column_is_an_error_with_a_did_you_mean_not_a_silently_lost_party(tmp_path: Path) -> None:
    path = _deal_csv(tmp_path, "typo.csv", CSV_HEADER.replace("end_user", "enduser"), FULL_ROW)
    with pytest.raises(DealValidationError) as info:
        parse_deals(path)
    (error,) = info.value.errors
    assert (error.line, error.field) == (1, "enduser")
    assert "unknown column 'enduser'" in error.reason and "did you mean 'end_user'" in error.reason


def test_a_column_given_twice_is_an_error(tmp_path: Path) -> None:
    path = _deal_csv(tmp_path, "twice.csv", CSV_HEADER + ",customer", FULL_ROW + ",Other Fictional AG")
    with pytest.raises(DealValidationError, match="column 'customer' appears twice in the header row"):
        parse_deals(path)


def test_a_deal_id_twice_in_one_file_names_both_rows(tmp_path: Path) -> None:
    path = _deal_csv(tmp_path, "dup.csv", CSV_HEADER, FULL_ROW, FULL_ROW.replace("Cameras", "Lenses"))
    with pytest.raises(DealValidationError) as info:
        parse_deals(path)
    (error,) = info.value.errors
    assert (error.line, error.field) == (3, "id") and "appears twice in the file (first on row 2)" in error.reason


def test_a_party_name_holding_a_control_character_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "escape.json"
    deal = {"id": "FIC-9", "destination": "DE", "items": [{"item": "cam-1"}],
            "parties": [{"party": "Fictional Exporter Ltd", "role": "exporter"},
                        {"party": "Evil\x1b[2JCorp", "role": "customer"}]}
    path.write_text(json.dumps([deal]))
    with pytest.raises(DealValidationError) as info:
        parse_deals(path)
    (error,) = [e for e in info.value.errors if e.field == "customer"]
    assert error.line == 1 and "control character" in error.reason


@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "+SUM(A1)", "@HYPERLINK(x)"])
def test_a_party_name_that_reads_as_a_formula_is_imported_as_text_with_a_warning(tmp_path: Path, name: str) -> None:
    from redflag.deals import formula_warnings

    path = tmp_path / "formula.json"
    deal = {"id": "FIC-9", "destination": "DE", "items": [{"item": "cam-1"}],
            "parties": [{"party": "Fictional Exporter Ltd", "role": "exporter"}, {"party": name, "role": "customer"}]}
    path.write_text(json.dumps([deal]))
    (warning,) = formula_warnings(parse_deals(path), path.name)
    assert warning.startswith("formula.json row 1, column customer: party ") and "spreadsheet formula" in warning
