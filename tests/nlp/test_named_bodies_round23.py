"""Named public bodies of UK, European and Commonwealth reports (issue 13 round 23, branch bodies27): a force named
by its place or name before a lone "police" ("the Metropolitan police", "West Mercia police", "British Transport
police", "Staffordshire Police"; entities._named_force_start with nlp/data/police_kinds.txt), a chamber of a
Westminster-style parliament ("House of Commons", nlp/data/agencies.tsv) and its committees named by their remit
("the House of Commons Access to Information, Privacy and Ethics Committee"; extract._chamber_committees), and the
bracketed acronym of a state body used alone later ("the Metropolitan Police Service's (MPS) ... the MPS";
extract._acronyms_of_bodies). Real public bodies are named; the firms are fictional and the sentences are written
for these tests in the shape of UK and Canadian news and council papers."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from ontology.records import DocumentExtraction


def agencies(ext: DocumentExtraction) -> set[str]:
    return {e.text for e in ext.entities if e.label == "GOV_AGENCY"}


@pytest.mark.parametrize("text, body", [
    ("The Metropolitan police were previously known to have bought the devices from Zorvex Ltd.",
     "Metropolitan police"),
    ("At least three forces – Essex, Kent and British Transport police – have bought the drones.",
     "British Transport police"),
    ("In the region both West Midlands and Staffordshire Police have recently purchased the equipment.",
     "Staffordshire Police"),
    ("He met officers of the West Mercia police on Monday to discuss the upgrade.", "West Mercia police"),
])
def test_a_force_named_before_a_lone_police_is_an_agency(extractor: Extractor, text: str, body: str) -> None:
    assert body in agencies(extractor.extract_text(text))


@pytest.mark.parametrize("text", [
    "Riot police in the capital made heavy use of batons.",
    "Are Your Local Police Using Quobrix Cameras?",
    "Secret police arrested the blogger at his home.",
])
def test_a_kind_of_police_is_no_named_force(extractor: Extractor, text: str) -> None:
    assert not any("police" in a.casefold() for a in agencies(extractor.extract_text(text)))


def test_a_country_adjective_before_a_provinces_force_stays_apart(extractor: Extractor) -> None:
    ext = extractor.extract_text("Researchers found links between Zorvex Ltd and the Canadian Ontario Provincial Police.")
    assert "Ontario Provincial Police" in agencies(ext)
    assert "Canadian Ontario Provincial Police" not in agencies(ext)


def test_the_house_of_commons_is_an_agency(extractor: Extractor) -> None:
    ext = extractor.extract_text("Documents tabled in the House of Commons in June shed new light on the force's tools.")
    assert "House of Commons" in agencies(ext)


def test_a_chamber_committee_named_by_its_remit_is_one_agency(extractor: Extractor) -> None:
    ext = extractor.extract_text("The House of Commons Access to Information, Privacy and Ethics Committee voted "
                                 "Tuesday to study the force's use of spyware.")
    assert "House of Commons Access to Information, Privacy and Ethics Committee" in agencies(ext)
    assert not any(e.text == "Privacy and Ethics Committee" for e in ext.entities)


def test_a_bodys_bracketed_acronym_is_that_body_at_each_use(extractor: Extractor) -> None:
    ext = extractor.extract_text("The file was the Metropolitan Police Service's (MPS) list of contracts. The "
                                 "document revealed that the MPS had paid over £1m to Zorvex Ltd.")
    assert [e.label for e in ext.entities if e.text == "MPS"] == ["GOV_AGENCY", "GOV_AGENCY"]


def test_a_council_of_chiefs_is_one_agency_with_its_acronym(extractor: Extractor) -> None:
    ext = extractor.extract_text("The mayor's office hosts the National Police Chiefs’ Council (NPCC). The NPCC runs "
                                 "a counter-drone programme with Zorvex Ltd.")
    assert "National Police Chiefs’ Council" in agencies(ext)
    assert "National Police" not in agencies(ext)
    assert [e.label for e in ext.entities if e.text == "NPCC"] == ["GOV_AGENCY", "GOV_AGENCY"]
