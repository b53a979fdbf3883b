"""Identifiers a customer file writes into the name column, screened against the real SDN row of the tanker DANIEL
(ent_num 15903, "Vessel Registration Identification IMO 9569683"; tests/fixtures/matching/field_cases/06-...).

Vessel and company lists kept by exporters and shipping desks often hold "MT DANIEL (IMO 9569683)" or "ACME LLC,
INN 7708004767" in one cell. The number was compared as two more words of the name: 0.026 against DANIEL, a silent
clear of a listed tanker named with its own IMO number. The labelled identifier is now taken out of the name and
compared as an identifier (``ontology.identifiers.identifiers_in_name``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from crawler.parsers.lists import ListFile, parse_files
from ontology.identifiers import identifiers_in_name
from redflag.matching.screening import DEFAULT_THRESHOLD, Candidate, Screener

FOLDER = Path(__file__).parent.parent / "fixtures" / "matching" / "field_cases" / "06-vessel-imo-prefix" / "ofac"


@cache
def screener() -> Screener:
    files = [ListFile(name=p.name, data=p.read_bytes()) for p in sorted(FOLDER.glob("*.csv"))]
    return Screener([Candidate.from_list_entity(e) for e in parse_files("ofac", files).entities])


@pytest.mark.parametrize(
    "name",
    ["MT DANIEL (IMO 9569683)", "DANIEL IMO 9569683", "DANIEL - IMO 9569683", "DANIEL, IMO: 9569683",
     "DANIEL IMO No. 9569683", "DANIEL [IMO 956 9683]"],
)  # fmt: skip
def test_a_vessel_named_with_its_imo_number_is_a_match_on_the_identifier(name: str) -> None:
    best = screener().screen(name, threshold=0.0).matches[0]
    assert best.id == "ofac-15903" and best.score >= DEFAULT_THRESHOLD, (best.id, best.score)
    assert best.explanation["identifier_match"] == 1.0
    assert any("equals the list's" in note for note in best.notes)


def test_a_wrong_imo_in_the_name_is_evidence_against() -> None:
    result = screener().screen("DANIEL (IMO 9999999)", threshold=0.0)
    (daniel,) = [m for m in result.matches if m.id == "ofac-15903"]
    right = screener().screen("DANIEL (IMO 9569683)", threshold=0.0).matches[0]
    assert daniel.explanation["identifier_mismatch"] > 0.0 and daniel.score < right.score


@pytest.mark.parametrize(
    ("name", "rest", "found"),
    [
        ("ACME LLC, INN 7708004767", "ACME LLC", [("inn", "7708004767")]),
        ("DANIEL (IMO 9569683, MMSI 636012345)", "DANIEL", [("imo", "9569683"), ("mmsi", "636012345")]),
        ("IMO TRADING", "IMO TRADING", []),  # a label word without a value of its shape is part of the name
        ("INN TRADING LLC", "INN TRADING LLC", []),
        ("Holiday Inn", "Holiday Inn", []),
        ("DANIEL IMO 123", "DANIEL IMO 123", []),  # not an IMO number's shape
        ("DANIEL IMO 9569683 TANKER", "DANIEL IMO 9569683 TANKER", []),  # only at the end of the name
        ("IMO 9569683", "IMO 9569683", [("imo", "9569683")]),  # nothing else: the name stays as written
    ],
)
def test_only_a_labelled_value_of_the_types_shape_at_the_end_is_taken_out(
    name: str, rest: str, found: list[tuple[str, str]]
) -> None:
    assert identifiers_in_name(name) == (rest, found)
