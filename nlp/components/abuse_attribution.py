"""The doer of abuses a report tells without one, from the report's attribution (issue 13, round 23, brief abuse26).

Spyware reports (Citizen Lab, Amnesty's Security Lab, Access Now) tell the infections in one clause, "journalists at
the station were again targeted with spyware", and the attribution in another sentence: "The attacker may be the
<agency>", "the operator is likely the government of <country>", "we attribute the attacks to <agency>", "the
campaign is linked to <agency>". A reader takes the one party so named as the doer of the abuses the report tells
without one. :func:`attributed_party` finds that party among the state mentions of a document (never a firm: a
vendor is named as the maker of the tool, not as the attacker); the events stage puts it in as the actor of the
document's abuse events that have none, at a lower confidence, with the reason in the explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Token

_STATE_LABELS = ("GOV_AGENCY", "COUNTRY", "GOV_GENERIC")


class _Named(Protocol):
    label: str
    value: str

    @property
    def root(self) -> Token: ...


_M = TypeVar("_M", bound=_Named)


def attributed_party(mentions: Sequence[_M], nouns: set[str], verbs: set[str]) -> _M | None:
    """The one state party the document names as the doer of its attacks, or None (none, or two different ones).
    Shapes: the attribute of a copula whose subject is an attacker noun ("The attacker may be the X Agency"); the
    object of "to" after an attribution verb ("attributed the operation to X", "is linked to the X government")."""
    found: dict[str, _M] = {}
    for m in mentions:
        if m.label in _STATE_LABELS and _attributed(m.root, nouns, verbs):
            found.setdefault(m.value, m)
    named = {v: m for v, m in found.items() if m.label != "GOV_GENERIC"}
    found = named or found  # ("the government of X": X, not the bare "government")
    return next(iter(found.values())) if len(found) == 1 else None


def _attributed(root: Token, nouns: set[str], verbs: set[str]) -> bool:
    """True for a name in one of the attribution shapes of :func:`attributed_party` (its head token ``root``; a
    "government of X" counts through its head noun)."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # ("the X police or the Y army": both are named, so neither is the one party)
    node = root.head if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in ("attr", "pobj") \
        else root
    if node.dep_ == "prep":
        node = node.head  # ("the government of X": from X up to "government")
    if node.dep_ == "attr" and node.head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.lemma_.casefold() in nouns for c in node.head.children)
    if node.dep_ == "pobj" and node.head.lower_ == "to":
        verb = node.head.head
        return verb.lemma_.casefold() in verbs
    return False
