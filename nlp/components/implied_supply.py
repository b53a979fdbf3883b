"""Supply relations a sentence implies when the parse rules of ``redflag_events`` could not place both parties.

News prose often names a firm and a state buyer in one sentence about a sale or a use without the grammatical
link the parse rules read: "Bahrain's use of Nokia-Siemens surveillance software to intercept messages ...",
"surveillance technology sold to China by Cisco enabled ...", "Clearview sells access to its database to law
enforcement agencies and has 3,100 active users including the Federal Bureau of Investigation". On real news
texts the parse rules placed both parties of only 1 in 30 such relations (issue 13, round 6 fresh texts,
docs/PERFORMANCE.md).

This backoff reads one sentence at a time, after the parse rules, and only when they found no supply with both a
supplier and a recipient in it:

- the sentence must hold a supply cue: a seller or buyer verb or noun of ``nlp/data/event_triggers.json``, a
  use verb or noun ("use", "deploy", "deployment"), or, where it names a product or capability, a word of a
  joint project ("in cooperation with", "implementation", "contract"); the cue becomes the event's trigger, so a negation or denial
  of it marks the event negated as for any other event;
- suppliers: one or two organisations the document treats as firms: called a company somewhere in it
  ("NSO Group, an Israeli firm"), named as the maker of a product ("NSO Group's Pegasus") or as the owner of a
  tool in this sentence ("Nokia-Siemens surveillance software"); a third firm makes the sentence ambiguous and
  nothing is inferred; with no firm in the clause, a named product stands for its maker, and the event is kept
  only if the document names that maker ("NSO Group's Pegasus" ... "the use of Pegasus by Spain's CNI");
- recipients: the government agencies named in the sentence, else its unnamed state bodies ("the government",
  "law enforcement") and its countries that are parties, not the country of another name ("the Israeli firm", "Cyprus-based", "Spain's National Intelligence Centre").

An event the rules left with one party is completed with the other; otherwise a new event is made. Every inferred
party lowers the event's confidence to at most :data:`CONFIDENCE` (0.45, below a sale said in words, 0.85, and a
sale read from a use, 0.7), so an investigator sees that the link is the sentence's, not a stated sale.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import RELATION_NOUNS, USE_NOUNS, USE_VERBS

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

CONFIDENCE = 0.45
MAX_SUPPLIERS = 2
_USE_LEMMAS = USE_VERBS | USE_NOUNS
# nouns for a person a state body or country qualifies ("a former Mossad agent", "Ethiopian journalists")
_PERSON_NOUNS = frozenset({"agent", "officer", "official", "chief", "head", "director", "employee", "member",
                           "spokesperson", "spokesman", "spokeswoman", "minister", "president", "leader", "founder",
                           "executive", "analyst", "investigator", "journalist", "lawyer", "citizen", "national",
                           "dissident", "activist", "operative", "spy", "veteran", "staffer", "diplomat"})
_JUDICIAL_WORDS = frozenset({"court", "tribunal", "judiciary", "judge", "parliament", "congress", "senate", "inquiry",
                             "ombudsman", "committee"})
# words of a joint project of a firm and a state body: cues only where the sentence names a product or capability
_PROJECT_LEMMAS = frozenset({"cooperation", "partnership", "collaboration", "implementation", "project", "contract",
                             "deal", "agreement", "installation", "rollout", "roll-out", "pilot", "tender"})


def supply_cue(sent: Span, cue_lemmas: Collection[str], with_item: bool = False) -> Token | None:
    """The first verb or noun of ``sent`` whose lemma is a supply or use cue, or None; with ``with_item`` (the
    sentence names a product or capability) also a word of a joint project ("in cooperation with Huawei ... the
    implementation of the surveillance project")."""
    for tok in sent:
        if tok.pos_ in ("VERB", "NOUN", "AUX") or tok.tag_ == "VBN":
            lemma = tok.lemma_.casefold()
            if lemma == "order" and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                continue  # "the Supreme Court ordered a panel to investigate": a command, not a purchase order
            if lemma in cue_lemmas or lemma in _USE_LEMMAS or with_item and lemma in _PROJECT_LEMMAS:
                return tok
    return None


def implied_supplies(
    sent: Span,
    mentions: list[Mention],
    events: list[Event],
    cue_lemmas: Collection[str],
    firms: Collection[str],
    is_tool_owner: Callable[[Mention, list[Mention]], bool],
    is_country_modifier: Callable[[Mention, Token, list[Mention]], bool],
    new_event: Callable[[str, Token], Event],
    target_lemmas: Collection[str] = (),
) -> list[Event]:
    """``events`` with the supply this sentence implies added or completed (see the module's docstring).

    ``mentions`` are the sentence's mentions, ``firms`` the values of the document's organisations known to be firms
    (called a company, or the maker of a named product), ``is_tool_owner(m, mentions)`` and
    ``is_country_modifier(m, cue, mentions)`` are the parse rules' tests, ``new_event("supply", trigger)`` makes an
    empty event."""
    supplies = [ev for ev in events if ev.type == "supply"]
    if any(ev.roles.get("supplier") and ev.roles.get("recipient") or ev.roles.get("via") for ev in supplies):
        return events  # a stated sale to an intermediary ("delivered ... to Helix Integrators LLC in Kessel") is left as said
    with_item = any(m.label in ("PRODUCT", "CAPABILITY") for m in mentions)
    cue = supplies[0].trigger if supplies else supply_cue(sent, cue_lemmas, with_item)
    if cue is None:
        return events
    clause = _clause(cue)
    near = [m for m in mentions if _in_clause(m, clause)]
    said = supplies[0].roles.get("supplier", []) if supplies else []  # the rules' supplier: only its buyer is missing
    suppliers = said or [m for m in near if m.label == "ORG" and (m.value in firms or m.refers is not None
                                                                  or is_tool_owner(m, mentions))]
    products = [m for m in near if m.label == "PRODUCT"]
    if len({m.value for m in suppliers}) > MAX_SUPPLIERS or not suppliers and (supplies or not products):
        return events
    recipients = [m for m in _state_parties(near, cue, lambda m: is_country_modifier(m, cue, mentions), cue_lemmas)
                  if not _judicial(m) and not _target(_head(m), target_lemmas) and not funder(m) and not _purpose(m)
                  and not _compared(_head(m))]
    supplier_values = {m.value for m in suppliers}
    recipients = [m for m in recipients if m.value not in supplier_values]
    if not recipients:
        return events
    ev = supplies[0] if supplies else new_event("supply", cue)
    if not suppliers:
        # "the use of Pegasus spyware by ... Spain's National Intelligence Centre": the product's maker, if the
        # document names it (nlp.extract completes the supplier; the event is dropped otherwise)
        ev.needs_supplier = True
        for m in products:
            ev.add("product", m)
    if not ev.roles.get("supplier"):
        for m in suppliers:
            ev.add("supplier", m)
    if not ev.roles.get("recipient"):
        for m in recipients:
            ev.add("recipient", m)
    ev.confidence = min(ev.confidence, CONFIDENCE)
    return events if supplies else [*events, ev]


def _head(m: Mention) -> Token:
    """The mention's head noun: its last token for a state word with its article ("the government": the parse may
    hang "the" outside it), else its parse root."""
    return m.span[-1] if m.label == "GOV_GENERIC" else m.root


_PURPOSE_HEADS = frozenset({"purpose", "purposes", "sake", "aim", "goal"})


def _purpose(m: Mention) -> bool:
    """True for a state word that names what goods are for, not who gets them: "to supply facial recognition
    technology for the purpose of law enforcement", "for law enforcement purposes"."""
    root = _head(m)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.casefold() in _PURPOSE_HEADS:
        return True
    return root.dep_ in ("compound", "amod", "nmod") and root.head.lemma_.casefold() in _PURPOSE_HEADS


_LIKENESS_WORDS = frozenset({"similar", "comparable", "akin", "identical", "like", "unlike"})


def _compared(root: Token) -> bool:
    """True for a name in a comparison: "security technology similar to installations at the New York Police
    Department" (a model, not the buyer)."""
    return any(a.lower_ in _LIKENESS_WORDS and a.pos_ in ("ADJ", "ADP", "SCONJ") for a in root.ancestors)


def _judicial(m: Mention) -> bool:
    """Courts, parliaments and inquiries order, judge and investigate; they buy no surveillance tools."""
    return m.label == "GOV_AGENCY" and any(w in _JUDICIAL_WORDS for w in m.span.text.casefold().split())


def _target(root: Token, target_lemmas: Collection[str]) -> bool:
    """True for the object of a targeting verb ("used to target the government entities"): a victim, not a buyer."""
    node = root
    while node.dep_ in ("conj", "appos", "compound") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj":
        node = node.head
    return node.dep_ in ("dobj", "prep") and node.head.lemma_.casefold() in target_lemmas


def _clause(cue: Token) -> Token:
    """The verb whose clause holds the cue: the cue itself when a verb, else the first verb above it (or the root).
    A cue in the past tense that the parser took for an adjective of the noun after it, right after a name that it
    hung on the same noun ("RAB procured IMSI catchers from ...", "the NTMC imported equipment worth ... from ...":
    spaCy's small English model reads "NAME VERBED NOUN" as one noun phrase), stands for that noun phrase: the
    buyer and the goods are in it."""
    if verb_read_as_adjective(cue):
        return cue.head
    node = cue
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def verb_read_as_adjective(tok: Token) -> bool:
    """True for a verb in the past tense that the parser took for an adjective of the noun after it, right after a
    name (a state body, an organisation or a country) that it hung on the same noun: "RAB procured IMSI catchers
    from ...", "the NTMC imported equipment worth ... from ...". spaCy's small English model reads such
    "NAME VERBED NOUN" openings as one noun phrase (issue 13, round 10)."""
    doc = tok.doc
    return tok.dep_ == "amod" and tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN") and tok.sent.start < tok.i < tok.head.i \
        and doc[tok.i - 1].ent_type_ in ("GOV_AGENCY", "ORG", "COUNTRY") \
        and doc[tok.i - 1].dep_ in ("npadvmod", "nmod", "compound", "nsubj") \
        and doc[tok.i - 1].head.i in (tok.i, tok.head.i)


def _in_clause(m: Mention, clause: Token) -> bool:
    """True when the mention sits in the clause's subtree, or is the noun a relative or participle clause describes
    ("NSO Group, whose spyware was used by ...")."""
    root = m.root
    if clause.left_edge.i <= root.i <= clause.right_edge.i and any(a.i == clause.i for a in (root, *root.ancestors)):
        return True
    return clause.dep_ in ("relcl", "acl") and m.span.start <= clause.head.i < m.span.end


def _state_parties(
    mentions: list[Mention], cue: Token, is_country_modifier: Callable[[Mention], bool], cue_lemmas: Collection[str]
) -> list[Mention]:
    mentions = [m for m in mentions if not _qualifies_a_person(m.root)]
    agencies = [m for m in mentions if m.label == "GOV_AGENCY"]
    if agencies:
        return agencies
    # "the government", "law enforcement"; not a word of a longer noun ("government agencies": which ones?)
    generic = [m for m in mentions if m.label == "GOV_GENERIC" and _head(m).dep_ != "compound"]
    return generic + [m for m in mentions if m.label == "COUNTRY" and not is_country_modifier(m)
            and _place_of_the_supply(m.root, cue, cue_lemmas)]


def _place_of_the_supply(root: Token, cue: Token, cue_lemmas: Collection[str]) -> bool:
    """A country after a preposition names the buyer only where the phrase hangs on the sale or use or on its goods
    ("the use of products in Libya", "devices to deliver malware in Turkey"), never on another verb ("formed in
    Canada", "has offices in the United States") and never after "against" (a target, not a buyer)."""
    while root.dep_ in ("appos", "conj", "compound", "npadvmod") and root.head.i != root.i:
        root = root.head  # "in Waterloo, Ontario, Canada", "in Turkey, Syria, and Egypt"
    if root.dep_ != "pobj":
        return True
    prep = root.head
    if prep.lower_ in ("against", "about", "on", "over"):
        return False
    if prep.lower_ in ("including", "like", "as"):
        return True  # members of a group of buyers: "several countries ... were using FinFisher ..., including Kenya"
    node = prep.head
    while True:
        if node.i == cue.i or node.lemma_.casefold() in cue_lemmas or node.lemma_.casefold() in _USE_LEMMAS:
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head


def _qualifies_a_person(root: Token) -> bool:
    """"French President Emmanuel Macron", "a former Mossad agent", "Israeli allies": the state says whose
    president, agent or allies, it names no buyer."""
    head = root.head
    return root.dep_ in ("amod", "compound", "nmod", "poss") and (
        head.ent_type_ == "PERSON" or head.lemma_.casefold() in _PERSON_NOUNS | RELATION_NOUNS
        or any(c.ent_type_ == "PERSON" and c.dep_ == "compound" for c in head.children)
        or head.dep_ == "compound" and head.head.ent_type_ == "PERSON")


FUNDING_NOUNS = frozenset({"funding", "financing", "finance", "loan", "credit", "grant", "fund", "funds", "sponsorship"})


def funder(m: Mention) -> bool:
    """True for a party named as the funder of something ("with funding from the Chinese government", "a loan
    from China Exim Bank", "financing by the World Bank"): who pays for a deal is no side of it."""
    prep = m.root.head
    return bool(m.root.dep_ == "pobj" and prep.lower_ in ("from", "by", "of")
                and prep.head.lemma_.casefold() in FUNDING_NOUNS)
