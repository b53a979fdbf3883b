"""The kind of state body a generic noun names, for resolving the noun to a body the document names (issue 13,
round 22, brief docparty25 kind 4: document-level party resolution).

News and NGO reports name a body in full once ("the Ruritanian National Police", fictional) and then refer to a
body by a common noun ("the police", "the army"). A reader takes the noun for the named body only when both are of
one kind: "the army" named after "the Ruritanian police" is another body (a wrong resolution of round 21, where the
army's purchase was given to the police). :func:`kinds_differ` says when the noun and a body's name are of two
different kinds of :data:`_KINDS`; :func:`nlp.components.events._state_antecedent` then skips that body and looks
further back (a state named before, or nothing).

Measured on the six read sets of round 22 (dev tuning half, probes 18-22): no event changed (the wording occurs in
none of them); kept as the fix of a known wrong resolution. The other kinds of the brief: a missing seller filled
from the document is the one-seller step of :mod:`nlp.components.supply_precision`; replacing a generic or state
recipient by a named body (tried in this module, commit history of branch docparty25) gained one supply event on
one read set only and was left out.
"""

from __future__ import annotations

from nlp.gazetteer import agency_kinds

# the kind of body a generic noun names, by the words that name it in the noun and in a body's name (lower case):
# the agency head words of nlp/data/agency_terms.txt grouped by kind (police, defence, intelligence)
_KINDS: dict[str, tuple[str, ...]] = agency_kinds()


def body_kind(words: str) -> str | None:
    """The kind of :data:`_KINDS` whose words ``words`` (lower case) contains, or None."""
    padded = f" {words} "
    return next((kind for kind, cues in _KINDS.items() if any(f" {c} " in padded for c in cues)), None)


def kinds_differ(noun: str, name: str) -> bool:
    """True when the generic ``noun`` and the body's ``name`` (both lower case) are of two different kinds of
    :data:`_KINDS` ("army" and "ruritanian police"): the noun does not stand for that body. False when either has
    no kind ("government", "interior ministry") or both are of one kind."""
    a, b = body_kind(noun), body_kind(name)
    return a is not None and b is not None and a != b
