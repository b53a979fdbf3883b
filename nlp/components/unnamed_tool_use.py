"""Supplies told as a state body's use of an unnamed tool whose maker the next sentence names.

Reports often say first that a state uses a tool, by a common noun, and name the firm behind it only in the next
sentence, about the tool: "The authorities of <state> are among several governments that use a spying tool against
activists. The spyware, built by foreign hackers for a firm called X, ...", "The police have been using a
new facial recognition system since May. The software, made by X, ...". No sale verb links the parties, and the
parse rules read one sentence at a time.

The rule, for a sentence that opens with the tool referred back by a definite goods noun ("The spyware", "The
software", "The system") described by a making participle:

- the firm is the name after "by" ("made by X") or, when the makers are unnamed people, the firm they made it for
  ("built by foreign hackers for a firm called X");
- the user is the state body the previous sentence (also the last of the paragraph before: the definite noun
  refers back across it) makes the subject of a use verb
  ("use", "deploy", "employ", ...) whose object is a goods noun, not a name (a named tool is read by the other
  rules), either directly ("the police have been using a system") or as one of a group ("X are among the
  governments using a tool");
- the firm supplies the user. The event has the confidence :data:`CONFIDENCE` and says why in ``explanation``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import USE_VERBS, has_complete_supply, name_at, supply_event

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

CONFIDENCE = 0.5
RULE = "unnamed_tool_use"
_TOOL_NOUNS = frozenset({"tool", "spyware", "software", "system", "technology", "platform", "malware", "app",
                         "program", "programme", "device"})
_MAKING_VERBS = frozenset({"make", "develop", "manufacture", "produce", "create", "build", "design", "write"})
_STATE_LABELS = frozenset({"GOV_AGENCY", "COUNTRY"})


def unnamed_tool_supplies(
    sent: Span,
    mentions: list[Mention],
    before: list[Mention],
    events: list[Event],
    new_event: Callable[[str, Token], Event],
) -> list[Event]:
    """The supply of the tool ``sent`` refers back to, from its maker to its user of the sentence before (module
    docstring); [] when the sentence already has a complete supply or does not open so."""
    if not before or has_complete_supply(events):
        return []
    for tok in sent:
        if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.lemma_.casefold() not in _MAKING_VERBS:
            continue
        tool = tok.head
        if tool.dep_ not in ("nsubj", "nsubjpass") or tool.lemma_.casefold() not in _TOOL_NOUNS \
                or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tool.children):
            continue
        firm = _maker(tok, mentions)
        user = _user_before(sent, before) if firm is not None else None
        if firm is None or user is None:
            continue
        return [supply_event(
            new_event, tok, at_most=CONFIDENCE, rule=RULE, supplier=[firm], recipient=[user],
            explanation=f"{user.value} uses the {tool.text} the next sentence says {firm.value} is behind")]
    return []


def tool_made_by(sent: Span) -> bool:
    """True when ``sent`` opens with a tool referred back and a making participle ("The software, made by X, ..."),
    the one kind of sentence this rule reads: the extractor reads it even with a single name."""
    first = sent[0] if len(sent) else None
    return first is not None and first.lower_ in ("the", "this") and first.head.lemma_.casefold() in _TOOL_NOUNS and any(
        c.dep_ == "acl" and c.lemma_.casefold() in _MAKING_VERBS for c in first.head.children)


def opening_tool_maker(sent: Span, mentions: list[Mention]) -> Mention | None:
    """The firm a sentence that opens on a tool referred back names as its maker ("The spyware, built by foreign
    hackers for a firm called X, ..." -> X), for a use of an unnamed tool that closes the paragraph before; None
    when the sentence does not open so."""
    if not tool_made_by(sent):
        return None
    tool = sent[0].head
    return next((firm for c in tool.children if c.dep_ == "acl" and c.lemma_.casefold() in _MAKING_VERBS
                 if (firm := _maker(c, mentions)) is not None), None)


def unnamed_tool_used(trig: Token) -> bool:
    """True for a use verb whose object is a tool named by an indefinite common noun only ("are among the
    governments using a covert surveillance tool"): its maker may be named only by the next sentence."""
    obj = next((c for c in trig.children if c.dep_ == "dobj"), None)
    return trig.lemma_.casefold() in USE_VERBS and obj is not None and obj.pos_ == "NOUN" \
        and obj.lemma_.casefold() in _TOOL_NOUNS and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children)


def _maker(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The firm after "by", else the firm after "for" when the makers after "by" are no firm."""
    for_firm = None
    # ("developed by hackers for a company called X": the parser may hang "for" on the makers)
    preps = [c for c in verb.children] + [p for a in verb.children if a.dep_ == "agent" for o in a.children
                                          if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep"]
    for c in preps:
        if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "for"):
            for obj in c.children:
                if obj.dep_ == "pobj" and (found := name_at(obj, mentions, called=True)) is not None:
                    if c.lower_ == "by":
                        return found
                    for_firm = found
    return for_firm


def _user_before(sent: Span, before: Collection[Mention]) -> Mention | None:
    """The one state body the previous sentence makes the user of an unnamed tool."""
    users = []
    for m in before:
        if m.label not in _STATE_LABELS or m.span.end_char > sent.start_char or m.root.dep_ != "nsubj":
            continue
        verb = m.root.head
        uses = [verb] if verb.lemma_.casefold() in USE_VERBS else [
            u for p in verb.children if p.dep_ == "prep" and p.lower_ == "among"
            for g in p.children if g.dep_ == "pobj" for u in g.children
            if u.dep_ in ("acl", "relcl") and u.lemma_.casefold() in USE_VERBS]
        for use in uses:
            obj = next((c for c in use.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ == "NOUN" and obj.lemma_.casefold() in _TOOL_NOUNS:
                users.append(m)
    return users[0] if len({m.value for m in users}) == 1 else None
