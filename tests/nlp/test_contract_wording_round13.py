"""Supplies told as contracts, awards, memoranda, leases and subscriptions (issue 13, kind R2 of the round-14 probe of
real news passages, kept outside the project), as minimal sentences with fictional firms (Zentrix Telecom, Zentrix
Technologies, Zentrix Forensics, Zentrix Aviation, Zentrix Consulting, Acme Vision Inc., Korvalo Systems: all made
up) and real state bodies. The firm a deal is made "to" or "with" supplies; the state body the goods are for, or
the state that holds the deal, gets them; a memorandum of understanding is reported hedged."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def test_the_award_and_signing_of_a_contract_to_a_firm_for_a_body_make_the_body_its_recipient(
        extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The National Assembly approves the tender award and the signing of the contract to Zentrix Telecom for the "
        "provision of a surveillance system for the National Police Service.")
    sales = [s for s in supplies(ext) if s.roles.get("supplier")]
    assert len(sales) == 1
    assert names(sales[0].roles.get("supplier")) == {"Zentrix Telecom"}
    assert names(sales[0].roles.get("recipient")) == {"National Police Service"}  # the end user, not the approver


def test_the_conclusion_of_an_agreement_with_a_firm_announced_by_a_ministry(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Ministry of Digital Development announced the conclusion of an investment agreement with Zentrix "
        "Technologies for the Safe City project.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrix Technologies"}
    assert names(sale.roles.get("recipient")) == {"Ministry of Digital Development"}


def test_a_subscription_to_a_firm_is_bought_from_it(extractor: Extractor) -> None:
    renewed = extractor.extract_text("The Federal Bureau of Investigation renewed its subscription to Zentrix Forensics.")
    [sale] = supplies(renewed)
    assert names(sale.roles.get("supplier")) == {"Zentrix Forensics"}
    assert names(sale.roles.get("recipient")) == {"Federal Bureau of Investigation"}
    paid = extractor.extract_text(
        "The Fayette County Sheriff's Department pays $35,000 a year for its subscription to Zentrix Forensics.")
    [sale] = supplies(paid)
    assert names(sale.roles.get("supplier")) == {"Zentrix Forensics"}
    assert names(sale.roles.get("recipient")) == {"Fayette County Sheriff's Department"}


def test_goods_leased_from_a_firm_are_the_lessees(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Ministry of Interior leased surveillance drones from Zentrix Aviation.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrix Aviation"}  # not the ministry as a second seller
    assert names(sale.roles.get("recipient")) == {"Ministry of Interior"}
    lease = extractor.extract_text("The Federal Bureau of Investigation extended its lease with Zentrix Aviation.")
    [sale] = supplies(lease)
    assert names(sale.roles.get("supplier")) == {"Zentrix Aviation"}
    assert names(sale.roles.get("recipient")) == {"Federal Bureau of Investigation"}


def test_goods_leased_to_a_body_keep_the_firm_as_seller(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zentrix Aviation leased two surveillance aircraft to the Ministry of Interior.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrix Aviation"}
    assert names(sale.roles.get("recipient")) == {"Ministry of Interior"}


def test_a_memorandum_of_understanding_with_a_firm_is_a_hedged_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Punjab Safe Cities Authority (PSCA) on Saturday signed a Memorandum of Understanding (MoU) with Zentrix "
        "Consulting for the implementation of Safe City projects.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrix Consulting"}
    assert names(sale.roles.get("recipient")) == {"Punjab Safe Cities Authority"}
    assert sale.hedged  # agreed, not yet delivered
    signed = extractor.extract_text(
        "The Ministry of Interior signed a contract with Zentrix Consulting for the implementation of Safe City "
        "projects.")
    [sale] = supplies(signed)
    assert not sale.hedged  # a contract is no memorandum


def test_a_firm_with_contracts_with_an_agency_supplies_it(extractor: Extractor) -> None:
    ext = extractor.extract_text("Acme Vision Inc. has troubling ties to extremists and contracts with ICE too.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Acme Vision Inc."}
    assert names(sale.roles.get("recipient")) == {"ICE"}


def test_a_prize_or_a_deal_between_two_firms_is_no_supply(extractor: Extractor) -> None:
    prize = extractor.extract_text("The Ministry of Interior presented an award to Zentrix Telecom for its service.")
    assert not [s for s in supplies(prize) if s.roles.get("supplier") and s.roles.get("recipient")]
    firms = extractor.extract_text("Korvalo Systems renewed its subscription to Zentrix Forensics.")
    assert not [s for s in supplies(firms) if s.roles.get("supplier") and s.roles.get("recipient")]


def test_a_contract_signed_with_a_firm_for_a_body_in_the_passive(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The second contract was signed with Zentrix Corporation for the Internal Security Force.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrix Corporation"}
    assert names(sale.roles.get("recipient")) == {"Internal Security Force"}
    alone = extractor.extract_text("The second contract was signed with Zentrix Corporation in May.")
    assert not [s for s in supplies(alone) if s.roles.get("supplier") and s.roles.get("recipient")]


def test_contracts_between_them_are_between_the_subject_and_the_object(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Acme Vision Inc. sued the Fayette County Sheriff's Department to stop the agency from releasing the "
        "contracts between them.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Acme Vision Inc."}
    assert names(sale.roles.get("recipient")) == {"Fayette County Sheriff's Department"}
    firms = extractor.extract_text("Acme Vision Inc. sued Korvalo Systems Ltd. over the contracts between them.")
    assert not [s for s in supplies(firms) if s.roles.get("supplier") and s.roles.get("recipient")]


def test_a_contract_signed_with_unnamed_companies_for_a_body_keeps_its_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The third contract was signed with various national and international companies for the benefit of the "
        "Internal Security Force.")
    [sale] = supplies(ext)
    assert not sale.roles.get("supplier")  # the firms are not named
    assert names(sale.roles.get("recipient")) == {"Internal Security Force"}


def test_a_deal_between_two_states_needs_the_giving_side_said(extractor: Extractor) -> None:
    for text in ("The Ministry of Finance announced the conclusion of a loan agreement with the Government of Japan.",
                 "The Ministry of Interior renewed its lease with the Ministry of Defence."):
        ext = extractor.extract_text(text)
        assert not [s for s in supplies(ext) if s.roles.get("supplier")], text


def test_a_contract_awarded_in_the_passive_goes_from_the_body_that_issued_the_tender(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The tender for a national facial recognition framework was issued in December by the Home Office. The "
        "consortium received 13 offers. The contract was awarded to Zentrix Systems.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrix Systems"}
    assert names(sale.roles.get("recipient")) == {"Home Office"}
    assert sale.confidence <= 0.6  # a link across sentences
    praise = extractor.extract_text("Zentrix Systems won praise in May. The contract was awarded to Zentrix Systems.")
    assert not [s for s in supplies(praise) if s.roles.get("supplier") and s.roles.get("recipient")]
