"""The item register: validated import (errors name file, row and field), safeguard gaps, misuse potential,
and re-evaluation of the transactions that include an item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.store import GraphStore
from redflag.services.findings import stored_findings
from redflag.stewardship.items import (
    ItemNotFound,
    ItemValidationError,
    import_items,
    item_profile,
    list_items,
    parse_items,
)

CSV_HEADER = "id,name,maker,capabilities,eccn,eu_annex,cyber_surveillance,misuse_alerts,remote_disable\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sample_facial_recognition_item_shows_its_missing_safeguards(world: GraphStore) -> None:
    p = item_profile(world, "facetrace")
    assert p["capabilities"] == ["facial_recognition", "video_analytics"]
    assert p["cyber_surveillance"] is True and p["eu_annex"] == "not listed"
    states = {s["key"]: s["state"] for s in p["safeguard_detail"]}
    assert states["remote_disable"] == "present" and states["misuse_alerts"] == "missing"
    assert states["auto_delete"] == "partial"
    assert set(p["gaps"]) == {"misuse_alerts", "deployment_tracking", "strip_capabilities", "auto_delete", "geofencing"}
    assert "identifying_protesters" in {m["abuse_type"] for m in p["misuse_potential"]}
    assert {t["id"] for t in p["transactions"]} == {"DEMO-DIVERSION", "DEMO-CLEAN", "DEMO-MONITOR"}
    assert {i["id"] for i in list_items(world)} == {"facetrace", "packetlens"}


def test_an_unknown_item_is_named(world: GraphStore) -> None:
    with pytest.raises(ItemNotFound, match="no item with id 'nope'"):
        item_profile(world, "nope")


def test_csv_errors_name_file_row_and_field_and_nothing_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "items.csv", CSV_HEADER
                  + "cam1,Camera,acme-vision-systems,facial_recognition,5A001.j,not listed,yes,no,yes\n"
                  + "cam2,,acme-vision-systems,mind_reading,bogus!,not listed,perhaps,sometimes,yes\n")  # fmt: skip
    with pytest.raises(ItemValidationError) as info:
        parse_items(path)
    fields = {(e.line, e.field) for e in info.value.errors}
    assert {(3, "name"), (3, "capabilities"), (3, "eccn"), (3, "cyber_surveillance"), (3, "misuse_alerts")} <= fields
    assert "items.csv row 3, field capabilities: 'mind_reading' is not a capability" in str(info.value)


def test_json_duplicates_and_unknown_safeguards_are_refused(tmp_path: Path) -> None:
    item = {"id": "x1", "name": "X", "capabilities": ["spyware"], "safeguards": {"teleport": True}}
    path = _write(tmp_path, "items.json", json.dumps({"items": [item, {**item, "safeguards": {}}]}))
    with pytest.raises(ItemValidationError) as info:
        parse_items(path)
    reasons = str(info.value)
    assert "row 1, field safeguards.teleport: unknown safeguard" in reasons
    assert "row 2, field id: item 'x1' appears twice" in reasons


def test_a_file_of_another_kind_or_broken_json_is_named(tmp_path: Path) -> None:
    with pytest.raises(ItemValidationError, match="items.txt row 0, field \\(file\\)"):
        parse_items(_write(tmp_path, "items.txt", "x"))
    with pytest.raises(ItemValidationError, match="bad.json row 1, field \\(json\\)"):
        parse_items(_write(tmp_path, "bad.json", "{nope"))


def test_an_unknown_maker_writes_nothing(world: GraphStore, tmp_path: Path) -> None:
    path = _write(tmp_path, "items.csv", CSV_HEADER + "cam9,Cam Nine,no-such-party,facial_recognition,,,no,yes,yes\n")
    with pytest.raises(ItemValidationError, match="maker: no party with id 'no-such-party'"):
        import_items(world, path)
    assert "cam9" not in {i["id"] for i in list_items(world)}


def test_importing_an_item_re_evaluates_the_transactions_that_include_it(world: GraphStore, tmp_path: Path) -> None:
    before = {f["rule"] for f in stored_findings(world, "DEMO-CLEAN").values() if f.get("active") is not False}
    assert "DOS-I3" in before
    every = "yes,yes,yes,yes,yes,yes,yes"
    path = _write(
        tmp_path,
        "items.csv",
        "id,name,maker,capabilities,eccn,eu_annex,cyber_surveillance,misuse_alerts,deployment_tracking,"
        "strip_capabilities,auto_delete,remote_disable,audit_logging,geofencing\n"
        f"facetrace,FaceTrace,acme-vision-systems,facial_recognition;video_analytics,EAR99,not listed,yes,{every}\n",
    )
    res = import_items(world, path)
    assert set(res["transactions_reevaluated"]) == {"DEMO-DIVERSION", "DEMO-CLEAN", "DEMO-MONITOR"}
    after = {f["rule"] for f in stored_findings(world, "DEMO-CLEAN").values() if f.get("active") is not False}
    assert "DOS-I3" not in after and "DOS-I1" in after
    assert item_profile(world, "facetrace")["gaps"] == []
