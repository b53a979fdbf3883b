"""Listings told as a party's status (issue 13 round 19; nlp/components/list_status.py): a party "on" a list, a
party "among the entities sanctioned by" an authority, and a denial order's parties on the Denied Persons List; with
the sentences that must give no listing or a denied one. "Zorvex Optics Ltd", "Marrow Air", "Tamsin Air" and
"Quillon Air" are fictional, and so are their listings; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from ontology.records import DocumentExtraction, EventMention
from tests.nlp.readings import names


def status(ext: DocumentExtraction) -> list[EventMention]:
    return [ev for ev in ext.events if ev.type == "listing" and ev.rule == "list_status"]


@pytest.mark.parametrize(("text", "code"), [
    ("Zorvex Optics Ltd, which is on the Entity List, sold cameras to the border police.", "EL"),
    ("Zorvex Optics Ltd is on the SDN List, the Treasury said.", "SDN"),
    ("Zorvex Optics Ltd remains on the Denied Persons List.", "DPL"),
    ("Exports to Zorvex Optics Ltd or its subsidiaries on the Entity List need a licence.", "EL"),
])
def test_a_party_on_a_list_is_listed_there(extractor: Extractor, text: str, code: str) -> None:
    [listing] = status(extractor.extract_text(text))
    assert names(listing.roles["entity"]) == {"Zorvex Optics Ltd"}
    assert listing.roles["list"] == code and not listing.negated
    assert listing.confidence <= 0.7 and "on the list" in (listing.explanation or "")


def test_a_party_said_not_to_be_on_a_list_is_a_denied_listing(extractor: Extractor) -> None:
    [listing] = status(extractor.extract_text("Zorvex Optics Ltd is not on the Entity List."))
    assert listing.negated


def test_a_list_that_is_only_talked_about_lists_no_one(extractor: Extractor) -> None:
    text = "Zorvex Optics Ltd said it reads the Entity List every week."
    assert status(extractor.extract_text(text)) == []


def test_a_party_among_those_sanctioned_is_listed_by_the_authority(extractor: Extractor) -> None:
    text = "Zorvex Optics Ltd was among the entities sanctioned by the United States last year."
    [listing] = status(extractor.extract_text(text))
    assert names(listing.roles["entity"]) == {"Zorvex Optics Ltd"} and listing.roles["authority"] == "US"


def test_a_party_among_customers_is_no_listing(extractor: Extractor) -> None:
    text = "Zorvex Optics Ltd was among the companies supplied by the United States last year."
    assert status(extractor.extract_text(text)) == []


@pytest.mark.parametrize("text", [
    "The Assistant Secretary issued an order denying the export privileges of three Ruritanian airlines, Marrow "
    "Air, Tamsin Air and Quillon Air, for violations of export controls.",
    "The Commerce Department denied the export privileges of Marrow Air, Tamsin Air and Quillon Air for two years.",
])
def test_a_denial_order_puts_its_parties_on_the_denied_persons_list(extractor: Extractor, text: str) -> None:
    [listing] = status(extractor.extract_text(text))
    assert names(listing.roles["entity"]) == {"Marrow Air", "Tamsin Air", "Quillon Air"}
    assert listing.roles["list"] == "DPL"
    assert not listing.negated  # the denial is the listing, not a denial that it happened


def test_privileges_that_are_not_export_privileges_list_no_one(extractor: Extractor) -> None:
    text = "The club denied the landing privileges of Marrow Air after the strike."
    assert status(extractor.extract_text(text)) == []


def test_an_order_not_denying_privileges_lists_no_one(extractor: Extractor) -> None:
    text = "The Commerce Department did not deny the export privileges of Marrow Air."
    assert status(extractor.extract_text(text)) == []


def test_a_party_listed_by_an_act_is_not_listed_twice(extractor: Extractor) -> None:
    text = "The Department of Commerce added Zorvex Optics Ltd, which is on the Entity List, to the Entity List."
    listings = [ev for ev in extractor.extract_text(text).events if ev.type == "listing"]
    assert len(listings) == 1
