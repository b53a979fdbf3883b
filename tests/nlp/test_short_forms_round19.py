"""A firm named in full and later by its first word alone (issue 13 round 19; extract._short_forms_of_firms): the
short form is the same organisation, unless the word is a common English word, a place, or opens a sentence as a
common word may; and a newsroom of nlp/data/observers.tsv that ner takes for a person is an organisation
(extract._observers_are_no_people). "Velmora Labs", "Quillon Safety" and "Hacking Works" are fictional firms,
"Tamsin Oduya" a fictional person, and the sentences are written for these tests."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor, _short_forms_of_firms
from ontology.records import DocumentExtraction


def orgs(ext: DocumentExtraction) -> dict[str, set[str]]:
    """ORG text -> the canonical names it was given."""
    out: dict[str, set[str]] = {}
    for e in ext.entities:
        if e.label == "ORG":
            out.setdefault(e.text, set()).add(e.canonical)
    return out


def test_a_firms_first_word_later_is_the_same_firm(extractor: Extractor) -> None:
    text = ("Velmora Labs, a fictional Ruritanian company, sold its tools to the police. Officials said contracts "
            "with Velmora would end this year.")
    found = orgs(extractor.extract_text(text))
    assert "Velmora" in found and found["Velmora"] == found["Velmora Labs"]


def test_a_short_form_before_the_full_name_is_left_alone(extractor: Extractor) -> None:
    text = "Contracts with Velmora would end, officials said. Velmora Labs is a fictional Ruritanian company."
    found = orgs(extractor.extract_text(text))
    assert "Velmora Labs" in found and found.get("Velmora", set()) != found["Velmora Labs"]


def test_a_common_word_is_no_short_form_at_a_sentence_start(extractor: Extractor) -> None:
    # "Quillon" is rare: its short form counts even at a sentence's start
    text = ("Quillon Safety, a fictional camera vendor, won the tender. Quillon said the cameras work. Hacking "
            "Works, a fictional firm, lost. Hacking is a crime in Ruritania.")
    found = orgs(extractor.extract_text(text))
    assert "Quillon" in found
    assert "Hacking" not in found


@pytest.mark.parametrize("text", [
    "Shenzhen Velmora Technology, a fictional vendor, sells cameras. Factories in Shenzhen make them.",
    "Xinjiang Velmora Systems, a fictional vendor, sells cameras. Camps in Xinjiang use them.",
    "Chinese Velmora Group, a fictional vendor, sells cameras. Chinese buyers like them.",
    "Digital Velmora Group, a fictional vendor, sells cameras. Digital cameras sell well.",
])
def test_a_place_a_demonym_or_a_common_word_is_no_short_form(text: str) -> None:
    name = text.split(",")[0]
    raw = [(0, len(name), "ORG", name.casefold(), 0.75)]
    assert _short_forms_of_firms(text, raw) == raw


def test_the_short_form_takes_the_full_names_canonical_and_a_lower_confidence() -> None:
    text = "Velmora Labs sells cameras. Buyers of Velmora cameras are police forces."
    [_, added] = _short_forms_of_firms(text, [(0, 12, "ORG", "velmora labs", 0.75)])
    assert added == (38, 45, "ORG", "velmora labs", 0.6)


@pytest.mark.parametrize("text", [
    "According to Motherboard, the border police bought the tool.",
    "The documents, obtained by Motherboard, show the deal.",
])
def test_a_newsroom_that_ner_takes_for_a_person_is_an_organisation(extractor: Extractor, text: str) -> None:
    ext = extractor.extract_text(text)
    assert {e.label for e in ext.entities if e.text == "Motherboard"} == {"ORG"}


def test_a_person_whose_name_is_no_observer_stays_a_person(extractor: Extractor) -> None:
    ext = extractor.extract_text("According to Tamsin Oduya, the border police bought the tool.")
    assert {e.label for e in ext.entities if e.text == "Tamsin Oduya"} == {"PERSON"}
