"""Screening by identifier on real OFAC SDN rows: an equal identifier is never dropped in silence.

Rows: tests/fixtures/matching/identifiers/sdn.csv (three SDN entries as published, see SOURCE.md there), read by
the project's own OFAC parser. A Russian company keeps its INN (tax number) and OGRN (state registration number)
when it is renamed, and a customer file often writes the Russian name (or a new one) with the number: a user who
types the list's own number must see the entry, whatever the name.
"""

import json
from pathlib import Path

import pytest

from crawler.parsers.ftm import parse_ftm
from crawler.parsers.ofac import parse_ofac
from ontology.identifiers import parse_identifier
from redflag.matching.screening import Candidate, Screener

FIXTURE = Path(__file__).parent.parent / "fixtures" / "matching" / "identifiers" / "sdn.csv"
REVIEW_CUT = 0.65  # the default REDFLAG_SCREEN_REVIEW_THRESHOLD: what a screening lists as review candidates


@pytest.fixture(scope="module")
def screener() -> Screener:
    parsed = parse_ofac(FIXTURE.read_bytes())
    assert {e.id for e in parsed.entities} == {"ofac-21333", "ofac-26673", "ofac-29885"}
    return Screener([Candidate.from_list_entity(e) for e in parsed.entities])


@pytest.mark.parametrize("identifier", [("inn", "7704813260"), ("ogrn", "1127746601817")])
def test_a_russian_single_value_number_equal_to_the_lists_is_a_match_under_another_name(screener, identifier):
    """OFAC writes "Tax ID No. 7704813260 (Russia)" and "Registration ID 1127746601817 (Russia)"; the user's INN and
    OGRN are those numbers. A company has one INN and one OGRN, so the equal number is a match (as an IMO is)."""
    result = screener.screen("Tsor Sekyuriti", identifiers=[identifier], threshold=REVIEW_CUT)
    assert [m.id for m in result.matches] == ["ofac-21333"]
    top = result.matches[0]
    assert top.score >= screener.match_threshold
    assert any("equals the list's" in note for note in top.notes)


@pytest.mark.parametrize("identifier", [("tax", "7704813260"), ("registration", "1127746601817")])
def test_an_equal_generic_number_under_another_name_is_at_least_a_review_candidate(screener, identifier):
    """A plain tax or registration number may be one of several an entity holds (or mistyped): not a match on its
    own, but never a silent clear either."""
    result = screener.screen("Tsor Sekyuriti", identifiers=[identifier], threshold=REVIEW_CUT)
    assert [m.id for m in result.matches] == ["ofac-21333"]
    top = result.matches[0]
    assert REVIEW_CUT <= top.score < screener.match_threshold
    assert any("equals the list's" in note for note in top.notes)


def test_a_different_inn_under_an_unrelated_name_finds_nothing(screener):
    result = screener.screen("Tsor Sekyuriti", identifiers=[("inn", "7701829597")], threshold=REVIEW_CUT)
    assert result.matches == []


def test_a_mistyped_inn_does_not_hide_the_entry_of_the_same_name(screener):
    """A number that differs from the list's is evidence against, but the same name stays listed for review."""
    same = screener.screen("OPTIMA OOO", identifiers=[("inn", "7716740680")], threshold=REVIEW_CUT).matches[0]
    other = screener.screen("OPTIMA OOO", identifiers=[("inn", "7716740681")], threshold=REVIEW_CUT).matches[0]
    assert same.id == other.id == "ofac-26673"
    assert other.explanation["identifier_mismatch"] > 0.0
    assert REVIEW_CUT <= other.score < same.score


@pytest.mark.parametrize(
    ("typed", "bare"),
    [
        ("tax:TIN 7716740680", "tax:7716740680"),
        ("inn:ИНН 7716740680", "inn:7716740680"),
        ("inn:ИНН: 7716740680", "inn:7716740680"),
        ("registration:Reg. No. 1137746232260", "registration:1137746232260"),
        ("ogrn:ОГРН № 1137746232260", "ogrn:1137746232260"),
        ("duns:D-U-N-S 50-579-8144", "duns:505798144"),
        ("duns:DUNS # 505798144", "duns:505798144"),
    ],
)
def test_an_identifier_typed_with_its_own_label_is_the_bare_number(screener, typed, bare):
    """Customer files and users repeat the label in the value ("TIN 7716740680", Cyrillic "ИНН", "Reg. No."); it
    was kept as part of the value ("TIN7716740680"), which differed from the list's number: an identifier
    mismatch against the very entity, and with a renamed company a silent clear."""
    assert parse_identifier(typed) == parse_identifier(bare)
    ident = parse_identifier(typed)
    top = screener.screen("OPTIMA OOO", identifiers=[(ident.scheme, ident.value)], threshold=REVIEW_CUT).matches[0]
    assert top.id == "ofac-26673" and top.explanation["identifier_match"] == 1.0
    assert top.explanation["identifier_mismatch"] == 0.0


@pytest.mark.parametrize("typed", ["passport:Passport No. A1234567", "passport:A1234567", "passport:Passport # A1234567"])
def test_a_passport_number_written_with_no_or_hash_is_the_same_number(typed):
    assert parse_identifier(typed).value == "A1234567"


def test_letters_that_name_no_identifier_type_stay_part_of_the_value():
    assert parse_identifier("passport:AB 1234567").value == "AB1234567"
    assert parse_identifier("tax:IMO 9569683").value == "IMO9569683"  # another type's label is not stripped


def test_a_uscc_typed_by_the_user_finds_an_ftm_company_that_carries_it_as_usccode():
    """FtM writes the USCC as ``uscCode`` (followthemoney LegalEntity.yaml); it was not imported, so the user's USCC
    (Hikvision's, from the real OFAC CMIC row 30946) under the Chinese name came back clear."""
    line = {"id": "os-hik", "schema": "Company", "properties": {
        "name": ["Hangzhou Hikvision Digital Technology Co., Ltd."], "uscCode": ["91330000733796106P"],
        "topics": ["sanction"]}}  # fmt: skip
    parsed = parse_ftm((json.dumps(line) + "\n").encode())
    screener = Screener([Candidate.from_list_entity(e) for e in parsed.entities])
    result = screener.screen("杭州海康威视数字技术股份有限公司", identifiers=[("uscc", "91330000733796106P")], threshold=REVIEW_CUT)
    assert [m.id for m in result.matches] == ["os-hik"]
    assert result.matches[0].score >= screener.match_threshold
