"""A seller the text describes in one sentence and names in the next (issue 13 round 17, brief supply19).

News often opens on an unnamed firm and names it only afterwards: "A foreign vendor sells cameras to the border
police, a research group, R, says. The vendor, named X, makes ..." (a pattern seen in the round-16 news probe).
The seller of the first sentence is the firm the second names for "the vendor", never a name that happens to
stand nearby in the first (R, whose report it is).

The functions here read the parse; :mod:`nlp.components.events` changes the events (the supplier is taken out of
the first sentence's event and put back from the next sentence, with the next-sentence confidence and an
explanation). ``nouns`` is the events module's set of firm nouns ("company", "firm", "vendor", ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from nlp.components.events import Mention

# verbs that give a name ("the firm, called X", "a company named X", "the vendor, dubbed X", "known as X")
NAMING_VERBS = frozenset({"call", "name", "dub", "know", "brand"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})
_DEFINITE = frozenset({"the", "this", "that"})


def _firm(tok: Token, nouns: Iterable[str]) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.casefold() in nouns


def _det(tok: Token) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "det"), "")


def firm_named(root: Token, nouns: Iterable[str]) -> Token | None:
    """The firm noun a name is given to by a naming participle, or None: "The firm, called X, ..." (X ->
    "firm"), "a company named X", "the vendor known as X"."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as":  # "known as X"
        head = head.head
    elif root.dep_ not in ("oprd", "attr", "dobj", "xcomp", "npadvmod"):
        return None
    if head.dep_ == "acl" and head.lemma_.casefold() in NAMING_VERBS and head.tag_ == "VBN" \
            and _firm(head.head, nouns):
        return head.head
    return None


def unnamed_firm(noun: Token, mentions: Sequence[Mention], nouns: Iterable[str]) -> bool:
    """True when ``noun`` is an indefinite firm noun that names no firm: "A Chinese company", a headline's "This huge
    Chinese company" with no firm named before it; not "A foreign company, X," nor "a company called X"
    (named in place), nor "this company" after a firm (it refers back). ``mentions``: the names around it."""
    if not _firm(noun, frozenset(nouns)) or _det(noun) not in _INDEFINITE and not (
            _det(noun) == "this" and not any(m.label == "ORG" and m.span.end <= noun.i for m in mentions)):
        return False
    if any(c.dep_ == "appos" or c.dep_ == "acl" and c.lemma_.casefold() in NAMING_VERBS for c in noun.children):
        return False
    inside = noun.left_edge.i, noun.right_edge.i
    # (a name inside the phrase names it; an anaphor standing on the noun itself names nothing here)
    return not any(inside[0] <= m.root.i <= inside[1] and m.label == "ORG" and m.root.i != noun.i for m in mentions)


def unnamed_seller(trigger: Token, mentions: Sequence[Mention], nouns: Iterable[str]) -> Token | None:
    """The subject of a selling verb (or its passive's agent) that is an unnamed firm (:func:`unnamed_firm`): "A
    Chinese company is selling ...", "... sold to the police by a European firm"; None otherwise."""
    verb = trigger
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ in ("conj", "advcl", "xcomp"):
        verb = verb.head  # a clause with no subject of its own shares its head's ("... sells X to Ruritania A
        # Chinese company is selling ...", a headline run into its first sentence)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return next((noun for noun in subjects if unnamed_firm(noun, mentions, nouns)), None)


def after_unnamed_subject(tok: Token, candidates: list[Mention], mentions: Sequence[Mention], nouns: Iterable[str],
                          window: int, own_sentence: bool = False) -> list[Mention]:
    """``candidates`` (names before the anaphor ``tok``, "the company") left once an unnamed firm that is a
    subject of an earlier sentence stands between them and ``tok``: after "A foreign company sells ...,
    a report by R says.", "The company also makes cameras" is that unnamed firm, not R; only a name that is a
    subject after it takes the topic over. ``window``: the token where the anaphor's antecedents may start;
    ``own_sentence``: also an unnamed firm that is a subject before ``tok`` in its own sentence ("the Ruritanian
    firm that sold the junta its radios is under inquiry over reports that it supplied ...": "it" is that firm,
    not the junta)."""
    end = tok.i if own_sentence else tok.sent.start
    last = max((t.i for t in tok.doc[window : end]
                if t.dep_ in ("nsubj", "nsubjpass") and unnamed_firm(t, mentions, nouns)), default=None)
    return candidates if last is None else [m for m in candidates if m.span.start > last
                                             and m.root.dep_ in ("nsubj", "nsubjpass")]


def named_in_sentence(sent: Span, mentions: Sequence[Mention], nouns: Iterable[str]) -> Mention | None:
    """The organisation a sentence names for a definite firm noun that is its subject: "The firm, called X,
    is ..." or "The company, X, is ..."; None when the sentence does not open on such a subject."""
    nouns = frozenset(nouns)
    for m in mentions:
        if m.label != "ORG" or m.refers is not None or not sent.start <= m.root.i < sent.end:
            continue
        noun = firm_named(m.root, nouns)
        if noun is None and m.root.dep_ == "appos" and _firm(m.root.head, nouns):
            noun = m.root.head
        if noun is not None and noun.dep_ in ("nsubj", "nsubjpass") and _det(noun) in _DEFINITE:
            return m
    return None


# the post whose holder speaks for the ministry of its domain ("the Minister of Interior", "the Interior Minister")
_MINISTER = "minister"
# verbs by which an office holder makes a purchase public or decides it
ANNOUNCING_VERBS = frozenset({"announce", "confirm", "approve", "unveil", "reveal", "defend", "order", "authorize",
                              "authorise", "sign", "justify"})
# the placeholder value (then ":" and the domain's words) of the ministry a minister's title names; the extractor
# (nlp.extract, seeing the whole document) puts in the ministry of that domain the document names, or drops the role
MINISTRY_OF_POST = "\x00ministry-of-post"


def ministry_of_minister(trigger: Token, buying_nouns: Iterable[str]) -> tuple[Token, str] | None:
    """(the title's "Minister" token, the domain's words) when a minister announces or approves a purchase: "The
    Interior Minister has announced a purchase of cameras from X" -> "interior"; "the Interior Minister approved
    the acquisition" -> "interior"; None otherwise (a minister who buys nothing, a named person's purchase)."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.casefold() not in frozenset(buying_nouns) or trigger.dep_ != "dobj":
        return None
    verb = trigger.head
    if verb.lemma_.casefold() not in ANNOUNCING_VERBS:
        return None
    title = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if title is None or title.lemma_.casefold() != _MINISTER:
        return None
    domain = [t for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
              for g in c.children if g.dep_ == "pobj" for t in g.subtree if t.dep_ != "det" and not t.is_punct]
    if not domain:
        domain = [c for c in title.children if c.dep_ == "compound"]
    words = " ".join(t.lower_ for t in domain)
    return (title, words) if words else None


# verbs by which a deal binds its vendor ("The contract obliges X to fit cameras")
DUTY_VERBS = frozenset({"require", "oblige", "obligate", "compel", "bind", "commit"})


def deal_binding(trigger: Token, deal_nouns: Iterable[str]) -> Token | None:
    """The definite deal noun that binds the doer of ``trigger`` to it: "The contract obliges X to fit
    cameras" -> "contract" (for "fit"); None otherwise."""
    verb = trigger.head if trigger.dep_ in ("xcomp", "ccomp") else None
    if verb is None or verb.lemma_.casefold() not in DUTY_VERBS:
        return None
    deal = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if deal is None or deal.lemma_.casefold() not in frozenset(deal_nouns) or _det(deal) not in _DEFINITE:
        return None
    return deal
