"""Helpers shared by the components: the auxiliary span group and the Doc extensions."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.tokens import Doc, Span

AUX = "redflag_aux"  # span group: PLACE, LIST, DATE, PERCENT, GOV_GENERIC (not output as entities)
OUTPUT_LABELS = frozenset({"ORG", "GOV_AGENCY", "PERSON", "COUNTRY", "PRODUCT", "CAPABILITY", "VICTIM_GROUP"})
PARTY_LABELS = frozenset({"ORG", "GOV_AGENCY", "PERSON", "COUNTRY"})
ITEM_LABELS = frozenset({"PRODUCT", "CAPABILITY"})
# words of using a tool: a state body using a firm's tool got it from the firm (events, implied_supply)
USE_VERBS = frozenset({"use", "deploy", "employ", "operate", "utilize", "utilise"})
USE_NOUNS = frozenset({"use", "deployment"})
# nouns of a relation to a state: "sells only to Israeli allies" names Israel's allies, not Israel
RELATION_NOUNS = frozenset({"ally", "partner", "friend", "neighbour", "neighbor", "rival", "enemy", "adversary", "foe",
                            "opponent", "critic", "dissident", "exile", "diaspora"})

if not Doc.has_extension("redflag_cues"):
    Doc.set_extension("redflag_cues", default=None)
if not Doc.has_extension("redflag_events"):
    Doc.set_extension("redflag_events", default=None)
if not Doc.has_extension("redflag_pairs"):
    Doc.set_extension("redflag_pairs", default=None)  # candidate supply pairs with features, when collected (training)
if not Doc.has_extension("redflag_makers"):
    Doc.set_extension("redflag_makers", default=None)  # [[product start_char, end_char, org start_char, end_char, org value]]
if not Doc.has_extension("redflag_topic"):
    Doc.set_extension("redflag_topic", default=None)  # [start_char, end_char, value] of the unit's topic firm
if not Doc.has_extension("redflag_state_topic"):
    # ["state", start_char, end_char, label, value] of the state body the unit leaves as its main subject, ["other"]
    # when another party is its last main subject, None when none is (nlp.components.events._state_topic)
    Doc.set_extension("redflag_state_topic", default=None)
if not Doc.has_extension("redflag_opening_maker"):
    # [start_char, end_char, value] of the firm the unit's first sentence names as the maker or source of goods it
    # refers back to ("The system from Cellebrite Inc. ..."): the supplier of a purchase the previous unit left open
    Doc.set_extension("redflag_opening_maker", default=None)
if not Doc.has_extension("redflag_conf"):
    Doc.set_extension("redflag_conf", default=None)
if not Doc.has_extension("redflag_country"):
    Doc.set_extension("redflag_country", default=None)  # [[start_char, end_char, iso2]] of GOV_AGENCY entities


def aux_spans(doc: Doc) -> list[Span]:
    return list(doc.spans[AUX]) if AUX in doc.spans else []


def set_aux(doc: Doc, spans: list[Span]) -> None:
    unique = {(s.start, s.end): s for s in reversed(spans)}  # the first span for a range wins
    doc.spans[AUX] = sorted(unique.values(), key=lambda s: (s.start, s.end))


def event_triggers() -> dict[str, set[str]]:
    """The trigger lemmas of ``nlp/data/event_triggers.json`` by kind ("supply_seller", "abuse", ...)."""
    raw = json.loads((Path(__file__).resolve().parents[1] / "data" / "event_triggers.json").read_text(encoding="utf-8"))
    return {k: set(v) for k, v in raw.items() if not k.startswith("_")}


def trigger_lemmas(kind: str) -> set[str]:
    """The lemmas of one kind of event trigger (:func:`event_triggers`); KeyError for an unknown kind."""
    return event_triggers()[kind]


def list_end(sent: Span) -> int:
    """Token end of a sentence, or of the next one when this one ends with a colon that introduces it (the parser
    cuts "... are likely Circles customers: Australia, Belgium, ..." at the colon)."""
    last = sent.end - 1
    while last > sent.start and sent.doc[last].is_space:
        last -= 1
    if sent.doc[last].text == ":" and sent.end < len(sent.doc):
        return sent.doc[sent.end].sent.end
    return sent.end
