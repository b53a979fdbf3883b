"""Parties of a document's supply events fixed from what the whole document says (issue 13, round 22: supply recall
stayed at 0.36-0.38 on each new probe while sentence rules were added per wording; this is one step for every
wording, run after the sentence-level events of a document are read).

News and NGO reports name a buyer in full once ("Ruritania's Federal Police Service", fictional) and then refer to
it by a common noun ("the police", "the army"), and name a state's firm beside the state ("Ruritania's largest
operator, Zeltel"); a reader takes the noun for the named body of its kind and the firm for the buyer.

- :func:`kinds_differ` (brief kind 4): a generic noun of one kind of :data:`_KINDS` never stands for a body of
  another kind: "the army" named after "the Ruritanian police" is not that police force (the round 21 wrong
  resolution). :func:`nlp.components.events._state_antecedent` skips such a body and looks further back.
- :func:`named_buyers` (brief kind 1): a supply event whose recipients are only generic state nouns of
  ``nlp/data/generic_agencies.txt`` (with at most one state's code beside them) gets the document's one fitting
  GOV_AGENCY: of that state when the event names one (the mention's ``country``), of the noun's kind when it has
  one (police -> a body whose name says police, army -> a defence or military body), never the event's own seller.
  One candidate: it replaces the recipient. Several candidates of the noun's kind: the one named nearest before the
  event's sentence. Several candidates and a kind-less noun ("the government", "the authorities" with a police
  force and an army named): nothing is replaced, as a reader could not tell which. An event whose only recipient is
  one state's code gets the organisation named just after that state's possessive in the event's sentence
  (:func:`_named_beside`), and otherwise keeps the state: on the six read sets of round 22 (dev tuning half,
  probes 18-22) the gold keeps the state where the text names the state as buyer, and replacing it by a body of
  that state lost 5 supply events on probes 18, 20 and 21. An event that already names a buyer is left alone: a
  named party is never replaced.

A replaced recipient is named in the event's explanation with the noun or state it was read with, and the event's
confidence is lowered by :data:`nlp.components.seller_only.DOCUMENT_BUYER_FACTOR` (the party is inferred from
another sentence or phrase). Filling a missing seller from the document (brief kinds 2 and 3) is the one-seller
step of :mod:`nlp.components.supply_precision`, which extends the round-21 rule for denials.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from nlp.components.seller_only import DOCUMENT_BUYER_FACTOR
from nlp.normalize import display_name, name_key
from ontology.records import EntityMention, EventMention

# the kind of body a generic noun names, by the words that name it in the noun and in a body's name (lower case)
_KINDS: dict[str, tuple[str, ...]] = {
    "police": ("police", "gendarmerie", "constabulary", "sheriff", "law enforcement"),
    "defence": ("army", "military", "armed forces", "navy", "air force", "defence", "defense", "coast guard"),
    "intelligence": ("intelligence",),
}


def _values(value: str | list[str] | None) -> list[str]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list) else [value]


def _is_code(value: str) -> bool:
    return len(value) == 2 and value.isalpha() and value.isupper()


def _kind(words: str) -> str | None:
    """The kind of :data:`_KINDS` whose words ``words`` (lower case) contains, or None."""
    padded = f" {words} "
    return next((kind for kind, cues in _KINDS.items() if any(f" {c} " in padded for c in cues)), None)


def kinds_differ(noun: str, name: str) -> bool:
    """True when the generic ``noun`` and the body's ``name`` (both lower case) are of two different kinds of
    :data:`_KINDS` ("army" and "ruritanian police"): the noun does not stand for that body."""
    a, b = _kind(noun), _kind(name)
    return a is not None and b is not None and a != b


def named_buyers(events: list[EventMention], entities: list[EntityMention], text: str,
                 generic: Collection[str]) -> list[EventMention]:
    """``events`` of one document, order kept, each supply whose recipients are only generic state nouns or states'
    codes given the one named body the document names for them (module doc). ``entities``: the document's
    mentions (offsets into the same text as the events'); ``generic``: the generic state nouns (lower case, with or
    without "the": :attr:`nlp.gazetteer.Gazetteer.generic_agencies`)."""
    nouns = {g.casefold().removeprefix("the ") for g in generic}
    names: dict[str, str] = {}  # an agency's canonical -> its fullest written name, as the events show it
    for e in entities:
        if e.label in ("GOV_AGENCY", "ORG") and len(display_name(e.text)) > len(names.get(e.canonical, "")):
            names[e.canonical] = display_name(e.text)
    agencies = [e for e in entities if e.label == "GOV_AGENCY"]
    out: list[EventMention] = []
    for ev in events:
        buyers = _values(ev.roles.get("recipient"))
        said = [b for b in buyers if not _is_code(b)]
        if ev.type != "supply" or not buyers or any(b.casefold().removeprefix("the ") not in nouns for b in said):
            out.append(ev)
            continue
        states = {b for b in buyers if _is_code(b)}
        if len(states) > 1:
            out.append(ev)  # a list of states names several buyers, not one body
            continue
        if not said and (body := _named_beside(text, ev, next(iter(states)), entities)) is not None:
            out.append(_given(ev, names[body.canonical], buyers))
            continue
        if not said:
            out.append(ev)  # a state named as the buyer stays the buyer (the read sets' gold keeps it)
            continue
        kinds = {_kind(b.casefold()) for b in said} - {None}
        sellers = {name_key(s) for s in _values(ev.roles.get("supplier"))}
        fit = [a for a in agencies if a.canonical in names and (not states or a.country in states) and name_key(names[a.canonical]) not in sellers
               and (not kinds or _kind(a.text.casefold()) in kinds)]
        chosen = {a.canonical for a in fit}
        if len(chosen) > 1 and kinds:
            before = [a for a in fit if a.end <= ev.start]
            chosen = {before[-1].canonical} if before else set()
        if len(chosen) != 1:
            out.append(ev)
            continue
        out.append(_given(ev, names[chosen.pop()], buyers))
    return out


def _given(ev: EventMention, body: str, buyers: list[str]) -> EventMention:
    """``ev`` with ``body`` for its recipient, ``buyers`` (what it was read with) named in its explanation."""
    why = f"recipient: {body}, the party the document names for {', '.join(buyers)}"
    return replace(ev, roles={**ev.roles, "recipient": body}, confidence=round(ev.confidence * DOCUMENT_BUYER_FACTOR, 3),
                   explanation=f"{ev.explanation}; {why}" if ev.explanation else why)


# between a state's possessive and the party named beside it: a few lower-case words and a comma ("Ruritania's
# largest mobile operator, Zeltel", "Ruritania's Zeltel club": fictional)
_BESIDE = re.compile(r"[’']s\s+(?:[a-z0-9][\w-]*\s+){0,6}?(?:[a-z0-9][\w-]*,\s+)?")


def _named_beside(text: str, ev: EventMention, state: str, entities: list[EntityMention]) -> EntityMention | None:
    """The organisation or body named in ``ev``'s sentence just after a possessive of ``state`` (its ISO code):
    "to Ruritania's largest operator, Zeltel" gives Zeltel (fictional names); None when there is none."""
    sellers = {name_key(s) for s in _values(ev.roles.get("supplier"))}
    bodies = [e for e in entities if e.label in ("ORG", "GOV_AGENCY") and ev.start <= e.start < ev.end
              and name_key(e.text) not in sellers]
    for e in entities:
        if e.label == "COUNTRY" and e.canonical == state and ev.start <= e.start < ev.end:
            beside = next((b for b in bodies if b.start > e.end and _BESIDE.fullmatch(text, e.end, b.start)), None)
            if beside is not None:
                return beside
    return None

