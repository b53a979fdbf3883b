"""Every firm of a list that a goods noun ends is a maker of the goods bought, not a firm taken over ("the police
bought Hikvision, Dahua and Uniview cameras"), in either voice (issue 13 round 20; events._listed_before_goods;
found by a newcomer's test). "Zorvex Ltd", "Quobrix" and "Kestrel Analytics" are fictional firms; the sentences are
written for these tests."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor


def _values(v: str | list[str] | None) -> set[str]:
    return set() if not v else {v} if isinstance(v, str) else set(v)


@pytest.mark.parametrize("text", [
    "The Kenyan police bought Zorvex Ltd, Quobrix Systems and Kestrel Analytics cameras last year.",
    "Zorvex Ltd, Quobrix Systems and Kestrel Analytics cameras were bought by the Kenyan police.",
])
def test_each_firm_of_a_list_before_goods_is_a_seller(extractor: Extractor, text: str) -> None:
    events = extractor.extract_text(text).events
    assert not [ev for ev in events if ev.type == "ownership"]
    sellers = set().union(*(_values(ev.roles.get("supplier")) for ev in events if ev.type == "supply"))
    assert {"Zorvex Ltd", "Quobrix Systems"} <= sellers


def test_firms_bought_without_goods_are_still_a_takeover(extractor: Extractor) -> None:
    events = extractor.extract_text("Zorvex Ltd bought Quobrix and Kestrel Analytics in 2020.").events
    owned = set().union(*(_values(ev.roles.get("owned")) for ev in events if ev.type == "ownership"))
    assert owned == {"Quobrix", "Kestrel Analytics"}


@pytest.mark.parametrize("verb", ["bought", "acquired"])
def test_a_firm_bought_by_a_firm_in_the_passive_is_a_takeover(extractor: Extractor, verb: str) -> None:
    events = extractor.extract_text(f"Zorvex Ltd was {verb} by Quobrix Holdings in 2019.").events
    assert [(ev.type, ev.roles.get("owner"), ev.roles.get("owned")) for ev in events] == [
        ("ownership", "Quobrix Holdings", "Zorvex Ltd")]


def test_a_firm_bought_by_a_state_body_names_its_tools(extractor: Extractor) -> None:
    events = extractor.extract_text("Zorvex Ltd was bought by the Kenyan police in 2019.").events
    assert [ev.type for ev in events] == ["supply"]
