"""Maps that work offline: a transaction's route and risk by destination, drawn with pydeck (deck.gl).

No tile server and no outside request: the base layer is ``ui/assets/world-110m.geojson`` (Natural Earth 1:110m
countries, public domain, via the npm package world-atlas 2.0.2, ISC; built by tools/world_geojson.py) and
each country is placed at ``ui/assets/country_centroids.csv`` (from Natural Earth 1:50m, same source). Country
codes come from the project's one country authority (ontology/countries.py) and free-trade zones from
ontology/free_trade_zones.py.

The view is deck.gl's OrthographicView over longitude/latitude (a plate carrée), not a MapView: Streamlit
adds an online basemap under any MapView that names none, and this map must never ask for one.

The sample world's fictional countries (XV, XC, XO, XL) have no shape: they are drawn as hollow rings in open
sea (the South Atlantic, far from any coast), captioned "fictional", never on a real country.

Coordinates are ``(longitude, latitude)`` in degrees.
"""

from __future__ import annotations

import csv
import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt
import pydeck as pdk

from ontology.countries import country_name, known_countries
from ontology.free_trade_zones import find_free_trade_zone

ASSETS = Path(__file__).resolve().parent / "assets"
WORLD = ASSETS / "world-110m.geojson"
CENTROIDS = ASSETS / "country_centroids.csv"
# Open sea in the South Atlantic (no land within ~1,000 km): a clearly made-up place for made-up countries
FICTIONAL_AT = {"XV": (-30.0, -32.0), "XC": (0.0, -42.0), "XO": (-40.0, -50.0), "XL": (-10.0, -56.0)}
FICTIONAL_SPARE = (-25.0, -58.0)
ROLE_COLOURS = {"exporter": [31, 119, 180], "transit": [255, 127, 14], "free zone": [148, 103, 189],
                "destination": [214, 39, 40], "end-user": [123, 13, 30], "party": [127, 127, 127]}  # fmt: skip
BAND_COLOURS = {"critical": [123, 13, 30], "high": [214, 39, 40], "medium": [255, 127, 14], "low": [44, 160, 44],
                "not scored": [127, 127, 127]}  # fmt: skip


@cache
def world() -> dict[str, Any]:
    """The base layer (GeoJSON FeatureCollection; each feature's properties: ``iso2``, ``name``)."""
    return dict(json.loads(WORLD.read_text(encoding="utf-8")))


@cache
def _centroids() -> dict[str, tuple[float, float]]:
    with CENTROIDS.open(encoding="utf-8", newline="") as f:
        return {r["code"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)}


@cache
def _fictional_codes() -> frozenset[str]:
    return frozenset(c.code for c in known_countries() if c.fictional)


def _inert(text: str) -> str:
    """A caption as data only: deck.gl's JSON converter reads a string that starts with ``@@`` (``@@=``,
    ``@@type``, ``@@#``) as code or a class, so a name from outside never keeps that mark."""
    return text.replace("@@", "@\u200b@")


def is_fictional(code: str) -> bool:
    return code.upper() in _fictional_codes()


def position(code: str | None) -> tuple[float, float] | None:
    """Where a country is drawn: its centroid, the fictional placement for a sample-world code, else None."""
    if not code:
        return None
    c = code.strip().upper()
    if is_fictional(c):
        return FICTIONAL_AT.get(c, FICTIONAL_SPARE)
    return _centroids().get(c)


def _codes(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip().upper() for v in value if str(v).strip()]
    return [v.strip().upper() for v in str(value or "").replace(";", ",").split(",") if v.strip()]


def route_stops(transaction: dict[str, Any], parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The route of a deal in order: exporter, transit countries (and their free zones), destination, end-user.

    ``transaction``: the stored transaction (``destination``, ``transit_countries``, ``free_trade_zones``);
    ``parties``: ``{"name", "roles", "countries"}`` dicts (the report model's). Each stop is ``{"role",
    "code", "country", "label", "position", "fictional"}``; ``position`` is None for a country that cannot be
    placed (it is still listed, so nothing on the route goes unsaid).
    """
    stops: list[dict[str, Any]] = []

    def add(role: str, code: str, label: str) -> None:
        name = country_name(code) or code
        stops.append({"role": role, "code": code, "country": name, "label": label, "position": position(code),
                      "fictional": is_fictional(code)})  # fmt: skip

    for p in parties:
        if "exporter" in (p.get("roles") or []):
            for code in _codes(p.get("countries"))[:1]:
                add("exporter", code, f"Exporter: {p.get('name')} ({country_name(code) or code})")
    zones = [z for z in (find_free_trade_zone(str(n)) for n in transaction.get("free_trade_zones") or []) if z]
    for code in _codes(transaction.get("transit_countries")):
        here = [z.name for z in zones if z.country == code]
        add("free zone" if here else "transit", code,
            f"Transit: {country_name(code) or code}" + (f" · free zone {', '.join(here)}" if here else ""))  # fmt: skip
    for code in _codes(transaction.get("destination")):
        add("destination", code, f"Destination: {country_name(code) or code}")
    for p in parties:
        if "end_user" in (p.get("roles") or []):
            for code in _codes(p.get("countries"))[:1]:
                add("end-user", code, f"End-user: {p.get('name')} ({country_name(code) or code})")
    return stops


def _base_layers(codes: list[str]) -> list[pdk.Layer]:
    layers = [pdk.Layer("GeoJsonLayer", world(), stroked=True, filled=True, get_fill_color=[225, 228, 232],
                        get_line_color=[255, 255, 255], get_line_width=0.8, line_width_units="pixels")]  # fmt: skip
    fictional = [{"position": list(FICTIONAL_AT.get(c, FICTIONAL_SPARE)), "label": f"{country_name(c) or c} (fictional)"}
                 for c in dict.fromkeys(codes) if is_fictional(c)]  # fmt: skip
    if fictional:
        layers.append(pdk.Layer("ScatterplotLayer", fictional, get_position="position", get_radius=3.5,
                                radius_units="common", stroked=True, filled=False, get_line_color=[120, 120, 120],
                                line_width_min_pixels=1))  # fmt: skip
    return layers


def view_state(points: list[tuple[float, float]], width: float = 700.0) -> dict[str, Any]:
    """Centre and zoom that show every point with a margin (zoom z: 2**z pixels per degree)."""
    if not points:
        return {"target": [10.0, 15.0, 0.0], "zoom": math.log2(width / 360.0)}
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    span = max(max(lons) - min(lons), (max(lats) - min(lats)) * 1.6, 70.0) * 1.6
    return {"target": [(max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2, 0.0],
            "zoom": max(math.log2(width / 360.0), math.log2(width / span))}  # fmt: skip


def _deck(layers: list[pdk.Layer], points: list[tuple[float, float]]) -> pdk.Deck:
    view = pdk.View(type="OrthographicView", controller=True, flipY=False)
    return pdk.Deck(layers=layers, views=[view], initial_view_state=view_state(points), map_provider=None,
                    map_style=None, tooltip={"text": "{label}"})  # type: ignore[arg-type]  # fmt: skip


def route_deck(stops: list[dict[str, Any]]) -> pdk.Deck:
    """The route on the offline base layer: a line through the stops in order, a coloured dot and a caption each."""
    placed = [s for s in stops if s["position"]]
    points: list[dict[str, Any]] = []
    seen: dict[tuple[float, float], int] = {}
    for s in placed:  # stops in the same country are stacked, not drawn over each other
        k = seen[s["position"]] = seen.get(s["position"], -1) + 1
        points.append({"position": list(s["position"]), "label": _inert(s["label"]), "colour": ROLE_COLOURS[s["role"]],
                       "offset": [12, 16 * k]})  # fmt: skip
    path = [list(s["position"]) for s in placed]
    layers = _base_layers([s["code"] for s in stops])
    if len(path) > 1:
        layers.append(pdk.Layer("PathLayer", [{"path": path}], get_path="path", get_color=[60, 60, 60],
                                width_min_pixels=2, get_width=2))  # fmt: skip
    layers.append(pdk.Layer("ScatterplotLayer", points, get_position="position", get_fill_color="colour",
                            get_radius=7, radius_units="pixels", radius_min_pixels=5, radius_max_pixels=9,
                            pickable=True))  # fmt: skip
    layers.append(pdk.Layer("TextLayer", points, get_position="position", get_text="label", get_size=13, character_set="'auto'",
                            get_color=[20, 20, 20], get_pixel_offset="offset", get_text_anchor="'start'"))  # fmt: skip
    return _deck(layers, [s["position"] for s in placed])


def risk_deck(transactions: list[dict[str, Any]]) -> tuple[pdk.Deck, list[str]]:
    """Risk by destination: one circle per destination country, sized by its deals, coloured by the highest band.

    ``transactions``: ``explore.transactions`` rows. Returns the deck and the destinations that could not be
    placed (said under the map).
    """
    by: dict[str, dict[str, Any]] = {}
    order = list(BAND_COLOURS)
    for t in transactions:
        code = str(t.get("destination") or "").upper()
        if not code:
            continue
        row = by.setdefault(code, {"code": code, "deals": 0, "band": "not scored", "findings": 0})
        row["deals"] += 1
        row["findings"] += int(t.get("findings") or 0)
        b = str(t.get("risk_band") or "not scored")
        if order.index(b if b in order else "not scored") < order.index(row["band"]):
            row["band"] = b
    points, unplaced = [], []
    for code, row in sorted(by.items()):
        pos = position(code)
        if pos is None:
            unplaced.append(code)
            continue
        name = country_name(code) or code
        points.append({"position": list(pos), "colour": BAND_COLOURS.get(row["band"], BAND_COLOURS["not scored"]),
                       "radius": 6 + 3 * row["deals"],
                       "label": _inert(f"{name}{' (fictional)' if is_fictional(code) else ''}: {row['deals']} deal(s), "
                                       f"highest band {row['band']}, {row['findings']} active finding(s)")})  # fmt: skip
    layers = _base_layers(list(by))
    layers.append(pdk.Layer("ScatterplotLayer", points, get_position="position", get_fill_color="colour",
                            get_radius="radius", radius_units="pixels", radius_min_pixels=5, radius_max_pixels=30,
                            opacity=0.8, pickable=True))  # fmt: skip
    layers.append(pdk.Layer("TextLayer", points, get_position="position", get_text="label", get_size=12, character_set="'auto'",
                            get_color=[20, 20, 20], get_pixel_offset=[22, 0], get_text_anchor="'start'"))  # fmt: skip
    return _deck(layers, [(p["position"][0], p["position"][1]) for p in points]), unplaced


SEVERITY_COLOURS = {"hard-stop": "#3b0a45", "high": "#d62728", "medium": "#ff7f0e", "low": "#f2c94c", "context": "#9e9e9e"}


def findings_chart(rows: list[dict[str, Any]]) -> alt.Chart:
    """Findings per guidance consideration, stacked by severity (``rows``: consideration, severity, findings)."""
    present = [s for s in SEVERITY_COLOURS if any(r["severity"] == s for r in rows)]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("sum(findings):Q", title="findings"),
            y=alt.Y("consideration:N", title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color("severity:N", scale=alt.Scale(domain=present, range=[SEVERITY_COLOURS[s] for s in present])),
            order=alt.Order("severity:N"),
            tooltip=["consideration:N", "severity:N", "findings:Q"],
        )
    )
