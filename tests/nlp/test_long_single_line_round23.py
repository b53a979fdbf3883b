"""Round 23: a long text on one single line (a crawled page, a PDF text layer) that repeats one sale thousands of
times. Folding each repeated reading into the sale rebuilt and sorted the sale's whole evidence list at every fold
(quadratic in the readings); the evidence is now gathered per sale and written once. Structural checks only."""

from __future__ import annotations

import pytest

from nlp.components import supply_precision
from nlp.components.supply_precision import _merge_same_sales, _merged
from nlp.extract import Extractor
from nlp.text import split_units
from ontology.records import EventMention

_PARAGRAPH = (
    "Veltrana Systems Ltd., a Cyprus-based surveillance firm, sold its Nightjar spyware to the Ruritanian National "
    "Police in 2021, according to documents seen by reporters. The contract, worth 4.2 million euros, was signed by "
    "Marek Dolan, the company's chief executive, and General Ivo Kresh of the police. Researchers at the Citizen Lab "
    "said the tool had been used to hack the phones of journalists and opposition politicians. A spokesperson for "
    "Veltrana Systems denied wrongdoing and said the firm only sells to governments. "
)


def _one_line(chars: int) -> str:
    return (_PARAGRAPH * (chars // len(_PARAGRAPH) + 1))[:chars]


def _sale(start: int, confidence: float, evidence: list[list[int]] | None = None) -> EventMention:
    return EventMention(type="supply", roles={"supplier": "Veltrana Systems Ltd.", "recipient": "Ruritanian Police"},
                        sentence="", start=start, end=start + 100, confidence=confidence, evidence=evidence or [])


def test_units_of_a_long_single_line_are_bounded() -> None:
    text = _one_line(300_000)
    units = list(split_units(text, 10_000))
    assert len(units) >= 30
    assert all(u.end - u.start <= 10_000 for u in units)
    assert all(text[u.end - 1] == "." for u in units[:-1])  # cut at sentence ends


def test_folded_evidence_is_the_same_as_folding_one_by_one() -> None:
    confidences = [0.5, 0.7, 0.6, 0.9, 0.4, 0.9, 0.8]
    readings = [_sale(1000 * i, c, [[1000 * i + 500, 1000 * i + 600]] if i % 3 == 0 else None)
                for i, c in enumerate(confidences)]
    expected = readings[0]
    for ev in readings[1:]:  # the old fold: the evidence rebuilt at each step
        expected = _merged(ev, expected) if ev.confidence > expected.confidence else _merged(expected, ev)
    (folded,) = _merge_same_sales(readings)
    assert folded == expected


def test_evidence_is_written_once_per_sale(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    original = supply_precision._merged

    def counting(base: EventMention, other: EventMention, evidence: bool = True) -> EventMention:
        calls.append(evidence)
        return original(base, other, evidence)

    monkeypatch.setattr(supply_precision, "_merged", counting)
    (folded,) = _merge_same_sales([_sale(1000 * i, 0.5) for i in range(200)])
    assert len(calls) == 199 and not any(calls)  # no fold rebuilds the evidence list
    assert folded.evidence == [[1000 * i, 1000 * i + 100] for i in range(1, 200)]


def test_a_100k_single_line_text_is_extracted(extractor: Extractor) -> None:
    result = extractor.extract_text(_one_line(100_000))
    assert result.error is None
    names = {(e.canonical, e.label) for e in result.entities}
    assert {("veltrana systems", "ORG"), ("ruritanian national police", "GOV_AGENCY"), ("marek dolan", "PERSON"),
            ("CY", "COUNTRY"), ("spyware", "CAPABILITY")} <= names
    sales = [ev for ev in result.events if ev.type == "supply" and not ev.negated]
    assert len(sales) == 1
    assert sales[0].roles["supplier"] == "Veltrana Systems Ltd."
    assert sales[0].roles["recipient"] == "Ruritanian National Police"
    assert len(sales[0].evidence) > 100  # every repeated reading kept as evidence of the one sale
