"""Held-out variants of field case 13 (spaCy issue #2349), in tests/fixtures/field-cases/13-nlp-variants.

Each variant must give the same entities (label and canonical form; the text of each points into the original)
and the same supply event as its clean control sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.extract import Extractor
from ontology.records import DocumentExtraction

FIELD = Path(__file__).resolve().parents[1] / "fixtures" / "field-cases"
VARIANTS = FIELD / "13-nlp-variants"
NSO_CONTROL = (FIELD / "13-nlp-missing-space-after-period" / "control.txt").read_text(encoding="utf-8")
HIK_CONTROL = ("The Commerce Department added the firm to the Entity List in 2019. Hangzhou Hikvision Digital "
               "Technology Co., Ltd. supplied surveillance cameras to the Xinjiang Public Security Bureau.")  # fmt: skip


def _signature(ext: DocumentExtraction) -> tuple[list[tuple[str, str | None]], list[tuple[str, object]]]:
    entities = [(e.label, e.canonical) for e in ext.entities]
    events = [(ev.type, sorted(ev.roles.items())) for ev in ext.events if not ev.negated]
    return entities, events


@pytest.mark.parametrize("name", sorted(p.name for p in VARIANTS.glob("*.txt")))
def test_a_variant_gives_the_entities_and_supply_event_of_its_control(extractor: Extractor, name: str) -> None:
    text = (VARIANTS / name).read_text(encoding="utf-8")
    control = NSO_CONTROL if name.startswith("nso-") else HIK_CONTROL
    got = extractor.extract_text(text)
    assert _signature(got) == _signature(extractor.extract_text(control))
    for e in got.entities:  # offsets point into the original text
        assert text[e.start : e.end] == e.text
    (supply,) = [ev.roles for ev in got.events if ev.type == "supply"]
    assert supply["supplier"] in ("NSO Group", "Hangzhou Hikvision Digital Technology Co., Ltd.")


@pytest.mark.parametrize(
    "text",
    [
        "The report was released in 2021. NSO Group\u2019s Pegasus spyware was sold to the Bahraini Ministry of "
        "Interior in 2017.",
        "The report was released in 2021. NSO Group's Pegasus spyware was sold to the Bahraini Ministry of Interior "
        "in 2017.",
        "The Bahraini Ministry of Interior bought NSO Group's Pegasus spyware in 2017.",
    ],
)
def test_the_owner_of_the_item_is_its_supplier_never_a_recipient_or_a_company_bought(
    extractor: Extractor, text: str
) -> None:
    # the control's facts in the possessive ("NSO Group's Pegasus"): NSO Group was read as a recipient in the
    # passive, and as a company the ministry bought in the active
    events = [(ev.type, ev.roles) for ev in extractor.extract_text(text).events]
    assert [t for t, _ in events] == ["supply"]
    (_, roles) = events[0]
    assert roles["supplier"] == "NSO Group" and roles["recipient"] == "Bahraini Ministry of Interior"
    assert roles["product"] == "Pegasus"


def test_buying_a_company_is_still_an_ownership_change(extractor: Extractor) -> None:
    (ev,) = extractor.extract_text("Novalpina Capital acquired NSO Group in 2019.").events
    assert (ev.type, ev.roles["owner"], ev.roles["owned"]) == ("ownership", "Novalpina Capital", "NSO Group")
