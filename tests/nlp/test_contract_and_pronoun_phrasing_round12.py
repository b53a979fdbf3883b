"""Supply shapes the round-11 unseen probe of real news passages (half South Asia; issue 13 round 12) found missed,
as minimal sentences with fictional firms (Zolara Systems, Vantor Labs) and real state bodies: a contract or
agreement with a state body "to supply" or "for the purchase of" goods, a contract "concluded between" a state
and a firm, a firm and its executives accused of selling, a company that won contracts "to procure" for a body,
a purpose that is no buyer, and "they" for a police department named in an earlier sentence."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def test_an_agreement_with_a_state_to_supply_makes_the_state_the_recipient(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Zolara Systems entered into an agreement with the Zimbabwean government to supply facial recognition "
        "technology for the purpose of law enforcement.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Zimbabwean government"}


def test_what_goods_are_for_is_no_recipient(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "A Chinese firm agreed to supply facial recognition technology for the purpose of law enforcement, Zolara "
        "Systems said.")
    assert all("law enforcement" not in names(s.roles.get("recipient")) for s in supplies(ext))


def test_a_contract_obtained_with_a_body_for_a_purchase_makes_the_firm_its_supplier(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Zolara Systems obtained a contract with the Zambian interior ministry for the purchase of spyware for "
        "$32 million in 2014.")
    [sale] = supplies(ext)  # one reading, not also the firm buying from the ministry
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Zambian interior ministry"}
    assert names(sale.roles.get("capability")) == {"spyware"}


def test_a_contract_concluded_between_a_state_and_a_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "By shedding light on the contract concluded between the Egyptian government and Zolara Systems, the "
        "investigation could lead to charges.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Egyptian government"}


def test_a_firm_and_its_executives_accused_of_selling_is_the_seller(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The court dropped charges against Zolara Systems and four of its executives who were accused of complicity "
        "in torture by selling cyber-surveillance equipment to Egypt.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"EG"}
    assert sale.hedged  # an accusation, not a finding


def test_a_company_that_won_contracts_to_procure_for_a_body_supplies_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Zolara Systems, a technology company that won two contracts to procure intrusion systems for the National "
        "Police of Indonesia, was named in the report.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"National Police of Indonesia"}


def test_they_in_a_later_sentence_is_the_police_department_named_as_subject_before(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Tulsa Police Department however opted for a few different models - they purchased two password breakers "
        "from Zolara Systems in 2015 (the FBI requested they create a device for them). It does its work instantly. "
        "They renewed this contract in 2017.\nIn August 2016 they also purchased an extraction device from Vantor "
        "Labs.")
    sales = {(frozenset(names(s.roles.get("supplier"))), frozenset(names(s.roles.get("recipient"))))
             for s in supplies(ext)}
    assert (frozenset({"Vantor Labs"}), frozenset({"Tulsa Police Department"})) in sales
    # a firm as the last main subject: "they" may be its staff or its authors, no state body is guessed
    ext = extractor.extract_text(
        "Zolara Systems published a report on the Tulsa Police Department. They bought an extraction device from "
        "Vantor Labs.")
    assert all("Tulsa Police Department" not in names(s.roles.get("recipient")) for s in supplies(ext))


def test_a_firm_that_contracted_with_the_government_to_provide_supplies_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Kenyans learned last month that Zolara Systems, Kenya's largest telecoms operator, had contracted with the "
        "government to provide a new street-level surveillance system.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"government"}


def test_the_relative_pronoun_of_an_agreement_stands_for_the_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "One such company is Zolara Systems which reportedly entered into an agreement with the Zimbabwean "
        "government to supply facial recognition technology.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Zimbabwean government"}
    assert sale.hedged  # "reportedly"


def test_it_with_no_firm_before_is_the_government_named_as_subject_before(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "In its manifesto, the Jubilee Government proposed the use of CCTV cameras in fighting crime. In May 2014 it "
        "contracted Zolara Systems to build a public safety surveillance system to help security forces fight crime.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Jubilee Government"}


def test_a_country_before_based_without_a_hyphen_is_where_the_firm_is(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Three vendors who offered Zolara based equipment (Zolara Systems Inc, US based company) participated in the "
        "proof of concept.")
    assert all("US" not in names(s.roles.get("recipient")) for s in supplies(ext))


def test_goods_of_a_verb_coordinated_after_a_buying_verb_are_its_goods(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Reports say that Indonesia has recently imported and utilized a wide variety of highly invasive spyware.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"ID"} and names(sale.roles.get("capability")) == {"spyware"}


def test_a_body_awarding_a_firm_the_tender_buys_from_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Interior Ministry had already in 2014 awarded Zolara Systems the tender to build a camera and radio "
        "network.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Interior Ministry"}


def test_a_numbered_contract_with_a_firm_for_a_police_department(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "COF Contract No. 2019-0259 with Zolara Group Inc. for the purchase of two license plate readers for the "
        "Franklin Police Department.")
    sales = [s for s in supplies(ext) if s.roles.get("supplier")]
    assert [(names(s.roles.get("supplier")), names(s.roles.get("recipient"))) for s in sales] == [
        ({"Zolara Group Inc."}, {"Franklin Police Department"})]


def test_a_state_installing_goods_from_a_country_gets_them_from_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "In a recent development, the government of Pakistan decided to install advanced firewalls from China to "
        "regulate social media content.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"CN"}
    assert names(sale.roles.get("recipient")) == {"government of Pakistan"}


def test_a_company_procuring_for_the_police_supplies_them(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Zolara Technologies, a company associated with a former police chief, has once again been involved in "
        "procuring body-worn cameras for police ahead of the elections.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Technologies"}
    assert names(sale.roles.get("recipient")) == {"police"}


def test_a_country_describing_the_supplier_or_a_comparison_is_no_recipient(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The equipment was supplied by Zolara Systems, a defense company currently sanctioned by the United States.")
    assert all("US" not in names(s.roles.get("recipient")) for s in supplies(ext))
    ext = extractor.extract_text(
        "The Kenya Police Service has partnered with Zolara Systems to help it deploy security technology similar to "
        "installations at the New York Police Department.")
    assert all("New York Police Department" not in names(s.roles.get("recipient")) for s in supplies(ext))


def test_a_state_cited_as_one_of_the_countries_that_bought(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "It cited violence-engulfed Sudan as one of the countries that bought spyware from Greece-based company "
        "Zolara Systems.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"} and names(sale.roles.get("recipient")) == {"SD"}


def test_whose_goods_were_purchased_is_the_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Based on his evidence, the government's intended national firewall might have been purchased from China.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"CN"} and names(sale.roles.get("recipient")) == {"government"}
    assert sale.hedged


def test_who_executes_the_project_a_state_signed_for_in_the_sentence_before_supplies_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Maharashtra government signed an agreement to install 6,000 CCTV cameras by September 2016, the Chief "
        "Minister said.\nThe project, estimated to cost Rs.949 crore, will be executed by infrastructure major Zolara "
        "Systems across the city, he said.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Maharashtra government"}
    # a state signing an agreement with a named firm to install: the firm installs, as before
    ext = extractor.extract_text("The Kenyan police signed an agreement with Zolara Systems to install CCTV cameras.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Kenyan police"}


def test_the_system_from_a_firm_in_the_next_sentence_was_bought_from_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Approval was granted Thursday to let the Lenawee County Sheriff's Office acquire a spyware system. The "
        "system from Zolara Systems of Virginia would allow the sheriff's office to download data.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Lenawee County Sheriff's Office"}


def test_the_next_paragraph_naming_where_the_goods_come_from_completes_the_purchase(extractor: Extractor) -> None:
    text = ("Approval was granted Thursday to let the Lenawee County Sheriff's Office acquire a spyware system.\n\n"
            "The system from Zolara Systems of Virginia would allow the sheriff's office to download data.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert sale.confidence <= 0.6  # read across a paragraph break, said less surely
    # not when the purchase was not the last thing the paragraph before said
    text = text.replace("spyware system.", "spyware system. The vote was 5 to 2.")
    [sale] = supplies(extractor.extract_text(text))
    assert not sale.roles.get("supplier")


def test_equipment_supplied_after_a_sentence_on_a_states_new_cameras_went_to_that_state(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Recently, Kyrgyzstan opened a new police command center in its capital, putting its new facial recognition "
        "cameras to work. The equipment was supplied, reportedly free of charge, by Zolara Systems.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"} and names(sale.roles.get("recipient")) == {"KG"}
    assert sale.confidence <= 0.6


def test_providing_evidence_is_no_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Privacy International provided evidence to the Rapid Action Battalion that Zolara Systems was in Zurich.")
    assert all("Privacy International" not in names(s.roles.get("supplier")) for s in supplies(ext))


def test_one_of_several_regimes_who_are_believed_to_have_purchased(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Zolara Systems makes spyware for governments. The Bahraini government is one of several regimes across the "
        "world who are believed to have purchased the spyware.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Bahraini government"}
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"} and sale.hedged


def test_the_maker_named_beside_a_vendors_sale_supplies_through_the_vendor(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "While the software was originally manufactured by Zolara Labs Pvt Ltd, it was supplied to the Delhi Police "
        "by a vendor named Vantor Technologies Pvt. Ltd.")
    sales = {(frozenset(names(s.roles.get("supplier"))), frozenset(names(s.roles.get("via")))) for s in supplies(ext)
             if names(s.roles.get("recipient")) == {"Delhi Police"}}
    # (the sentence's full stop is no part of the name: round 16)
    assert (frozenset({"Vantor Technologies Pvt. Ltd"}), frozenset()) in sales
    assert (frozenset({"Zolara Labs Pvt Ltd"}), frozenset({"Vantor Technologies Pvt. Ltd"})) in sales


def test_software_a_police_force_started_using_then_named_with_its_maker(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Delhi Police had earlier started using its facial recognition software, acquired in 2017, to screen "
        "crowds. The software, made by Delhi-based Zolara Labs, is capable of screening faces from social media.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Labs"}
    assert names(sale.roles.get("recipient")) == {"Delhi Police"}


def test_a_partner_helping_a_police_service_deploy_technology_supplies_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Kenya Police Service has partnered with Zolara Systems, East Africa's largest mobile services provider, "
        "to help it deploy security technology similar to installations at the New York Police Department.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    assert names(sale.roles.get("recipient")) == {"Kenya Police Service"}
    assert names(sale.roles.get("product")) == {"security technology"}
    # help with something that is no goods is no supply
    ext = extractor.extract_text("The Kenya Police Service has partnered with Zolara Systems to help it recruit officers.")
    assert supplies(ext) == []


def test_a_firm_selected_by_a_state_body_for_a_purchase_supplies_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The regulator had asked for a letter of intent to purchase the traffic monitoring system in 2017. Among "
        "them, Zolara Solution Ltd was selected by the Nepal Telecommunications Authority on December 18, 2018.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Solution Ltd"}
    assert names(sale.roles.get("recipient")) == {"Nepal Telecommunications Authority"}
    # chosen for something that is no goods: no supply
    assert supplies(extractor.extract_text("Zolara Systems was chosen by the Ministry of Tourism to host the summit.")) == []


def test_an_application_or_tender_to_buy_is_reported_as_intended_only(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "An application by three German states to use analysis software from US company Zolara Systems in police "
        "authorities nationwide has failed.")
    assert all(s.hedged for s in supplies(ext))
    ext = extractor.extract_text("Zolara Systems won the tender to supply CCTV cameras to the Kenya Police Service.")
    [sale] = supplies(ext)
    assert not sale.hedged and names(sale.roles.get("supplier")) == {"Zolara Systems"}


def test_not_long_after_is_no_denial(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Poland's Central Anticorruption Bureau bought Zolara Systems' spyware in 2017, not long after the prime "
        "minister visited.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}
    ext = extractor.extract_text("Zolara Systems did not sell spyware to the Polish police.")
    assert supplies(ext) == [] and supplies(ext, negated=True)


def test_taking_measures_in_response_to_a_request_owns_nothing(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "In response to Sri Lanka's request, the Indian Government took proactive measures during these talks.")
    assert [e for e in ext.events if e.type == "ownership"] == []
    ext = extractor.extract_text("Zolara Holdings took a 40 percent stake in Vantor Labs.")
    [own] = [e for e in ext.events if e.type == "ownership"]
    assert names(own.roles.get("owned")) == {"Vantor Labs"}


def test_the_group_opening_a_paragraph_after_a_watchdog_is_no_supplier(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Human Rights Watch said in a report that foreign equipment aids the Ethiopian government's surveillance.\n\n"
        "The group's researcher said Ethiopia is using its government-controlled telecom system to silence "
        "dissenters.")
    assert all("Human Rights Watch" not in names(s.roles.get("supplier")) for s in supplies(ext))


def test_an_interim_or_federal_government_of_a_country_is_a_state_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("Bangladesh's interim government plans to purchase at least 40,000 body-worn cameras.")
    assert ("GOV_AGENCY", "Bangladesh's interim government", "BD") in {(e.label, e.text, e.country) for e in ext.entities}
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Bangladesh's interim government"} and sale.hedged


def test_a_country_word_naming_a_firm_gives_no_state_to_the_documents_bodies(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The administration acquired phone snooping equipment from Israeli surveillance company Zolara Systems for use "
        "by the Central Intelligence Organisation (CIO).")
    assert all(e.country != "IL" for e in ext.entities if e.label == "GOV_AGENCY")


def test_blank_spacer_characters_are_no_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("Cameras are raising concern ⠀⠀ among activists. ⠀ Zolara Systems provided them.")
    assert all(any(ch.isalnum() for ch in e.text) for e in ext.entities)
