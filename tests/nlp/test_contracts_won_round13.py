"""A firm that won, bagged or secured a contract or an order supplies what it is for (issue 13 round 13): the gerund
after "for" on the contract ("bagged the contract for delivering ... to the Indian Army"), and an order won "from"
a state body. Minimal sentences with a fictional firm (Zolara Systems) and real state bodies."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def test_a_contract_bagged_for_delivering_goods_to_a_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems has bagged the contract for delivering 200 drones to the Indian Army.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Indian Army"}


def test_a_body_signing_a_contract_for_buying_goods_stays_the_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Nepal Police signed a contract for buying cameras from Zolara Systems.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Nepal Police"}


def test_orders_won_from_a_body_are_a_supply_to_it(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems got two separate orders from the Indian Army for 48 drones.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Indian Army"}


def test_a_court_order_is_no_deal(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Nepal Police got a court order against Zolara Systems.")
    assert supplies(ext) == []
