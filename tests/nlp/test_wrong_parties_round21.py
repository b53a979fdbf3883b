"""Supply events must not name the wrong party: a state as the buyer of a private or non-state buyer's goods, a
seller of one sale put on another told after it, two firms of two sentences as sellers of one sale, a common English
word as a known firm (issue 13 round 21, brief
resolve24; found by round 20's newcomer test). "Zorvex", "Quobrix", "Zorvex Ltd", "Zorvex Shield" and "Beacon Red
Labs" are fictional firms; every sentence is written for these tests and says nothing of any real party."""

from __future__ import annotations

from typing import Any

import pytest

from nlp.extract import Extractor


def supplies(extractor: Extractor, text: str) -> list[dict[str, Any]]:
    return [ev.roles for ev in extractor.extract_text(text).events if ev.type == "supply"]


def recipients(roles: dict[str, Any]) -> list[str]:
    value = roles.get("recipient", [])
    return value if isinstance(value, list) else [value]


def sellers(roles: dict[str, Any]) -> list[str]:
    value = roles.get("supplier", [])
    return value if isinstance(value, list) else [value]


# 1. a private buyer said in words: the state of the text is not the buyer


@pytest.mark.parametrize("buyer", ["a supermarket chain", "a private client", "a local bank", "an undisclosed customer"])
def test_a_sale_to_a_private_buyer_in_a_state_is_no_sale_to_that_state(extractor: Extractor, buyer: str) -> None:
    found = supplies(extractor, f"Zorvex, a fictional firm, sold cameras in Estonia to {buyer}.")
    assert found, "the sale is still read, with its seller"
    assert all("EE" not in recipients(r) for r in found)
    assert any("Zorvex" in sellers(r) for r in found)


ABOUT_ESTONIA = "Estonia's police want more cameras. Estonia has few of them. "


@pytest.mark.parametrize("buyer", ["a supermarket chain", "an undisclosed client"])
def test_a_private_buyer_blocks_the_documents_state_too(extractor: Extractor, buyer: str) -> None:
    found = supplies(extractor, ABOUT_ESTONIA + f"Zorvex (a fictional firm) sold 2,000 cameras to {buyer}.")
    assert found
    assert all("EE" not in recipients(r) for r in found)


def test_a_sale_naming_no_buyer_still_gets_the_documents_state(extractor: Extractor) -> None:
    found = supplies(extractor, ABOUT_ESTONIA + "Zorvex (a fictional firm) sold 2,000 cameras.")
    assert any("EE" in recipients(r) for r in found)


def test_a_sale_to_the_police_of_that_state_still_names_the_state(extractor: Extractor) -> None:
    found = supplies(extractor, "Zorvex, a fictional firm, sold cameras in Estonia to the police.")
    assert any("EE" in recipients(r) for r in found)


def test_a_client_not_said_to_be_private_leaves_the_state_inference(extractor: Extractor) -> None:
    found = supplies(extractor, "Zorvex (a fictional firm) supplied spyware in Estonia to a client.")
    assert any("EE" in recipients(r) for r in found)


def test_a_state_body_beside_a_private_buyer_stays_a_buyer(extractor: Extractor) -> None:
    found = supplies(extractor, "Zorvex, a fictional firm, sold cameras in Estonia to a bank and the Estonian police.")
    assert any("Estonian police" in recipients(r) for r in found)


# 2. a non-state armed group as buyer: the group's country is not the buyer


@pytest.mark.parametrize("text", [
    "Zorvex, a fictional firm, sold drones to Syrian rebel forces.",
    "Zorvex, a fictional firm, sold drones to Libyan militias.",
    "Syrian rebels bought drones from Zorvex, a fictional firm.",
])
def test_a_non_state_group_is_not_its_country(extractor: Extractor, text: str) -> None:
    found = supplies(extractor, text)
    assert all(not {"SY", "LY"} & set(recipients(r)) for r in found)


def test_the_army_of_a_state_is_still_that_states_buyer(extractor: Extractor) -> None:
    found = supplies(extractor, "Zorvex, a fictional firm, sold drones to the Syrian army.")
    assert any("Syrian army" in recipients(r) for r in found)


# 3. a later sale told with "also" or "later" is not folded into the sale before it


def test_another_purchase_is_not_a_reading_of_the_deal_before(extractor: Extractor) -> None:
    text = "The Estonian police awarded Zorvex, a fictional firm, a contract for cameras. It also bought drones."
    found = supplies(extractor, text)
    assert all(not ("Zorvex" in sellers(r) and r.get("capability") == "drones") for r in found)
    assert any(r.get("capability") == "drones" and "Estonian police" in recipients(r) for r in found)


def test_a_repeated_reading_of_one_sale_is_still_folded_into_it(extractor: Extractor) -> None:
    text = "Zorvex Systems sold cameras to the Emirati police. The cameras were supplied by Zorvex in 2020."
    assert len(supplies(extractor, text)) == 1


# 4. a legal form's full stop that ends a sentence: the next sentence's firm is its own seller


def test_a_firm_after_a_legal_forms_stop_opens_a_new_sentence(extractor: Extractor) -> None:
    found = supplies(extractor, "The tender went to Zorvex Ltd. Quobrix sold cameras to the Estonian police.")
    assert found
    assert all("Zorvex Ltd" not in sellers(r) for r in found)


def test_two_legal_forms_in_a_row_stay_one_name(extractor: Extractor) -> None:
    found = supplies(extractor, "Zorvex Technologies Co. Ltd has installed the cameras in Tallinn.")
    assert any("Zorvex Technologies Co. Ltd" in sellers(r) for r in found)


def test_a_post_after_a_legal_form_stays_in_the_sentence(extractor: Extractor) -> None:
    found = supplies(extractor, "Zorvex Inc. CEO Jane Doe said the firm sold cameras to the Estonian police.")
    assert any(s.startswith("Zorvex") for r in found for s in sellers(r))


# 5. a common English word that opens a sentence is not a firm's short form


def test_a_common_word_opening_a_sentence_is_not_the_firms_short_form(extractor: Extractor) -> None:
    text = "Beacon Red Labs sold tools to the Emirati police. Beacon fires were lit across the hills."
    found = [e for e in extractor.extract_text(text).entities if e.text == "Beacon"]
    assert found == []


def test_a_rare_first_word_is_still_the_firms_short_form(extractor: Extractor) -> None:
    text = "Zorvex Shield sold tools to the Emirati police. Zorvex later sold drones to the army."
    assert any(e.text == "Zorvex" and e.label == "ORG" for e in extractor.extract_text(text).entities)
