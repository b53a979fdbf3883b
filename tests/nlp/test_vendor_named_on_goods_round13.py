"""A firm named on the goods a state body buys sold them; buying the firm or its shares is an ownership change; a
city police department has its city's country where only one country has a city of that name
(issue 13 round 13). Minimal sentences with real US police departments and fictional firms (Zolara Systems,
Vantor Labs) and real vendors named only as makers of the goods, no wrongdoing said of them."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import agencies, names, supplies


def test_a_vendor_named_on_the_device_bought_is_its_supplier(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Tulsa Police Department bought a Cellebrite device in 2016.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Cellebrite"}
    assert names(sale.roles.get("recipient")) == {"Tulsa Police Department"}
    assert not [ev for ev in ext.events if ev.type == "ownership"]


def test_a_vendor_named_on_sensors_bought_is_their_supplier(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Stockton Police Department purchased 20 Zolara Systems sensors.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Zolara Systems"}


def test_buying_the_firm_itself_stays_an_ownership_change(extractor: Extractor) -> None:
    ext = extractor.extract_text("Vantor Labs acquired Zolara Systems in 2019.")
    assert not supplies(ext)
    [deal] = [ev for ev in ext.events if ev.type == "ownership"]
    assert names(deal.roles.get("owned")) == {"Zolara Systems"}


def test_a_city_police_department_has_the_country_of_its_city(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Cape Girardeau Police Department approved the purchase of gunshot sensors.")
    assert agencies(ext) == {"Cape Girardeau Police Department": "US"}


def test_a_city_name_several_countries_share_gives_no_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Hyderabad City Police bought drones in 2021.")
    assert agencies(ext) == {"Hyderabad City Police": None}


def test_a_county_or_an_english_county_force_is_no_city(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Nassau County Police Department and Kent Police bought drones.")
    found = agencies(ext)
    assert found.get("Nassau County Police Department") != "BS"
    assert found.get("Kent Police") != "US"


def test_a_capitalised_armed_service_after_the_is_a_named_agency(extractor: Extractor) -> None:
    ext = extractor.extract_text("Vantor Labs provided the Army with 11 command vehicles on Tuesday.")
    assert "Army" in agencies(ext)
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Army"}


def test_a_lower_case_army_or_a_longer_name_is_no_bare_service(extractor: Extractor) -> None:
    ext = extractor.extract_text("The army bought drones. The Army Headquarters in the capital said so.")
    assert "army" not in agencies(ext) and "Army" not in agencies(ext)


def test_a_short_form_of_a_body_named_in_full_has_its_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Sri Lanka Army bought drones from Vantor Labs. The Army also bought cameras.")
    assert agencies(ext) == {"Sri Lanka Army": "LK", "Army": "LK"}


def test_a_short_form_two_countries_bodies_end_with_keeps_no_country(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Sri Lanka Army and the Indian Army met in March. The Army said so.")
    assert agencies(ext).get("Army") is None


def test_software_used_by_a_body_with_its_maker_after_by_is_a_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Records revealed that Dutch police have used the software by Vantor Labs since 2011.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Vantor Labs"}
    assert names(sale.roles.get("recipient")) == {"Dutch police"}


def test_a_state_using_the_services_of_a_company_called_x_got_them_from_x(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Ethiopia has been using the services of a software security company called Vantor Labs to eavesdrop on "
        "opposition figures.")
    assert any(names(s.roles.get("supplier")) == {"Vantor Labs"} and names(s.roles.get("recipient")) == {"ET"}
               for s in supplies(ext))


def test_services_of_a_firm_no_name_gives_no_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Dutch police used the services of a taxi firm.")
    assert supplies(ext) == []


def test_currencies_amounts_and_terms_of_the_trade_are_no_organisations(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Punjab Police will get drones with a budget of 35 million PKR. The government contributed around Tk 4.5 "
        "crore. Authorities sought approval of the No Objection Certificate (NOC). The drones use vertical takeoff "
        "and landing (VTOL) and Radio Frequency Identification (RFID) tags. The NOC was granted.")
    orgs = {e.text for e in ext.entities if e.label in ("ORG", "GOV_AGENCY")}
    assert orgs == {"Punjab Police"}


def test_bodies_and_firms_with_initials_stay_names(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Rapid Action Battalion (RAB) and the Telecommunications Regulatory Authority (TRA) met Vantor Labs "
        "Systems (VLS).")
    orgs = {e.text for e in ext.entities if e.label in ("ORG", "GOV_AGENCY")}
    assert {"Rapid Action Battalion", "RAB", "Telecommunications Regulatory Authority", "TRA"} <= orgs
