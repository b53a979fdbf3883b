"""A sale told with its seller and goods but no buyer, in a text about one state: that state is the buyer (issue 13,
round 20: supply parties in different sentences of one text).

News on a state's surveillance names the buyer state in one sentence and tells the deal by its seller in the next:
"Chile's police want more cameras. Acme Ltd (fictional) will install 2,000 of them." :func:`buyer_from_document_state`
gives such a seller-only sale the state the document is about (the country it names most often, at least twice,
apart from firms' nationalities: ``nlp.extract._document_state``) as its recipient, when the sale's paragraph names
that state too, at a lower confidence (DOCUMENT_BUYER_FACTOR), and says so in the event's explanation.

Not for a denied sale, a sale whose sentence names a private or non-state buyer (round 21), a sale with a go-between, a sale naming no goods, a sale whose seller is that state or a firm
registered there (the gazetteer's country of the firm: a firm named in a story on its home state is no evidence of a
sale there), nor a sale whose paragraph does not name the state (another paragraph's story). Measured on the four
read sets of round 20: dev tuning half +1 supply, probe19 +1, probe18 and probe20 unchanged, no buyer added that
turned a right event wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace

from nlp.normalize import display_name, name_key
from ontology.records import EntityMention, EventMention

# confidence kept by a sale whose buyer is only the state its document is about
DOCUMENT_BUYER_FACTOR = 0.7
# the words of an event's explanation that say its recipient was put in from the document's state (read back by
# nlp.components.supply_precision.inferred_role)
STATE_BUYER_NOTE = "the state the document is about, for a sale that names no buyer"
_GOODS_ROLES = ("product", "capability")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _values(value: str | list[str] | None) -> list[str]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list) else [value]


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph (text between blank lines) around ``start``..``end``."""
    lo = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            return lo, m.start()
    return lo, len(text)


def states_of_sellers(entities: list[EntityMention], events: list[EventMention]) -> dict[str, str]:
    """Name key -> ISO code of the state a party belongs to: each state body the document names with its country
    (a GOV_AGENCY mention: "British government", "Ministry of Defence" of GB), and each party an ownership event of
    the document says a state or a state body owns ("X, owned by the Chilean government"). Issue 13 round 23: the
    sale-to-oneself checks had compared a seller with a state by its ISO code only, so "the British government
    sold ..." in a text about Britain was given GB as its buyer."""
    out: dict[str, str] = {}
    for e in entities:
        if e.label == "GOV_AGENCY" and e.country:
            for name in (e.text, e.canonical):
                out.setdefault(name_key(display_name(name)), e.country)
    for ev in events:
        if ev.type != "ownership":
            continue
        owners = [o if len(o) == 2 and o.isupper() else out.get(name_key(o)) for o in _values(ev.roles.get("owner"))]
        states = {o for o in owners if o}
        if len(states) == 1:
            for owned in _values(ev.roles.get("owned")):
                out.setdefault(name_key(owned), next(iter(states)))
    return out


def own_state_buyers_out(events: list[EventMention], state_of: dict[str, str]) -> list[EventMention]:
    """``events`` with each supply's buyer that is its seller's own state (the ISO code of the state a state body or
    state-owned seller belongs to, ``state_of`` from :func:`states_of_sellers`) taken off: a state does not sell to
    itself ("Britain's Ministry of Defence exported 40 drones, officials in Britain said" had GB as the buyer).
    The sale stays, with its other buyers or none. A firm of that state is not touched: its home state may buy
    from it when the text says so."""
    out: list[EventMention] = []
    for ev in events:
        buyers = _values(ev.roles.get("recipient"))
        own = {state_of[k] for k in map(name_key, _values(ev.roles.get("supplier"))) if k in state_of}
        if ev.type != "supply" or not own or not any(b in own for b in buyers):
            out.append(ev)
            continue
        rest = [b for b in buyers if b not in own]
        new = {k: v for k, v in ev.roles.items() if k != "recipient"}
        if rest:
            new["recipient"] = rest[0] if len(rest) == 1 else rest
        out.append(replace(ev, roles=new))
    return out


def buyer_from_document_state(events: list[EventMention], state: str | None, text: str,
                              states_at: list[tuple[int, str]], home: Callable[[str], str | None],
                              private_at: Collection[tuple[int, int]] = ()) -> list[EventMention]:
    """``events`` of one document, order kept, each seller-only supply given ``state`` (ISO code of the state the
    document is about, or None) as its recipient (module doc). ``text``: the document's text, which the events' and
    ``states_at``'s offsets point into; ``states_at``: (start, ISO code) of its COUNTRY mentions; ``home``: a firm's
    country of registration by its name, or None; ``private_at``: (start, end) of sentences whose sale names a buyer
    that is no state body (:mod:`nlp.components.private_buyers`), whose events are left alone."""
    if state is None:
        return events
    out: list[EventMention] = []
    for ev in events:
        roles = ev.roles
        places = _values(roles.get("country"))
        sellers = _values(roles.get("supplier"))
        ok = ev.type == "supply" and not ev.negated and sellers and not _values(roles.get("recipient")) \
            and not _values(roles.get("via")) and any(_values(roles.get(r)) for r in _GOODS_ROLES) \
            and state not in sellers and (ev.start, ev.end) not in private_at
        if ok:
            lo, hi = _paragraph(text, ev.start, ev.end)
            ok = (state in places or any(lo <= at < hi and code == state for at, code in states_at)) \
                and all(home(s) != state for s in sellers)
        if not ok:
            out.append(ev)
            continue
        rest = [c for c in places if c != state]
        new = {k: v for k, v in roles.items() if k != "country"} | {"recipient": state}
        if rest:
            new["country"] = rest[0] if len(rest) == 1 else rest
        why = f"recipient: {state}, {STATE_BUYER_NOTE}"
        out.append(replace(ev, roles=new, confidence=round(ev.confidence * DOCUMENT_BUYER_FACTOR, 3),
                           explanation=f"{ev.explanation}; {why}" if ev.explanation else why))
    return out
