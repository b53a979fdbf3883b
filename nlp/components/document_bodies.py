"""State bodies named without their state, read as bodies of the one state a document is plainly about (issue 13
round 22)."""
from __future__ import annotations

from collections import Counter

from ontology.records import EntityMention

# how far an agency's confidence drops when its country comes from the document, not from its own words
DOCUMENT_STATE_FACTOR = 0.8
# how many times as often as any other state the document's main state must be named (and at least this often)
DOMINANCE = 2


def plainly_about(named: Counter[str]) -> str | None:
    """The state a document is plainly about: named at least ``DOMINANCE`` times and at least ``DOMINANCE`` times
    as often as any other state. Shapes: Counter of ISO 3166 alpha-2 codes of the document's COUNTRY mentions
    (firms' nationalities left out, ``nlp.extract._states_named_apart_from_firms``) -> a code or None."""
    ranked = named.most_common(2)
    if not ranked or ranked[0][1] < DOMINANCE:
        return None
    if len(ranked) == 2 and ranked[0][1] < DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


def bodies_of_document_state(entities: list[EntityMention], named: Counter[str]) -> None:
    """A GOV_AGENCY still without a country ("the Defence Ministry", "the Office of the President", "the National
    Assembly", "the Special Prosecutor") takes the state the document is plainly about (:func:`plainly_about`):
    news and NGO texts name their own country's ministries, parliament and courts bare, as its readers do. Not
    where the bodies whose state is known belong mostly to another state or to two states evenly (a story on a
    foreign donor's ministries beside the buyer's police), counting each body once by its canonical name. Its
    confidence drops by ``DOCUMENT_STATE_FACTOR``. Shapes: the document's mentions (changed in place), the
    Counter of :func:`plainly_about`."""
    state = plainly_about(named)
    if state is None:
        return
    bodies = Counter({e.canonical: e.country for e in entities if e.label == "GOV_AGENCY" and e.country}.values())
    ranked = bodies.most_common(2)
    if ranked and (ranked[0][0] != state or len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return
    for e in entities:
        if e.label == "GOV_AGENCY" and e.country is None:
            e.country = state
            e.confidence = round(e.confidence * DOCUMENT_STATE_FACTOR, 3)
