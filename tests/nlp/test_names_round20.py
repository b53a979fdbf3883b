"""Untagged names (issue 13 round 20): one name, one entity per document (nlp/components/repeated_names.py), a name tagged once is
the same party where the tagger left it untagged later, with the guards that keep a wrong guess from spreading.
"Quobrix", "Velmora Systems", "Tarnwick", "QBX" and "Ostrella" are fictional firms or people, and the sentences are
written for these tests; "Hebron", "Ruritania" and the protocol's acronym stand for places and words."""

from __future__ import annotations

from nlp.components.cited_sources import cited_sources
from nlp.components.entities import TYPED_CONFIDENCE
from nlp.components.listed_firms import firms_listed_with_firms
from nlp.components.repeated_names import names_repeated
from nlp.extract import Extractor

Raw = tuple[int, int, str, str, float]


def tagged(text: str, name: str, label: str = "ORG", confidence: float = 0.8, nth: int = 0) -> Raw:
    """The mention of the ``nth`` use of ``name`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return (start, start + len(name), label, name.casefold(), confidence)


def added(text: str, raw: list[Raw]) -> list[tuple[str, str]]:
    return [(text[s:e], lab) for s, e, lab, *_ in names_repeated(text, raw) if (s, e, lab, *_) not in raw]


def test_later_uses_of_a_tagged_firm_name_are_that_firm() -> None:
    text = "Quobrix won the tender in May. The ministry later paid Quobrix twice, and Quobrix built the network."
    assert added(text, [tagged(text, "Quobrix")]) == [("Quobrix", "ORG"), ("Quobrix", "ORG")]


def test_a_name_of_two_words_and_its_label_spread_too() -> None:
    text = "The group Velmora Systems said so. Critics say Velmora Systems sells spyware; Ostrella denied it. Ostrella left."
    raw = [tagged(text, "Velmora Systems"), tagged(text, "Ostrella", "PERSON")]
    assert added(text, raw) == [("Velmora Systems", "ORG"), ("Ostrella", "PERSON")]


def test_the_label_most_uses_carry_wins() -> None:
    text = "Tarnwick sold it. Tarnwick denied it. Reporters asked Tarnwick again, and Tarnwick said no."
    raw = [tagged(text, "Tarnwick"), tagged(text, "Tarnwick", nth=1), tagged(text, "Tarnwick", "PERSON", nth=2)]
    assert added(text, raw) == [("Tarnwick", "ORG")]


def test_a_common_word_tagged_once_does_not_spread() -> None:
    text = "Companies such as Liberty sold phones. Liberty is a value they say they defend."
    assert added(text, [tagged(text, "Liberty")]) == []


def test_a_rare_name_at_a_sentence_start_spreads_but_a_common_word_there_does_not() -> None:
    text = "The report names Quobrix and Lookout. Quobrix denied it. Lookout towers stood nearby."
    raw = [tagged(text, "Quobrix"), tagged(text, "Lookout")]
    assert added(text, raw) == [("Quobrix", "ORG")]


def test_places_and_countries_never_spread() -> None:
    text = "Hebron officials spoke. Cameras went up in Hebron, and Ruritania paid for cameras in Ruritania."
    raw = [tagged(text, "Hebron"), tagged(text, "Ruritania", "GOV_AGENCY")]
    assert names_repeated(text, raw, lambda w: "RU" if w == "Ruritania" else None) == raw


def test_no_use_inside_a_longer_name_a_hyphened_word_or_a_heading() -> None:
    text = ("Quobrix sold it.\nQUOBRIX AND THE STATE\nThe Quobrix Foundation and a Quobrix-made tool; "
            "Pro Quobrix fans too.")
    assert added(text, [tagged(text, "Quobrix")]) == []


def test_an_acronym_a_rule_remapped_does_not_spread_but_one_the_tagger_found_does() -> None:
    text = "The QBX firm sold it. Later QBX sold more."
    assert added(text, [tagged(text, "QBX", confidence=0.7)]) == []
    assert added(text, [tagged(text, "QBX", confidence=TYPED_CONFIDENCE)]) == [("QBX", "ORG")]


def test_the_extractor_tags_every_use_of_a_name_it_tagged_once(extractor: Extractor) -> None:
    text = ("Quobrix Networks, a fictional Ruritanian vendor, sold interception gear to the police. "
            "Officials later paid Quobrix Networks a second time.")
    spans = [(e.text, e.label) for e in extractor.extract_text(text).entities if "Quobrix" in e.text]
    assert spans == [("Quobrix Networks", "ORG"), ("Quobrix Networks", "ORG")]


# ---- firms named in a list beside a firm (nlp/components/listed_firms.py)

def listed(text: str, raw: list[Raw]) -> list[str]:
    return [text[s:e] for s, e, lab, *_ in firms_listed_with_firms(text, raw, lambda w: "RU" if w == "Ruritania" else None)
            if (s, e, lab, *_) not in raw and lab == "ORG"]


def test_brands_between_listed_firms_are_firms() -> None:
    text = "Licences went to Velmora Systems, QuoBrix, Tarnwick and Ostrella Ltd, the fictional exporters."
    raw = [tagged(text, "Velmora Systems"), tagged(text, "Ostrella Ltd")]
    assert listed(text, raw) == ["QuoBrix", "Tarnwick"]


def test_a_list_is_followed_leftwards_from_a_tagged_firm() -> None:
    text = "The fictional vendors eQuob and Velmora Systems sold it."
    assert listed(text, [tagged(text, "Velmora Systems")]) == ["eQuob"]


def test_places_common_words_and_other_kinds_of_mention_end_a_list() -> None:
    text = "Velmora Systems, Ruritania and Hebron signed. Velmora Systems, Quobrix. Additionally, Velmora Systems left."
    assert listed(text, [tagged(text, "Velmora Systems", nth=n) for n in range(3)] + [tagged(text, "Hebron", "COUNTRY")]) \
        == ["Quobrix"]
    text = "Dorin Vaskel, Tarnwick and Velmora Systems met."
    assert listed(text, [tagged(text, "Dorin Vaskel", "PERSON"), tagged(text, "Velmora Systems")]) == ["Tarnwick"]
    text = "They met Velmora Systems, and Police said nothing; a footnote follows Velmora Systems and Quobrix.4"
    assert listed(text, [tagged(text, "Velmora Systems"), tagged(text, "Velmora Systems", nth=1)]) == ["Quobrix"]


# ---- outlets and groups cited as a report's source (nlp/components/cited_sources.py)

def cited(text: str, raw: list[Raw] | None = None) -> list[str]:
    raw = raw or []
    return [text[s:e] for s, e, lab, *_ in cited_sources(text, raw, lambda w: "RU" if w == "Ruritania" else None)
            if (s, e, lab, *_) not in raw and lab == "ORG"]


def test_a_name_in_a_citing_wording_is_an_organisation() -> None:
    text = ("The deal was signed, according to Quobrix. The fictional group Velmo24 reported that it was paid. "
            "Files reviewed by the KestrelWire team show more, an aide told QBX.")
    assert cited(text) == ["Quobrix", "Velmo24", "KestrelWire", "QBX"]


def test_people_places_common_words_and_generic_acronyms_are_not_cited_sources() -> None:
    text = ("The aide told Ruritania so. According to Officials, it was paid. Police reported a theft. "
            "He told NGO staff. Dorin Vaskel spoke; the aide told Vaskel.")
    assert cited(text, [tagged(text, "Dorin Vaskel", "PERSON")]) == []


def test_a_name_already_tagged_is_left_as_it_is() -> None:
    text = "The deal was signed, according to Quobrix."
    raw = [tagged(text, "Quobrix", "PERSON")]
    assert cited_sources(text, raw) == raw
