"""Indexes read once and shared (issue 13 round 17, behaviour-identical clean-ups): the states a document names are
read once per document while ``redflag_entities`` gives its bodies their countries, and left nowhere on the
document after; one index of the gazetteer's firm names; one Zipf threshold for a gazetteer firm's rare word; one
map of products' capabilities by name and alias. Sentences are minimal and made up."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from nlp.components.entities import _STATES_NAMED_KEY
from nlp.components.name_repairs import rare_firm_word
from nlp.extract import Extractor
from nlp.gazetteer import product_capability_hints, product_rows
from redflag.services.loading import _product_capabilities

# made up: Aurora is also a province of the Philippines; the text says Colorado
_AURORA = "The Aurora Police Department in Colorado bought a drone. The Denver Police Department did not."


def test_the_states_a_document_names_leave_no_entry_on_the_document(extractor: Extractor) -> None:
    doc = extractor.nlp(_AURORA)
    assert _STATES_NAMED_KEY not in doc.user_data
    countries = {doc.text[s:e]: code for s, e, code in doc._.redflag_country}
    assert countries.get("Aurora Police Department") == "US"


def test_a_body_read_on_its_own_gets_the_country_the_pipeline_gave_it(extractor: Extractor) -> None:
    doc = extractor.nlp(_AURORA)
    normalizer = extractor.nlp.get_pipe("redflag_entities")
    on_its_own = {e.text: normalizer.agency_country(e) for e in doc.ents if e.label_ == "GOV_AGENCY"}
    in_the_pipeline = {doc.text[s:e]: code for s, e, code in doc._.redflag_country}
    assert on_its_own and on_its_own == in_the_pipeline


def test_one_index_holds_the_gazetteer_firm_names_and_those_joined_by_and(extractor: Extractor) -> None:
    index = extractor.nlp.get_pipe("redflag_entities")._firm_forms()
    assert "Huawei" in index.names  # the rare first word of "Huawei Technologies"
    assert index.joined and all(" and " in name or " & " in name for name in index.joined)
    assert extractor.nlp.get_pipe("redflag_entities")._firm_forms() is index  # built once while no entry is added


@pytest.mark.parametrize(("word", "rare"), [("Huawei", True), ("Hikvision", True), ("Orange", False),
                                            ("Homeland", False)])
def test_a_firm_word_is_rare_below_zipf_three_and_a_half(word: str, rare: bool) -> None:
    assert rare_firm_word(word) is rare


def test_a_product_alias_gives_the_capability_of_its_product() -> None:
    ufed = next(row for row in product_rows() if "UFED" in row[3])
    hints = product_capability_hints()
    assert isinstance(hints, Mapping) and hints["UFED"] == hints[ufed[0]] == ufed[2]
    assert _product_capabilities(["UFED", "Unlisted Suite"], {ufed[2]}) == [ufed[2]]
    assert product_capability_hints() is hints  # read from the table once
    with pytest.raises(TypeError):
        hints["Unlisted Suite"] = "spyware"  # type: ignore[index]  # shared, so read-only
