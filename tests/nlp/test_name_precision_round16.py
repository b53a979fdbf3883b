"""Kinds of precision faults earlier rounds left alone (issue 13 round 16), one test per kind. The minimal sentences
are made up and name fictional firms and people (Zentrix Systems, Orvane, Hulio, Tamir, marked so here) with no
wrongdoing said of anyone; real bodies and firms keep their real names, but the facts told of them here are
invented."""

from __future__ import annotations

from pathlib import Path

from nlp.evaluate import GoldText, score
from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer, GazetteerEntry
from nlp.normalize import name_key
from ontology.records import DocumentExtraction, EntityMention
from tests.nlp.conftest import MODEL
from tests.nlp.readings import agencies, labels, names, supplies

# --- 1. a U.S. body's country: its own head noun and the text's states before a place name of another country


def test_a_county_sheriffs_office_is_a_us_body_not_of_a_town_abroad(extractor: Extractor) -> None:
    # made up: "San" is a town of Mali and "San Joaquin" one of Venezuela; a sheriff's office is a U.S. county's
    ext = extractor.extract_text("San Joaquin County Sheriff's Office bought the software last year.")
    assert agencies(ext).get("San Joaquin County Sheriff's Office") == "US"


def test_a_police_department_takes_the_state_the_text_names_over_a_same_named_region_abroad(
        extractor: Extractor) -> None:
    # made up: Aurora is also a province of the Philippines; the text says Colorado
    ext = extractor.extract_text("The Aurora Police Department in Colorado bought a drone.")
    assert agencies(ext).get("Aurora Police Department") == "US"


def test_a_city_police_keeps_its_country_where_the_text_names_no_other_state(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Stockton Police Department bought a drone.")
    assert agencies(ext).get("Stockton Police Department") == "US"


# --- 2. one firm written "X and Y" or "X & Y"


def test_x_and_y_is_one_firm_where_the_text_names_it_with_its_legal_form(extractor: Extractor) -> None:
    # made up of a real engineering firm's name, no wrongdoing said
    ext = extractor.extract_text("Larsen & Toubro Ltd makes drones. Larsen and Toubro supplied drones to the "
                                 "Indian Army.")
    found = labels(ext)
    assert found.get("Larsen and Toubro") == {"ORG"}
    assert "Larsen" not in found and "Toubro" not in found
    keys = {e.canonical for e in ext.entities if e.text in ("Larsen and Toubro", "Larsen & Toubro Ltd")}
    assert len(keys) == 1  # one entity
    assert any("Larsen" in n for ev in supplies(ext) for n in names(ev.roles.get("supplier")))


def test_x_and_y_is_one_firm_where_a_list_names_it() -> None:
    # a run-time name (a loaded list or the graph) written with "&" and a legal form; the text writes "and"
    gaz = Gazetteer.default()
    gaz.add_entries([GazetteerEntry("ORG", "Larsen & Toubro Limited", name_key("Larsen & Toubro Limited"), [])])
    ext = Extractor(MODEL, gaz).extract_text("Larsen and Toubro supplied drones to the Indian Army.")
    assert labels(ext).get("Larsen and Toubro") == {"ORG"}
    assert [names(ev.roles.get("supplier")) for ev in supplies(ext)] == [{"Larsen and Toubro"}]


def test_two_firms_joined_by_and_stay_two(extractor: Extractor) -> None:
    ext = extractor.extract_text("The ministry bought cameras from Hikvision and Dahua.")
    found = labels(ext)
    assert found.get("Hikvision") == {"ORG"} and found.get("Dahua") == {"ORG"}


# --- 3. the sentence's full stop is not part of a firm's legal form


def test_a_contracted_legal_form_at_a_sentence_end_leaves_the_full_stop_out(extractor: Extractor) -> None:
    # Zentrix Systems is fictional
    text = "Zentrix Systems Ltd won the tender. The police signed a contract with Zentrix Systems Ltd."
    ext = extractor.extract_text(text)
    firms = [e for e in ext.entities if e.label == "ORG"]
    assert [e.text for e in firms] == ["Zentrix Systems Ltd", "Zentrix Systems Ltd"]
    assert firms[1].end == len(text) - 1
    assert len({e.canonical for e in firms}) == 1
    assert {n for ev in supplies(ext) for n in names(ev.roles.get("supplier"))} <= {"Zentrix Systems Ltd"}


def test_a_form_cut_short_keeps_its_own_full_stop_at_a_sentence_end(extractor: Extractor) -> None:
    # the real set's gold: "the Canadian company, Netsweeper, Inc. After ..." (a made-up sentence after it)
    ext = extractor.extract_text("The filter was made by the Canadian company Netsweeper, Inc. After that it grew.")
    assert "Netsweeper, Inc." in labels(ext)


def test_a_legal_form_before_a_bracket_keeps_its_full_stop(extractor: Extractor) -> None:
    # Orvane is fictional
    ext = extractor.extract_text("The police bought it from Orvane Pte. Ltd. (Singapore) in 2020.")
    assert "Orvane Pte. Ltd." in labels(ext)


# --- 4. a person quoted by surname alone


def test_a_surname_quoted_alone_is_a_person(extractor: Extractor) -> None:
    # Hulio and Tamir are fictional people
    ext = extractor.extract_text("Hulio said the contract was signed. According to Tamir, it was not.")
    found = labels(ext)
    assert found.get("Hulio") == {"PERSON"}
    assert found.get("Tamir") == {"PERSON"}


def test_a_firm_that_speaks_stays_a_firm(extractor: Extractor) -> None:
    found = labels(extractor.extract_text("Apple said it would comply. Sandvine said it would comply too."))
    assert found.get("Apple") == {"ORG"}
    assert found.get("Sandvine") == {"ORG"}


def test_a_speaker_the_text_names_as_a_firm_stays_a_firm(extractor: Extractor) -> None:
    # Hulio Systems is fictional
    found = labels(extractor.extract_text("Hulio Systems sold drones to the army. Hulio said it complied."))
    assert found.get("Hulio") == {"ORG"}


# --- 6. a contract looked into is no supply to whoever looks into it


def test_a_contract_reviewed_is_no_supply_to_the_reviewer(extractor: Extractor) -> None:
    # Zentrix Systems is fictional
    ext = extractor.extract_text("The National Police hired a lawyer to review the contract with Zentrix Systems.")
    assert supplies(ext) == []


def test_a_contract_signed_is_still_a_supply(extractor: Extractor) -> None:
    ext = extractor.extract_text("The National Police signed a contract with Zentrix Systems.")
    assert [(names(ev.roles.get("supplier")), names(ev.roles.get("recipient"))) for ev in supplies(ext)] == [
        ({"Zentrix Systems"}, {"National Police"})]


def test_the_holder_of_a_contract_examined_is_still_its_buyer(extractor: Extractor) -> None:
    ext = extractor.extract_text("Auditors examined the Interior Ministry's contract with Zentrix Systems.")
    assert [(names(ev.roles.get("supplier")), names(ev.roles.get("recipient"))) for ev in supplies(ext)] == [
        ({"Zentrix Systems"}, {"Interior Ministry"})]


# --- 5. eval-nlp --errors lists a document's errors in a fixed order


def _mention(text: str, start: int, end: int, label: str) -> EntityMention:
    return EntityMention(text=text[start:end], label=label, canonical=text[start:end], start=start, end=end,
                         confidence=0.9)


def test_errors_are_listed_by_document_id_then_offset() -> None:
    text = "Alpha met Beta and Gamma in Delta."
    gold_b = GoldText("b-doc", text, [{"text": "Beta", "label": "PERSON", "start": 10, "end": 14},
                                      {"text": "Delta", "label": "COUNTRY", "start": 28, "end": 33}], [], Path("b-doc.json"))
    gold_a = GoldText("a-doc", text, [{"text": "Gamma", "label": "ORG", "start": 19, "end": 24}], [], Path("a-doc.json"))
    pred_b = DocumentExtraction(document_id="b", document_sha256="", entities=[_mention(text, 28, 33, "ORG"), _mention(text, 0, 5, "ORG")])
    pred_a = DocumentExtraction(document_id="a", document_sha256="", entities=[_mention(text, 0, 5, "PERSON")])
    report = score([gold_b, gold_a], [pred_b, pred_a])
    assert report.errors == [
        "a-doc: spurious PERSON 'Alpha'",
        "a-doc: missed ORG 'Gamma'",
        "b-doc: spurious ORG 'Alpha'",
        "b-doc: missed PERSON 'Beta'",
        "b-doc: missed COUNTRY 'Delta'",
        "b-doc: spurious ORG 'Delta'",
    ]


def test_a_body_joined_by_and_to_a_firm_the_gazetteer_knows_is_two_parties(extractor: Extractor) -> None:
    # https://hiljade.kamera.rs/en/timeline/ (SHARE Foundation, #hiljadekamera timeline): "Huawei" is named
    # nowhere else in the sentence or text; the gazetteer knows "Huawei Technologies"
    got = {e.text: e.label for e in extractor.extract_text(
        "The Serbian Ministry of Interior and Huawei entered into a Memorandum of Understanding late in "
        "2014.").entities}
    assert got.get("Ministry of Interior") == "GOV_AGENCY" and got.get("Huawei") == "ORG"
    assert "Ministry of Interior and Huawei" not in got
    got = {e.text: e.label for e in extractor.extract_text(
        "The Ministry of Posts and Telecommunications agreed.").entities}
    assert got.get("Ministry of Posts and Telecommunications") == "GOV_AGENCY"  # a common word is no firm
