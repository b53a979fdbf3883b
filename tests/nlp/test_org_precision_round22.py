"""ORG/GOV_AGENCY guesses that name no party (issue 13, round 22, brief orgprec25), one test group per kind, in
fictional wording: Zorbex Analytics, Kalvane Optics and Ruritania are invented names (no real company or state).

- pieces of a split name: a body's name with "and" or a comma inside that ner cut in two is one name; two firms
  joined by "and", and a firm name with "and" inside, stay as they were;
- things named by a bracketed acronym: the acronym of a law or an airport is no party, that of a system a product;
  an acronym defined after a body's name stays a party;
- headline and heading words: title-case words of a headline that the body never repeats are no name; a firm the
  body names again, and a firm's name in a list line, stay.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from nlp.components.org_precision import acronyms_of_things, bodies_cut_at_and, heading_words
from nlp.extract import Extractor

KNOWN, NEW = 0.95, 0.8


def _parties(extractor: Extractor, text: str) -> list[str]:
    return [text[e.start : e.end] for e in extractor.extract_text(text).entities if e.label in ("ORG", "GOV_AGENCY")]


def _doc(text: str) -> Doc:
    return spacy.blank("en")(text)


def _span(doc: Doc, words: str, label: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(words, start + 1)
    span = doc.char_span(start, start + len(words), label=label)
    assert span is not None
    return span


def _texts(ents: list[Span]) -> list[tuple[str, str]]:
    return sorted((e.text, e.label_) for e in ents)


# ---------------------------------------------------------------- kind 1: pieces of split names

def test_a_body_name_cut_at_and_is_one_name(extractor: Extractor) -> None:
    parties = _parties(extractor, "Officials of the Cyber Crimes and Fraud Bureau met Ruritanian police on Monday.")
    assert "Cyber Crimes and Fraud Bureau" in parties
    assert "Cyber Crimes" not in parties


def test_a_body_name_cut_at_a_comma_and_at_and_is_one_name() -> None:
    doc = _doc("staff at the Industry, Trade and Labour Ministry said")
    ents = [_span(doc, "Industry", "ORG"), _span(doc, "Trade", "ORG"), _span(doc, "Labour Ministry", "GOV_AGENCY")]
    out = bodies_cut_at_and(doc, ents, {}, KNOWN, NEW)
    assert _texts(out) == [("Industry, Trade and Labour Ministry", "GOV_AGENCY")]
    ents = [_span(doc, "Industry", "ORG"), _span(doc, "Trade and Labour Ministry", "GOV_AGENCY")]  # cut once
    out = bodies_cut_at_and(doc, ents, {}, KNOWN, NEW)
    assert _texts(out) == [("Industry, Trade and Labour Ministry", "GOV_AGENCY")]


def test_a_person_before_a_comma_and_a_body_stays_apart() -> None:
    doc = _doc("Jo Marlow, Bellmore Police Department deputy chief, spoke")  # a fictional officer and town
    ents = [_span(doc, "Jo Marlow", "ORG"), _span(doc, "Bellmore Police Department", "GOV_AGENCY")]
    assert _texts(bodies_cut_at_and(doc, ents, {}, KNOWN, NEW)) == _texts(ents)


def test_names_joined_by_and_without_a_body_head_stay_apart() -> None:
    doc = _doc("Zorbex Analytics and Kalvane Optics sold cameras")  # two firms
    ents = [_span(doc, "Zorbex Analytics", "ORG"), _span(doc, "Kalvane Optics", "ORG")]
    assert _texts(bodies_cut_at_and(doc, ents, {}, KNOWN, NEW)) == _texts(ents)


def test_a_body_after_a_named_body_stays_apart() -> None:
    doc = _doc("the Interior Ministry and Fraud Bureau met")  # the first ends in a head word of its own
    ents = [_span(doc, "Interior Ministry", "GOV_AGENCY"), _span(doc, "Fraud Bureau", "GOV_AGENCY")]
    assert _texts(bodies_cut_at_and(doc, ents, {}, KNOWN, NEW)) == _texts(ents)


def test_a_gazetteer_name_is_never_joined() -> None:
    doc = _doc("Zorbex and Fraud Bureau")
    first = _span(doc, "Zorbex", "ORG")
    ents = [first, _span(doc, "Fraud Bureau", "GOV_AGENCY")]
    conf = {(first.start_char, first.end_char): KNOWN}
    assert _texts(bodies_cut_at_and(doc, ents, conf, KNOWN, NEW)) == _texts(ents)


def test_a_firm_name_with_and_inside_stays_whole(extractor: Extractor) -> None:
    text = "Marrow and Quill Ltd, a fictional firm, sold cameras to the Ruritanian Ministry of Interior."
    assert "Marrow and Quill Ltd" in _parties(extractor, text)


# ---------------------------------------------------------------- kind 3: acronyms of laws, places and systems

ACRONYM_TEXT = ("Zorbex cited its Freedom of Information Act (FOIA) rights. FOIA lets anyone ask. The Bellmore "
                "International Airport (BIA) will get cameras at BIA. The Plate Reading System (PRS) runs. "
                "The Ruritanian Border Agency (RBA) bought PRS.")


def _raw(text: str, *mentions: tuple[str, str, int], known: str = "") -> list[tuple[int, int, str, str, float]]:
    """(start, end, label, canonical, confidence) of the ``nth`` occurrence of each (words, label, nth)."""
    out = []
    for words, label, nth in mentions:
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        out.append((start, start + len(words), label, words.casefold(), KNOWN if words == known else NEW))
    return out


def _named(text: str, raw: list[tuple[int, int, str, str, float]]) -> list[tuple[str, str]]:
    return sorted((text[s:e], label) for s, e, label, *_ in raw)


def test_the_acronym_of_a_law_or_an_airport_is_no_party_and_that_of_a_system_a_product() -> None:
    raw = _raw(ACRONYM_TEXT, ("FOIA", "ORG", 0), ("FOIA", "ORG", 1), ("BIA", "ORG", 1), ("PRS", "ORG", 1),
               ("RBA", "GOV_AGENCY", 0))
    assert _named(ACRONYM_TEXT, acronyms_of_things(ACRONYM_TEXT, raw, KNOWN)) == [("PRS", "PRODUCT"),
                                                                                  ("RBA", "GOV_AGENCY")]


def test_an_acronym_of_a_law_known_to_the_gazetteer_stays() -> None:
    raw = _raw(ACRONYM_TEXT, ("FOIA", "ORG", 1), known="FOIA")
    assert _named(ACRONYM_TEXT, acronyms_of_things(ACRONYM_TEXT, raw, KNOWN)) == [("FOIA", "ORG")]


# ---------------------------------------------------------------- kind 3: headline and heading words

def test_title_case_headline_words_the_body_never_repeats_are_no_name(extractor: Extractor) -> None:
    text = ("Ruritania: Border Cameras Watch Rivals; Foreign Technology Used to Track Opposition Abroad\n\n"
            "(Capital City) - The Ruritanian government uses cameras bought abroad to follow its critics, Zorbex "
            "Analytics said on Monday.")
    parties = _parties(extractor, text)
    assert "Foreign Technology" not in parties
    assert "Zorbex Analytics" in parties


def test_a_headline_name_the_body_repeats_stays() -> None:
    text = "Zorbex Watch Sells Cameras to Ruritania\n\nZorbex Watch, a fictional firm, sold cameras."
    raw = _raw(text, ("Zorbex Watch", "ORG", 0), ("Zorbex Watch", "ORG", 1))
    assert len(heading_words(text, raw, KNOWN)) == 2


def test_a_name_only_in_a_sentence_case_line_stays() -> None:
    text = "Spy Merchants is the book of a fictional reporter. It tells of sales.\n\nNothing else here."
    raw = _raw(text, ("Spy Merchants", "ORG", 0))
    assert len(heading_words(text, raw, KNOWN)) == 1


def test_a_firm_name_in_a_list_line_stays() -> None:
    text = "Firms on the list:\nZorbex Analytics Technologies\nKalvane Optics Ltd\n\nBoth are fictional."
    raw = _raw(text, ("Zorbex Analytics Technologies", "ORG", 0), ("Kalvane Optics Ltd", "ORG", 0))
    assert len(heading_words(text, raw, KNOWN)) == 2


def test_a_name_in_a_line_of_capitals_stays() -> None:
    text = "A RESOLUTION APPROVING AN ORDER WITH ZORBEX VISION FOR CAMERAS"  # a fictional firm
    raw = _raw(text, ("ZORBEX VISION", "ORG", 0))
    assert len(heading_words(text, raw, KNOWN)) == 1


def test_a_dateline_source_in_brackets_stays() -> None:
    text = "BELLMORE (Zorbex Wire) -\nThe fictional town bought cameras."
    raw = _raw(text, ("Zorbex Wire", "ORG", 0))
    assert len(heading_words(text, raw, KNOWN)) == 1


def test_a_headline_name_known_to_the_gazetteer_stays() -> None:
    text = "Zorbex Sells Cameras to Ruritania\n\nThe fictional firm sold cameras."
    raw = _raw(text, ("Zorbex", "ORG", 0), known="Zorbex")
    assert len(heading_words(text, raw, KNOWN)) == 1
