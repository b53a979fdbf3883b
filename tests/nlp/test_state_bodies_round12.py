"""State bodies news names in lower case, by a police abbreviation, with a number, or as a unit of another body
(issue 13 round 12: a probe of news passages, half from South Asia, kept outside the project).

Each test quotes a sentence as published and names its source (found with the project's page search), or uses a
minimal sentence with a fictional firm, marked so. The kinds: "the attorney general's office", "the interior
ministry" and "the public prosecutor's office" in lower case are one state's bodies, their country from a demonym
before them or from the one state of the document's other bodies; "<City> PD" is a city's police department (its
country only where the gazetteer knows the city); "ECU 911" is Ecuador's emergency and surveillance service; a
command centre housed at a body is a state body of that body's country; a unit "of" a body a country's name opens
is one name.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies as _agencies
from tests.nlp.readings import labels as _labels


# ------------------------------------------------------------------------------------------ lower-case bodies
def test_a_lower_case_attorney_generals_office_after_a_demonym_is_that_states_body(extractor: Extractor) -> None:
    # the facts of https://www.ynetnews.com/article/hyj9ju9qs (Reuters, October 2022), in the project's own words
    ext = extractor.extract_text(
        "The Mexican attorney general's office announced on Sunday an inquiry into whether the purchase of Pegasus "
        "by the last government broke the law.")
    assert _agencies(ext) == {"Mexican attorney general's office": "MX"}


def test_a_bare_lower_case_office_takes_the_one_state_of_the_document(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: the modifier "former" and the article are left out of the name; the
    # Kenyan police are the document's one state body with a country, so the office is Kenya's too
    ext = extractor.extract_text(
        "Kenyan police said the former attorney general's office had bought software from Fictive Systems Ltd.")
    assert _agencies(ext) == {"Kenyan police": "KE", "attorney general's office": "KE"}


def test_a_lower_case_ministry_is_a_body_but_not_before_a_persons_noun(extractor: Extractor) -> None:
    # minimal sentences: "the interior ministry" is a body; "the interior ministry spokesman" a person's title;
    # without an article the words only describe ("Interior ministry officials")
    ext = extractor.extract_text("The head of the Kenyan police told reporters the cameras were bought by the "
                                 "interior ministry.")
    assert _agencies(ext)["interior ministry"] == "KE"
    ext = extractor.extract_text("Interior ministry officials met the interior ministry spokesman at the public "
                                 "prosecutor's office.")
    assert _agencies(ext) == {"public prosecutor's office": None}


# ------------------------------------------------------------------------------------------ police abbreviations
def test_a_citys_pd_is_its_police_department(extractor: Extractor) -> None:
    # https://ru24.net/english/382642809 (a Techdirt post on Reason's reporting, republished)
    ext = extractor.extract_text(
        "Showing yet again that you can lead a cop to a court order but you can't make them follow it, Matthew Petti "
        "reports for Reason that the Baltimore PD apparently barely paused its scraping of seized cell phones "
        "following a court order telling it to get its warrant particularity house in order.")
    # (Baltimore is no place the gazetteer knows: no country rather than a guess)
    assert _agencies(ext) == {"Baltimore PD": None}


def test_a_city_police_acronym_of_the_table_has_its_country(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: "NYPD" is a row of nlp/data/agencies.tsv; "Fresno PD" keeps no country
    # since one other body of the document is not enough for a title-case name
    ext = extractor.extract_text("The Fresno PD bought two extraction devices from Fictive Forensics Ltd. The NYPD "
                                 "bought one.")
    assert _agencies(ext) == {"Fresno PD": None, "NYPD": "US"}


# ------------------------------------------------------------------------------------------ names with numbers, units
def test_ecu_911_is_ecuadors_emergency_and_surveillance_service(extractor: Extractor) -> None:
    # https://foreignpolicy.com/2018/08/09/ecuadors-all-seeing-eye-is-made-in-china/
    ext = extractor.extract_text(
        "Since Xi's tour in late 2016, ECU 911 has expanded significantly in scope and sophistication.")
    assert _agencies(ext) == {"ECU 911": "EC"}


def test_a_command_centre_at_a_police_headquarters_is_a_body_of_its_state(extractor: Extractor) -> None:
    # minimal sentence, fictional firm: the centre's name has a state body's words ("control and communication")
    # and it sits at a body whose name its country opens; its bracketed acronym is the same body
    ext = extractor.extract_text(
        "The cameras that Veltrana Analytics installed send their live pictures to the Integrated Control and "
        "Communication Center (ICCC) at Uganda Police Headquarters.")
    assert _agencies(ext) == {"Integrated Control and Communication Center": "UG", "ICCC": "UG",
                              "Uganda Police Headquarters": "UG"}


def test_a_unit_of_a_body_a_country_opens_is_one_name(extractor: Extractor) -> None:
    # minimal sentence
    ext = extractor.extract_text("The tender was floated by the Communication Directorate of Nepal Police last year.")
    assert _agencies(ext) == {"Communication Directorate of Nepal Police": "NP"}
    assert "Nepal Police" not in _labels(ext)


# ------------------------------------------------------------------------------------------ governments by leader
def test_a_government_named_by_its_leader_has_the_leaders_country(extractor: Extractor) -> None:
    # minimal sentences (no act is said of the governments): the leader's name, with or without the hyphen of its
    # article, is a row of nlp/data/leaders.tsv
    ext = extractor.extract_text("The report describes the authoritarian Al Sissi regime and its critics.")
    assert _agencies(ext) == {"Al Sissi regime": "EG"}
    ext = extractor.extract_text("The report describes the Al-Sissi regime and its critics.")
    assert _agencies(ext) == {"Al-Sissi regime": "EG"}
    ext = extractor.extract_text("The report describes the Trump administration and its critics.")
    assert _agencies(ext) == {"Trump administration": "US"}
    # a surname several states' leaders share is in no row: no country rather than a guess
    ext = extractor.extract_text("The report describes the Khan government and its critics.")
    assert _agencies(ext) == {"Khan government": None}


def test_the_prime_ministers_and_the_presidents_office_are_state_bodies(extractor: Extractor) -> None:
    # minimal sentence; "Vice President's Office" is left to ner (the title runs on before "President")
    ext = extractor.extract_text("The Prime Minister's Office and the President's Office answered the letter.")
    assert _agencies(ext) == {"Prime Minister's Office": None, "President's Office": None}


def test_zicta_is_zambias_ict_regulator(extractor: Extractor) -> None:
    # https://www.times.co.zm/?p=33685 (Times of Zambia, 2014)
    ext = extractor.extract_text(
        "ZICTA is a regulatory body responsible for regulating the ICT Sector and derives its mandate from the Postal "
        "Services Act No. 22 of 2009, Electronic Communications and Transactions Act No. 21 and the ICT Act No. 15 of "
        "2009 to regulate ICTs, postal and courier services in Zambia.")
    assert _agencies(ext)["ZICTA"] == "ZM"


def test_a_mixed_case_acronym_in_brackets_is_the_bodys_everywhere(extractor: Extractor) -> None:
    # minimal sentences, fictional firm: "DoT" spells the initials of "Department of Telecommunications" in its
    # capitals; its later use, which ner reads as a person's name, is the body too
    ext = extractor.extract_text(
        "Veltrana Analytics is to help the Department of Telecommunications (DoT) in intercepting communications. "
        "The DoT declined to comment.")
    assert {e.label for e in ext.entities if e.text == "DoT"} == {"GOV_AGENCY"}
    assert len([e for e in ext.entities if e.text == "DoT"]) == 2


def test_a_demonyms_embassy_is_its_states_body(extractor: Extractor) -> None:
    # minimal sentences: "the Chinese Embassy" is a government actor; "embassy workers" are people
    ext = extractor.extract_text("The Chinese Embassy in Colombo said that the equipment was handed over today.")
    assert _agencies(ext) == {"Chinese Embassy": "CN"}
    ext = extractor.extract_text("Chinese embassy workers attended the ceremony.")
    assert _agencies(ext) == {}
