from __future__ import annotations

import random

from nlp.extract import Extractor
from ontology.records import Document

SMOKE = ("The Interior Ministry bought the surveillance suite from Acme Systems through its Dubai-based reseller "
         "Gulf Integrators in 2021.")


def _entity(ext, text):
    return next(e for e in ext.entities if e.text == text)


def test_smoke_sentence_gives_a_supply_with_supplier_recipient_via_date_and_country(extractor: Extractor):
    ext = extractor.extract_text(SMOKE)
    assert _entity(ext, "Interior Ministry").label == "GOV_AGENCY"
    assert _entity(ext, "Acme Systems").label == "ORG"
    [event] = [e for e in ext.events if e.type == "supply"]
    assert event.roles["supplier"] == "Acme Systems"
    assert event.roles["recipient"] == "Interior Ministry"
    assert event.roles["via"] == "Gulf Integrators"
    assert event.roles["date"] == "2021"
    assert event.roles["country"] == "AE"
    assert not event.hedged and not event.negated
    assert event.sentence == SMOKE and (event.start, event.end) == (0, len(SMOKE))


def test_hedged_statements_are_kept_with_lower_confidence(extractor: Extractor):
    plain = extractor.extract_text("Orion Tactical Systems supplied IMSI catchers to the National Police in 2019.")
    hedged = extractor.extract_text("Orion Tactical Systems reportedly supplied IMSI catchers to the National Police in 2019.")
    [p] = plain.events
    [h] = hedged.events
    assert not p.hedged and h.hedged
    assert h.confidence < p.confidence
    assert h.roles["supplier"] == p.roles["supplier"] == "Orion Tactical Systems"


def test_according_to_and_if_clauses_mark_events_hedged(extractor: Extractor):
    ext = extractor.extract_text("According to procurement records, Vantage Optics sold license plate readers to the "
                                 "Ministry of Interior.")
    assert [e.hedged for e in ext.events] == [True]
    ext = extractor.extract_text("If the spyware was sold to the Ministry of Defence by Arden Cyber, it breached the law.")
    assert ext.events and all(e.hedged for e in ext.events if e.type == "supply")


def test_denials_never_become_a_positive_supply(extractor: Extractor):
    ext = extractor.extract_text("Northgate Distribution denied selling surveillance cameras to the State Security "
                                 "Directorate. Bluewater Analytics has not sold spyware to the National Police.")
    supplies = [e for e in ext.events if e.type == "supply"]
    assert len(supplies) == 2
    assert all(e.negated for e in supplies)


def test_abuse_event_names_actor_victims_and_tool(extractor: Extractor):
    ext = extractor.extract_text("Bahraini authorities used Pegasus spyware to monitor journalists and activists in 2020.")
    [ev] = [e for e in ext.events if e.type == "abuse"]
    # the state acting, as a government body with its country ("X authorities" as "X police")
    assert ev.roles["actor"] == "Bahraini authorities"
    assert {e.text: e.country for e in ext.entities if e.label == "GOV_AGENCY"} == {"Bahraini authorities": "BH"}
    assert ev.roles["victim_group"] == ["journalists", "activists"]
    assert ev.roles["product"] == "Pegasus"


def test_every_entity_label_is_produced(world_extractor: Extractor):
    text = ("Mara Okonkwo said the State Security Directorate of Ostrava hacked journalists with the Predator spyware, "
            "which Strata Communications sold to Kessel.")
    ext = world_extractor.extract_text(text)
    labels = {e.label: e for e in ext.entities}
    assert labels.keys() >= {"ORG", "GOV_AGENCY", "PERSON", "COUNTRY", "PRODUCT", "CAPABILITY", "VICTIM_GROUP"}
    assert labels["CAPABILITY"].canonical == "spyware"
    assert {e.canonical for e in ext.entities if e.label == "COUNTRY"} == {"XO"}
    for e in ext.entities:
        assert text[e.start : e.end] == e.text


def test_demonyms_and_capitals_map_to_iso_codes(extractor: Extractor):
    # a real capital is a city, never a COUNTRY mention (issue 13 round 7): its code is the events' country hint
    ext = extractor.extract_text("Manama has denied the claims, but Bahraini officials met Egyptian police in Cairo.")
    assert {e.text: e.canonical for e in ext.entities if e.label == "COUNTRY"} == {"Bahraini": "BH", "Egyptian": "EG"}
    supply = extractor.extract_text("In 2019 Huawei installed surveillance cameras in Kampala.").events
    assert [e.roles.get("recipient") for e in supply] == ["UG"]


def test_short_forms_resolve_to_the_full_name_used_earlier(extractor: Extractor):
    ext = extractor.extract_text("NSO Group Technologies sells Pegasus. Researchers said NSO supplied the spyware to "
                                 "the National Police. The State Security Directorate (SSD) bought it; the SSD denied it.")
    nso = [e for e in ext.entities if e.text in ("NSO Group Technologies", "NSO")]
    assert len(nso) == 2 and len({e.canonical for e in nso}) == 1
    ssd = [e for e in ext.entities if e.text in ("State Security Directorate", "SSD")]
    assert len(ssd) == 3 and {e.label for e in ssd} == {"GOV_AGENCY"} and len({e.canonical for e in ssd}) == 1


def test_run_time_gazetteer_entries_are_recognised(world_extractor: Extractor, extractor: Extractor):
    text = "Meridian Freight Services FZE collected the FaceTrace cameras in Port Meridian."
    with_world = {e.text: e.label for e in world_extractor.extract_text(text).entities}
    assert with_world.get("FaceTrace") == "PRODUCT"
    assert with_world.get("Meridian Freight Services FZE") == "ORG"


def test_non_english_text_is_skipped_with_the_reason(extractor: Extractor):
    ext = extractor.extract_text("Le ministère de l'Intérieur a acheté un logiciel espion auprès de la société Acme en "
                                 "2021, selon des documents consultés par des journalistes.")
    assert ext.skipped_reason and "'fr'" in ext.skipped_reason
    assert ext.language == "fr" and not ext.entities and not ext.events


def test_a_short_text_in_another_script_is_skipped_with_the_reason(extractor: Extractor):
    ext = extractor.extract_text("\u76e3\u63a7\u7cfb\u7d71\u51fa\u53e3")  # six Chinese characters, too short to detect
    assert ext.skipped_reason and "Latin script" in ext.skipped_reason
    assert extractor.extract_text("Zorvex sold it.").skipped_reason is None  # short English is still read


def test_declared_language_is_respected(extractor: Extractor):
    doc = Document(id="d", url="u", source_id="s", publisher="p", tier=2, title="t", text=SMOKE, sha256="x",
                   retrieved_at="now", language="de")
    assert "declared" in (extractor.extract_document(doc).skipped_reason or "")


def test_empty_and_whitespace_texts_are_recorded_as_skipped(extractor: Extractor):
    for text in ("", "   \n\n\t "):
        ext = extractor.extract_text(text)
        assert ext.skipped_reason == "empty text" and ext.entities == [] and ext.events == []


def test_garbage_bytes_never_crash(extractor: Extractor):
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(5000)).decode("latin-1")
    ext = extractor.extract_text(noise + "\x00\ud800")
    assert ext.skipped_reason is not None
    mixed = "\x00\x07" + SMOKE + "\ufeff\x1b[0m"
    ext = extractor.extract_text(mixed)
    assert ext.skipped_reason is None
    for e in ext.entities:
        assert mixed[e.start : e.end] == e.text


def test_markup_residue_keeps_offsets_right(extractor: Extractor):
    text = "<p><strong>Internet Freedom:</strong> " + SMOKE + "</p><!-- footer -->"
    ext = extractor.extract_text(text)
    assert any(e.type == "supply" for e in ext.events)
    for e in ext.entities:
        assert text[e.start : e.end] == e.text
    assert not any("<" in e.text for e in ext.entities)


def test_five_megabyte_text_is_processed_in_chunks_with_right_offsets(extractor: Extractor):
    filler = ("The report covers the period under review and describes general conditions in the country, including "
              "the legal framework for privacy and the work of the courts. ") * 6
    paragraphs = []
    markers = []
    size = 0
    i = 0
    while size < 5_000_000:
        if i % 2500 == 0:
            para = f"In {2000 + i // 2500}, Orion Tactical Systems supplied IMSI catchers to the National Police."
            markers.append(size)
        else:
            para = filler
        paragraphs.append(para)
        size += len(para) + 2
        i += 1
    text = "\n\n".join(paragraphs)
    assert len(text) >= 5_000_000
    ext = extractor.extract_text(text)
    assert ext.skipped_reason is None
    orion = [e for e in ext.entities if e.text == "Orion Tactical Systems"]
    assert len(orion) == len(markers)
    for e in ext.entities:
        assert text[e.start : e.end] == e.text
    # one seller and buyer: one fact, each year's sentence kept as its evidence (issue 13 round 21)
    [supply] = [e for e in ext.events if e.type == "supply"]
    assert text[supply.start : supply.end] == supply.sentence
    assert len(supply.evidence) == len(markers) - 1
    start, end = supply.evidence[-1]
    assert text[start:end].startswith("In ") and "Orion Tactical Systems" in text[start:end] and start > 4_000_000


def test_pipe_documents_streams_in_order_and_matches_single_extraction(extractor: Extractor):
    # (the second paragraph of the last text is the same sale in another year: one event with both sentences)
    texts = [SMOKE, "", "Bahraini authorities used Pegasus spyware to monitor journalists.",
             SMOKE + "\n\n" + SMOKE.replace("2021", "2022")]
    docs = [Document(id=f"d{i}", url=f"u{i}", source_id="s", publisher="p", tier=2, title="t", text=t, sha256=f"h{i}",
                     retrieved_at="now") for i, t in enumerate(texts)]
    piped = list(extractor.pipe_documents(docs))
    assert [p.document_id for p in piped] == ["d0", "d1", "d2", "d3"]
    assert piped[0].entities == extractor.extract_document(docs[0]).entities
    assert piped[1].skipped_reason == "empty text"
    assert len(piped[3].events) == 1 and piped[3].events[0].evidence[0][0] == len(SMOKE) + 2
