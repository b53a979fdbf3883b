"""Generic contract and order wordings of news writing (issue 13 item 3, round 15), as minimal sentences with
fictional firms (Zentrix Systems Ltd, Veltor Tech) and state bodies, and real sentences of public pages: every
supply wording gives the firm as supplier and the state body as recipient, a plan is hedged, and talks, a denial or
bids give no supply said as done."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from ontology.records import DocumentExtraction, EventMention
from tests.nlp.readings import names, supplies

FIRM = "Zentrix Systems Ltd"


def _sale_of(ext: DocumentExtraction, recipient: str) -> EventMention:
    """The supply whose recipient is ``recipient``; fails (naming what was found) when there is none."""
    found = [s for s in supplies(ext) if recipient in names(s.roles.get("recipient"))]
    assert found, [(s.roles.get("supplier"), s.roles.get("recipient")) for s in supplies(ext)]
    return found[0]


# (sentence, state body that receives): the firm supplies in every one
SUPPLY_WORDINGS = {
    "a body first in a conjoined subject": (
        "The Ministry of Interior and Zentrix Systems Ltd signed a contract in 2019 for the supply of CCTV cameras.",
        "Ministry of Interior"),
    "a contract signed with the firm": (
        "The Home Ministry signed a contract with Zentrix Systems Ltd for a facial recognition system.",
        "Home Ministry"),
    "the firm first in a conjoined subject": (
        "Zentrix Systems Ltd and the Kenya Police signed an agreement worth $20 million to install surveillance "
        "cameras in Nairobi.", "Kenya Police"),
    "an agreement signed between them": (
        "An agreement was signed between the Lagos State Government and Zentrix Systems Ltd for the installation of "
        "2,000 CCTV cameras.", "Lagos State Government"),
    "a contract awarded in the passive": (
        "The contract for the surveillance system was awarded to Zentrix Systems Ltd by the Punjab Police.",
        "Punjab Police"),
    "a contract awarded": (
        "The Punjab Police awarded the contract for the surveillance system to Zentrix Systems Ltd.", "Punjab Police"),
    "an order placed with the firm": (
        "The Navy placed an order with Zentrix Systems Ltd for six surveillance drones.", "Navy"),
    "an order for goods placed with the firm": (
        "The Ghana Police Service has placed an order for 500 body cameras with Zentrix Systems Ltd.",
        "Ghana Police Service"),
    "a contract won from the body": (
        "Zentrix Systems Ltd won a $5 million contract from the Bangladesh Police to supply drones.",
        "Bangladesh Police"),
    "a contract bagged for the body": (
        "Zentrix Systems Ltd has bagged the contract to set up the safe city project for the Islamabad Capital "
        "Territory Police.", "Islamabad Capital Territory Police"),
    "a contract entered into with the firm": (
        "The Department of the Interior and Local Government (DILG) entered into a contract with Zentrix Systems Ltd "
        "for a video surveillance system.", "Department of the Interior and Local Government"),
    "the firm providing the body under a deal": (
        "Under the deal, Zentrix Systems Ltd will provide the Royal Malaysia Police with facial recognition cameras.",
        "Royal Malaysia Police"),
    "the government acting through a ministry": (
        "The government, through the Ministry of Communications, and Zentrix Systems Ltd signed a contract in 2012 "
        "for a national surveillance network.", "Ministry of Communications"),
    "delivery taken from the firm": (
        "The Sri Lanka Navy took delivery of two surveillance aircraft from Zentrix Systems Ltd.", "Sri Lanka Navy"),
    "software made by the firm used by the body": (
        "The Georgian Interior Ministry uses software made by Zentrix Systems Ltd to identify faces.",
        "Georgian Interior Ministry"),
    "the body among the firm's clients": (
        "The Royal Thai Police is among the clients of Zentrix Systems Ltd.", "Royal Thai Police"),
    "the body turning to the firm for goods": (
        "The Philippine National Police turned to Zentrix Systems Ltd for its new license plate readers.",
        "Philippine National Police"),
    "the firm named the installers for the body": (
        "Zentrix Systems Ltd were the installers of the cameras for the Colombian National Police.",
        "Colombian National Police"),
    "goods received from the firm as a donation": (
        "The Ministry of Home Affairs received 50 surveillance drones from Zentrix Systems Ltd as a donation.",
        "Ministry of Home Affairs"),
    "a partnership agreement signed to build": (
        "The Serbian Ministry of Interior signed a strategic partnership agreement with Zentrix Systems Ltd in 2017 "
        "to build a safe city.", "Serbian Ministry of Interior"),
    "the firm selected by the body": (
        "Zentrix Systems Ltd has been selected by the Delhi Police to supply facial recognition software.",
        "Delhi Police"),
    "a tender that went to the firm, the body said": (
        "The tender for the supply of IMSI catchers went to Zentrix Systems Ltd, the Interior Ministry said.",
        "Interior Ministry"),
    "goods procured from the firm": (
        "The Federal Police procured the spyware from Zentrix Systems Ltd in 2020.", "Federal Police"),
    "a deal inked with the firm": (
        "The Railway Police inked a deal with Zentrix Systems Ltd for 300 body cameras.", "Railway Police"),
    "a work order issued to the firm": (
        "The Hyderabad City Police issued a work order to Zentrix Systems Ltd for the installation of CCTV cameras.",
        "Hyderabad City Police"),
    "a letter of award issued to the firm": (
        "A letter of award was issued to Zentrix Systems Ltd by the Safe City Authority for the command centre.",
        "Safe City Authority"),
    "the firm contracted by the body": (
        "Zentrix Systems Ltd has been contracted by the Interior Ministry to supply biometric kits.",
        "Interior Ministry"),
    "the firm roped in to install": (
        "The Karnataka Police roped in Zentrix Systems Ltd to install facial recognition cameras.", "Karnataka Police"),
    "a tie-up with the firm": (
        "The Maharashtra Police tied up with Zentrix Systems Ltd for drone surveillance.", "Maharashtra Police"),
    "the firm engaged to deliver": (
        "The Border Guard engaged Zentrix Systems Ltd to deliver thermal cameras.", "Border Guard"),
    "goods delivered under a contract": (
        "Zentrix Systems Ltd delivered the drones to the Ghana Armed Forces under a $4 million contract.",
        "Ghana Armed Forces"),
    "an order placed in the passive": (
        "The order for the spyware was placed with Zentrix Systems Ltd by the State Intelligence Service.",
        "State Intelligence Service"),
    "the firm's contract with the body": (
        "Zentrix Systems Ltd's contract with the Ministry of Defence covers twelve surveillance drones.",
        "Ministry of Defence"),
    "the body contracting the firm to build": (
        "The Ministry of Interior has contracted Zentrix Systems Ltd to build the surveillance network.",
        "Ministry of Interior"),
    "the firm hired to install": (
        "The National Police hired Zentrix Systems Ltd to install 1,000 cameras.", "National Police"),
}


@pytest.mark.parametrize(("sentence", "recipient"), list(SUPPLY_WORDINGS.values()), ids=list(SUPPLY_WORDINGS))
def test_the_firm_supplies_the_state_body(extractor: Extractor, sentence: str, recipient: str) -> None:
    sale = _sale_of(extractor.extract_text(sentence), recipient)
    assert {n.rstrip(".") for n in names(sale.roles.get("supplier"))} == {FIRM}
    assert not sale.hedged


@pytest.mark.parametrize("sentence", [
    "The Navy placed an order with Zentrix Systems Ltd for six surveillance drones.",
    "The Sri Lanka Navy took delivery of two surveillance aircraft from Zentrix Systems Ltd.",
    "The National Police hired Zentrix Systems Ltd to install 1,000 cameras.",
    "Zentrix Systems Ltd were the installers of the cameras for the Colombian National Police.",
])
def test_the_new_wordings_name_their_rule_and_say_why(extractor: Extractor, sentence: str) -> None:
    [sale] = supplies(extractor.extract_text(sentence))
    assert sale.rule == "contract_wordings"
    assert FIRM in sale.explanation


def test_a_tender_secured_from_the_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zentrix Systems Ltd secured a tender from the Nepal Police for CCTV surveillance.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {FIRM}
    # (the body's name runs on over "for CCTV" today, a name-span matter left to the name rules)
    assert all(n.startswith("Nepal Police") for n in names(sale.roles.get("recipient")))
    assert names(sale.roles.get("recipient"))


def test_an_order_a_body_plans_to_place_is_hedged(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Navy plans to place an order with Zentrix Systems Ltd next year.")
    assert supplies(ext)
    assert all(s.hedged for s in supplies(ext))


def test_a_contract_under_negotiation_is_no_supply_said_as_done(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Ministry of Interior and Zentrix Systems Ltd are negotiating a contract for CCTV cameras.")
    assert all(s.hedged for s in supplies(ext))


def test_a_denied_contract_is_no_supply_said_as_done(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Zentrix Systems Ltd denied that it had signed any contract with the Interior Ministry.")
    assert all(s.hedged for s in supplies(ext))  # (the denial is reported as a negated supply)


def test_bids_for_a_tender_are_no_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The tender for the supply of IMSI catchers drew bids from Zentrix Systems Ltd and Veltor Tech.")
    assert all(s.hedged for s in supplies(ext))


def test_a_body_and_a_firm_joined_by_and_are_two_names(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Ministry of Interior and Zentrix Systems Ltd signed a contract in 2019 for the supply of CCTV cameras.")
    assert {(e.text, e.label) for e in ext.entities} >= {("Ministry of Interior", "GOV_AGENCY"), (FIRM, "ORG")}


# real sentences of public pages
def test_a_navy_taking_delivery_of_aircraft_from_a_maker(extractor: Extractor) -> None:
    # https://www.shephardmedia.com/news/naval-warfare/new-p-8a-poseidon-aircraft-delivered-us-navy/ (2013)
    ext = extractor.extract_text(
        "The US Navy has taken delivery of the seventh production P-8A Poseidon aircraft from Boeing at the Naval Air "
        "Station Jacksonville.")
    sale = _sale_of(ext, "US Navy")
    assert names(sale.roles.get("supplier")) == {"Boeing"}


def test_delivery_from_a_maker_after_a_long_goods_phrase(extractor: Extractor) -> None:
    # https://www.flightglobal.com/mexico-receives-first-two-hawkeyes/55119.article ("E-2CHawkeye" spaced here)
    ext = extractor.extract_text(
        "Mexico's navy has taken delivery of its first two of three ex-Israeli air force-operated Northrop Grumman "
        "E-2C Hawkeye airborne early warning and control aircraft from Israel Aircraft Industries (IAI).")
    sale = _sale_of(ext, "Mexico's navy")
    assert names(sale.roles.get("supplier")) == {"Israel Aircraft Industries"}
