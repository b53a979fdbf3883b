"""Reading text as extracted from PDFs and web pages: repairs keep a map back to the original offsets."""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from nlp.text import prepare


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("released in 2021.NSO Group sold", "released in 2021. NSO Group sold"),
        ("results in March.Semptian sold", "results in March. Semptian sold"),
        ("added by the FBI.The firm", "added by the FBI. The firm"),
        ('he said "no."The firm', 'he said "no." The firm'),
        ("the U.S.Government", "the U.S.Government"),  # initials are not a sentence end
        ("J.P.Morgan paid 3.5 million", "J.P.Morgan paid 3.5 million"),  # initials, decimals
        ("see nso.com and www.NSOGroup.com today", "see nso.com and www.NSOGroup.com today"),  # web addresses
        ("mass surveil-\nlance of", "mass surveillance of"),  # PDF hyphenation joined
        ("a state-\nowned firm", "a state-owned firm"),  # a prefix keeps its hyphen
        ("the Bahraini\nMinistry of Interior", "the Bahraini Ministry of Interior"),  # PDF line wrap
        ("one.\n\nTwo", "one.\n\nTwo"),  # a blank line still ends the paragraph
        ("NSO\u2019s \u201cPegasus\u201d", "NSO's \"Pegasus\""),
        ("the \ufb01rm", "the firm"),
    ],
)
def test_repairs(raw: str, read: str) -> None:
    assert prepare(raw).text == read


def test_offsets_map_back_to_the_original() -> None:
    raw = "In 2021.NSO Group sold surveil-\nlance tools."
    p = prepare(raw)
    for word in ("NSO Group", "surveillance", "tools"):
        i = p.text.index(word)
        start, end = p.span(i, i + len(word))
        assert raw[start:end].replace("-\n", "") == word


def test_pdf_text_gives_entities_at_original_offsets(extractor: Extractor) -> None:
    text = "Amnesty reported that in 2019.Cytrox sold Predator spyware to the Egyptian Ministry\nof Interior."
    ext = extractor.extract_text(text)
    for e in ext.entities:
        assert text[e.start : e.end] == e.text
    agency = next(e for e in ext.entities if e.label == "GOV_AGENCY")
    assert agency.text == "Ministry\nof Interior" and agency.country == "EG"
