"""Names tagged with the wrong span, by kind (issue 13 round 20): a government described by an adjective, a body's
name whose complement lists its remits, a legal form left outside a firm's name and a first name ner read as a
place. Each kind has a case that must stay as it is (two names stay two). The sentences are written for these
tests; Quorvex, Brellan and Zentrix are fictional firms, the real firms and countries named are given no real
event, and the people are invented or named in no act."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from tests.nlp.readings import agencies, labels


@pytest.mark.parametrize(("text", "body", "country"), [
    ("Norway's conservative government announced a new budget.", "Norway's conservative government", "NO"),
    ("The Norwegian conservative government announced a budget.", "Norwegian conservative government", "NO"),
    ("Peruvian authorities Saturday announced new traffic cameras.", "Peruvian authorities", "PE"),
])
def test_a_government_described_by_an_adjective_or_dated_is_one_agency(
        extractor: Extractor, text: str, body: str, country: str) -> None:
    assert agencies(extractor.extract_text(text)).get(body) == country


@pytest.mark.parametrize("text", [
    "Norway's new government bonds fell.",
    "Norway's own government was not consulted.",
    "The Norwegian economic outlook improved.",
])
def test_an_adjective_before_something_else_than_the_government_makes_no_agency(
        extractor: Extractor, text: str) -> None:
    assert not any("government" in body or "economic" in body for body in agencies(extractor.extract_text(text)))


@pytest.mark.parametrize(("text", "name"), [
    ("The fictional Quorvex Institute for Ethics, Innovation and Society said so.",
     "Quorvex Institute for Ethics, Innovation and Society"),
    ("A decree by the State Committee for Roads, Ports, and Railways was issued.",
     "State Committee for Roads, Ports, and Railways"),
    ("He teaches at the Quorvex School of Global Affairs and Public Policy in Oslo.",
     "Quorvex School of Global Affairs and Public Policy"),
])
def test_a_name_whose_complement_lists_its_remits_is_kept_whole(extractor: Extractor, text: str, name: str) -> None:
    found = labels(extractor.extract_text(text))
    assert name in found
    assert not any(other != name and other in name for other in found if other not in ("Oslo",))


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The Ministry of Interior and Zentrix Systems Ltd signed a contract.", "Ministry of Interior",
     "Zentrix Systems Ltd"),
    ("The Ministry of Defence and Huawei signed a deal.", "Ministry of Defence", "Huawei"),
])
def test_a_body_and_a_firm_joined_by_and_stay_two_names(
        extractor: Extractor, text: str, first: str, second: str) -> None:
    found = labels(extractor.extract_text(text))
    assert first in found and second in found


@pytest.mark.parametrize(("text", "name"), [
    ("The register lists FinFisher Labs GmbH at a Munich address.", "FinFisher Labs GmbH"),
    ("They sued the managers of the fictional firms Quorvex GmbH, Quorvex Labs GmbH, and Brellan GmbH.",
     "Brellan GmbH"),
    ("The tender was won by Huawei Technologies, Co, Ltd in 2019.", "Huawei Technologies, Co, Ltd"),
])
def test_a_legal_form_after_a_firms_name_is_part_of_it(extractor: Extractor, text: str, name: str) -> None:
    assert labels(extractor.extract_text(text)).get(name) == {"ORG"}


def test_firms_listed_with_commas_stay_apart_without_a_legal_form(extractor: Extractor) -> None:
    found = labels(extractor.extract_text("He met the fictional Quorvex Technologies, Brellan and Zentrix last year."))
    assert "Quorvex Technologies" in found
    assert not any(name.startswith("Quorvex Technologies,") for name in found)


@pytest.mark.parametrize(("text", "person"), [
    ("The film recalls the deaths of Jamal Khashoggi and Miroslava Breach.", "Jamal Khashoggi"),
    ("The targets included Tikpi Atchadam, leader of a party.", "Tikpi Atchadam"),
])
def test_a_first_name_read_as_a_place_is_part_of_the_persons_name(
        extractor: Extractor, text: str, person: str) -> None:
    assert labels(extractor.extract_text(text)).get(person) == {"PERSON"}


def test_a_city_before_a_persons_name_stays_a_place(extractor: Extractor) -> None:
    found = labels(extractor.extract_text("In Accra Kofi Boateng opened the meeting."))
    assert "Kofi Boateng" in found
    assert "Accra Kofi Boateng" not in found


def test_a_known_firms_name_with_group_in_lower_case_is_one_name(extractor: Extractor) -> None:
    assert labels(extractor.extract_text("The NSO group said it sells only to governments.")).get("NSO group") == {"ORG"}


def test_group_before_another_noun_stays_outside_the_name(extractor: Extractor) -> None:
    found = labels(extractor.extract_text("She met the NSO group chairman at a fair."))
    assert "NSO" in found
    assert "NSO group" not in found
