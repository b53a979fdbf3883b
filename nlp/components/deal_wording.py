"""Deal wordings of round 14's second wave (issue 13; kinds of the round-16 probe, a probe of news passages kept
outside the project):

- a vendor's denial that goes on to say what it did: "X has denied any wrongdoing, saying it delivered the project
  to Y" denies the wrongdoing, not the delivery (:func:`said_beside_denial`);
- a state or firm announcing a giving noun: "Japan has announced the provision of two drones to the Y Navy": the
  subject of the announcing verb gives (:func:`giver_of_nominal`);

:mod:`nlp.components.events` wires them in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from nlp.components.events import Mention

# participles of saying that go on from a denial to what the speaker did ("denied wrongdoing, saying it delivered")
_SAYING_VERBS = frozenset({"say", "add", "insist", "maintain", "state", "stress", "explain", "claim", "argue",
                           "note", "assert"})
# nouns of giving goods that an announcing verb may take
_GIVING_NOUNS = frozenset({"provision", "supply", "delivery", "donation", "gift", "handover", "transfer"})
# verbs whose subject gives what the giving noun names ("announced the provision of", "completed the delivery of")
_ANNOUNCING_VERBS = frozenset({"announce", "approve", "confirm", "complete", "make", "finalise", "finalize",
                               "pledge", "promise", "offer", "begin", "start", "commence"})
_GIVER_LABELS = frozenset({"COUNTRY", "GOV_AGENCY", "ORG"})


def said_beside_denial(node: Token) -> bool:
    """True for a participle of saying hung on a denial as an adverbial clause ("has denied any wrongdoing,
    saying it delivered the project to Y"): what it says is asserted, not denied."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_.casefold() in _SAYING_VERBS


def _mention_at(tok: Token, mentions: list[Mention], labels: frozenset[str]) -> Mention | None:
    return next((m for m in mentions if m.label in labels and m.span.start <= tok.i < m.span.end), None)


def giver_of_nominal(trig: Token, mentions: list[Mention]) -> Mention | None:
    """The subject of an announcing verb whose object is the giving noun ``trig`` ("Japan has announced the
    provision of two drones to the Y Navy" -> Japan); None when the noun names its giver itself ("by X", "from X")."""
    if trig.pos_ != "NOUN" or trig.lemma_.casefold() not in _GIVING_NOUNS or trig.dep_ != "dobj":
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in trig.children):
        return None
    verb = trig.head
    if verb.lemma_.casefold() not in _ANNOUNCING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subj is None else _mention_at(subj, mentions, _GIVER_LABELS)
