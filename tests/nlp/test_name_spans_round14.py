"""Names cut, run on, or not names at all; firms and products in odd case (round 14). Two sentences are real and
cited with their page; the others are minimal sentences about fictional firms, makes and products (Marvelo
Networks, Fictora Solutions, Veltrax, Zolmera Vision, Korvant Systems, Corvane Systems, Tellurix Labs, brightWing,
Spyrex, Kestrix, Halvern, CityNova, KORVIKA, TANDRELL) and fictional officials (Mayor Kelwin, Dilan Perakumbura,
Sarvesh Mani Koirala, Hamdan al Qutaybi, Dana Whitford), with no wrongdoing said of anyone."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import labels, names, supplies


def test_a_country_code_in_brackets_before_the_legal_form_is_part_of_the_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("Marvelo Networks (T) Limited will lay the fibre cable for the regional offices.")
    assert labels(ext).get("Marvelo Networks (T) Limited") == {"ORG"}


def test_pvt_in_brackets_before_ltd_is_part_of_the_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Gulf Bank signed a contract with Fictora Solutions (Pvt) Ltd for the cameras.")
    assert labels(ext).get("Fictora Solutions (Pvt) Ltd") == {"ORG"}


def test_a_dotted_legal_form_closes_the_firm_name_and_is_no_person(extractor: Extractor) -> None:
    ext = extractor.extract_text("The letter said the lawyer had been asked by Veltrax S.A. to examine the actions of "
                                 "the committee.")
    found = labels(ext)
    assert found.get("Veltrax S.A.") == {"ORG"}
    assert "S.A." not in found


def test_a_firm_in_a_capitals_resolution_keeps_its_legal_form(extractor: Extractor) -> None:
    ext = extractor.extract_text("A RESOLUTION APPROVING A PURCHASE ORDER WITH ZOLMERA VISION, INC. FOR CAMERA "
                                 "SOFTWARE, TRAINING, ANALYSIS AND DATA STORAGE.")
    found = labels(ext)
    assert found.get("ZOLMERA VISION, INC") == {"ORG"}
    assert "INC" not in found
    assert "ANALYSIS" not in found and "DATA" not in found  # words of the title, no firms


def test_real_capitals_resolution_names_the_authority_with_its_form(extractor: Extractor) -> None:
    # https://publicdocuments.fortworthtexas.gov/CSODOCS/DocView.aspx?dbid=0&id=16178&repo=City-Secretary
    ext = extractor.extract_text("A RESOLUTION REQUESTING TEXAS HIGHER EDUCATION AUTHORITY, INC., TO ACT ON BEHALF OF "
                                 "THE CITY OF FORT WORTH")
    assert labels(ext).get("TEXAS HIGHER EDUCATION AUTHORITY, INC") == {"ORG"}


def test_a_description_after_an_indefinite_article_is_no_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("AN ORDINANCE APPROVING AN AGREEMENT BETWEEN THE CITY OF SPRINGFIELD, A MISSOURI "
                                 "MUNICIPAL CORPORATION, AND KORVANT SYSTEMS, INC., A DELAWARE CORPORATION.")
    found = labels(ext)
    assert found.get("KORVANT SYSTEMS, INC") == {"ORG"}
    assert not [t for t in found if t.endswith("CORPORATION")]


def test_a_former_name_in_brackets_is_the_same_firms(extractor: Extractor) -> None:
    ext = extractor.extract_text("The contract was awarded to Corvane Systems, Inc. (formerly Tellurix Labs), a maker "
                                 "of sensors.")
    found = labels(ext)
    assert found.get("Corvane Systems, Inc.") == {"ORG"}
    assert found.get("Tellurix Labs") == {"ORG"}


def test_the_inspector_general_of_police_is_a_post_not_a_body(extractor: Extractor) -> None:
    # https://tob.news/?p=5440
    ext = extractor.extract_text("Inspector General of Police (IGP) Baharul Alam has warned police personnel to remain "
                                 "vigilant to ensure that no innocent person is harassed through unwarranted cases.")
    found = labels(ext)
    assert "Inspector General of Police" not in found and "IGP" not in found
    assert found.get("Baharul Alam") == {"PERSON"}


def test_a_minister_of_ports_is_a_post_not_a_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Minister of Ports & Shipping presented the camera plan to parliament.")
    assert "Minister of Ports & Shipping" not in labels(ext)


def test_initials_and_a_rare_surname_are_a_person(extractor: Extractor) -> None:
    ext = extractor.extract_text("The cameras were installed after a request by the Inspector General of Police (IGP) "
                                 "K.P. Perakumbura last year.")
    assert labels(ext).get("K.P. Perakumbura") == {"PERSON"}


def test_a_name_between_a_possessive_and_software_is_a_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("The company's Spyrex software runs on phones and laptops.")
    found = labels(ext)
    assert found.get("Spyrex") == {"PRODUCT"}
    assert not supplies(ext)  # the software is no supplier


def test_a_drone_named_with_mark_and_a_number_is_a_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("Two Heron Mark 1 drones were leased for the coast guard.")
    assert labels(ext).get("Heron Mark 1") == {"PRODUCT"}


def test_a_camel_case_firm_that_delivers_is_an_organisation_at_each_use(extractor: Extractor) -> None:
    ext = extractor.extract_text("The drones were bought from the Indian firm brightWing, and brightWing will deliver "
                                 "50 more units next year.")
    assert labels(ext).get("brightWing") == {"ORG"}
    assert any(names(ev.roles.get("supplier")) == {"brightWing"} for ev in supplies(ext))


def test_the_first_name_after_a_police_rank_is_part_of_the_persons_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("According to Senior Superintendent of Police Sarvesh Mani Koirala, the cameras help "
                                 "the investigators.")
    assert labels(ext).get("Sarvesh Mani Koirala") == {"PERSON"}


def test_a_name_after_a_post_ending_in_police_is_a_person(extractor: Extractor) -> None:
    ext = extractor.extract_text("Inspector General of Armed Police Dilan Perakumbura said on Monday that the force "
                                 "will buy drones.")
    assert labels(ext).get("Dilan Perakumbura") == {"PERSON"}


def test_a_common_word_ending_a_post_stays_out_of_the_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("Secretary of Commerce Dana Whitford said the rule protects national security.")
    found = labels(ext)
    assert found.get("Dana Whitford") == {"PERSON"}
    assert "Commerce Dana Whitford" not in found


def test_a_rank_taken_with_the_name_is_cut(extractor: Extractor) -> None:
    ext = extractor.extract_text("The new radar network was presented on Sunday by Staff Col Hamdan al Qutaybi, who "
                                 "leads the project.")
    assert labels(ext).get("Hamdan al Qutaybi") == {"PERSON"}


def test_post_acronyms_currency_codes_and_terms_are_no_organisations(extractor: Extractor) -> None:
    ext = extractor.extract_text("The CM cleared 120 million PKR for the purchase of forty small quadcopter (VTOL) "
                                 "drones.")
    found = labels(ext)
    assert not {"CM", "PKR", "VTOL"} & set(found)
    assert not supplies(ext) or all(not ev.roles.get("supplier") for ev in supplies(ext))


def test_a_make_in_capitals_between_a_number_and_the_goods_is_a_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("The embassy gave the traffic police 40 KORVIKA scooters and 12 TANDRELL laptop "
                                 "computers.")
    found = labels(ext)
    assert found.get("KORVIKA") == {"PRODUCT"}
    assert found.get("TANDRELL") == {"PRODUCT"}


def test_an_acronym_of_goods_counted_stays_no_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("The police installed 20 CCTV cameras at the junction.")
    assert "CCTV" not in {t for t, labs in labels(ext).items() if "PRODUCT" in labs}


def test_a_police_body_and_a_mayor_in_a_capitals_resolution(extractor: Extractor) -> None:
    ext = extractor.extract_text("A RESOLUTION AUTHORIZING THE PURCHASE OF DIGITAL FORENSIC SOFTWARE FOR THE ROWAN "
                                 "COUNTY SHERIFF'S OFFICE AND AUTHORIZING MAYOR KELWIN TO SIGN THE AGREEMENT.")
    found = labels(ext)
    assert found.get("ROWAN COUNTY SHERIFF'S OFFICE") == {"GOV_AGENCY"}
    assert found.get("KELWIN") == {"PERSON"}


def test_an_adverb_before_a_capitals_police_department_is_no_part_of_it(extractor: Extractor) -> None:
    # (a title in capitals alone is not read as English text: the first line of the ordinance's text follows it)
    ext = extractor.extract_text("AN ORDINANCE APPROVING CAMERA SERVICES FOR CITY DEPARTMENTS, ESPECIALLY "
                                 "SPRINGFIELD POLICE DEPARTMENT, FOR TRAFFIC SAFETY\nWHEREAS, the city wishes to "
                                 "record traffic at its busiest crossings.")
    assert labels(ext).get("SPRINGFIELD POLICE DEPARTMENT") == {"GOV_AGENCY"}


def test_a_name_described_as_a_platform_is_a_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("The state police chose Kestrix, a research and analysis platform, in 2023.")
    assert labels(ext).get("Kestrix") == {"PRODUCT"}


def test_a_tool_known_as_a_name_is_a_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("The investigators described a tool, known as Halvern, that reads phone locations.")
    assert labels(ext).get("Halvern") == {"PRODUCT"}


def test_a_name_before_a_tracking_app_is_a_product(extractor: Extractor) -> None:
    ext = extractor.extract_text("Residents can report potholes in the CityNova tracking app.")
    assert labels(ext).get("CityNova") == {"PRODUCT"}


def test_a_company_called_x_stays_a_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("The ministry hired a software security company called Kestrel Nine Labs.")
    assert "PRODUCT" not in labels(ext).get("Kestrel Nine Labs", set())
