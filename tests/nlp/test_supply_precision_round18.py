"""Wrong supply events of issue 13 round 18 (a false supply is a false red flag), one test per kind, each with the
similar sentence that must still give its supply event: money or a legal object read as the goods, a buyer that is
only a common plural noun, and one sale read twice. "Korvane Analytics" and its "Nightjar" suite are fictional, as
are the states "Ruritania" and "Freedonia"; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from nlp.components.supply_precision import generic_buyer, not_goods, refine_supplies
from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"


@pytest.mark.parametrize(
    ("text", "goods"),
    [
        # a sum of money is what is paid, never what is supplied
        ("Korvane Analytics will provide 22 million US dollars to the Ruritanian Interior Ministry for the project.",
         "Korvane Analytics will provide surveillance cameras to the Ruritanian Interior Ministry for the project."),
        # an inquiry (a letter, a licence, a sentence) is no surveillance supply
        ("The Ruritanian police received an inquiry from Korvane Analytics, a fictional firm.",
         "The Ruritanian police received interception software from Korvane Analytics, a fictional firm."),
    ],
)
def test_money_or_a_legal_object_is_no_goods(extractor: Extractor, text: str, goods: str) -> None:
    assert supplies(extractor.extract_text(text)) == []
    [sale] = supplies(extractor.extract_text(goods))
    assert names(sale.roles.get("supplier")) == {FIRM}


@pytest.mark.parametrize("product", ["22 million US dollars", "30 percent", "$2 million", "a six-year sentence",
                                     "an inquiry", "permission", "control"])
def test_sums_shares_and_legal_objects_are_not_goods(product: str) -> None:
    assert not_goods(product)


@pytest.mark.parametrize("product", ["a Sh2 billion surveillance system", "interception software", "Nightjar",
                                     "the control centre", "a limited licence"])
def test_goods_with_a_price_or_a_control_word_are_goods(product: str) -> None:
    assert not not_goods(product)


def test_a_bare_plural_of_customers_or_countries_is_no_buyer(extractor: Extractor) -> None:
    [sale] = supplies(extractor.extract_text(
        "Korvane's spyware is often sold to countries where dissent is a crime, say researchers."))
    assert "recipient" not in sale.roles  # the seller and the goods stay; "countries" names no party
    assert names(sale.roles.get("supplier")) == {"Korvane"}
    assert sale.roles.get("capability") == "spyware"


@pytest.mark.parametrize("buyer", ["customers", "clients", "countries", "foreign clients"])
def test_generic_buyers(buyer: str) -> None:
    assert generic_buyer(buyer)


@pytest.mark.parametrize("buyer", ["governments", "foreign governments", "Syrian authorities", "23 police departments",
                                   "law enforcement agencies", "Ruritanian police"])
def test_state_buyers_and_counted_or_named_buyers_stay(buyer: str) -> None:
    # the dev set's annotators keep "governments" as the buyer of a sale (nlp/devset/real/README.md)
    assert not generic_buyer(buyer)


def test_state_buyers_stay_on_the_event(extractor: Extractor) -> None:
    [sale] = supplies(extractor.extract_text("Korvane Analytics, a fictional firm, sells its spyware only to governments."))
    assert names(sale.roles.get("recipient")) == {"governments"}


def test_one_sale_in_two_wordings_is_one_event_with_both_sentences(extractor: Extractor) -> None:
    text = ("Korvane Analytics, a fictional firm, sold spyware to the Ruritanian Interior Ministry in 2019. "
            "The Ruritanian Interior Ministry bought the spyware from Korvane Analytics for its police.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"Ruritanian Interior Ministry"}
    assert sale.roles.get("date") == "2019"
    second = text.index("The Ruritanian")
    # the first reading leads (same confidence); the other sentence is named as evidence
    assert (sale.start, text[sale.start : sale.end]) == (0, sale.sentence)
    assert f"also read at {second}-" in sale.explanation


def test_a_one_sided_reading_folds_into_the_sale_it_fits(extractor: Extractor) -> None:
    text = ("Korvane Analytics, a fictional firm, provides a spyware suite called Nightjar. "
            "In 2019 Korvane Analytics sold Nightjar to the Ruritanian Interior Ministry.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("recipient")) == {"Ruritanian Interior Ministry"}
    assert sale.roles.get("product") == "Nightjar"
    assert sale.start == text.index("In 2019")  # the sentence that names both sides is the event's
    assert "also read at 0-" in sale.explanation


@pytest.mark.parametrize(
    "text",
    [
        # (two years to one buyer are one fact with both dates since round 21: test_supply_denials_round21.py)
        # two buyers: two sales
        "Korvane Analytics sold spyware to the Ruritanian police. Korvane Analytics sold spyware to the Freedonian army.",
    ],
)
def test_two_sales_of_one_seller_stay_two(extractor: Extractor, text: str) -> None:
    sales = supplies(extractor.extract_text(text))
    assert len(sales) == 2
    assert all(names(s.roles.get("supplier")) == {FIRM} for s in sales)


def _supply(roles: dict[str, str | list[str]], start: int, confidence: float) -> EventMention:
    return EventMention(type="supply", roles=roles, sentence="(a sentence)", start=start, end=start + 12,
                        confidence=confidence)


def test_a_state_by_its_code_and_by_its_noun_is_one_buyer() -> None:
    # records built by hand (no text): the fictional firm's one sale read once with the state's code, once with
    # "the government"; a sale to another state stays apart
    coded = _supply({"supplier": FIRM, "recipient": "MX", "product": "Nightjar"}, 0, 0.7)
    noun = _supply({"supplier": FIRM, "recipient": "government", "product": "Nightjar"}, 40, 0.45)
    other = _supply({"supplier": FIRM, "recipient": "Peruvian government", "product": "Nightjar"}, 80, 0.45)
    [sale, apart] = refine_supplies([coded, noun, other])
    assert sale.roles["recipient"] == "MX" and sale.start == 0 and "also read at 40-52" in sale.explanation
    assert apart == other
