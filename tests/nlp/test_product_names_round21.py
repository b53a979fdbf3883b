"""Product names typed by the kind of wording around them (issue 13 round 21, branch products24;
nlp/components/product_kinds.py). Every product and firm name here is fictional (Zorbex, Zorbwing, ZorbPawn, Zorb
Pack, Blue Zorb, Zorb Loong, Acme Widgets Ltd, Vantor Labs, Ruritania). Each kind has its negative case: a firm acting as a firm stays ORG, a
party noun stops the rule."""

from __future__ import annotations

from nlp.extract import Extractor


def labels(extractor: Extractor, text: str) -> dict[str, str]:
    return {e.text: e.label for e in extractor.extract_text(text).entities}


def test_a_name_after_a_naming_verb_and_a_product_noun_is_the_product(extractor: Extractor) -> None:
    got = labels(extractor, "The agency tracked phones with a product called Zorbex, sold by Acme Widgets Ltd.")
    assert got.get("Zorbex") == "PRODUCT"
    assert got.get("Acme Widgets Ltd") == "ORG"
    assert labels(extractor, "Known as Zorbwing, this exploitation framework was offered to several buyers.").get(
        "Zorbwing") == "PRODUCT"


def test_a_firm_after_a_naming_verb_and_a_party_noun_stays_a_firm(extractor: Extractor) -> None:
    got = labels(extractor, "The ministry hired a software company called Vantor Labs last year.")
    assert got.get("Vantor Labs") == "ORG"


def test_quoted_names_straight_before_a_product_noun_are_products(extractor: Extractor) -> None:
    got = labels(extractor, "Researchers found the \u201cZorbPawn\u201d malware on the phones.")
    assert got.get("ZorbPawn") == "PRODUCT"
    got = labels(extractor, "Reporters described the \u2018Zorb Pack\u2019 and \u2018Blue Zorb\u2019 systems used at "
                            "checkpoints.")
    assert got.get("Zorb Pack") == "PRODUCT"
    assert got.get("Blue Zorb") == "PRODUCT"


def test_a_quoted_name_before_a_party_noun_is_no_product(extractor: Extractor) -> None:
    got = labels(extractor, "The contract went to the \u201cVantorLabs\u201d software company in March.")
    assert got.get("VantorLabs") != "PRODUCT"


def test_later_mentions_of_a_typed_product_are_the_product(extractor: Extractor) -> None:
    got = {(e.start, e.text): e.label for e in extractor.extract_text(
        "Investigators found the \u201cZorbPawn\u201d malware on two phones. ZorbPawn used a calendar flaw.").entities}
    assert [label for (_, text), label in sorted(got.items()) if text == "ZorbPawn"] == ["PRODUCT", "PRODUCT"]


def test_another_model_of_a_typed_series_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "Ruritania bought two Zorb Loong I drones. The type was superseded by the more capable "
                            "Zorb Loong II, which is larger.")
    assert got.get("Zorb Loong I") == "PRODUCT"
    assert got.get("Zorb Loong II") == "PRODUCT"
