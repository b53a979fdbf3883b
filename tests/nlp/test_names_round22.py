"""Names and agencies by kind (issue 13 round 22): a state body named without its state takes the state the
document is plainly about; victim groups and capabilities named by whole families of words. "Zolara Systems" and
"Kestrel Labs" are fictional firms and the sentences are written for these tests; the countries are named only as
the setting of neutral, invented administrative news."""

from __future__ import annotations

from collections import Counter

from nlp.components.document_bodies import bodies_of_document_state, plainly_about
from nlp.extract import Extractor
from ontology.records import EntityMention
from tests.nlp.readings import agencies, labels


def _body(text: str, country: str | None = None) -> EntityMention:
    return EntityMention(text=text, label="GOV_AGENCY", canonical=text.casefold(), start=0, end=len(text),
                         confidence=0.9, country=country)


# ---------------------------------------------------------------- kind 1: the document's state for a bare body


def test_a_state_named_twice_as_often_as_any_other_is_the_documents() -> None:
    assert plainly_about(Counter({"GH": 4, "FR": 2})) == "GH"
    assert plainly_about(Counter({"GH": 2})) == "GH"


def test_no_state_stands_out_when_two_are_named_about_as_often() -> None:
    assert plainly_about(Counter({"GH": 5, "FR": 3})) is None
    assert plainly_about(Counter({"GH": 1})) is None  # named once: too little to say
    assert plainly_about(Counter()) is None


def test_a_bare_ministry_takes_the_state_the_text_is_about() -> None:
    bodies = [_body("Defence Ministry"), _body("Office of the President")]
    bodies_of_document_state(bodies, Counter({"GH": 3, "FR": 1}))
    assert [b.country for b in bodies] == ["GH", "GH"]
    assert bodies[0].confidence < 0.9  # read from the document, not from the name


def test_a_body_whose_state_is_known_keeps_it() -> None:
    bodies = [_body("Foreign Ministry", "FR"), _body("Defence Ministry")]
    bodies_of_document_state(bodies, Counter({"GH": 4, "FR": 1}))
    assert bodies[0].country == "FR"


def test_no_state_is_given_where_the_named_bodies_are_mostly_another_states() -> None:
    # the text names the donor most often, but most of its bodies with a known state are the buyer's
    bodies = [_body("Interior Ministry"), _body("Buyer Police", "KH"), _body("Buyer Ministry", "KH"),
              _body("Donor Ministry", "CN")]
    bodies_of_document_state(bodies, Counter({"CN": 6, "KH": 2}))
    assert bodies[0].country is None


def test_no_state_is_given_where_bodies_of_two_states_are_named_evenly() -> None:
    bodies = [_body("Special Prosecutor"), _body("Government A", "GH"), _body("Government B", "FR")]
    bodies_of_document_state(bodies, Counter({"GH": 4, "FR": 1}))
    assert bodies[0].country is None


def test_a_text_about_one_state_gives_it_to_its_bare_ministry(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Ghana opened a tender for traffic cameras this year. Officials in Ghana said the Ministry of Defence would "
        "review the bids by March. One bidder also sells cameras in Togo, according to Ghana's press.")
    assert agencies(ext).get("Ministry of Defence") == "GH"


def test_a_text_about_two_states_gives_its_bare_ministry_neither(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Ghana and Togo opened tenders for traffic cameras this year. Officials in Ghana and in Togo said the "
        "Ministry of Defence would review the bids.")
    assert agencies(ext).get("Ministry of Defence") is None


# ---------------------------------------------------------------- kind 4: whole families of victims and capabilities


def test_clergy_business_and_office_holders_are_victim_groups(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "The agency listened to priests, bishops, businessmen, judges, diplomats and heads of state for years.")
    got = labels(ext)
    for group in ("priests", "bishops", "businessmen", "judges", "diplomats", "heads of state"):
        assert got.get(group) == {"VICTIM_GROUP"}, group


def test_opponents_named_by_their_stance_are_victim_groups(extractor: Extractor) -> None:
    ext = extractor.extract_text("The unit was used to silence dissenting voices and to track government opponents.")
    got = labels(ext)
    assert got.get("dissenting voices") == {"VICTIM_GROUP"}
    assert got.get("government opponents") == {"VICTIM_GROUP"}


def test_office_holders_named_as_actors_are_no_victim_group(extractor: Extractor) -> None:
    # "government officials" speak for the state as often as they are watched: left out of the table
    ext = extractor.extract_text("Government officials said the cameras would be switched on next month.")
    assert "VICTIM_GROUP" not in labels(ext).get("Government officials", set())


def test_everyday_people_words_are_no_victim_group(extractor: Extractor) -> None:
    ext = extractor.extract_text("The mayor thanked residents and shoppers for their patience during the works.")
    assert "VICTIM_GROUP" not in {lab for labs in labels(ext).values() for lab in labs}


def test_wider_wordings_of_known_capabilities_are_capabilities(extractor: Extractor) -> None:
    ext = extractor.extract_text(
        "Kestrel Labs sells facial comparison software, location-tracking tools and telecom interception gear, and "
        "runs biometric registration for ministries.")
    got = labels(ext)
    for term in ("facial comparison", "location-tracking", "telecom interception", "biometric registration"):
        assert got.get(term) == {"CAPABILITY"}, term
