"""Held-out variants of the screening field cases (02, 06, 15), tried on real SDN rows.

The list rows are the real OFAC SDN sample in tests/fixtures/crawler/ofac (sdn.csv 2024-05-03, add/alt 2022-01);
the queries are written as customer files write these names: legal forms as other jurisdictions abbreviate them
(Spanish "Limitada" / "LTDA.", Turkish "Limited Sirketi" / "Ltd. Sti."; rigour's org-types table, from OCCRP,
ISO 20275 and Wikipedia), companies named for a city and a trade, and an IMO company number that OFAC writes
under "Identification Number".
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from crawler.parsers.lists import ListFile, parse_files
from ontology.identifiers import labelled_identifier, normalize_identifier
from ontology.names import strip_legal_forms
from redflag.matching.screening import DEFAULT_THRESHOLD, Candidate, Screener

OFAC_SAMPLE = Path(__file__).parent.parent / "fixtures" / "crawler" / "ofac"


@cache
def sdn_screener() -> Screener:
    files = [ListFile(name=p.name, data=p.read_bytes()) for p in sorted(OFAC_SAMPLE.glob("*.csv"))]
    parsed = parse_files("ofac", files)
    assert parsed.entities and not parsed.errors
    return Screener([Candidate.from_list_entity(e) for e in parsed.entities])


# --------------------------------------------------------------------------- legal forms of other jurisdictions
@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Distribuidora y Electricos Rincon Limitada", "ofac-23614"),  # listed: ... RINCON LTDA.
        ("DISTRIBUIDORA Y ELECTRICOS RINCON LTDA", "ofac-23614"),
        ("AZU INTERNATIONAL BILGI TEKNOLOJILERI VE DIS TICARET LTD STI", "ofac-42033"),  # listed: LIMITED SIRKETI
        ("Azu International Bilgi Teknolojileri ve Dis Ticaret Ltd. Şti.", "ofac-42033"),
        ("Tamyna Free Zone Establishment", "ofac-40952"),  # listed: TAMYNA FZE
        ("Petro Naviero Private Limited", "ofac-39667"),  # listed: PETRO NAVIERO PTE. LTD.
        ("Biznes-Stolitsa Limited Liability Company", "ofac-26672"),  # listed: BIZNES-STOLITSA, OOO
        ("ZAO IFDK", "ofac-22416"),  # listed: IFDK, ZAO
        ("Megafon PJSC", "ofac-42086"),  # listed: MEGAFON PAO
        ("Cytrox Holdings Zrt.", "ofac-48069"),
        ("SUEX OTC s.r.o.", "ofac-33151"),
    ],
)
def test_a_legal_form_written_another_way_still_matches_its_entity_first(query: str, entity: str) -> None:
    best = sdn_screener().screen(query, threshold=0.0).matches[0]
    assert best.id == entity and best.score >= DEFAULT_THRESHOLD, (best.id, best.score)


@pytest.mark.parametrize(
    ("name", "core"),
    [("Rincon Limitada", "rincon"), ("Rincon Ltda", "rincon"), ("Azu Ltd Sti", "azu"),
     ("Azu Limited Sirketi", "azu"), ("Acme Sdn Bhd", "acme"), ("Acme S de RL de CV", "acme"),
     ("Acme GmbH & Co. KG", "acme")],
)  # fmt: skip
def test_legal_forms_the_project_table_lacks_are_read_through_rigour(name: str, core: str) -> None:
    assert strip_legal_forms(name)[0] == core


def test_a_word_rigour_does_not_call_a_company_form_stays_in_the_name() -> None:
    assert strip_legal_forms("Acme Cooperative")[0] == "acme cooperative"  # rigour kind "coop": not a company form
    assert strip_legal_forms("Acme Foundation")[0] == "acme foundation"


# --------------------------------------------------------------------------- a city and a trade name no one
@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Shanghai Trading Co", "SHANGHAI GANG QUAN TRADE CO."),  # real SDN row 22245
        ("Dubai Trading LLC", "GOLDEN STAR DUBAI TRADING LLC"),
        ("Hong Kong Electronics Ltd", "HONG KONG YIHAI ELECTRONICS CO LTD"),
        ("Beijing Technology Co Ltd", "BEIJING ZHONGGUANCUN SCIENCE TECHNOLOGY CO LTD"),
    ],
)
def test_a_name_of_a_place_and_generic_words_is_not_a_match_for_a_longer_listed_name(query: str, listed: str) -> None:
    m = Screener([Candidate(id="x", name=listed)]).screen(query, threshold=0.0).matches[0]
    assert m.score < DEFAULT_THRESHOLD and m.explanation["generic_subset"] == 1.0


def test_the_real_shanghai_row_is_not_matched_by_a_city_and_a_trade() -> None:
    matches = sdn_screener().screen("Shanghai Trading Co").matches
    assert not [m.id for m in matches if m.score >= DEFAULT_THRESHOLD]
    full = sdn_screener().screen("Shanghai Gang Quan Trade Co").matches[0]
    assert full.id == "ofac-22245" and full.score >= DEFAULT_THRESHOLD


# --------------------------------------------------------------------------- identifiers under a generic label
def test_an_imo_company_number_under_identification_number_is_an_imo_number() -> None:
    # real SDN row 31928: "Identification Number IMO 5933437" (the ship manager's IMO company number)
    assert labelled_identifier("Identification Number IMO 5933437") == ("imo", "5933437")
    assert normalize_identifier("id_number", "IMO 5933437") == ("imo", "5933437")
    assert normalize_identifier("registration", "C.R. No. 12345") == ("registration", "12345")


@pytest.mark.parametrize("ident", [("imo", "5933437"), ("imo", "IMO 5933437"), ("registration", "IMO 5933437"),
                                   ("id_number", "IMO5933437")])  # fmt: skip
def test_the_listed_company_is_found_by_its_imo_number(ident: tuple[str, str]) -> None:
    best = sdn_screener().screen("Unrelated Shipping Co", identifiers=[ident], threshold=0.0).matches[0]
    assert best.id == "ofac-31928" and best.explanation["identifier_match"] == 1.0
    assert best.notes == ["imo 5933437 equals the list's imo 5933437"]


@pytest.mark.parametrize(
    ("ident", "entity"),
    [(("mmsi", "375 311 000"), "ofac-27200"), (("MMSI", "MMSI 375311000"), "ofac-27200"),
     (("inn", "7707 847 556"), "ofac-31928"), (("Tax ID No.", "7707847556"), "ofac-31928"),
     (("ogrn", "5147746277036"), "ofac-31928"), (("Business Registration Number", "5147746277036"), "ofac-31928")],
)  # fmt: skip
def test_typed_identifiers_with_spaces_and_labels_find_their_entity(ident: tuple[str, str], entity: str) -> None:
    best = sdn_screener().screen("Unrelated Name", identifiers=[ident], threshold=0.0).matches[0]
    assert best.id == entity and best.explanation["identifier_match"] == 1.0
