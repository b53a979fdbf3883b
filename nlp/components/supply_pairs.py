"""A learned scorer of supply pairs: (firm, state party) pairs of one sentence scored by a logistic model.

Hand rules fit the texts they were written on and carried over poorly to unseen news (issue 13, round 6). This
module reads the same sentences as the sentence backoff (:mod:`nlp.components.implied_supply`), but instead of
fixed filters it describes every candidate pair by generic, parse-based features (no names) and scores it with
weights learned on the tuning half of the real development set (``nlp/train_supply_pairs.py``, scikit-learn's
LogisticRegression). The weights ship as JSON (``nlp/data/supply_pairs.json``: feature -> weight, intercept,
threshold, training set id, date, counts); inference is a dot product and a logistic, so the runtime needs no
model file of scikit-learn.

- **Candidates**: a sentence with a supply or use cue (:func:`nlp.components.implied_supply.supply_cue`: the lemmas
  of ``nlp/data/event_triggers.json``, ``USE_VERBS``/``USE_NOUNS`` of :mod:`nlp.components.common`, project words
  where a product is named); pairs of an organisation of the sentence and a state party of it (GOV_AGENCY, COUNTRY,
  an unnamed state body "the government"); when the sentence names no organisation, the organisations of the
  previous sentence (feature ``cross_sentence``); and the maker of a product the sentence names, when the unit
  names it elsewhere ("NSO Group's Pegasus" ... "the use of Pegasus by Spain's CNI": feature ``firm_product_maker``).
- **Features** (:func:`pair_features`): the cue's class, order and distance of the parties, whether the cue lies
  between them, each party's slot under the cue (subject, object, the preposition that introduces it, possessor,
  compound), the firm known as a company or maker, the state as possessor, as a qualifier of a person or of another
  name ("the Israeli firm"), a court or target, a negation or hedge in the sentence, how many firms and states the
  sentence names, same clause.
- **Explanation**: every pair scored carries ``p`` and its three strongest features (weight x value).

Events made from a scored pair have confidence at most :data:`CONFIDENCE` (0.45, as the backoff's: a link read from
the sentence, not a stated sale) and the rule name :data:`RULE`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from nlp.components.common import USE_NOUNS, USE_VERBS
from nlp.components.implied_supply import (
    _PROJECT_LEMMAS,
    _clause,
    _head,
    _in_clause,
    _judicial,
    _place_of_the_supply,
    _qualifies_a_person,
    _target,
    supply_cue,
)

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

CONFIDENCE = 0.45
RULE = "supply_pairs"
WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "data" / "supply_pairs.json"
MODES = ("off", "replace", "both")  # off: backoff only; replace: scorer instead of the backoff; both: backoff, then scorer
STATE_LABELS = ("GOV_AGENCY", "COUNTRY", "GOV_GENERIC")
_NEGATIONS = frozenset({"not", "never", "no", "n't", "deny", "denied", "without"})


@dataclass
class Candidate:
    """One (firm, state) pair of a sentence, with its features; ``p`` is set by :meth:`PairScorer.score`."""

    firm: Mention
    state: Mention
    cue: Token
    features: dict[str, float]
    p: float = 0.0
    top: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class PairScorer:
    """Logistic weights: ``p = 1 / (1 + exp(-(intercept + sum weight[f] * value[f])))``; a pair is kept when
    ``p >= threshold``. Load the shipped ones with :meth:`load`."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path = WEIGHTS_FILE) -> PairScorer:
        """The scorer of a weights JSON file; ValueError naming the file when it lacks a key."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        try:
            return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                       float(data["threshold"]), dict(data.get("meta", {})))
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not a supply-pair weights file (needs weights, intercept, threshold)") from exc

    def score(self, cand: Candidate) -> float:
        """Sets and returns ``cand.p``, and ``cand.top``: the three features that pushed the score most."""
        parts = [(f, self.weights.get(f, 0.0) * v) for f, v in cand.features.items()]
        z = self.intercept + sum(x for _, x in parts)
        cand.p = 1.0 / (1.0 + math.exp(-z))
        cand.top = sorted((x for x in parts if x[1]), key=lambda x: (-abs(x[1]), x[0]))[:3]
        return cand.p

    def explanation(self, cand: Candidate) -> str:
        """"p=0.62; slot_state=pobj:to +1.31, cue=seller +0.80, dist<=5 +0.42"."""
        return f"p={cand.p:.2f}; " + ", ".join(f"{f} {w:+.2f}" for f, w in cand.top)


def cue_class(cue: Token, classes: Mapping[str, Collection[str]]) -> str:
    """``seller``, ``buyer``, ``seller_noun``, ``buyer_noun``, ``use`` or ``project``: what kind of word the cue is
    (``classes``: the supply kinds of ``event_triggers.json``)."""
    lemma = cue.lemma_.casefold()
    noun = cue.pos_ == "NOUN"
    if lemma in USE_VERBS or lemma in USE_NOUNS:
        return "use"
    order = ("supply_seller_nouns", "supply_buyer_nouns", "supply_seller", "supply_buyer") if noun else (
        "supply_seller", "supply_buyer", "supply_seller_nouns", "supply_buyer_nouns")
    for kind in order:
        if lemma in classes.get(kind, ()):
            return {"supply_seller": "seller", "supply_buyer": "buyer", "supply_seller_nouns": "seller_noun",
                    "supply_buyer_nouns": "buyer_noun"}[kind]
    return "project" if lemma in _PROJECT_LEMMAS else "other"


def slot(root: Token, cue: Token) -> str:
    """The party's place under the cue: the dependency of the token directly under it (``nsubj``, ``dobj``,
    ``poss``, ``compound``), a preposition written ``prep:to``; ``far`` when the way up meets another verb first,
    ``above`` when the cue lies inside the party's own phrase ("NSO Group, whose spyware was used by ...")."""
    node = root
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            break
        if head.i == cue.i:
            if node.dep_ in ("prep", "agent"):
                return f"prep:{node.lower_}"
            return "prep:to" if node.dep_ == "dative" else node.dep_
        if head.pos_ in ("VERB", "AUX"):
            break
        node = head
    return "above" if any(a.i == root.i for a in cue.ancestors) else "far"


def own_dep(root: Token) -> str:
    """The party's own dependency, with its preposition for an object of one (``pobj:to``), after climbing out of
    lists and appositions ("Saudi Arabia and the UAE", "Kessel, a country")."""
    node = root
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    return f"pobj:{node.head.lower_}" if node.dep_ == "pobj" else node.dep_


def pair_features(
    firm: Mention,
    state: Mention,
    cue: Token,
    sent: Span,
    mentions: list[Mention],
    *,
    classes: Mapping[str, Collection[str]],
    firms: Collection[str],
    is_tool_owner: Callable[[Mention, list[Mention]], bool],
    is_country_modifier: Callable[[Mention, Token, list[Mention]], bool],
    target_lemmas: Collection[str],
    cue_lemmas: Collection[str],
    cross_sentence: bool,
    rule_supply: str,
    product_maker: bool = False,
) -> dict[str, float]:
    """The features of one pair (name -> value; absent = 0). ``rule_supply``: what the parse rules found in the
    sentence ("none", "one_party", "both")."""
    f: dict[str, float] = {"bias_pair": 1.0}
    f[f"cue={cue_class(cue, classes)}"] = 1.0
    f[f"state={state.label}"] = 1.0
    f[f"rules={rule_supply}"] = 1.0
    s_root = _head(state)
    f_root = firm.root
    state_slot = slot(s_root, cue)
    f[f"slot_state={state_slot}"] = 1.0
    f[f"dep_state={own_dep(s_root)}"] = 1.0
    if cross_sentence or product_maker:
        f["cross_sentence" if cross_sentence else "firm_product_maker"] = 1.0
    else:
        f[f"slot_firm={slot(f_root, cue)}"] = 1.0
        f[f"dep_firm={own_dep(f_root)}"] = 1.0
        f["firm_before_state"] = float(firm.span.start < state.span.start)
        lo, hi = sorted((f_root.i, s_root.i))
        dist = hi - lo
        f["dist<=5" if dist <= 5 else "dist<=15" if dist <= 15 else "dist>15"] = 1.0
        f["cue_between"] = float(lo < cue.i < hi)
        clause = _clause(cue)
        f["same_clause"] = float(_in_clause(firm, clause) and _in_clause(state, clause))
        f["firm_tool_owner"] = float(is_tool_owner(firm, mentions))
    f["firm_known_firm"] = float(firm.value in firms)
    f["firm_anaphor"] = float(firm.refers is not None)
    f["state_possessor"] = float(s_root.dep_ == "poss")
    f["state_qualifies_person"] = float(_qualifies_a_person(s_root))
    f["state_country_modifier"] = float(is_country_modifier(state, cue, mentions))
    f["state_judicial"] = float(_judicial(state))
    f["state_target"] = float(_target(s_root, target_lemmas))
    if state.label == "COUNTRY":
        f["country_not_place_of_supply"] = float(not _place_of_the_supply(s_root, cue, cue_lemmas))
    f["item_in_sentence"] = float(any(m.label in ("PRODUCT", "CAPABILITY") for m in mentions))
    f["negation_in_sentence"] = float(any(t.dep_ == "neg" or t.lower_ in _NEGATIONS for t in sent))
    n_firms = len({m.value for m in mentions if m.label == "ORG"})
    n_states = len({m.value for m in mentions if m.label in STATE_LABELS})
    f[f"firms={min(n_firms, 3)}"] = 1.0
    f[f"states={min(n_states, 3)}"] = 1.0
    return f


def candidates(
    sent: Span,
    mentions: list[Mention],
    previous: list[Mention],
    events: list[Event],
    *,
    classes: Mapping[str, Collection[str]],
    cue_lemmas: Collection[str],
    firms: Collection[str],
    is_tool_owner: Callable[[Mention, list[Mention]], bool],
    is_country_modifier: Callable[[Mention, Token, list[Mention]], bool],
    target_lemmas: Collection[str],
    maker_of: Mapping[str, Mention] | None = None,
) -> list[Candidate]:
    """The (firm, state) pairs of a sentence with a supply or use cue, with their features; ``previous`` are the
    previous sentence's mentions (its organisations stand in when this sentence names none); ``maker_of``: the
    unit's product makers by the product's text, casefolded (:func:`nlp.components.events._product_makers`)."""
    supplies = [ev for ev in events if ev.type == "supply"]
    with_item = any(m.label in ("PRODUCT", "CAPABILITY") for m in mentions)
    cue = supplies[0].trigger if supplies else supply_cue(sent, cue_lemmas, with_item)
    if cue is None:
        return []
    states = [m for m in mentions if m.label in STATE_LABELS and m.refers is None]
    orgs = [m for m in mentions if m.label == "ORG"]
    cross = not orgs
    if cross:
        orgs = [m for m in previous if m.label == "ORG"]
    named = {m.value for m in orgs}
    makers = []
    for m in mentions:
        maker = (maker_of or {}).get(m.span.text.casefold()) if m.label == "PRODUCT" else None
        if maker is not None and maker.value not in named:
            named.add(maker.value)
            makers.append(maker)
    if not states or not orgs and not makers:
        return []
    rule_supply = "none" if not supplies else "both" if any(
        ev.roles.get("supplier") and ev.roles.get("recipient") for ev in supplies) else "one_party"
    out: list[Candidate] = []
    seen: set[tuple[str, str]] = set()
    for firm in [*orgs, *makers]:
        for state in states:
            key = (firm.value, state.value)
            if key in seen or firm.value == state.value:
                continue
            seen.add(key)
            feats = pair_features(firm, state, cue, sent, mentions, classes=classes, firms=firms,
                                  is_tool_owner=is_tool_owner, is_country_modifier=is_country_modifier,
                                  target_lemmas=target_lemmas, cue_lemmas=cue_lemmas, cross_sentence=cross and firm not in makers,
                                  rule_supply=rule_supply, product_maker=firm in makers)
            out.append(Candidate(firm, state, cue, feats))
    return out


def covered(cand: Candidate, events: list[Event]) -> bool:
    """True when a supply event of the rules already has this firm among its suppliers, vias or recipients and this
    state among its recipients (or the firm as a supplier and any recipient: the rules said who bought)."""
    for ev in events:
        if ev.type != "supply":
            continue
        sellers = {m.value for r in ("supplier", "via") for m in ev.roles.get(r, [])}
        buyers = {m.value for m in ev.roles.get("recipient", [])}
        if cand.firm.value in sellers and (cand.state.value in buyers or buyers):
            return True
        if cand.state.value in buyers and sellers:
            return True
    return False


def scored_supplies(
    cands: list[Candidate], events: list[Event], scorer: PairScorer, new_event: Callable[[str, Token], Event]
) -> list[Event]:
    """``events`` plus one new supply event per firm whose pairs score at least the threshold and that no rule event
    already covers (all states kept for that firm become its recipients). A sentence whose rules found a sale to an
    intermediary (``via``) is left as said."""
    if any(ev.type == "supply" and ev.roles.get("via") for ev in events):
        return events
    kept: dict[str, list[Candidate]] = {}
    for cand in cands:
        if scorer.score(cand) >= scorer.threshold and not covered(cand, events):
            kept.setdefault(cand.firm.value, []).append(cand)
    out = list(events)
    for group in kept.values():
        best = max(group, key=lambda c: c.p)
        ev = new_event("supply", best.cue)
        ev.add("supplier", best.firm)
        for c in group:
            ev.add("recipient", c.state)
        ev.confidence = min(ev.confidence, CONFIDENCE)
        ev.rule = RULE
        ev.explanation = "; ".join(f"{c.state.value}: {scorer.explanation(c)}" for c in group)
        out.append(ev)
    return out
