"""A state body described by lower-case words between its country and its head noun is one government-actor mention
with the country ("the Zorbian federal police", "Zorbian morality police", "the Zorbian military intelligence"), as
the dev set's rule for "the Hungarian government" reads such phrases (issue 13 round 20; ruler
._described_government_end). A system named "regime" is no body, and an actor word that only qualifies a noun after
it stays no actor. "Zorbia" is a fictional state (its demonym is written as a real one's would be, so the real
demonyms below are used only to name a state, with no act attached), and the sentences are written for these
tests."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from ontology.records import DocumentExtraction


def agencies(ext: DocumentExtraction) -> set[str]:
    return {e.text for e in ext.entities if e.label == "GOV_AGENCY"}


@pytest.mark.parametrize("text, body", [
    ("The Kenyan national police said on Monday that the inquiry continues.", "Kenyan national police"),
    ("A statement by the Ethiopian federal police was published on Monday.", "Ethiopian federal police"),
    ("The Ugandan military intelligence declined to comment.", "Ugandan military intelligence"),
    ("Officers of the Iranian morality police were seen in the square.", "Iranian morality police"),
])
def test_a_described_state_body_is_one_agency_with_its_country(extractor: Extractor, text: str, body: str) -> None:
    assert body in agencies(extractor.extract_text(text))


@pytest.mark.parametrize("text, not_body", [
    ("The report describes Bahrain's extensive censorship regime in detail.", "Bahrain's extensive censorship regime"),
    ("The firm applied under Israel's export control regime.", "Israel's export control regime"),
    ("A Russian private military company recruited the men.", "Russian private military"),
    ("Chinese local police departments bought the cameras.", "Chinese local police"),
])
def test_a_system_or_a_modifier_is_no_described_body(extractor: Extractor, text: str, not_body: str) -> None:
    assert not any(a.startswith(not_body) for a in agencies(extractor.extract_text(text)))


@pytest.mark.parametrize("text, group", [
    ("Zorvex Ltd sold drones to Syrian rebel forces in 2016.", "Syrian rebel forces"),
    ("Reporters met the Ethiopian rebel army near the border.", "Ethiopian rebel army"),
    ("Myanmar's exiled government issued a statement.", "Myanmar's exiled government"),
])
def test_an_armed_group_or_a_rival_claimant_is_no_state_body(extractor: Extractor, text: str, group: str) -> None:
    # ("Zorvex Ltd" is a fictional firm)
    assert group not in agencies(extractor.extract_text(text))
