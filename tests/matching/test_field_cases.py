"""Field cases 02, 06 and 15 (real OFAC rows), screened through the real parser and the real screener.

02: customer lists write generic words cut short (nomenklatura issues #245, #274); 06: vessels are screened by
IMO number (opensanctions PR #2761); 15: OFAC's weak aliases such as NATIONAL BANK (moov-io/watchman #29, OFAC
FAQ 91). The inputs are copied from the field-case folder into tests/fixtures/matching/field_cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.parsers.common import ParsedList
from crawler.parsers.lists import ListFile, parse_files
from ontology.names import word_symbol
from redflag.matching.analysis import analyze_name
from redflag.matching.screening import DEFAULT_THRESHOLD, Candidate, Screener
from redflag.screening_ops.parties import PartyQuery, read_party_text

FIELD = Path(__file__).parent.parent / "fixtures" / "matching" / "field_cases"
OFAC_SAMPLE = Path(__file__).parent.parent / "fixtures" / "crawler" / "ofac"
REVIEW_THRESHOLD = 0.65  # REDFLAG_SCREEN_REVIEW_THRESHOLD's default


def parse_folder(folder: Path) -> ParsedList:
    files = [ListFile(name=p.name, data=p.read_bytes()) for p in sorted(folder.glob("*.csv"))]
    parsed = parse_files("ofac", files)
    assert parsed.entities and not parsed.errors
    return parsed


def screener_for(folder: Path) -> Screener:
    return Screener([Candidate.from_list_entity(e) for e in parse_folder(folder).entities])


# --------------------------------------------------------------------------- 02: abbreviated company words
@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("HANGZHOU HIKVISION DIGITAL TECH CO LTD", "ofac-30946"),
        ("MEGVII TECH LTD", "ofac-33091"),
        ("SENSETIME GRP LTD", "ofac-33114"),
        ("CHINA NATL OFFSHORE OIL CORP", "ofac-30956"),
        ("LUKOIL OIL COMP", "ofac-17248"),
    ],
)
def test_02_names_with_generic_words_cut_short_match_their_entity_first(query: str, entity: str) -> None:
    result = screener_for(FIELD / "02-abbreviated-company-words" / "ofac").screen(query, threshold=0.0, limit=20)
    best, *others = result.matches
    assert best.id == entity and best.score >= DEFAULT_THRESHOLD, [(m.id, m.score) for m in result.matches]
    assert all(m.score < best.score for m in others)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("TECH", "TECHNOLOGY"), ("TECHNOL", "TECHNOLOGY"), ("GRP", "GROUP"), ("NATL", "NATIONAL"),
        ("INTL", "INTERNATIONAL"), ("CORP", "CORPORATION"), ("CO", "COMPANY"), ("COMP", "COMPANY"),
        ("MFG", "MANUFACTURING"), ("IND", "INDUSTRIES"), ("SVCS", "SERVICES"), ("SRVCES", "SERVICES"),
        ("COMM", "COMMUNICATIONS"), ("ELEC", "ELECTRIC"), ("ENG", "ENGINEERING"), ("HLDGS", "HOLDINGS"),
        ("MGMT", "MANAGEMENT"), ("ASSN", "ASSOCIATION"), ("UNIV", "UNIVERSITY"), ("DEPT", "DEPARTMENT"),
        ("RSCH", "RESEARCH"), ("MKTG", "MARKETING"), ("TELECOMM", "TELECOMMUNICATIONS"), ("DISTR", "DISTRIBUTION"),
        ("INTL", "INTERNATIONAL"), ("NACIONAL", "NATIONAL"), ("BANCO", "BANK"), ("INDL", "INDUSTRIAL"),
    ],
)  # fmt: skip
def test_02_every_common_abbreviation_of_a_generic_word_compares_equal_to_the_word(short: str, full: str) -> None:
    assert word_symbol(short.lower()) == word_symbol(full.lower())
    a, b = analyze_name(f"Zorvex {short} Partners"), analyze_name(f"ZORVEX {full} PARTNERS")
    assert a.tokens == b.tokens


def test_02_a_distinctive_word_is_not_folded() -> None:
    assert word_symbol("hikvision") == "hikvision" and word_symbol("egypt") == "egypt"
    assert analyze_name("Acme Tech").tokens != analyze_name("Acme Tea").tokens


# --------------------------------------------------------------------------- 06: vessel by IMO number
def _parties() -> dict[str, PartyQuery]:
    text = (FIELD / "06-vessel-imo-prefix" / "parties.csv").read_text(encoding="utf-8")
    parsed = read_party_text(text, "parties.csv")
    assert not parsed.errors
    return {p.reference: p for p in parsed.parties}


def _screen(party: PartyQuery) -> tuple[float, list[str], dict[str, float]]:
    result = screener_for(FIELD / "06-vessel-imo-prefix" / "ofac").screen(
        party.name, identifiers=party.identifiers, threshold=0.0
    )
    (m,) = [m for m in result.matches if m.id == "ofac-15903"]
    return m.score, m.notes, m.explanation


def test_06_the_listed_imo_is_stored_as_a_typed_value() -> None:
    (vessel,) = parse_folder(FIELD / "06-vessel-imo-prefix" / "ofac").entities
    assert ("imo", "9569683") in {(i.scheme, i.value) for i in vessel.identifiers}
    assert ("call_sign", "5IM656") in {(i.scheme, i.value) for i in vessel.identifiers}


@pytest.mark.parametrize("reference", ["V-1", "V-2", "V-4"])
def test_06_the_right_imo_makes_a_match_on_the_identifier(reference: str) -> None:
    party = _parties()[reference]
    assert party.identifiers == (("imo", "9569683"),)  # "imo:IMO 9569683" and "imo:9569683" are one value
    score, notes, explanation = _screen(party)
    assert score >= DEFAULT_THRESHOLD and explanation["identifier_match"] == 1.0
    assert notes == ["imo 9569683 equals the list's imo 9569683"]


def test_06_a_wrong_imo_scores_clearly_lower_and_says_why() -> None:
    parties = _parties()
    right, _, _ = _screen(parties["V-2"])
    wrong, notes, explanation = _screen(parties["V-3"])
    assert wrong < DEFAULT_THRESHOLD and right - wrong >= 0.2
    assert explanation["identifier_mismatch"] == 1.0
    assert notes == ["imo 9999999 differs from the list's imo 9569683"]


def test_06_a_vessel_type_prefix_is_not_part_of_the_name() -> None:
    screener = screener_for(FIELD / "06-vessel-imo-prefix" / "ofac")
    for query in ("MT DANIEL", "M/V DANIEL", "MV Daniel"):
        best = screener.screen(query).matches[0]
        assert best.id == "ofac-15903" and best.explanation["name_exact"] == 1.0


def test_06_a_renamed_vessel_is_found_by_its_imo_alone() -> None:
    party = PartyQuery(name="OCEAN PEARL", identifiers=(("imo", "9569683"),))
    score, notes, _ = _screen(party)
    assert score >= DEFAULT_THRESHOLD and "equals" in notes[0]


# --------------------------------------------------------------------------- 15: weak and generic aliases
NICARAGUAN_BANK, BANCO_NACIONAL_DE_CUBA = "ofac-26549", "ofac-306"


def test_15_remarks_only_akas_are_kept_as_weak_aliases() -> None:
    by_id = {e.id: e for e in parse_folder(FIELD / "15-generic-alias-subset" / "ofac").entities}
    assert "NATIONAL BANK" in by_id[NICARAGUAN_BANK].weak_aliases
    assert "NATIONAL BANK" not in by_id[NICARAGUAN_BANK].aliases
    assert by_id[BANCO_NACIONAL_DE_CUBA].aliases == ["NATIONAL BANK OF CUBA"]  # from ALT: strong
    assert ("bic", "BOFPNIMA") in {(i.scheme, i.value) for i in by_id[NICARAGUAN_BANK].identifiers}


@pytest.mark.parametrize("query", ["National Bank of Egypt", "First National Bank", "NATIONAL BANK OF EGYPT S.A.E.",
                                   "Banco Nacional de Panama", "The National Bank Ltd"])  # fmt: skip
def test_15_a_weak_alias_never_makes_a_match_against_a_longer_name(query: str) -> None:
    result = screener_for(FIELD / "15-generic-alias-subset" / "ofac").screen(query, threshold=REVIEW_THRESHOLD)
    for m in result.matches:
        if m.id == NICARAGUAN_BANK:
            assert m.score < DEFAULT_THRESHOLD
            assert any("weak alias" in note for note in m.notes), m.notes


def test_15_the_strong_alias_still_matches() -> None:
    result = screener_for(FIELD / "15-generic-alias-subset" / "ofac").screen("NATIONAL BANK OF CUBA")
    assert result.matches[0].id == BANCO_NACIONAL_DE_CUBA and result.matches[0].score >= DEFAULT_THRESHOLD
    assert NICARAGUAN_BANK not in [m.id for m in result.matches if m.score >= DEFAULT_THRESHOLD]


@pytest.mark.parametrize(("query", "entity"), [("BNC", BANCO_NACIONAL_DE_CUBA), ("BANCORP", NICARAGUAN_BANK)])
def test_15_a_short_alias_screened_exactly_matches_its_entity(query: str, entity: str) -> None:
    result = screener_for(FIELD / "15-generic-alias-subset" / "ofac").screen(query)
    assert result.matches and result.matches[0].id == entity


def test_15_a_bank_identified_by_its_swift_code_is_a_match_whatever_the_alias() -> None:
    result = screener_for(FIELD / "15-generic-alias-subset" / "ofac").screen(
        "National Bank", identifiers=[("swift", "BOFPNIMAXXX")]
    )
    assert result.matches[0].id == NICARAGUAN_BANK and result.matches[0].score >= DEFAULT_THRESHOLD
    assert result.matches[0].notes == ["bic BOFPNIMA equals the list's bic BOFPNIMA"]


# --------------------------------------------------------------------------- the same kinds on real SDN rows
@pytest.mark.parametrize(("query", "entity"), [("GRU", "ofac-21343"), ("FSB", "ofac-21344")])
def test_real_short_aliases_screened_exactly_match(query: str, entity: str) -> None:
    result = screener_for(OFAC_SAMPLE).screen(query)
    assert result.matches and result.matches[0].id == entity and result.matches[0].score >= DEFAULT_THRESHOLD


def test_a_bracketed_acronym_is_a_name_of_its_own_and_not_a_mismatching_word() -> None:
    s = Screener([Candidate(id="x1", name="FEDERALNAYA SLUZHBA BEZOPASNOSTI (FSB)"),
                  Candidate(id="x2", name="GLAVNOYE RAZVEDYVATELNOYE UPRAVLENIYE (GRU)")])  # fmt: skip
    assert s.screen("FSB").matches[0].id == "x1"
    full = s.screen("Federalnaya Sluzhba Bezopasnosti").matches[0]
    assert full.id == "x1" and full.explanation["extra_tokens"] == 0.0 and full.score >= 0.9


@pytest.mark.parametrize(("a", "b"), [("13th Brigade", "13th Brigade"), ("13 Brigade", "13th Brigade"),
                                      ("1st Battalion", "1 Battalion"), ("22nd Regiment", "22ND REGIMENT")])  # fmt: skip
def test_ordinals_and_cardinals_compare(a: str, b: str) -> None:
    result = Screener([Candidate(id="u", name=b)]).screen(a)
    assert result.matches and result.matches[0].explanation["number_mismatch"] == 0.0
    assert result.matches[0].score >= DEFAULT_THRESHOLD


def test_different_numbers_still_differ() -> None:
    result = Screener([Candidate(id="u", name="13th Brigade")]).screen("14th Brigade", threshold=0.0)
    assert result.matches[0].explanation["number_mismatch"] == 1.0 and result.matches[0].score < 0.5
    bracketed = Screener([Candidate(id="o", name="OPTIMA (12)")]).screen("OPTIMA (13)", threshold=0.0)
    assert bracketed.matches[0].explanation["number_mismatch"] == 1.0  # a number in brackets is no acronym


def test_list_boilerplate_is_a_note_not_part_of_the_name() -> None:
    from crawler.parsers.csl import parse_csl_json

    rec = {"_id": "b1", "source": "Entity List (EL) - Bureau of Industry and Security", "type": "Entity",
           "name": "Zorvex Optics Co., Ltd.; and any successor, sub-unit, or subsidiary thereof"}  # fmt: skip
    (entity,) = parse_csl_json(f'{{"results": [{_json(rec)}]}}'.encode()).entities
    assert entity.name == "Zorvex Optics Co., Ltd."
    assert entity.name_notes == ["and any successor, sub-unit, or subsidiary thereof"]
    # a name screened with the boilerplate still in it compares on the name alone
    match = Screener([Candidate(id="z", name="Zorvex Optics Co Ltd")]).screen(rec["name"]).matches[0]
    assert match.explanation["name_exact"] == 1.0


def test_real_csl_boilerplate_is_cut() -> None:
    # a real ISN (State Department) entry of the trade.gov Consolidated Screening List
    from ontology.names import split_list_boilerplate

    name, note = split_list_boilerplate("Sinobright Import and Export Company; and any successor, sub-unit, or "
                                        "subsidiary thereof")  # fmt: skip
    assert (name, note) == ("Sinobright Import and Export Company", "and any successor, sub-unit, or subsidiary thereof")
    assert split_list_boilerplate("Trading and Services Co") == ("Trading and Services Co", "")


def _json(obj: dict[str, str]) -> str:
    import json

    return json.dumps(obj)
