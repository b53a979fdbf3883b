"""City, provincial and state bodies, and authorities outside the tables (issue 13 round 13: a probe of news
passages kept outside the project).

Minimal sentences with fictional firms and people, marked so. The kinds: a city's, province's or state's police,
council, cabinet or municipality named by the place before its head word ("Chennai police", "Bengaluru city
police", "Khyber Pakhtunkhwa (KP) Police", "Punjab cabinet", "Dubai Municipality", "Flower Mound Town Council",
"City of Peoria Police Department") or after "Police" ("Police Scotland") is one GOV_AGENCY with the place's
country where the tables know the place; a state's two-letter code before "police" ("UP police") only where the
text names the country or the state.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies as _agencies
from tests.nlp.readings import labels as _labels


# ------------------------------------------------------------------------------------------ local police
def test_a_citys_police_is_one_body_with_the_citys_country(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: the small model reads "Chennai" alone as a name, the body is still found
    ext = extractor.extract_text("The Chennai police has been using software from Fictive Labs for several years.")
    assert _agencies(ext) == {"Chennai police": "IN"}
    assert "Chennai" not in _labels(ext)


def test_city_police_and_a_firm_after_and_are_two_names(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    ext = extractor.extract_text("The Khyber Pakhtunkhwa (KP) Police and Fictive Systems have signed an agreement. "
                                 "KP Police will run the cameras.")
    assert _agencies(ext) == {"Khyber Pakhtunkhwa (KP) Police": "PK", "KP Police": "PK"}
    assert _labels(ext)["Fictive Systems"] == {"ORG"}
    ext = extractor.extract_text("The Bengaluru city police will install the cameras.")
    assert _agencies(ext) == {"Bengaluru city police": "IN"}


def test_police_before_a_region_is_that_regions_police(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: "Scotland" is no separate organisation
    ext = extractor.extract_text("Police Scotland has acquired phone hacking equipment from Fictive Ltd.")
    assert _agencies(ext) == {"Police Scotland": "GB"}
    assert "Scotland" not in _labels(ext)


def test_a_regions_police_by_its_demonym_or_name(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    ext = extractor.extract_text("Bavarian police and the North Rhine-Westphalia police force use software from "
                                 "Fictive Corp.")
    assert _agencies(ext) == {"Bavarian police": "DE", "North Rhine-Westphalia police force": "DE"}


def test_a_states_code_before_police_needs_the_country_in_the_text(extractor: Extractor) -> None:
    # minimal sentences, fictional firm: "UP" is Uttar Pradesh's ISO code; alone, two capitals say nothing
    ext = extractor.extract_text("The UP police in northern India bought drones from Fictive Defence.")
    assert _agencies(ext) == {"UP police": "IN"}
    ext = extractor.extract_text("The UP police bought drones from Fictive Defence.")
    assert "UP police" not in _agencies(ext)
    ext = extractor.extract_text("The drones were supplied to the Indian Navy and the UP Special Task Force.")
    assert _agencies(ext) == {"Indian Navy": "IN", "UP Special Task Force": "IN"}


def test_police_as_a_modifier_of_people_is_no_body(extractor: Extractor) -> None:
    # minimal sentence
    ext = extractor.extract_text("Two Chennai police officers spoke to reporters.")
    assert "Chennai police" not in _agencies(ext)


# ------------------------------------------------------------------------------------------ councils and cabinets
def test_councils_cabinets_and_municipalities_of_places(extractor: Extractor) -> None:
    # minimal sentences, fictional firms; a town the tables do not know has its country from GeoNames (one country
    # has a town of that name), a made-up one keeps none
    ext = extractor.extract_text("The Flower Mound Town Council approved the contract with Fictive Safety.")
    assert _agencies(ext) == {"Flower Mound Town Council": "US"}
    ext = extractor.extract_text("The Zorvale Town Council approved the contract with Fictive Safety.")
    assert _agencies(ext).get("Zorvale Town Council") is None
    ext = extractor.extract_text("The Dubai Municipality signed a deal with Fictive Tech.")
    assert _agencies(ext) == {"Dubai Municipality": "AE"}
    ext = extractor.extract_text("The Lahore City Council approved cameras from Fictive Inc.")
    assert _agencies(ext) == {"Lahore City Council": "PK"}
    # (Punjab is a province of India and of Pakistan: the name alone gives no country)
    ext = extractor.extract_text("The Punjab cabinet approved the project.")
    assert _agencies(ext) == {"Punjab cabinet": None}


def test_city_of_a_place_police_department(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    ext = extractor.extract_text("The City of Peoria Police Department uses cameras from Fictive Safety.")
    # (round 17: every GeoNames city named Peoria is in the United States, and a place opening a body's name says
    # where the story is; a made-up place still gives none)
    assert _agencies(ext) == {"City of Peoria Police Department": "US"}
    ext = extractor.extract_text("The City of Zorvale Police Department uses cameras from Fictive Safety.")
    assert _agencies(ext) == {"City of Zorvale Police Department": None}


# ------------------------------------------------------------------------------------------ authorities by initials
def test_an_authority_with_its_initials_in_brackets_is_a_state_body(extractor: Extractor) -> None:
    # minimal sentence, fictional authority: its initials are the body too, at each use; the country after them
    ext = extractor.extract_text("The contract was signed by the Critical Infrastructure Protection Authority (CIPA) "
                                 "of Qatar. CIPA said the system works.")
    assert _agencies(ext) == {"Critical Infrastructure Protection Authority": "QA", "CIPA": "QA"}
    ext = extractor.extract_text("The Roads and Traffic Authority (RTA) bought cameras from Fictive Ltd.")
    assert _agencies(ext) == {"Roads and Traffic Authority": None, "RTA": None}


def test_a_firm_with_its_initials_in_brackets_stays_a_firm(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: a firm word in the name
    ext = extractor.extract_text("Fictive Surveillance Company (FSC) sold cameras to the police.")
    assert _labels(ext)["FSC"] == {"ORG"}
    assert "Fictive Surveillance Company" not in _agencies(ext)


# ------------------------------------------------------------------------------------------ datelines, opening words
def test_an_upper_case_dateline_holds_no_organisation(extractor: Extractor) -> None:
    # minimal text, fictional firm: the town and state of the dateline are no firms; the firm after it stays
    ext = extractor.extract_text("YORKVILLE, WIS. - The county bought a device from Fictive Forensics Inc.")
    assert set(_labels(ext)) & {"YORKVILLE", "WIS"} == set()
    assert _labels(ext)["Fictive Forensics Inc."] == {"ORG"}


def test_a_common_word_opening_a_sentence_is_no_organisation(extractor: Extractor) -> None:
    # minimal sentences, fictional person: "Digital" qualifies "rights"; a firm's own name stays a firm
    ext = extractor.extract_text("Digital rights activist Jane Fictive criticised the deal.")
    assert "Digital" not in _labels(ext)
    ext = extractor.extract_text("Huawei devices were found in the building.")
    assert _labels(ext)["Huawei"] == {"ORG"}


# ------------------------------------------------------------------------------------------ cuts and merges
def test_a_legal_form_after_a_country_word_closes_the_firms_name(extractor: Extractor) -> None:
    # minimal sentences, fictional firms: "India Ltd." is no second firm
    ext = extractor.extract_text("The purchase was made by Fictive Corporation of India Ltd. (FCIL) from a German "
                                 "company.")
    assert _labels(ext)["Fictive Corporation of India Ltd."] == {"ORG"}
    assert "India Ltd." not in _labels(ext)
    ext = extractor.extract_text("The Bengaluru city police and Fictive Automation India Limited shared the details.")
    assert _labels(ext)["Fictive Automation India Limited"] == {"ORG"}


def test_a_persons_name_after_a_ministrys_name_is_cut_off(extractor: Extractor) -> None:
    # minimal sentence, fictional person: a title, the ministry's name and the holder's name run together
    ext = extractor.extract_text("Special Assistant on Ministry of Posts, Telecommunications and Information "
                                 "Technology Qadeer Ahmad Tarzai has been made the head.")
    assert _agencies(ext) == {"Ministry of Posts, Telecommunications and Information Technology": None}
    assert _labels(ext)["Qadeer Ahmad Tarzai"] == {"PERSON"}


def test_the_city_council_alone_is_a_state_body(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: the council of the town the text is about
    ext = extractor.extract_text("The City Council authorized the city manager to sign an order for cameras from "
                                 "Fictive Safety.")
    assert _agencies(ext) == {"City Council": None}


# ------------------------------------------------------------------------------------------ edges of bodies' names
def test_a_state_before_a_department_and_a_county_board(extractor: Extractor) -> None:
    # minimal sentence: a US state's own department of justice, and a county's board
    ext = extractor.extract_text("The Racine County Board approved the purchase through a grant from the Wisconsin "
                                 "Department of Justice.")
    assert _agencies(ext) == {"Racine County Board": None, "Wisconsin Department of Justice": "US"}


def test_a_lone_word_after_police_and_is_no_part_of_its_name(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    ext = extractor.extract_text("Fictive Telecom will be working with the Kenya Police and Intelligence to provide "
                                 "cameras.")
    assert _agencies(ext) == {"Kenya Police": "KE"}


def test_a_ministrys_second_of_complement_continues_its_name(extractor: Extractor) -> None:
    # minimal sentence, fictional firm
    ext = extractor.extract_text("Last spring, Uzbekistan's Ministry of Development of Information Technologies and "
                                 "Communications and the Chinese firm Fictive Group agreed a pilot.")
    assert _agencies(ext) == {"Ministry of Development of Information Technologies and Communications": "UZ"}
    assert _labels(ext)["Fictive Group"] == {"ORG"}


def test_an_acronym_written_in_title_case_in_brackets(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: "Nadra" is NADRA as some papers write it, at each use
    ext = extractor.extract_text("He is pressing for the National Database and Registration Authority (Nadra) to take "
                                 "over. The project was executed by Nadra through Fictive Tech.")
    assert _labels(ext)["Nadra"] == {"GOV_AGENCY"}


# ------------------------------------------------------------------------------------------ countries
def test_a_bare_ministry_takes_the_one_state_the_text_names(extractor: Extractor) -> None:
    # minimal text, fictional firm: Kenya is the only state named, so the Interior Ministry is Kenya's
    ext = extractor.extract_text("Kenya has paid Fictive Networks for the cameras. The Interior Ministry had "
                                 "already in 2014 awarded Fictive Networks the tender.")
    assert _agencies(ext) == {"Interior Ministry": "KE"}


def test_a_compass_word_opening_a_body_is_no_region(extractor: Extractor) -> None:
    # minimal sentence: "South" and "North" are regions of Cameroon in ISO 3166-2, not the state of these bodies
    ext = extractor.extract_text("The South African Police and the North Rhine-Westphalia police force bought "
                                 "FinFisher.")
    assert _agencies(ext) == {"South African Police": "ZA", "North Rhine-Westphalia police force": "DE"}


# ------------------------------------------------------------------------------------------ more precision
def test_initials_after_a_persons_name_are_that_person(extractor: Extractor) -> None:
    # minimal text, fictional person
    ext = extractor.extract_text("This bears the mark of Karim Bin-Fahdi (KBF), a military man. KBF ordered it.")
    assert _labels(ext)["KBF"] == {"PERSON"}


def test_a_title_cut_at_a_preposition_is_no_organisation(extractor: Extractor) -> None:
    # minimal sentence
    ext = extractor.extract_text("This initiative stems from the Security Equipment Under Grant Assistance project "
                                 "facilitated by the police.")
    assert "Security Equipment Under" not in _labels(ext)


def test_the_police_headquarters_is_a_state_body(extractor: Extractor) -> None:
    # minimal sentence, fictional person
    ext = extractor.extract_text("Fictive Rahman, deputy inspector general at the Police Headquarters, said so.")
    assert _agencies(ext) == {"Police Headquarters": None}


def test_an_officers_name_after_a_local_police_is_a_person(extractor: Extractor) -> None:
    # minimal sentences, fictional person: ner ran the body and the officer's name into one name; a product named
    # after the body ("Smart Boat": common words) stays whole
    ext = extractor.extract_text("Inspector General (IG) KP Police Qadeer Jah Tarzai met the project director in "
                                 "Peshawar, Pakistan.")
    assert _agencies(ext) == {"KP Police": "PK"}
    assert _labels(ext)["Qadeer Jah Tarzai"] == {"PERSON"}
    ext = extractor.extract_text("The Dubai Police Smart Boat was shown.")
    assert "Dubai Police" not in _agencies(ext)


def test_two_firms_joined_by_and_are_two_names(extractor: Extractor) -> None:
    # minimal sentence, fictional firms: ner reads "Kenya Telecom and Fictcell" as one name
    ext = extractor.extract_text("The regulator asked Kenya Telecom and Fictcell to install the system.")
    assert _labels(ext)["Kenya Telecom"] == {"ORG"}
    assert _labels(ext)["Fictcell"] == {"ORG"}


def test_indias_and_britains_investigation_agencies_have_their_state(extractor: Extractor) -> None:
    # minimal sentences: two agencies of nlp/data/agencies.tsv named without their state
    ext = extractor.extract_text("The Central Bureau of Investigation has registered a case. The National Crime "
                                 "Agency was asked to investigate.")
    assert _agencies(ext) == {"Central Bureau of Investigation": "IN", "National Crime Agency": "GB"}
