"""News outlets and sources cited by a report are organisations, and never a party of a sale (issue 13 round 23,
brief outlets26): nlp/data/outlet_words.tsv, ``gazetteer.outlet_shaped``/``is_outlet``, the wordings of
nlp/components/cited_sources.py, ``extract._newsroom_written``, ``name_cues.outlet_heads_with_their_first_word`` and
the outlet guards of ``events._anaphors`` and ``Event.add``.

The sentences are written in the shape of real news passages read for the round (outlets cited by "reported",
"according to", "a ... investigation", "..., a news site", "the newspaper ...", "in an interview with ..."); every
firm, outlet and person name is fictional.
"""

from __future__ import annotations

from nlp.extract import Extractor
from tests.nlp.readings import labels, names, supplies


def _parties(ext: object) -> set[str]:
    """Every name that is a supplier, recipient or intermediary of a supply read in ``ext``."""
    return {n for ev in supplies(ext) for role in ("supplier", "recipient", "via")  # type: ignore[arg-type]
            for n in names(ev.roles.get(role))}


def test_the_company_after_a_newspaper_reveals_is_not_the_newspaper(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Kestrel Times revealed that the Interior Ministry signed a contract for "
                                 "surveillance drones last year. The company later sold the same drones to the army "
                                 "of Chad.")
    assert not any("Kestrel" in p for p in _parties(ext))


def test_romance_outlet_name_reporting_is_an_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("Noticias Veloz reported that the police bought interception equipment from "
                                 "Corvane Ltd. The firm declined to comment.")
    assert labels(ext).get("Noticias Veloz") == {"ORG"}
    assert "Noticias Veloz" not in _parties(ext)


def test_prensa_outlet_is_an_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("Prensa Sureña reported that the Guatemalan government bought spyware from "
                                 "Varnel Solutions.")
    assert labels(ext).get("Prensa Sureña") == {"ORG"}


def test_newspaper_named_by_a_reporting_verb_is_an_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Marlow Herald revealed that the Interior Ministry signed a contract for "
                                 "surveillance drones.")
    assert labels(ext).get("Marlow Herald") == {"ORG"}


def test_gazette_possessive_investigation_is_an_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Gazette's investigation found that Fenwick Data sold location data to the "
                                 "police.")
    assert labels(ext).get("Gazette") == {"ORG"}


def test_the_observer_reported_names_the_observer(extractor: Extractor) -> None:
    ext = extractor.extract_text("The Observer reported that Tarn Dynamics sold drones to the Ethiopian army.")
    assert labels(ext).get("Observer") == {"ORG"}
    assert "Tarn Dynamics" in _parties(ext)


def test_a_guardian_investigation_names_the_guardian(extractor: Extractor) -> None:
    ext = extractor.extract_text("A Guardian investigation found that Osterby Labs sold spyware to Bahrain.")
    assert labels(ext).get("Guardian") == {"ORG"}


def test_name_typed_as_a_news_site_is_an_organisation(extractor: Extractor) -> None:
    ext = extractor.extract_text("Sentinel Wire, a news site, revealed that Marrow Systems supplied spyware to the "
                                 "government of Togo. The company denied it.")
    assert labels(ext).get("Sentinel Wire") == {"ORG"}
    assert "Sentinel Wire" not in _parties(ext)


def test_sunday_paper_across_a_line_break_is_one_name(extractor: Extractor) -> None:
    ext = extractor.extract_text("SUBJECT: PRESS CLAIMS FOREIGN HELP WITH WEBSITE FILTERING\n"
                                 "1. (SBU) The main story in the March 3 Sunday\n"
                                 "Times newspaper said that engineers from abroad had\n"
                                 "helped the ministry to block news websites critical of\n"
                                 "the government.")
    assert labels(ext).get("Sunday\nTimes") == {"ORG"}
    assert "Times" not in labels(ext)


def test_a_report_title_before_report_is_no_outlet(extractor: Extractor) -> None:
    ext = extractor.extract_text("In its response regarding The Quiet Harvest report, Brightwell Cyber extended an "
                                 "invitation to meet.")
    assert "Quiet Harvest" not in labels(ext)


def test_outlet_shape_needs_a_head_word_in_place() -> None:
    from nlp.gazetteer import outlet_shaped

    assert outlet_shaped("Diario del Litoral") and outlet_shaped("Kestrel Tribune") and outlet_shaped("The Gazette's")
    assert not outlet_shaped("Guardian Digital Forensics")  # "Guardian" ends outlet names, it does not open them
    assert not outlet_shaped("the daily")  # prose, not a name
