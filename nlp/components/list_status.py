"""Listings told as a party's status, not as the act of listing (issue 13 round 19).

News and releases often say where a party stands rather than who put it there:

- a party "on" a list: "X, which is on the Entity List", "X is on the SDN List", "X and its subsidiaries on the
  Entity List" (the list hangs on the party's noun, or on a copula or "remain"/"stay" whose subject is the party);
- a party "among the entities sanctioned/designated/listed by Y" (the counted noun's participle is a listing verb of
  ``event_triggers.json``; its agent is the authority);
- a denial order: "issued an order denying the export privileges of X", "denied X's export privileges" (BIS's
  denial orders put a party on the Denied Persons List, code ``DPL``, 15 CFR 764.3 and part 766).

Each event keeps its sentence, has the party as ``entity``, the LIST mention (or ``DPL``) as ``list`` and the agent
as ``authority`` when named; a negated copula ("is not on the list") gives a negated event. Confidence
:data:`STATUS_CONFIDENCE`: a status is a listing told second-hand, weaker than the act. The events module passes
its ``Event`` and ``Mention`` classes (this module cannot import them: they import it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

STATUS_CONFIDENCE = 0.7
DENIED_PERSONS_LIST = "DPL"  # BIS's Denied Persons List: where a denial order's parties stand
_PARTY_LABELS = frozenset({"ORG", "PERSON", "GOV_AGENCY"})
_STATE_LABELS = frozenset({"GOV_AGENCY", "COUNTRY"})
_STATUS_VERBS = frozenset({"be", "remain", "stay", "appear", "sit", "feature"})
_RELATIVE = frozenset({"which", "that", "who"})
_COUNT_NOUNS = frozenset({"entity", "company", "firm", "individual", "person", "organization", "organisation",
                          "party", "business", "corporation"})


def _parties_under(tok: Token, mentions: Sequence[Mention]) -> list[Mention]:
    """The party mentions whose root lies in ``tok``'s subtree."""
    inside = range(tok.left_edge.i, tok.right_edge.i + 1)
    return [m for m in mentions if m.label in _PARTY_LABELS and m.root.i in inside]


def _party_at(tok: Token, mentions: Sequence[Mention]) -> list[Mention]:
    """The party whose name ``tok`` heads, with the parties coordinated with it ("X and Y", "X or its units")."""
    out = [m for m in mentions if m.label in _PARTY_LABELS and m.root.i == tok.i]
    for conj in (c for c in tok.children if c.dep_ == "conj"):
        out += _party_at(conj, mentions)
    return out


def _on_list(lst: Mention, mentions: Sequence[Mention]) -> tuple[list[Mention], Token] | None:
    """The parties a LIST mention says are on it, and the word that says so (the party's noun or the copula);
    None when it says so of no party."""
    pobj = lst.root
    prep = pobj.head
    if pobj.dep_ != "pobj" or prep.lower_ not in ("on", "onto") or prep.head.i == prep.i:
        return None
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN") and (parties := _party_at(head, mentions)):
        return parties, head  # "Huawei on the Entity List"
    if head.pos_ == "NOUN" and head.dep_ == "conj" and (parties := _party_at(head.head, mentions)):
        return parties, head  # "Huawei or its subsidiaries on the Entity List": the party and its units
    if head.lemma_.casefold() in _STATUS_VERBS:
        for subj in (c for c in head.children if c.dep_ == "nsubj"):
            if subj.lower_ in _RELATIVE and head.dep_ == "relcl":
                parties = _party_at(head.head, mentions)  # "X, which is on the Entity List"
            else:
                parties = _party_at(subj, mentions)  # "X is on the SDN List"
            if parties:
                return parties, head
    return None


def _among_listed(sent: Span, mentions: Sequence[Mention], lemmas: frozenset[str]) -> list[tuple[Token, list[Mention], list[Mention]]]:
    """(participle, parties, authorities) of "X is/was among the entities sanctioned by Y"."""
    out = []
    for prep in sent:
        if prep.lower_ != "among" or prep.dep_ != "prep" or prep.head.lemma_.casefold() not in _STATUS_VERBS:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.casefold() in _COUNT_NOUNS), None)
        part = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_.casefold() in lemmas), None) if noun else None
        if part is None:
            continue
        parties = [m for s in prep.head.children if s.dep_ == "nsubj" for m in _party_at(s, mentions)]
        agents = [m for a in part.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                  for m in mentions if m.label in _STATE_LABELS and m.root.i == p.i]
        if parties:
            out.append((part, parties, agents))
    return out


def _denied_privileges(sent: Span, mentions: Sequence[Mention]) -> list[tuple[Token, list[Mention]]]:
    """(verb, parties) of "an order denying the export privileges of X" and "denied X's export privileges"."""
    out = []
    for verb in sent:
        if verb.lemma_.casefold() != "deny" or any(c.dep_ == "neg" for c in verb.children):
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.casefold() == "privilege"):
            if not any(c.lower_ == "export" for c in obj.children):
                continue
            parties = [m for p in obj.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                       for m in _parties_under(p, mentions)]
            parties += [m for c in obj.children if c.dep_ == "poss" for m in _party_at(c, mentions)]
            if parties:
                out.append((verb, parties))
    return out


def list_status_events(sent: Span, mentions: Sequence[Mention], events: Sequence[Event], listing_lemmas: Iterable[str],
                       event: Callable[..., Event], mention: Callable[..., Mention]) -> list[Event]:
    """Listing events a sentence tells as a party's status (see the module's docstring), for the parties the
    sentence's other listing events do not already list. ``event``/``mention``: the events module's classes.
    Returns the new events; each has ``rule`` "list_status" and an explanation of the wording read."""
    listed = {m.key for ev in events if ev.type == "listing" for m in ev.roles.get("entity", [])}
    lemmas = frozenset(listing_lemmas)
    out: list[Event] = []

    def new(trigger: Token, parties: list[Mention], why: str, lists: Sequence[Mention] = (),
            authorities: Sequence[Mention] = (), denial_order: bool = False) -> None:
        fresh = [m for m in parties if m.key not in listed]
        if not fresh or not (lists or authorities):
            return
        ev = event("listing", trigger, confidence=STATUS_CONFIDENCE, rule="list_status", explanation=why,
                   denial_order=denial_order)
        for m in fresh:
            ev.add("entity", m)
            listed.add(m.key)
        for m in lists:
            ev.add("list", m)
        for m in authorities:
            ev.add("authority", m)
        out.append(ev)

    lists = [m for m in mentions if m.label == "LIST" and sent.start <= m.span.start < sent.end]
    for lst in lists:
        if (found := _on_list(lst, mentions)) is not None:
            parties, trigger = found
            # (the trigger is the copula when there is one: "is not on the list" is denied as a negated verb is)
            new(trigger, parties, f"entity: a party said to be on the list ('{lst.root.head.text} {lst.span.text}')", [lst])
    for part, parties, agents in _among_listed(sent, mentions, lemmas):
        new(part, parties, f"entity: a party among those '{part.text}' by the authority", lists, agents)
    for verb, parties in _denied_privileges(sent, mentions):
        dpl = mention(sent.doc[verb.i : verb.i + 1], "LIST", DENIED_PERSONS_LIST)
        new(verb, parties, "entity: export privileges denied by an order (Denied Persons List)", [dpl], denial_order=True)
    return out
