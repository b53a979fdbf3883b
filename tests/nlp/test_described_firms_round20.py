"""A name followed by ", a/an" and a description is a product only when the description's head noun is a tool's
("a research and analysis platform", "a spyware tool used by ..."), not when a tool noun only qualifies the head
("a spyware maker", "a malware vendor": a firm) (issue 13 round 20; name_repairs.products_described_as_tools).
"Zorvex Labs", "Quillon Systems", "Kestrix" and "Halvern" are fictional, and the sentences are written for these
tests."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from ontology.records import DocumentExtraction


def labels(ext: DocumentExtraction) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in ext.entities:
        out.setdefault(e.text, set()).add(e.label)
    return out


@pytest.mark.parametrize("text, name", [
    ("Zorvex Labs, a spyware maker, sold the tool to the army.", "Zorvex Labs"),
    ("The report said Zorvex Labs, a spyware maker based abroad, had clients in Asia.", "Zorvex Labs"),
    ("Quillon Systems, a malware vendor, declined to comment.", "Quillon Systems"),
])
def test_a_name_described_as_a_maker_of_tools_is_no_product(extractor: Extractor, text: str, name: str) -> None:
    assert "PRODUCT" not in labels(extractor.extract_text(text)).get(name, set())


@pytest.mark.parametrize("text, name", [
    ("The state police chose Kestrix, a research and analysis platform, in 2023.", "Kestrix"),
    ("Researchers found Halvern, a spyware tool used by the army, on the phones.", "Halvern"),
])
def test_a_name_described_as_a_tool_is_a_product(extractor: Extractor, text: str, name: str) -> None:
    assert labels(extractor.extract_text(text)).get(name) == {"PRODUCT"}


def test_a_firm_named_as_a_maker_is_the_seller(extractor: Extractor) -> None:
    ext = extractor.extract_text("Zorvex Labs, a spyware maker, sold the tool to the army.")
    sellers = {ev.roles.get("supplier") for ev in ext.events if ev.type == "supply"}
    assert sellers == {"Zorvex Labs"}
