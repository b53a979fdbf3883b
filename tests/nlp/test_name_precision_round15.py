"""ORG/agency precision and the state of a body of a divided region (issue 13 round 15), one test per kind of
false name seen on probes the extractor was not tuned on. The minimal sentences are made up and name fictional
firms and people (Telvanis Systems, Yoosuf Maniu Mohamed, Manoj Dervala, Sanjay Pelkar, Dana Whitford, Orvane,
marked so here), with no wrongdoing said of anyone; public bodies keep their real names but the facts told of them
in these sentences are invented. One passage is real and cited with its page."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies, labels

# --- a body of a region two states share takes the state the document's other signals name


def test_a_punjab_body_takes_the_state_of_the_currency_the_text_prices_in(extractor: Extractor) -> None:
    # made up: the price in Pakistani rupees says which Punjab
    ext = extractor.extract_text("Initially, the Punjab Police plan to acquire 25 drones, with a budget allocation of "
                                 "35 million PKR for this purpose.")
    assert agencies(ext).get("Punjab Police") == "PK"


def test_a_punjab_body_takes_the_state_of_the_capital_the_text_names(extractor: Extractor) -> None:
    # made up: New Delhi is India's capital
    ext = extractor.extract_text("The Punjab Police will buy 40 drones, officials said in New Delhi on Monday.")
    assert agencies(ext).get("Punjab Police") == "IN"


def test_a_punjab_body_gets_no_state_when_the_signals_name_both(extractor: Extractor) -> None:
    # made up: Amritsar is in India, the price is in Pakistani rupees: the text does not say which Punjab
    ext = extractor.extract_text("The Punjab Police will buy 40 drones, paying 35 million PKR, officials in "
                                 "Amritsar said.")
    assert agencies(ext).get("Punjab Police") is None


def test_a_punjab_body_gets_no_state_from_rupees_of_several_states(extractor: Extractor) -> None:
    # made up: "Rs" is the rupee of India, Pakistan, Nepal and Sri Lanka alike
    ext = extractor.extract_text("The Punjab Police bought drones for Rs 5 crore.")
    assert agencies(ext).get("Punjab Police") is None


def test_real_punjab_safe_city_authority_is_pakistans(extractor: Extractor) -> None:
    # https://www.aiaaic.org/aiaaic-repository/ai-algorithmic-and-automation-incidents/punjab-safe-city-surveillance
    ext = extractor.extract_text(
        "The Punjab Safe City Authority (PSCA) was established in 2015 to improve law enforcement by creating "
        "Integrated Command, Control and Communication (IC3) programmes that gather and disseminate data and "
        "information across local government offices, police, intelligence agencies, and other organisations for "
        "major urban centres across the Punjab region of Pakistan.")
    found = agencies(ext)
    assert found.get("Punjab Safe City Authority") == "PK"
    assert found.get("PSCA") == "PK"


# --- a city is no party where a place stands


def test_a_city_after_in_is_no_firm(extractor: Extractor) -> None:
    # made up after a news sentence; Sagar Defence Engineering is a real drone maker, no wrongdoing said
    ext = extractor.extract_text("The contract was bagged by the company in Pune, Sagar Defence Engineering.")
    assert "Pune" not in labels(ext)


def test_a_city_between_commas_after_a_body_is_no_firm(extractor: Extractor) -> None:
    # made up: a Nepali police office and the town it sits in
    ext = extractor.extract_text("The Regional Police Office, Hetauda, and the District Traffic Police Office "
                                 "supported the installation of the cameras.")
    found = labels(ext)
    assert "Hetauda" not in found
    assert found.get("Regional Police Office") == {"GOV_AGENCY"}


def test_the_city_of_a_place_is_no_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("The company contributed Rs 30 lakh towards CCTV cameras in the old city of "
                                 "Hyderabad.")
    assert "Hyderabad" not in labels(ext)


def test_a_firm_named_like_a_city_stays_a_firm_as_a_subject(extractor: Extractor) -> None:
    # made up: Telvanis Systems is fictional; "Pune" as the subject of a sale is read as ner reads it
    ext = extractor.extract_text("Telvanis Systems sold the cameras to the city police in Pune.")
    found = labels(ext)
    assert found.get("Telvanis Systems") == {"ORG"}
    assert "Pune" not in found


# --- a name that only qualifies a fund, a project or a facility is no party


def test_the_name_of_grant_funds_is_no_party(extractor: Extractor) -> None:
    # made up: the Justice Assistance Grant (JAG) is a real U.S. grant programme; the city and sums are invented
    ext = extractor.extract_text("The City Council approved an agreement that allocates the City's 2015 JAG funds "
                                 "for the purchase of mobile phone forensic equipment.")
    assert "JAG" not in labels(ext)


def test_a_projects_acronym_and_its_long_form_are_no_parties(extractor: Extractor) -> None:
    # made up: the Crime and Criminal Tracking Network and Systems is a real Indian police programme; the damage
    # and the repair told here are invented
    ext = extractor.extract_text(
        "The Crime and Criminal Tracking Network and Systems (CCTNS) hardware installed in police stations was "
        "found damaged. Since hardware items under CCTNS project have become faulty, the vendor was asked to "
        "repair them.")
    found = labels(ext)
    assert "CCTNS" not in found
    assert "Crime and Criminal Tracking Network and Systems" not in found


def test_a_facility_named_in_capitals_is_no_party(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Ministry of Home Affairs has invited bids for setting up Communications "
                                 "Monitoring facility at all the State capitals.")
    found = labels(ext)
    assert "Communications Monitoring" not in found
    assert found.get("Ministry of Home Affairs") == {"GOV_AGENCY"}


# --- a post is no body


def test_the_acronym_of_a_post_written_in_lower_case_is_no_body(extractor: Extractor) -> None:
    # made up: Manoj Dervala is fictional
    ext = extractor.extract_text("The drones will serve all police ranges, Rajasthan director general of police "
                                 "(DGP) Manoj Dervala told reporters. The DGP said more would follow.")
    found = labels(ext)
    assert "DGP" not in found
    assert found.get("Manoj Dervala") == {"PERSON"}


def test_a_graded_post_is_no_body(extractor: Extractor) -> None:
    # made up: Sanjay Pelkar is fictional
    ext = extractor.extract_text("The award was received by Additional Commissioner of Police (Crime) Sanjay Pelkar.")
    found = labels(ext)
    assert "Additional Commissioner of Police" not in found
    assert found.get("Sanjay Pelkar") == {"PERSON"}


def test_a_candidate_for_a_post_is_no_body(extractor: Extractor) -> None:
    # made up: Dana Whitford is fictional
    ext = extractor.extract_text("A recent video by Sheriff Candidate Dana Whitford suggested that the office "
                                 "misused the grant.")
    found = labels(ext)
    assert "Sheriff Candidate" not in found
    assert found.get("Dana Whitford") == {"PERSON"}


# --- a body the text names without its state takes the state of the text's places


def test_a_bare_ministry_takes_the_state_of_the_capital_the_story_is_set_in(extractor: Extractor) -> None:
    # made up: Orvane is a fictional firm
    ext = extractor.extract_text("A data centre for the Safe City project in Tashkent will be set up by the German "
                                 "company Orvane, and the Ministry of Interior will run it.")
    assert agencies(ext).get("Ministry of Interior") == "UZ"


def test_a_bare_ministry_gets_no_state_when_the_places_lie_in_two_states(extractor: Extractor) -> None:
    # made up: Tashkent and Almaty are capitals or cities of two states, whose ministry it is the text does not say
    ext = extractor.extract_text("Data centres will be set up in Tashkent and Almaty, and the Ministry of Interior "
                                 "will run them.")
    assert agencies(ext).get("Ministry of Interior") is None


def test_a_town_named_like_a_common_word_says_no_place(extractor: Extractor) -> None:
    # made up: "Police" is also a town in Poland; the word says nothing about where the story is
    ext = extractor.extract_text("Police Headquarters said the Ministry of Interior had approved the purchase.")
    assert agencies(ext).get("Ministry of Interior") is None


# --- a surname alone is no firm


def test_a_later_word_of_a_full_name_that_speaks_is_that_person(extractor: Extractor) -> None:
    # made up: Yoosuf Maniu Mohamed is a fictional official here; the quote is invented
    ext = extractor.extract_text("Customs Commissioner General Yoosuf Maniu Mohamed announced the purchase. \"Drones "
                                 "are an effective way to monitor vessels coming from outside our territory,\" Maniu "
                                 "said.")
    found = labels(ext)
    assert found.get("Maniu") == {"PERSON"}
    assert found.get("Yoosuf Maniu Mohamed") == {"PERSON"}


# --- a body and a firm joined over "and" are two parties


def test_a_body_joined_to_a_firm_named_before_is_two_parties(extractor: Extractor) -> None:
    # made up after a news report's wording; the memorandum told here is invented
    ext = extractor.extract_text("Once the accord was in place, the Chinese vendor Huawei and the Serbian Ministry of "
                                 "Interior opened talks. Some months later the Serbian Ministry of Interior and Huawei "
                                 "put their names to a memorandum.")
    found = labels(ext)
    assert "Ministry of Interior and Huawei" not in found
    assert found.get("Ministry of Interior") == {"GOV_AGENCY"}
    assert found.get("Huawei") == {"ORG"}


# --- a work named short is no person


def test_real_atlas_of_surveillance_named_short_is_no_person(extractor: Extractor) -> None:
    # https://journal.facil.services/p/i/?a=normal&rid=672419303433b&search=author%3A%22Beryl+Lipton%22 (EFF,
    # "The Atlas of Surveillance Expands Its Data on Police Surveillance Technology: 2024 in Review", dev set)
    ext = extractor.extract_text(
        "EFF’s Atlas of Surveillance is one of the most useful resources for those who want to understand the use "
        "of police surveillance by local law enforcement agencies across the United States. We also saw many "
        "great uses of the Atlas from journalists, students, and researchers, as well as a growing number of "
        "contributors.")
    assert "PERSON" not in labels(ext).get("Atlas", set())


def test_a_body_takes_the_place_state_only_from_its_own_paragraph_or_the_dateline(extractor: Extractor) -> None:
    # made up: two stories pasted together; Tashkent is named in the first only, the second body's state is unsaid
    ext = extractor.extract_text("A data centre will be set up in Tashkent, and the Ministry of Interior will run "
                                 "it.\n\nOne such machine has been assigned to the Terrorism Investigation Division.")
    found = agencies(ext)
    assert found.get("Ministry of Interior") == "UZ"
    assert found.get("Terrorism Investigation Division") is None
