"""Capability and abuse-type reasoning over the ontology's SKOS schemes (no lists re-typed here)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from rdflib import Literal

from ontology import vocab

# Words in an event's victim-group text that name an abuse type of the scheme (stems, lower case).
_VICTIM_WORDS: dict[str, tuple[str, ...]] = {
    "targeting_journalists": ("journalist", "reporter", "editor", "media worker"),
    "identifying_protesters": ("protest", "demonstrat", "rally"),
    "targeting_human_rights_defenders": ("human rights defender", "human-rights defender", "activist", "ngo"),
    "targeting_lawyers": ("lawyer", "attorney"),
    "targeting_political_opponents": ("opposition", "opponent", "politician", "candidate"),
    "persecuting_minorities": ("minorit", "ethnic", "religious", "lgbt"),
    "transnational_repression": ("diaspora", "exile", "abroad", "transnational"),
    "discouraging_whistleblowers": ("whistleblow", "whistle-blow"),
    "suppressing_dissent": ("dissent", "critic"),
}


@cache
def _capabilities() -> dict[str, vocab.Capability]:
    return {c.id: c for c in vocab.capabilities()}


def with_broader(ids: Iterable[str]) -> set[str]:
    """Capability ids plus every broader concept above them."""
    caps = _capabilities()
    out: set[str] = set()
    todo = [str(i) for i in ids]
    while todo:
        cid = todo.pop()
        if cid in out:
            continue
        out.add(cid)
        if cid in caps:
            todo.extend(caps[cid].broader)
    return out


def label(cid: str) -> str:
    c = _capabilities().get(cid)
    return c.label if c else cid.replace("_", " ")


def in_dos_scope(cid: str) -> bool:
    c = _capabilities().get(cid)
    return bool(c and c.dos_scope)


def eu_cyber_surveillance(cid: str) -> bool:
    c = _capabilities().get(cid)
    return bool(c and c.eu_cyber_surveillance)


@cache
def eu_guideline_examples() -> frozenset[str]:
    """Capabilities the EU 2024/2659 guidelines give as examples (rf:euGuidelineExample true)."""
    g = vocab.ontology_graph()
    out = set()
    for cid in _capabilities():
        v = g.value(vocab.NS[cid], vocab.NS.euGuidelineExample)
        if isinstance(v, Literal) and bool(v.toPython()):
            out.add(cid)
    return frozenset(out)


def abuse_types_served(capability_ids: Iterable[str]) -> set[str]:
    """Abuse types the capabilities (and their broader concepts) can serve."""
    caps = _capabilities()
    return {a for cid in with_broader(capability_ids) if cid in caps for a in caps[cid].abuse_types}


def event_abuse_types(props: Mapping[str, Any]) -> set[str]:
    """Abuse types of an event: its ``abuse_type`` property, else read from its victim-group text."""
    known = vocab.abuse_types()
    out: set[str] = set()
    raw = props.get("abuse_type") or props.get("abuse_types")
    for value in raw if isinstance(raw, list) else [raw]:
        if value and str(value) in known:
            out.add(str(value))
    text = " ".join(str(props.get(k) or "") for k in ("victim_group", "summary", "text")).lower()
    for abuse, words in _VICTIM_WORDS.items():
        if any(re.search(r"\b" + re.escape(w), text) for w in words):
            out.add(abuse)
    for concept in known.values():
        if concept.label and concept.label.lower() in text:
            out.add(concept.id)
    return out
