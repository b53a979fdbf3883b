"""Buys told as a call for bids or as money set aside for goods (issue 13 round 24, brief supplyparty28).

Procurement news and council records often tell a state body's buy before any seller is chosen: "the National
Crime Records Bureau is inviting bids for an automated facial recognition system", "the agency put out a tender for
airborne surveillance platforms", "the Defence Intelligence Agency budgeted $4 million for lawful interception
tools", "the police department is requesting $750,000 to replace its cell-site simulator", "the National Assembly
approved $4 million for the Defence Intelligence Agency to launch an interception platform". No trade verb is said,
so the parse rules read nothing; the gold of the real sets holds such a buy as a supply with a recipient and the
goods, and no supplier (nlp/devset/real/README.md: a role the text does not name is left out).

The rule, one sentence at a time, when no supply of the sentence has a recipient yet:

- a call: a verb of ``[call_verbs]`` (``nlp/data/tender_wordings.txt``) whose object is, or is headed by, a noun of
  ``[call_nouns]`` ("issued a tender", "published a tender notice", "is inviting bids", "floated an RFP");
- or money: a verb of ``[money_verbs]`` ("set" only with "aside") whose object is a sum (a MONEY entity or a noun of
  ``[money_nouns]``), or that takes "for" goods itself ("budgeted for drones");
- the goods: a PRODUCT or CAPABILITY mention, or a tool noun (``common.TOOL_NOUNS``), in a "for" phrase on the verb
  or its object, or in the object of a purpose clause on the verb ("to replace its simulator": a verb of
  ``[getting_verbs]``);
- the buyer: a state body (GOV_AGENCY) named in the "for" phrase that holds no goods ("$4 million for the agency to
  launch ..."), else the verb's subject; never a firm (a firm inviting bids is no state buy).

The state body gets the goods, one event with no supplier, at :data:`CONFIDENCE`, its hedged and negated marks
from the verb as for every event of ``redflag_events``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import ITEM_LABELS, TOOL_NOUNS, name_at, supply_event, word_sections

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

RULE = "tenders"
CONFIDENCE = 0.55
_WORDS = word_sections("tender_wordings.txt")
CALL_VERBS = _WORDS["call_verbs"]
CALL_NOUNS = _WORDS["call_nouns"]
MONEY_VERBS = _WORDS["money_verbs"]
MONEY_NOUNS = _WORDS["money_nouns"]
GETTING_VERBS = _WORDS["getting_verbs"]
# particles a verb needs to take its sense here ("put out a tender", "set aside funds", "set up a system")
_CALL_PARTICLES = {"put": "out"}
_MONEY_PARTICLES = {"set": "aside"}
_GETTING_PARTICLES = {"set": "up"}
_STATE = frozenset({"GOV_AGENCY"})


def tender_supplies(
    sent: Span,
    mentions: list[Mention],
    events: list[Event],
    new_event: Callable[[str, Token], Event],
) -> list[Event]:
    """The buys ``sent`` tells as a call for bids or money set aside for goods (module docstring); [] when a supply
    of the sentence already has a recipient. Shapes: ``mentions`` the sentence's Mention objects; ``new_event`` the
    Event factory of ``redflag_events``."""
    if any(ev.type == "supply" and ev.roles.get("recipient") for ev in events):
        return []
    out: list[Event] = []
    for verb, kind in _procurement_verbs(sent):
        goods_nodes = list(_goods_nodes(verb))
        goods = [m for m in mentions if m.label in ITEM_LABELS and any(_holds(n, m.root) for n in goods_nodes)]
        if not goods and not any(t.lemma_.casefold() in TOOL_NOUNS for n in goods_nodes for t in n.subtree):
            continue
        buyer = _buyer(verb, mentions)
        if buyer is None:
            continue
        ev = supply_event(new_event, verb, at_most=CONFIDENCE, rule=RULE, recipient=[buyer])
        for m in goods:
            ev.add("capability" if m.label == "CAPABILITY" else "product", m)
        ev.explanation = (f"{buyer.value} {'calls for bids' if kind == 'call' else 'sets money aside'} for goods "
                          f"('{verb.text}'): a state body's buy whose seller the text does not name")
        out.append(ev)
        break  # (one buy a sentence)
    return out


def calls_for_goods(sent: Span) -> bool:
    """True when ``sent`` has a verb that calls for bids or sets money aside (:func:`_procurement_verbs`): a
    sentence with one name, the buyer, is still read for it."""
    return next(_procurement_verbs(sent), None) is not None


def _with_particle(verb: Token, particles: dict[str, str]) -> bool:
    """True when ``verb`` has the particle ``particles`` asks for its lemma, or needs none."""
    lemma = verb.lemma_.casefold()
    return lemma not in particles or any(c.dep_ == "prt" and c.lower_ == particles[lemma] for c in verb.children)


def _objects(verb: Token) -> list[Token]:
    """The verb's direct objects, with the nouns coordinated with them."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    return out + [c for o in out for c in o.children if c.dep_ == "conj"]


def _procurement_verbs(sent: Span) -> Iterator[tuple[Token, str]]:
    """The verbs of ``sent`` that call for bids ("call") or set money aside ("money"), in text order."""
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.casefold()
        objs = _objects(verb)
        if lemma in CALL_VERBS and _with_particle(verb, _CALL_PARTICLES) and any(_is_call(o) for o in objs):
            yield verb, "call"
        elif lemma in MONEY_VERBS and _with_particle(verb, _MONEY_PARTICLES) and (
                any(_is_money(o) for o in objs) or (not objs and _for_phrases(verb))):
            yield verb, "money"


def _is_call(noun: Token) -> bool:
    """A noun of a call for bids, one headed by its compound ("a tender notice", "the RFP document"), or one asking
    "for" such a noun ("a request for proposals", "a call for bids")."""
    return noun.lemma_.casefold() in CALL_NOUNS or noun.lower_ in CALL_NOUNS or any(
        c.dep_ == "compound" and c.lemma_.casefold() in CALL_NOUNS for c in noun.children) or any(
        o.lemma_.casefold() in CALL_NOUNS for o in _for_phrases(noun))


def _is_money(noun: Token) -> bool:
    """A sum: a figure ("$4 million", "750,000", "7.46 billion Naira": a number at the noun or on it), a MONEY
    entity, or a noun of money set aside ("funds", "a budget of N")."""
    return noun.ent_type_ == "MONEY" or noun.like_num or noun.lemma_.casefold() in MONEY_NOUNS \
        or noun.lower_ in MONEY_NOUNS or any(c.like_num or c.is_currency for c in noun.children)


def _for_phrases(node: Token) -> list[Token]:
    """The objects of the "for" phrases on ``node``."""
    return [o for p in node.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]


def _purpose_objects(node: Token) -> list[Token]:
    """The objects of a purpose clause on ``node`` whose verb gets goods ("to replace its simulator"), also one
    hop down a clause that aims at it ("a tender notice looking to procure a system")."""
    out: list[Token] = []
    for c in node.children:
        if c.dep_ not in ("xcomp", "advcl", "relcl", "acl"):
            continue
        for v in [c] + [x for x in c.children if x.dep_ == "xcomp"]:
            if v.lemma_.casefold() in GETTING_VERBS and _with_particle(v, _GETTING_PARTICLES) \
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children):
                out += _objects(v)
    return out


def _goods_nodes(verb: Token) -> Iterator[Token]:
    """The nouns that may name the goods: "for" objects on the verb and its objects (and the nouns in apposition or
    coordinated there), and the objects of a purpose clause on the verb, its objects or a "for" object."""
    heads = [verb] + _objects(verb)
    fors = [o for h in heads for o in _for_phrases(h)]
    for node in heads + fors:
        yield from _purpose_objects(node)
    yield from fors


def _holds(node: Token, tok: Token) -> bool:
    """True when ``tok`` lies in ``node``'s phrase."""
    return node.left_edge.i <= tok.i <= node.right_edge.i


def _buyer(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The state body that buys: one named by a "for" object on the verb or its objects ("$4 million for the
    agency to launch ..."), else the verb's subject; None when that is no state body."""
    for pobj in [o for h in [verb] + _objects(verb) for o in _for_phrases(h)]:
        if (m := name_at(pobj, mentions, _STATE, appos=True)) is not None:
            return m
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # "wants to seek bids", "met and issued"
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    return name_at(subj, mentions, _STATE, appos=True)
