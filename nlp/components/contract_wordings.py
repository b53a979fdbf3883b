"""Generic contract and order wordings of news writing (issue 13, round 15): the state body and the firm of a deal
told by an idiom the trade verbs do not cover. The firm supplies, the state body gets:

- a deal made "with" the firm: "The Navy placed an order with X", "Y entered into a contract with X", "Y inked a
  deal with X", "Y tied up with X", and in the passive, "The order ... was placed with X by Y"
  (:data:`WITH_DEAL_VERBS`);
- a deal document issued "to" the firm: "Y issued a work order to X", "A letter of award was issued to X by Y";
- a deal the firm won "from" or "for" the body: "X bagged the contract to set up ... for Y", "X secured a tender
  from Y" (the ``contract_won`` lemmas of ``nlp/data/event_triggers.json``);
- a deal that "went to" the firm, the body being the one that says so or whose deal it is: "The tender for ... went
  to X, the Interior Ministry said";
- the body taking delivery of goods "from" the firm, turning "to" the firm "for" goods;
- the body taking the firm on to do the work: "Y roped in X to install ...", "Y hired X to install ...", "Y engaged
  X to deliver ..." (the ``contract_hired`` lemmas);
- the firm named by an agent noun of the trade on goods "for" the body: "X were the installers of the cameras for
  Y";
- a sum the body puts on the firm's goods, or pays to the firm (round 22; the ``paid_for`` lemmas): "Y approved
  $40,000 for X's plate reading service", "Y paid X $9,000 for its software"; a sum
  for goods of no named firm ("approved $2 million for road repairs") or paid to a firm's people ("paid $5,000 to
  X's staff") is no supply;
- deals the body holds for the firm's goods or with the firm (round 22; the ``deal_held`` lemmas): "Y had two
  contracts for X products", "Y has a contract with X";
- round 23 (council records and procurement news): a tender won that is named after its body or that the body
  reports ("X won the Interior Ministry tender", "X won the tender ..., the ministry said"); a deal document
  approved or awarded "to" the firm ("the council approved a purchase order to X"; the body the goods are "for" is
  the buyer where named); an order "for" a named firm's goods ("signed an order for 41 X Falcon cameras"); a sum paid
  "for" the firm itself ("pays $64,506 a year for X"); goods bought "from" a firm "for" (or "for use by") a body in an
  agenda item whose buying word has no subject ("Authorize the purchase of N from X, for use by Y"). A deal whose work is to study or review
  (``deal_for_study``) makes no supply.

:func:`contract_wording_supplies` reads the parse of one sentence and returns its events; the events module decides
hedging (a plan: "plans to place an order") and negation the same way as for its own events.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import event_triggers, name_at, supply_event

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

RULE = "contract_wordings"
CONFIDENCE = 0.7
SAID_CONFIDENCE = 0.6  # the body is the one that says who got the deal, or the deal's own "of"/"by" body
_T = event_triggers()
# verbs of making a deal "with" a firm ("placed an order with", "entered into a contract with", "tied up with")
WITH_DEAL_VERBS = frozenset(_T["contract_with"])
# verbs of winning a deal ("bagged", "secured", "won")
WON_DEAL_VERBS = frozenset(_T["contract_won"])
# verbs of taking a firm on to do the work ("roped in X to install", "hired X to install", "engaged X to deliver")
HIRED_VERBS = frozenset(_T["contract_hired"])
# verbs of putting a sum on goods ("approved $N for X's service", "paid X $N for its software")
PAID_FOR_VERBS = frozenset(_T["paid_for"])
# buying verbs and nouns of an agenda item that names no buyer ("Approval to purchase drones from X for the Police
# Department", "Authorize the purchase of three readers from X, for use by the Y Police Department")
BUYING_WORDS = frozenset(_T["supply_buyer"] | _T["supply_buyer_nouns"])
# verbs of holding a deal ("had two contracts for X products", "has a contract with X")
DEAL_HELD_VERBS = frozenset(_T["deal_held"])
# words that make an object a sum ("$40,000", "2 million euros", "the funds")
_SUM_WORDS = frozenset({"dollar", "euro", "pound", "rupee", "yuan", "shekel", "million", "billion", "fund", "money",
                        "sum", "payment"})
# heads of what a sum may be "for" that are no goods of the firm: its people, its legal or money matters
_NOT_FIRM_GOODS = frozenset({"staff", "employee", "worker", "personnel", "executive", "lawyer", "attorney", "team",
                             "settlement", "lawsuit", "fine", "penalty", "tax", "debt", "loan", "share", "stock",
                             "stake", "salary", "wage", "bonus", "travel"})
# deal nouns: an order, a contract, a tender, a letter of award
DEAL_NOUNS = frozenset({"contract", "deal", "agreement", "order", "tender", "subcontract", "award", "bid",
                        "purchase", "procurement"})
# verbs of issuing, approving or awarding a deal document to a firm ("issued a work order to X", "approved a purchase
# order to X")
_ISSUING_VERBS = frozenset(_T["deal_issued"])
# work of a deal that hands over no goods ("a contract with X to study the cost of radios")
STUDY_WORK_VERBS = frozenset(_T["deal_for_study"])
# agent nouns of the trade ("the installers of the cameras for Y")
SELLER_NOUNS = frozenset({"installer", "supplier", "vendor", "provider", "contractor", "manufacturer", "maker",
                          "integrator", "seller", "developer", "builder"})
_STATE = frozenset({"GOV_AGENCY", "COUNTRY", "GOV_GENERIC"})
_FIRM = frozenset({"ORG"})


def _kids(tok: Token, deps: tuple[str, ...], words: tuple[str, ...] = ()) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps and (not words or c.lower_ in words)]


def _objects_of(tok: Token, words: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``words`` hung on ``tok`` ("with X", "to X", "by X")."""
    return [o for p in _kids(tok, ("prep", "agent", "dative"), words) for o in p.children if o.dep_ == "pobj"]


def _state_at(tok: Token, mentions: list[Mention]) -> Mention | None:
    return name_at(tok, mentions, _STATE)


def _firm_at(tok: Token, mentions: list[Mention]) -> Mention | None:
    return name_at(tok, mentions, _FIRM, appos=True)


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is the open complement or conjunct of ("plans to place")."""
    node = verb
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _deal_noun(verb: Token) -> Token | None:
    """The deal noun a verb takes: its object ("placed an order"), its passive subject ("The order ... was placed"),
    or the object of "into" ("entered into a contract")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.casefold() in DEAL_NOUNS:
            return c
        if c.dep_ == "nsubjpass" and c.lemma_.casefold() == "letter" and any(
                o.lemma_.casefold() in DEAL_NOUNS for o in c.subtree):
            return c  # "A letter of award was issued to X"
    for o in _objects_of(verb, ("into",)):
        if o.lemma_.casefold() in DEAL_NOUNS:
            return o
    return None


def _buyer(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The state body that makes the deal: the passive's agent ("by Y"), else the subject."""
    for o in _objects_of(verb, ("by",)):
        if (m := _state_at(o, mentions)) is not None:
            return m
    subj = _subject(verb)
    return None if subj is None else _state_at(subj, mentions)


def _with_deal(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "Y placed an order with X", "Y entered into a contract with X", "Y tied up with X", "The order was placed
    with X by Y"."""
    lemma = verb.lemma_.casefold()
    if lemma not in WITH_DEAL_VERBS:
        return None
    deal = _deal_noun(verb)
    if deal is None and not (lemma == "tie" and _kids(verb, ("prt",), ("up",))):
        return None  # ("signed with X" alone, "placed with X" alone: not a deal)
    places = [verb] + ([] if deal is None else list(deal.subtree))  # ("an order for 500 cameras with X")
    firm = next((m for t in places for o in _objects_of(t, ("with",)) if (m := _firm_at(o, mentions)) is not None), None)
    state = _buyer(verb, mentions)
    if state is None:
        return None
    what = deal.text if deal is not None else "a tie-up"
    if firm is None and deal is not None and (firm := _firm_of_deal_goods(deal, mentions)) is not None:
        return firm, state, f"{state.out.text} {verb.text} {what} for {firm.out.text} goods"
    if firm is None:
        return None
    return firm, state, f"{state.out.text} {verb.text} {what} with {firm.out.text}"


def _firm_of_deal_goods(deal: Token, mentions: list[Mention]) -> Mention | None:
    """The firm whose named goods a deal is "for" ("signed an order for 41 X Falcon cameras"; round 23, council
    records): the firm set before the goods noun, as :func:`_firm_of_goods` reads it."""
    return next((m for o in _objects_of(deal, ("for",)) if (m := _firm_of_goods(o, mentions)) is not None), None)


def _issued_deal(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "Y issued a work order to X", "A letter of award was issued to X by Y"."""
    if verb.lemma_.casefold() not in _ISSUING_VERBS or (deal := _deal_noun(verb)) is None:
        return None
    # ("to X" on the verb, or on the deal itself: "approved a purchase order to X for 10 cameras")
    firm = next((m for o in _objects_of(verb, ("to",)) + _objects_of(deal, ("to",))
                 if (m := _firm_at(o, mentions)) is not None), None)
    state = _body_served(verb, mentions) or _buyer(verb, mentions)
    if firm is None or state is None:
        return None
    return firm, state, f"{state.out.text} {verb.text} {deal.text} to {firm.out.text}"


def _body_served(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The state body the deal's goods are "for", said in the verb's object or prepositional phrases: "approves the
    award of the contract to X for the provision of a system for the National Police Service" (the end user, not the
    body that approves)."""
    phrases = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "prep", "dative")]
    return next((m for c in phrases for t in c.subtree for o in _objects_of(t, ("for",))
                 if (m := _state_at(o, mentions)) is not None), None)


def _won_deal(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "X secured a tender from Y", "X bagged the contract to set up the project for Y": the body the deal is from,
    or the one it is for, inside the deal's phrase."""
    if verb.lemma_.casefold() not in WON_DEAL_VERBS:
        return None
    deal = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.casefold() in DEAL_NOUNS), None)
    subj = _subject(verb)
    if deal is None or subj is None or (firm := _firm_at(subj, mentions)) is None:
        return None
    for t in [verb, *deal.subtree]:
        for o in _objects_of(t, ("from", "for", "by")):
            if (state := _state_at(o, mentions)) is not None:
                return firm, state, f"{firm.out.text} {verb.text} {deal.text} {o.head.text} {state.out.text}"
    if (state := _deal_owner(deal, mentions)) is not None:
        return firm, state, f"{firm.out.text} {verb.text} the {state.out.text} {deal.text}"
    if (state := _sayer(verb, mentions)) is not None:
        return firm, state, f"{firm.out.text} {verb.text} {deal.text}, said {state.out.text}"
    return None


def _deal_owner(deal: Token, mentions: list[Mention]) -> Mention | None:
    """The state body named before a deal noun as its owner: "won the Interior Ministry tender", "won the ministry's
    contract for 200 cameras" (round 23, procurement news)."""
    return next((m for c in deal.children if c.dep_ in ("poss", "compound", "nmod") and c.i < deal.i
                 and (m := _state_at(c, mentions)) is not None), None)


def _sayer(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The state body that says what a reported clause tells ("X won the tender ..., the Interior Ministry said"):
    the subject of the saying verb ``verb`` is the complement of."""
    if verb.dep_ != "ccomp":
        return None
    sayer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return None if sayer is None else _state_at(sayer, mentions)


def _deal_went_to(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "The tender for the supply of IMSI catchers went to X, the Interior Ministry said": the deal's own body ("of
    Y", "by Y") or the body that says so."""
    if verb.lemma_.casefold() != "go":
        return None
    deal = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.casefold() in DEAL_NOUNS), None)
    firm = next((m for o in _objects_of(verb, ("to",)) if (m := _firm_at(o, mentions)) is not None), None)
    if deal is None or firm is None:
        return None
    for t in deal.subtree:
        for o in _objects_of(t, ("of", "by")):
            if (state := _state_at(o, mentions)) is not None:
                return firm, state, f"{deal.text} of {state.out.text} went to {firm.out.text}"
    if (state := _sayer(verb, mentions)) is not None:
        return firm, state, f"{deal.text} went to {firm.out.text}, said {state.out.text}"
    return None


def _took_delivery(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "Y took delivery of two aircraft from X", "Y turned to X for its new readers"."""
    lemma = verb.lemma_.casefold()
    subj = _subject(verb)
    if subj is None or (state := _state_at(subj, mentions)) is None:
        return None
    if lemma in ("take", "accept") and any(c.dep_ == "dobj" and c.lemma_.casefold() == "delivery"
                                           for c in verb.children):
        for t in verb.subtree:  # (the "from" phrase may hang anywhere in a long goods phrase the parser cut up)
            for o in _objects_of(t, ("from",)):
                if (firm := _firm_at(o, mentions)) is not None:
                    return firm, state, f"{state.out.text} {verb.text} delivery from {firm.out.text}"
    if lemma == "turn" and _kids(verb, ("prep",), ("for",)):
        firm = next((m for o in _objects_of(verb, ("to",)) if (m := _firm_at(o, mentions)) is not None), None)
        if firm is not None:
            return firm, state, f"{state.out.text} {verb.text} to {firm.out.text} for goods"
    return None


def _hired(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "Y roped in X to install cameras", "Y hired X to install", "Y engaged X to deliver": the firm taken on does
    the work the infinitive names (or "for" the goods)."""
    if verb.lemma_.casefold() not in HIRED_VERBS:
        return None
    subj = _subject(verb)
    if subj is None or (state := _state_at(subj, mentions)) is None:
        return None
    work = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not work and not _kids(verb, ("prep",), ("for",)):
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"] + _objects_of(verb, ("in",))
    firm = next((m for o in objs if (m := _firm_at(o, mentions)) is not None), None)
    if firm is None:
        return None
    return firm, state, f"{state.out.text} {verb.text} {firm.out.text}" + (f" to {work[0].text}" if work else "")


def _seller_noun(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "X were the installers of the cameras for Y": a copula whose attribute is a seller noun, the body "for"
    or "to" which."""
    if verb.lemma_.casefold() != "be":
        return None
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.lemma_.casefold() in SELLER_NOUNS), None)
    subj = _subject(verb)
    if attr is None or subj is None or (firm := _firm_at(subj, mentions)) is None:
        return None
    for t in attr.subtree:
        for o in _objects_of(t, ("for", "to")):
            if (state := _state_at(o, mentions)) is not None:
                return firm, state, f"{firm.out.text} {verb.text} the {attr.text} for {state.out.text}"
    return None


def _is_sum(tok: Token) -> bool:
    """ "$40,000", "2 million euros", "a $1.5 million renewal", "the funds": a money word or sign on the object's own
    words (its left part: not a "for" phrase hung on it)."""
    return any(t.tag_ == "$" or t.ent_type_ == "MONEY" or t.lemma_.casefold() in _SUM_WORDS
               for t in tok.subtree if t.i <= tok.i)


def _firm_of_goods(goods: Token, mentions: list[Mention]) -> Mention | None:
    """The firm whose goods ``goods`` are: a possessor or a name set before the noun ("X's service", "X products"),
    the noun itself being no part of the name and none of :data:`_NOT_FIRM_GOODS`."""
    if goods.lemma_.casefold() in _NOT_FIRM_GOODS or _firm_at(goods, mentions) is not None:
        return None
    return next((m for c in goods.subtree if c.i < goods.i and c.dep_ in ("poss", "compound")
                 and (m := _firm_at(c, mentions)) is not None), None)  # ("X's plate reading service")


def _paid_for(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "Y approved $40,000 for X's service", "Y paid X $9,000 for its software", "Y paid $9,000 to X": a sum the
    body puts on a named firm's goods ("for" or "on" them) or pays to the firm itself."""
    if verb.lemma_.casefold() not in PAID_FOR_VERBS or (state := _buyer(verb, mentions)) is None:
        return None
    sums = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and _is_sum(c)]
    if not sums:
        return None
    for t in [verb, *sums]:
        for goods in _objects_of(t, ("for", "on")):
            if (firm := _firm_of_goods(goods, mentions)) is not None:
                return firm, state, f"{state.out.text} {verb.text} a sum {goods.head.text} {firm.out.text}'s {goods.text}"
            if (firm := _firm_at(goods, mentions)) is not None:
                # the firm named for its goods ("pays $64,000 a year for X"; round 23, council and records news)
                return firm, state, f"{state.out.text} {verb.text} a sum {goods.head.text} {firm.out.text}"
    payees = [c for c in verb.children if c.dep_ == "dative"] + _objects_of(verb, ("to",))
    firm = next((m for p in payees if (m := _firm_at(p, mentions)) is not None), None)
    if firm is None:
        return None
    return firm, state, f"{state.out.text} {verb.text} a sum to {firm.out.text}"


def _goods_trigger(verb: Token) -> Token:
    """The trigger of a sum's supply: the noun after "for" or "on" on the verb or its object ("for X's service", the
    goods; a negation on the verb still reaches it), else ``verb``; not the verb itself when it has such a noun, as
    a verb whose object is money hands over no goods (``supply_precision.hands_over_no_goods``)."""
    sums = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return next((g for t in sums for g in _objects_of(t, ("for", "on"))), verb)


def _held_deal(verb: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "Y had two contracts for X products", "Y has a contract with X": deals the body holds for a named firm's
    goods or with the firm."""
    if verb.lemma_.casefold() not in DEAL_HELD_VERBS:
        return None
    deal = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.casefold() in DEAL_NOUNS), None)
    if deal is None or (state := _buyer(verb, mentions)) is None:
        return None
    firm = next((m for o in _objects_of(verb, ("with",)) + _objects_of(deal, ("with",))
                 if (m := _firm_at(o, mentions)) is not None), None)
    if firm is None:
        firm = next((m for o in _objects_of(deal, ("for",)) if (m := _firm_of_goods(o, mentions)) is not None), None)
    if firm is None:
        return None
    return firm, state, f"{state.out.text} {verb.text} {deal.text} for or with {firm.out.text}"


def _bought_for(word: Token, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """ "Approval to purchase drones from X for the Police Department", "Authorize the purchase of three readers from
    X, for use by the Y Police Department" (round 23, council agenda items): goods bought "from" a firm "for" a state
    body, or "for use by" it, where the buying word has no subject of its own; the body is the buyer."""
    if word.lemma_.casefold() not in BUYING_WORDS or any(c.dep_ in ("nsubj", "nsubjpass", "agent", "poss")
                                                         for c in word.children):
        return None
    # (the phrases may hang anywhere in a long goods phrase the parser cut up: "of three systems in the amount of
    # $52,053 from X, for use by Y")
    firm = next((m for t in word.subtree for o in _objects_of(t, ("from",))
                 if (m := _firm_at(o, mentions)) is not None), None)
    if firm is None:
        return None
    # ("for use by Y" may hang on the verb that takes the buying noun: "Authorize the purchase ..., for use by Y")
    heads = [word.head] if word.dep_ in ("dobj", "nsubjpass") else []
    for o in (o for t in [*word.subtree, *heads] for o in _objects_of(t, ("for",))):
        users = [o] + ([b for b in _objects_of(o, ("by",))] if o.lemma_.casefold() == "use" else [])
        if (state := next((m for u in users if (m := _state_at(u, mentions)) is not None), None)) is not None:
            return firm, state, f"{word.text} from {firm.out.text} for {state.out.text}"
    return None


_SHAPES: tuple[tuple[str, Callable[[Token, list[Mention]], tuple[Mention, Mention, str] | None], float], ...] = (
    ("deal made with the firm", _with_deal, CONFIDENCE),
    ("deal document issued to the firm", _issued_deal, CONFIDENCE),
    ("deal won from or for the body", _won_deal, CONFIDENCE),
    ("deal went to the firm", _deal_went_to, SAID_CONFIDENCE),
    ("goods taken from the firm", _took_delivery, CONFIDENCE),
    ("firm taken on for the work", _hired, CONFIDENCE),
    ("firm named as the seller for the body", _seller_noun, CONFIDENCE),
    ("sum put on the firm's goods", _paid_for, SAID_CONFIDENCE),
    ("deal held for the firm's goods", _held_deal, CONFIDENCE),
    ("goods bought from the firm for the body", _bought_for, SAID_CONFIDENCE),
)


def _same(a: list[Mention], b: Mention) -> bool:
    return any(m.key == b.key for m in a)


def _through_body(ev: Event, mentions: list[Mention]) -> None:
    """ "The government, through the Ministry of Communications, and X signed a contract": the body the government
    acts through (a "through" phrase on it or set off by a comma right after it) is the recipient, in place of the
    bare "government" and of what stands for it."""
    recipients = ev.roles.get("recipient", [])
    for m in recipients:
        if m.label != "GOV_GENERIC":
            continue
        doc, after = m.span.doc, m.span.end + (m.span.end < len(m.span.doc) and m.span.doc[m.span.end].text == ",")
        preps = _kids(m.root, ("prep",), ("through",)) + (
            [doc[after]] if after < len(doc) and doc[after].lower_ == "through" else [])
        body = next((b for p in preps for o in p.children if o.dep_ == "pobj"
                     and (b := name_at(o, mentions, frozenset({"GOV_AGENCY"}))) is not None), None)
        if body is not None:
            ev.roles["recipient"] = [body] + [r for r in recipients if not (
                r.span.start < m.span.end and m.span.start < r.span.end) and r.key != body.key]
            if not ev.rule:
                ev.rule, ev.explanation = RULE, f"recipient: {body.out.text}, through which the {m.span.root.text} acts"
            return


def _study_deals(sent: Span) -> list[Token]:
    """The deal nouns of the sentence whose work, an infinitive on them, is a study and no goods: "approved a contract
    with X to study the cost of new radios", "an agreement with X to review the programme" (round 23's brief: a
    contract "to study" or "to review" is not a supply of the product; the verbs are ``deal_for_study`` of
    ``nlp/data/event_triggers.json``)."""
    return [t for t in sent if t.lemma_.casefold() in DEAL_NOUNS and any(
        c.dep_ in ("acl", "relcl", "advcl", "xcomp") and c.lemma_.casefold() in STUDY_WORK_VERBS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in _deal_and_verb_children(t))]


def _deal_and_verb_children(deal: Token) -> list[Token]:
    """The words hung on a deal noun and on the verb that takes it ("entered into an agreement with X to review":
    the parser may hang the infinitive on "entered")."""
    verb = _deal_verb(deal)
    return list(deal.children) + (list(verb.children) if verb.pos_ in ("VERB", "AUX") else [])


def _deal_verb(deal: Token) -> Token:
    """The word that takes a deal noun: its head, or the head of its preposition ("entered into an agreement")."""
    return deal.head.head if deal.dep_ == "pobj" else deal.head


def _on_study_deal(tok: Token, deals: list[Token]) -> bool:
    """Whether ``tok`` reads a study deal: it is the deal noun, the verb that takes it, or a word of the deal's own
    phrase."""
    return any(tok.i == _deal_verb(d).i or d.left_edge.i <= tok.i <= d.right_edge.i for d in deals)


def contract_wording_supplies(sent: Span, mentions: list[Mention], events: list[Event],
                              new_event: Callable[[str, Token], Event]) -> list[Event]:
    """The sentence's events with the supplies of the wordings of the module docstring added; a supply the events
    hold already for the same firm and body is kept, and a half-read supply of the same pair (the firm alone, or
    the body read as the seller: "The Y Police roped in X" read as the police supplying) is replaced."""
    study = _study_deals(sent)
    out = [ev for ev in events if not (ev.type == "supply" and _on_study_deal(ev.trigger, study))]
    for ev in out:
        if ev.type == "supply":
            _through_body(ev, mentions)
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") and verb.lemma_.casefold() not in BUYING_WORDS:
            continue
        for name, shape, confidence in _SHAPES:
            if verb.pos_ not in ("VERB", "AUX") and shape is not _bought_for:
                continue  # (a buying noun is read by that shape alone)
            found = shape(verb, mentions)
            if found is None:
                continue
            firm, state, said = found
            if firm.key == state.key or _on_study_deal(verb, study):
                continue
            supplies = [ev for ev in out if ev.type == "supply"]
            if any(_same(ev.roles.get("supplier", []), firm) and _same(ev.roles.get("recipient", []), state)
                   for ev in supplies):
                break
            out = [ev for ev in out if not (ev.type == "supply" and (
                (_same(ev.roles.get("supplier", []), firm) and not ev.roles.get("recipient"))
                or (_same(ev.roles.get("supplier", []), state) and not ev.roles.get("recipient"))))]
            # (a sum put on goods: the goods' noun is the trigger, the verb's object being money, not what is handed)
            trigger = _goods_trigger(verb) if shape is _paid_for else verb
            out.append(supply_event(new_event, trigger, confidence=confidence, rule=RULE,
                                    explanation=f"{name}: {said}", mentions=mentions,
                                    supplier=[firm], recipient=[state]))
            break
    return out
