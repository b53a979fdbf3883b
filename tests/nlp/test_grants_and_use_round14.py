"""Supplies told by who paid (grants, donations, financial support, funding) and with the buyer told as a place
(issue 13, round 16 work on the round-15 probe's kinds R3, R4 and R7, a probe of news passages kept outside the
project).

Minimal sentences with fictional firms, donors and bodies, marked so. The families
(nlp/components/funding.py, nlp/components/place_recipients.py, nlp/components/unnamed_tool_use.py):

- a third party pays: "a donation from X", "with financial support of X", "a grant given to them by a nonprofit
  called X", "a project funded by X": X supplies the state body; the maker of the goods paid for ("a box made by Y")
  supplies the body through X;
- the body approving the money (a council, a board) is never the recipient; the recipient of an accepted donation
  may be the body the sentence before is about, in the same paragraph;
- "support" alone is any help, not money;
- a firm putting up cameras or a safe-city system in a country told as a place ("lines the roads of <country>'s
  capital", "in <country>, X helps build"): the country is the buyer; a firm lining a capital's streets with
  what is no surveillance goods is no supply;
- a state body said to use an unnamed tool ("has been using a new system", "are among several governments
  that use a tool") gets it from the firm the next sentence names behind it ("The software, made by X", "The spyware, developed
  by hackers for a company called X"); a body that only reviews the tool is no user.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def _triples(text: str, extractor: Extractor) -> set[tuple[str, str, str]]:
    """(supplier, recipient, via) of every said supply with both parties ('' for no via)."""
    return {(s, r, next(iter(names(ev.roles.get("via"))), "")) for ev in supplies(extractor.extract_text(text))
            for s in names(ev.roles.get("supplier")) for r in names(ev.roles.get("recipient"))}


# ------------------------------------------------------------------ a third party pays
def test_a_donation_accepted_for_a_device_comes_from_the_donor_and_the_device_maker_via_the_donor(
        extractor: Extractor) -> None:
    # minimal text, fictional donor, firm and product; the police department is the subject of the sentence before
    text = ("The Fictown Police Department is about to receive a phone unlocking device. During a council "
            "meeting, council members approved the acceptance of a $9,000 donation from the Fictive Trust Foundation, "
            "for a LockBox, a phone unlocking box made by forensics company Fictive Forensics Inc.")
    got = _triples(text, extractor)
    assert ("Fictive Trust Foundation", "Fictown Police Department", "") in got
    assert ("Fictive Forensics Inc.", "Fictown Police Department", "Fictive Trust Foundation") in got


def test_a_lab_set_up_with_financial_support_of_a_state_comes_from_that_state(extractor: Extractor) -> None:
    # minimal sentence, fictional programme
    text = ("The Fictown Metropolitan Police has established a forensic laboratory at its cyber crime unit with "
            "financial support of the Fictive Assistance Programme of Japan.")
    assert ("JP", "Fictown Metropolitan Police", "") in _triples(text, extractor)


def test_support_that_is_not_money_is_no_supply(extractor: Extractor) -> None:
    # minimal sentence: technical support of a state is help, not a payment for goods
    text = "The Fictown Metropolitan Police has opened a training centre with the support of Japan."
    assert not [ev for ev in supplies(extractor.extract_text(text))
                if ev.roles.get("supplier") and ev.roles.get("recipient")]


def test_a_project_funded_by_a_state_supplies_the_body_that_runs_it(extractor: Extractor) -> None:
    # minimal sentence, fictional department
    text = ("The Fictive Immigration Department has introduced biometric gates at the airport through a project "
            "funded by Norway.")
    assert ("NO", "Fictive Immigration Department", "") in _triples(text, extractor)


def test_the_board_that_approves_the_money_is_not_the_recipient(extractor: Extractor) -> None:
    # minimal sentence, fictional donor: the board votes, the donor's grant goes to no body named here
    text = ("The Fictown County Board of Commissioners voted to accept a grant from the Fictive Trust Foundation "
            "for new software.")
    assert not {t for t in _triples(text, extractor) if "Board" in t[1]}


# ------------------------------------------------------------------ the buyer told as a place
def test_a_firm_lining_the_streets_of_a_countrys_capital_with_cameras_supplies_that_country(
        extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    text = ("The Chinese company Fictive Vision is lining the main roads of Mongolia's capital with new "
            "surveillance cameras.")
    assert ("Fictive Vision", "MN", "") in _triples(text, extractor)


def test_a_firm_setting_up_a_safe_city_system_in_a_country_supplies_that_country(extractor: Extractor) -> None:
    # minimal sentence, fictional firm; the place stands before the subject
    text = "Further south, in Serbia, Fictive Networks is helping to set up a safe-city network with facial-recognition cameras."
    assert ("Fictive Networks", "RS", "") in _triples(text, extractor)


def test_a_firm_planning_to_install_cameras_in_a_country_supplies_that_country(extractor: Extractor) -> None:
    # minimal sentence, fictional firm; the verb of putting up completes "plans", whose subject is the firm
    text = "In Moldova, Fictive Optics plans to install surveillance cameras at every border post."
    assert ("Fictive Optics", "MD", "") in _triples(text, extractor)


def test_a_firm_lining_a_capitals_streets_with_trees_is_no_supply(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: no surveillance goods go up
    text = "The company Fictive Gardens is lining the main roads of Serbia's capital with young trees."
    assert not {t for t in _triples(text, extractor) if t[1] == "RS"}


# ------------------------------------------------------------------ an unnamed tool whose maker the next sentence names
def test_the_maker_of_a_tool_a_police_service_uses_supplies_it(extractor: Extractor) -> None:
    # minimal text, fictional firm
    text = ("The Kenya Police Service has been using a new system since May. The software, made by Fictive Systems "
            "Ltd, reads number plates.")
    assert ("Fictive Systems Ltd", "Kenya Police Service", "") in _triples(text, extractor)


def test_the_firm_hackers_built_a_tool_for_supplies_the_governments_said_to_use_it(extractor: Extractor) -> None:
    # minimal text, fictional firm: the makers are unnamed people, the firm is the one they built it for
    text = ("Kenyan authorities are among several governments that use a spying tool against activists. "
            "The spyware, developed by hackers for a company called Fictive Group, reads messages.")
    assert ("Fictive Group", "Kenyan authorities", "") in _triples(text, extractor)


def test_a_tool_a_state_body_only_studies_has_no_maker_supply(extractor: Extractor) -> None:
    # minimal text, fictional firm: the body reviews the tool, it does not use it
    text = ("The Kenya Police Service has reviewed a new system since May. The software, made by Fictive Systems "
            "Ltd, reads number plates.")
    assert not {t for t in _triples(text, extractor) if t[1] == "Kenya Police Service"}
