"""Terms, capitalised common nouns, agencies, firms cut at "and" or a hyphen, and people after posts (round 14,
second wave). Minimal sentences about fictional firms, bodies and officials (Zorvex Drones, Marvel and Tobin Ltd,
QRS-key, Halvern Systems, the Kelvoran Army and Coast Guard, Dorin Vaskelpura, Dorin Haqvel, Ramesh Kelvaran,
Dorin Vaskelic), with no wrongdoing said of anyone."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import labels


def test_an_acronym_before_its_term_in_brackets_is_no_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("A fictional firm, Zorvex Drones, has won a contract from the Kelvoran Army for "
                                 "VTOL (Vertical Take-Off and Landing) and FPV (First-Person View) drones.")
    found = labels(ext)
    for term in ("VTOL", "FPV", "First-Person View", "Vertical Take-Off and Landing"):
        assert term not in found
    assert found.get("Zorvex Drones") == {"ORG"}
    assert found.get("Kelvoran Army") == {"GOV_AGENCY"}


def test_a_rescue_term_and_its_acronym_are_no_organisations(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Kelvoran Coast Guard bought multicopter drones to help its boats in Search and "
                                 "Rescue (SAR) missions.")
    found = labels(ext)
    assert found.get("Kelvoran Coast Guard") == {"GOV_AGENCY"}
    assert "Search and Rescue" not in found and "SAR" not in found


def test_a_capitalised_plural_after_the_is_no_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("The new drones help the Ships and the Stations in the gulf.")
    assert "Ships" not in labels(ext)


def test_a_firm_plural_keeps_its_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("The cameras were bought from Halvern Instruments by the city.")
    assert labels(ext).get("Halvern Instruments") == {"ORG"}


def test_a_police_commissionerate_and_a_safe_cities_authority_are_agencies(extractor: Extractor) -> None:
    ext = extractor.extract_text("The drones were handed over to the Police Commissionerate by the fictional Halvern "
                                 "Systems.")
    assert labels(ext).get("Police Commissionerate") == {"GOV_AGENCY"}
    ext = extractor.extract_text("The Safe Cities Authority signed a contract with Halvern Systems for cameras.")
    found = labels(ext)
    assert found.get("Safe Cities Authority") == {"GOV_AGENCY"}
    assert found.get("Halvern Systems") == {"ORG"}


def test_a_firm_of_two_names_joined_by_and_is_one_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("The state government signed a deal with Marvel and Tobin Ltd to cover the city "
                                 "under CCTV surveillance.")
    found = labels(ext)
    assert found.get("Marvel and Tobin Ltd") == {"ORG"}
    assert "Marvel" not in found and "Tobin Ltd" not in found


def test_a_firm_in_capitals_keeps_its_hyphenated_lower_case_tail(extractor: Extractor) -> None:
    ext = extractor.extract_text("The scanners were bought from the fictional firm QRS-key for the border force.")
    found = labels(ext)
    assert found.get("QRS-key") == {"ORG"}
    assert "QRS" not in found


def test_a_maker_before_a_participle_is_not_joined_to_it(extractor: Extractor) -> None:
    ext = extractor.extract_text("The police bought ZTE-made cameras and Huawei-supplied servers.")
    found = labels(ext)
    assert "ZTE" in found and "ZTE-made" not in found


def test_people_right_after_posts_are_persons(extractor: Extractor) -> None:
    cases = {
        "Police Spokesman SP Dorin Vaskelpura said the cameras were working.": "Dorin Vaskelpura",
        "The Assistant Chief of Naval Staff Rear Admiral M Dorin Haqvel handed over the boats.": "M Dorin Haqvel",
        "The boats were received by force DG Ramesh Kelvaran on Monday.": "Ramesh Kelvaran",
        "The Deputy Prime Minister of Serbia Dorin Vaskelic visited the plant.": "Dorin Vaskelic",
    }
    for sentence, person in cases.items():
        assert labels(extractor.extract_text(sentence)).get(person) == {"PERSON"}, sentence

