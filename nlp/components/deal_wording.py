"""Deal wordings of round 14's second wave (issue 13; kinds of the round-16 probe, a probe of news passages kept
outside the project):

- a vendor's denial that goes on to say what it did: "X has denied any wrongdoing, saying it delivered the project
  to Y" denies the wrongdoing, not the delivery (:func:`said_beside_denial`);

:mod:`nlp.components.events` wires them in.
"""

from __future__ import annotations

from spacy.tokens import Token

# participles of saying that go on from a denial to what the speaker did ("denied wrongdoing, saying it delivered")
_SAYING_VERBS = frozenset({"say", "add", "insist", "maintain", "state", "stress", "explain", "claim", "argue",
                           "note", "assert"})


def said_beside_denial(node: Token) -> bool:
    """True for a participle of saying hung on a denial as an adverbial clause ("has denied any wrongdoing,
    saying it delivered the project to Y"): what it says is asserted, not denied."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_.casefold() in _SAYING_VERBS
