"""Free-trade zones as data: real zones with the country they lie in and a source, the sample world's zone, and
look-ups by name, alias and address text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontology.countries import country_code, is_country_code
from ontology.free_trade_zones import find_free_trade_zone, free_trade_zone_in_text, free_trade_zones


def test_every_zone_has_a_known_country_and_a_source() -> None:
    zones = free_trade_zones()
    assert len([z for z in zones if not z.fictional]) >= 40
    for z in zones:
        assert is_country_code(z.country), z
        assert z.source.startswith("https://") or z.source.startswith("http://") or z.fictional, z


def test_no_name_or_alias_belongs_to_two_zones() -> None:
    seen: dict[str, str] = {}
    for z in free_trade_zones():
        for n in z.names:
            assert seen.setdefault(n, z.name) == z.name, (n, seen[n], z.name)


def test_no_zone_name_is_the_name_of_another_country() -> None:
    # "Jebel Ali Free Zone" may resolve to AE (countrynames knows it), never to a different country
    for z in free_trade_zones():
        for n in (z.name, *z.aliases):
            assert country_code(n) in (None, z.country), (n, z.country)


@pytest.mark.parametrize(
    "name,zone,country",
    [
        ("Jebel Ali Free Zone", "Jebel Ali Free Zone", "AE"),
        ("JAFZA", "Jebel Ali Free Zone", "AE"),
        ("Dubai Airport Freezone", "Dubai Airport Freezone", "AE"),
        ("DMCC", "Dubai Multi Commodities Centre", "AE"),
        ("SAIF Zone", "Sharjah Airport International Free Zone", "AE"),
        ("Hamriyah Free Zone", "Hamriyah Free Zone", "AE"),
        ("KIZAD", "Khalifa Industrial Zone Abu Dhabi", "AE"),
        ("RAKEZ", "Ras Al Khaimah Economic Zone", "AE"),
        ("Hong Kong", "Hong Kong free port", "HK"),
        ("Jurong Port FTZ", "Singapore Free Trade Zones", "SG"),
        ("Zona Libre de Colón", "Colón Free Zone", "PA"),
        ("colon free zone", "Colón Free Zone", "PA"),
        ("Qianhai", "Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone", "CN"),
        ("Shanghai FTZ", "China (Shanghai) Pilot Free Trade Zone", "CN"),
        ("Mersin Free Zone", "Mersin Free Zone", "TR"),
        ("Labuan IBFC", "Labuan International Business and Financial Centre", "MY"),
        ("ASEZA", "Aqaba Special Economic Zone", "JO"),
        ("Zona Franca de Manaus", "Manaus Free Trade Zone", "BR"),
        ("ZOFRI", "Zona Franca de Iquique", "CL"),
        ("Port Meridian Free Zone", "Port Meridian Free Zone", "XC"),
        ("PMFZ", "Port Meridian Free Zone", "XC"),
    ],
)
def test_zones_are_found_by_name_or_alias_with_their_own_country(name: str, zone: str, country: str) -> None:
    found = find_free_trade_zone(name)
    assert found is not None and (found.name, found.country) == (zone, country)


def test_an_address_in_a_zone_names_the_zone() -> None:
    z = free_trade_zone_in_text("Plot S10419, JAFZA South, Jebel Ali, Dubai, United Arab Emirates")
    assert z is not None and (z.name, z.country) == ("Jebel Ali Free Zone", "AE")
    z = free_trade_zone_in_text("Warehouse B7, South Quay Logistics Park, Port Meridian Free Zone, Calder")
    assert z is not None and z.country == "XC"


def test_a_country_name_alone_is_not_an_address_in_a_free_zone() -> None:
    assert free_trade_zone_in_text("12/F, 1 Queen's Road Central, Hong Kong") is None
    assert free_trade_zone_in_text("41 ul. Vereiskaya, Moscow 121471, Russia") is None
    # whole words only: "AFZ" inside another word is not the Ajman Free Zone
    assert free_trade_zone_in_text("Kafzan Street 3") is None


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_gives_a_zone_or_none_and_never_raises(text: str) -> None:
    found = free_trade_zone_in_text(text)
    assert found is None or found in free_trade_zones()
    assert find_free_trade_zone(text) in (None, *free_trade_zones())
