"""A free-trade zone keeps its own country on the route (issue 14: a deal to Russia through the Jebel Ali Free
Zone must say the United Arab Emirates, never "RU (Jebel Ali Free Zone)")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redflag.deals import DealValidationError, import_deals, parse_deals
from redflag.rules.context import Context
from redflag.rules.route import abnormal_route, transshipment


def _deal(tmp_path: Path, **route: object) -> Path:
    deal = {
        "id": "JAFZA-RU",
        "title": "Cameras to Moscow through Jebel Ali",
        "parties": [{"role": "exporter", "party": "Example Exporter GmbH"},
                    {"role": "end_user", "party": "Example End User OOO"}],
        "items": [{"item": "camera-x", "quantity": 10}],
        "destination": route.pop("destination", "Russia"),
        "route": route,
    }  # fmt: skip
    path = tmp_path / "deals.json"
    path.write_text(json.dumps({"deals": [deal]}), encoding="utf-8")
    return path


def test_country_names_and_zones_resolve_when_the_deal_is_read(tmp_path: Path) -> None:
    (deal,) = parse_deals(_deal(tmp_path, transit_countries=["Germany", "RU"], free_trade_zones=["JAFZA"]))
    assert deal.destination == "RU" and deal.transit_countries == ["DE", "RU"]
    assert deal.free_trade_zones == ["Jebel Ali Free Zone"] and deal.free_trade_zone_countries == ["AE"]


def test_a_zone_not_in_the_data_may_be_given_with_its_country(tmp_path: Path) -> None:
    (deal,) = parse_deals(_deal(tmp_path, free_trade_zones=["Example Logistics Zone (Oman)"]))
    assert (deal.free_trade_zones, deal.free_trade_zone_countries) == (["Example Logistics Zone"], ["OM"])


@pytest.mark.parametrize(
    "zones,reason",
    [(["Nowhere Free Zone"], "unknown free-trade zone"), (["Jebel Ali Free Zone (RU)"], "is in AE, not RU")],
)
def test_an_unknown_zone_or_a_wrong_country_is_a_located_error(tmp_path: Path, zones: list[str], reason: str) -> None:
    with pytest.raises(DealValidationError) as info:
        parse_deals(_deal(tmp_path, free_trade_zones=zones))
    (err,) = info.value.errors
    assert err.field == "free_trade_zones" and reason in err.reason


def test_an_unknown_destination_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(DealValidationError) as info:
        parse_deals(_deal(tmp_path, destination="Atlantis"))
    assert [(e.field, e.line) for e in info.value.errors] == [("destination", 1)]


@pytest.mark.parametrize("transit", [[], ["RU"], ["DE", "RU"]])
def test_the_jebel_ali_stop_is_in_the_emirates_not_in_russia(falkordb_store, tmp_path: Path, transit: list[str]) -> None:  # noqa: ANN001
    import_deals(falkordb_store, _deal(tmp_path, transit_countries=transit, free_trade_zones=["Jebel Ali Free Zone"]))
    ctx = Context(falkordb_store, "JAFZA-RU")
    stops = [(str(s["country"]["id"]), s["free_trade_zone"]) for s in ctx.transits]
    expected = [(c, "") for c in transit if c != "RU"] + [("AE", "Jebel Ali Free Zone")] + [("RU", "")] * ("RU" in transit)
    assert stops == expected
    (finding,) = transshipment(ctx)
    assert "United Arab Emirates (Jebel Ali Free Zone)" in finding.explanation
    assert "RU (" not in finding.explanation and "Russia" not in finding.explanation.split(":", 1)[1]
    (route,) = abnormal_route(ctx)
    assert "United Arab Emirates" in route.explanation


def test_the_sample_worlds_zone_stays_in_calder(falkordb_store) -> None:  # noqa: ANN001
    from redflag.services.world import load_sample_world

    load_sample_world(falkordb_store)
    ctx = Context(falkordb_store, "DEMO-DIVERSION")
    assert [(str(s["country"]["id"]), s["free_trade_zone"]) for s in ctx.transits] == [
        ("XV", ""), ("XC", "Port Meridian Free Zone")]  # fmt: skip
    (finding,) = transshipment(ctx)
    assert "Calder (Port Meridian Free Zone)" in finding.explanation
