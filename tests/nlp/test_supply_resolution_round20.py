"""Whom "the firm" opening a paragraph stands for (issue 13 round 20; nlp/components/salience.py and
nlp.extract._last_firm): the firm the previous paragraph's last sentence naming firms is about, also when an earlier
sentence of that paragraph told of another firm's sale; not a firm named only inside a phrase about it ("a unit of
X"), and not a firm described before the paragraph's last sale. "Zorvex Optics Ltd", "Kestrel Dynamics Ltd" and
"Bellmont Holdings Ltd" are fictional, and so are their sales; the sentences are written for these tests."""

from __future__ import annotations

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
