"""Named programmes several firms sell (issue 13 round 16): "Safe City" written as a name is a PRODUCT, as the
development set annotates it ("as part of Huawei's Safe City programme", AIAAIC; "the surveillance project, called
Safe City", Global Voices), with no one maker in the product table; the lower-case "safe city" stays a capability
mention. Sentences are minimal; "Zolara Systems" is fictional."""

from __future__ import annotations

from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer, product_rows


def labels(extractor: Extractor, text: str) -> dict[str, str]:
    return {e.text: e.label for e in extractor.extract_text(text).entities}


def test_safe_city_written_as_a_name_is_a_product(extractor: Extractor) -> None:
    got = labels(extractor, "The system was acquired in 2019 as part of Huawei's Safe City programme.")
    assert got.get("Safe City") == "PRODUCT"
    assert got.get("Huawei") == "ORG"


def test_safe_city_in_lower_case_is_a_capability(extractor: Extractor) -> None:
    assert labels(extractor, "The ministry plans a safe city project with Zolara Systems.").get(
        "safe city") == "CAPABILITY"


def test_a_programme_has_no_maker_and_makes_no_nameless_firm() -> None:
    row = next(r for r in product_rows() if r[0] == "Safe City")
    assert row[1] == "" and row[2] == "surveillance_cameras"
    gaz = Gazetteer.default()
    assert "Safe City" not in gaz.product_vendors
    assert gaz.product_capabilities["Safe City"] == "surveillance_cameras"
    assert not [e for e in gaz.entries if e.label == "ORG" and not e.name.strip()]


def test_the_supply_of_a_programme_names_it_as_the_product(extractor: Extractor) -> None:
    events = extractor.extract_text("Huawei installed its Safe City system in Nairobi in 2015 for the Kenyan "
                                    "government.").events
    supply = [e for e in events if e.type == "supply"]
    assert supply and supply[0].roles.get("supplier") == "Huawei"
    assert supply[0].roles.get("product") == "Safe City"


def test_a_programme_name_opening_a_body_name_is_the_body(extractor: Extractor) -> None:
    got = labels(extractor, "A letter of award was issued to Zolara Systems Ltd by the Safe City Authority.")
    assert got.get("Safe City Authority") == "GOV_AGENCY"
    assert "Safe City" not in got


def test_a_programme_title_stays_a_product_and_a_consortium_stays_an_org(extractor: Extractor) -> None:
    # (the programme's name without its title word, as nlp/devset/real/README.md writes it since round 18)
    got = labels(extractor, "Zolara Systems will implement the Safe City Project under an agreement with the "
                            "government of Tajikistan.")
    assert got.get("Safe City") == "PRODUCT" and "Safe City Project" not in got
    assert labels(extractor, "Citizen Lab and the Pegasus Project partners found infections.").get(
        "Pegasus Project") == "ORG"  # a product of one vendor: "Project" after it names the press consortium


def test_country_names_written_with_their_accents_are_countries(extractor: Extractor) -> None:
    # the spellings come from the countrynames library through ontology.countries.accented_spellings
    got = {e.text: (e.label, e.country) for e in extractor.extract_text(
        "The government of México bought the system; officials in Perú and a Panamá court denied it.").entities}
    assert got.get("Perú", ("",))[0] == "COUNTRY" and got.get("Panamá", ("",))[0] == "COUNTRY"
    assert got.get("government of México") == ("GOV_AGENCY", "MX")
