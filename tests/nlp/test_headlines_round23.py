"""Issue 13, round 23: a title-case headline is read in sentence case (nlp/headline_case.py).

News passages open on a headline in title case; spaCy took its capitalised verbs and nouns for names ("Velmora
Technologies Sells" as one ORG). The headline is parsed as a sentence-case headline would write it, keeping the
capitals of names the body writes capitalised, acronyms, countries and firm names; entities and event roles are
reported with the headline's own characters. Fictional names throughout.
"""

from __future__ import annotations

from nlp.extract import Extractor
from nlp.headline_case import sentence_case_headline


def _headline_entities(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    result = extractor.extract_text(text)
    end = text.index("\n")
    return {(e.text, e.label) for e in result.entities if e.end <= end}


def test_firm_sells_goods_to_police_headline_is_a_supply_with_the_firm_as_written(extractor: Extractor) -> None:
    text = ("Velmora Technologies Sells Facial Recognition Cameras To Kestrel County Police\n"
            "The cameras will be installed in the city centre next year, officials said on Monday.")
    result = extractor.extract_text(text)
    assert ("Velmora Technologies", "ORG") in {(e.text, e.label) for e in result.entities}
    supplies = [e.roles for e in result.events if e.type == "supply"]
    assert any(r.get("supplier") == "Velmora Technologies" and r.get("recipient") == "Kestrel County Police"
               for r in supplies)


def test_spyware_targets_journalist_headline_finds_product_and_victims(extractor: Extractor) -> None:
    text = ("Quobrix Spyware Targets Ruritanian Journalist\nA forensic report found that the phone of a reporter "
            "had been infected with Quobrix, a spyware tool sold to governments.")
    found = _headline_entities(extractor, text)
    assert ("Quobrix", "PRODUCT") in found
    assert any(label == "VICTIM_GROUP" and "Journalist" in name for name, label in found)


def test_firm_named_only_in_the_headline_keeps_its_name(extractor: Extractor) -> None:
    text = ("Key Findings From Norvale Lab\nOur latest report uncovers a hacking campaign against journalists "
            "using spyware sold by Zorvex Ltd.")
    assert ("Norvale Lab", "ORG") in _headline_entities(extractor, text)


def test_buys_cameras_from_firm_headline_reads_the_goods(extractor: Extractor) -> None:
    text = ("Ruritania Buys Facial Recognition Cameras From Zorvex Systems\nThe interior ministry has bought 400 "
            "cameras from Zorvex Systems, a firm based in Shenzhen, officials said on Monday.")
    assert ("Facial Recognition Cameras", "CAPABILITY") in _headline_entities(extractor, text)


def test_headline_words_keep_capitals_of_names_acronyms_and_countries() -> None:
    text = ("Featured Story: ICE Defrosts Deal With Moroccan Phone-Hacking Firm Quobrix\n"
            "The agency signed a contract with Quobrix in May, records show.")
    headline = sentence_case_headline(text).split("\n")[0]
    assert headline == "Featured story: ICE defrosts deal with Moroccan phone-hacking firm Quobrix"
    assert len(sentence_case_headline(text)) == len(text)


def test_bylines_capitals_sentences_and_bare_lists_are_left_alone() -> None:
    for text in ("By Jane Doe And John Roe\nThe agency signed a contract with Quobrix in May.",
                 "VELMORA WINS POLICE CONTRACT\nThe agency signed a contract with Quobrix in May.",
                 "Velmora Wins. Police Sign Contract\nThe agency signed a contract with Quobrix in May.",
                 "Velmora Technologies, Zorvex Systems, Quobrix Labs\nNorvale Group"):
        assert sentence_case_headline(text) == text


def test_known_firm_named_only_in_the_headline_keeps_its_capitals(world_extractor: Extractor) -> None:
    text = ("Ruritanian Police Buy Cameras From Northgate Distribution\n"
            "The force said the cameras would be installed in the capital next year.")
    assert ("Northgate Distribution", "ORG") in _headline_entities(world_extractor, text)
