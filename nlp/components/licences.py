"""Export licences to deal with a state: "the defence ministry licensed X to work with <state>", "X and Y were
licensed to work with <state>", "approved a new licence for X to work with <state>".

A licence is a state permission, not a sale: the licensing authority is never a party of the trade, the firm that
holds the licence is the seller and the state it may deal with is the buyer. Licences whose infinitive is itself a
trade word ("licensed X to export Pegasus to Y") are read by the permit rules of :mod:`nlp.components.events`;
this module reads the ones whose infinitive only says dealing ("to work with", "to do business with"): the dealing
verbs are the ``licensed_dealing`` lemmas of ``nlp/data/event_triggers.json``.
Source of the rule: issue 13, round 20 (probe21's failure kinds: licensing ministries read as sellers and licensed
firms as buyers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Token

from nlp.components.common import trigger_lemmas

# the words of a permission that a licence can hang on ("licensed", "authorized", "a licence for X to ...")
PERMIT_WORDS = frozenset({"license", "licence", "authorize", "authorise", "authorization", "authorisation", "permit",
                          "approve", "approval", "allow", "clear"})
# the verbs that give a licence noun to its holder ("granted X a licence to ...", "approved a licence for X to ...")
_GIVING_VERBS = frozenset({"grant", "give", "issue", "approve", "award"})
_HOLDER_DEPS = frozenset({"dobj", "dative", "nsubjpass"})
# the verbs whose subject takes a licence ("X obtained a licence to export ...", "X received an export licence"):
# the subject holds it, it grants nothing
RECEIVING_VERBS = frozenset({"obtain", "receive", "get", "win", "secure", "gain", "hold", "acquire"})
_LICENCE_NOUNS = frozenset({"license", "licence", "permit", "authorization", "authorisation", "approval"})


class _Named(Protocol):
    @property
    def root(self) -> Token: ...


_M = TypeVar("_M", bound=_Named)

def _dealing_verb(permit: Token) -> Token | None:
    """The dealing verb in the to-infinitive of a permission word ("licensed X to work with", "a licence for X to
    continue working with"), None when the infinitive says no dealing."""
    dealing = trigger_lemmas("licensed_dealing")
    frontier = [c for c in permit.children if c.dep_ in ("xcomp", "ccomp", "acl", "advcl", "relcl") and c.pos_ == "VERB"]
    for _ in range(2):  # "to continue to work with", "to continue working with": one verb between
        for verb in frontier:
            if verb.lemma_.casefold() in dealing and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
                return verb
        frontier = [c for v in frontier for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    return None


def _top_under(token: Token, nodes: set[int], limit: int = 6) -> Token | None:
    """The token right under one of ``nodes`` on the way up from ``token`` (None when the path misses them)."""
    path: list[Token] = []
    node = token
    while node.i not in nodes and node.head.i != node.i and len(path) < limit:
        path.append(node)
        node = node.head
    return path[-1] if node.i in nodes and path else None


def licensed_dealing(permit: Token, mentions: Sequence[_M]) -> tuple[list[_M], list[_M]] | None:
    """For a permission word (a verb or noun of :data:`PERMIT_WORDS`) whose to-infinitive says dealing with a
    party: ``(holders, partners)``, the mentions that hold the licence (object of licensing, passive subject,
    object of "for"/"to" on a licence noun, receiver of the giving verb, or subject of the dealing verb where the
    parser hangs the object there) and those it may deal with (objects of
    "with" under the dealing verb). The grantor (subject or "by" agent) is in neither list. None when the word
    carries no such infinitive. Mentions are anything with a ``root`` token (the caller filters their labels)."""
    if permit.lemma_.casefold() not in PERMIT_WORDS:
        return None
    verb = _dealing_verb(permit)
    if verb is None:
        return None
    nodes = {permit.i}
    if permit.pos_ == "NOUN" and permit.dep_ in ("dobj", "nsubjpass") and permit.head.lemma_.casefold() in _GIVING_VERBS:
        nodes.add(permit.head.i)  # "granted X a licence to work with Y": X hangs on the giving verb
    holders: list[_M] = []
    partners: list[_M] = []
    for m in mentions:
        root = m.root
        if verb.left_edge.i <= root.i <= verb.right_edge.i:
            top = _top_under(root, {verb.i})
            if top is not None and top.dep_ == "prep" and top.lower_ == "with":
                partners.append(m)
            elif top is not None and top.dep_ == "nsubj":
                holders.append(m)  # "licensed a company called X to work with Y", parsed with X the subject of "work"
            continue
        top = _top_under(root, nodes)
        if top is None:
            continue
        if top.dep_ in _HOLDER_DEPS or top.dep_ == "prep" and top.lower_ in ("for", "to"):
            holders.append(m)
    return holders, partners


def licence_received(verb: Token, trade_verbs: frozenset[str]) -> bool:
    """True for a receiving verb (:data:`RECEIVING_VERBS`) whose object is a licence to trade or deal ("X obtained
    a licence to export N to Y", "X won an export licence to sell to Y"): the licence is a permission the subject
    holds, not goods it buys (the trade in its infinitive is read on its own, with the holder as seller). A licence
    bought as goods ("bought 40 licences for N") has no such infinitive and stays a purchase."""
    if verb.lemma_.casefold() not in RECEIVING_VERBS:
        return False
    dealing = trigger_lemmas("licensed_dealing")
    return any(obj.dep_ == "dobj" and obj.lemma_.casefold() in _LICENCE_NOUNS and any(
        c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.lemma_.casefold() in trade_verbs | dealing
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in obj.children)
        for obj in verb.children)


# the verbs by which a licensing authority withholds or takes back a permission ("refused to license X to export",
# "revoked the licence that allowed X to sell", "denied X a licence"); source of the rule: issue 13 round 21 (a
# refused licence had been read as an affirmed sale, a false red flag against the named buyer)
REFUSING_VERBS = frozenset({"refuse", "deny", "reject", "revoke", "withdraw", "suspend", "cancel", "block", "decline",
                            "annul", "rescind"})


def licence_refused(trigger: Token, limit: int = 4) -> bool:
    """True when the trade verb ``trigger`` is the permitted act of a permission that is refused or revoked: on the
    way up from it (at most ``limit`` heads) a permission word of :data:`PERMIT_WORDS` is met and, at it or above
    it, a verb of :data:`REFUSING_VERBS` ("refused to license X to export N to Y", "revoked the licence that allowed
    X to sell N to Y", "refused a licence to export N to Y"). The sale the licence would have allowed did not take
    place under it: the caller marks the event negated. A refusal with no permission word on the way ("refused to
    comment on the sale") is not one."""
    node = trigger
    permit_seen = trigger.lemma_.casefold() in PERMIT_WORDS
    for _ in range(limit):
        if node.head.i == node.i:
            return False
        node = node.head
        lemma = node.lemma_.casefold()
        if lemma in PERMIT_WORDS:
            permit_seen = True
        elif permit_seen and lemma in REFUSING_VERBS:
            return True
    return False
