"""Names of round 19, each kind with a near text that must not change: a body's name with a hyphened lower-case word
and its acronym, a body after a country's possessive, a chamber opening a post's title, "Project X" and "Safe
<country>" programmes, a person set off by commas after a post and named again by the surname, a station opened by
its demonym and spelled by its acronym, an outlet named before "magazine", protocol names, short forms of agencies
(KGB, Auditor-General, EU Council, Number 10), a state's formal name, a known body's name made longer, a bare
possessive apostrophe and a defence establishment. Minimal sentences written for these tests: the Central Anti-graft
Bureau, Kestrel Technologies, Project Kestrel, the Project Kestrel Foundation, Kenyan Satellite Television, the
Satellite Television Forum, Harbinger magazine, the State Department of Public Safety as written here and every person
named are fictional; the real bodies named (Turkey's telecom regulator, the KGB, the EU Council, Number 10) only act
as state bodies act, and nothing wrong is said of any real body or person."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies, labels


def _mentions(ext: object, text: str) -> list[str]:
    return [e.label for e in ext.entities if e.text == text]  # type: ignore[attr-defined]


def test_a_body_with_a_hyphened_lower_case_word_is_an_agency_and_its_acronym_follows(extractor: Extractor) -> None:
    ext = extractor.extract_text("The minister moved the money to the Central Anti-graft Bureau (CAB), the Polish "
                                 "auditor said. CAB officers used it.")
    found = agencies(ext)
    assert "Central Anti-graft Bureau" in found
    assert _mentions(ext, "CAB") == ["GOV_AGENCY", "GOV_AGENCY"]


def test_a_hyphened_name_without_a_body_head_is_no_agency(extractor: Extractor) -> None:
    ext = extractor.extract_text("The minister gave the money to the Central Anti-graft Foundation, the auditor said.")
    assert "Central Anti-graft Foundation" not in agencies(ext)


def test_a_name_ending_in_a_body_head_after_a_countrys_possessive_is_that_states_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("Reports say T\u00fcrkiye's Information and Communication Technologies Authority "
                                 "(BTK) issued a ruling.")
    found = agencies(ext)
    assert found.get("Information and Communication Technologies Authority") == "TR"
    assert found.get("BTK") == "TR"


def test_a_firm_after_a_countrys_possessive_stays_a_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("Local outlets said that Turkey's Kestrel Technologies sold the tools.")
    assert "GOV_AGENCY" not in labels(ext).get("Kestrel Technologies", set())


def test_a_chamber_that_opens_a_posts_title_is_no_party(extractor: Extractor) -> None:
    ext = extractor.extract_text("Senate President Pro Tempore Dana Vell raised alarm over the contract.")
    assert "Senate" not in labels(ext)
    assert labels(ext).get("Dana Vell") == {"PERSON"}


def test_a_chamber_acting_on_its_own_stays_a_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("Dana Vell raised alarm over the contract, and the Senate will vote on it.")
    assert labels(ext).get("Senate") == {"GOV_AGENCY"}


def test_a_programme_named_project_x_is_a_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("A crackdown on critics, code-named Project Kestrel, began in 2014. Four reporters "
                                 "were watched under Project Kestrel, a hacking operation.")
    assert _mentions(ext, "Project Kestrel") == ["PRODUCT", "PRODUCT"]


def test_a_body_named_project_x_foundation_is_not_made_a_programme(extractor: Extractor) -> None:
    ext = extractor.extract_text("Reporters of the Project Kestrel Foundation, a group of newsrooms, published the "
                                 "list.")
    assert "PRODUCT" not in labels(ext).get("Project Kestrel Foundation", set())


def test_safe_before_a_country_names_a_programme(extractor: Extractor) -> None:
    ext = extractor.extract_text("The ministry partnered with a telecom firm for the Safe Philippines Project, a "
                                 "camera system.")
    found = labels(ext)
    assert found.get("Safe Philippines") == {"PRODUCT"}
    assert "Philippines" not in found


def test_safe_after_a_country_leaves_the_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("The ministry said the cameras keep the Philippines safe.")
    assert labels(ext).get("Philippines") == {"COUNTRY"}


def test_a_name_set_off_after_a_post_is_the_person_and_the_surname_follows(extractor: Extractor) -> None:
    ext = extractor.extract_text("The head of EYP, Dimitrios Vallanakis, resigned last year. Vallanakis, who led "
                                 "EYP from 2019, testified in closed hearings.")
    found = labels(ext)
    assert found.get("Dimitrios Vallanakis") == {"PERSON"}
    assert found.get("Vallanakis") == {"PERSON"}


def test_a_name_set_off_after_a_firm_noun_stays_an_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("Its parent company, Tarnwick Systems, denied granting the licences.")
    assert "PERSON" not in labels(ext).get("Tarnwick Systems", set())


def test_a_station_opened_by_its_demonym_and_spelled_by_its_acronym_is_one_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("Reporters at US-based Kenyan Satellite Television (KSTV) were targeted. KSTV said "
                                 "its staff were hacked.")
    found = labels(ext)
    assert found.get("Kenyan Satellite Television") == {"ORG"}
    assert found.get("KSTV") == {"ORG"}
    assert "Kenyan" not in found


def test_a_demonym_before_a_name_whose_acronym_leaves_it_out_stays_the_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("Kenyan officials met the Satellite Television Forum (STF) in May.")
    assert labels(ext).get("Kenyan") == {"COUNTRY"}


def test_a_name_before_magazine_is_the_outlet(extractor: Extractor) -> None:
    ext = extractor.extract_text("The complaint was first published by Harbinger magazine on Tuesday.")
    assert labels(ext).get("Harbinger") == {"ORG"}


def test_a_country_word_before_newspaper_is_no_outlet(extractor: Extractor) -> None:
    ext = extractor.extract_text("An Israeli newspaper and a Sunday newspaper reported the deal.")
    found = labels(ext)
    assert "ORG" not in found.get("Israeli", set())
    assert "Sunday" not in found


def test_protocol_and_messaging_service_names_are_no_parties(extractor: Extractor) -> None:
    ext = extractor.extract_text("The site uses SSL or TLS encryption. Alerts are sent by Short Message Service "
                                 "(SMS).")
    found = labels(ext)
    assert not {"SSL", "TLS", "Short Message Service", "SMS"} & set(found)


def test_a_firm_that_sells_encryption_stays_a_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("Kestrel Technologies sells SSL certificates to banks.")
    assert labels(ext).get("Kestrel Technologies") == {"ORG"}


def test_short_forms_of_state_bodies_are_agencies(extractor: Extractor) -> None:
    ext = extractor.extract_text("The system is used by the Belarusian KGB. The "
                                 "Auditor-General's 2019 audit covered the purchase. The EU Council agreed, and "
                                 "Number 10 said nothing.")
    found = agencies(ext)
    assert found.get("KGB") == "BY"
    assert "Auditor-General" in found
    assert found.get("EU Council") == "EU"
    assert found.get("Number 10") == "GB"


def test_a_lower_case_number_ten_is_no_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("The firm installed number 10 of the cameras in Leeds.")
    assert "number 10" not in agencies(ext)


def test_a_states_formal_name_is_the_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("Traffic is filtered across the Republic of Kazakhstan under a new law. Rebels "
                                 "operate in the east of the Democratic Republic of Congo.")
    found = labels(ext)
    assert found.get("Republic of Kazakhstan") == {"COUNTRY"}
    assert found.get("Democratic Republic of Congo") == {"COUNTRY"}
    assert "Republic" not in found


def test_a_republic_of_no_country_is_left_alone(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Republic of Letters Society met in Geneva.")
    assert "COUNTRY" not in labels(ext).get("Republic of Letters", set())


def test_a_known_bodys_name_made_longer_is_another_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("The State Department of Public Safety signed a contract with a provider in "
                                 "Brazil.")
    found = agencies(ext)
    assert found.get("State Department of Public Safety") == "BR"
    assert "State Department" not in found


def test_the_known_body_stays_where_no_longer_name_follows(extractor: Extractor) -> None:
    ext = extractor.extract_text("The State Department of the United States said so, and the State Department "
                                 "agreed.")
    assert agencies(ext).get("State Department") == "US"


def test_a_bare_possessive_apostrophe_before_authorities_is_the_states(extractor: Extractor) -> None:
    ext = extractor.extract_text("Honduras\u2019 authorities announced a tender on Monday.")
    assert agencies(ext).get("Honduras\u2019 authorities") == "HN"


def test_a_bare_apostrophe_before_another_noun_is_no_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("Honduras\u2019 cameras were installed on Monday.")
    assert not agencies(ext)


def test_a_countrys_defence_establishment_is_a_state_actor(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Israeli defense establishment refused a new licence.")
    assert agencies(ext).get("Israeli defense establishment") == "IL"


def test_a_defence_establishment_of_no_country_is_no_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("A defense establishment refused a new licence.")
    assert not agencies(ext)
