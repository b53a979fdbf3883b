"""Screening state bodies named with their country, as end-user fields write them, against real OFAC SDN rows.

Rows: tests/fixtures/matching/state_bodies (three SDN state bodies as published, see SOURCE.md there), read by the
project's own OFAC parser. OFAC lists "FEDERAL SECURITY SERVICE" (Russia); its official name is "Federal Security
Service of the Russian Federation". A name made of generic words with the listed body's own country after it is
that body; with another country after it ("National Bank of Egypt" against a Nicaraguan "NATIONAL BANK", field case
15) it is not.
"""

from pathlib import Path

import pytest

from crawler.parsers.ofac import parse_ofac
from redflag.matching.screening import Candidate, Screener

FIXTURE = Path(__file__).parent.parent / "fixtures" / "matching" / "state_bodies"
REVIEW_CUT = 0.65
FSB = "ofac-21344"


@pytest.fixture(scope="module")
def screener() -> Screener:
    parsed = parse_ofac((FIXTURE / "sdn.csv").read_bytes(), (FIXTURE / "add.csv").read_bytes())
    entities = {e.id: e for e in parsed.entities}
    assert entities[FSB].countries == ["RU"]
    return Screener([Candidate.from_list_entity(e) for e in parsed.entities])


@pytest.mark.parametrize("query", [
    "Federal Security Service of the Russian Federation",
    "FEDERAL SECURITY SERVICE OF RUSSIA",
    "Federal Security Service (Russia)",
])
def test_the_listed_body_named_with_its_own_country_is_a_match(screener, query):
    result = screener.screen(query, threshold=REVIEW_CUT)
    assert result.matches, f"{query!r} came back clear"
    assert result.matches[0].id == FSB
    assert result.matches[0].score >= screener.match_threshold


@pytest.mark.parametrize("query", ["Security Service of Ukraine", "Federal Security Service of Ukraine"])
def test_a_generic_body_name_of_another_country_is_not_a_match(screener, query):
    """The SBU is Ukraine's security service, not Russia's FSB: a review at most."""
    result = screener.screen(query, threshold=0.0)
    fsb = [m for m in result.matches if m.id == FSB]
    assert not fsb or fsb[0].score < screener.match_threshold


@pytest.mark.parametrize("query", ["Ministry of Intelligence and Security of Iran", "Ministry of Intelligence and Security of the Islamic Republic of Iran"])
def test_the_country_after_the_name_is_the_adjective_before_it(screener, query):
    """OFAC writes "IRANIAN MINISTRY OF INTELLIGENCE AND SECURITY"; "of Iran" names the same country."""
    result = screener.screen(query, threshold=REVIEW_CUT)
    assert result.matches, f"{query!r} came back clear"
    assert result.matches[0].id == "ofac-12111"
    assert result.matches[0].score >= screener.match_threshold


def test_another_country_after_the_name_is_not_the_adjective(screener):
    result = screener.screen("Ministry of Intelligence and Security of Iraq", threshold=0.0)
    mois = [m for m in result.matches if m.id == "ofac-12111"]
    assert not mois or mois[0].score < screener.match_threshold



def test_a_second_of_before_the_country_is_not_a_word_the_listed_name_lacks(screener):
    """"Ministry of Intelligence" alone was a match, "Ministry of Intelligence of Iran" came back clear (0.20): the
    second "of" had no partner in the listed name and counted as a word of its own against it, as if the names
    were two sister bodies."""
    result = screener.screen("Ministry of Intelligence of Iran", threshold=REVIEW_CUT)
    assert result.matches, "'Ministry of Intelligence of Iran' came back clear"
    assert result.matches[0].id == "ofac-12111"
    assert result.matches[0].score >= screener.match_threshold


def test_the_body_named_with_its_countrys_official_name_is_never_clear(screener):
    """The same with "of the Islamic Republic of Iran" (was 0.26, clear): a review candidate at least."""
    result = screener.screen("Ministry of Intelligence of the Islamic Republic of Iran", threshold=REVIEW_CUT)
    assert [m.id for m in result.matches][:1] == ["ofac-12111"]


@pytest.mark.parametrize("query", ["Xinjiang Production and Construction Corporation",
                                   "XINJIANG PRODUCTION & CONSTRUCTION CORP"])
def test_corps_is_a_kind_of_body_not_a_name_of_its_own(screener, query):
    """OFAC lists the XPCC as "XINJIANG PRODUCTION AND CONSTRUCTION CORPS"; its usual English name ends in
    "Corporation". Read as a distinctive word, "corps" made the query a generic description inside the listed name
    (generic_subset) and the XPCC came back clear (0.55). "Corps" names a kind of body, as "army" and "brigade" do."""
    result = screener.screen(query, threshold=REVIEW_CUT)
    assert result.matches, f"{query!r} came back clear"
    assert result.matches[0].id == "ofac-29299"
    assert result.matches[0].score >= screener.match_threshold


@pytest.mark.parametrize("query", ["Xinjiang Uyghur Autonomous Region Public Security Bureau",
                                   "Public Security Bureau of the Xinjiang Uyghur Autonomous Region"])
def test_the_longer_form_of_the_listed_bodys_own_place_is_no_name_of_its_own(screener, query):
    """OFAC lists "XINJIANG PUBLIC SECURITY BUREAU" (29159); the Entity List and reports write the region's full
    name. "Uyghur Autonomous Region" continues the place the listed name already holds (one run of rigour's place
    words with the paired "Xinjiang"), so it is no distinctive word the query adds: a match (was 0.45 / 0.37, clear).
    A place the listed name lacks still is one ("National Bank of Egypt", field case 15)."""
    result = screener.screen(query, threshold=REVIEW_CUT)
    assert result.matches, f"{query!r} came back clear"
    assert result.matches[0].id == "ofac-29159"
    assert result.matches[0].score >= screener.match_threshold
