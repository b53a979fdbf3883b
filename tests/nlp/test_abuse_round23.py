"""Abuse events said without their doer (issue 13, round 23, brief abuse26: ``_agentless_abuse`` in
nlp/components/events.py). Reports on spyware and phone hacking (Citizen Lab, Amnesty, CPJ, news on Pegasus and
Predator) mostly write the victims and the tool in one passive or nominal clause ("the phones of 36 journalists
were hacked with ...", "... was used against opposition politicians") and the attribution, if any, elsewhere; the
dev set annotates such a clause as an abuse with no actor. "Nightjar spyware" is fictional; the sentences are
written for these tests (no sentence of a probe or of the development set)."""

from __future__ import annotations

from nlp.extract import Extractor
from ontology.records import DocumentExtraction, EventMention
from tests.nlp.readings import names


def _abuses(ext: DocumentExtraction) -> list[EventMention]:
    return [e for e in ext.events if e.type == "abuse"]


def test_a_passive_hack_with_a_tool_is_an_abuse_without_actor(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("The phones of 14 journalists were hacked with spyware in 2021."))
    assert names(ev.roles.get("victim_group")) == {"journalists"}
    assert ev.roles.get("capability")
    assert not ev.roles.get("actor")


def test_victims_infected_with_spyware_have_no_actor_named(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("Several dissidents in exile have also been infected with spyware."))
    assert names(ev.roles.get("victim_group")) == {"dissidents"}  # the text's words (round 24); the table's name:
    assert names(ev.roles.get("victim_type")) == {"activists"}
    assert not ev.roles.get("actor")


def test_the_tool_as_the_subject_of_a_passive_use(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("Spyware was used against opposition politicians and journalists."))
    assert names(ev.roles.get("victim_group")) == {"opposition politicians", "journalists"}
    assert names(ev.roles.get("victim_type")) == {"opposition", "journalists"}
    assert not ev.roles.get("actor")


def test_the_tool_used_to_target_a_victim_count(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("Spyware was used to target at least 30 journalists."))
    assert names(ev.roles.get("victim_group")) == {"journalists"}


def test_an_agent_named_by_by_stays_the_actor(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("Journalists were targeted with spyware by the National Intelligence "
                                          "Service."))
    assert names(ev.roles.get("actor")) == {"National Intelligence Service"}


def test_a_passive_without_a_tool_is_no_event(extractor: Extractor) -> None:
    # (no tool, no doer: "were targeted" alone may be any harm; the clause says nothing a due-diligence check can use)
    assert _abuses(extractor.extract_text("Several journalists were targeted in 2021.")) == []


def test_a_hypothetical_use_is_no_event(extractor: Extractor) -> None:
    assert _abuses(extractor.extract_text("The spyware could be used to spy on journalists.")) == []


def test_the_nominal_use_against_victims_is_an_abuse(extractor: Extractor) -> None:
    [ev] = _abuses(extractor.extract_text("The report described the use of spyware against 36 journalists."))
    assert names(ev.roles.get("victim_group")) == {"journalists"}
    assert not ev.roles.get("actor")


def test_a_modal_above_the_purpose_clause_is_no_event(extractor: Extractor) -> None:
    text = "Such tools can also be used to engage in surveillance and to target activists."
    assert _abuses(extractor.extract_text(text)) == []


# ------------------------------------------------------------------ the doer named by the report's attribution
def test_the_attacker_named_in_another_sentence_is_the_actor(extractor: Extractor) -> None:
    text = ("Journalists at the station were again targeted with spyware in 2014. The attacker may be the Zemblan "
            "Information Network Security Agency.")
    [ev] = _abuses(extractor.extract_text(text))
    [actor] = names(ev.roles.get("actor"))
    assert actor.endswith("Information Network Security Agency")
    assert "attributes" in ev.explanation


def test_the_operator_said_to_be_a_ministry_is_the_actor(extractor: Extractor) -> None:
    text = "Several activists were infected with spyware. The operator is likely the Zemblan Ministry of Interior."
    [ev] = _abuses(extractor.extract_text(text))
    assert names(ev.roles.get("actor")) == {"Zemblan Ministry of Interior"}


def test_two_suspected_attackers_give_no_actor(extractor: Extractor) -> None:
    text = ("Several activists were infected with spyware. The attacker may be the Zemblan police or the Ruritanian "
            "army.")
    [ev] = _abuses(extractor.extract_text(text))
    assert not ev.roles.get("actor")
