"""Countries in real list files: every parser resolves names, remarks and codes through the country authority.

Field case 03 (OFAC add.csv as published: the country column holds "Russia") and the real OFAC sample rows.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from crawler.parsers.csl import parse_csl_json
from crawler.parsers.ftm import parse_ftm
from crawler.parsers.lists import ListFile, parse_files
from crawler.parsers.ofac import parse_ofac

FIXTURES = Path(__file__).parents[1] / "fixtures"
CASE_03 = FIXTURES / "field_cases" / "03-ofac-country-names-dropped" / "ofac"
OFAC = FIXTURES / "crawler" / "ofac"
SDN, ADD, ALT = (OFAC / f for f in ("ofac_sdn_2024-05-03_sample.csv", "ofac_add_2022-01_sample.csv", "ofac_alt_2022-01_sample.csv"))


def _case_03_files() -> list[ListFile]:
    return [ListFile(name=p.name, data=p.read_bytes()) for p in sorted(CASE_03.iterdir())]


def test_field_case_03_the_entity_gets_country_ru_from_the_name_russia() -> None:
    parsed = parse_files("ofac", _case_03_files())  # as `redflag import ofac` calls it: no lookup passed
    assert parsed.errors == []
    (entity,) = parsed.entities
    assert entity.id == "ofac-16865" and entity.countries == ["RU"]
    assert entity.addresses == ["41 ul.Vereiskaya, Moscow 121471, Russia"]


def test_parse_ofac_without_a_lookup_uses_the_authority() -> None:
    parsed = parse_ofac((CASE_03 / "sdn.csv").read_bytes(), (CASE_03 / "add.csv").read_bytes(), None)
    assert parsed.entities[0].countries == ["RU"]


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        return [r for r in csv.reader(f) if len(r) > 4]


def test_every_real_ofac_address_country_lands_on_its_entity_as_a_code() -> None:
    parsed = parse_ofac(SDN.read_bytes(), ADD.read_bytes(), ALT.read_bytes())
    by_id = {e.id: e for e in parsed.entities}
    expected: dict[str, set[str]] = {}
    for r in _rows(ADD):
        if r[4].strip() not in ("-0-", "") and f"ofac-{r[0]}" in by_id:
            expected.setdefault(f"ofac-{r[0]}", set()).add(r[4].strip())
    assert len(expected) > 150
    spot = {"Russia": "RU", "Korea, North": "KP", "Burma": "MM", "Hong Kong": "HK", "Kosovo": "XK", "Iran": "IR"}
    seen_spot = set()
    for eid, names in expected.items():
        countries = by_id[eid].countries
        assert countries and all(len(c) == 2 and c.isupper() for c in countries), (eid, names, countries)
        for n in names & spot.keys():
            assert spot[n] in countries
            seen_spot.add(n)
    assert seen_spot == set(spot)


def test_nationality_and_citizen_remarks_give_countries() -> None:
    sdn = (
        b'1,"DOE, John",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        b'"DOB 01 Jan 1970; nationality Syria; alt. nationality Russia; citizen Iran."\n'
    )
    (e,) = parse_ofac(sdn, None, None).entities
    assert sorted(e.countries) == ["IR", "RU", "SY"]


def test_ftm_country_codes_and_territories_resolve() -> None:
    lines = [
        {"id": "a", "schema": "Company", "properties": {"name": ["A"], "country": ["ru", "ua-cri", "zz"]}},
        {"id": "b", "schema": "Person", "properties": {"name": ["B"], "nationality": ["suhh"], "citizenship": ["XK"]}},
        {"id": "c", "schema": "Company", "properties": {"name": ["C"], "jurisdiction": ["xc"]}},
    ]
    parsed = parse_ftm("\n".join(json.dumps(x) for x in lines).encode(), "x.ftm.json")
    got = {e.id: e.countries for e in parsed.entities}
    assert got == {"a": ["RU", "UA"], "b": ["XK"], "c": ["XC"]}


def test_csl_country_names_and_codes_resolve() -> None:
    doc = {"results": [{
        "id": "csl-1", "name": "Example Trading LLC", "type": "Entity", "source": "Entity List (EL) - Bureau of Industry and Security",
        "addresses": [{"address": "Office 1", "city": "Dubai", "country": "United Arab Emirates"},
                      {"address": "2 Main St", "city": "Moscow", "country": "RU"}],
        "nationalities": ["Russian"], "citizenships": ["Korea, North"],
    }]}  # fmt: skip
    parsed = parse_csl_json(json.dumps(doc).encode(), "consolidated.json")
    assert parsed.entities and sorted(parsed.entities[0].countries) == ["AE", "KP", "RU"]
