"""The parties of a contract told from one side only, or with the buyer said elsewhere (issue 13, round 14).

News on procurement often tells the deal in a sentence that names the firm alone, the buyer being the state body
the sentence before, the paragraph before, or another clause names:

- the vendor wins, in the passive or with a definite deal that refers back: "The contract was bagged by the company
  in Pune, X", "X bagged the contract" after "the Y Police is set to procure 84 drones";
- the buyer's contract told in the passive: "Sources said the contract for the drone system ... was signed with X"
  after "the Indian Army on Monday signed a contract with local manufacturers";
- the buyer signs the vendor as a partner: "The Police Digital Service has signed X as a capability partner";
- goods bought from a firm in a participle, the buyer in the main clause: "The new cameras, bought from X, will
  add to the CNIA's already widespread network";
- the buyer named again by a description: "the sheriff's office bought the software" after "The Spokane County
  Sheriff's Office has had the technology ...".

The functions here read the parse and return the parties; :mod:`nlp.components.events` makes the events (the
firm supplies, the state body gets: a firm never buys from a state in these wordings). Each link that crosses a
sentence carries the next-sentence confidence of the events module, each that crosses a paragraph the
previous-paragraph confidence, and the event says why in its explanation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import event_triggers, name_at
from nlp.normalize import name_key

if TYPE_CHECKING:
    from nlp.components.events import Mention

_TRIGGERS = event_triggers()
# verbs of winning a deal ("bagged", "clinched", "won", "secured"); "bagg" is the small model's lemma of "bagged"
WON_DEAL_VERBS = frozenset(_TRIGGERS["contract_won"])
# verbs of making a deal that the passive tells without its maker ("the contract was signed with X")
MADE_DEAL_VERBS = frozenset(_TRIGGERS["contract_made"])
# verbs of taking a firm on as something ("signed X as a capability partner", "engaged X as its vendor")
TAKEN_ON_VERBS = frozenset(_TRIGGERS["contract_taken_on"])
# deal nouns of these wordings
WON_DEAL_NOUNS = frozenset({"contract", "deal", "agreement", "order", "tender", "subcontract", "call-off"})
# what a firm is taken on as ("as a capability partner", "as its supplier")
TAKEN_ON_AS = frozenset({"partner", "supplier", "vendor", "contractor", "provider", "integrator", "consultant",
                         "subcontractor", "distributor", "reseller"})
_STATE = ("GOV_AGENCY", "COUNTRY", "GOV_GENERIC")
_FIRM_WORDS = frozenset({"company", "firm", "start-up", "startup", "manufacturer", "maker", "vendor", "supplier",
                         "contractor", "developer", "provider", "consultancy", "enterprise", "business"})
# heads of a state body a description may repeat ("the sheriff's office", "the police department")
DESCRIBED_BODY_HEADS = frozenset({"office", "department", "council", "commission", "directorate", "force",
                                  "service", "agency", "bureau", "ministry", "authority", "board", "police"})
# buying verbs of a participle on goods ("The new cameras, bought from X, ...")
_BOUGHT_PARTICIPLES = frozenset({"buy", "purchase", "acquire", "procure", "order", "source", "import", "obtain"})


def _within(m: Mention, tok: Token) -> bool:
    return m.span.start <= tok.i < m.span.end


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _firm_right_after(prep: Token, mentions: list[Mention]) -> Mention | None:
    """The organisation named right after a preposition the parser left without its object ("signed with
    indigenous company X Private Ltd."), at most three describing words ("indigenous company") in between."""
    for m in mentions:
        gap = prep.doc[prep.i + 1 : m.span.start]
        if m.label == "ORG" and 0 <= len(gap) <= 3 and m.span.start > prep.i and all(
                t.pos_ in ("ADJ", "NOUN", "DET") for t in gap):
            return m
    return None


def firm_of_lone_deal(sent: Span, mentions: list[Mention]) -> tuple[Token, Mention] | None:
    """The deal noun and the firm of a sentence that tells a deal from the firm's side alone, naming no state party:
    the deal won in the passive ("The contract was bagged by the company in Pune, X"), a definite deal won ("X
    bagged the contract"), a definite deal made in the passive with a firm ("the contract for the drone system was
    signed with X", "The contract was given to X"). None when the sentence names a state party, or the deal says
    whom it is from ("won a contract from the Army": the deal rules read that) or for."""
    if any(m.label in _STATE for m in mentions if sent.start <= m.span.start < sent.end):
        return None
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.casefold() not in WON_DEAL_NOUNS:
            continue
        verb = tok.head
        vlemma = verb.lemma_.casefold()
        if verb.pos_ != "VERB" or any(c.dep_ == "prep" and c.lower_ == "from" for h in (verb, tok) for c in h.children):
            continue
        firm = None
        if tok.dep_ == "nsubjpass" and vlemma in WON_DEAL_VERBS:
            firm = next((f for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                         and (f := name_at(g, mentions, firm_nouns=_FIRM_WORDS, unique=True)) is not None), None)
        elif tok.dep_ == "dobj" and vlemma in WON_DEAL_VERBS and _definite(tok):
            firm = next((m for c in verb.children if c.dep_ == "nsubj" for m in mentions
                         if m.label == "ORG" and _within(m, c)), None)
        elif tok.dep_ == "nsubjpass" and vlemma in MADE_DEAL_VERBS and _definite(tok):
            preps = [p for h in (verb, tok) for p in h.children if p.dep_ in ("prep", "dative") and p.lower_ in ("with", "to")]
            firm = next((f for p in preps for g in p.children if g.dep_ == "pobj"
                         and (f := name_at(g, mentions, firm_nouns=_FIRM_WORDS, unique=True)) is not None), None)
            if firm is None:  # (a legal form ending the sentence may break the parse: "with X Private Ltd.")
                firm = next((f for p in preps if not any(g.dep_ == "pobj" for g in p.children)
                             and (f := _firm_right_after(p, mentions)) is not None), None)
        if firm is not None:
            return tok, firm
    return None


def deal_maker_before(trig: Token, window_start: int) -> Span | None:
    """The one state body that made or put out a deal in the sentences of the unit before ``trig``'s, from
    ``window_start`` (a token index): the subject of a verb of signing, concluding, awarding or issuing whose
    object is a deal ("the Indian Army on Monday signed a contract with local manufacturers", "the Army had also
    concluded a series of contracts with ..."), or of a verb whose object is the signing of one ("confirmed the
    signing of a contract"); None when none or several bodies did."""
    doc = trig.doc
    found: dict[str, Span] = {}
    for ent in doc.ents:
        if ent.label_ != "GOV_AGENCY" or ent.start < window_start or ent.end > trig.sent.start:
            continue
        root = ent.root
        if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
            continue
        verb = root.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [g for o in objects if o.lemma_.casefold() in ("signing", "conclusion", "award") for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        objects += [g for o in objects if o.lemma_.casefold() in ("series", "number", "pair", "set") for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if any(o.lemma_.casefold() in WON_DEAL_NOUNS for o in objects) and (
                verb.lemma_.casefold() in MADE_DEAL_VERBS | {"issue", "float", "place", "confirm", "announce"}):
            found.setdefault((ent.kb_id_ or ent.text).casefold(), ent)
    return next(iter(found.values())) if len(found) == 1 else None


def firm_taken_on(verb: Token, mentions: list[Mention]) -> tuple[list[Mention], Mention] | None:
    """The state subject and the firm of "The Police Digital Service has signed Deloitte as a 'capability partner'",
    "The Police Digital Service (PDS) has taken on Deloitte as capability partner",
    "the ministry engaged X as its systems integrator": a verb of taking on, the firm its object, "as" a partner
    noun; None otherwise (also for a firm taking on a firm)."""
    if verb.lemma_.casefold() not in TAKEN_ON_VERBS and not (verb.lemma_.casefold() == "take" and any(
            c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)):  # ("has taken on X as capability partner")
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    as_noun = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
                    if g.dep_ == "pobj"), None)
    if as_noun is None and obj is not None:
        as_noun = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
                        if g.dep_ == "pobj"), None)
    if obj is None or as_noun is None or as_noun.lemma_.casefold() not in TAKEN_ON_AS:
        return None
    firm = next((m for m in mentions if m.label == "ORG" and _within(m, obj)), None)
    subj = [m for c in verb.children if c.dep_ == "nsubj" for m in mentions if _within(m, c) and m.label in _STATE]
    if firm is None or not subj:
        return None
    return subj, firm


def buyer_in_main_clause(trig: Token, mentions: list[Mention]) -> Mention | None:
    """The state body the main clause names for goods a buying participle describes: "The new cameras, bought from
    the American company X, will add to the CNIA's already widespread network" (the CNIA's); the one state body
    in the clause outside the participle, None for none or several."""
    if trig.dep_ != "acl" or trig.tag_ != "VBN" or trig.lemma_.casefold() not in _BOUGHT_PARTICIPLES:
        return None
    goods = trig.head
    if goods.dep_ not in ("nsubj", "nsubjpass") or goods.head.pos_ not in ("VERB", "AUX"):
        return None
    main = goods.head
    inside = range(trig.left_edge.i, trig.right_edge.i + 1)
    bodies = [m for m in mentions if m.label == "GOV_AGENCY" and main.left_edge.i <= m.root.i <= main.right_edge.i
              and m.root.i not in inside and m.refers is None]
    return bodies[0] if len({m.value for m in bodies}) == 1 else None


def described_body(tok: Token) -> tuple[Span, str] | None:
    """A state body named again by a definite description in a party's place: "the sheriff's office", "the police
    department", "the county council" (a head of a body's name, after "the" or a common-noun possessor), as the
    description's span and its words ("sheriff's office"); None for another token, a name (a proper noun), a plural,
    or a description that says whose it is ("the Indian Army's office", "the office of the mayor")."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.casefold() not in DESCRIBED_BODY_HEADS:
        return None
    if not (tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") or tok.dep_ == "pobj" and tok.head.lower_ in (
            "by", "from", "with", "to", "for")):
        return None
    if any(c.dep_ in ("prep", "appos", "amod", "nmod") or c.pos_ == "PROPN" for c in tok.children):
        return None
    poss = [c for c in tok.children if c.dep_ == "poss"]
    comps = [c for c in tok.children if c.dep_ == "compound"]
    if poss and not (len(poss) == 1 and poss[0].pos_ == "NOUN" and _definite(poss[0])
                     and not any(c.dep_ not in ("det", "case") for c in poss[0].children)):
        return None
    if not poss and not (_definite(tok) and comps and all(c.pos_ == "NOUN" for c in comps)):
        return None  # ("the department" alone says too little; "the police department", "the sheriff's office")
    left = poss[0] if poss else comps[0]
    words = tok.doc[left.i : tok.i + 1]
    return words, words.text.replace(" 's", "'s").replace("\u2019", "'").casefold()


def names_description(name: str, words: str) -> bool:
    """True when a body's name ends with a description's words ("Spokane County Sheriff's Office", "sheriff's
    office"), whatever the apostrophe."""
    key, end = name_key(name.replace("\u2019", "'")), name_key(words)
    return bool(end) and (key.endswith(" " + end) or key == end)


def _is_call_off(tok: Token) -> bool:
    """True for the noun of a call-off from a framework ("a Call-Off", "call-off contract"), however tokenised."""
    if tok.lower_ in ("call-off", "calloff"):
        return True
    doc = tok.doc
    return tok.lower_ == "off" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "call"


def call_off_parties(tok: Token, mentions: list[Mention]) -> tuple[list[Mention], Mention, list[Mention]] | None:
    """The buyer, the firm and the framework of a call-off: "The Metropolitan Police Service (MPS) is seeking
    approval for a Call-Off from the CDW Heath Trust Europe Framework (H.T.E.) to Cellebrite for Licences": the
    firm the call-off is made "to" supplies, the framework it is called off "from" is the way, the state body that
    is the subject of the clause holding the call-off buys. None when one of firm and buyer is not named."""
    if not _is_call_off(tok):
        return None
    node = tok
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return None
    inside = range(tok.left_edge.i, tok.right_edge.i + 1)
    # (the parser may hang "to X" on the verb of the clause: "is seeking approval for a Call-Off from ... to X")
    preps = [t for t in tok.subtree if t.dep_ == "prep"] + [c for c in node.children if c.dep_ == "prep" and c.i > tok.i]
    to_objects = [g for t in preps if t.lower_ == "to" for g in t.children if g.dep_ == "pobj"]
    from_objects = [g for t in preps if t.lower_ == "from" for g in t.children if g.dep_ == "pobj"]
    firms = [m for m in mentions if m.label == "ORG" and any(_within(m, g) for g in to_objects)]
    via = [m for m in mentions if m.label == "ORG" and any(_within(m, g) for g in from_objects)]
    buyers = [m for c in node.children if c.dep_ == "nsubj" for m in mentions
              if _within(m, c) and m.label in _STATE and m.root.i not in inside]
    if len({m.value for m in firms}) != 1 or not buyers:
        return None
    return buyers, firms[0], via


_LICENCE_NOUNS = frozenset({"licence", "license", "permit", "authorisation", "authorization"})


def end_user_named(sent: Span, mentions: list[Mention], before: list[Mention]) -> tuple[Mention, Mention] | None:
    """The firm and the end user of an export licence told in two sentences: "The General Secretariat issued two
    licenses to Intellexa SA on November 15, 2021. The end user was the Madagascar Anti-Fraud Agency": the firm the
    sentence before gave a licence "to" (or a licence named after it) supplies the state body this sentence calls
    the end user. None otherwise (also when the sentence before names more than one such firm)."""
    user = next((t for t in sent if t.lemma_.casefold() == "user" and t.dep_ in ("nsubj", "nsubjpass") and (
        any(c.lower_ == "end" for c in t.children if c.dep_ in ("compound", "amod")) or t.lower_ == "end-user")), None)
    if user is None or user.head.lemma_.casefold() != "be":
        return None
    bodies = [m for m in mentions if m.label in ("GOV_AGENCY", "COUNTRY") and m.root.dep_ == "attr"
              and m.root.head.i == user.head.i]
    firms = []
    for m in before:
        if m.label != "ORG" or m.root.dep_ != "pobj" or m.root.head.lower_ != "to":
            continue
        verb = m.root.head.head
        if any(c.dep_ == "dobj" and c.lemma_.casefold() in _LICENCE_NOUNS for c in verb.children) \
                or verb.lemma_.casefold() in _LICENCE_NOUNS:
            firms.append(m)
    if not bodies or len({m.value for m in firms}) != 1:
        return None
    return firms[0], bodies[0]


# what a body awards a firm besides a contract: "awarded the Tk 152.56 crore project to install ... to X"
AWARDED_WORK_NOUNS = frozenset({"project", "work", "works", "job", "scheme", "installation"})
_AWARDING_VERBS = frozenset({"award", "assign", "entrust", "give", "grant"})


def work_awarded(sent: Span, mentions: list[Mention]) -> tuple[Token, Token, Mention] | None:
    """The awarding verb, its subject token and the firm of "the government had awarded the Tk 152.56 crore project
    to install 1,460 CCTV cameras on this highway to Chattogram based Smart Group": a verb of awarding whose object
    is a project or work, and the one organisation named after a "to" (a preposition, not the infinitive's
    marker) within four words, wherever the parser hangs it; None otherwise (also with two such firms)."""
    doc = sent.doc
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.casefold() not in _AWARDING_VERBS:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.casefold() in AWARDED_WORK_NOUNS), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if obj is None or subj is None:
            continue
        firms = []
        for m in mentions:
            if m.label != "ORG" or not obj.i < m.span.start <= verb.right_edge.i:
                continue
            before = doc[max(obj.i + 1, m.span.start - 4) : m.span.start]
            to = [t for t in before if t.lower_ == "to" and t.tag_ == "IN"]
            if to and all(t.pos_ in ("PROPN", "ADJ", "NOUN", "VERB", "PUNCT") for t in doc[to[-1].i + 1 : m.span.start]):
                firms.append(m)
        if len({m.value for m in firms}) == 1:
            return verb, subj, firms[0]
    return None


# verbs of buying a state body says it will do ("announced that 2,000 body cameras will be purchased", "plans to
# procure drones", "invited tenders for the project")
_BUYING_VERBS = frozenset({"purchase", "procure", "buy", "acquire"})


def buyer_announced_before(trig: Token) -> Span | None:
    """The one state body that said, in the sentences of the unit before ``trig``'s, that it buys or will buy: the
    subject of a buying verb ("the Y Police will procure drones"), of a verb whose clause without a subject of its
    own buys ("the Y Police announced that 2,000 body cameras will be purchased", "plans to procure"), or of a verb
    inviting tenders or bids; None when none or several bodies did. The buyer of a deal the next sentences tell from
    the firm's side alone ("the supply contract has been awarded to X")."""
    doc = trig.doc
    found: dict[str, Span] = {}
    for ent in doc.ents:
        if ent.label_ != "GOV_AGENCY" or ent.end > trig.sent.start:
            continue
        root = ent.root
        if root.dep_ != "nsubj" or root.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = root.head
        buys = verb.lemma_.casefold() in _BUYING_VERBS or any(
            c.dep_ in ("ccomp", "xcomp") and c.lemma_.casefold() in _BUYING_VERBS
            and not any(g.dep_ == "nsubj" for g in c.children) for c in verb.children) or (
            verb.lemma_.casefold() == "invite" and any(
                c.dep_ == "dobj" and c.lemma_.casefold() in ("tender", "bid") for c in verb.children))
        if buys:
            found.setdefault((ent.kb_id_ or ent.text).casefold(), ent)
    return next(iter(found.values())) if len(found) == 1 else None
