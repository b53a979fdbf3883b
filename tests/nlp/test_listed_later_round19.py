"""Listed parties a later sentence names for those a listing sentence only counts (issue 13 round 19;
nlp/components/listed_later.py): within a paragraph and across paragraphs, with the list and the authority of the
counting sentence and the naming sentence's parties; and the texts that must give no such listing. "Zorvex Optics
Ltd", "Quillon Data Systems", "Marrow Telecom" and "Tam Oduya" are fictional, and so are their listings; the
sentences are written for these tests."""

from __future__ import annotations

from nlp.extract import Extractor
from ontology.records import DocumentExtraction, EventMention
from tests.nlp.readings import names


def listings(ext: DocumentExtraction) -> list[EventMention]:
    return [ev for ev in ext.events if ev.type == "listing"]


def later(ext: DocumentExtraction) -> list[EventMention]:
    return [ev for ev in listings(ext) if "counts" in (ev.explanation or "")]


def test_the_parties_named_after_a_count_are_the_listed_ones(extractor: Extractor) -> None:
    text = ("Four companies and two individuals have been added to the Entity List, the Bureau of Industry and "
            "Security said on Monday. The companies are Zorvex Optics Ltd and Quillon Data Systems, according to "
            "the Federal Register.")
    [listing] = later(extractor.extract_text(text))
    assert names(listing.roles["entity"]) == {"Zorvex Optics Ltd", "Quillon Data Systems"}
    assert listing.roles["list"] == "EL"
    assert names(listing.roles["authority"]) == {"Bureau of Industry and Security"}
    assert listing.confidence <= 0.6 and "added" in (listing.explanation or "")


def test_they_after_a_count_stands_for_the_listed_parties(extractor: Extractor) -> None:
    text = ("Three firms were added to the Entity List by the Commerce Department. They are Zorvex Optics Ltd, "
            "Quillon Data Systems and Marrow Telecom.")
    [listing] = later(extractor.extract_text(text))
    assert names(listing.roles["entity"]) == {"Zorvex Optics Ltd", "Quillon Data Systems", "Marrow Telecom"}


def test_the_naming_sentence_may_be_paragraphs_later(extractor: Extractor) -> None:
    text = ("Five entities and one individual have been added to the Entity List, the Department of Commerce "
            "said.\n\nOf those entities, the department said, two are based in Ruritania.\n\nThe two entities "
            "in Ruritania are Zorvex Optics Ltd and Tam Oduya, according to the notice.")
    [listing] = later(extractor.extract_text(text))
    assert names(listing.roles["entity"]) == {"Zorvex Optics Ltd", "Tam Oduya"}
    assert names(listing.roles["authority"]) == {"Department of Commerce"}


def test_a_sentence_that_names_no_counted_noun_lists_no_one(extractor: Extractor) -> None:
    text = ("Three firms were added to the Entity List by the Commerce Department. Analysts said the move would "
            "hurt Zorvex Optics Ltd.")
    assert later(extractor.extract_text(text)) == []


def test_another_listing_sentence_between_ends_the_window(extractor: Extractor) -> None:
    text = ("Three firms were added to the Entity List by the Commerce Department. Two more were placed on the "
            "list last year. The companies are Zorvex Optics Ltd and Marrow Telecom.")
    assert later(extractor.extract_text(text)) == []


def test_a_naming_sentence_too_far_on_lists_no_one(extractor: Extractor) -> None:
    text = ("Three firms were added to the Entity List by the Commerce Department. The rule takes effect on "
            "Friday. Exporters need a licence. Officials gave no reason. The companies are Zorvex Optics Ltd and "
            "Marrow Telecom.")
    assert later(extractor.extract_text(text)) == []


def test_a_denied_listing_counts_no_one(extractor: Extractor) -> None:
    text = ("Three firms were not added to the Entity List, the Commerce Department said. The companies are "
            "Zorvex Optics Ltd and Marrow Telecom.")
    assert later(extractor.extract_text(text)) == []


def test_a_count_with_its_names_is_left_to_the_sentence_rule(extractor: Extractor) -> None:
    text = ("The Commerce Department added two companies, Zorvex Optics Ltd and Marrow Telecom, to the Entity "
            "List. The companies are based in Ruritania.")
    ext = extractor.extract_text(text)
    assert later(ext) == []
    assert any(names(ev.roles.get("entity")) >= {"Zorvex Optics Ltd"} for ev in listings(ext))


def test_a_release_may_name_its_parties_after_a_quotation(extractor: Extractor) -> None:
    # the naming subject repeats the listing verb ("identified"): a release's list of names after several sentences
    text = ("Today, the Office of Foreign Assets Control (OFAC) identified three Ruritanian firms pursuant to E.O. "
            "13959. The firms support surveillance of minorities.\n\n\u201cThis action matters,\u201d said an "
            "official. \u201cWe will act again.\u201d \u201cInvestors must take note.\u201d\n\nThe entities "
            "identified today are Zorvex Optics Ltd; Quillon Data Systems; and Marrow Telecom.")
    [listing] = later(extractor.extract_text(text))
    assert names(listing.roles["entity"]) == {"Zorvex Optics Ltd", "Quillon Data Systems", "Marrow Telecom"}
    assert listing.roles["list"] == "CMIC"  # the list E.O. 13959 founds, not the SDN List "OFAC" stands for
