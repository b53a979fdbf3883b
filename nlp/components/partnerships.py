"""Supplies told without a sale verb (issue 13, round 18, brief deals20): a firm and a state body named as the two
parties of a partnership, a deal they enter into together, or help the firm gives the body, with goods or a
surveillance capability in the same clause. The firm supplies, the state body gets:

- a partnership: "The Y Police partnered with X to deploy cameras", "X teamed up with the Y ministry on a
  surveillance system" (the ``partnership`` lemmas of ``nlp/data/event_triggers.json``, with "with");
- a deal the two enter into or sign together, or one signs "with" the other: "The Y ministry and X entered into a
  $10 million agreement covering cameras", "Y signed a memorandum with X on a monitoring system" (the
  ``contract_with`` lemmas, the deal one of ``partnership_nouns``);
- help: "X helps the Y government monitor its citizens" (the ``helping`` lemmas, the helped verb one of
  ``surveillance_verbs``: the capability is told as a verb); help the firm's staff give is the firm's ("X
  technicians", "engineers from X": ``common.STAFF_NOUNS``), and so is help the staff of one state's body give
  another state's body (round 21, brief supply24: the two states must both be told and differ).

The goods are a PRODUCT or CAPABILITY mention, or a tool noun (``common.TOOL_NOUNS`` less the generic words of
:data:`GENERIC_TOOL_NOUNS`), in the clause of the verb, or the helped surveillance verb: "partnered with the ministry
on a literacy campaign" gives nothing. Each event has at most :data:`CONFIDENCE` and names this rule in its
explanation; the events module reads hedging ("reportedly partnered", "plans to partner") and negation from the verb the same
way as for its own events. :func:`partnership_supplies` reads one sentence; a supply the events already hold for the
same firm and body is kept, and a half-read one of the pair (the firm alone, or the body as the seller) replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from nlp.components.common import ITEM_LABELS, STAFF_NOUNS, TOOL_NOUNS, event_triggers, name_at, supply_event
from ontology.countries import country_code

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

RULE = "partnerships"
CONFIDENCE = 0.6
_T = event_triggers()
PARTNER_VERBS = frozenset(_T["partnership"])
DEAL_VERBS = frozenset(_T["contract_with"])
DEAL_NOUNS = frozenset(_T["partnership_nouns"])
HELP_VERBS = frozenset(_T["helping"])
SURVEILLANCE_VERBS = frozenset(_T["surveillance_verbs"])
# tool nouns too generic to be goods alone ("a literacy program", "a payments platform")
GENERIC_TOOL_NOUNS = frozenset({"program", "platform", "solution", "product"})
# words of a lender's name
LENDER_WORDS = frozenset({"bank", "fund"})
_STATE = frozenset({"GOV_AGENCY", "COUNTRY", "GOV_GENERIC"})
_FIRM = frozenset({"ORG"})
_Found = tuple[list["Mention"], list["Mention"], str]


def _pobjs(tok: Token, words: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``words`` hung on ``tok`` ("with X", "between X and Y")."""
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ in words for o in p.children if o.dep_ == "pobj"]


def _coordinated(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("X and Y", "X, Y and Z")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return out


def _subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``, or of the verb it is the open complement or conjunct of ("plans to partner",
    "is thought to have partnered"), with the names coordinated in them ("The Ministry of X and Y": the parser may
    hang "Y" on "X"); for a verb the parser hung on the sentence's first name as a clause ("The Y Police partnered
    with X": "partnered" an acl of "Police", the root), that name."""
    node = verb
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return [subj] + [t for t in subj.subtree if t.dep_ in ("conj", "appos")]
        if node.dep_ == "acl" and node.head.dep_ == "ROOT" and node.head.pos_ in ("NOUN", "PROPN"):
            return _coordinated(node.head)
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return []
        node = node.head
    return []


def _parties(toks: list[Token], mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The firms and the state bodies named at ``toks``, each once."""
    firms: list[Mention] = []
    states: list[Mention] = []
    for t in toks:
        if (m := name_at(t, mentions, _FIRM, appos=True)) is not None and all(m.key != f.key for f in firms):
            firms.append(m)
        elif (m := name_at(t, mentions, _STATE, appos=True)) is not None and all(m.key != s.key for s in states):
            states.append(m)
    return firms, states


def _employers(toks: list[Token], mentions: list[Mention], labels: frozenset[str] = _FIRM) -> list[Mention]:
    """The firms (or bodies of ``labels``) whose staff ``toks`` are ("X technicians", "X's engineers", "engineers
    from X", "staff of X": a :data:`common.STAFF_NOUNS` word with the employer as its compound, possessor, or the
    object of "from", "of" or "at" on it), each once. Shapes: tokens of a verb's subjects and the sentence's
    mentions -> mentions of ``labels``."""
    out: list[Mention] = []
    for t in toks:
        if t.lemma_.casefold() not in STAFF_NOUNS:
            continue
        near = [c for c in t.children if c.dep_ in ("compound", "poss", "nmod")]
        near += _pobjs(t, ("from", "of", "at"))
        for n in near:
            if (m := name_at(n, mentions, labels)) is not None and all(m.key != o.key for o in out):
                out.append(m)
    return out


def _states_of(bodies: list[Mention], mentions: list[Mention]) -> set[str]:
    """The country codes told with ``bodies``: a COUNTRY mention inside a body's name or modifying it ("China's X",
    "the Chinese X"), or a country's name (``ontology.countries.country_code``) of one to three capitalised words
    inside the name ("the Government of Y", which the entity rules keep as one mention)."""
    spans = [(b.span.start, b.span.end) for b in bodies]
    heads = {b.root.i for b in bodies} | {b.span[0].i for b in bodies}
    out = {m.value for m in mentions if m.label == "COUNTRY" and (
        any(a <= m.root.i < e for a, e in spans) or m.root.head.i in heads and m.root.dep_ in ("poss", "amod", "compound"))}
    for b in bodies:
        words = list(b.span)
        for i in range(len(words)):
            for n in (1, 2, 3):
                run = words[i:i + n]
                if len(run) == n and all(w.is_title and not w.is_stop for w in run) and (
                        code := country_code(b.span.doc[run[0].i:run[-1].i + 1].text)):
                    out.add(code)
    return out


def _has_goods(nodes: list[Token], mentions: list[Mention], parties: list[Mention]) -> bool:
    """True when the phrases of ``nodes`` hold goods: a PRODUCT or CAPABILITY mention that is none of ``parties``,
    or a tool noun that is not a generic one."""
    inside = {t.i for n in nodes for t in n.subtree}
    party_tokens = {t.i for p in parties for t in p.span}
    if any(m.label in ITEM_LABELS and m.root.i in inside and m.root.i not in party_tokens for m in mentions):
        return True
    doc = nodes[0].doc
    return any(doc[i].lemma_.casefold() in TOOL_NOUNS - GENERIC_TOOL_NOUNS and doc[i].pos_ in ("NOUN", "PROPN")
               for i in inside - party_tokens)


def _partnered(verb: Token, mentions: list[Mention]) -> _Found | None:
    """ "Y partnered with X to deploy cameras", "X teamed up with Y on a surveillance system"."""
    if verb.lemma_.casefold() not in PARTNER_VERBS:
        return None
    withs = [t for o in _pobjs(verb, ("with",)) for t in _coordinated(o)]
    subj_firms, subj_states = _parties(_subjects(verb), mentions)
    with_firms, with_states = _parties(withs, mentions)
    firms, states = (with_firms, subj_states) if subj_states else (subj_firms, with_states)
    if not firms or not states or not _has_goods([verb], mentions, firms + states):
        return None
    return firms, states, f"'{verb.text} with'"


def _deal_noun(verb: Token) -> Token | None:
    """The partnership noun a deal verb takes: its object ("signed a memorandum") or the object of "into"
    ("entered into a loan agreement")."""
    for c in [c for c in verb.children if c.dep_ == "dobj"] + _pobjs(verb, ("into",)):
        if c.lemma_.casefold() in DEAL_NOUNS or c.lower_ in DEAL_NOUNS:
            return c
    return None


def _deal_together(verb: Token, mentions: list[Mention]) -> _Found | None:
    """ "Y and X entered into a loan agreement to install cameras", "Y signed a memorandum with X on a monitoring
    system", "Y entered into an agreement between itself and X ..."."""
    if verb.lemma_.casefold() not in DEAL_VERBS or (deal := _deal_noun(verb)) is None:
        return None
    toks = _subjects(verb) + [t for n in (verb, *deal.subtree) for o in _pobjs(n, ("with", "between"))
                              for t in _coordinated(o)]
    firms, states = _parties(toks, mentions)
    if not firms or not states or not _has_goods([verb], mentions, firms + states):
        return None
    return firms, states, f"'{verb.text}' ... '{deal.text}'"


def _helped(verb: Token, mentions: list[Mention]) -> _Found | None:
    """ "X helps the Y government monitor its citizens", "X helped Y to track dissidents": the firm helps, the body
    named after the verb does the surveillance (the word right after its name, or after "to", a surveillance verb;
    the parser may read it as a noun: "the Y Ministry monitor citizens"). Help the firm's staff give is the firm's
    (round 21, brief supply24): "X technicians helped the Y government spy on ...", "engineers from X helped ..."."""
    if verb.lemma_.casefold() not in HELP_VERBS:
        return None
    subjects = _subjects(verb)
    if not subjects and verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        subjects = _subjects(verb.head)  # (a purpose: "experts from X were coming to help Y block ...")
    firms, _ = _parties(subjects, mentions)
    firms = firms or _employers(subjects, mentions)
    staff_of_state = not firms
    if staff_of_state:
        firms = _employers(subjects, mentions, _STATE)
    if not firms:
        return None
    doc, inside = verb.doc, {t.i for t in verb.subtree}
    states: list[Mention] = []
    done: Token | None = None
    for m in mentions:
        if m.label not in _STATE or m.span.start <= verb.i or m.root.i not in inside:
            continue
        after = m.span.end + (m.span.end < len(doc) and doc[m.span.end].lower_ == "to")
        if after < len(doc) and (doc[after].lemma_.casefold() in SURVEILLANCE_VERBS
                                 or doc[after].lower_ in SURVEILLANCE_VERBS):
            states.append(m)
            done = doc[after]
    if not states or done is None:
        return None
    if staff_of_state:
        # staff of a state body help another state's body only when the two states differ and both are told
        # ("experts from China's X helped the Government of Y block ..."): a state's own staff supply nothing
        theirs, helped = _states_of(firms, mentions), _states_of(states, mentions)
        if not theirs or not helped or theirs & helped:
            return None
    return firms, states, f"'{verb.text}' ... '{done.text}'"


_SHAPES: tuple[tuple[str, Callable[[Token, list[Mention]], _Found | None]], ...] = (
    ("a firm and a state body partnered on goods", _partnered),
    ("a firm and a state body made a deal on goods together", _deal_together),
    ("a firm helps a state body do surveillance", _helped),
)


def _outside(parties: list[Mention]) -> Callable[[Mention], bool]:
    """A goods filter: True for a mention that holds none of ``parties`` ("the Y Police" is no goods)."""
    return lambda m: not any(m.span.start <= p.root.i < m.span.end for p in parties)


def _lender(firm: Mention) -> bool:
    """True for a bank or fund ("China Exim Bank" signing a loan agreement with a ministry): it lends the money for
    the goods, it does not supply them (``implied_supply.funder`` reads it after "from")."""
    return any(t.lower_ in LENDER_WORDS for t in firm.span)


def _same(a: list[Mention], b: Mention) -> bool:
    return any(m.key == b.key for m in a)


def partnership_supplies(sent: Span, mentions: list[Mention], events: list[Event],
                         new_event: Callable[[str, Token], Event]) -> list[Event]:
    """The sentence's events with the supplies of the wordings of the module docstring added: one event for each
    wording, its firms (less the ones the events already give as suppliers to the body, and lenders) the suppliers,
    or, when an event of the sentence already has the body as recipient, its co-suppliers (the parties of one act,
    as the dev set's gold lists them).
    Shapes: ``mentions`` the sentence's Mention objects; ``events`` the events found so far in it; ``new_event``
    the Event factory; the result a new list."""
    out = list(events)
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for name, shape in _SHAPES:
            found = shape(verb, mentions)
            if found is None:
                continue
            firms, states, said = found
            supplies = [ev for ev in out if ev.type == "supply"]
            firms = [f for f in firms if not _lender(f) and not any(
                _same(ev.roles.get("supplier", []), f) and any(_same(ev.roles.get("recipient", []), s) for s in states)
                for ev in supplies)]
            if not firms:
                break
            joint = next((ev for ev in supplies if any(_same(ev.roles.get("recipient", []), st) for st in states)
                          and ev.roles.get("supplier")), None)
            if joint is not None:  # (the other firms of one deal: "Y and the firms A and B signed an agreement")
                for f in firms:
                    joint.add("supplier", f)
                joint.explanation = (f"{joint.explanation}; " if joint.explanation else "") + (
                    f"{RULE}: {name} ({said}): also {', '.join(f.out.text for f in firms)}")
                break
            out = [ev for ev in out if not (ev.type == "supply" and not ev.roles.get("recipient") and any(
                _same(ev.roles.get("supplier", []), p) for p in firms + states))]
            out.append(supply_event(
                new_event, verb, at_most=CONFIDENCE, rule=RULE, mentions=mentions, supplier=firms, recipient=states,
                goods=_outside(states),
                explanation=(f"{RULE}: {name} ({said}): {', '.join(f.out.text for f in firms)} supplies "
                             f"{', '.join(s.out.text for s in states)}")))
            break
    return out
