"""Supplies told by who paid for a named firm's goods or held deals for them, with no sale verb (issue 13, round 22,
item 3: gold supplies of the read probes that had no predicted event with either party). Minimal sentences in the
project's own wording; Zentrova Labs, Zentrova and Korvalo Systems are fictional firms, the state bodies generic.
The firm supplies, the body that puts the sum or holds the deal gets; money for goods of no named firm, or paid to
a firm's people, is no supply."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def test_a_sum_a_council_approves_for_a_firms_service_makes_the_council_its_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The City Council ultimately approved $41,000 for Zentrova Labs' plate reading service.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zentrova Labs"}
    assert names(sale.roles.get("recipient")) == {"City Council"}
    assert not sale.negated


def test_a_sum_not_approved_for_a_firms_service_is_a_negated_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The City Council did not approve $41,000 for Zentrova Labs' plate reading service.")
    assert supplies(ext) == []
    [denied] = supplies(ext, negated=True)
    assert names(denied.roles.get("supplier")) == {"Zentrova Labs"}


def test_money_for_roads_or_for_a_firms_staff_is_no_supply(extractor: Extractor) -> None:
    roads = extractor.extract_text("The county commission approved $2 million for road repairs.")
    assert supplies(roads) == []
    staff = extractor.extract_text("The Police Department paid $5,000 to Zentrova Labs' staff for overtime.")
    assert supplies(staff) == []


def test_contracts_a_body_holds_for_a_firms_products_make_it_the_firms_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("Records show the Border Agency had three contracts for Korvalo Systems products.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Korvalo Systems"}
    assert names(sale.roles.get("recipient")) == {"Border Agency"}


def test_a_deal_a_body_holds_for_roads_names_no_supplier(extractor: Extractor) -> None:
    ext = extractor.extract_text("Records show the Border Agency had three contracts for road repairs.")
    assert [s for s in supplies(ext) if s.roles.get("supplier")] == []

