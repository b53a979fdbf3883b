"""Buyers of a sale whose seller is read (issue 13 round 23, branch supplybuyer26): no state sells to itself when
the document's state or a sentence's place is put in as the buyer (nlp/components/seller_only.py:
``states_of_sellers``, ``own_state_buyers_out``); a client list naming the states by a common body noun ("the police
in A and B", "intelligence agencies in A and B") has those states as its buyers (events._named_or_their_state); a
client list opening the sentence with "Among" keeps its seller's name whole (name_repairs.
names_after_an_opening_preposition). "Zorvex Systems Ltd" and "Vantrel Systems Ltd" are fictional, and so are
their sales; the sentences are written for these tests in the shape of news and NGO reports."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from tests.nlp.readings import labels, names, supplies


def buyers(extractor: Extractor, text: str) -> list[set[str]]:
    """The buyers of each supply event read from ``text``."""
    return [names(ev.roles.get("recipient")) for ev in supplies(extractor.extract_text(text))]


def test_a_state_body_selling_in_a_text_about_its_state_is_no_sale_to_that_state(extractor: Extractor) -> None:
    text = ("Britain is reviewing its export rules. Britain has sold surveillance drones, officials in Britain said. "
            "The British government exported 40 surveillance drones last year.")
    sales = supplies(extractor.extract_text(text))
    assert sales and all("GB" not in names(ev.roles.get("recipient")) for ev in sales)


def test_a_ministry_never_sells_to_its_own_state(extractor: Extractor) -> None:
    text = ("Britain is reviewing its export rules. Britain's Ministry of Defence exported 40 surveillance drones last "
            "year, officials in Britain said. Britain has long debated such sales.")
    sales = supplies(extractor.extract_text(text))
    assert [names(ev.roles.get("supplier")) for ev in sales] == [{"Ministry of Defence"}]
    assert "GB" not in names(sales[0].roles.get("recipient"))


def test_a_state_owned_firm_never_sells_to_its_owner_state(extractor: Extractor) -> None:
    text = ("Britain is reviewing its export rules. Vantrel Systems Ltd is owned by the British government. Vantrel "
            "Systems Ltd exported 40 surveillance drones last year, officials in Britain said.")
    sales = [ev for ev in supplies(extractor.extract_text(text)) if "Vantrel Systems Ltd" in names(ev.roles["supplier"])]
    assert sales and all("GB" not in names(ev.roles.get("recipient")) for ev in sales)


def test_a_state_body_handing_the_authorities_a_platform_sells_nothing_to_its_state(extractor: Extractor) -> None:
    text = ("Belarus is tightening its grip. Belarus's Interior Ministry provided the authorities with a video "
            "surveillance platform, officials in Belarus said.")
    assert all("BY" not in b for b in buyers(extractor, text))


def test_a_firm_still_sells_to_the_state_the_text_names_as_buyer(extractor: Extractor) -> None:
    text = ("Belarus is tightening its grip. Vantrel Systems Ltd provided the authorities with a video surveillance "
            "platform, officials in Belarus said.")
    assert any("BY" in b for b in buyers(extractor, text))


@pytest.mark.parametrize("body", ["the police", "intelligence agencies", "security services"])
def test_clients_named_as_a_body_in_several_states_are_those_states(extractor: Extractor, body: str) -> None:
    text = f"Zorvex Systems Ltd's clients include {body} in Jordan and Oman."
    sales = supplies(extractor.extract_text(text))
    assert [names(ev.roles.get("supplier")) for ev in sales] == [{"Zorvex Systems Ltd"}]
    assert names(sales[0].roles.get("recipient")) == {"JO", "OM"}


def test_its_customers_include_the_police_in_a_state(extractor: Extractor) -> None:
    text = "Zorvex Systems Ltd sells interception gear. Its customers include the police in Uzbekistan."
    assert buyers(extractor, text) == [{"UZ"}]


def test_among_the_firms_customers_are_states(extractor: Extractor) -> None:
    text = "Among Zorvex Systems Ltd's customers are Jordan and Oman."
    ext = extractor.extract_text(text)
    assert "ORG" in labels(ext).get("Zorvex Systems Ltd", set())
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zorvex Systems Ltd"}
    assert names(sale.roles.get("recipient")) == {"JO", "OM"}


def test_countries_that_are_purchasers_of_a_firms_goods_including_states(extractor: Extractor) -> None:
    text = "At least 30 countries are purchasers of Zorvex Systems Ltd's interception suite, including Oman and Morocco."
    sales = supplies(extractor.extract_text(text))
    assert [names(ev.roles.get("supplier")) for ev in sales] == [{"Zorvex Systems Ltd"}]
    assert names(sales[0].roles.get("recipient")) == {"OM", "MA"}
