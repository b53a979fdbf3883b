"""Supplies told as goods a firm put up or made for a state body (issue 13 round 18, brief supply20).

Reports often tell a sale as the work a firm did for its buyer, with no verb of selling: "X has deployed 900
cameras for the Y police", "X designed and built the monitoring system for the Y ministry", "the platform was
developed by X for the Y police", or a participle set before the goods ("Built by X for the Y army, the network
..."). The parse rules read "deploy" as a use and "design"/"develop" as making, so the buyer in the "for" phrase
is lost.

The rule, one sentence at a time, when the sentence has no supply with both parties:

- a verb of putting up or making goods ("made_for" of ``nlp/data/event_triggers.json``; "set" only with "up",
  "roll" only with "out", as in :mod:`nlp.components.place_recipients`);
- its doer is a firm (an ORG): the verb's subject, the subject of the verb it is coordinated with ("X designed
  and built"), or the name after "by" of a passive or a participle ("was developed by X"); also the name the
  parser made the head of the verb read as its clause ("X designed and built the system": an acl with an object);
- a "for" phrase on the verb, on the verb coordinated with it or on the verb's object names a state party (a GOV_AGENCY or COUNTRY,
  with the names coordinated with it), never a firm ("for a client", "for Z Ltd" make none);
- the verb acts on goods: a tool noun (``common.TOOL_NOUNS``), or a PRODUCT or CAPABILITY mention, as its
  object, its passive subject or the noun its participle describes.

The firm supplies the state party, and so do its partners in the work
(:func:`nlp.components.place_recipients.with_partners`: "together with X"), one event each; the event has the confidence :data:`CONFIDENCE` and says why in
``explanation``. Its hedged and negated marks come from the verb, as for every event of ``redflag_events``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import TOOL_NOUNS, family_verbs, has_complete_supply, name_at, supply_event
from nlp.components.place_recipients import with_partners

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

CONFIDENCE = 0.6
RULE = "made_for"
_STATE_LABELS = frozenset({"GOV_AGENCY", "COUNTRY"})
_FIRM_LABELS = frozenset({"ORG"})
_ITEM_LABELS = frozenset({"PRODUCT", "CAPABILITY"})
# verbs of a report that raise the doer to their own subject ("is said / thought to have built")
REPORTING_VERBS = frozenset({"believe", "say", "think", "report", "know", "understand", "allege", "suspect",
                             "seem", "appear"})


def made_for_supplies(
    sent: Span,
    mentions: list[Mention],
    events: list[Event],
    verbs: Collection[str],
    new_event: Callable[[str, Token], Event],
) -> list[Event]:
    """The supplies ``sent`` tells as goods a firm put up or made for a state body (module docstring); [] when the
    sentence already has a complete supply. Shapes: ``mentions`` the sentence's Mention objects; ``verbs`` lemmas;
    ``new_event`` the Event factory of ``redflag_events``."""
    if has_complete_supply(events):
        return []
    out: list[Event] = []
    for verb in family_verbs(sent, verbs):
        firms = _doers(verb, mentions)
        buyers = [b for b in _for_parties(verb, mentions) if all(b.key != f.key for f in firms)]
        if not firms or not buyers or not _acts_on_goods(verb, mentions):
            continue
        doers: list[Mention] = []
        for firm in firms:
            doers += [p for p in with_partners(firm, verb, mentions) if all(p.key != d.key for d in doers)]
        for doer in doers:  # (one sale each: the firm and its partners in the work, "together with X")
            out.append(supply_event(
                new_event, verb, at_most=CONFIDENCE, rule=RULE, supplier=[doer], recipient=buyers,
                mentions=mentions, goods=_outside(buyers),
                explanation=(f"{doer.value} '{verb.text}' goods for {', '.join(b.value for b in buyers)}: a firm's "
                             "work for a state body is a supply to it")))
    return out


def _outside(parties: list[Mention]) -> Callable[[Mention], bool]:
    """A goods filter: True for a PRODUCT or CAPABILITY mention that holds none of ``parties``."""
    return lambda m: not any(m.span.start <= p.root.i < m.span.end for p in parties)


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is coordinated under ("designed and built": for "built", also "designed")."""
    out = [verb]
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
        out.append(node)
    return out


def _named(tok: Token, mentions: list[Mention], labels: frozenset[str]) -> list[Mention]:
    """The names of ``labels`` at ``tok`` and at the tokens coordinated with it ("A and B")."""
    out: list[Mention] = []
    todo = [tok]
    while todo:
        t = todo.pop()
        m = name_at(t, mentions, labels, appos=True)
        if m is not None and all(o.key != m.key for o in out):
            out.append(m)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return sorted(out, key=lambda m: m.span.start)


def _doers(verb: Token, mentions: list[Mention]) -> list[Mention]:
    """The firms that did the work: the subject of the verb or of the verb it is coordinated under, or the name
    after "by" of a passive or participle."""
    for v in _chain(verb):
        for c in v.children:
            if c.dep_ == "nsubj":
                return _named(c, mentions, _FIRM_LABELS)
            if c.dep_ == "agent":
                pobj = next((o for o in c.children if o.dep_ == "pobj"), None)
                return [] if pobj is None else _named(pobj, mentions, _FIRM_LABELS)
    top = _chain(verb)[-1]
    if top.dep_ == "xcomp" and top.head.lemma_.casefold() in REPORTING_VERBS:
        # a report verb raising the subject ("X is thought to have built a system for Y"; round 18, deals20)
        subj = next((c for c in top.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return [] if subj is None else _named(subj, mentions, _FIRM_LABELS)
    if top.dep_ == "acl" and any(c.dep_ == "dobj" for v in _chain(verb) for c in v.children):
        # a finite verb the parser hung on its subject's name as a clause ("X designed and built the system":
        # "designed" an acl of "X" that still takes an object)
        return _named(top.head, mentions, _FIRM_LABELS)
    return []


def _for_parties(verb: Token, mentions: list[Mention]) -> list[Mention]:
    """The state parties of a "for" phrase on the verb or on the verb it is coordinated under; [] when the phrase
    names a firm (a firm working for a firm is no sale to a state)."""
    chain = _chain(verb)
    # (on the verb, or on its object: "rolled out a system for the Y police")
    for node in chain + [c for v in chain for c in v.children if c.dep_ == "dobj"]:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            pobj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if pobj is None or _named(pobj, mentions, _FIRM_LABELS):
                continue
            if found := _named(pobj, mentions, _STATE_LABELS):
                return found
    return []


def _acts_on_goods(verb: Token, mentions: list[Mention]) -> bool:
    """True when the verb's object, passive subject or described noun (of a participle) is goods: a tool noun, or
    a PRODUCT or CAPABILITY mention in that noun's phrase."""
    nouns = [c for v in _chain(verb) for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl":
        nouns.append(verb.head)
    if verb.dep_ == "advcl" and verb.i < verb.head.i:  # "Built by X for Y, the network ..."
        nouns += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for noun in nouns:
        if noun.lemma_.casefold() in TOOL_NOUNS:
            return True
        phrase = {t.i for t in noun.subtree}
        if any(m.label in _ITEM_LABELS and m.root.i in phrase for m in mentions):
            return True
    return False
