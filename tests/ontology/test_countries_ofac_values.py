"""Held-out variants of field case 03: every country value OFAC's Sanctions List Search offers resolves.

The values are in tests/fixtures/ontology/ofac_search_country_values.txt (OFAC's own spellings: "Burma",
"Korea, North", "Bahamas, The", "Palestinian", "Region: Crimea", "Region: Northern Mali"...). Three give no
country on purpose (ontology/countries.py): a former state, a marker for "unknown", and a region disputed between
two states, where a picked country would be a silent wrong answer.
"""

from __future__ import annotations

from pathlib import Path

from ontology.countries import country_code

VALUES = Path(__file__).parents[1] / "fixtures" / "ontology" / "ofac_search_country_values.txt"
NO_COUNTRY = {"Netherlands Antilles", "undetermined", "Region: Kafia Kingi"}  # dissolved 2010; unknown; SD/SS


def _values() -> list[str]:
    lines = VALUES.read_text(encoding="utf-8").splitlines()
    return [v for v in lines if v.strip() and not v.startswith("#")]


def test_every_ofac_country_value_resolves_to_an_iso_code() -> None:
    values = _values()
    assert len(values) == 156
    unresolved = [v for v in values if country_code(v) is None]
    assert set(unresolved) == NO_COUNTRY


def test_ofac_spellings_resolve_to_the_right_code() -> None:
    expected = {"Burma": "MM", "Korea, North": "KP", "Korea, South": "KR", "Bahamas, The": "BS", "The Gambia": "GM",
                "Palestinian": "PS", "West Bank": "PS", "Region: Gaza": "PS", "Region: Crimea": "UA",
                "Region: Northern Mali": "ML", "Macau": "MO", "Laos": "LA", "Turkey": "TR", "Kosovo": "XK",
                "Virgin Islands, British": "VG", "Brunei": "BN", "Vietnam": "VN"}  # fmt: skip
    assert {v: country_code(v) for v in expected} == expected
