"""Product names typed by their words (issue 13 round 13, from the round-12 unseen probe of real news passages,
where 16 of 24 product names lacked the PRODUCT label): minimal sentences with fictional firms and products
(Zolara Systems, Vantor Labs, Fictive Corporation, Facebox, FaceLens, Skyhawk, Gotham-like "Orbis") and real state bodies. A name between
a determiner or possessive and a goods noun, a model name ending in a number or code before goods, a name
"supplied by" a firm or "a program made by" one, a known product's model words; and what is no product: a
United Nations programme, a one-word product name ending a firm's name."""

from __future__ import annotations

from nlp.extract import Extractor


def labels(extractor: Extractor, text: str) -> dict[str, str]:
    return {e.text: e.label for e in extractor.extract_text(text).entities}


def test_a_name_before_software_after_a_determiner_is_the_product(extractor: Extractor) -> None:
    got = labels(extractor, "The app was developed by Vantor Labs, the same company that developed the Facebox "
                            "software, a facial recognition app that the Kerala police uses.")
    assert got.get("Facebox") == "PRODUCT"
    assert got.get("Vantor Labs") == "ORG"


def test_a_name_before_tech_or_system_after_a_possessive_is_the_product(extractor: Extractor) -> None:
    assert labels(extractor, "The Facebox tech was first adopted in 2017 by the Chennai police.").get(
        "Facebox") == "PRODUCT"
    assert labels(extractor, "Researchers studied the Danish police's ORB-INTEL system for two years.").get(
        "ORB-INTEL") == "PRODUCT"
    assert labels(extractor, "Zolara Systems says the contracts for its FaceLens Watch software came from a "
                             "competition.").get("FaceLens Watch") == "PRODUCT"


def test_model_names_ending_in_a_number_before_goods_are_products(extractor: Extractor) -> None:
    got = labels(extractor, "The Indian Government decided to provide a Skyhawk-228 maritime surveillance aircraft "
                            "to Sri Lanka free of cost.")
    assert got.get("Skyhawk-228") == "PRODUCT"
    got = labels(extractor, "The hardware includes data links for two Skyhawk 200 aircraft.")
    assert got.get("Skyhawk 200") == "PRODUCT"
    got = labels(extractor, "The Mangaluru City Police on Wednesday started using Skyhawk Drone Q6, a state-of-art "
                            "drone.")
    assert got.get("Skyhawk Drone Q6") == "PRODUCT"


def test_a_state_body_before_a_model_name_stays_the_body(extractor: Extractor) -> None:
    got = labels(extractor, "The Australian Government has donated a Royal Australian Air Force Skyhawk King Air "
                            "350 surveillance aircraft to the Sri Lanka Air Force.")
    assert got.get("Royal Australian Air Force") == "GOV_AGENCY"
    assert got.get("Skyhawk King Air 350") == "PRODUCT"


def test_a_number_alone_or_a_year_names_no_model(extractor: Extractor) -> None:
    got = labels(extractor, "The Nepal Police bought 10 drones in 2019 from Zolara Systems.")
    assert "PRODUCT" not in got.values()


def test_a_name_supplied_by_a_firm_is_goods(extractor: Extractor) -> None:
    got = labels(extractor, "The police started trialling facial recognition in April 2014 using FaceLens, supplied "
                            "by Fictive Corporation a Japanese communications company.")
    assert got.get("FaceLens") == "PRODUCT"
    assert got.get("Fictive Corporation") == "ORG"


def test_a_name_founded_by_someone_stays_a_firm(extractor: Extractor) -> None:
    got = labels(extractor, "Vantor Labs, founded by John Smith, sold cameras to the police.")
    assert got.get("Vantor Labs") == "ORG"


def test_a_program_made_by_a_firm_is_goods(extractor: Extractor) -> None:
    got = labels(extractor, "Orbis is a program made by Zolara Technologies and gives the police access to data.")
    assert got.get("Orbis") == "PRODUCT"


def test_a_known_product_keeps_its_model_words(extractor: Extractor) -> None:
    got = labels(extractor, "The grant would pay for Cellebrite UFED Pro Series components.")
    assert got.get("Cellebrite UFED Pro Series") == "PRODUCT"


def test_a_united_nations_programme_is_an_organisation_not_goods(extractor: Extractor) -> None:
    got = labels(extractor, "He said the procurement would be carried out through the United Nations Development "
                            "Programme (UNDP) to ensure transparency.")
    assert got.get("United Nations Development Programme") == "ORG"
    assert got.get("UNDP") == "ORG"


def test_a_one_word_product_ending_a_firms_name_is_no_product(extractor: Extractor) -> None:
    got = labels(extractor, "The council will buy ten cameras for the Police Department from Federal Signal through "
                            "an agreement.")
    assert "Signal" not in got
    assert got.get("Federal Signal") == "ORG"


def test_a_known_firm_before_a_product_keeps_the_product(extractor: Extractor) -> None:
    got = labels(extractor, "Researchers found NSO Pegasus on the phones of Zolara Systems staff.")
    assert got.get("Pegasus") == "PRODUCT"


def test_a_title_case_system_with_its_initials_in_brackets_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "Telephone Call Interception System (TCIS) will be set up for each of the service "
                            "providers.")
    assert got.get("Telephone Call Interception System") == "PRODUCT"
    assert got.get("TCIS") == "PRODUCT"


def test_a_name_before_a_craft_noun_after_an_article_is_the_product(extractor: Extractor) -> None:
    got = labels(extractor, "India handed over a Dornier maritime surveillance aircraft to the Sri Lanka Navy.")
    assert got.get("Dornier") == "PRODUCT"
    assert got.get("Sri Lanka Navy") == "GOV_AGENCY"
    got = labels(extractor, "India handed over a Chinese surveillance drone to the Sri Lanka Navy.")
    assert "PRODUCT" not in got.values()


def test_a_second_model_code_is_no_part_of_the_name(extractor: Extractor) -> None:
    got = labels(extractor, "Another company is to provide Sri Lanka a JY 11 3D radar.")
    assert got.get("JY 11") == "PRODUCT"


def test_a_known_firms_name_given_to_software_another_firm_developed_is_the_product(extractor: Extractor) -> None:
    # FaceTagr is in nlp/data/vendors_public.tsv as a firm; here the text names the software so
    got = labels(extractor, "The app has been developed by Vantor Labs, the same company that developed the FaceTagr "
                            "software, a facial recognition app that the Tamil Nadu police uses.")
    assert got.get("FaceTagr") == "PRODUCT"
    assert labels(extractor, "Researchers said the NSO software was used against journalists.").get("NSO") == "ORG"


def test_technology_called_a_quoted_name_is_the_product_but_a_company_called_one_is_not(extractor: Extractor) -> None:
    got = labels(extractor, "The technology being sought is called \u201cCellebrite\u201d and is a forensic cell "
                            "phone program that the sheriff was looking to purchase.")
    assert got.get("Cellebrite") == "PRODUCT"
    got = labels(extractor, "The party accused the government of trying to acquire spyware from a company called "
                            "\u2018Cellebrite\u2019.")
    assert got.get("Cellebrite") == "ORG"


def test_a_product_named_after_its_maker_is_the_firm_in_apposition_to_a_vendor_noun(extractor: Extractor) -> None:
    got = labels(extractor, "In 2013, the same researchers accused Ethiopia of using another spyware provider, "
                            "FinFisher, to target the opposition.")
    assert got.get("FinFisher") == "ORG"
    got = labels(extractor, "The list includes Zolara Systems, FinFisher and its wholly owned subsidiary Vantor Labs "
                            "Sdn Bhd.")
    assert got.get("FinFisher") == "ORG"
    assert labels(extractor, "Ethiopia used FinFisher spyware against the opposition.").get("FinFisher") == "PRODUCT"


def test_a_model_with_one_glued_digit_or_a_capitals_prefix_before_goods_is_a_product(extractor: Extractor) -> None:
    # (round 20: "Mohajer-6", "CH-4" shapes of real drone names, written here with fictional names)
    got = labels(extractor, "The army bought Skyhawk-6 drones and two ZX-4 drones last year.")
    assert got.get("Skyhawk-6") == "PRODUCT"
    assert got.get("ZX-4") == "PRODUCT"


def test_a_model_ending_in_a_roman_numeral_before_goods_is_a_product_not_its_seller(extractor: Extractor) -> None:
    # (round 20: "Wing Loong I/II"; after "I" the tagger may read "drones" as a verb)
    ext = extractor.extract_text("The air force received the Skyhawk Lance I drones from Zolara Systems in 2021.")
    got = {e.text: e.label for e in ext.entities}
    assert got.get("Skyhawk Lance I") == "PRODUCT"
    assert all(ev.roles.get("supplier") != "Skyhawk Lance" for ev in ext.events)
    assert labels(extractor, "Two Skyhawk Lance II aircraft flew over the port.").get("Skyhawk Lance II") == "PRODUCT"


def test_an_era_or_a_summit_names_no_model(extractor: Extractor) -> None:
    got = labels(extractor, "World War II aircraft were shown at the museum before the G-20 summit.")
    assert "PRODUCT" not in got.values()
