"""Helpers shared by the components: the auxiliary span group and the Doc extensions."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from nlp.components.supply_roles import date_in_dateline

if TYPE_CHECKING:
    from nlp.components.events import Event, Mention

AUX = "redflag_aux"  # span group: PLACE, LIST, DATE, PERCENT, GOV_GENERIC (not output as entities)
OUTPUT_LABELS = frozenset({"ORG", "GOV_AGENCY", "PERSON", "COUNTRY", "PRODUCT", "CAPABILITY", "VICTIM_GROUP"})
PARTY_LABELS = frozenset({"ORG", "GOV_AGENCY", "PERSON", "COUNTRY"})
ITEM_LABELS = frozenset({"PRODUCT", "CAPABILITY"})
# words of using a tool: a state body using a firm's tool got it from the firm (events, implied_supply)
USE_VERBS = frozenset({"use", "deploy", "employ", "operate", "utilize", "utilise"})
USE_NOUNS = frozenset({"use", "deployment"})
# common nouns of surveillance goods and tools ("the system", "its software"): a noun that names goods, not a party
TOOL_NOUNS = frozenset({"tool", "software", "system", "technology", "product", "equipment", "camera", "spyware",
                        "malware", "solution", "device", "platform", "hardware", "gear", "program", "sensor"})
# nouns of a relation to a state: "sells only to Israeli allies" names Israel's allies, not Israel
RELATION_NOUNS = frozenset({"ally", "partner", "friend", "neighbour", "neighbor", "rival", "enemy", "adversary", "foe",
                            "opponent", "critic", "dissident", "exile", "diaspora"})
# nouns of a body's staff: what they do for a client, their employer does ("four executives of X", "X technicians
# helped the Y government ..."; events._described_by, partnerships._helped)
STAFF_NOUNS = frozenset({"executive", "employee", "manager", "director", "staff", "representative", "officer", "salesman",
                         "engineer", "technician", "expert", "specialist", "personnel", "consultant"})
# verbs of a common noun's name ("a company called X", "a nonprofit known as X"), for :func:`name_at`
NAMING_VERBS = frozenset({"call", "name", "know"})

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
if not Doc.has_extension("redflag_listing_window"):
    # listed parties a paragraph counts and names (nlp.components.listed_later.listing_window): joined by the
    # extractor within and across paragraphs
    Doc.set_extension("redflag_listing_window", default=None)
if not Doc.has_extension("redflag_conf"):
    Doc.set_extension("redflag_conf", default=None)
if not Doc.has_extension("redflag_country"):
    Doc.set_extension("redflag_country", default=None)  # [[start_char, end_char, iso2]] of GOV_AGENCY entities


def aux_spans(doc: Doc) -> list[Span]:
    return list(doc.spans[AUX]) if AUX in doc.spans else []


def set_aux(doc: Doc, spans: list[Span]) -> None:
    unique = {(s.start, s.end): s for s in reversed(spans)}  # the first span for a range wins
    doc.spans[AUX] = sorted(unique.values(), key=lambda s: (s.start, s.end))


@cache
def _trigger_table() -> dict[str, frozenset[str]]:
    """``nlp/data/event_triggers.json`` read once per process (it was read again at each call: per document in
    the licence rules, 2.5 % of extraction time on the dev set in round 23)."""
    raw = json.loads((Path(__file__).resolve().parents[1] / "data" / "event_triggers.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def event_triggers() -> dict[str, set[str]]:
    """The trigger lemmas of ``nlp/data/event_triggers.json`` by kind ("supply_seller", "abuse", ...): a fresh copy
    the caller may change."""
    return {k: set(v) for k, v in _trigger_table().items()}


def word_sections(name: str) -> dict[str, frozenset[str]]:
    """The words of a sectioned word list ``nlp/data/<name>``: "[section]" lines open a section, "#" lines and blank
    lines are skipped, each other line (stripped, case kept) is one word or phrase of the current section (words
    before the first heading go under ""). Returns section -> words; OSError when the file is missing."""
    out: dict[str, set[str]] = {}
    section = ""
    for line in (Path(__file__).resolve().parents[1] / "data" / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        out.setdefault(section, set()).add(line)
    return {k: frozenset(v) for k, v in out.items()}


def trigger_lemmas(kind: str) -> set[str]:
    """The lemmas of one kind of event trigger (:func:`event_triggers`); KeyError for an unknown kind."""
    return set(_trigger_table()[kind])


def list_end(sent: Span) -> int:
    """Token end of a sentence, or of the next one when this one ends with a colon that introduces it (the parser
    cuts "... are likely Circles customers: Australia, Belgium, ..." at the colon)."""
    last = sent.end - 1
    while last > sent.start and sent.doc[last].is_space:
        last -= 1
    if sent.doc[last].text == ":" and sent.end < len(sent.doc):
        return sent.doc[sent.end].sent.end
    return sent.end


def name_at(
    tok: Token,
    mentions: Iterable[Mention],
    labels: Collection[str] = frozenset({"ORG"}),
    *,
    firm_nouns: Collection[str] = (),
    unique: bool = False,
    called: bool = False,
    appos: bool = False,
) -> Mention | None:
    """The name (a mention of ``labels``, by default an ORG) at the token ``tok``: the first mention whose span
    holds it, or None.

    Options, all off by default:

    - ``firm_nouns``: lemmas of common nouns ("company", "firm") whose phrase may give the name instead, when no
      name holds ``tok``: the names in ``tok``'s phrase set beside it ("the company in Pune, X", "indigenous company
      X": a mention whose root is an appos, conj or compound inside ``tok``'s subtree);
    - ``unique``: None, not the first, when the names found (at ``tok`` or in its phrase) have more than one value;
    - ``called``: with no name at ``tok``, the name a naming clause on it gives ("a company called X": the
      object, oprd or attr of an acl whose lemma is in :data:`NAMING_VERBS`), looked for the same way;
    - ``appos``: with no name at ``tok``, the name of a word in apposition to it ("the foundation, X"), looked
      for the same way.

    The clauses and appositions are taken in the order of ``tok``'s children; the first name found wins.
    Shapes: ``tok`` a spaCy Token; ``mentions`` the sentence's Mention objects (``nlp.components.events.Mention``,
    ``.label``, ``.span``, ``.value``, ``.root``); the result one of them.
    """
    mentions = list(mentions)
    found = [m for m in mentions if m.label in labels and m.span.start <= tok.i < m.span.end]
    if not found and tok.lemma_.casefold() in firm_nouns:
        found = [m for m in mentions if m.label in labels and tok.left_edge.i <= m.root.i <= tok.right_edge.i
                 and m.root.dep_ in ("appos", "conj", "compound")]  # (not "in Pune", a place ner took for a firm)
    if found:
        return found[0] if not unique or len({m.value for m in found}) == 1 else None
    for c in tok.children:
        if called and c.dep_ == "acl" and c.lemma_.casefold() in NAMING_VERBS:
            for o in c.children:
                if o.dep_ in ("oprd", "dobj", "attr") and (m := name_at(
                        o, mentions, labels, firm_nouns=firm_nouns, unique=unique, called=called, appos=appos)) is not None:
                    return m
        if appos and c.dep_ == "appos" and (m := name_at(
                c, mentions, labels, firm_nouns=firm_nouns, unique=unique, called=called, appos=appos)) is not None:
            return m
    return None


def item_role(m: Mention) -> str:
    """The role goods take in an event: "capability" for a CAPABILITY mention, else "product"."""
    return "capability" if m.label == "CAPABILITY" else "product"


def has_complete_supply(events: Iterable[Event]) -> bool:
    """True when one of a sentence's ``events`` is a supply with both a supplier and a recipient: the rules that read
    looser wordings (places as buyers, work done for a body, an unnamed tool's maker, funding) then add nothing."""
    return any(ev.type == "supply" and ev.roles.get("supplier") and ev.roles.get("recipient") for ev in events)


# particles some verbs need to mean putting up goods ("set up", "roll out")
PARTICLES = {"set": "up", "roll": "out"}


def family_verbs(sent: Span, verbs: Collection[str]) -> Iterator[Token]:
    """The verbs of ``sent`` whose lemma (case-folded) is in ``verbs``, with the particle ``PARTICLES`` asks for
    where it asks for one ("set up", not "set"). Shapes: a sentence span and lemmas -> tokens, in text order."""
    for verb in sent:
        lemma = verb.lemma_.casefold()
        if verb.pos_ != "VERB" or lemma not in verbs:
            continue
        if lemma in PARTICLES and not any(c.dep_ == "prt" and c.lower_ == PARTICLES[lemma] for c in verb.children):
            continue
        yield verb


def add_sentence_dates(ev: Event, mentions: Iterable[Mention]) -> None:
    """Adds the one DATE with a digit among ``mentions`` as the event's date (none when there are several, or the
    event has a date already)."""
    if ev.roles.get("date"):
        return
    dates = [m for m in mentions if m.label == "DATE" and any(ch.isdigit() for ch in m.span.text)
             and not date_in_dateline(m.span)]  # (the report's date, not the event's: round 24)
    if len(dates) == 1:
        ev.add("date", dates[0])


def supply_event(
    new_event: Callable[[str, Token], Event],
    trigger: Token,
    *,
    confidence: float | None = None,
    at_most: float | None = None,
    rule: str = "",
    explanation: str = "",
    mentions: Iterable[Mention] | None = None,
    goods: Callable[[Mention], bool] | None = None,
    **parties: Iterable[Mention],
) -> Event:
    """A new supply event at ``trigger`` with its parties, and the sentence's goods and date.

    - ``new_event("supply", trigger)`` makes it (``nlp.components.events.Event`` itself, or the factory a component
      is given); ``confidence`` then sets its confidence, ``at_most`` caps it (``min``); ``rule`` and
      ``explanation`` are set when not empty;
    - ``parties``: role name to mentions, added in the order given (``recipient=states, supplier=firms``,
      ``via=[payer]``; keyword order is kept); ``Event.add`` drops repeats and, in a party role, observers;
    - ``mentions``: the sentence's mentions; when given, its PRODUCT and CAPABILITY mentions that ``goods`` keeps
      (all when ``goods`` is None) are added as product or capability (:func:`item_role`), then its one date
      (:func:`add_sentence_dates`). Left out (None): no goods and no date.
    """
    ev = new_event("supply", trigger)
    if confidence is not None:
        ev.confidence = confidence
    if at_most is not None:
        ev.confidence = min(ev.confidence, at_most)
    if rule:
        ev.rule = rule
    if explanation:
        ev.explanation = explanation
    for role, ms in parties.items():
        for m in ms:
            ev.add(role, m)
    if mentions is not None:
        mentions = list(mentions)
        for m in mentions:
            if m.label in ITEM_LABELS and (goods is None or goods(m)):
                ev.add(item_role(m), m)
        add_sentence_dates(ev, mentions)
    return ev
