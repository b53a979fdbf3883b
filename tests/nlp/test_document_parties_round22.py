"""Parties of supply events fixed from the whole document (issue 13, round 22, brief docparty25: the one-seller step
of nlp/components/supply_precision.py and the kinds of nlp/components/document_parties.py). "Korvane Analytics",
"Halvorsen Data", the "National Police Directorate" and the "Zemblan National Police" are fictional; the sentences
are written for these tests (no sentence of a probe or of the development set)."""

from __future__ import annotations

from nlp.components.document_parties import kinds_differ
from nlp.components.supply_precision import refine_supplies
from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"
OTHER_FIRM = "Halvorsen Data"


# --------------------------------------------------------------------------- kind 2: one side filled from the text
def test_a_buyer_only_sale_gets_the_one_seller_of_the_document(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, sold its Nightjar phone tracker to the National Police Directorate in "
            f"2019. The Interior Ministry acquired surveillance software in 2021.")
    sales = supplies(extractor.extract_text(text))
    [later] = [s for s in sales if names(s.roles.get("recipient")) == {"Interior Ministry"}]
    assert names(later.roles.get("supplier")) == {FIRM}
    assert "one seller" in later.explanation
    [first] = [s for s in sales if s is not later]
    assert later.confidence < first.confidence  # inferred, not said in its sentence


def test_a_buyer_only_sale_in_a_text_with_two_sellers_stays_without_seller(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, sold its Nightjar phone tracker to the National Police Directorate in "
            f"2019. {OTHER_FIRM}, another fictional firm, sold drones to the Zemblan National Police. "
            f"The Interior Ministry acquired surveillance software in 2021.")
    [later] = [s for s in supplies(extractor.extract_text(text))
               if names(s.roles.get("recipient")) == {"Interior Ministry"}]
    assert not later.roles.get("supplier")


def _supply(roles: dict[str, str | list[str]], start: int) -> EventMention:
    return EventMention(type="supply", roles=roles, sentence="(a sentence)", start=start, end=start + 12,
                        confidence=0.8)


def test_a_seller_written_as_a_state_is_not_filled_into_other_sales() -> None:
    # records built by hand (no text): the document's one seller is a state's code (XR, user-assigned), which a
    # reader does not take for the seller of a purchase told without one
    sale = _supply({"supplier": "XR", "recipient": "National Police Directorate", "capability": "drones"}, 0)
    bought = _supply({"recipient": "Interior Ministry", "capability": "spyware"}, 100)
    assert refine_supplies([sale, bought])[1].roles.get("supplier") is None


def test_the_one_seller_is_not_filled_into_a_sale_to_itself() -> None:
    sale = _supply({"supplier": FIRM, "recipient": "National Police Directorate", "capability": "spyware"}, 0)
    bought = _supply({"recipient": FIRM, "capability": "spyware"}, 100)  # the firm buying, as read
    assert [ev.roles.get("supplier") for ev in refine_supplies([sale, bought])] == [FIRM, None]


# --------------------------------------------------------------------------- kind 3: the goods bought, not the firm
def test_goods_bought_in_the_passive_are_sold_by_their_maker(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, makes the Zircon spyware. The spyware was acquired by the National Police "
            f"Directorate in 2021, records show.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"National Police Directorate"}


# --------------------------------------------------------------------------- kind 4: known wrong resolutions
def test_the_army_after_a_police_force_is_not_that_police_force(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, sold phone-hacking tools to the Zemblan National Police in 2018. "
            f"The army bought drones in 2020.")
    for sale in supplies(extractor.extract_text(text)):
        assert sale.sentence.startswith(FIRM)  # no purchase of drones by the police
    assert kinds_differ("army", "zemblan national police")
    assert not kinds_differ("authorities", "zemblan national police")

