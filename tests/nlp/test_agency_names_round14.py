"""Government bodies found, typed GOV_AGENCY and given their country (issue 13, round 14, branch agencies16).

The kinds come from the round-15 probe's report (E2 bodies never tagged, E3 bodies typed ORG, C1 bodies with no
country); the probe's passages are not quoted. Every sentence here is a minimal one written for the test: the
firms in them ("Fictive Systems", "Kestrel Analytics") are fictional, the bodies are real bodies' name shapes.
"""

from __future__ import annotations

from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer
from tests.nlp.readings import agencies as _agencies
from tests.nlp.readings import labels as _labels


# ------------------------------------------------------------------------------------------ the dateline's country
def test_a_dateline_gives_its_country_to_bodies_named_without_one(extractor: Extractor) -> None:
    # minimal sentences; Fictive Systems is fictional
    ext = extractor.extract_text(
        "LAHORE: The Punjab Police has bought drones from Fictive Systems.\n\n"
        "The Home Department approved the purchase.")
    found = _agencies(ext)
    assert found["Punjab Police"] == "PK"  # "Punjab" alone is a province of two countries
    assert found["Home Department"] == "PK"


def test_a_dateline_city_of_one_country_and_a_capital_give_the_country(extractor: Extractor) -> None:
    # minimal sentences; Kestrel Analytics is fictional
    ext = extractor.extract_text(
        "Thiruvananthapuram: The Transport Department gave the contract to Kestrel Analytics.")
    assert _agencies(ext)["Transport Department"] == "IN"
    ext = extractor.extract_text(
        "ABU DHABI // The Critical National Infrastructure Authority (CNIA) is to build surveillance towers.")
    assert _agencies(ext)["Critical National Infrastructure Authority"] == "AE"


def test_no_dateline_country_without_a_dateline_or_over_another_states_bodies(extractor: Extractor) -> None:
    # minimal sentences
    ext = extractor.extract_text("Update: The Transport Department began the camera project.")
    assert _agencies(ext)["Transport Department"] is None  # "Update" is no place
    ext = extractor.extract_text(
        "WASHINGTON - Pakistan's Federal Investigation Agency bought spyware. The Interior Ministry denied it.")
    found = _agencies(ext)
    assert found.get("Interior Ministry") != "US"  # the story's bodies are Pakistan's, not the dateline's


def test_the_dateline_reader_of_the_gazetteer() -> None:
    gaz = Gazetteer.default()
    assert gaz.dateline_country("RAJSHAHI, Nov 27: The police said") == "BD"
    assert gaz.dateline_country("Dhaka, Feb 2 (PTI) - The ministry said") == "BD"
    assert gaz.dateline_country("KARACHI - The police said") == "PK"
    assert gaz.dateline_country("Hyderabad: The police said") is None  # a city of India and of Pakistan
    assert gaz.dateline_country("Background: the police said") is None
    assert gaz.dateline_country("The Armed Police Force (APF) has said") is None
    assert gaz.dateline_country("SALISBURY, N.C. (QUEEN CITY NEWS) — On Monday") == "US"  # a U.S. state's city
    assert gaz.dateline_country("Atlanta, Georgia - The council said") == "US"
    assert gaz.dateline_country("Tbilisi, Georgia - The ministry said") == "GE"


# ------------------------------------------------------------------------------------------ phrases never tagged
def test_possessive_and_adjectival_government_phrases(extractor: Extractor) -> None:
    # minimal sentences; Fictive Systems is fictional
    ext = extractor.extract_text(
        "His phone was bugged by Greece's spy service, the National Intelligence Service, in 2021.\n\n"
        "The Swiss export authorities referred Fictive Systems to federal prosecutors.\n\n"
        "Ukraine has used the drone against Russian forces.")
    found = _agencies(ext)
    assert found["Greece's spy service"] == "GR"
    assert found["National Intelligence Service"] == "GR"  # named in apposition to a body of known state
    assert found["Swiss export authorities"] == "CH"
    assert found["Russian forces"] == "RU"


def test_a_lower_case_health_ministry_of_a_one_state_text(extractor: Extractor) -> None:
    # minimal sentences
    ext = extractor.extract_text(
        "The Kazakhstani Ministries of Health and Internal Affairs turned to technology. The health ministry "
        "required citizens to use a tracking app.")
    assert _agencies(ext)["health ministry"] == "KZ"


# ------------------------------------------------------------------------------------------ names cut or untagged
def test_a_body_name_goes_on_over_of_and_for(extractor: Extractor) -> None:
    # minimal sentences; Fictive Systems is fictional
    ext = extractor.extract_text(
        "This was announced by a spokesperson for the Bavarian Ministry of the Interior on Monday.\n\n"
        "The competent authority is the General Secretariat for Economic Diplomacy and Transparency of the "
        "Ministry of Foreign Affairs.\n\n"
        "The Rowan County Board of Commissioners approved a grant for Fictive Systems.")
    labels = _labels(ext)
    assert labels["Bavarian Ministry of the Interior"] == {"GOV_AGENCY"}
    assert labels["General Secretariat for Economic Diplomacy and Transparency"] == {"GOV_AGENCY"}
    assert labels["Ministry of Foreign Affairs"] == {"GOV_AGENCY"}  # the owner stays a name of its own
    assert labels["Rowan County Board of Commissioners"] == {"GOV_AGENCY"}


def test_untagged_secretariats_and_the_cabinet(extractor: Extractor) -> None:
    # minimal sentences; Intellexa-like firm names replaced by a fictional one
    ext = extractor.extract_text(
        "The General Secretariat issued two licences to Fictive Systems SA.\n\n"
        "The request went to the Presidential Secretariat.\n\n"
        "The purchase was approved by the Cabinet last week.")
    labels = _labels(ext)
    assert labels["General Secretariat"] == {"GOV_AGENCY"}
    assert labels["Presidential Secretariat"] == {"GOV_AGENCY"}
    assert labels["Cabinet"] == {"GOV_AGENCY"}


def test_units_of_bodies(extractor: Extractor) -> None:
    # minimal sentences
    ext = extractor.extract_text(
        "LAHORE: The system has been developed by Punjab Police IT Wing in collaboration with a university.")
    assert _agencies(ext)["Punjab Police IT Wing"] == "PK"
    ext = extractor.extract_text(
        "Rajshahi Metropolitan Police (RMP) has opened a laboratory. RMP has set up the laboratory at its Cyber "
        "Crime unit.")
    assert _agencies(ext)["Cyber Crime unit"] == "BD"


def test_a_dotted_acronym_of_a_known_agency_and_a_lab_directorate(extractor: Extractor) -> None:
    # minimal sentences
    ext = extractor.extract_text(
        "White House officials put the F.B.I. in charge of the review.\n\n"
        "The Directorate of Forensic Lab of the Federal Investigation Agency examined the phones.")
    found = _agencies(ext)
    assert found["F.B.I."] == "US"
    assert "Directorate of Forensic Lab" in found


# ------------------------------------------------------------------------------------------ what stays no agency
def test_titles_and_firm_units_stay_no_agency(extractor: Extractor) -> None:
    # minimal sentences; Fictive Systems is fictional
    ext = extractor.extract_text(
        "Fictive Systems said its Digital Crimes Unit found the malware.\n\n"
        "The board of Fictive Systems met on Monday.")
    labels = _labels(ext)
    # ("its Digital Crimes Unit" after a firm: ner's whole name, typed GOV_AGENCY by its head as on main before this
    # round; the unit rule of this round adds no such name after a firm)
    assert not any("GOV_AGENCY" in v for k, v in labels.items() if "Fictive" in k)


# ------------------------------------------------------------------------------------------ more shapes of round 14
def test_a_border_named_by_its_two_countries_gives_the_first_to_its_bodies(extractor: Extractor) -> None:
    # minimal sentence
    ext = extractor.extract_text(
        "The Armed Police Force (APF) has unveiled its plan to install CCTV cameras in the Nepal-India border areas.")
    found = _agencies(ext)
    assert found["Armed Police Force"] == "NP"
    assert found["APF"] == "NP"


def test_a_places_police_before_a_deal_noun_is_the_police(extractor: Extractor) -> None:
    # minimal sentence; Fictive Systems is fictional
    ext = extractor.extract_text("The Baden-Württemberg police contract with Fictive Systems was criticised.")
    assert _agencies(ext)["Baden-Württemberg police"] == "DE"


def test_chambers_of_legislatures_and_of_commerce(extractor: Extractor) -> None:
    # minimal sentences
    ext = extractor.extract_text(
        "The minister answered questions in the Legislative Chamber during its Government Hour.\n\n"
        "The Chamber of Deputies passed the bill.\n\n"
        "The delegation met the Chamber of Commerce and Industry of Kyrgyzstan.")
    labels = _labels(ext)
    assert labels["Legislative Chamber"] == {"GOV_AGENCY"}
    assert labels["Chamber of Deputies"] == {"GOV_AGENCY"}
    assert labels["Chamber of Commerce and Industry"] == {"ORG"}  # a business association, not the U.S. department
    assert "Commerce" not in labels


def test_state_bodies_of_the_table_named_without_their_state(extractor: Extractor) -> None:
    # minimal sentences (nlp/data/agencies.tsv, round 14 rows)
    ext = extractor.extract_text(
        "The drones were developed by the Defence Research and Development Organisation (DRDO).\n\n"
        "The government contributed part of the cost while KOICA gave the rest of the money.\n\n"
        "The Metropolitan Police Service (MPS) is seeking approval for the licences.")
    found = _agencies(ext)
    assert found["Defence Research and Development Organisation"] == "IN"
    assert found["KOICA"] == "KR"
    assert found["Metropolitan Police Service"] == "GB"
    assert found["MPS"] == "GB"


def test_a_short_form_of_a_body_named_in_full_elsewhere_is_that_body(extractor: Extractor) -> None:
    # minimal sentences; Fictive Systems is fictional
    ext = extractor.extract_text(
        "SALISBURY, N.C. — On Monday, the Rowan County Board of Commissioners voted to fund the software.\n\n"
        "Fictive Systems needed approval from the Board of Commissioners to fund the other half.")
    found = _agencies(ext)
    assert found["Rowan County Board of Commissioners"] == "US"
    assert found["Board of Commissioners"] == "US"
