"""Screening the real OFAC SDN sample rows: the right entry ranks first, sister companies stay apart."""

import pytest

from redflag.matching.screening import DEFAULT_THRESHOLD, Screener

CYTROX_HOLDINGS = "ofac-48069"
CYTROX_AD = "ofac-48067"
INTELLEXA_SA = "ofac-48059"
INTELLEXA_LTD = "ofac-48064"


@pytest.fixture(scope="module")
def screener(sdn_candidates) -> Screener:
    assert len(sdn_candidates) > 300
    return Screener(sdn_candidates)


@pytest.mark.parametrize("query", ["CYTROX HOLDINGS ZRT", "Cytrox Holdings Zrt.", "Cytrox Holdings Zártkörűen Működő Részvénytársaság"])
def test_cytrox_holdings_is_found_first_not_its_sister(screener, query):
    result = screener.screen(query)
    assert result.matches, query
    assert result.matches[0].id == CYTROX_HOLDINGS
    assert result.matches[0].programs == ["CYBER2"]
    others = {m.id: m.score for m in result.matches[1:]}
    if CYTROX_AD in others:
        assert others[CYTROX_AD] < result.matches[0].score


def test_intellexa_ltd_finds_the_irish_limited_before_the_greek_sa(screener):
    result = screener.screen("Intellexa Ltd.")
    assert result.matches[0].id == INTELLEXA_LTD
    assert result.matches[0].matched_name == "INTELLEXA LIMITED"
    scores = {m.id: m.score for m in result.matches}
    assert scores.get(INTELLEXA_SA, 0.0) < scores[INTELLEXA_LTD]
    assert result.matches[0].explanation["legal_form_mismatch"] == 0.0


def test_intellexa_sa_finds_the_greek_entry_first(screener):
    result = screener.screen("Intellexa Société Anonyme")
    assert result.matches[0].id == INTELLEXA_SA


def test_cytrox_ad_finds_cytrox_ad_first(screener):
    assert screener.screen("Cytrox AD").matches[0].id == CYTROX_AD


def test_person_by_alias_and_word_order(screener):
    result = screener.screen("Evgeniy Bogachev")
    assert result.matches[0].name == "BOGACHEV, Evgeniy Mikhaylovich"
    assert result.matches[0].score >= DEFAULT_THRESHOLD


def test_an_unrelated_company_finds_nothing(screener):
    assert screener.screen("Blue Harbor Foods GmbH").matches == []


@pytest.mark.parametrize(
    "query,primary",
    [
        ("BYCHKOV, Petr Alexandrovich", "BYCHKOV, Pyotr Aleksandrovich"),  # romanization of Cyrillic
        ("POLYANIN, Evgenii Igorevich", "POLYANIN, Yevgeniy Igorevich"),
        ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TREID-INVEST", "TREID-INVEST, OOO"),  # OOO spelled out
        ("LIMITED LIABILITY COMPANY ALKON", "OOO ALKON"),  # LLC written first
    ],
)
def test_real_aliases_find_their_entry_from_the_primary_name_alone(sdn_candidates, query, primary):
    # the entry's own aliases are withheld: the alias has to be recognised as a spelling of the primary name
    from redflag.matching.screening import Candidate

    primaries = [Candidate(id=c.id, name=c.name, countries=c.countries, schema=c.schema) for c in sdn_candidates]
    result = Screener(primaries).screen(query, threshold=DEFAULT_THRESHOLD)
    # (Polyanin's sole-trader entry, "POLYANIN EVGENII IGOREVICH IP", is the same person and may rank first)
    assert primary in [m.name for m in result.matches], [(m.name, m.score) for m in result.matches]
