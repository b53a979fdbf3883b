"""The doers of an abuse named as a plural of state bodies (issue 13, round 24, brief abuse28).

Grounds for listings and news on spyware often name who abused the tool only as a class: "developed and supplied
spyware to foreign governments that used these tools to maliciously target journalists" (the U.S. Commerce and
State Department grounds for the NSO listing), "Pegasus was used to target journalists, lawyers and activists by
governments around the world" (news on the Pegasus Project). The dev set writes that class as the abuse's actor
("foreign governments", "governments"). No entity names it, so :func:`plural_state_actor` reads it off the parse:
a plural noun of nlp/data/abuse_actor_plurals.txt that is

* the head of the relative clause the abuse verb (or the "use" verb above it) belongs to ("governments that used
  these tools to target ...", "regimes which spied on ..."), or
* the "by" agent of the abuse verb or of the passive "use" verb above it ("was used to target X by governments").

When the class is followed by its members ("authoritarian governments, including <state> and <state>, that have
used the weapon to spy on ..."; "regimes such as <state>"), :func:`named_members` gives the members' tokens: the
named states are the doers, as a reader takes them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

_DATA = Path(__file__).resolve().parent.parent / "data" / "abuse_actor_plurals.txt"
_RELATIVE = frozenset({"that", "which", "who", "whom"})


@cache
def actor_plurals() -> frozenset[str]:
    """The plural state nouns' lemmas (last word of each entry; the words before it must precede it in the text)."""
    lines = (ln.strip().casefold() for ln in _DATA.read_text(encoding="utf-8").splitlines())
    return frozenset(ln for ln in lines if ln and not ln.startswith("#"))


def plural_state_actor(trig: Token, use_verbs: frozenset[str] | set[str]) -> Span | None:
    """The phrase of the plural state noun that did the abuse ``trig`` tells, or None (shapes in the module doc)."""
    verbs = [trig]
    if trig.dep_ in ("xcomp", "advcl") and trig.head.lemma_.casefold() in use_verbs:
        verbs.append(trig.head)  # "used these tools to target ...": the clause of "used" holds the doer
    if trig.lemma_.casefold() in use_verbs:  # "was used to target activists by governments": "by" on the purpose
        verbs += [c for c in trig.children if c.dep_ in ("xcomp", "advcl")]
    for verb in verbs:
        if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in verb.children):
            if (phrase := _plural_state(verb.head)) is not None:
                return phrase
        for prep in verb.children:
            if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ == "by":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (phrase := _plural_state(obj)) is not None:
                        return phrase
    return None


def _plural_state(noun: Token) -> Span | None:
    """The noun's phrase (its adjectives and compounds before it: "foreign governments", "security services") when
    it is a plural of the list, else None."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return None
    start = noun.i
    for child in sorted(noun.lefts, key=lambda t: -t.i):
        if child.dep_ in ("amod", "compound") and child.i == start - 1:
            start = child.i
    phrase = noun.doc[start : noun.i + 1]
    words = [t.lemma_.casefold() for t in phrase]
    for n in range(len(words), 0, -1):
        if " ".join(words[-n:]) in actor_plurals():
            return phrase
    return None


def vendor_home(country: Span, item_spans: list[Span], firm_nouns: frozenset[str] | set[str]) -> bool:
    """True for a country said as the home of the tool's maker or of the tool ("developed by the Israeli company
    X", "Israel's X Group", "military-grade Israeli spyware", "Chinese-made cameras"): news on spyware names the
    vendor's country next to the tool; it is not the state that used it, so it never stands in for the doer of an
    abuse told without one. ``item_spans`` are the spans of the sentence's firms, products and capabilities."""
    root = country.root
    if root.dep_ not in ("amod", "compound", "poss", "nmod", "npadvmod"):
        return False
    head = root.head
    if head.lemma_.casefold() in firm_nouns:
        return True
    return any(s.start <= head.i < s.end for s in item_spans)


def named_members(noun: Token) -> set[int]:
    """Indices of the tokens a class noun lists as its members: the objects of "including", "like" or "such as"
    hanging on it, with their conjuncts ("governments, including A and B" -> A, B)."""
    out: set[int] = set()
    for prep in noun.children:
        if prep.dep_ != "prep" or not (prep.lower_ in ("including", "like") or prep.lower_ == "as" and any(
                t.lower_ == "such" for t in (prep.doc[prep.i - 1], *prep.children))):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.update(t.i for t in (obj, *obj.conjuncts))
    return out
