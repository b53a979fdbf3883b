"""Supplies told as a third party paying for a state body's goods: grants, donations, financial support, funding.

News and council papers often tell a supply by who paid, not who sold: "council members approved the acceptance of
a donation from X, for a <device>, a box made by Y", "the police established the laboratory with financial support
of the USA", "a grant given to them by a nonprofit called X", "technologies introduced through a project funded by
the UK". No sale verb links the parties, so the parse rules of ``redflag_events`` find at most the payer.

The direction rule: the state body is the recipient; the payer (a state, a foundation, a firm or a nonprofit) is a
supplier of the money; the maker of the goods paid for, named in the same sentence ("made by Y", "developed by Y"),
is a supplier through the payer (role ``via``).

- the cue is a funding noun of ``nlp/data/event_triggers.json`` ("funding_nouns": donation, grant, funding, ...;
  "support" and "aid" only when financial: "financial support", "aid" is any help) with its payer after
  "from"/"of"/"by" or as the agent of a participle on it ("a grant given to them by X"), or a funding verb
  ("funding_verbs": funded, financed, sponsored) with its payer after "by" (not the active verb: "the World Bank is
  funding a program to assist the TRC" is a denied supply of censorship in the dev set's tuning half, and a bank
  funding reforms is no seller of goods);
- the payer is the name at that place, or the name a common noun there is called ("a nonprofit called X"), or the
  state after "of" on an unnamed programme ("Anti-Terrorism Assistance of the USA");
- the recipient is, in order: the state body the grant is given to ("given to the police"); the state body that is
  the subject of the clause the funding phrase hangs on ("RMP has established the laboratory with financial support
  of ..."), not a pronoun left for an earlier paragraph's state (that may be the board voting the money); the one state body of the sentence that is not a council, board or committee approving the money; the
  state body the previous sentence of the same paragraph is about ("The Police Department is about to receive
  a device. ... approved the acceptance of a donation from X").

Each event has the confidence :data:`CONFIDENCE` (a supply read from who paid, below a sale said in words) and says
why in ``explanation``. Nothing is added when the sentence already has a supply with both parties.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import has_complete_supply, name_at, supply_event

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

CONFIDENCE = 0.6
RULE = "funding"
_PAYER_LABELS = frozenset({"ORG", "GOV_AGENCY", "COUNTRY"})
_STATE_LABELS = frozenset({"GOV_AGENCY", "COUNTRY"})
# "support" and "aid" are any help unless an adjective makes them money
_MONEY_WORDS = frozenset({"financial", "monetary", "funding", "fiscal", "budgetary", "cash"})
_NEEDS_MONEY_WORD = frozenset({"support", "aid"})
# participles that hang a payer on a funding noun: "a grant given to them by X", "funding provided by X"
_GIVING_VERBS = frozenset({"give", "provide", "award", "offer", "make", "extend", "grant", "donate", "receive"})
# bodies that approve or accept money for another body: never the recipient ("commission" alone may be a regulator)
_APPROVER_WORDS = frozenset({"council", "board", "commissioners", "committee", "assembly", "parliament",
                             "legislature", "congress", "senate", "cabinet", "court"})
# verbs that name the maker of the goods paid for: "a box made by Y", "software developed by Y"
_MAKING_VERBS = frozenset({"make", "manufacture", "produce", "develop", "create", "build", "design"})


def funding_supplies(
    sent: Span,
    mentions: list[Mention],
    before: list[Mention],
    events: list[Event],
    nouns: Collection[str],
    verbs: Collection[str],
    new_event: Callable[[str, Token], Event],
) -> list[Event]:
    """The supplies ``sent`` tells by who paid (module docstring): the payer to the state body and the maker of the
    goods paid for to the state body through the payer; [] when the sentence already has a complete supply."""
    if has_complete_supply(events):
        return []
    out: list[Event] = []
    for tok in sent:
        lemma = tok.lemma_.casefold()
        if tok.pos_ == "NOUN" and lemma in nouns:
            if lemma in _NEEDS_MONEY_WORD and not any(c.lower_ in _MONEY_WORDS for c in tok.children):
                continue
            payer = _payer_of_noun(tok, mentions)
        elif tok.pos_ == "VERB" and tok.tag_ == "VBN" and lemma in verbs:
            payer = _agent_name(tok, mentions)
        else:
            continue
        if payer is None:
            continue
        recipient = _recipient(tok, sent, mentions, before, payer)
        if recipient is None:
            continue
        out += _events(tok, payer, recipient, sent, mentions, new_event)
        break  # one payer a sentence: a second funding word is the same money told again
    return out


def _events(tok: Token, payer: Mention, recipient: Mention, sent: Span, mentions: list[Mention],
            new_event: Callable[[str, Token], Event]) -> list[Event]:
    """The payer's supply to the body, and the maker's through the payer when the sentence names one."""
    out = [supply_event(new_event, tok, at_most=CONFIDENCE, rule=RULE, supplier=[payer], recipient=[recipient],
                        explanation=f"'{tok.text}' paid by {payer.value} for {recipient.value}")]
    maker = _maker_paid_for(sent, mentions, payer)
    if maker is not None:
        out.append(supply_event(
            new_event, tok, at_most=CONFIDENCE, rule=RULE, supplier=[maker], recipient=[recipient], via=[payer],
            explanation=f"goods made by {maker.value}, paid for by {payer.value} ('{tok.text}') for {recipient.value}"))
    return out


def _payer_of_noun(noun: Token, mentions: list[Mention]) -> Mention | None:
    """The payer of a funding noun: after "from"/"of"/"by" ("a donation from X", "financial support of the USA"),
    or the agent of a giving participle on it ("a grant given to them by X")."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "by"):
            for obj in c.children:
                if obj.dep_ != "pobj":
                    continue
                found = name_at(obj, mentions, _PAYER_LABELS, called=True, appos=True)
                if found is None:
                    # "Anti-Terrorism Assistance of the USA": an unnamed programme of a state
                    found = next((s for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                                  for o in p.children if o.dep_ == "pobj"
                                  for s in [name_at(o, mentions, _STATE_LABELS, called=True, appos=True)] if s is not None), None)
                if found is not None:
                    return found
        elif c.dep_ == "acl" and c.lemma_.casefold() in _GIVING_VERBS:
            found = _agent_name(c, mentions)
            if found is not None:
                return found
    return None


def _agent_name(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The name after "by" of a participle ("funded by the UK", "given to them by a nonprofit called X")."""
    for c in verb.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj" and (found := name_at(obj, mentions, _PAYER_LABELS, called=True, appos=True)) is not None:
                    return found
    return None


def _approver(m: Mention) -> bool:
    # (a pronoun's: the body it stands for, by its value)
    return any(w in _APPROVER_WORDS for w in f"{m.out.text} {m.value}".casefold().replace("'", " ").split())


def _clause_verb(tok: Token) -> Token:
    """The verb the funding phrase hangs on ("established ... with financial support of", "introduced ... through
    a project funded by"): up from the cue past nouns, prepositions and participles on nouns."""
    node = tok.head if tok.pos_ == "VERB" else tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("acl", "relcl", "amod") or node.head.i == node.i:
            break
        node = node.head
    return node


def _recipient(cue: Token, sent: Span, mentions: list[Mention], before: list[Mention], payer: Mention) -> Mention | None:
    others = [m for m in mentions if m.label in _STATE_LABELS and m.key != payer.key and m.value != payer.value
              and not m.value.startswith("\x00")]
    # "a grant given to the police by X"
    for giver in [c for c in cue.children if c.dep_ == "acl"] + ([cue] if cue.pos_ == "VERB" else []):
        for c in giver.children:
            if c.dep_ in ("dative", "prep") and c.lower_ == "to":
                for obj in c.children:
                    if obj.dep_ == "pobj" and (m := name_at(obj, others, _STATE_LABELS, called=True, appos=True)) is not None:
                        return None if _approver(m) else m  # ("them" read back to the board that votes the money)
    verb = _clause_verb(cue)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        m = name_at(subj, mentions, _STATE_LABELS | {"ORG"}, called=True, appos=True)
        if m is not None and m.key != payer.key and not _approver(m) and not m.value.startswith("\x00") \
                and (m.label in _STATE_LABELS or _state_acronym(m, mentions + before)):
            return m
    bodies = [m for m in others if m.label == "GOV_AGENCY" and not _approver(m)]
    if len({m.value for m in bodies}) == 1:
        return bodies[0]
    if any(m.label == "GOV_AGENCY" and not _approver(m) for m in others) or cue.lemma_.casefold() not in (
            "donation", "grant", "gift"):
        return None
    # "The Police Department is about to receive a device. ... approved the acceptance of a donation from X"
    doc = sent.doc
    earlier = [m for m in before if m.label == "GOV_AGENCY" and not _approver(m) and m.root.dep_ in ("nsubj", "nsubjpass")
               and m.span.end_char <= sent.start_char and "\n\n" not in doc.text[m.span.end_char:sent.start_char]]
    return earlier[0] if len({m.value for m in earlier}) == 1 else None


def _state_acronym(m: Mention, mentions: list[Mention]) -> bool:
    """An ORG that is the acronym of a state body the document names ("RMP" after "Rajshahi Metropolitan Police")."""
    text = m.span.text
    if not (text.isupper() and 2 <= len(text) <= 6):
        return False
    return any(o.label == "GOV_AGENCY" and "".join(w[0] for w in o.span.text.split() if w[:1].isupper()) == text
               for o in mentions)


def _maker_paid_for(sent: Span, mentions: list[Mention], payer: Mention) -> Mention | None:
    """The firm the sentence names as the maker of the goods paid for ("for a <product>, an unlocking device made by
    the forensics firm <firm>"): the name after "by" of a making participle."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.tag_ == "VBN" and tok.lemma_.casefold() in _MAKING_VERBS and tok.dep_ == "acl":
            maker = _agent_name(tok, mentions)
            if maker is not None and maker.label == "ORG" and maker.key != payer.key:
                return maker
    return None
