"""Whom "the firm" opening a paragraph stands for (issue 13 round 20; nlp/components/salience.py and
nlp.extract._last_firm): the firm the previous paragraph's last sentence naming firms is about, also when an earlier
sentence of that paragraph told of another firm's sale; not a firm named only inside a phrase about it ("a unit of
X"), and not a firm described before the paragraph's last sale. "Zorvex Optics Ltd", "Kestrel Dynamics Ltd" and
"Bellmont Holdings Ltd" are fictional, and so are their sales; the sentences are written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nlp.components.seller_only import buyer_from_document_state
from nlp.components.supply_precision import class_of_states
from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names


def sales_to(events: list[EventMention], code: str) -> list[EventMention]:
    return [ev for ev in events if ev.type == "supply" and code in names(ev.roles.get("recipient", []))]


def test_the_firm_is_the_one_the_last_sentence_is_about_not_the_earlier_seller(extractor: Extractor) -> None:
    text = ("Zorvex Optics Ltd sold thermal cameras to the Chilean police in 2019. "
            "The main broker of those cameras appears to have been the Danish company Kestrel Dynamics Ltd, a unit of "
            "Bellmont Holdings Ltd.\n\nThe firm later sold the same cameras to Peru and Bolivia.")
    [sale] = sales_to(extractor.extract_text(text).events, "PE")
    assert names(sale.roles["supplier"]) == {"Kestrel Dynamics Ltd"}
    assert "stood for kestrel dynamics" in sale.explanation.casefold() and sale.confidence <= 0.5


def test_a_firm_named_after_of_in_that_sentence_is_not_the_topic(extractor: Extractor) -> None:
    text = ("Kestrel Dynamics Ltd is a Danish company, a unit of the holding company Bellmont Holdings Ltd.\n\n"
            "The company sold drones to Peru.")
    [sale] = sales_to(extractor.extract_text(text).events, "PE")
    assert names(sale.roles["supplier"]) == {"Kestrel Dynamics Ltd"}


def test_a_firm_described_before_the_last_sale_leaves_the_seller_as_topic(extractor: Extractor) -> None:
    text = ("Kestrel Dynamics Ltd, a Danish company, makes lenses. Zorvex Optics Ltd sold thermal cameras to the "
            "Chilean police in 2019.\n\nThe firm later sold the same cameras to Peru.")
    [sale] = sales_to(extractor.extract_text(text).events, "PE")
    assert names(sale.roles["supplier"]) == {"Zorvex Optics Ltd"}


# A sale told by its seller alone in a story about one state (nlp/components/seller_only.py). "Zorvex Optics Ltd"
# and "Quillmark Sensors GmbH" are fictional, and so are their sales and registrations.

def _story(sale: str) -> str:
    return ("Chile plans a wider camera network for its cities, officials in Chile said.\n\n"
            f"Officials in Chile have asked for bids. {sale}\n\nOther news followed.")


def test_a_seller_only_sale_in_a_story_about_one_state_has_that_state_as_buyer(extractor: Extractor) -> None:
    [sale] = [ev for ev in extractor.extract_text(_story("Zorvex Optics Ltd will install 2,000 thermal cameras.")).events
              if ev.type == "supply"]
    assert names(sale.roles["supplier"]) == {"Zorvex Optics Ltd"} and "CL" in names(sale.roles["recipient"])
    assert "the state the document is about" in sale.explanation and sale.confidence < 0.7


def test_no_state_buyer_for_a_sale_in_a_paragraph_that_does_not_name_the_state(extractor: Extractor) -> None:
    text = ("Chile plans a wider camera network for its cities, officials in Chile said.\n\n"
            "Zorvex Optics Ltd will install 2,000 thermal cameras.")
    sales = [ev for ev in extractor.extract_text(text).events if ev.type == "supply"]
    assert all("CL" not in names(ev.roles.get("recipient")) for ev in sales)


def test_no_state_buyer_for_a_firm_registered_in_that_state() -> None:
    text = "Chile plans cameras. Quillmark Sensors GmbH will install 2,000 thermal cameras."
    sale = EventMention(type="supply", roles={"supplier": "Quillmark Sensors GmbH", "capability": "thermal_imaging"},
                        sentence=text[21:], start=21, end=len(text), confidence=0.8)
    states = [(0, "CL")]
    [kept] = buyer_from_document_state([sale], "CL", text, states, lambda name: "CL")
    assert "recipient" not in kept.roles
    [given] = buyer_from_document_state([sale], "CL", text, states, lambda name: "DE")
    assert given.roles["recipient"] == "CL"
    [denied] = buyer_from_document_state([replace(sale, negated=True)], "CL", text, states, lambda name: None)
    assert "recipient" not in denied.roles


# A class of states as the only buyer (nlp/components/supply_precision.py, class_of_states). "Zorvex Optics Ltd" is
# fictional, and so are its sales.

@pytest.mark.parametrize("buyers", ["repressive regimes", "authoritarian governments", "regimes"])
def test_a_sale_to_a_class_of_states_tells_no_sale(extractor: Extractor, buyers: str) -> None:
    text = f"Zorvex Optics Ltd sold its phone-hacking software to {buyers}, the report said."
    assert [ev for ev in extractor.extract_text(text).events if ev.type == "supply"] == []


def test_a_vendor_selling_to_governments_keeps_its_stated_market(extractor: Extractor) -> None:
    text = "Zorvex Optics Ltd sold its phone-hacking software to governments, the report said."
    [sale] = [ev for ev in extractor.extract_text(text).events if ev.type == "supply"]
    assert names(sale.roles["recipient"]) == {"governments"}


@pytest.mark.parametrize(("recipient", "is_class"), [
    ("Authoritarian Regimes", True), ("oppressive governments", True), ("governments", False),
    ("foreign governments", False), ("the regimes", False), ("Syrian regime", False), ("police departments", False),
])
def test_which_buyers_are_a_class_of_states(recipient: str, is_class: bool) -> None:
    assert class_of_states(recipient) is is_class


def test_a_denial_of_selling_to_a_class_of_states_stays_a_denial(extractor: Extractor) -> None:
    text = "Zorvex Optics Ltd denies selling its phone-hacking software to repressive regimes."
    [denial] = [ev for ev in extractor.extract_text(text).events if ev.type == "supply"]
    assert denial.negated and names(denial.roles["recipient"]) == {"repressive regimes"}
