"""Supplies whose parties the trade verbs do not read (issue 13 round 24, branch supplyparty28).

A state body's buy told before any seller is chosen, as a call for bids or money set aside for goods, is a supply
with the body as recipient and no supplier (nlp/components/tenders.py, words in nlp/data/tender_wordings.txt);
"<Demonym>-made" goods with no firm named are sold by that country (nlp/components/made_in.py, words in
nlp/data/made_in_words.txt; the README rule of round 21). The agencies are real public bodies named in the shape of
procurement news and council records; "Brennic Systems", "Lakeview" and "Kestrel" are fictional, and so are all
the deals.
"""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def read(extractor: Extractor, text: str) -> list[tuple[set[str], set[str]]]:
    """(suppliers, recipients) of each supply event read from ``text``."""
    return [(names(ev.roles.get("supplier")), names(ev.roles.get("recipient")))
            for ev in supplies(extractor.extract_text(text))]


@pytest.mark.parametrize("text", [
    "The National Crime Records Bureau is inviting bids for an automated facial recognition system.",
    "The National Crime Records Bureau issued a tender for an automated facial recognition system.",
    "The National Crime Records Bureau published a tender notice for an automated facial recognition system.",
    "The National Crime Records Bureau floated a request for proposals for an automated facial recognition system.",
])
def test_a_body_calling_for_bids_for_goods_buys_them_from_no_named_seller(extractor: Extractor, text: str) -> None:
    assert read(extractor, text) == [(set(), {"National Crime Records Bureau"})]


def test_a_body_budgeting_a_sum_for_goods_buys_them(extractor: Extractor) -> None:
    text = "The Defence Intelligence Agency budgeted $4 million for lawful interception tools."
    assert read(extractor, text) == [(set(), {"Defence Intelligence Agency"})]


def test_a_body_earmarking_funds_for_goods_buys_them(extractor: Extractor) -> None:
    text = "The Ministry of Interior earmarked funds for facial recognition cameras."
    assert read(extractor, text) == [(set(), {"Ministry of Interior"})]


def test_a_body_requesting_a_sum_to_replace_a_device_buys_it(extractor: Extractor) -> None:
    text = "The Lakeview Police Department is requesting $750,000 to replace its cell site simulator."
    assert read(extractor, text) == [(set(), {"Lakeview Police Department"})]


def test_a_sum_approved_for_another_body_to_launch_a_platform_is_that_body_s_buy(extractor: Extractor) -> None:
    text = ("The National Assembly approved $4 million for the Defence Intelligence Agency to launch a lawful "
            "interception platform.")
    assert read(extractor, text) == [(set(), {"Defence Intelligence Agency"})]


@pytest.mark.parametrize("text", [
    "The council approved $2 million for road repairs.",
    "The ministry issued a tender for office furniture.",
    "Brennic Systems is inviting bids for surveillance cameras.",
])
def test_no_goods_or_no_state_body_makes_no_buy(extractor: Extractor, text: str) -> None:
    assert read(extractor, text) == []


def test_a_denied_tender_is_a_negated_buy(extractor: Extractor) -> None:
    ext = extractor.extract_text("The agency denied that it had issued a tender for spyware.")
    assert supplies(ext) == [] and len(supplies(ext, negated=True)) == 1


def test_goods_made_in_a_country_and_bought_from_no_named_firm_are_sold_by_that_country(extractor: Extractor) -> None:
    assert read(extractor, "The police bought Chinese-made cameras.") == [({"CN"}, {"police"})]


@pytest.mark.parametrize("text", [
    "The army uses Israeli-made drones.",
    "The Kestrel County Sheriff's Office deployed Israeli-made drones last year.",
    "Budgets obtained by the Kestrel Times show that the Myanmar military had new tools at their disposal: "
    "Israeli-made surveillance drones and phone cracking devices.",
])
def test_a_state_body_holding_or_using_made_in_goods_gets_them_from_that_country(
        extractor: Extractor, text: str) -> None:
    sales = read(extractor, text)
    assert len(sales) == 1 and sales[0][0] == {"IL"}


def test_a_named_seller_of_made_in_goods_stays_the_seller(extractor: Extractor) -> None:
    text = "Brennic Systems sold Chinese-made cameras to the Lakeview police."
    assert read(extractor, text) == [({"Brennic Systems"}, {"Lakeview police"})]


def test_made_in_goods_no_state_body_holds_make_no_sale(extractor: Extractor) -> None:
    assert read(extractor, "Rights groups criticised American-made surveillance technology.") == []


def test_a_tender_notice_looking_to_procure_goods_is_a_buy(extractor: Extractor) -> None:
    text = "The Home Office has posted a tender notice looking to procure a facial recognition system."
    assert read(extractor, text) == [(set(), {"Home Office"})]
