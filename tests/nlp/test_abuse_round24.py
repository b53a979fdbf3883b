"""Abuse events on real report prose (issue 13, round 24, brief abuse28).

Three wordings of spyware and facial-recognition reporting (Citizen Lab, Amnesty, news on Pegasus, U.S. grounds
for listing spyware vendors):

* victims are written in the report's words ("protesters", "pro-democracy activists"), the victim groups' table's
  standard name kept apart in ``victim_type`` (nlp/components/victim_words.py);
* the doers named only as a plural class of state bodies ("foreign governments that used these tools to target
  ...", "... by governments around the world") are the actor (nlp/components/abuse_actors.py);
* a country said as the home of the tool's vendor ("developed by the Israeli company X") is never taken as the
  doer of an abuse told without one.

Firm and product names are fictional; the sentences are written for these tests."""

from __future__ import annotations

from nlp.extract import Extractor
from ontology.records import DocumentExtraction, EventMention
from tests.nlp.readings import names


def _abuses(ext: DocumentExtraction) -> list[EventMention]:
    return [e for e in ext.events if e.type == "abuse"]


def test_protesters_stay_protesters_with_the_standard_name_apart(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("Police in Uganda used facial recognition to identify protesters after "
                                          "the November riots."))
    assert names(ev.roles.get("victim_group")) == {"protesters"}
    assert names(ev.roles.get("victim_type")) == {"activists"}


def test_a_victim_group_keeps_its_qualifying_words(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("The Bahraini government used spyware to monitor pro-democracy activists."))
    assert names(ev.roles.get("victim_group")) == {"pro-democracy activists"}
    assert names(ev.roles.get("actor")) == {"Bahraini government"}


def test_a_minority_is_written_by_its_name(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("Chinese authorities have used facial recognition cameras to track "
                                          "Uyghurs across Xinjiang."))
    assert names(ev.roles.get("victim_group")) == {"Uyghurs"}
    assert names(ev.roles.get("victim_type")) == {"minorities"}


def test_foreign_governments_that_used_the_tools_are_the_actor(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text(
        "Brightwave Systems and Corvel Labs were added to the Entity List because they supplied spyware to foreign "
        "governments that used these tools to maliciously target journalists, activists and academics."))
    assert names(ev.roles.get("actor")) == {"foreign governments"}
    assert names(ev.roles.get("victim_group")) == {"journalists", "activists", "academics"}


def test_governments_as_the_by_agent_of_a_passive_use_are_the_actor(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("Its flagship spyware was used to target journalists, lawyers and "
                                          "activists by governments around the world."))
    assert names(ev.roles.get("actor")) == {"governments"}


def test_the_vendors_country_is_not_the_doer(extractor: Extractor) -> None:
    ext = extractor.extract_text("In Mexico, journalists and lawyers were spied on with spyware developed by the "
                                 "Israeli company Ortano Group.")
    assert all("IL" not in names(ev.roles.get("actor")) for ev in _abuses(ext))


def test_the_seller_of_the_tool_is_not_the_doer_of_its_buyers_abuse(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text(
        "Brightwave Systems supplied spyware to foreign governments that used these tools to maliciously target "
        "journalists, activists and academics."))
    assert names(ev.roles.get("actor")) == {"foreign governments"}


def test_the_states_a_class_of_governments_lists_are_the_doers(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text(
        "The ministry has allowed Nightjar to be bought by authoritarian governments, including Saudi Arabia and the "
        "United Arab Emirates, that have used the weapon to spy on dissidents and journalists."))
    assert names(ev.roles.get("actor")) == {"SA", "AE"}
    assert names(ev.roles.get("victim_group")) == {"dissidents", "journalists"}
