"""Build the maps' offline data from world-atlas: ui/assets/world-110m.geojson (the base layer, from
countries-110m.json) and ui/assets/country_centroids.csv (one point per country, from countries-50m.json,
which also has the small states the 110m layer leaves out: Singapore, Bahrain, Malta, Hong Kong ...).

Source: the npm package ``world-atlas`` 2.0.2 (Mike Bostock, ISC licence), TopoJSON built from Natural Earth's
1:110m Admin 0 countries (public domain). Get it with ``npm pack world-atlas@2.0.2`` and run
``python tools/world_geojson.py package/ ui/assets/``. A centroid is the area-weighted centre of the
country's largest polygon (so France's lies in France, not between it and French Guiana).

Each feature gets ``iso2`` (ISO 3166-1 alpha-2 from the numeric id, via pycountry; empty where Natural
Earth has no ISO code, e.g. Kosovo, Northern Cyprus, Somaliland) and ``name``; coordinates are rounded to
0.01 degree. TopoJSON arcs are delta-encoded integers under a scale/translate transform; a negative arc
index ``~i`` means arc ``i`` reversed (https://github.com/topojson/topojson-specification).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry


def _arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        out.append(pts)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(pts[1:] if ring else pts)
    return [list(p) for p in ring]


def convert(topo: dict[str, Any]) -> dict[str, Any]:
    arcs = _arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("type") == "Polygon":
            coords: Any = [_ring(r, arcs) for r in geom["arcs"]]
        elif geom.get("type") == "MultiPolygon":
            coords = [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        country = pycountry.countries.get(numeric=str(geom.get("id") or "").zfill(3)) if geom.get("id") else None
        features.append({"type": "Feature", "properties": {"iso2": country.alpha_2 if country else "",
                                                           "name": geom["properties"]["name"]},
                         "geometry": {"type": geom["type"], "coordinates": coords}})  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def _area_centre(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lon, lat) of a ring by the shoelace formula (degrees, fine at this scale)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a, cx, cy = a + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def centroids(geo: dict[str, Any]) -> list[tuple[str, float, float, str]]:
    rows = []
    for f in geo["features"]:
        code = f["properties"]["iso2"]
        if not code:
            continue
        geom = f["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        best = max((_area_centre(p[0]) for p in polys), key=lambda t: t[0])
        rows.append((code, round(best[1], 2), round(best[2], 2), f["properties"]["name"]))
    return sorted(rows)


if __name__ == "__main__":
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    world = convert(json.loads((src / "countries-110m.json").read_text()))
    (dst / "world-110m.geojson").write_text(json.dumps(world, separators=(",", ":")), encoding="utf-8")
    finer = convert(json.loads((src / "countries-50m.json").read_text()))
    lines = ["code,lon,lat,name"] + [f'{c},{x},{y},"{n}"' for c, x, y, n in centroids(finer)]
    (dst / "country_centroids.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
