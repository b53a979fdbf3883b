"""Supply statements that are not sales (issue 13, round 22): a count of states is no buyer. "Korvane Analytics" is
fictional, as is the state "Ruritania"; the sentences are written for these tests (no sentence of a probe or of the
development set). A plain sale to a named buyer stays as it was."""

from __future__ import annotations

from nlp.components.supply_precision import class_of_states, counted_states, refine_supplies
from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"  # fictional


def test_a_sale_to_a_count_of_states_tells_no_sale(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, sold interception gear to several Arab states in 2019."
    assert supplies(extractor.extract_text(text)) == []


def test_counts_of_states_and_named_buyers() -> None:
    assert counted_states("several Arab states")
    assert counted_states("dozens of nations") and counted_states("many African countries")
    assert counted_states("many governments")
    assert not counted_states("governments") and not counted_states("foreign governments")  # a vendor's market stays
    assert not counted_states("23 police departments")  # counted buyers the gold keeps
    assert not counted_states("over 100 law enforcement agencies")
    assert not counted_states("18 out of 65 countries analyzed") and not counted_states("45 countries")
    assert not counted_states("the Gulf states") and not counted_states("countries")
    assert class_of_states("several countries") and not class_of_states("12 governments")


def _supply(roles: dict[str, str | list[str]], negated: bool = False) -> EventMention:
    return EventMention(type="supply", roles=roles, sentence="(a sentence)", start=0, end=12, confidence=0.6,
                        negated=negated)


def test_a_counted_buyer_drops_the_sale_but_a_named_one_beside_it_keeps_it() -> None:
    # records built by hand: the fictional firm's sale to "many governments" alone tells no sale; with a named buyer
    # beside the count, the sale to that buyer stays; a denial to a count of states stays the vendor's statement
    goods = {"supplier": FIRM, "capability": "spyware"}
    assert refine_supplies([_supply(goods | {"recipient": "many governments"})]) == []
    [kept] = refine_supplies([_supply(goods | {"recipient": ["many governments", "Ruritanian police"]})])
    assert "Ruritanian police" in names(kept.roles.get("recipient"))
    [denial] = refine_supplies([_supply(goods | {"recipient": "many governments"}, negated=True)])
    assert denial.negated


def test_a_plain_sale_to_a_named_state_body_stays(extractor: Extractor) -> None:
    text = f"{FIRM}, a fictional firm, sold spyware to the Ruritanian police in 2019."
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"Ruritanian police"}
