"""Deal wordings of round 14's second wave (issue 13; kinds of the round-16 probe, a probe of news passages kept
outside the project):

- a vendor's denial that goes on to say what it did: "X has denied any wrongdoing, saying it delivered the project
  to Y" denies the wrongdoing, not the delivery (:func:`said_beside_denial`);
- a state or firm announcing a giving noun: "Japan has announced the provision of two drones to the Y Navy": the
  subject of the announcing verb gives (:func:`giver_of_nominal`);
- the maker named by a participle on the goods a state uses or deploys: "The X system used in Ecuador was
  manufactured jointly by A and B", "Nigeria and Ghana have invested in deploying CCTV, developed by A and B": the
  makers supply the state (:func:`maker_participle_supplies`); also a participle set before the goods' clause
  ("Developed by A, the spyware was bought by Y"; with no user named, the one country where the clause's goods
  work: "Built by A, the network covers every city in Y"; round 18, brief supply20).

:mod:`nlp.components.events` wires them in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import has_complete_supply, name_at, supply_event

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

CONFIDENCE = 0.6
RULE = "deal_wording"
# participles of saying that go on from a denial to what the speaker did ("denied wrongdoing, saying it delivered")
_SAYING_VERBS = frozenset({"say", "add", "insist", "maintain", "state", "stress", "explain", "claim", "argue",
                           "note", "assert"})
# nouns of giving goods that an announcing verb may take
_GIVING_NOUNS = frozenset({"provision", "supply", "delivery", "donation", "gift", "handover", "transfer"})
# verbs whose subject gives what the giving noun names ("announced the provision of", "completed the delivery of")
_ANNOUNCING_VERBS = frozenset({"announce", "approve", "confirm", "complete", "make", "finalise", "finalize",
                               "pledge", "promise", "offer", "begin", "start", "commence"})
_GIVER_LABELS = frozenset({"COUNTRY", "GOV_AGENCY", "ORG"})
_STATE_LABELS = frozenset({"COUNTRY", "GOV_AGENCY"})
# participles naming the maker of goods ("manufactured by", "developed by", "produced by")
_MAKING_VERBS = frozenset({"make", "manufacture", "produce", "develop", "build", "design", "create", "supply",
                           "provide", "install"})
# verbs of a state taking goods into use ("invested in deploying CCTV", "uses the system", "bought cameras")
_USING_VERBS = frozenset({"use", "deploy", "invest", "install", "buy", "purchase", "acquire", "procure", "operate",
                          "roll", "implement", "run"})

# verbs telling where goods work ("the network covers every city in X", "serves the whole of X"), for a participle
# set before them
_COVERING_VERBS = frozenset({"cover", "serve", "span", "monitor", "watch", "link", "connect"})


def said_beside_denial(node: Token) -> bool:
    """True for a participle of saying hung on a denial as an adverbial clause ("has denied any wrongdoing,
    saying it delivered the project to Y"): what it says is asserted, not denied."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_.casefold() in _SAYING_VERBS


def _with_conjuncts(tok: Token, mentions: list[Mention], labels: frozenset[str]) -> list[Mention]:
    """The names of ``labels`` at ``tok`` and at the tokens coordinated with it ("A and B", "the groups A and B")."""
    out: list[Mention] = []
    todo = [tok]
    while todo:
        t = todo.pop()
        m = name_at(t, mentions, labels)
        if m is not None and all(o.key != m.key for o in out):
            out.append(m)
        todo += [c for c in t.children if c.dep_ in ("conj", "appos")]
    return sorted(out, key=lambda m: m.span.start)


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
    return None if subj is None else name_at(subj, mentions, _GIVER_LABELS)


def _goods_of(made: Token) -> Token | None:
    """The goods a making participle is said of: the noun it hangs on ("CCTV, developed by"), the subject of a
    passive ("The system ... was manufactured by"), the subject of the clause a participle is set before
    ("Developed by X, the spyware was bought by Y"), or the object of the verb before it ("deploying CCTV, developed
    by")."""
    if made.dep_ == "acl":
        return made.head
    if made.dep_ == "ROOT" or any(c.dep_ == "auxpass" for c in made.children):
        return next((c for c in made.children if c.dep_ == "nsubjpass"), None)
    if made.dep_ == "advcl" and made.i < made.head.i:
        # a participle set before the clause it describes ("Developed by X, the spyware was bought by Y"): the
        # goods are that clause's subject
        subj = next((c for c in made.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj
    if made.dep_ == "advcl":
        objs = [t for t in made.head.subtree if t.dep_ == "dobj" and t.i < made.i and t.pos_ in ("NOUN", "PROPN")]
        return objs[-1] if objs else None
    return None


def _users_of(goods: Token, made: Token, mentions: list[Mention]) -> list[Mention]:
    """The states that use the goods: "used in / by <state>" on the goods, or the subject of a using verb the
    goods are the object of ("Nigeria and Ghana have invested in deploying CCTV"), or its agent when the goods are
    its passive subject ("the spyware was bought by Y", "the network is run by Y")."""
    for c in goods.children:
        if c.dep_ == "acl" and c.lemma_.casefold() in _USING_VERBS:
            for p in c.children:
                if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by"):
                    for o in p.children:
                        if o.dep_ == "pobj" and (found := _with_conjuncts(o, mentions, _STATE_LABELS)):
                            return found
    node = goods.head
    for _ in range(4):
        if node.lemma_.casefold() in _USING_VERBS and node.pos_ == "VERB":
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is None:  # a passive: "the spyware was bought by Y"
                agent = next((c for c in node.children if c.dep_ == "agent"), None)
                subj = None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subj is not None:
                return _with_conjuncts(subj, mentions, _STATE_LABELS)
        if node.head.i == node.i or node.i == made.i:
            break
        node = node.head
    return []


def _country_served(made: Token, mentions: list[Mention]) -> list[Mention]:
    """For a participle set before its clause, the one country where that clause's goods work ("Built by X, the
    network now covers every city in Kenya" -> Kenya): a COUNTRY after "in", "across" or "throughout" in the
    clause of a using or covering verb, outside the participle's phrase; [] when none or several."""
    main = made.head
    if made.dep_ != "advcl" or made.i > main.i or main.lemma_.casefold() not in _USING_VERBS | _COVERING_VERBS:
        return []
    inside = {t.i for t in made.subtree}
    found = []
    for m in mentions:
        node = m.root
        while node.dep_ == "conj" and node.head.i != node.i:  # ("in Kenya and Uganda": both)
            node = node.head
        if m.label == "COUNTRY" and m.root.i not in inside and node.dep_ == "pobj" \
                and node.head.lower_ in ("in", "across", "throughout") and main.i in {a.i for a in node.ancestors}:
            found.append(m)
    return found if len({m.value for m in found}) == 1 else []


def maker_participle_supplies(sent: Span, mentions: list[Mention], events: list[Event],
                              new_event: Callable[[str, Token], Event]) -> list[Event]:
    """Supplies from the maker a participle names to the state that uses the goods (module docstring); [] when the
    sentence already has a complete supply."""
    if has_complete_supply(events):
        return []
    for made in sent:
        if made.tag_ != "VBN" or made.lemma_.casefold() not in _MAKING_VERBS:
            continue
        agent = next((c for c in made.children if c.dep_ == "agent"), None)
        pobj = None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        makers: list[Mention] = []
        for m in _with_conjuncts(pobj, mentions, frozenset({"ORG"})):
            if all(m.value != o.value and not (m.root.dep_ == "appos" and o.span.start <= m.root.head.i < o.span.end)
                   for o in makers):  # (a name and its acronym in brackets, "X (XY)": one maker)
                makers.append(m)
        goods = _goods_of(made)
        if not makers or goods is None:
            continue
        users = [u for u in _users_of(goods, made, mentions) or _country_served(made, mentions)
                 if all(u.key != m.key for m in makers)]
        out = []
        for maker in makers:
            out.append(supply_event(
                new_event, made, at_most=CONFIDENCE, rule=RULE, supplier=[maker], recipient=users,
                explanation=f"goods '{goods.text}' {made.text} by {maker.value}, used by " + ", ".join(
                    u.value for u in users)))
        if users:
            return out
    return []
