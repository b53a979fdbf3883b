"""Supply statements that are not sales (issue 13, round 22): a question, a count of states, the goods' own names
and a seller's country read as the buyer. "Korvane Analytics" and its tools "Nightjar", "Owlet" and "Kestrel" are
fictional, as are the states "Ruritania" and "Freedonia"; the sentences are written for these tests (no sentence of a
probe or of the development set). Each kind has a plain sale beside it that stays as it was."""

from __future__ import annotations

from nlp.components.supply_precision import counted_states, named_in_goods_list, refine_supplies
from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"  # fictional


# --------------------------------------------------------------------------- kind 2: a question is no sale
def test_asked_if_a_body_bought_is_a_question_not_a_sale(extractor: Extractor) -> None:
    text = (f"A lawmaker asked the minister if the Ruritanian Interior Ministry had bought any spyware from {FIRM}, "
            "a fictional firm.")
    assert supplies(extractor.extract_text(text)) == []


def test_unclear_if_the_police_bought_is_a_question_not_a_sale(extractor: Extractor) -> None:
    text = f"It is unclear if the Ruritanian police bought the Nightjar tool from {FIRM}, a fictional firm."
    assert supplies(extractor.extract_text(text)) == []


def test_a_conditional_if_stays_a_hedged_sale(extractor: Extractor) -> None:
    text = f"If the Ruritanian police bought spyware from {FIRM}, a fictional firm, the deal broke the law."
    [sale] = supplies(extractor.extract_text(text))
    assert sale.hedged and names(sale.roles.get("supplier")) == {FIRM}


def test_whether_questions_stay_as_before(extractor: Extractor) -> None:
    text = f"Reporters asked whether the Ruritanian police bought spyware from {FIRM}, a fictional firm."
    assert supplies(extractor.extract_text(text)) == []


def test_a_bare_infinitive_naming_a_task_is_no_sale(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, made the undercover reporter an offer. To supply the governments of Freedonia "
            "and Iran with interception gear that can read private messages.")
    assert supplies(extractor.extract_text(text)) == []


def test_an_agreement_to_supply_stays_a_supply(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, agreed to supply the Iranian police with interception gear."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("recipient")) == {"Iranian police"}


# --------------------------------------------------------------------------- kind 3: no party from a count of states
def test_a_count_of_states_is_no_buyer(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, sold interception gear to several Arab states in 2019."
    assert supplies(extractor.extract_text(text)) == []


def test_counts_of_states_and_named_buyers() -> None:
    assert counted_states("17 countries") and counted_states("several Arab states")
    assert counted_states("dozens of nations") and counted_states("many African countries")
    assert counted_states("many governments") and not counted_states("governments")  # a vendor's market stays
    assert not counted_states("23 police departments")  # counted buyers the gold keeps
    assert not counted_states("over 100 law enforcement agencies")
    assert not counted_states("18 out of 65 countries analyzed")
    assert not counted_states("the Gulf states") and not counted_states("countries")


def test_a_plain_sale_to_a_named_state_stays(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, sold spyware to the Ruritanian police in 2019."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("recipient")) == {"Ruritanian police"}


# --------------------------------------------------------------------------- kind 3: the goods' names are no buyers
def test_names_of_the_goods_in_brackets_are_no_buyers(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, has offered two kinds of software (Nightjar, Owlet and Kestrel) to track phones."
    for sale in supplies(extractor.extract_text(text)):
        assert not names(sale.roles.get("recipient")) & {"Nightjar", "Owlet", "Kestrel"}


def _supply(roles: dict[str, str | list[str]], sentence: str) -> EventMention:
    return EventMention(type="supply", roles=roles, sentence=sentence, start=0, end=len(sentence), confidence=0.6)


def test_a_bracketed_list_holding_the_product_names_goods() -> None:
    # a record built by hand: the first tool read as the product, the other two as buyers
    ev = _supply({"supplier": FIRM, "product": "Nightjar", "recipient": ["Owlet", "Kestrel"]},
                 f"{FIRM} has offered three tools (Nightjar, Owlet, and Kestrel) that can locate a phone.")
    assert named_in_goods_list(ev) == ["Owlet", "Kestrel"]
    [kept] = refine_supplies([ev])
    assert "recipient" not in kept.roles and kept.roles["product"] == "Nightjar"


def test_a_bracketed_list_of_buyers_after_a_buyer_noun_stays() -> None:
    ev = _supply({"supplier": FIRM, "product": "Nightjar", "recipient": ["FBI", "DEA"]},
                 f"{FIRM} sold its Nightjar suite to two agencies (the FBI and the DEA).")
    assert named_in_goods_list(ev) == []
    assert names(refine_supplies([ev])[0].roles.get("recipient")) == {"FBI", "DEA"}


# --------------------------------------------------------------------------- kind 4: a firm's promotion is no sale
def test_a_firm_marketing_itself_in_a_country_sells_nothing_there(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, moved its headquarters to the US and began marketing itself in Russia."
    assert supplies(extractor.extract_text(text)) == []


def test_a_firm_marketing_its_tool_to_a_buyer_stays_a_supply(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, began marketing its Nightjar tool to police in Russia."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}


# --------------------------------------------------------------------------- kind 4: direction of an import
def test_a_country_an_agent_imported_from_is_the_seller(extractor: Extractor) -> None:
    text = "The spyware in the scandal was imported by the Ruritanian secret police from Israel via a broker."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {"IL"}
    assert "IL" not in names(sale.roles.get("recipient"))


def test_a_passive_purchase_from_a_firm_keeps_its_seller(extractor: Extractor) -> None:
    text = f"The Nightjar tool was bought by the Ruritanian police from {FIRM}, a fictional firm, in 2019."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert FIRM not in names(sale.roles.get("recipient"))
