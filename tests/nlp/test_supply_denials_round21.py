"""Supply events of issue 13, round 21: one fact per pair of parties, with every sentence that tells it as evidence.
"Korvane Analytics" and the states "Ruritania" and "Freedonia" are fictional; the sentences are written for these
tests (no sentence of a probe or of the development set)."""

from __future__ import annotations

from nlp.components.supply_precision import refine_supplies
from nlp.extract import Extractor
from ontology.records import EventMention
from tests.nlp.readings import names, supplies

FIRM = "Korvane Analytics"


# --------------------------------------------------------------------------- kind 1: one pair read again
def test_one_pair_read_with_other_goods_is_one_event_with_both_sentences(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, sold its Nightjar suite to the Ruritanian Interior Ministry. "
            f"The Ruritanian Interior Ministry then bought a data extraction kit from {FIRM}.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert names(sale.roles.get("recipient")) == {"Ruritanian Interior Ministry"}
    second = text.index("The Ruritanian")
    assert [sale.start, *[s for s, _ in sale.evidence]] == [0, second]
    assert text[sale.evidence[0][0]:sale.evidence[0][1]].startswith("The Ruritanian")


def test_one_pair_in_two_years_is_one_event_with_both_dates(extractor: Extractor) -> None:
    text = (f"{FIRM} sold spyware to the Ruritanian police in 2019. "
            f"In 2021 {FIRM} sold spyware to the Ruritanian police.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("date")) == {"2019", "2021"}
    assert len(sale.evidence) == 1


def test_a_body_named_with_and_without_its_qualifier_is_one_buyer(extractor: Extractor) -> None:
    text = (f"{FIRM}, a fictional firm, sold phone-cracking kits to the Ruritanian federal police in 2020. "
            f"The Ruritanian police have bought more technology from {FIRM} since.")
    [sale] = supplies(extractor.extract_text(text))
    assert names(sale.roles.get("supplier")) == {FIRM}
    assert len(sale.evidence) == 1


def _supply(roles: dict[str, str | list[str]], start: int, confidence: float, negated: bool = False) -> EventMention:
    return EventMention(type="supply", roles=roles, sentence="(a sentence)", start=start, end=start + 12,
                        confidence=confidence, negated=negated)


def test_a_state_by_its_code_and_by_a_body_named_after_it_is_one_buyer() -> None:
    # records built by hand (no text): the fictional firm's one sale read once with the state's code and once with
    # a three-word body of that state; a body of another state stays apart
    coded = _supply({"supplier": FIRM, "recipient": "PE"}, 0, 0.7)
    body = _supply({"supplier": FIRM, "recipient": "Peruvian national police", "product": "kits"}, 40, 0.5)
    other = _supply({"supplier": FIRM, "recipient": "Chilean national police"}, 80, 0.5)
    [sale, apart] = refine_supplies([coded, body, other])
    assert sale.start == 0 and sale.evidence == [[40, 52]] and sale.roles.get("product") == "kits"
    assert apart == other


def test_two_buyers_stay_two_sales_and_a_denial_stays_apart_from_a_sale() -> None:
    sold = _supply({"supplier": FIRM, "recipient": "Ruritanian police"}, 0, 0.7)
    other = _supply({"supplier": FIRM, "recipient": "Freedonian army"}, 40, 0.7)
    denied = _supply({"supplier": FIRM, "recipient": "Ruritanian police"}, 80, 0.7, negated=True)
    assert refine_supplies([sold, other, denied]) == [sold, other, denied]
