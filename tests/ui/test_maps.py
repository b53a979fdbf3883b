"""Offline maps (ui/maps.py): the route of a deal, the fictional countries' placement, the shipped base layer."""

from __future__ import annotations

import json

from ui import maps

DEAL = {"destination": "XC", "transit_countries": ["XV", "XC"], "free_trade_zones": ["Port Meridian Free Zone"]}
PARTIES = [
    {"name": "Acme Vision Systems", "roles": ["exporter"], "countries": "XV"},
    {"name": "Calder municipal security", "roles": ["end_user"], "countries": "XC"},
    {"name": "Northgate Distribution", "roles": ["customer", "payer"], "countries": "XV"},
]


def test_the_route_runs_from_the_exporter_through_transit_and_free_zone_to_the_end_user() -> None:
    stops = maps.route_stops(DEAL, PARTIES)
    assert [s["role"] for s in stops] == ["exporter", "transit", "free zone", "destination", "end-user"]
    assert stops[2]["label"] == "Transit: Calder · free zone Port Meridian Free Zone"
    assert stops[0]["label"] == "Exporter: Acme Vision Systems (Veloria)"
    assert all(s["fictional"] and s["position"] == maps.FICTIONAL_AT[s["code"]] for s in stops)


def test_a_real_route_uses_the_shipped_centroids_and_says_what_it_cannot_place() -> None:
    deal = {"destination": "AE", "transit_countries": ["SG", "AE"], "free_trade_zones": ["Jebel Ali Free Zone"]}
    stops = maps.route_stops(deal, [{"name": "A GmbH", "roles": ["exporter"], "countries": "DE"}])
    assert [s["code"] for s in stops] == ["DE", "SG", "AE", "AE"]
    assert stops[2]["role"] == "free zone" and "Jebel Ali Free Zone" in stops[2]["label"]
    lon, lat = stops[0]["position"]
    assert 5 < lon < 15 and 47 < lat < 55  # Germany
    lon, lat = stops[1]["position"]
    assert 103 < lon < 105 and 0 < lat < 2  # Singapore: not in the 1:110m shapes, placed from the 1:50m ones
    assert maps.position("QQ") is None  # an unknown code is not placed anywhere


def test_fictional_countries_sit_in_open_sea_never_on_a_real_country() -> None:
    world = maps.world()
    assert len(world["features"]) > 170 and not any(f["properties"]["iso2"] in maps.FICTIONAL_AT for f in world["features"])

    def inside(pt: tuple[float, float], ring: list[list[float]]) -> bool:
        x, y, hit = pt[0], pt[1], False
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
                hit = not hit
        return hit

    for code, pt in maps.FICTIONAL_AT.items():
        for f in world["features"]:
            g = f["geometry"]
            polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            assert not any(inside(pt, p[0]) for p in polys), f"{code} lies in {f['properties']['name']}"


def test_the_map_needs_no_basemap_and_names_from_data_stay_data() -> None:
    stops = maps.route_stops(DEAL, [{"name": "@@=evil", "roles": ["exporter"], "countries": "XV"}])
    spec = json.loads(maps.route_deck(stops).to_json())
    assert spec["views"][0]["@@type"] == "OrthographicView" and "mapStyle" not in spec  # no tile server asked
    labels = [d["label"] for layer in spec["layers"] if layer["@@type"] == "TextLayer" for d in layer["data"]]
    assert labels and not any(label.startswith("@@") or "(@@" in label for label in labels)
    deck, unplaced = maps.risk_deck([{"destination": "XC", "risk_band": "critical", "findings": 3},
                                     {"destination": "QQ", "risk_band": "low", "findings": 0}])  # fmt: skip
    assert unplaced == ["QQ"] and "OrthographicView" in deck.to_json()
