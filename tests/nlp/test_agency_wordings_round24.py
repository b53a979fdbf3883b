"""Government bodies written in wordings the earlier rules missed on unseen news (issue 13, round 24, brief
agency28: nlp/components/agency_wordings.py with nlp/data/agency_wordings.txt). Read on the missed agencies of the
tuning halves of the dev set and the round's probes (European, Middle-East and Latin-American news) and on real
passages found through search (Mexican and Russian bodies named with their own acronyms, leaders' governments
described by the press). Firms and leaders here are fictional; the sentences are written for these tests."""

from __future__ import annotations

from nlp.extract import Extractor
from ontology.records import DocumentExtraction, EntityMention


def _agencies(ext: DocumentExtraction) -> list[EntityMention]:
    return [e for e in ext.entities if e.label == "GOV_AGENCY"]


def _agency_texts(ext: DocumentExtraction) -> list[str]:
    return [e.text for e in _agencies(ext)]


def test_a_leaders_government_described_between_possessive_and_head(extractor: Extractor) -> None:
    ext = extractor.extract_text("Prime Minister Dravo Kellin's hardline government, which has curbed the press, "
                                 "denied the claims.")
    assert "Dravo Kellin's hardline government" in _agency_texts(ext)
    assert any(e.label == "PERSON" and e.text == "Dravo Kellin" for e in ext.entities)


def test_a_fallen_regime_named_after_its_leader(extractor: Extractor) -> None:
    ext = extractor.extract_text("Velmora Systems confirmed it had helped Tavish's now fallen regime of spying on "
                                 "its opponents.")
    assert "Tavish's now fallen regime" in _agency_texts(ext)


def test_a_regime_described_by_a_noun_of_its_field_is_no_leaders_government(extractor: Extractor) -> None:
    """A guard of the leader rule: a field noun ("censorship") describes a system, no state acting."""
    ext = extractor.extract_text("Calder's censorship regime relies on filters from Brenlow Networks.")
    assert not _agencies(ext)


def test_a_countrys_judiciary_acting(extractor: Extractor) -> None:
    ext = extractor.extract_text("The French judiciary yesterday accused local company Brenlow Technologies of "
                                 "complicity in torture.")
    [body] = _agencies(ext)
    assert (body.text, body.country) == ("French judiciary", "FR")


def test_govt_in_a_headline_is_the_government(extractor: Extractor) -> None:
    ext = extractor.extract_text("Nigerian govt spent $2.7 billion on surveillance tools from Kestrel Analytics.")
    [body] = _agencies(ext)
    assert (body.text, body.country) == ("Nigerian govt", "NG")


def test_the_name_runs_on_over_of_the_republic_to_its_acronym(extractor: Extractor) -> None:
    ext = extractor.extract_text("The contracts were delivered to the General Prosecutor of the Republic (FGR) for "
                                 "investigation. The FGR announced an inquest into Norvale Labs.")
    assert _agency_texts(ext) == ["General Prosecutor of the Republic", "FGR", "FGR"]


def test_a_countrys_code_in_brackets_is_no_acronym_of_the_body(extractor: Extractor) -> None:
    """A guard of the acronym rule: a country's code in brackets stays the country."""
    ext = extractor.extract_text("The Ministry of Interior (UAE) signed a deal with Kestrel Analytics.")
    assert not any(e.label == "GOV_AGENCY" and e.text == "UAE" for e in ext.entities)
