"""The chain of a sale through an intermediary, maker -> reseller -> end user (issue 13 item 3,
nlp/components/intermediaries.py): the firm that resells or sits between the vendor and the buyer is the ``via`` of
the vendor's supply (nlp/devset/real/README.md), whether it is named after "through", "via", "by way of", in
brackets after the maker, described beside its name ("a distributor of X", "X's local partner"), as the agent
selling another's goods, or by a relative clause ("which resells X's equipment"); a maker named elsewhere in the
unit supplies through it; with no maker named, the intermediary is the supplier and the event says so.

Minimal sentences use fictional firms (Zolara Systems, Quenby Trading: not real companies) and real state bodies;
the last tests read real sentences, quoted short with their source."""

from __future__ import annotations

from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies


def _chain(ext) -> tuple[set[str], set[str], set[str]]:  # type: ignore[no-untyped-def]
    [sale] = supplies(ext)
    return names(sale.roles.get("supplier")), names(sale.roles.get("via")), names(sale.roles.get("recipient"))


def _sale(ext) -> EventMention:  # type: ignore[no-untyped-def]
    [sale] = supplies(ext)
    return sale


# --- the way named after a preposition

def test_through_its_reseller_is_the_way_of_the_vendors_sale(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems sold its interception platform to the Kenyan police through its "
                                 "reseller Quenby Trading.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Kenyan police"})


def test_via_a_firm_is_the_way(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems supplied the spyware to the Ministry of Interior via Quenby Trading.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Ministry of Interior"})


def test_by_way_of_a_firm_is_the_way_not_a_second_seller(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems sold the spyware to the Ministry of Interior by way of Quenby Trading.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Ministry of Interior"})
    assert _sale(ext).rule == "intermediaries" and "by way of" in _sale(ext).explanation


def test_through_in_brackets_after_the_maker(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems (through Quenby Trading) sold spyware to the Uganda Police Force.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})


def test_a_firm_alone_in_brackets_after_the_maker_is_the_way(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems (Quenby Trading) sold spyware to the Uganda Police Force.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})


def test_a_short_form_in_brackets_is_no_intermediary(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems (ZS) sold spyware to the Uganda Police Force.")
    supplier, via, recipient = _chain(ext)
    assert "Zolara Systems" in supplier and not via and recipient == {"Uganda Police Force"}


# --- the intermediary described beside its name

def test_a_distributor_of_the_maker_delivering_makes_the_maker_the_supplier(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Trading, a distributor of Zolara Systems, delivered the cameras to the "
                                 "Uganda Police Force.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})
    assert "distributor" in _sale(ext).explanation


def test_the_makers_local_partner_selling_makes_the_maker_the_supplier(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Trading, Zolara Systems' local partner, sold the cameras to the Uganda "
                                 "Police Force.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})


def test_the_local_agent_of_the_maker_selling_in_a_sentence_parsed_without_a_main_verb(extractor: Extractor) -> None:
    # (the small model reads "sold" as a clause on "agent" and the firm as a buyer)
    ext = extractor.extract_text("Quenby Trading, the local agent of Zolara Systems, sold cameras to the Uganda "
                                 "Police Force.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})


def test_a_subsidiary_that_sells_is_the_seller_not_its_parent(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Trading, a subsidiary of Zolara Systems, sold cameras to the Uganda "
                                 "Police Force.")
    assert _chain(ext) == ({"Quenby Trading"}, set(), {"Uganda Police Force"})


def test_a_partner_of_another_firm_without_a_selling_word_keeps_its_sale(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems, a partner of Microsoft, sold cameras to the Uganda Police Force.")
    assert _chain(ext) == ({"Zolara Systems"}, set(), {"Uganda Police Force"})


def test_a_buyer_buying_from_a_reseller_of_the_maker(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Uganda Police Force bought the spyware from Quenby Trading, a reseller of "
                                 "Zolara Systems.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})


def test_the_makers_products_sold_by_another_firm(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems' products were sold to the Uganda Police Force by Quenby Trading.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})


def test_a_relative_clause_saying_whose_goods_the_firm_resells(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Trading, which resells Zolara Systems' equipment, supplied the cameras to "
                                 "the Uganda Police Force.")
    # one sale: the relative clause is no sale of its own
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})


def test_distributing_products_for_a_maker_makes_the_maker_no_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Trading has been distributing cameras for Zolara Systems since 2001.")
    supplier, via, recipient = _chain(ext)
    assert supplier == {"Zolara Systems"} and via == {"Quenby Trading"} and not recipient


def test_distributing_for_a_state_body_is_still_a_sale_to_it(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Trading distributes cameras for the Kenyan police.")
    assert _chain(ext) == ({"Quenby Trading"}, set(), {"Kenyan police"})


# --- the maker named elsewhere in the unit, or not at all

def test_the_maker_named_in_the_sentence_before_supplies_through_the_distributor(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems makes the Falcon cameras. Quenby Trading, a local distributor, "
                                 "delivered the Falcon cameras to the Uganda Police Force.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})
    sale = _sale(ext)
    assert "maker of the goods" in sale.explanation and sale.confidence <= 0.6


def test_a_maker_participle_on_the_goods_supplies_through_the_reseller(extractor: Extractor) -> None:
    ext = extractor.extract_text("The cameras, made by Zolara Systems, were supplied to the Uganda Police Force by its "
                                 "reseller Quenby Trading.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Uganda Police Force"})


def test_an_intermediary_with_no_maker_named_is_the_supplier_and_says_so(extractor: Extractor) -> None:
    ext = extractor.extract_text("The spyware was sold to the Ministry of Interior via Quenby Trading.")
    assert _chain(ext) == ({"Quenby Trading"}, set(), {"Ministry of Interior"})
    assert "maker is not named" in _sale(ext).explanation


def test_bought_through_a_local_reseller_with_no_maker(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Uganda Police Force bought the cameras through Quenby Trading, a local reseller.")
    assert _chain(ext) == ({"Quenby Trading"}, set(), {"Uganda Police Force"})
    assert "maker is not named" in _sale(ext).explanation


def test_a_local_distributor_as_the_seller_keeps_it_and_says_the_maker_is_unknown(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Trading, a local distributor, delivered cameras to the Uganda Police Force.")
    assert _chain(ext) == ({"Quenby Trading"}, set(), {"Uganda Police Force"})
    assert "maker is not named" in _sale(ext).explanation


def test_through_a_tender_is_no_intermediary(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zolara Systems sold spyware to the Uganda Police Force through a tender.")
    assert _chain(ext) == ({"Zolara Systems"}, set(), {"Uganda Police Force"})
    assert _sale(ext).rule != "intermediaries"


def test_a_buyer_on_whose_behalf_a_firm_procured_is_left_to_the_behalf_rule(extractor: Extractor) -> None:
    ext = extractor.extract_text("Quenby Trading acquired the chips from Zolara Systems on behalf of the Russian "
                                 "government.")
    assert _chain(ext) == ({"Zolara Systems"}, {"Quenby Trading"}, {"Russian government"})
    assert _sale(ext).rule != "intermediaries"


# --- real sentences

def test_real_hikvision_agreement_with_a_distributor_is_no_sale_to_hikvision(extractor: Extractor) -> None:
    # China Daily, 2017-09-10, http://covid-19.chinadaily.com.cn/kindle/2017-09/10/content_31809095.htm
    ext = extractor.extract_text("Hikvision, a Chinese State-owned digital technology company, has signed an agreement "
                                 "with Red Dot Distribution of Tanzania to distribute closed-circuit TV systems and "
                                 "video surveillance technology across the African nation to help boost national "
                                 "security.")
    supplier, via, recipient = _chain(ext)
    assert supplier == {"Hikvision"} and via == {"Red Dot Distribution"} and "Hikvision" not in recipient


def test_real_distributing_products_for_hikvision(extractor: Extractor) -> None:
    # the same page: the Tanzanian distributor
    ext = extractor.extract_text("The Tanzanian company has been distributing products for Hikvision since its "
                                 "inception in 2001.")
    supplier, _via, recipient = _chain(ext)
    assert supplier == {"Hikvision"} and not recipient


def test_real_predator_designed_by_cytrox_sold_by_intellexa_keeps_the_seller(extractor: Extractor) -> None:
    # inCyber, "Predator Files", https://incyber.org/en/article/predator-files-investigation-into-european-spyware/
    ext = extractor.extract_text("Designed by the Hungarian-Macedonian company Cytrox, Predator was sold by "
                                 "Intellexa, a conglomerate of surveillance firms led by a former Mossad agent.")
    supplier, via, recipient = _chain(ext)
    assert supplier == {"Intellexa"} and not via and not recipient
