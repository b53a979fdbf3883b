"""Supply relations whose party is described in one sentence and named in another (issue 13 items 3 and 7, round
17, brief supply19), one test per kind found in the misses of the round-16 news probe and the dev set's tuning half.
Sentences are written for these tests; every firm (Zentrivo Systems Ltd, Korvath Labs Inc, Zentrix Systems Ltd),
research group and country ("Ruritanian", "Freedonian") in them is fictional."""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import names, supplies

FIRM = "Zentrivo Systems Ltd"
UNNAMED_THEN_NAMED = (
    "A Ruritanian company is selling its monitoring tools to the Freedonian National Police, according to a "
    "report by the Lumen Observatory, a research group. The firm, called Zentrivo Systems Ltd, is one of the largest "
    "camera makers in the region.")


def test_an_unnamed_seller_is_the_firm_the_next_sentence_names(extractor: Extractor) -> None:
    [sale] = supplies(extractor.extract_text(UNNAMED_THEN_NAMED))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"Freedonian National Police"}
    # (the link crosses a sentence: its confidence is capped and the event says why; its sentence is the sale's)
    assert sale.confidence <= 0.6
    assert "next sentence names" in sale.explanation
    assert sale.sentence.startswith("A Ruritanian company is selling")
    assert UNNAMED_THEN_NAMED[sale.start : sale.end] == sale.sentence


def test_whose_report_it_is_never_sells_for_an_unnamed_firm(extractor: Extractor) -> None:
    text = ("A Ruritanian company is selling its monitoring tools to the Freedonian National Police, according "
            "to a report by the Lumen Observatory, a research group. The company sells cameras.")
    ext = extractor.extract_text(text)
    sellers = set().union(*(names(s.roles.get("supplier")) for s in supplies(ext)))
    assert "Lumen Observatory" not in sellers
    # the sale itself is still reported, its seller left unnamed
    assert any(names(s.roles.get("recipient")) == {"Freedonian National Police"} for s in supplies(ext))


def test_a_later_firm_named_for_the_company_is_the_company(extractor: Extractor) -> None:
    text = ("Zentrix Systems Ltd sold cameras to the Freedonian National Police. A Ruritanian company is selling its "
            "monitoring tools to the Freedonian Army. The firm, called Korvath Labs Inc, makes drones.")
    sellers = {frozenset(names(s.roles.get("recipient"))): names(s.roles.get("supplier"))
               for s in supplies(extractor.extract_text(text))}
    assert sellers[frozenset({"Freedonian National Police"})] == {"Zentrix Systems Ltd"}
    assert sellers[frozenset({"Freedonian Army"})] == {"Korvath Labs Inc"}


def test_a_firm_named_in_place_needs_no_next_sentence(extractor: Extractor) -> None:
    text = ("A Ruritanian company, Zentrivo Systems Ltd, is selling its monitoring tools to the Freedonian "
            "National Police.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert sale.confidence > 0.6  # told in one sentence


def test_the_company_after_a_firm_called_by_name_is_that_firm(extractor: Extractor) -> None:
    text = UNNAMED_THEN_NAMED + " The company sells cameras and facial recognition software."
    sales = supplies(extractor.extract_text(text))
    assert {FIRM} in [names(s.roles.get("supplier")) for s in sales]
    assert all("Lumen Observatory" not in names(s.roles.get("supplier")) for s in sales)


def test_a_deal_signed_after_the_main_clause_with_an_unnamed_government(extractor: Extractor) -> None:
    text = ("Zentrix Systems Ltd can now begin installing a citywide camera network after signing a deal with the "
            "government last Monday.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"Zentrix Systems Ltd"}
    assert names(sale.roles.get("recipient")) == {"government"}
    assert not sale.hedged and not sale.negated


def test_a_deal_signed_after_the_main_clause_with_a_named_body(extractor: Extractor) -> None:
    text = ("Zentrix Systems Ltd can now begin installing a citywide camera network after signing a deal with the "
            "Interior Ministry last Monday.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"Zentrix Systems Ltd"}
    assert names(sale.roles.get("recipient")) == {"Interior Ministry"}


def test_goods_and_the_deal_of_one_sentence_are_one_sale(extractor: Extractor) -> None:
    text = "Zentrix Systems Ltd will install cameras after signing a contract with the government."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"Zentrix Systems Ltd"}
    assert names(sale.roles.get("recipient")) == {"government"}
    assert names(sale.roles.get("capability")) == {"surveillance_cameras"}


def test_a_relationship_with_the_government_is_no_deal(extractor: Extractor) -> None:
    text = "Zentrix Systems Ltd said it has no business relationship with the government."
    assert not [s for s in supplies(extractor.extract_text(text)) if s.roles.get("recipient")]


def test_a_contract_after_a_paragraph_whose_subject_is_a_bodys_head(extractor: Extractor) -> None:
    text = ("Before that, the chairman of the State Committee for Information Technology, Arvid Kessel, told "
            "reporters the first site would open within three months.\n\nThe contract with Korvath Labs Inc was "
            "signed on November 12.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"Korvath Labs Inc"}
    assert names(sale.roles.get("recipient")) == {"State Committee for Information Technology"}
    assert sale.confidence <= 0.5  # a party from an earlier paragraph, and the event says so
    assert "earlier paragraph" in sale.explanation
    assert sale.sentence == "The contract with Korvath Labs Inc was signed on November 12."


def test_a_head_of_a_body_who_is_no_subject_leaves_no_buyer(extractor: Extractor) -> None:
    text = ("Reporters met the chairman of the State Committee for Information Technology in May.\n\n"
            "The contract with Korvath Labs Inc was signed on November 12.")
    assert not [s for s in supplies(extractor.extract_text(text)) if s.roles.get("recipient")]


# a fictional firm's benign sale (traffic cameras) to the authorities of a real state, named in other paragraphs
AUTHORITIES = ("Zentrivo Systems Ltd opened an office in {states} in 2020.\n\n"
               "The company provided {buyer} with a traffic camera platform.\n\n"
               "{states} {verb} to extend it to two more cities.")


def test_the_authorities_are_the_state_the_document_is_about(extractor: Extractor) -> None:
    text = AUTHORITIES.format(states="Norway", buyer="the authorities", verb="plans")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"authorities", "NO"}  # the noun kept, the state added
    assert "the state the document is about" in sale.explanation
    assert sale.sentence == "The company provided the authorities with a traffic camera platform."


def test_the_authorities_of_a_text_on_two_states_stay_unnamed(extractor: Extractor) -> None:
    text = AUTHORITIES.format(states="Norway and Chile", buyer="the authorities", verb="plan")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("recipient")) == {"authorities"}


def test_law_enforcement_is_not_read_as_the_state(extractor: Extractor) -> None:
    text = AUTHORITIES.format(states="Norway", buyer="law enforcement", verb="plans")
    assert all("NO" not in names(s.roles.get("recipient")) for s in supplies(extractor.extract_text(text)))


MINISTER = ("In December 2016, the Ministry of Interior and Korvath Labs Inc signed a strategic partnership "
            "deal.\n\nFirst steps\n\nThe Minister of Interior today announced the purchase of cameras, servers "
            "and analytics software from Korvath Labs Inc to manage road traffic.")


def test_a_minister_announcing_a_purchase_buys_for_the_ministry_named_before(extractor: Extractor) -> None:
    # the agreement and the purchase are one supply of the firm to the ministry (round 18: one sale, one event),
    # the purchase's reading named in its explanation with its reason
    ext = extractor.extract_text(MINISTER)
    [sale] = supplies(ext)
    assert names(sale.roles.get("supplier")) == {"Korvath Labs Inc"}
    assert names(sale.roles.get("recipient")) == {"Ministry of Interior"}
    purchase = MINISTER.index("The Minister of Interior")
    assert f"also read at {purchase}-" in sale.explanation
    assert "minister who announced the purchase" in sale.explanation


def test_a_ministers_purchase_with_no_such_ministry_named_has_no_buyer(extractor: Extractor) -> None:
    text = ("The Ministry of Health opened a clinic in 2016.\n\n"
            "The Interior Minister announced the purchase of cameras from Korvath Labs Inc.")
    [sale] = supplies(extractor.extract_text(text))
    assert not sale.roles.get("recipient")  # not the Ministry of Health
    assert "minister" not in sale.explanation


def test_a_firm_examined_for_potential_sales_is_their_hedged_seller(extractor: Extractor) -> None:
    text = ("The regulator is also examining Zentrix Systems Ltd, a rival vendor from Hangzhou, for "
            "potential sales of spying tools to the Freedonian National Police.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"Zentrix Systems Ltd"}
    assert names(sale.roles.get("recipient")) == {"Freedonian National Police"}
    assert sale.hedged  # a possibility under examination, not a sale said as done


def test_a_firm_fined_for_sales_is_their_seller(extractor: Extractor) -> None:
    text = "The regulator fined Zentrix Systems Ltd for sales of surveillance tools to the Freedonian National Police."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"Zentrix Systems Ltd"}
    assert names(sale.roles.get("recipient")) == {"Freedonian National Police"}
    assert not sale.hedged


def test_the_contract_binding_a_firm_is_with_the_body_that_awarded_it(extractor: Extractor) -> None:
    text = ("The Interior Ministry awarded Zentrix Systems Ltd the security upgrade tender in May. The contract "
            "required Zentrix Systems Ltd to install CCTV cameras.")
    [sale] = [s for s in supplies(extractor.extract_text(text)) if s.sentence.startswith("The contract")]
    assert names(sale.roles.get("supplier")) == {"Zentrix Systems Ltd"}
    assert names(sale.roles.get("recipient")) == {"Interior Ministry"}
    assert sale.confidence <= 0.6 and "contract that binds the firm" in sale.explanation


def test_the_contract_binding_a_firm_after_two_bodies_has_no_buyer(extractor: Extractor) -> None:
    text = ("The Interior Ministry and the Freedonian National Police discussed the security upgrade in May. The "
            "contract required Zentrix Systems Ltd to install CCTV cameras.")
    assert not [s for s in supplies(extractor.extract_text(text)) if s.roles.get("recipient")]
