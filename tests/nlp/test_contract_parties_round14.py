"""The parties of a contract told from one side, or with the buyer said elsewhere (issue 13 round 14,
nlp/components/contract_parties.py): the vendor wins in the passive ("The contract was bagged by X") after a
purchase with no seller; a definite contract "signed with X" in the passive after the body that signed a contract;
a body taking a firm on "as" its partner; a call-off from a framework; goods "bought from X" with the buyer in the
main clause; a licence's end user said in the next sentence; the buyer named again by a description ("the
sheriff's office"). Minimal sentences with fictional firms (Zolara Systems, Quenby Forensics, Marlow Cyber SA; not
real companies) and real state bodies, and one real sentence with its source."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def _one_sale(ext) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    [sale] = supplies(ext)
    return names(sale.roles.get("supplier")), names(sale.roles.get("recipient"))


# --- the vendor wins the deal the body just set out to make

def test_a_contract_bagged_in_the_passive_completes_the_purchase_before(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Bihar Police is set to procure 84 surveillance drones. "
                                 "The contract was bagged by the company in Pune, Zolara Systems.")
    assert _one_sale(ext) == ({"Zolara Systems"}, {"Bihar Police"})
    [sale] = supplies(ext)
    assert sale.confidence <= 0.6 and "won or signed the deal" in sale.explanation


def test_a_firm_bagging_the_contract_completes_the_purchase_before(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Bihar Police is set to procure 84 surveillance drones. "
                                 "Zolara Systems bagged the contract.")
    assert _one_sale(ext) == ({"Zolara Systems"}, {"Bihar Police"})


def test_a_contract_bagged_with_no_buyer_anywhere_makes_no_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text("The contract was bagged by Zolara Systems.")
    assert supplies(ext) == []


# --- the buyer's contract told in the passive

def test_a_contract_signed_with_a_firm_goes_to_the_body_that_signed_one(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Indian Army signed a contract with local manufacturers on Monday. "
                                 "The contract for the drone system was signed with Zolara Systems Ltd.")
    assert _one_sale(ext) == ({"Zolara Systems Ltd"}, {"Indian Army"})  # (the full stop is the sentence's)


def test_a_contract_signed_with_a_firm_in_the_next_paragraph_goes_to_the_body_before(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Indian Army confirmed the signing of a contract for 130 tethered drones.\n\n"
                                 "Sources said the contract was signed with Zolara Systems.")
    supplier, recipient = _one_sale(ext)
    assert supplier == {"Zolara Systems"} and recipient == {"Indian Army"}
    [sale] = supplies(ext)
    assert sale.confidence <= 0.5


def test_a_contract_signed_with_a_firm_after_another_named_buyer_is_not_guessed(extractor: Extractor) -> None:
    # the unit names a police department (untagged) before: the earlier paragraph's state is not the buyer
    ext = extractor.extract_text("The drones will assist the police department of Uttar Pradesh in riots. "
                                 "The contract has been bagged by Zolara Systems.")
    assert [s for s in supplies(ext) if s.roles.get("supplier") and s.roles.get("recipient")] == []


# --- a firm taken on as a partner, a call-off from a framework

def test_a_body_taking_a_firm_on_as_its_partner_gets_its_supply(extractor: Extractor) -> None:
    # https://www-ukauthority-com.azurewebsites.net/articles/pds-signs-deloitte-as-digital-forensics-partner
    ext = extractor.extract_text("The Police Digital Service (PDS) has taken on Deloitte as capability partner for the "
                                 "Transforming Forensics Programme.")
    assert _one_sale(ext) == ({"Deloitte"}, {"Police Digital Service"})


def test_a_body_signing_a_firm_as_its_supplier(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Kenya Police Service has signed Zolara Systems as its camera supplier.")
    assert _one_sale(ext) == ({"Zolara Systems"}, {"Kenya Police Service"})


def test_a_firm_signing_a_firm_as_partner_is_no_supply_to_a_state(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems has signed Quenby Forensics as a capability partner.")
    assert [s for s in supplies(ext) if s.roles.get("recipient")] == []


def test_a_call_off_from_a_framework_to_a_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Metropolitan Police Service is seeking approval for a Call-Off from the Crown "
                                 "Commercial Service framework to Quenby Forensics for licences.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Quenby Forensics"}
    assert names(sale.roles.get("recipient")) == {"Metropolitan Police Service"}


# --- passive, relative and modal clauses

def test_goods_bought_from_a_firm_go_to_the_body_the_main_clause_names(extractor: Extractor) -> None:
    ext = extractor.extract_text("The new cameras, bought from the American company Zolara Systems, will add to the "
                                 "Kenya Police Service's network around the capital.")
    supplier, recipient = _one_sale(ext)
    assert supplier == {"Zolara Systems"}
    assert recipient == {"Kenya Police Service"}


def test_goods_bought_from_a_firm_with_two_bodies_in_the_clause_name_no_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("The new cameras, bought from Zolara Systems, will link the Kenya Police Service "
                                 "to the National Intelligence Service of Kenya.")
    assert [s for s in supplies(ext) if s.roles.get("supplier") and s.roles.get("recipient")] == []


def test_a_firm_that_was_to_have_supplied_a_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems was to have supplied special equipment to the Cyber Security "
                                 "Service of Turkmenistan.")
    assert _one_sale(ext) == ({"Zolara Systems"}, {"Cyber Security Service of Turkmenistan"})


def test_the_end_user_of_a_licence_given_to_a_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Ministry of Foreign Affairs issued two licences to Marlow Cyber SA on November "
                                 "15, 2021. The end user was the National Police of Madagascar.")
    sales = [s for s in supplies(ext) if names(s.roles.get("supplier")) == {"Marlow Cyber SA"}]
    assert [names(s.roles.get("recipient")) for s in sales] == [{"National Police of Madagascar"}]


def test_an_end_user_with_no_licence_before_is_no_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text("Marlow Cyber SA met the ministry on Monday. The end user was the National Police "
                                 "of Madagascar.")
    assert [s for s in supplies(ext) if s.roles.get("supplier") and s.roles.get("recipient")] == []


# --- the buyer named again by a description

def test_the_sheriffs_office_named_again_in_a_later_paragraph(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Spokane County Sheriff's Office has had the technology to hack into phones.\n\n"
                                 "According to records, the sheriff's office bought the software from Quenby "
                                 "Forensics in April 2019.")
    assert _one_sale(ext) == ({"Quenby Forensics"}, {"Spokane County Sheriff's Office"})


def test_the_sheriffs_office_named_again_in_the_same_paragraph(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Spokane County Sheriff's Office has had the technology for a year. In 2019 the "
                                 "sheriff's office bought the software from Quenby Forensics.")
    assert _one_sale(ext) == ({"Quenby Forensics"}, {"Spokane County Sheriff's Office"})


def test_a_description_that_fits_no_body_before_is_dropped(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Ministry of Interior of Kenya has had the technology for a year.\n\n"
                                 "The sheriff's office bought the software from Quenby Forensics.")
    assert [s for s in supplies(ext) if "Ministry of Interior of Kenya" in names(s.roles.get("recipient"))] == []


def test_the_sheriffs_office_buying_the_software_it_had_is_a_purchase(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Spokane County Sheriff's Office has had the technology to hack into phones.\n\n"
                                 "According to records obtained by The Daily Example, the sheriff's office bought the "
                                 "$18,000 software in April 2019.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Spokane County Sheriff's Office"}
    assert not sale.roles.get("supplier") and sale.confidence <= 0.5


def test_the_ministry_signing_a_contract_with_a_firm_is_an_unnamed_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("Brig Ahmed al-Example said that the ministry signed a contract with Zolara Systems "
                                 "for developing systems.")
    assert _one_sale(ext) == ({"Zolara Systems"}, {"ministry"})


def test_a_firm_repeating_a_contract_won_from_the_army(extractor: Extractor) -> None:
    ext = extractor.extract_text("Mumbai-based drone manufacturer Zolara Systems won a repeat contract last year from "
                                 "the Army to supply 200 of its drones.")
    assert _one_sale(ext) == ({"Zolara Systems"}, {"Army"})


def test_an_agreement_between_a_body_and_a_firm_approved_by_a_council(extractor: Extractor) -> None:
    ext = extractor.extract_text("The council approved an agreement between the Pueblo Police Department and Zolara "
                                 "Systems, Inc. to provide gunshot detection services.")
    assert _one_sale(ext) == ({"Zolara Systems, Inc."}, {"Pueblo Police Department"})


def test_a_project_awarded_to_a_firm_after_its_purpose(extractor: Extractor) -> None:
    ext = extractor.extract_text("In June 2021, the government had awarded the Tk 152.56 crore project to install "
                                 "1,460 CCTV cameras on this highway to Chattogram based Zolara Group.")
    assert _one_sale(ext) == ({"Zolara Group"}, {"government"})


def test_a_project_awarded_to_a_firm_by_a_named_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Kenya Police Service awarded the project to Zolara Systems in 2020.")
    assert _one_sale(ext) == ({"Zolara Systems"}, {"Kenya Police Service"})


def test_a_project_awarded_by_a_firm_is_no_supply_to_a_state(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Forensics awarded the project to Zolara Systems in 2020.")
    assert supplies(ext) == []
