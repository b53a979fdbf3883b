"""Supply shapes a probe of real news passages (Africa, Latin America, the Middle East, Central Asia; issue 13
round 11) found missed, as minimal sentences with fictional firms and real state bodies: a purchase said of the
buyer alone, the goods a relative clause or participle describes, a purchase its buyer approved or made, and firms
a research group found out (the group is not the seller)."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies


def test_a_state_body_acquiring_equipment_that_spies_is_a_purchase_with_its_buyer_alone(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The Defence Intelligence Agency has acquired equipment which can spy on calls and text messages.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Defence Intelligence Agency"} and not sale.roles.get("supplier")
    # equipment that says nothing of surveillance is no supply worth a flag
    assert supplies(extractor.extract_text("The Defence Intelligence Agency has acquired new office furniture.")) == []


def test_named_goods_a_passive_relative_clause_describes_were_bought_by_its_agent(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Journalists were targeted with Pegasus, which had been acquired by the Mexican government.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Mexican government"} and names(sale.roles.get("product")) == {"Pegasus"}
    ext = extractor.extract_text(
        "The case centres on the misuse of the Orvex system, a geolocation tool acquired by the Brazilian government "
        "in 2018.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Brazilian government"}


def test_who_approves_its_own_purchase_buys(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "In October 2020, the Nigerian Army approved the purchase of three surveillance tools from Veltrana Analytics.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Nigerian Army"}
    assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"}
    # a regulator approving a sale is no party of it
    ext = extractor.extract_text("The Ministry of Defence approved the sale of drones by Veltrana Analytics to Kenya.")
    assert all("Ministry of Defence" not in names(s.roles.get("supplier")) | names(s.roles.get("recipient"))
               for s in supplies(ext))


def test_the_group_that_found_the_sellers_out_is_not_one_of_them(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The largest players are Veltrana Analytics and Kessel Optics. Privacy International uncovered that these "
        "companies have supplied monitoring centres to the Kazakh government.")
    [sale] = supplies(ext)
    assert "Privacy International" not in names(sale.roles.get("supplier"))
    assert names(sale.roles.get("supplier")) & {"Veltrana Analytics", "Kessel Optics"}


def test_helping_a_state_to_spy_or_block_supplies_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Veltrana Analytics has been helping Nigeria and 24 other countries to spy on communications of its citizens.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"} and names(sale.roles.get("recipient")) == {"NG"}
    ext = extractor.extract_text(
        "Veltrana Analytics helped the Government of Sri Lanka block websites critical of the government.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Government of Sri Lanka"}
    # help with something else is no supply
    assert supplies(extractor.extract_text("Veltrana Analytics helped the Kenyan government to plan a conference.")) == []


def test_a_memorandum_of_understanding_to_build_a_system_is_a_supply_to_the_signatory(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Veltrana Analytics signed a memorandum of understanding with the Ministry of Interior to build a safe city "
        "system.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"}
    assert names(sale.roles.get("recipient")) == {"Ministry of Interior"}


def test_a_country_after_of_a_firm_is_where_it_is_not_a_second_seller(extractor: Extractor) -> None:
    ext = extractor.extract_text("The army procured Skylark drones from Veltrana Analytics of Israel.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"}


def test_a_state_buying_its_goods_buys_from_the_firm_that_said_so(extractor: Extractor) -> None:
    ext = extractor.extract_text("The company Veltrana Analytics revealed that Panama purchased its spy equipment "
                                 "between 2011 and 2014.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"} and names(sale.roles.get("recipient")) == {"PA"}
    assert not [ev for ev in ext.events if ev.type == "ownership"]  # its goods, not the firm, were bought


def test_a_body_selecting_a_firm_to_provide_is_its_client_whatever_the_parse(extractor: Extractor) -> None:
    # the small model reads the infinitive as an adverbial clause here, not as the object's complement
    ext = extractor.extract_text("Zimbabwe\u2019s Electoral Commission has selected Veltrana Analytics to provide "
                                 "fingerprint readers for the next general election.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"}
    assert names(sale.roles.get("recipient")) == {"Electoral Commission"}


def test_a_gift_is_from_its_giver_and_congratulations_are_no_goods(extractor: Extractor) -> None:
    ext = extractor.extract_text("The drones were a donation from China to the Nepal Police.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"CN"} and names(sale.roles.get("recipient")) == {"Nepal Police"}
    ext = extractor.extract_text("Today we offered congratulations to the Ministry of Public Security.")
    assert supplies(ext) == []


def test_a_quoted_product_name_is_the_goods_not_a_second_seller(extractor: Extractor) -> None:
    # https://www.thebureauinvestigates.com/stories/2011-11-30/was-gaddafi-cyber-spying-on-opponents-in-the-uk
    ext = extractor.extract_text(
        "Amesys, a French company, sold its \u2018Eagle\u2019 online surveillance system to the Libyan government in 2007.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Amesys"} and names(sale.roles.get("product")) == {"Eagle"}
    assert names(sale.roles.get("recipient")) == {"Libyan government"}


def test_who_won_or_signed_a_contract_does_what_it_is_for_however_it_is_parsed(extractor: Extractor) -> None:
    for text in ("Veltrana Analytics won a contract to supply cameras to the Kenyan police.",
                 "Veltrana Analytics secured a tender to install CCTV for the Ugandan government."):
        [sale] = supplies(extractor.extract_text(text))
        assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"}, text
        assert names(sale.roles.get("recipient")) & {"Kenyan police", "Ugandan government"}, text
    # a firm that won contracts to procure goods for a body procures them for it, as its supplier
    ext = extractor.extract_text(
        "A server belonged to PT Radika Karya Utama, a technology company that won at least two contracts to "
        "procure zero-click intrusion systems for the National Police.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"PT Radika Karya Utama"}
    assert names(sale.roles.get("recipient")) == {"National Police"}


def test_a_pronoun_sold_after_a_sentence_on_spy_goods_is_a_sale_to_the_body_named(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The controversial spytech can break into mobile phones within a radius of about half a kilometre. It was "
        "sold to the National Telecommunication Monitoring Center, a department of the home ministry.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"National Telecommunication Monitoring Center"}
    assert supplies(extractor.extract_text("The company makes office chairs. It was sold to the Kenyan government.")) == []


def test_who_funds_a_deal_is_no_side_of_it(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Veltrana Analytics is a recognised supplier of technology to the country's Smart Zambia project, with "
        "funding from the Chinese government.")
    assert all("Chinese government" not in names(s.roles.get("recipient")) for s in supplies(ext))
    ext = extractor.extract_text(
        "Veltrana Analytics supplied cameras to the Kenyan police with a loan from the Export-Import Bank of China.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("recipient")) == {"Kenyan police"}


def test_a_supply_only_sought_or_planned_is_hedged_and_a_principal_gives_through_its_envoy(extractor: Extractor) -> None:
    for text in ("The opposition accused the Kenyan government of attempting to acquire spyware from Veltrana "
                 "Analytics.", "The army plans to purchase drones from Veltrana Analytics."):
        [sale] = supplies(extractor.extract_text(text))
        assert sale.hedged, text
    [sale] = supplies(extractor.extract_text("The army bought drones from Veltrana Analytics to monitor the border."))
    assert not sale.hedged
    ext = extractor.extract_text("The drones were handed over to the Sri Lanka Police by Ambassador Cheng Xueyuan on "
                                 "behalf of the Chinese Government.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Chinese Government"}
    assert names(sale.roles.get("via")) == {"Cheng Xueyuan"}


def test_a_deal_between_a_firm_and_a_state_body_is_a_supply_to_the_body(extractor: Extractor) -> None:
    ext = extractor.extract_text("The contract between Veltrana Analytics and the Ugandan police covers 5,000 cameras.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Veltrana Analytics"}
    assert names(sale.roles.get("recipient")) == {"Ugandan police"}
    # https://itweb.africa/amp/content/WnxpEv4gGxnqV8XL (Kenya, shortened): a firm named after "operator"
    ext = extractor.extract_text(
        "Members of the committee questioned the deal between leading operator Safaricom and government to set up "
        "a national surveillance system.")
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Safaricom"}
    assert supplies(extractor.extract_text("The dispute between Veltrana Analytics and Kessel Optics was settled.")) == []
