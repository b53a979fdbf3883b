"""Parties an earlier paragraph names, for news written in one-sentence paragraphs (issue 13 round 13): "They"
opening a paragraph stands for the state body an earlier paragraph has as its main subject; goods referred back
("the equipment", "them") sold in a paragraph's first sentence went to that body. Minimal texts with fictional
firms (Zolara Systems, Vantor Labs) and real state bodies; the links carry the lower cross-paragraph confidence
and say why in their explanation."""

from __future__ import annotations

from nlp.components.events import PREVIOUS_PARAGRAPH_CONFIDENCE
from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def test_they_opening_a_paragraph_is_the_state_body_of_the_paragraph_before(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "In response to Sri Lanka's request, the Indian Government took proactive measures during the talks.\n\n"
        "They decided to provide a maritime surveillance aircraft to Sri Lanka free of cost for two years.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Indian Government"}
    assert names(sale.roles.get("recipient")) == {"LK"}
    assert sale.confidence <= PREVIOUS_PARAGRAPH_CONFIDENCE
    assert "earlier paragraph" in sale.explanation


def test_they_after_a_firm_paragraph_is_not_resolved_to_an_older_state(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Indian Government took proactive measures during the talks.\n\n"
        "Zolara Systems, a fictional drone maker, won a tender in Colombo.\n\n"
        "They decided to provide a maritime surveillance aircraft to Sri Lanka.")
    assert all("Indian Government" not in names(s.roles.get("supplier")) for s in supplies(ext))


def test_goods_referred_back_opening_a_paragraph_went_to_the_state_body_before(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Since 2019, the Serbian government has been working on a surveillance project in Belgrade.\n\n"
        "At least 1,200 smart cameras can be found in the streets of Belgrade, activists say.\n\n"
        "Zolara Systems provided them all.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Serbian government"}
    assert sale.confidence <= PREVIOUS_PARAGRAPH_CONFIDENCE


def test_the_equipment_supplied_in_the_next_paragraph_went_to_the_body_that_put_it_to_work(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Kyrgyzstan's interior ministry opened a new police command center, putting its new facial recognition "
        "cameras to work.\n\nThe equipment was supplied by Vantor Labs.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Vantor Labs"}
    assert names(sale.roles.get("recipient")) == {"Kyrgyzstan's interior ministry"}


def test_goods_referred_back_with_no_state_before_make_no_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "At least 1,200 smart cameras can be found in the streets of the capital, activists say.\n\n"
        "Zolara Systems provided them all.")
    assert supplies(ext) == []


def test_a_seller_installing_the_system_a_state_spoke_of_in_the_sentence_before(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Kenyan government opened a command centre in Nairobi last year to watch its new CCTV cameras. Vantor "
        "Labs installed the system.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Vantor Labs"}
    assert names(sale.roles.get("recipient")) == {"Kenyan government"}


def test_it_opening_a_paragraph_after_a_state_body_is_that_body(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Uganda Police Force signed a deal last year.\n\nIt bought surveillance cameras from Vantor Labs for "
        "$126 million.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Vantor Labs"}
    assert names(sale.roles.get("recipient")) == {"Uganda Police Force"}


def test_it_opening_a_paragraph_after_a_firm_stays_the_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Uganda Police Force announced a tender. Vantor Labs, a fictional camera maker, won it.\n\n"
        "It sold surveillance cameras to the Kenyan police as well.")
    assert any(names(s.roles.get("supplier")) == {"Vantor Labs"} for s in supplies(ext))
    assert all("Uganda Police Force" not in names(s.roles.get("supplier")) for s in supplies(ext))


def test_the_ministry_opening_a_paragraph_is_the_ministry_named_before(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Ministry of Interior of Serbia announced a safe city project in 2019.\n\n"
        "The ministry bought 1,000 cameras from Vantor Labs.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Ministry of Interior of Serbia"}


def test_a_bare_noun_that_does_not_fit_the_body_before_is_not_resolved_to_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Bangladesh's Rapid Action Battalion has faced sanctions.\n\n"
        "The ministry bought an IMSI catcher from Vantor Labs.")
    assert all("Rapid Action Battalion" not in str(s.roles.get("recipient")) for s in supplies(ext))


def test_it_was_developed_by_opening_a_paragraph_names_the_seller_of_a_purchase_left_open(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Delhi Police acquired a facial recognition system in 2018.\n\nIt was developed by Vantor Labs.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Vantor Labs"}
    assert names(sale.roles.get("recipient")) == {"Delhi Police"}
