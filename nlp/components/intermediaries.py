"""The chain of a sale through an intermediary: maker -> reseller -> end user (issue 13, item 3).

News on the surveillance trade often names the firm that sits between the vendor and the buyer: a reseller, a
local partner, a distributor. The parse rules of :mod:`nlp.components.events` read the plain wordings ("X sold G to
Y through its reseller R": supplier X, via R); this module puts right what they read as a second supplier or leave
without one, following nlp/devset/real/README.md (a company that resells or sits between a vendor and the buyer
is the ``via`` of the vendor's supply):

- "by way of R": the way, not a second seller ("X sold G to Y by way of R");
- the intermediary described beside its name: "R, a distributor of X, delivered G to Y", "R, X's local partner,
  ...": X supplies, R is the way;
- the maker's goods sold by another: "X's products were sold to Y by R": X supplies, R is the way;
- the intermediary in brackets after the maker: "X (R) sold G to Y" (not an acronym of X);
- a relative clause that says whose goods the intermediary resells: "R, which resells X's equipment, supplied G
  to Y" (the relative clause is no sale of its own);
- an intermediary whose vendor the sentence leaves unsaid, the maker of the goods named elsewhere in the unit
  ("the Falcon cameras, made by X" / "X's Falcon cameras"): X supplies, R is the way;
- no maker known at all: the intermediary supplied, so it is the supplier, and the event says the maker is not
  named; a supply a firm made is never left without a supplier.

Each event changed here names the rule ``intermediaries`` and says why in its explanation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

RULE = "intermediaries"
# nouns that describe a firm as sitting between a vendor and its buyer ("a distributor of X", "X's local partner")
INTERMEDIARY_NOUNS = frozenset({"reseller", "distributor", "dealer", "partner", "integrator", "intermediary",
                                "middleman", "broker", "agent", "representative", "subsidiary", "affiliate"})
# of these, the nouns that make the firm they are "of" the vendor ("a distributor of X"; not "a subsidiary of X": a
# subsidiary that sells is a seller of its own, its parent is no vendor of the sale)
DESCRIBING_NOUNS = INTERMEDIARY_NOUNS - {"subsidiary", "affiliate"}
# nouns that make a firm an intermediary only with a word that says it sells, and those words
_LOOSE_NOUNS = frozenset({"partner", "agent", "representative"})
_SELLING_MODIFIERS = frozenset({"local", "sales", "distribution", "channel", "reseller", "resale", "authorised",
                                "authorized", "exclusive", "sole", "regional", "country", "commercial", "selling"})
# verbs of a relative clause that says whose goods a firm passes on ("which resells X's equipment")
RESELLING_VERBS = frozenset({"resell", "distribute", "represent"})
# verbs that name the maker of goods ("made by X", "X manufactures the cameras")
MAKING_VERBS = frozenset({"make", "manufacture", "develop", "produce", "design", "build", "create"})
# verbs of selling a firm does ("sold", "supplied", "delivered")
_SELLING_VERBS = frozenset({"sell", "supply", "deliver", "provide", "export", "ship", "resell", "install", "market"})
# words that may stand between the way word and the intermediary's name ("through its local partner R")
_WAY_WORDS = frozenset({"through", "via"})
_FILLER_POS = frozenset({"DET", "PRON", "ADJ", "PART", "PUNCT"})


def _tokens_before(m: Mention) -> list[Token]:
    """Up to six tokens before a name, nearest first."""
    doc = m.span.doc
    return [doc[i] for i in range(m.span.start - 1, max(m.span.start - 7, -1), -1)]


def _way_before(m: Mention, nouns: frozenset[str] = INTERMEDIARY_NOUNS) -> str:
    """The way word before a name, past describing words ("through its local partner R", "by way of R", "via R"):
    "through", "via", "by way of", or "" for none."""
    for i, tok in enumerate(before := _tokens_before(m)):
        low = tok.lower_
        if low in _WAY_WORDS:
            return low
        if low == "of" and i + 2 < len(before) and before[i + 1].lower_ == "way" and before[i + 2].lower_ == "by":
            return "by way of"
        if tok.pos_ in _FILLER_POS or tok.lemma_.casefold() in nouns or tok.lower_ == "'s" or (
                tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "poss")):
            continue
        return ""
    return ""


def _describes(noun: Token) -> bool:
    """True for a noun that makes a firm an intermediary: "distributor", "reseller", and a partner, agent or
    representative only with a word that says it sells ("local partner", "sales agent"; "a partner of Microsoft"
    alone says no more than a tie)."""
    lemma = noun.lemma_.casefold()
    if lemma not in DESCRIBING_NOUNS:
        return False
    if lemma not in _LOOSE_NOUNS:
        return True
    doc = noun.doc
    return any(t.lower_ in _SELLING_MODIFIERS for t in doc[max(noun.i - 2, 0) : noun.i])


def _describing_noun(m: Mention) -> Token | None:
    """The intermediary noun set beside a name: "R, a distributor of X" (appositive), "its reseller R", "X's
    local partner R" (the name an appositive or compound of the noun); None when the name has none."""
    root = m.root
    for c in root.children:
        if c.dep_ == "appos" and _describes(c):
            return c
    head = root.head
    if root.dep_ in ("appos", "compound") and head.i != root.i and _describes(head) \
            and not m.span.start <= head.i < m.span.end:
        return head
    for tok in _tokens_before(m)[:3]:  # "its reseller Quenby Trading" (the parser may make the noun a compound)
        if _describes(tok):
            return tok
        if tok.pos_ not in ("ADJ",) and tok.lower_ not in ("local", "authorised", "authorized", "exclusive", "sole"):
            break
    return None


def _firm_of(noun: Token, mentions: list[Mention], skip: set[tuple[int, int]]) -> Mention | None:
    """The organisation an intermediary noun is of: "a distributor of X", "a reseller for X", "X's partner"."""
    nodes = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "for") for g in p.children
             if g.dep_ == "pobj"]
    nodes += [c for c in noun.children if c.dep_ == "poss"]
    for node in nodes:
        for m in mentions:
            if m.label == "ORG" and m.key not in skip and m.span.start <= node.i < m.span.end and m.refers is None:
                return m
    return None


def _resold_firm(m: Mention, mentions: list[Mention], skip: set[tuple[int, int]]) -> tuple[Token, Mention] | None:
    """The reselling verb and the vendor of "R, which resells X's equipment" (whose goods the relative clause on
    the name says the firm passes on: X's goods, goods of X)."""
    for verb in m.root.children:
        if verb.dep_ != "relcl" or verb.lemma_.casefold() not in RESELLING_VERBS:
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for node in [t for t in obj.subtree]:
                for x in mentions:
                    if x.label == "ORG" and x.key not in skip and x.span.start <= node.i < x.span.end \
                            and x.root.dep_ in ("poss", "compound", "pobj"):
                        return verb, x
    return None


def _acronym_of(short: str, long: str) -> bool:
    """True when a bracketed name is the short form of the name before it ("Hacking Team (HT)")."""
    letters = "".join(w[0] for w in long.replace("-", " ").split() if w[:1].isalpha()).upper()
    compact = short.replace(".", "").replace(" ", "")
    return compact.isupper() and len(compact) <= 6 or compact.upper() == letters or compact.upper() in long.upper()


def _in_brackets_after(r: Mention, x: Mention) -> bool:
    """True for "X (R)": R alone in brackets right after X, and no short form of X."""
    doc = r.span.doc
    return r.span.start >= 2 and r.span.end < len(doc) and doc[r.span.start - 1].text == "(" \
        and doc[r.span.end].text == ")" and x.span.end == r.span.start - 1 and not _acronym_of(r.span.text, x.span.text)


def _seller_of_verbless_sentence(ev: Event, unit: list[Mention]) -> Mention | None:
    """The firm of "R, the local agent of X, sold G to Y" when the parse reads the sale as a clause on the
    appositive noun and the firm as the root of a sentence without a main verb; None otherwise."""
    trig = ev.trigger
    noun = trig.head
    if trig.dep_ != "acl" or trig.tag_ not in ("VBD", "VBN") or trig.lemma_.casefold() not in _SELLING_VERBS \
            or noun.dep_ != "appos" or noun.pos_ != "NOUN" or any(c.dep_ == "agent" for c in trig.children):
        return None
    firm = noun.head
    if firm.dep_ != "ROOT":
        return None
    found = [m for m in unit if m.label == "ORG" and m.span.start <= firm.i < m.span.end]
    if len(found) != 1 or any(m.key == found[0].key for m in ev.roles.get("supplier", [])):
        return None
    return found[0]


def _goods_words(ev: Event) -> set[str]:
    """The lemmas of the goods' nouns and names of a supply ("cameras" -> "camera", "Falcon")."""
    out: set[str] = set()
    for role in ("product", "capability"):
        for m in ev.roles.get(role, []):
            out |= {t.lemma_.casefold() for t in m.span if t.pos_ in ("NOUN", "PROPN")}
    if ev.trigger.pos_ == "VERB":
        out |= {t.lemma_.casefold() for c in ev.trigger.children if c.dep_ in ("dobj", "nsubjpass")
                for t in c.subtree if t.pos_ in ("NOUN", "PROPN")}
    return out - {"product", "products", "thing"}


def _makers_in_unit(words: set[str], mentions: list[Mention], skip: set[tuple[int, int]]) -> list[Mention]:
    """The firms the unit names as makers of goods with one of ``words``: "the Falcon cameras, made by X", "X
    makes the Falcon cameras", "X's Falcon cameras", "X cameras"."""
    found: dict[str, Mention] = {}
    for m in mentions:
        if m.label != "ORG" or m.key in skip or m.refers is not None:
            continue
        root = m.root
        goods: list[Token] = []
        if root.dep_ in ("poss", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
                and not m.span.start <= root.head.i < m.span.end:
            goods.append(root.head)  # "X's Falcon cameras", "X cameras"
        if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_.casefold() in MAKING_VERBS:
            verb = root.head.head  # "the cameras, made by X", "the cameras were made by X"
            goods += [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubjpass"]
        if root.dep_ == "nsubj" and root.head.lemma_.casefold() in MAKING_VERBS:
            goods += [c for c in root.head.children if c.dep_ == "dobj"]  # "X makes the Falcon cameras"
        lemmas = {t.lemma_.casefold() for g in goods for t in g.subtree if t.pos_ in ("NOUN", "PROPN")
                  and not m.span.start <= t.i < m.span.end}
        if lemmas & words:
            found.setdefault(m.value, m)
    return list(found.values())


def _name(m: Mention) -> str:
    return m.out.text


def _note(ev: Event, why: str, confidence: float | None = None) -> None:
    if not ev.rule:
        ev.rule = RULE
    ev.explanation = f"{ev.explanation}; {why}" if ev.explanation else why
    if confidence is not None:
        ev.confidence = min(ev.confidence, confidence)


def _move(ev: Event, m: Mention, role: str) -> None:
    for r in ("supplier", "recipient", "via"):
        ev.roles[r] = [x for x in ev.roles.get(r, []) if x.key != m.key]
    ev.add(role, m)


def through_intermediaries(sent: Span, unit: list[Mention], events: list[Event],
                           maker_confidence: float = 0.6) -> list[Event]:
    """The sentence's supply events with their intermediaries read as the way of the vendor's supply (module
    docstring); ``unit`` is every mention of the unit, for a maker named elsewhere in it. Relative clauses that
    only say a firm resells another's goods are dropped when they were read as a sale of their own."""
    dropped: set[int] = set()
    for ev in events:
        if ev.type != "supply":
            continue
        suppliers = list(ev.roles.get("supplier", []))
        # 0. "R, the local agent of X, sold G to Y" parsed with no main verb (the sale a clause on the appositive
        # noun, the firm the root of the sentence): the firm sold, it is no buyer
        if (seller := _seller_of_verbless_sentence(ev, unit)) is not None:
            _move(ev, seller, "supplier")
            _note(ev, f"supplier: {_name(seller)}, the firm whose description the sale hangs on")
        # 1. "by way of R", "through R" read as a seller beside another
        for r in suppliers:
            if r.label == "ORG" and len(ev.roles.get("supplier", [])) > 1 and _way_before(r):
                _move(ev, r, "via")
                _note(ev, f"via: {_name(r)}, the way the goods went ({_way_before(r)})")
        # 2. "X (R) sold ...": the intermediary in brackets after the maker
        for r in list(ev.roles.get("supplier", [])):
            if r.label == "ORG" and any(x.key != r.key and x.label == "ORG" and _in_brackets_after(r, x)
                                        for x in ev.roles.get("supplier", [])):
                _move(ev, r, "via")
                _note(ev, f"via: {_name(r)}, named in brackets after the vendor")
        # 3. "X's products were sold to Y by R": the owner of the goods supplies, the agent is the way
        current = ev.roles.get("supplier", [])
        owners = [m for m in current if m.root.dep_ == "poss"]
        agents = [m for m in current if m.root.dep_ == "pobj" and m.root.head.lower_ == "by" and m.label == "ORG"]
        if owners and agents and not {m.key for m in owners} & {m.key for m in agents}:
            for r in agents:
                _move(ev, r, "via")
            _note(ev, f"via: {', '.join(_name(r) for r in agents)}, who sold the goods of {_name(owners[0])}")
        # 4. an intermediary described beside its name, or reselling another's goods
        for r in list(ev.roles.get("supplier", [])) + list(ev.roles.get("via", [])):
            if r.label != "ORG":
                continue
            skip = {m.key for m in ev.roles.get("recipient", [])} | {r.key}
            vendor: Mention | None = None
            resold: tuple[Token, Mention] | None = None
            why = ""
            noun = _describing_noun(r)
            if noun is not None and (vendor := _firm_of(noun, unit, skip)) is not None:
                why = f"supplier: {_name(vendor)}, whose {noun.lower_} {_name(r)} is the way"
            elif (resold := _resold_firm(r, unit, skip)) is not None:
                verb, vendor = resold
                why = f"supplier: {_name(vendor)}, whose goods {_name(r)} {verb.lower_}"
            if vendor is not None and ev.roles.get("recipient"):
                others = [m for m in ev.roles.get("supplier", []) if m.key not in (r.key, vendor.key)]
                if not others:
                    _move(ev, r, "via")
                    ev.add("supplier", vendor)
                    _note(ev, why)
                    if resold is not None:  # the relative clause read as a sale of its own, with no buyer
                        dropped |= {id(e) for e in events if e is not ev and e.trigger.i == resold[0].i
                                    and not e.roles.get("recipient")}
        # 5. "R has been distributing products for X", "X signed an agreement with R to distribute ...": a firm
        # on the far side of a reselling verb, not reached by "to", is whose goods they are, not a buyer
        if ev.trigger.lemma_.casefold() in RESELLING_VERBS:
            for x in list(ev.roles.get("recipient", [])):
                if x.label == "ORG" and x.root.dep_ != "dative" and not (
                        x.root.dep_ == "pobj" and x.root.head.lower_ == "to"):
                    for r in list(ev.roles.get("supplier", [])):
                        _move(ev, r, "via")
                    _move(ev, x, "supplier")
                    _note(ev, f"supplier: {_name(x)}, the vendor whose goods are passed on ('{ev.trigger.text}')")
        # 6. an intermediary with no vendor said: the maker named elsewhere in the unit, else the intermediary
        if not ev.roles.get("recipient"):
            continue
        named = [m for m in ev.roles.get("via", []) if m.label == "ORG" and (_way_before(m) or _describing_noun(m))]
        lone = [m for m in ev.roles.get("supplier", []) if m.label == "ORG" and _describing_noun(m) is not None]
        if ev.roles.get("supplier") and not (len(ev.roles["supplier"]) == 1 and lone):
            continue
        middle = named if not ev.roles.get("supplier") else lone
        if not middle:
            continue
        skip = {m.key for r in ("supplier", "recipient", "via") for m in ev.roles.get(r, [])}
        makers = _makers_in_unit(_goods_words(ev), unit, skip)
        names = ", ".join(_name(m) for m in middle)
        if len(makers) == 1:
            for m in middle:
                _move(ev, m, "via")
            ev.add("supplier", makers[0])
            _note(ev, f"supplier: {_name(makers[0])}, named in the text as the maker of the goods {names} passed on",
                  maker_confidence)
        elif not ev.roles.get("supplier"):
            for m in middle:
                _move(ev, m, "supplier")
            _note(ev, f"supplier: {names}, the intermediary that supplied the goods; the maker is not named")
        else:
            _note(ev, f"supplier: {names}, described as an intermediary; the maker is not named")
    return [ev for ev in events if id(ev) not in dropped]

