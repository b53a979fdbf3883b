"""Country features on real list data: field case 03 (OFAC add.csv names the country "Russia")."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.parsers.lists import ListFile, parse_files
from redflag.matching.screening import Candidate, Screener

CASE_03 = Path(__file__).parents[1] / "fixtures" / "field_cases" / "03-ofac-country-names-dropped" / "ofac"
NAME = "JOINT-STOCK COMPANY CONCERN ALMAZ-ANTEY"


@pytest.fixture(scope="module")
def screener() -> Screener:
    parsed = parse_files("ofac", [ListFile(name=p.name, data=p.read_bytes()) for p in sorted(CASE_03.iterdir())])
    return Screener([Candidate.from_list_entity(e) for e in parsed.entities])


@pytest.mark.parametrize("country", ["RU", "ru", "Russia", "Russian"])
def test_screening_with_the_entitys_country_counts_a_country_match(screener: Screener, country: str) -> None:
    (match,) = screener.screen(NAME, country=country).matches
    assert match.explanation["country_match"] == 1.0
    assert match.explanation["country_mismatch"] == 0.0


def test_screening_with_another_country_counts_a_mismatch_and_scores_lower(screener: Screener) -> None:
    same = screener.screen(NAME, country="RU", threshold=0.0).matches[0]
    other = screener.screen(NAME, country="US", threshold=0.0).matches[0]
    assert other.explanation["country_mismatch"] == 1.0 and other.explanation["country_match"] == 0.0
    assert other.score < same.score


def test_screening_without_a_country_counts_neither(screener: Screener) -> None:
    (match,) = screener.screen(NAME).matches
    assert match.explanation["country_match"] == 0.0 and match.explanation["country_mismatch"] == 0.0
