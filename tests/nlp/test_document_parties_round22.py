"""Parties of supply events fixed from the whole document (issue 13, round 22; nlp/components/document_parties.py
and the one-seller step of nlp/components/supply_precision.py). "Korvane Analytics", "Halvorsen Data", "Zeltel",
the "National Police Directorate", the "Zemblan National Police" and the state "Ruritania" (written with the
user-assigned code XR) are fictional; the sentences are written for these tests (no sentence of a probe or of the
development set)."""

from __future__ import annotations

from nlp.components.document_parties import kinds_differ, named_buyers
from nlp.components.seller_only import DOCUMENT_BUYER_FACTOR
from nlp.extract import Extractor
from ontology.records import EntityMention, EventMention
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"
OTHER_FIRM = "Halvorsen Data"
GENERIC = ["authorities", "the authorities", "government", "police", "army", "the military"]


def _mention(text: str, name: str, label: str, country: str | None = None, last: bool = False) -> EntityMention:
    start = text.rindex(name) if last else text.index(name)
    canonical = country if label == "COUNTRY" and country else name.casefold()
    return EntityMention(text=name, label=label, canonical=canonical, start=start, end=start + len(name),
                         confidence=0.9, country=country if label == "GOV_AGENCY" else None)


def _sale(text: str, sentence: str, recipient: str | list[str]) -> EventMention:
    start = text.index(sentence)
    return EventMention(type="supply", roles={"supplier": FIRM, "recipient": recipient, "capability": "spyware"},
                        sentence=sentence, start=start, end=start + len(sentence), confidence=0.8)


# --------------------------------------------------------------------------- kind 1: a generic buyer, a named body
def test_the_police_is_the_one_police_body_the_document_names() -> None:
    first = "The Ruritanian Federal Police Service opened a cyber unit in May."
    sale = f"{FIRM} sold spyware to the police in June."
    text = f"{first} {sale}"
    body = _mention(text, "Ruritanian Federal Police Service", "GOV_AGENCY", "XR")
    [event] = named_buyers([_sale(text, sale, ["police", "XR"])], [body], text, GENERIC)
    assert event.roles["recipient"] == "Ruritanian Federal Police Service"
    assert event.confidence == round(0.8 * DOCUMENT_BUYER_FACTOR, 3)
    assert "police" in event.explanation  # the noun it was read with stays in the explanation


def test_the_police_among_bodies_of_two_kinds_is_the_police_body() -> None:
    first = "The Ruritanian Army Command and the Ruritanian Federal Police Service both asked for funds."
    sale = f"{FIRM} sold spyware to the police."
    text = f"{first} {sale}"
    bodies = [_mention(text, "Ruritanian Army Command", "GOV_AGENCY", "XR"),
              _mention(text, "Ruritanian Federal Police Service", "GOV_AGENCY", "XR")]
    [event] = named_buyers([_sale(text, sale, "police")], bodies, text, GENERIC)
    assert event.roles["recipient"] == "Ruritanian Federal Police Service"


def test_the_authorities_with_two_candidate_bodies_of_different_kinds_stay() -> None:
    first = "The Ruritanian Army Command and the Ruritanian Federal Police Service both asked for funds."
    sale = f"{FIRM} sold spyware to the authorities."
    text = f"{first} {sale}"
    bodies = [_mention(text, "Ruritanian Army Command", "GOV_AGENCY", "XR"),
              _mention(text, "Ruritanian Federal Police Service", "GOV_AGENCY", "XR")]
    before = _sale(text, sale, ["authorities", "XR"])
    assert named_buyers([before], bodies, text, GENERIC) == [before]


def test_a_named_recipient_is_never_replaced() -> None:
    first = "The Ruritanian Federal Police Service opened a cyber unit in May."
    sale = f"{FIRM} sold spyware to the National Police Directorate and the police."
    text = f"{first} {sale}"
    body = _mention(text, "Ruritanian Federal Police Service", "GOV_AGENCY", "XR")
    before = _sale(text, sale, ["National Police Directorate", "police"])
    assert named_buyers([before], [body], text, GENERIC) == [before]


def test_a_state_named_as_buyer_stays_when_nothing_is_named_beside_it() -> None:
    first = "The Ruritanian Federal Police Service opened a cyber unit in May."
    sale = f"{FIRM} sold spyware to Ruritania in June."
    text = f"{first} {sale}"
    mentions = [_mention(text, "Ruritanian Federal Police Service", "GOV_AGENCY", "XR"),
                _mention(text, "Ruritania", "COUNTRY", "XR", last=True)]
    before = _sale(text, sale, "XR")
    assert named_buyers([before], mentions, text, GENERIC) == [before]


def test_a_firm_in_apposition_to_the_state_is_the_buyer() -> None:
    sale = f"{FIRM} sold spyware to Ruritania's largest mobile operator, Zeltel, in 2019."
    text = sale
    mentions = [_mention(text, "Ruritania", "COUNTRY", "XR"), _mention(text, "Zeltel", "ORG")]
    [event] = named_buyers([_sale(text, sale, "XR")], mentions, text, GENERIC)
    assert event.roles["recipient"] == "Zeltel"
    assert "XR" in event.explanation


def test_the_seller_is_never_the_buyer_beside_the_state() -> None:
    sale = f"Ruritania's largest vendor, {FIRM}, sold spyware to Ruritania in 2019."
    text = sale
    mentions = [_mention(text, "Ruritania", "COUNTRY", "XR"), _mention(text, FIRM, "ORG")]
    before = _sale(text, sale, "XR")
    assert named_buyers([before], mentions, text, GENERIC) == [before]


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

