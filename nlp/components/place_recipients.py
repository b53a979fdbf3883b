"""Supplies whose buyer is told as a place: a firm putting up surveillance goods in a country.

Surveys of the trade often name the buyer only as the place the goods go up: "the Chinese firm X lines the main
roads of <country>'s capital with smart cameras", "In <country>, meanwhile, X helps build a safe-city network". The state of that place is the buyer (the direction rule: the state is the recipient, the firm
the supplier); the parse rules of ``redflag_events`` find no recipient there, as a place is no party.

The rule, one sentence at a time, when the sentence has no supply with both parties:

- a verb of putting up goods ("place_install" of ``nlp/data/event_triggers.json``: line, install, set up, build,
  deploy, roll out, equip, outfit; "set" only with "up", "roll" only with "out") whose subject is a firm (an ORG,
  or a common noun with the firm in apposition: "the Chinese company X");
- the goods are surveillance goods: a capability the entity ruler tagged ("surveillance cameras", "safe-city") or a
  goods noun (camera, CCTV, drone, spyware) in the verb's phrase;
- the place is a country (or its capital) told as where the verb acts ("in Serbia", "across Serbia", "throughout
  Serbia", also before the subject: "Farther west, in Serbia, X is ...", or on the goods: "cameras all over X") or
  as the owner of the streets or cities the goods line ("the streets of Mongolia's capital").

The firm's partners in the work (:func:`with_partners`: "together with X") supply too, one event each. The event
has the confidence :data:`CONFIDENCE` and says why in ``explanation``.

A second wording (round 21, brief supply24; :func:`won_place_supplies`): a firm that won surveillance work in a
place. Trade press and NGO reports count a vendor's public projects by the region they are in: "X has won $500
million in surveillance projects in <province>", "contracts won by X to install cameras in <country>". The verb is a
``contract_won`` lemma of ``nlp/data/event_triggers.json`` (win, bag, clinch, secure, land) with the firm as its
subject, or a participle whose agent ("by X") is the firm; a work noun of :data:`WORK_NOUNS` ("project", "contract",
"tender") is in its phrase, and surveillance goods (a tagged capability, a goods noun, or a word of
:data:`SURVEILLANCE_WORDS`); the place is a country or a region or city whose country ``nlp/data/places.tsv`` or
the subdivision table gives (a PLACE mention, whose value is that country's code), under "in", "across",
"throughout" or "over" in the verb's phrase. The state of the place is the buyer, as for the first wording.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import event_triggers, family_verbs, has_complete_supply, supply_event

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

CONFIDENCE = 0.6
RULE = "place_recipient"
# nouns of a place's parts the goods line: "the streets of Mongolia's capital", "cities of Kenya"
_PLACE_PARTS = frozenset({"capital", "city", "cities", "street", "streets", "town", "towns", "road", "roads", "border",
                          "borders", "region", "regions", "province", "provinces"})
_GOODS_NOUNS = frozenset({"camera", "cctv", "drone", "spyware"})  # ("system", "network" alone: any trade)
# prepositions of where the verb acts ("in Serbia", "across Serbia", "throughout Serbia", "all over Serbia";
# "across", "throughout", "over": round 18, brief supply20)
_PLACE_PREPS = frozenset({"in", "across", "throughout", "over"})
# words before "with" that make the name after it a partner in the work ("together with X", "in partnership with X")
_WITH_OPENERS = frozenset({"together", "jointly", "partnership", "cooperation", "conjunction", "collaboration"})
# the verbs of winning a deal (``contract_won`` of nlp/data/event_triggers.json) and the work nouns they take there
WON_VERBS = frozenset(event_triggers()["contract_won"])
WORK_NOUNS = frozenset({"project", "contract", "tender", "bid", "deal", "order"})
# words that make won work surveillance work without a tagged capability ("government surveillance projects")
SURVEILLANCE_WORDS = _GOODS_NOUNS | {"surveillance", "monitoring", "interception", "policing"}
# words between the verb and "in <country>" that keep the place the verb's ("Farther west, in Serbia")
_PLACE_LINKS = frozenset({"advcl", "advmod", "npadvmod"})


def place_supplies(
    sent: Span,
    mentions: list[Mention],
    events: list[Event],
    verbs: Collection[str],
    new_event: Callable[[str, Token], Event],
) -> list[Event]:
    """The supplies ``sent`` tells with the buyer as a place (module docstring); [] when it has a complete supply."""
    if has_complete_supply(events):
        return []
    countries = [m for m in mentions if m.label == "COUNTRY"]
    if not countries:
        return []
    out: list[Event] = []
    for tok in family_verbs(sent, verbs):
        firm = _firm_subject(tok, mentions)
        if firm is None or not _surveillance_goods(tok, mentions):
            continue
        place = next((m for m in countries if _place_of(m, tok)), None)
        if place is None:
            continue
        for doer in with_partners(firm, tok, mentions):
            out.append(supply_event(
                new_event, tok, at_most=CONFIDENCE, rule=RULE, supplier=[doer], recipient=[place],
                explanation=f"{doer.value} '{tok.text}' goods in {place.value}: the state of the place is the buyer"))
    return out


def with_partners(firm: Mention, verb: Token, mentions: list[Mention]) -> list[Mention]:
    """``firm`` and the firms told as doing the work with it before ``verb`` (round 18, brief supply20): a name
    right after "together with", "jointly with", "in partnership/cooperation/conjunction with" ("Together with
    X, Y has deployed cameras", "Y, together with X, installed"), or a name the parser set in apposition to the
    other (it may hang "Y" on "X" when the "with" phrase opens the sentence). Each of them supplies the goods."""
    out = [firm]
    for m in mentions:
        if m.label != "ORG" or m.span.end > verb.i or any(m.key == o.key for o in out):
            continue
        first = m.span[0]
        opener = first.i >= 2 and first.nbor(-1).lower_ == "with" and first.nbor(-2).lower_ in _WITH_OPENERS
        if opener or any(m.root.dep_ == "appos" and o.span.start <= m.root.head.i < o.span.end
                         or o.root.dep_ == "appos" and m.span.start <= o.root.head.i < m.span.end for o in out):
            out.append(m)
    return out


def _firm_subject(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The firm that is the verb's subject: named ("Huawei is helping set up") or in apposition to a common noun
    ("the Chinese company Dahua is lining"); for a verb in an open clause ("X is helping to set up", "X plans to
    install") the subject of the verb it completes, up to two clauses up."""
    node = verb
    for _ in range(3):
        for subj in node.children:
            if subj.dep_ != "nsubj":
                continue
            for m in mentions:
                if m.label == "ORG" and (m.span.start <= subj.i < m.span.end
                                         or m.root.dep_ == "appos" and m.root.head.i == subj.i):
                    return m
            return None
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return None
        node = node.head
    return None


def _surveillance_goods(verb: Token, mentions: list[Mention]) -> bool:
    sub = {t.i for t in verb.subtree}
    return any(m.label == "CAPABILITY" and m.root.i in sub for m in mentions) or any(
        t.lemma_.casefold() in _GOODS_NOUNS and t.pos_ == "NOUN" for t in verb.subtree)


def _place_of(m: Mention, verb: Token) -> bool:
    """True when the country ``m`` is where ``verb`` acts: "in <country>" (or "across", "throughout", "over") on the verb or on an adverbial of it
    ("Farther west, in Serbia"), or the owner of streets or cities in the verb's phrase ("the streets of
    Mongolia's capital")."""
    root = m.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _PLACE_PREPS:
        on = head.head
        # (on the verb, an adverbial of it, or the goods it puts up: "deployed cameras all over X"; or on the verb
        # the verb completes: "in X, the firm is helping to set up ...")
        verbs = {verb.i} | ({verb.head.i} if verb.dep_ == "xcomp" else set())
        return on.i in verbs or on.dep_ in _PLACE_LINKS | {"dobj"} and on.head.i in verbs
    if root.dep_ == "poss" and head.lower_ in _PLACE_PARTS:
        node = head
        for _ in range(4):
            if node.i == verb.i:
                return True
            if node.head.i == node.i:
                break
            node = node.head
    return False


def won_place_supplies(sent: Span, mentions: list[Mention], events: list[Event],
                       new_event: Callable[[str, Token], Event]) -> list[Event]:
    """The supplies of the module docstring's second wording ("X has won surveillance projects in <place>"): one
    event per firm that won, its recipient the place (a COUNTRY, or a PLACE mention valued with its country's code);
    [] when ``events`` hold a complete supply. Shapes: the sentence, its Mention objects, its events so far and the
    Event factory -> new events."""
    if has_complete_supply(events):
        return []
    places = [m for m in mentions if m.label in ("COUNTRY", "PLACE") and len(m.value) == 2 and m.value.isupper()]
    if not places:
        return []
    out: list[Event] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.casefold() not in WON_VERBS:
            continue
        firms = _winners(verb, mentions)
        if not firms:
            continue
        by_agent = any(c.dep_ == "agent" for c in verb.children)  # (the parser may make the work the subject)
        phrase = [t for t in verb.subtree if by_agent or t.dep_ not in ("nsubj", "nsubjpass") or t.head.i != verb.i]
        phrase = [t for t in phrase if not any(f.span.start <= t.i < f.span.end for f in firms)]
        if verb.dep_ == "acl":  # "contracts won by X to install cameras in Y": the noun the participle is on
            phrase += [verb.head]
        inside = {t.i for t in phrase}
        if not any(t.lemma_.casefold() in WORK_NOUNS and t.pos_ == "NOUN" for t in phrase):
            continue
        if not any(t.lemma_.casefold() in SURVEILLANCE_WORDS for t in phrase) and not any(
                m.label == "CAPABILITY" and m.root.i in inside for m in mentions):
            continue
        place = next((m for m in places if m.root.i in inside and m.root.dep_ == "pobj"
                      and m.root.head.lower_ in _PLACE_PREPS), None)
        if place is None:
            continue
        for firm in firms:
            out.append(supply_event(
                new_event, verb, at_most=CONFIDENCE, rule=RULE, supplier=[firm], recipient=[place],
                explanation=(f"{RULE}: {firm.value} '{verb.text}' surveillance work in {place.span.text}: the state of "
                             "the place is the buyer")))
    return out


def _winners(verb: Token, mentions: list[Mention]) -> list[Mention]:
    """The firms that won at ``verb``: its subject (with the firms coordinated with it: "X and Y have won"), or the
    agent of a participle ("contracts won by X"); for a relative pronoun ("X, which has won", "X and Y, which
    reporters found to have won"), the names the relative clause is on."""
    heads = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
    heads += [o for p in verb.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"]
    if not heads and any(c.tag_ in ("WDT", "WP") for c in verb.children) and (on := _antecedent(verb)) is not None:
        heads = [on]
    out: list[Mention] = []
    for h in heads:
        for t in (h, *h.conjuncts):
            m = next((m for m in mentions if m.label == "ORG" and (
                m.span.start <= t.i < m.span.end or m.root.dep_ == "appos" and m.root.head.i == t.i)), None)
            if m is not None and all(m.key != o.key for o in out):
                out.append(m)
    return out


def _antecedent(verb: Token) -> Token | None:
    """The noun the relative clause holding ``verb`` is on, through open complements ("which reporters found to
    have won": "found" is the relative clause); None when ``verb`` is in no relative clause."""
    node = verb
    for _ in range(3):
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            return None
        node = node.head
    return None
