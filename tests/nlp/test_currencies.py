"""Currencies as English text writes them (nlp/currencies.py): amounts, prices, currency words and the state whose
own currency a text names. Facts come from CLDR (babel), ISO 4217 and ISO 3166 (pycountry) and the press
abbreviation table; these tests pin the behaviour the extractor's rules rely on."""

from __future__ import annotations

import pytest

from nlp.currencies import (
    amount_pattern,
    codes,
    is_currency_name,
    is_currency_word,
    issuing_state,
    priced_pattern,
    signs,
    states_of_currencies,
)


def test_codes_are_the_currencies_in_use_today() -> None:
    assert {"USD", "EUR", "PKR", "BDT", "KES", "XOF"} <= codes()
    assert "DEM" not in codes()  # the Deutsche Mark is history


@pytest.mark.parametrize("sign", ["$", "US$", "€", "£", "₹", "Rs", "Ksh", "Tk", "Sh"])
def test_signs_come_from_cldr_and_the_press_table(sign: str) -> None:
    assert sign in signs()


@pytest.mark.parametrize("text", ["$2 million", "USD 210", "Sh1.5 billion", "30%", "Rs. 949 crore", "€ 3.5 bn", "12"])
def test_an_amount_alone_is_an_amount(text: str) -> None:
    assert amount_pattern().fullmatch(text)


@pytest.mark.parametrize("text", ["Nightjar", "a Sh2 billion surveillance system", "G2 cameras", "SPY 300 Pro"])
def test_goods_with_a_number_or_a_price_are_not_an_amount(text: str) -> None:
    assert amount_pattern().fullmatch(text) is None


@pytest.mark.parametrize("text", ["USD210", "Tk 4.5", "Rs. 949", "NGN 40"])
def test_a_price_is_a_currency_then_a_number(text: str) -> None:
    assert priced_pattern().fullmatch(text)


def test_a_price_needs_its_currency() -> None:
    assert priced_pattern().fullmatch("Model 949") is None


@pytest.mark.parametrize("word", ["PKR", "Tk", "Tk.", "Rs.", "US$", "rupees", "taka", "dollars", "roubles"])
def test_currency_words(word: str) -> None:
    assert is_currency_word(word)


@pytest.mark.parametrize("word", ["Real", "Rand", "Mark", "pkr", "Acme", "and"])
def test_capitalised_names_and_lower_case_codes_are_no_currency_word(word: str) -> None:
    assert not is_currency_word(word)


def test_currency_names_in_any_case() -> None:
    assert is_currency_name("Euros") and is_currency_name("US dollars") and not is_currency_name("Europol")


@pytest.mark.parametrize(("code", "state"), [("PKR", "PK"), ("BDT", "BD"), ("INR", "IN"), ("EUR", None), ("XOF", None)])
def test_the_issuing_state_is_the_one_whose_numeric_code_the_currency_carries(code: str, state: str | None) -> None:
    assert issuing_state(code) == state


@pytest.mark.parametrize(("text", "states"), [
    ("a budget allocation of 35 million PKR", {"PK"}),
    ("a deal worth Tk 40 crore", {"BD"}),
    ("priced in Indian rupees", {"IN"}),
    ("paid in Pakistani rupees", {"PK"}),
    ("a contract of 5 crore taka", {"BD"}),
    ("₹ 12 lakh", {"IN"}),
])
def test_a_currency_one_state_issues_names_that_state(text: str, states: set[str]) -> None:
    assert states_of_currencies(text) == states


@pytest.mark.parametrize("text", [
    "a deal worth Rs 949 crore",  # the rupee of four states
    "$4 million",  # many dollars
    "EUR 3 million",  # a union's currency
    "real-time tracking for a sum of money",  # "real" and "sum" are words before they are currencies
    "the Real Madrid stadium",
])
def test_a_shared_currency_or_a_common_word_names_no_state(text: str) -> None:
    assert states_of_currencies(text) == frozenset()
