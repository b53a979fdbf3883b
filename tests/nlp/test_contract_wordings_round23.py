"""Supplies told by contract, award and procurement wording where neither party was read (issue 13, round 23, brief
contracts26: city-council records, procurement news). Minimal sentences in the shape of council minutes, staff
reports and local news; Zentrova Labs and Korvalo Systems are fictional firms, the state bodies generic. The firm
supplies, the body that orders, approves, awards or pays gets; a contract to study or review hands over no goods."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def test_a_tender_a_firm_won_that_a_ministry_reports_makes_the_ministry_its_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Korvalo Systems won the tender for the city's CCTV network, the Interior Ministry said.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Korvalo Systems"}
    assert names(sale.roles.get("recipient")) == {"Interior Ministry"}


def test_a_tender_named_after_its_ministry_makes_the_ministry_the_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("Korvalo Systems won the Interior Ministry tender for 200 cameras.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Korvalo Systems"}
    assert names(sale.roles.get("recipient")) == {"Interior Ministry"}


def test_a_purchase_order_a_council_approves_to_a_firm_makes_the_council_its_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("The City Council approved a purchase order to Zentrova Labs for 10 cameras.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrova Labs"}
    assert names(sale.roles.get("recipient")) == {"City Council"}


def test_an_order_for_a_firms_named_cameras_signed_for_a_council_makes_the_council_the_buyer(
        extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The City Council authorized the city manager to sign an order for 41 Korvalo Systems Falcon licence plate cameras"
        " and services.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Korvalo Systems"}
    assert names(sale.roles.get("recipient")) == {"City Council"}


def test_a_yearly_sum_paid_for_a_firm_makes_the_payer_its_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("The district attorney's office pays $64,000 a year for Zentrova Labs, records show.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrova Labs"}
    assert names(sale.roles.get("recipient")) == {"district attorney's office"}


def test_a_contract_to_study_or_review_is_no_supply(extractor: Extractor) -> None:
    study = extractor.extract_text(
        "The City Council approved a contract with Zentrova Labs to study the cost of new radios.")
    assert supplies(study) == []
    review = extractor.extract_text(
        "The Police Department entered into an agreement with Zentrova Labs to review its camera programme.")
    assert supplies(review) == []


def test_a_contract_to_install_cameras_is_still_a_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text("The City Council approved a contract with Zentrova Labs to install 40 cameras.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrova Labs"}
    assert names(sale.roles.get("recipient")) == {"City Council"}


def test_an_agenda_item_buying_from_a_firm_for_use_by_a_police_department_makes_it_the_buyer(
        extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Authorize the purchase and use of three licence plate reader systems in the amount of $52,053 from Zentrova "
        "Labs, for use by the Riverside Police Department.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrova Labs"}
    assert names(sale.roles.get("recipient")) == {"Riverside Police Department"}


def test_an_agenda_purpose_buying_from_a_firm_for_a_department_makes_it_the_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "To trade in old drones and purchase drones and equipment to support the drones from Korvalo Systems for the "
        "Police Department.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Korvalo Systems"}
    assert names(sale.roles.get("recipient")) == {"Police Department"}
