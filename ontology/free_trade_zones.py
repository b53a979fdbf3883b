"""Free-trade zones and free ports, each with the country it lies in (never the destination of a deal).

Data: ``ontology/data/free_trade_zones.csv`` (``name,aliases,country,city,source``; aliases ``|``-separated; the
source is the zone authority's or the customs administration's site), plus the sample world's fictional zones from
``redflag/sample_world/countries.json`` (Port Meridian Free Zone, Calder ``XC``). Zone countries are checked
against the country authority (:mod:`ontology.countries`) when the data is read.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ontology.countries import SAMPLE_WORLD_COUNTRIES, country_code, is_country_code
from ontology.names import normalize_name

DATA = Path(__file__).resolve().parent / "data" / "free_trade_zones.csv"


class FreeTradeZoneDataError(ValueError):
    """A row of the free-trade-zone data is malformed (names the file, line and field)."""


@dataclass(frozen=True)
class FreeTradeZone:
    """A free-trade zone: display ``name``, ``country`` (ISO 3166-1 alpha-2 or sample X? code), other names."""

    name: str
    country: str
    aliases: tuple[str, ...] = ()
    city: str = ""
    source: str = ""
    fictional: bool = False
    names: tuple[str, ...] = field(default=(), repr=False)  # normalized name and aliases


def _zone(name: str, country: str, aliases: list[str], city: str, source: str, fictional: bool, where: str) -> FreeTradeZone:
    if not name.strip():
        raise FreeTradeZoneDataError(f"{where}: empty zone name")
    if not is_country_code(country):
        raise FreeTradeZoneDataError(f"{where}: {name!r} has unknown country code {country!r}")
    forms = [name, *aliases]
    names = tuple(dict.fromkeys(n for n in (normalize_name(f) for f in forms if f.strip()) if n))
    return FreeTradeZone(name.strip(), country.strip().upper(), tuple(a.strip() for a in aliases if a.strip()),
                         city.strip(), source.strip(), fictional, names)  # fmt: skip


@cache
def free_trade_zones() -> tuple[FreeTradeZone, ...]:
    """Every known zone: the real ones of the data file, then the sample world's. Cached.

    Raises FreeTradeZoneDataError for a row without a name or with a country the authority does not know.
    """
    zones: list[FreeTradeZone] = []
    with DATA.open(encoding="utf-8", newline="") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            aliases = [a for a in (r.get("aliases") or "").split("|") if a.strip()]
            zones.append(_zone(r.get("name") or "", r.get("country") or "", aliases, r.get("city") or "",
                               r.get("source") or "", False, f"{DATA.name} line {line}"))  # fmt: skip
    if SAMPLE_WORLD_COUNTRIES.exists():
        for c in json.loads(SAMPLE_WORLD_COUNTRIES.read_text(encoding="utf-8")).get("countries", []):
            for z in c.get("free_trade_zones", []):
                z = z if isinstance(z, dict) else {"name": str(z)}
                zones.append(_zone(str(z.get("name", "")), str(c["code"]), list(z.get("aliases", [])),
                                   str(z.get("city", "")), "sample world", True, SAMPLE_WORLD_COUNTRIES.name))  # fmt: skip
    return tuple(zones)


@cache
def _by_name() -> dict[str, FreeTradeZone]:
    out: dict[str, FreeTradeZone] = {}
    for z in free_trade_zones():
        for n in z.names:
            out.setdefault(n, z)
    return out


def find_free_trade_zone(name: str | None) -> FreeTradeZone | None:
    """The zone a name or alias denotes ("JAFZA", "Jebel Ali Free Zone", "zona libre de colon"); None if unknown.

    Exact after :func:`ontology.names.normalize_name` (case, accents, punctuation); never raises.
    """
    if not isinstance(name, str):
        return None
    key = normalize_name(name[:300])
    return _by_name().get(key) if key else None


@cache
def _text_pattern() -> re.Pattern[str]:
    # every zone name and alias except those that are a country's name ("Hong Kong"): a Hong Kong address is not
    # by itself an address in a free zone
    forms = sorted({n for z in free_trade_zones() for n in z.names if country_code(n) is None}, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![a-z0-9])")


def free_trade_zone_in_text(text: str | None) -> FreeTradeZone | None:
    """The zone an address or other text names (longest name or alias, whole words); None if it names none.

    "Warehouse B7, Jebel Ali Free Zone, Dubai" -> Jebel Ali Free Zone (AE). A bare country name that is also a
    free port ("Hong Kong") does not count. Never raises.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    m = _text_pattern().search(normalize_name(text))
    return _by_name().get(m.group(0)) if m else None
