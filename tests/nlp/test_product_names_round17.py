"""Surveillance products and systems are PRODUCT, not ORG or GOV_AGENCY (issue 13 round 17, branch products19).

News names systems that ner reads as firms and that the agency table holds as bodies; the words around the name,
or the product table (nlp/data/products.tsv), say they are goods. One test per pattern family; sentences are
written for these tests. "Zolmark Systems", "Gravlin", "Vista-ID", "Grey Heron", "Lumora", "Tallyrand",
"Brightline" and "Orrin Lake" are fictional; Kipod (Synesis), eLTE (Huawei), Signaling System 7, OpenVPN and ECU
911 are real names used only as names.
"""

from __future__ import annotations

from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer, product_rows


def labels(extractor: Extractor, text: str) -> dict[str, str]:
    return {e.text: e.label for e in extractor.extract_text(text).entities}


def all_labels(extractor: Extractor, text: str, name: str) -> list[str]:
    return [e.label for e in extractor.extract_text(text).entities if e.text == name]


# --- a quoted name before modifiers and a product noun ------------------------------------------------------------

def test_a_quoted_name_before_modifiers_and_a_platform_noun_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "Zolmark Systems, a fictional vendor, sold the \u201cGravlin\u201d video analytics "
                            "platform to a regional police force.")
    assert got.get("Gravlin") == "PRODUCT"
    assert got.get("Zolmark Systems") == "ORG"


def test_a_quoted_hyphenated_name_before_a_camera_system_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, 'The officers said a "Vista-ID" camera system had flagged him at the station.')
    assert got.get("Vista-ID") == "PRODUCT"


def test_a_quoted_name_typed_so_is_a_product_at_its_later_uses(extractor: Extractor) -> None:
    text = ("The ministry runs the \u201cGravlin\u201d video analytics platform. Gravlin searches the archive of "
            "street cameras.")
    assert all_labels(extractor, text, "Gravlin") == ["PRODUCT", "PRODUCT"]


# --- an apposition headed by a product noun ---------------------------------------------------------------------

def test_a_quoted_name_with_a_system_apposition_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "Soldiers use 'Grey Heron', a facial recognition system installed at checkpoints, "
                            "and 'Orrin Lake', a database of residents.")
    assert got.get("Grey Heron") == "PRODUCT"
    assert got.get("Orrin Lake") == "PRODUCT"


def test_a_name_with_a_technology_apposition_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "Lumora, a predictive policing technology, was used by police in several cities.")
    assert got.get("Lumora") == "PRODUCT"


def test_a_name_set_off_by_dashes_after_a_technology_noun_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "Zolmark Systems bought the other predictive policing technology\u2014Tallyrand\u2014"
                            "in 2018.")
    assert got.get("Tallyrand") == "PRODUCT"


def test_a_name_whose_apposition_is_a_firm_stays_an_organisation(extractor: Extractor) -> None:
    got = labels(extractor, "Zolmark Systems, a Chinese technology company, won the tender.")
    assert got.get("Zolmark Systems") == "ORG"


def test_a_publishing_platform_is_no_product(extractor: Extractor) -> None:
    got = labels(extractor, "Among the blocked sites was 'Brightline', a popular citizen journalism platform.")
    assert got.get("Brightline") != "PRODUCT"


# --- an agency-table name that a system noun and "called" give -------------------------------------------------

def test_a_system_called_by_an_agency_name_is_the_system_in_every_paragraph(extractor: Extractor) -> None:
    text = ("Ecuador built an emergency and monitoring system called ECU 911 with Chinese loans.\n\n"
            "Officials credit ECU 911 with faster responses.")
    assert all_labels(extractor, text, "ECU 911") == ["PRODUCT", "PRODUCT"]


def test_the_body_behind_the_system_keeps_its_possessive_staff(extractor: Extractor) -> None:
    text = ("Ecuador built an emergency and monitoring system called ECU 911 with Chinese loans.\n\n"
            "ECU 911's deputy director praised the cameras.")
    assert all_labels(extractor, text, "ECU 911") == ["PRODUCT", "GOV_AGENCY"]


def test_without_system_words_the_agency_name_stays_a_body(extractor: Extractor) -> None:
    assert labels(extractor, "ECU 911 has expanded its operations since 2016.").get("ECU 911") == "GOV_AGENCY"


# --- title-case system names ------------------------------------------------------------------------------------

def test_a_system_for_name_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "The platform runs within the Republican System for Monitoring Public Safety.")
    assert got.get("Republican System for Monitoring Public Safety") == "PRODUCT"


def test_an_untagged_title_case_system_name_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "Zolmark Systems will pilot the Traffic Violation Photo and Video Recording System "
                            "next year.")
    assert got.get("Traffic Violation Photo and Video Recording System") == "PRODUCT"


def test_a_system_name_listing_its_remits_with_commas_is_one_product(extractor: Extractor) -> None:
    got = labels(extractor, "Two cities are first in line for the National Surveillance, Communication and Control "
                            "System.")
    assert got.get("National Surveillance, Communication and Control System") == "PRODUCT"
    assert "Communication and Control System" not in got


# --- products of the table ---------------------------------------------------------------------------------------

def test_table_products_are_products_and_their_makers_firms(extractor: Extractor) -> None:
    got = labels(extractor, "Synesis develops Kipod, and the ministry bought eLTE equipment from Huawei.")
    assert got.get("Kipod") == "PRODUCT"
    assert got.get("eLTE") == "PRODUCT"
    assert got.get("Synesis") == "ORG"
    assert got.get("Huawei") == "ORG"


def test_a_signalling_standard_and_its_acronym_are_products(extractor: Extractor) -> None:
    got = labels(extractor, "The agency bought access to Signaling System 7 (SS7) through Zolmark Systems.")
    assert got.get("Signaling System 7") == "PRODUCT"
    assert got.get("SS7") == "PRODUCT"


def test_vpn_software_is_a_product_and_tunnelling_protocols_are_no_parties(extractor: Extractor) -> None:
    got = labels(extractor, "The regulator blocked OpenVPN, PPTP and L2TP connections in October.")
    assert got.get("OpenVPN") == "PRODUCT"
    assert "PPTP" not in got and "L2TP" not in got


def test_rows_name_a_maker_or_none_and_a_source_comment() -> None:
    rows = {r[0]: r for r in product_rows()}
    assert rows["Kipod"][1] == "Synesis"
    assert rows["eLTE"][1] == "Huawei"
    assert rows["Signaling System 7"][1] == "" and "SS7" in rows["Signaling System 7"][3]
    assert rows["Smart City"][1] == ""
    assert "Smart City" not in Gazetteer.default().product_vendors


# --- a programme of no one maker stays a product as a subject ------------------------------------------------------

def test_a_programme_named_as_a_subject_stays_a_product_and_lists_no_one(extractor: Extractor) -> None:
    ext = extractor.extract_text("The army reportedly runs Smart City in the old town. Smart City also includes "
                                 "'Grey Heron', an app used by soldiers.")
    assert [e.label for e in ext.entities if e.text == "Smart City"] == ["PRODUCT", "PRODUCT"]
    assert not [e for e in ext.events if e.type == "listing"]
