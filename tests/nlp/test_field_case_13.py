"""Field case 13 (spaCy issue #2349): text from PDFs and web pages loses the space after a full stop.

The inputs are copied from the field case into tests/fixtures/field-cases/13-nlp-missing-space-after-period.
input.txt must give the same entities and events as control.txt; offsets point into the original text.
"""

from __future__ import annotations

from pathlib import Path

from nlp.extract import Extractor
from ontology.records import DocumentExtraction

CASE = Path(__file__).resolve().parents[1] / "fixtures" / "field-cases" / "13-nlp-missing-space-after-period"


def _read(name: str) -> str:
    return (CASE / name).read_text(encoding="utf-8")


def _supplies(ext: DocumentExtraction) -> list[dict[str, object]]:
    return [ev.roles for ev in ext.events if ev.type == "supply" and not ev.negated]


def _names(value: object) -> list[str]:
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def test_glued_full_stop_gives_the_same_entities_and_events_as_the_control(extractor: Extractor) -> None:
    text, control = _read("input.txt"), _read("control.txt")
    got, want = extractor.extract_text(text), extractor.extract_text(control)
    assert [(e.text, e.label, e.canonical) for e in got.entities] == [(e.text, e.label, e.canonical) for e in want.entities]
    assert [(ev.type, ev.roles) for ev in got.events] == [(ev.type, ev.roles) for ev in want.events]
    orgs = [e for e in got.entities if e.label == "ORG"]
    assert [e.text for e in orgs] == ["NSO Group"]  # not "2021.NSO Group"
    for e in got.entities:  # offsets point into the original text
        assert text[e.start : e.end] == e.text
    (supply,) = _supplies(got)
    assert supply["supplier"] == "NSO Group"
    assert supply["product"] == "Pegasus"
    assert _names(supply["recipient"]) == ["Bahraini Ministry of Interior"]  # the adjective is no second party
    (event,) = got.events
    assert text[event.start : event.end] == event.sentence
    assert event.sentence.startswith("NSO Group sold")
    agency = next(e for e in got.entities if e.label == "GOV_AGENCY")
    assert (agency.text, agency.country) == ("Ministry of Interior", "BH")


def test_glued_full_stop_after_a_year_before_a_full_company_name(extractor: Extractor) -> None:
    text = _read("input2.txt")
    ext = extractor.extract_text(text)
    (supply,) = _supplies(ext)
    assert supply["supplier"] == "Hangzhou Hikvision Digital Technology Co., Ltd."
    assert supply["recipient"] == "Xinjiang Public Security Bureau"
    agencies = {e.text: e.country for e in ext.entities if e.label == "GOV_AGENCY"}
    assert agencies == {"Commerce Department": "US", "Xinjiang Public Security Bureau": "CN"}
    for e in ext.entities:
        assert text[e.start : e.end] == e.text


def test_glued_full_stop_after_a_word_still_ends_the_sentence(extractor: Extractor) -> None:
    ext = extractor.extract_text(_read("control2-word-before-stop.txt"))
    (supply,) = _supplies(ext)
    assert supply["supplier"] == "Semptian Technologies"
    assert _names(supply["recipient"]) == ["Egyptian Ministry of Interior"]
