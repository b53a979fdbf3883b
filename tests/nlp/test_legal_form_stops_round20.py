"""A firm's name does not run on past its full-stopped legal form into the next sentence's first name (issue 13 round
20; span_extents.names_run_past_a_legal_form; found by a newcomer's test). "Zorvex Ltd", "Quobrix" and "Kestrel
Analytics" are fictional firms, and the sentences are written for these tests."""

from __future__ import annotations

from nlp.extract import Extractor


def orgs(extractor: Extractor, text: str) -> set[str]:
    return {e.text for e in extractor.extract_text(text).entities if e.label == "ORG"}


def test_a_name_after_a_legal_forms_full_stop_is_another_firm(extractor: Extractor) -> None:
    found = orgs(extractor, "The cameras came from Zorvex Ltd. Kestrel Analytics sold them to the Kenyan police.")
    assert "Kestrel Analytics" in found
    assert not any("Kestrel" in o and "Zorvex" in o for o in found)


def test_chained_legal_forms_and_a_bracket_stay_in_one_name(extractor: Extractor) -> None:
    assert "Quobrix Digital Technology Co., Ltd." in orgs(extractor, "Quobrix Digital Technology Co., Ltd. sold "
                                                                     "cameras to the city.")
