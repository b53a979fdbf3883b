"""Supplies told with no sale verb (issue 13, round 21, brief supply24), as minimal sentences with fictional firms
(Veltrix Networks Ltd, Korvane Telecom Ltd: invented names, no real company) and real state bodies or places:

- help a firm's staff give a state body for surveillance is the firm's supply ("X technicians helped the Y
  government watch ...", "engineers from X helped ..."); staff helping with something else, or staff of no firm
  named, give none; staff of one state's body helping another state's body make that body the supplier, helping
  their own state's body they do not;
- a firm that won surveillance work in a place supplies the state of that place ("X has won $500 million in
  surveillance projects in <region>"); work that is no surveillance, a prize won there, or no place, give none.
"""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Veltrix Networks Ltd"  # fictional
OTHER_FIRM = "Korvane Telecom Ltd"  # fictional


def _sales_to(sentence: str, extractor: Extractor, recipient: str) -> list[EventMention]:
    return [s for s in supplies(extractor.extract_text(sentence)) if recipient in names(s.roles.get("recipient"))]


# (sentence, state body helped): the firm supplies in every one
STAFF_HELPED = {
    "the firm's name before the staff noun": (
        f"{FIRM} technicians helped the Malawian government eavesdrop on opposition leaders.", "Malawian government"),
    "staff from the firm": (
        f"Engineers from {FIRM} helped the Interior Ministry intercept encrypted messages.", "Interior Ministry"),
    "the firm's staff in the possessive": (
        f"{FIRM}'s specialists helped the National Intelligence Directorate track journalists abroad.",
        "National Intelligence Directorate"),
}

STAFF_NOT_SUPPLYING = {
    "staff helping with no surveillance": (
        f"Engineers from {FIRM} helped the Interior Ministry improve road safety."),
    "staff of no named firm": (
        "Foreign technicians helped the Malawian government eavesdrop on opposition leaders."),
}


@pytest.mark.parametrize(("sentence", "recipient"), list(STAFF_HELPED.values()), ids=list(STAFF_HELPED))
def test_help_given_by_a_firms_staff_is_the_firms_supply(extractor: Extractor, sentence: str, recipient: str) -> None:
    found = _sales_to(sentence, extractor, recipient)
    assert len(found) == 1, [(s.roles.get("supplier"), s.roles.get("recipient")) for s in found]
    assert names(found[0].roles.get("supplier")) == {FIRM}
    assert found[0].rule == "partnerships" and found[0].confidence <= 0.6
    assert not found[0].hedged and not found[0].negated


@pytest.mark.parametrize("sentence", list(STAFF_NOT_SUPPLYING.values()), ids=list(STAFF_NOT_SUPPLYING))
def test_staff_help_without_surveillance_or_firm_is_no_supply(extractor: Extractor, sentence: str) -> None:
    ext = extractor.extract_text(sentence)
    assert not any(s.roles.get("supplier") and s.roles.get("recipient") for s in supplies(ext))


# (sentence, country code of the place): the firm supplies that country's state in every one
WON_IN_PLACE = {
    "won projects in a region": (
        f"{FIRM} has won nearly $900 million across four large government surveillance projects in Xinjiang.", "CN"),
    "won a contract to install cameras in a country": (
        f"{OTHER_FIRM} secured a contract to install cameras in Kenya.", "KE"),
    "contracts won by the firm, passive": (
        f"Contracts won by {FIRM} to install surveillance systems in Xinjiang were published last year.", "CN"),
}

WON_NOTHING_SUPPLIED = {
    "work that is no surveillance": f"{FIRM} won a road-building contract in Kenya.",
    "a prize, not work": f"{FIRM} won an award in Germany for its surveillance cameras.",
    "no place said": f"{FIRM} has won several large surveillance projects since 2016.",
}


@pytest.mark.parametrize(("sentence", "code"), list(WON_IN_PLACE.values()), ids=list(WON_IN_PLACE))
def test_surveillance_work_won_in_a_place_is_a_supply_to_its_state(extractor: Extractor, sentence: str,
                                                                    code: str) -> None:
    found = _sales_to(sentence, extractor, code)
    assert len(found) == 1, [(s.roles.get("supplier"), s.roles.get("recipient")) for s in supplies(
        extractor.extract_text(sentence))]
    assert FIRM in names(found[0].roles.get("supplier")) or OTHER_FIRM in names(found[0].roles.get("supplier"))


def test_each_firm_that_won_supplies(extractor: Extractor) -> None:
    sentence = f"{FIRM} and {OTHER_FIRM} have together won about $700 million of camera projects across Xinjiang."
    found = _sales_to(sentence, extractor, "CN")
    assert {n for s in found for n in names(s.roles.get("supplier"))} == {FIRM, OTHER_FIRM}
    assert all(s.rule == "place_recipient" and s.confidence <= 0.6 for s in found)
    assert all("surveillance work in Xinjiang" in s.explanation for s in found)


def test_firms_a_relative_clause_says_won_supply(extractor: Extractor) -> None:
    sentence = (f"Regulators are studying vendors such as {FIRM} and {OTHER_FIRM}, which auditors found to have won "
                "many monitoring contracts in Xinjiang.")
    found = _sales_to(sentence, extractor, "CN")
    assert {n for s in found for n in names(s.roles.get("supplier"))} == {FIRM, OTHER_FIRM}


def test_staff_of_one_states_body_helping_another_state_is_a_supply(extractor: Extractor) -> None:
    sentence = ("Officials said specialists from China's Ministry of State Security were travelling to Nepal to help "
                "the Government of Nepal block hostile websites.")
    found = _sales_to(sentence, extractor, "Government of Nepal")
    assert len(found) == 1
    assert names(found[0].roles.get("supplier")) == {"Ministry of State Security"}


def test_staff_of_a_states_own_body_helping_it_is_no_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text("Officers from Nepal's Interior Ministry helped the Government of Nepal track "
                                 "protesters.")
    assert not any(s.roles.get("supplier") and s.roles.get("recipient") for s in supplies(ext))


@pytest.mark.parametrize("sentence", list(WON_NOTHING_SUPPLIED.values()), ids=list(WON_NOTHING_SUPPLIED))
def test_won_without_surveillance_work_in_a_place_is_no_supply(extractor: Extractor, sentence: str) -> None:
    ext = extractor.extract_text(sentence)
    assert not any(s.roles.get("supplier") and s.roles.get("recipient") for s in supplies(ext))
