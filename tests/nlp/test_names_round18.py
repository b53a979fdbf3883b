"""Names of round 18: a firm named after its trade noun, a firm's arm named with a country or region, a one-word
alias of a state's body in a text about another state, a text that names only the places of one state, a junta
and a military government, and a programme's title word. Minimal sentences written for these tests; Tarnwick
Systems, Corvane Telecom, Bellmoor and Veltrix are fictional firms, the officials are fictional, and nothing wrong
is said of anyone."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies, labels


def _mentions(ext: object, text: str) -> list[str]:
    return [e.label for e in ext.entities if e.text == text]  # type: ignore[attr-defined]


def test_a_firm_named_after_its_trade_noun_is_tagged_wherever_it_recurs(extractor: Extractor) -> None:
    ext = extractor.extract_text("Mobile network operator Corvane will install the cameras.\n\n"
                                 "Corvane is expected to finish the first phase in June.\n\n"
                                 "Corvane chief Dana Mell signed the contract.")
    assert _mentions(ext, "Corvane") == ["ORG", "ORG", "ORG"]


def test_a_person_after_a_trade_noun_stays_a_person(extractor: Extractor) -> None:
    # (the trade noun types organisation guesses only: "tour operator Dana Mell" names a person)
    ext = extractor.extract_text("Tour operator Dana Mell said the cameras work.\n\nDana Mell left early.")
    assert labels(ext).get("Dana Mell") == {"PERSON"}


def test_a_firms_arm_named_with_a_country_or_region_is_one_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("Officials of Tarnwick Systems Pakistan and Tarnwick Systems Southern Africa met "
                                 "at a trade fair.")
    found = labels(ext)
    assert found.get("Tarnwick Systems Pakistan") == {"ORG"}
    assert found.get("Tarnwick Systems Southern Africa") == {"ORG"}
    assert "Pakistan" not in found


def test_a_firm_set_off_from_a_country_keeps_them_apart(extractor: Extractor) -> None:
    ext = extractor.extract_text("Tarnwick Systems opened an office in Kenya, and Bellmoor Networks, Uganda's "
                                 "largest carrier, bought from Tarnwick Systems.")
    found = labels(ext)
    assert found.get("Kenya") == {"COUNTRY"}
    assert "Tarnwick Systems Kenya" not in found and "Bellmoor Networks, Uganda" not in found


def test_a_one_word_alias_of_a_us_body_yields_to_the_state_the_text_is_about(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Treasury released funds for the surveillance system to the National Police "
                                 "Service in Nairobi and Mombasa, where Veltrix installed cameras.")
    found = agencies(ext)
    assert found.get("Treasury") == "KE"
    assert found.get("National Police Service") == "KE"


def test_the_alias_keeps_its_state_where_the_text_names_that_state(extractor: Extractor) -> None:
    ext = extractor.extract_text("The U.S. Treasury and the Commerce Department sanctioned the fictional firm "
                                 "Veltrix; the Treasury said Veltrix sold cameras to Kenya.")
    assert agencies(ext).get("Treasury") == "US"


def test_an_acronym_of_a_body_keeps_its_state_in_a_text_about_another(extractor: Extractor) -> None:
    ext = extractor.extract_text("The FBI warned the police in Nairobi about the fictional firm Veltrix.")
    assert agencies(ext).get("FBI") == "US"


def test_the_junta_and_the_military_government_are_the_state(extractor: Extractor) -> None:
    ext = extractor.extract_text("Myanmar's rulers bought cameras. The junta installed them in Mandalay, and the "
                                 "military government denied any abuse.")
    found = agencies(ext)
    assert found.get("junta") == "MM"
    assert found.get("military government") == "MM"


def test_a_junta_leader_is_not_a_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("The junta leader visited Mandalay.")
    assert "junta" not in agencies(ext) and "junta leader" not in agencies(ext)


def test_a_programmes_title_word_is_left_out_of_its_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("The city joined the Safe City Project of Tarnwick Systems; the Dushanbe Safe City "
                                 "Project followed.")
    assert _mentions(ext, "Safe City") == ["PRODUCT", "PRODUCT"]
    assert "Safe City Project" not in labels(ext)


def test_a_collaboration_called_a_project_keeps_its_name(extractor: Extractor) -> None:
    # ("Project" is cut only after a programme the gazetteer knows; another name keeps it)
    ext = extractor.extract_text("The Harrowgate Project, a group of reporters, published its findings.")
    found = labels(ext)
    assert "Harrowgate" not in found
    assert found.get("Harrowgate Project", {"ORG"}) <= {"ORG", "PRODUCT"}


def test_the_military_alone_stays_untagged(extractor: Extractor) -> None:
    ext = extractor.extract_text("The military bought drones in Myanmar.")
    assert "military" not in labels(ext) and "military government" not in labels(ext)


def test_a_capitalised_remit_before_a_lower_case_ministry_is_one_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("Funds went to the Interior ministry in Nairobi, Kenya, for the cameras.")
    found = labels(ext)
    assert found.get("Interior ministry") == {"GOV_AGENCY"}
    assert "Interior" not in found


def test_a_capitalised_remit_before_a_spokesman_is_no_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Interior ministry spokesman in Nairobi said no cameras were bought.")
    assert "Interior ministry" not in labels(ext)
