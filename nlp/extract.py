"""The extractor: documents in, :class:`ontology.records.DocumentExtraction` out.

Texts are cleaned (offsets kept), checked for language, repaired for reading (:func:`nlp.text.prepare`: lost
spaces after full stops, PDF hyphenation and line breaks, typographic quotes), cut into paragraph units (long
ones at sentence ends) and streamed through ``nlp.pipe``; repeated paragraphs of one document are analysed
once. Everything is found in the repaired text and mapped back: offsets, entity texts and sentences are those
of ``Document.text``. Short forms are resolved to the full names used earlier in the document, and "the company"
or "it" opening a paragraph to the firm the previous paragraph left as its topic (:func:`_last_firm`).

Extraction of a document is a pure function of (document, model, gazetteer version): nothing is carried from
one document to the next, so documents may be read in any process, machine or order (:mod:`nlp.workers`
spreads whole documents over processes; docs/ARCHITECTURE.md, "Extraction at scale").
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from nlp.components.agency_wordings import own_language_acronyms
from nlp.components.cited_sources import cited_sources
from nlp.components.common import OUTPUT_LABELS, aux_spans
from nlp.components.contract_parties import names_description
from nlp.components.document_bodies import bodies_of_document_state
from nlp.components.entities import TYPED_CONFIDENCE
from nlp.components.events import (
    MAKER_NEXT_SENTENCE_CONFIDENCE,
    PREVIOUS_PARAGRAPH_BODY,
    PREVIOUS_PARAGRAPH_CONFIDENCE,
    PREVIOUS_PARAGRAPH_ORG,
    PREVIOUS_PARAGRAPH_STATE,
    STATE_ANAPHORS,
)
from nlp.components.listed_firms import firms_listed_with_firms
from nlp.components.listed_later import join_window
from nlp.components.named_later import MINISTRY_OF_POST
from nlp.components.org_precision import check_document_parties
from nlp.components.party_precision import check_party_mentions
from nlp.components.repeated_names import NAME_ZIPF, OPENING_ZIPF, names_repeated
from nlp.components.ruler import COUNTRY_IN_NAME, LEADER_IN_NAME
from nlp.components.seller_only import buyer_from_document_state, own_state_buyers_out, states_of_sellers
from nlp.components.state_bodies import us_legislative_name
from nlp.components.supply_precision import merge_repeated_readings, refine_supplies
from nlp.components.victim_words import add_victim_types, victim_values
from nlp.components.written_names import camel_case_names, people_by_nationality
from nlp.currencies import states_of_currencies
from nlp.gazetteer import (
    Gazetteer,
    capital_cities,
    capital_countries,
    city_country,
    is_outlet,
    local_place_code,
    observer_keys,
    outlet_shaped,
    outlet_words,
    shared_region_states,
    world_regions,
)
from nlp.headline_case import sentence_case_headline
from nlp.normalize import Coreference, acronym, display_name, legal_forms, name_key
from nlp.pipeline import build_pipeline
from nlp.public_agencies import BODY_WORDS
from nlp.text import Prepared, check_language, clean, prepare_read_as, split_units
from ontology.countries import country_code
from ontology.records import Document, DocumentExtraction, EntityMention, EventMention, stable_id

logger = logging.getLogger(__name__)

_CORE_LABELS = ("ORG", "GOV_AGENCY", "PERSON", "PRODUCT")
# bare nouns that may stand for the state of a country an earlier paragraph has as its main subject (not its forces)
_STATE_WORDS = STATE_ANAPHORS - {"police", "army", "military"}
_CODE_LABELS = ("COUNTRY", "PLACE", "CAPABILITY", "VICTIM_GROUP", "LIST")


@dataclass
class _UnitResult:
    entities: list[tuple[int, int, str, str, float]]  # relative start, end, label, canonical, confidence
    events: list[dict[str, Any]]
    countries: dict[tuple[int, int], str] = field(default_factory=dict)  # GOV_AGENCY (start, end) -> ISO code
    makers: list[list[Any]] = field(default_factory=list)  # [product start, end, firm start, end, firm value]
    topic: list[Any] | None = None  # [start, end, value] of the firm the unit is about
    opening_maker: list[Any] | None = None  # [start, end, value]: the maker its first sentence names for goods before
    state_topic: list[Any] | None = None  # ["state", start, end, label, value] / ["other"] / None: its last main subject
    listing: dict[str, Any] | None = None  # listed parties it counts and names (nlp.components.listed_later)


@dataclass
class _Pending:
    document: Document
    text: str  # the cleaned original (same offsets as the document's text)
    language: str
    skipped_reason: str | None
    prepared: Prepared = field(default_factory=lambda: Prepared(""))  # what the pipeline reads
    units: list[tuple[int, str]] = field(default_factory=list)  # (start, unit text) in order
    results: dict[str, _UnitResult] = field(default_factory=dict)  # by unit text
    waiting: int = 0
    fed: bool = False  # all its units have been handed to the pipeline
    error: str | None = None  # why reading it failed (the first failure), or None


class Extractor:
    """Runs the pipeline over texts and documents. Build once; the model loads in the constructor."""

    def __init__(self, model: str, gazetteer: Gazetteer | None = None, unit_chars: int = 10_000, batch_size: int = 32,
                 supply_pairs: str = "off") -> None:
        self.model = model
        self.gazetteer = gazetteer
        self.nlp: Language = build_pipeline(model, gazetteer)
        # the learned supply-pair scorer: off, replace (instead of the sentence backoff) or both (REDFLAG_SUPPLY_PAIRS)
        self.supply_pairs = supply_pairs
        self.nlp.get_pipe("redflag_events").set_supply_pairs(supply_pairs)  # type: ignore[attr-defined]
        self.unit_chars = unit_chars
        self.batch_size = batch_size
        self._countries: frozenset[str] | None = None  # country names for _regional_arms_of_firms, built once
        self._names: frozenset[str] | None = None  # known names a title-case headline keeps capitalised
        # a unit a pipeline component raised on: (pending id, unit text, "component: Error: message"); spaCy drops
        # that unit from the stream, and its document is returned with ``error`` set instead of stopping the run
        self._failed_units: list[tuple[int, str, str]] = []
        self._set_error_handler()

    # ------------------------------------------------------------------ public API
    def extract_text(self, text: str) -> DocumentExtraction:
        """The extraction of one plain text (document id derived from the text)."""
        safe = clean(text)
        doc_id = stable_id("text", safe)
        sha = stable_id("sha", safe)
        document = Document(id=doc_id, url="", source_id="text", publisher="", tier=3, title="", text=text,
                            sha256=sha, retrieved_at="")
        return self.extract_document(document)

    def extract_document(self, doc: Document) -> DocumentExtraction:
        """The extraction of one archived document (offsets relative to ``doc.text``)."""
        return next(self.pipe_documents([doc], n_process=1))

    def pipe_documents(self, docs: Iterable[Document], n_process: int = 1) -> Iterator[DocumentExtraction]:
        """Extractions in input order, streamed.

        ``n_process`` > 1 spreads whole documents over that many worker processes (:func:`nlp.workers.
        extract_documents`: each loads this extractor's model and gazetteer once and returns plain extractions);
        the results are the same as with 1.
        """
        if n_process > 1:
            from nlp.workers import extract_documents

            yield from extract_documents(docs, self.model, self.gazetteer, n_process, unit_chars=self.unit_chars,
                                         batch_size=self.batch_size, supply_pairs=self.supply_pairs)
            return
        queue: deque[_Pending] = deque()
        by_id: dict[int, _Pending] = {}
        stream = self.nlp.pipe(self._unit_stream(docs, queue, by_id), as_tuples=True, batch_size=self.batch_size)
        for spacy_doc, (pending_id, unit_text) in stream:
            pending = by_id[pending_id]
            try:
                pending.results[unit_text] = _unit_result(spacy_doc)
            except Exception as exc:  # noqa: BLE001 - one document's fault must not stop the others
                self._note_failure(pending, "reading the parsed text", exc)
            pending.waiting -= 1
            self._settle_failures(by_id)
            while queue and queue[0].waiting == 0 and queue[0].fed:
                done = queue.popleft()
                by_id.pop(id(done), None)
                yield self._finish(done)
        self._settle_failures(by_id)
        while queue:
            yield self._finish(queue.popleft())

    def _set_error_handler(self) -> None:
        """:meth:`_unit_failed` as the error handler of every component: the default one (used by the project's
        components) and each trained component's own. (Not :meth:`spacy.Language.set_error_handler`: in spaCy 3.8
        the parser has no ``error_handler`` attribute and raises AttributeError there; such a component keeps
        spaCy's raising handler.) spaCy types handlers as never returning; one that returns drops the doc."""
        self.nlp.default_error_handler = self._unit_failed  # type: ignore[assignment]
        for _name, proc in self.nlp.pipeline:
            if hasattr(proc, "set_error_handler"):
                try:
                    proc.set_error_handler(self._unit_failed)
                except AttributeError:
                    continue

    def _unit_failed(self, name: str, proc: object, docs: list[Doc], exc: Exception) -> None:
        """spaCy's error handler (:meth:`spacy.Language.set_error_handler`): a component raised on ``docs``. Units
        of a document are set aside (their documents come back with ``error``); a text given to the pipeline
        directly, with no document, raises as before."""
        contexts = [getattr(d, "_context", None) for d in docs]
        if any(c is None for c in contexts):
            raise exc
        logger.error("pipeline component %s failed on a text", name, exc_info=exc)
        for pending_id, unit_text in contexts:  # type: ignore[misc]
            self._failed_units.append((pending_id, unit_text, f"{name}: {type(exc).__name__}: {exc}"))

    def _settle_failures(self, by_id: dict[int, _Pending]) -> None:
        """Count the units set aside by :meth:`_unit_failed` as done, marking their documents failed."""
        while self._failed_units:
            pending_id, unit_text, reason = self._failed_units.pop(0)
            pending = by_id[pending_id]
            pending.error = pending.error or reason
            pending.waiting -= 1

    @staticmethod
    def _note_failure(pending: _Pending, step: str, exc: Exception) -> None:
        logger.error("%s failed on document %s", step, pending.document.id, exc_info=exc)
        pending.error = pending.error or f"{step}: {type(exc).__name__}: {exc}"

    # ------------------------------------------------------------------ internals
    def _product_vendors(self) -> dict[str, str]:
        """Product canonical -> its maker, from the pipeline's gazetteer (nlp/data/products.tsv)."""
        return dict(self.nlp.get_pipe("redflag_entities").gazetteer.product_vendors)  # type: ignore[attr-defined]

    def _people_demonyms(self) -> dict[str, str]:
        """A country's people by the plural of its demonym -> the country's code (the pipeline gazetteer's)."""
        return self.nlp.get_pipe("redflag_entities").gazetteer.people_demonyms()  # type: ignore[no-any-return,attr-defined]

    def _country_names(self) -> frozenset[str]:
        """The names and other names (not demonyms) of the pipeline gazetteer's countries, as written (computed
        once per extractor)."""
        if self._countries is None:
            countries = self.nlp.get_pipe("redflag_entities").gazetteer.countries  # type: ignore[attr-defined]
            self._countries = frozenset(n for c in countries.values() for n in (c.name, *c.aliases) if n)
        return self._countries

    def _known_names(self) -> frozenset[str]:
        """The pipeline gazetteer's names and aliases of firms, agencies, people and products written with a capital
        (a title-case headline keeps their capitals, nlp/headline_case.py), built once per extractor."""
        if self._names is None:
            gaz = self.nlp.get_pipe("redflag_entities").gazetteer  # type: ignore[attr-defined]
            self._names = frozenset(f for e in gaz.entries if e.label in _CORE_LABELS
                                    for f in (e.name, *e.aliases) if f[:1].isupper() and len(f) > 2)
        return self._names

    def _unit_stream(
        self, docs: Iterable[Document], queue: deque[_Pending], by_id: dict[int, _Pending]
    ) -> Iterator[tuple[str, tuple[int, str]]]:
        for document in docs:
            text = clean(document.text or "")
            check = check_language(text, document.language)
            pending = _Pending(document, text, check.language, check.skipped_reason)
            queue.append(pending)
            by_id[id(pending)] = pending
            if check.skipped_reason is None:
                # (a title-case headline is parsed in sentence case; names are shown as written)
                pending.prepared = prepare_read_as(text, sentence_case_headline(text, self._known_names()))
                read = pending.prepared.text
                for unit in split_units(read, self.unit_chars):
                    unit_text = read[unit.start : unit.end]
                    pending.units.append((unit.start, unit_text))
                    if unit_text in pending.results:  # a repeated paragraph is analysed once
                        continue
                    pending.results[unit_text] = _UnitResult([], [])  # placeholder, filled when the doc returns
                    pending.waiting += 1
                    yield unit_text, (id(pending), unit_text)
            pending.fed = True

    def _finish(self, p: _Pending) -> DocumentExtraction:
        """The document's extraction; when reading it failed (here or in a pipeline component), an empty one whose
        ``error`` names the step and the exception (logged with its traceback)."""
        if p.error is None:
            try:
                return self._read_document(p)
            except Exception as exc:  # noqa: BLE001 - one document's fault must not stop the others
                self._note_failure(p, "joining the paragraphs' readings", exc)
        return DocumentExtraction(document_id=p.document.id, document_sha256=p.document.sha256, language=p.language,
                                  model=self.model, method="spacy",
                                  error=f"extraction failed ({p.error}); nothing was read from this document")

    def _read_document(self, p: _Pending) -> DocumentExtraction:
        ext = DocumentExtraction(document_id=p.document.id, document_sha256=p.document.sha256, language=p.language,
                                 skipped_reason=p.skipped_reason, model=self.model, method="spacy")
        if p.skipped_reason is not None:
            return ext
        coref = Coreference()
        raw: list[tuple[int, int, str, str, float]] = []
        events: list[dict[str, Any]] = []
        country_at: dict[tuple[int, int], str] = {}
        previous: list[Any] | None = None  # the firm an opening "the company" of the next paragraph stands for
        state: list[Any] | None = None  # [start, end, label, value]: the state body earlier paragraphs are about
        makers: list[list[Any]] = []  # [product start, end, firm mention] in document offsets
        unit_end = 0
        windows: list[tuple[int, dict[str, Any]]] = []  # (unit start, listed parties it counts and names)
        for start, unit_text in p.units:
            result = p.results[unit_text]
            windows.append((start, result.listing or _NO_LISTING))
            if result.opening_maker is not None and events and events[-1]["sent_end"] >= unit_end - 2 \
                    and events[-1]["type"] == "supply" \
                    and events[-1]["roles"].get("recipient") and not events[-1]["roles"].get("supplier"):
                # "... let the Sheriff's Office acquire a system to analyze data from cellphones.\n\nThe system from
                # Cellebrite Inc. of Virginia would ...": the next paragraph names where the goods just bought come from
                s, e, value = result.opening_maker
                events[-1]["roles"]["supplier"] = [[s + start, e + start, "ORG", value]]
                events[-1]["confidence"] = round(min(events[-1]["confidence"], MAKER_NEXT_SENTENCE_CONFIDENCE), 3)
                events[-1].pop("needs_supplier", None)
                why = f"supplier: {p.prepared.text[s + start : e + start]}, the maker the next paragraph opens on for the goods"
                events[-1]["explanation"] = "; ".join(x for x in (events[-1].get("explanation", ""), why) if x)
            raw.extend((s + start, e + start, lab, can, conf) for s, e, lab, can, conf in result.entities)
            country_at.update({(s + start, e + start): code for (s, e), code in result.countries.items()})
            makers += [[ps + start, pe + start, [fs + start, fe + start, "ORG", value]]
                       for ps, pe, fs, fe, value in result.makers]
            unit_events = []
            for ev in result.events:
                shifted = dict(ev)
                shifted["sent_start"] = ev["sent_start"] + start
                shifted["sent_end"] = ev["sent_end"] + start
                shifted["roles"] = {r: [_ministry_named(shifted, [s + start, e + start, lab, val], raw, p.prepared.text)
                                        if str(val).startswith(MINISTRY_OF_POST) else
                                        _earlier_party(shifted, [s + start, e + start, lab, val], previous, state,
                                                       p.prepared.text) for s, e, lab, val in ms]
                                    for r, ms in ev["roles"].items()}
                if shifted.pop("recipient_before", False):
                    # "Chinese tech giant Huawei provided them all." opening a paragraph: the goods are those of the
                    # state body an earlier paragraph is about
                    if state is not None:
                        shifted["roles"]["recipient"] = [_from_previous_paragraph(shifted, state)]
                    elif all(m[2] == "TEXT" for r in ("product", "capability") for m in shifted["roles"].get(r, [])):
                        continue  # a seller of goods named nowhere, to no buyer: nothing to report
                unresolved = any(None in ms for ms in shifted["roles"].values())
                shifted["roles"] = {r: [m for m in ms if m is not None] for r, ms in shifted["roles"].items()}
                named = sum(len(shifted["roles"].get(r, [])) for r in ("supplier", "recipient", "via", "product", "capability"))
                if unresolved and named < 2:
                    continue  # "Its customers include X" with no firm before: one side alone says nothing
                unit_events.append(shifted)
            events.extend(unit_events)
            previous = _last_firm(result, start, unit_events) or previous
            if result.state_topic is not None:
                state = [result.state_topic[1] + start, result.state_topic[2] + start, *result.state_topic[3:]] \
                    if result.state_topic[0] == "state" else None
            unit_end = start + len(unit_text.rstrip())  # (the open purchase must be in its last sentence)
        events += join_window(windows)  # "18 firms were added to the Entity List. ... The two entities are A and B"
        read = p.prepared.text
        shown = p.prepared.shown or read  # (names as the source writes them, for display)
        events = _named_makers_supply(read, events, makers, self._product_vendors(), raw)
        raw = _add_acronym_mentions(read, raw)
        raw = _surnames_are_people(read, raw, self.nlp.get_pipe("redflag_entities").gaz_conf)  # type: ignore[attr-defined]
        raw = _typed_names_repeated(read, raw, self.nlp.get_pipe("redflag_entities").gaz_conf)  # type: ignore[attr-defined]
        raw = _short_forms_of_firms(read, raw)
        raw = firms_listed_with_firms(read, raw, country_code)
        raw = cited_sources(read, raw, country_code)
        raw = camel_case_names(read, raw)
        raw = names_repeated(read, raw, country_code)
        raw = check_document_parties(read, raw, self.nlp.get_pipe("redflag_entities").gaz_conf)  # type: ignore[attr-defined]
        raw = check_party_mentions(read, raw, country_code, self.nlp.get_pipe("redflag_entities").gaz_conf)  # type: ignore[attr-defined]
        raw = _observers_are_no_people(read, raw)
        raw = _regional_arms_of_firms(read, raw, self._country_names())
        raw, stops_out = _sentence_stops_out_of_names(read, raw)
        canonical_at: dict[tuple[int, int], str] = {}
        display: dict[str, str] = {}
        country_of: dict[str, str] = {}  # an agency's country holds for its acronym and short forms too
        resolved: list[tuple[int, int, str, str, float]] = []
        for s, e, label, canonical, conf in raw:
            surface = shown[s:e]
            if label in _CORE_LABELS:
                canonical = coref.resolve(label, surface, canonical)
                if len(display_name(surface)) > len(display.get(canonical, "")):
                    display[canonical] = display_name(surface)  # the fullest form names the entity
            canonical_at[(s, e)] = canonical
            if label == "GOV_AGENCY" and (s, e) in country_at:
                country_of.setdefault(canonical, country_at[(s, e)])
            resolved.append((s, e, label, canonical, conf))
        cities = capital_cities()
        for s, e, label, canonical, conf in resolved:
            if not any(ch.isalnum() for ch in read[s:e]):
                continue  # a run of blank or box-drawing characters ("⠀⠀", a page's spacer) names nothing
            if label == "COUNTRY" and read[s:e].casefold() in cities:
                continue  # a capital is a city, never a COUNTRY mention; its events keep its country
            if label in OUTPUT_LABELS:
                o_start, o_end = p.prepared.span(s, e)
                country = (country_at.get((s, e)) or country_of.get(canonical)) if label == "GOV_AGENCY" else None
                ext.entities.append(EntityMention(text=p.text[o_start:o_end], label=label, canonical=canonical,
                                                  start=o_start, end=o_end, confidence=round(conf, 3), country=country))
        _us_legislatures(ext.entities)
        _short_forms_typed_as_bodies(ext.entities)
        _chamber_committees(ext.entities, p.text)
        _councils_of_officers(ext.entities, p.text)
        _acronyms_of_bodies(ext.entities, p.text)
        own_language_acronyms(ext.entities, p.text)
        _short_forms_of_bodies(ext.entities)
        signals = _DocumentSignals(ext.entities, p.text, self.nlp.get_pipe("redflag_entities").gazetteer)  # type: ignore[attr-defined]
        _bare_word_aliases_yield(signals)
        _one_state_documents(signals)
        _dateline_state(signals)
        _shared_region_bodies(signals)
        _place_state(signals)
        about = _document_state(signals)
        bodies_of_document_state(ext.entities, signals.named_apart_from_firms)  # bodies still without a state
        private_at: set[tuple[int, int]] = set()  # sentences of sales to a private or non-state buyer
        bodies_state = states_of_sellers(ext.entities, [])  # state bodies by name: no state sells to itself
        another_at: set[tuple[int, int]] = set()  # sentences of sales told as another one
        for ev in events:
            roles: dict[str, str | list[str]] = {}
            victim_types: list[str] = []  # the table's standard names of the victims (the role keeps the text's words)
            for role, mentions in ev["roles"].items():
                values: list[str] = []
                for s, e, label, value in mentions:
                    e = stops_out.get((s, e), e)  # (a name whose sentence's full stop was cut off it)
                    if label == "VICTIM_GROUP":
                        v, standard = victim_values(shown[s:e], value)
                        if standard not in victim_types:
                            victim_types.append(standard)
                    elif label in _CODE_LABELS:
                        v = value
                    elif label in _CORE_LABELS:
                        can = canonical_at.get((s, e), value)
                        v = display.get(can, display_name(shown[s:e]))
                    else:
                        v = display_name(shown[s:e])
                    if v and v not in values:
                        values.append(v)
                if values:
                    roles[role] = values[0] if len(values) == 1 else values
            add_victim_types(roles, victim_types)
            if ev["type"] == "supply" and roles.get("supplier") and roles.get("recipient"):
                # one party on both sides of a sale is its seller ("the contract between STL and the Government of
                # Bangladesh" read STL into the buyers too): it stays the supplier only
                sellers = set(_as_list(roles["supplier"]))
                buyers = [v for v in _as_list(roles["recipient"]) if v not in sellers]
                if buyers:
                    roles["recipient"] = buyers[0] if len(buyers) == 1 else buyers
                else:
                    del roles["recipient"]
            if roles.get("recipient") and not ev.get("private_buyer"):
                _unnamed_buyer_state(ev, roles, about, read, bodies_state)
            o_start, o_end = p.prepared.span(ev["sent_start"], ev["sent_end"])
            if ev.get("private_buyer"):  # a buyer said in words that is no state body: no state put in for it
                private_at.add((o_start, o_end))
            if ev.get("another_sale"):  # "X later sold drones": not a reading of an earlier sale
                another_at.add((o_start, o_end))
            ext.events.append(EventMention(type=ev["type"], roles=roles, sentence=p.text[o_start:o_end],
                                           start=o_start, end=o_end, confidence=ev["confidence"],
                                           hedged=ev["hedged"], negated=ev["negated"], rule=ev.get("rule", ""),
                                           explanation=ev.get("explanation", "")))
        state_of = states_of_sellers(ext.entities, ext.events)  # state bodies and state-owned firms
        ext.events = own_state_buyers_out(ext.events, state_of)
        ext.events = refine_supplies(ext.events, another_at)  # false goods, generic buyers, one sale read twice
        gaz = self.nlp.get_pipe("redflag_entities").gazetteer  # type: ignore[attr-defined]
        ext.events = buyer_from_document_state(  # a seller-only sale in a text about one state
            ext.events, about, p.text, [(e.start, e.canonical) for e in ext.entities if e.label == "COUNTRY"],
            lambda name: state_of.get(name_key(name)) or gaz.entry_country("ORG", name_key(name)), private_at)
        ext.events = merge_repeated_readings(ext.events, another_at)  # a sale whose buyer the state just put in, read again
        # a country's people ("Nigerians"): COUNTRY mentions added after the events and the document's state are read
        known = set(raw)
        people = [m for m in people_by_nationality(read, raw, self._people_demonyms()) if m not in known]
        for s, e, label, code, conf in people:
            o_start, o_end = p.prepared.span(s, e)
            ext.entities.append(EntityMention(text=p.text[o_start:o_end], label=label, canonical=code,
                                              start=o_start, end=o_end, confidence=round(conf, 3)))
        if people:
            ext.entities.sort(key=lambda m: (m.start, m.end))
        return ext


# legal forms shortened by cutting the word off, written with a full stop of their own ("Inc.", "Corp.", "Co."): the
# stop after them is theirs even where it also ends the sentence ("the Canadian company, Netsweeper, Inc. After
# ..."); a form shortened inside the word or made of initials ("Ltd", "Pty", "LLP", "GmbH") has none of its own
_TRUNCATED_FORMS = frozenset({"inc", "corp", "co", "bros"})
# what follows a sentence's full stop: the end of the text, a line break, or a space and a capital, digit or quote
# (not a bracket: "Consultancy PTE. LTD. (Singapore)" keeps its stop)
_AFTER_SENTENCE_STOP = re.compile(r"\s*$|\s*\n|[\"'\u201d\u2019)]?\s+[\"'\u201c\u2018]?[A-Z0-9]")


def _sentence_stops_out_of_names(
        text: str, raw: list[tuple[int, int, str, str, float]],
) -> tuple[list[tuple[int, int, str, str, float]], dict[tuple[int, int], int]]:
    """Organisation names without the full stop of the sentence they end: "... a contract with Zentrix Systems Ltd."
    gives "Zentrix Systems Ltd", as the real development set's gold does ("the South African firm VASTech SA Pty
    Ltd. New evidence ...": "VASTech SA Pty Ltd"; "Robins, Kaplan, Miller and Ciresi, LLP." without the stop),
    while a form cut short with a stop of its own keeps it ("Netsweeper, Inc. After ..."; :data:`_TRUNCATED_FORMS`)
    and so does a dotted one ("Momac B.V."). The same firm then has one surface form wherever its name falls in a
    sentence, beside its one key (``name_key`` ignores the stop). Returns the mentions and, for each one cut,
    its old (start, end) -> new end, for the events that point at it (issue 13 round 16)."""
    single = {f[0] for f in legal_forms() if len(f) == 1}
    out: list[tuple[int, int, str, str, float]] = []
    cut: dict[tuple[int, int], int] = {}
    for s, e, label, canonical, conf in raw:
        last = text[s:e].split()[-1] if text[s:e].split() else ""
        form = last[:-1]
        if label == "ORG" and last.endswith(".") and e - s > len(last) and "." not in form \
                and form.casefold() in single and form.casefold() not in _TRUNCATED_FORMS \
                and _AFTER_SENTENCE_STOP.match(text, e):
            cut[(s, e)] = e - 1
            e -= 1
        out.append((s, e, label, canonical, conf))
    return out, cut


def _named_makers_supply(text: str, events: list[dict[str, Any]], makers: list[list[Any]],
                         product_vendors: dict[str, str] | None = None,
                         entities: list[tuple[int, int, str, str, float]] | None = None) -> list[dict[str, Any]]:
    """Supply events whose supplier is not said, completed with the maker the document names for their product:
    "the NSO Group's Pegasus spyware" ... "Pegasus is only sold to governments" (NSO Group sold it). The makers are
    those of :func:`nlp.components.events._product_makers` and the suppliers of the document's own supply events
    with that product; products match by their text, case-insensitive. Failing those, the maker of a known
    product (``product_vendors``: product canonical -> vendor, nlp/data/products.tsv) when the document names it:
    in the product's own name ("bought Cellebrite UFED devices": Cellebrite) or as an organisation mention
    anywhere in ``entities`` (document offsets, label, canonical), the nearest before the event first. A completed
    event's confidence is at most 0.7 (inferred, not said); an event read from a use that finds no maker is
    dropped ("used Pegasus" alone names no seller)."""
    maker_of: dict[str, list[Any]] = {}
    for ps, pe, firm in makers:
        maker_of.setdefault(text[ps:pe].casefold(), firm)
    for ev in events:
        if ev["type"] == "supply" and not ev.get("needs_supplier"):
            firms = [m for m in ev["roles"].get("supplier", []) if m[2] == "ORG"]
            for m in ev["roles"].get("product", []):
                if m[2] == "PRODUCT" and len(firms) == 1:
                    maker_of.setdefault(text[m[0] : m[1]].casefold(), firms[0])
    said = {(s[3], r[3]) for ev in events if ev["type"] == "supply"
            for s in ev["roles"].get("supplier", []) for r in ev["roles"].get("recipient", [])}
    out: list[dict[str, Any]] = []
    for ev in events:
        roles = ev["roles"]
        if ev["type"] == "supply" and not roles.get("supplier"):
            products = [text[m[0] : m[1]].casefold() for m in roles.get("product", []) if m[2] == "PRODUCT"]
            firm = next((maker_of[p] for p in products if p in maker_of), None)
            if firm is None and product_vendors:
                firm = _table_maker(text, roles.get("product", []), int(ev["sent_start"]), product_vendors, entities or [])
            recipients = {m[3] for m in roles.get("recipient", [])}
            if firm is not None and firm[3] not in recipients:
                if any((firm[3], r) in said for r in recipients):
                    continue  # the document says that sale in words elsewhere: this is the same one
                why = f"supplier {text[firm[0]:firm[1]]!r}: the maker the document names for the product, not said of this sale"
                ev = dict(ev, roles=dict(roles, supplier=[firm]), confidence=min(ev["confidence"], 0.7),
                          explanation="; ".join(x for x in (ev.get("explanation", ""), why) if x))
        if ev.get("needs_supplier") and not ev["roles"].get("supplier"):
            continue
        out.append(ev)
    return out


def _as_list(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def _table_maker(text: str, products: list[list[Any]], sent_start: int, product_vendors: dict[str, str],
                 entities: list[tuple[int, int, str, str, float]]) -> list[Any] | None:
    """The maker of a known product as a role mention [start, end, "ORG", canonical] where the document names it:
    at the head of the product's own name ("Cellebrite UFED"), else its nearest organisation mention before
    ``sent_start``, else its first after; None when the document never names it (the table alone is no evidence
    that this sale was the maker's)."""
    for m in products:
        vendor = product_vendors.get(str(m[3])) if m[2] == "PRODUCT" else None
        if not vendor:
            continue
        surface = text[m[0] : m[1]]
        if surface.casefold().startswith(vendor.casefold() + " "):
            return [m[0], m[0] + len(vendor), "ORG", name_key(vendor)]
        named = sorted((s, e) for s, e, label, canonical, _ in entities if label == "ORG" and canonical == name_key(vendor))
        before = [n for n in named if n[1] <= sent_start]
        pick = before[-1] if before else next(iter(named), None)
        if pick is not None:
            return [pick[0], pick[1], "ORG", name_key(vendor)]
    return None


def _ministry_named(event: dict[str, Any], mention: list[Any], raw: list[tuple[int, int, str, str, float]],
                    text: str) -> list[Any] | None:
    """For the placeholder of a minister's ministry (:data:`MINISTRY_OF_POST`, "The Interior Minister has announced
    a purchase ..."): the last ministry the document names up to here whose name holds every word of the
    minister's domain ("Ministry of Interior", "Interior Ministry"), as a role mention, the event's confidence then
    at most the next-sentence one and its explanation saying why; None (the role is dropped) when there is none. ``raw``: the document's names so far (start, end, label, canonical, confidence)."""
    words = str(mention[3]).rpartition(":")[2].split()
    bodies = [(s, e, can) for s, e, label, can, _conf in raw if label == "GOV_AGENCY" and s < mention[0]
              and "ministry" in (name := text[s:e].casefold().split()) and all(w in name for w in words)]
    if not bodies:
        return None
    s, e, canonical = bodies[-1]
    event["confidence"] = round(min(event["confidence"], MAKER_NEXT_SENTENCE_CONFIDENCE), 3)
    event.setdefault("rule", "named_later")
    why = "recipient: the ministry the document names for the minister who announced the purchase"
    event["explanation"] = f"{event['explanation']}; {why}" if event.get("explanation") else why
    return [s, e, "GOV_AGENCY", canonical]


def _earlier_party(event: dict[str, Any], mention: list[Any], firm: list[Any] | None, state: list[Any] | None,
                   text: str) -> list[Any] | None:
    """A role ``mention`` ([start, end, label, value]) as it stands, or, for the placeholder of a party an earlier
    paragraph names (:data:`PREVIOUS_PARAGRAPH_ORG`, :data:`PREVIOUS_PARAGRAPH_STATE`), that party: ``firm`` for
    "the company", ``state`` for "they" and for "the ministry", "the government" when its name fits the word, the
    later of the two for "it"; None when there is none."""
    start, end, _label, value = mention
    if value == PREVIOUS_PARAGRAPH_ORG:
        if text[start:end].casefold() == "it" and state is not None and (firm is None or state[0] > firm[0]):
            return _from_previous_paragraph(event, state)  # "The Uganda Police Force signed ...\n\nIt bought ..."
        if firm is not None:
            # (the firm read from another paragraph: a lower confidence, and the event says whom the word stood for)
            event["confidence"] = round(min(event["confidence"], PREVIOUS_PARAGRAPH_CONFIDENCE), 3)
            why = f"{text[start:end]!r} stood for {firm[3]}, the firm an earlier paragraph is about"
            if why not in event.get("explanation", ""):
                event["explanation"] = f"{event['explanation']}; {why}" if event.get("explanation") else why
        return firm
    if not str(value).startswith(PREVIOUS_PARAGRAPH_STATE):
        return mention
    if str(value).startswith(PREVIOUS_PARAGRAPH_BODY):
        return _described_body_before(event, str(value), state)
    word = str(value).rpartition(":")[2]
    if state is None or word != "they" and not (
            word in state[3].casefold().split() or state[2] == "COUNTRY" and word in _STATE_WORDS):
        # ("The ministry ..." after "Kenya's police force": not the body named) a bare noun stays an unnamed body
        return None if word == "they" else [start, end, "GOV_GENERIC", word]
    return _from_previous_paragraph(event, state)


def _described_body_before(event: dict[str, Any], value: str, state: list[Any] | None) -> list[Any] | None:
    """The state body an earlier paragraph is about, for a description opening a paragraph ("the sheriff's office
    bought the $18,000 software" after a paragraph on "The Spokane County Sheriff's Office"), when the body's name
    ends with the description's words; None (the role is dropped) otherwise."""
    words = value.partition(":")[2]
    if state is None or state[2] != "GOV_AGENCY" or not names_description(str(state[3]), words):
        return None
    return _from_previous_paragraph(event, state)


def _from_previous_paragraph(event: dict[str, Any], state: list[Any]) -> list[Any]:
    """The state body of an earlier paragraph as a role of ``event``, which then carries at most
    :data:`PREVIOUS_PARAGRAPH_CONFIDENCE` and says so in its explanation."""
    event["confidence"] = round(min(event["confidence"], PREVIOUS_PARAGRAPH_CONFIDENCE), 3)
    why = "a party is the state body an earlier paragraph has as its main subject"
    if why not in event.get("explanation", ""):
        event["explanation"] = f"{event['explanation']}; {why}" if event.get("explanation") else why
    return list(state)


def _last_firm(result: _UnitResult, start: int, events: list[dict[str, Any]]) -> list[Any] | None:
    """The organisation a paragraph leaves as its topic, as a role mention [start, end, "ORG", value] in document
    offsets: the last supplier named in its events, else the organisation it calls a company or names as a subject
    (``redflag_topic``: "Paragon Solutions, an Israeli spyware maker, has become a rival to NSO Group"; the firm its
    last sentence naming firms is about, nlp.components.salience), also when that sentence comes after the last
    sale, else the last organisation named; None when it names none (the one before it then stays the topic). "The
    company", "it" opening the next paragraph stand for it."""
    sellers: list[list[Any]] = []
    sale_end = 0  # where the sentence of the last sale naming a firm as its seller ends
    for ev in events:
        named = [list(m) for m in ev["roles"].get("supplier", []) if m[2] == "ORG"]
        sellers += named
        sale_end = max(sale_end, int(ev.get("sent_end", 0))) if named else sale_end
    # a watchdog or newsroom reports on the trade: "The group's ..." is no firm of it (gazetteer.is_outlet)
    topic = [result.topic[0] + start, result.topic[1] + start, "ORG", result.topic[2]] \
        if result.topic is not None and not is_outlet(str(result.topic[2]), cased=False) else None
    if sellers:
        seller = max(sellers, key=lambda m: int(m[0]))
        # (a firm the unit's last sentence naming firms is about, named after its last seller, is the newer topic:
        # "X sold it. ... The deal's broker was Y." leaves Y; round 20, nlp.components.salience)
        return topic if topic is not None and int(topic[0]) >= sale_end else seller
    if topic is not None:
        return topic
    orgs = [(s + start, e + start, "ORG", can) for s, e, lab, can, _ in result.entities if lab == "ORG"
            and not is_outlet(can, cased=False)]
    return list(orgs[-1]) if orgs else None


def _short_forms_of_bodies(entities: list[EntityMention]) -> None:
    """A state body named by the end of a longer name the document gives with its country is that body's state:
    "the Army" after "Sri Lanka Army", "the sheriff's office" after "Spokane County Sheriff's Office" (only where one
    country's bodies end so)."""
    known: dict[str, set[str]] = {}
    for e in entities:
        if e.label == "GOV_AGENCY" and e.country:
            words = e.text.casefold().split()
            for n in range(1, len(words)):
                known.setdefault(" ".join(words[n:]), set()).add(e.country)
    for e in entities:
        if e.label == "GOV_AGENCY" and e.country is None:
            countries = known.get(e.text.casefold().removeprefix("the "), set())
            if len(countries) == 1:
                e.country = next(iter(countries))


# head words that open the short form of a body's name ("Board of Commissioners" after "Rowan County Board of
# Commissioners")
_SHORT_FORM_HEADS = frozenset({"Board", "Committee", "Council", "Commission", "Department", "Office", "Ministry",
                               "Bureau", "Directorate", "Authority", "Agency", "Secretariat"})


def _short_forms_typed_as_bodies(entities: list[EntityMention]) -> None:
    """A name ner took for a firm that is the end of a state body's longer name in the same document, opened by a
    body's head word, is that body named short ("the Board of Commissioners" after "the Rowan County Board of
    Commissioners"): a GOV_AGENCY (its country then comes from the long form, :func:`_short_forms_of_bodies`).
    Changes the mentions in place."""
    tails = {" ".join(e.text.split()[n:]) for e in entities if e.label == "GOV_AGENCY"
             for n in range(1, len(e.text.split()) - 1)}
    for e in entities:
        words = e.text.split()
        if e.label == "ORG" and len(words) >= 3 and words[0] in _SHORT_FORM_HEADS and " ".join(words) in tails:
            e.label = "GOV_AGENCY"


# a committee's title-case name right after its chamber's ("House of Commons Access to Information, Privacy and
# Ethics Committee")
_COMMITTEE_AFTER = re.compile(r"^ (?:(?:[A-Z][\w'\u2019-]*|and|to|of|on|for),? ){1,10}Committee\b")


def _chamber_committees(entities: list[EntityMention], text: str) -> None:
    """A committee named by its chamber then its title-case remit ("the House of Commons Access to Information,
    Privacy and Ethics Committee", Canada's and the UK's usual style) is one GOV_AGENCY from the chamber's name to
    "Committee", the chamber's country with it; ner's pieces of the remit ("Privacy and Ethics Committee" as a firm)
    go. Only after a chamber the tables read as a body (a GOV_AGENCY mention); issue 13 round 23. Changes the list
    in place."""
    _bodies_run_on(entities, text, _COMMITTEE_AFTER, 160, lambda e: e.text.startswith("House of"))


def _bodies_run_on(entities: list[EntityMention], text: str, after: re.Pattern[str], window: int,
                   which: Callable[[EntityMention], bool] = lambda e: True) -> None:
    """Each GOV_AGENCY mention that ``which`` accepts and that ``after`` matches right after (within ``window``
    characters) runs on to the match's end, and the mentions it then covers go. Changes the list in place."""
    for e in [e for e in entities if e.label == "GOV_AGENCY" and which(e)]:
        m = after.match(text[e.end : e.end + window])
        if m is None:
            continue
        end = e.end + m.end()
        entities[:] = [o for o in entities if o is e or o.end <= e.end or o.start >= end]
        e.end = end
        e.text = text[e.start : end]
        e.canonical = name_key(e.text)


# a plural possessive of officers and a council's head after a body's first words ("National Police| Chiefs'
# Council")
_OFFICERS_COUNCIL_AFTER = re.compile(r"^ [A-Z][a-z]+s['\u2019] (?:Council|Committee|Board|Forum)\b")


def _councils_of_officers(entities: list[EntityMention], text: str) -> None:
    """A council of a service's officers named with their plural possessive ("the National Police Chiefs'
    Council", "the Fire Chiefs' Council") is one GOV_AGENCY: ner and the ruler stop the body at the possessive
    ("National Police"), and the council's bracketed acronym then names nothing known (issue 13 round 23, from UK
    council and policing papers). Changes the mentions in place."""
    _bodies_run_on(entities, text, _OFFICERS_COUNCIL_AFTER, 40)


# "(NPCC)" or "'s (MPS)" right after a name: the acronym the text gives it
_ACRONYM_AFTER = re.compile(r"^(?:['\u2019]s)?\s?\(([A-Z]{2,8})\)")


def _acronyms_of_bodies(entities: list[EntityMention], text: str) -> None:
    """An acronym the text gives in brackets right after a state body's name, whose letters are that name's
    initials, is that body at each use, also where ner took it for a firm: "the Metropolitan Police Service's (MPS)
    contracts ... the MPS had paid" (the README's rule for bracketed acronyms; UK and Commonwealth reports name
    forces, councils and offices this way; issue 13 round 23). The acronym's mentions become GOV_AGENCY with the
    body's country. Changes the mentions in place."""
    bodies: dict[str, EntityMention] = {}
    for e in entities:
        if e.label == "GOV_AGENCY":
            m = _ACRONYM_AFTER.match(text[e.end : e.end + 16])
            if m and acronym(e.text.removeprefix("the ")) == m.group(1):
                bodies.setdefault(m.group(1), e)
    for e in entities:
        body = bodies.get(e.text)
        if body is not None and e.label == "ORG":
            e.label = "GOV_AGENCY"
            e.country = e.country or body.country


def _us_legislatures(entities: list[EntityMention]) -> None:
    """"Congress" and House or Senate committees named without a country (``us_legislative_name``) take the
    country US when the document names the United States (a COUNTRY mention US) or one of its bodies (a
    GOV_AGENCY of country US): "the House Intelligence Committee" in a text on "the U.S. government". Without such
    a mention they keep no country. Changes the mentions in place."""
    if not any(e.label == "COUNTRY" and e.canonical == "US" or e.label == "GOV_AGENCY" and e.country == "US"
               for e in entities):
        return
    for e in entities:
        if e.label == "GOV_AGENCY" and e.country is None and us_legislative_name(e.text):
            e.country = "US"


# characters between a country word and the firm name after it within which the country is the firm's ("Israeli
_FIRM_NEAR = 40
# surveillance company, NSO Group", "the Israeli-based NSO Group")
_FIRM_GAP = re.compile(r"^[\s\w,-]*\b(?:company|firm|group|giant|maker|vendor|manufacturer|start-?up|developer|"
                       r"provider|supplier|contractor)\b[\s,]*$|^-based\s+$", re.IGNORECASE)
# a firm noun right after a country's adjective ("the Israeli company used front companies", "a Chinese state
# firm"): the firm's nationality, no state the text is about, even where no firm's name follows (round 14)
_FIRM_NOUN_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:company|companies|firm|firms|group|giant|maker|vendor|"
                              r"manufacturer|start-?up|developer|provider|supplier|contractor)\b", re.IGNORECASE)
# how far an agency's confidence drops when its country comes from the rest of the document, not from its own words
DOCUMENT_COUNTRY_FACTOR = 0.8


def _states_named_apart_from_firms(entities: list[EntityMention], text: str) -> Counter[str]:
    """How often each state is named by a COUNTRY mention that is not a firm's nationality ("Israeli surveillance
    company, NSO Group", "the Israeli-based NSO Group", "Chinese company Huawei": the firm's country, not a state
    the text is about). Shapes: mentions and the document's text -> Counter of ISO codes."""
    orgs = sorted(e.start for e in entities if e.label == "ORG")  # ORG starts, indexed once: each COUNTRY mention
    # looks only at those within _FIRM_NEAR after it (a scan of all ORGs per mention made a long text quadratic)

    def firm_after(e: EntityMention) -> bool:
        near = orgs[bisect.bisect_left(orgs, e.end) : bisect.bisect_right(orgs, e.end + _FIRM_NEAR)]
        return any(_FIRM_GAP.match(text[e.end : start]) for start in near)

    return Counter(e.canonical for e in entities if e.label == "COUNTRY" and not firm_after(e)
                   and not _FIRM_NOUN_AFTER.match(text[e.end : e.end + _FIRM_NEAR]))


def _document_state(signals: _DocumentSignals) -> str | None:
    """The state a text is about (ISO code), or None: the country it names most often, at least twice and more
    often than any other, leaving out a firm's nationality ("the Belarusian company Synesis", "Israeli firm NSO
    Group": the firm's country, not the state the story is about)."""
    ranked = signals.named_apart_from_firms.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


# common nouns for a whole state as a buyer ("the authorities", "the government"); not "police", "law enforcement",
# "the military": bodies that may be another state's or many states' ("sold to law enforcement agencies worldwide")
_STATE_AS_BUYER = frozenset({"authorities", "government"})


def _unnamed_buyer_state(ev: dict[str, Any], roles: dict[str, str | list[str]], state: str | None, text: str,
                         bodies_state: dict[str, str] | None = None) -> None:
    """A buyer named only as "the authorities" or "the government" ("the company provided the authorities with a
    video surveillance platform") is also the state the document is about (:func:`_document_state`): its ISO code
    joins the recipient's values, the noun kept ("authorities", "BY"), and the event says so. Not when the seller
    is that state or one of its bodies (``bodies_state``: name key -> state of the document's state bodies; round 23),
    nor when no single state stands out, nor for a bare plural ("sold to governments").
    ``text``: the prepared text the mentions' offsets point into. Changes ``roles`` and ``ev`` in place."""
    mentions = ev["roles"].get("recipient") or []
    if state is None or ev["type"] != "supply" or not mentions or any(
            m[2] != "GOV_GENERIC" or text[m[0] : m[1]].casefold().removeprefix("the ") not in _STATE_AS_BUYER
            or not (text[m[0] : m[1]].casefold().startswith("the ") or text[max(0, m[0] - 4) : m[0]].casefold() == "the ")
            for m in mentions):
        return
    sellers = list(ev["roles"].get("supplier") or [])
    if not sellers or any(m[2] == "COUNTRY" and m[3] == state for m in sellers) or state in _as_list(roles.get("supplier", [])):
        return
    if bodies_state and any(bodies_state.get(name_key(v)) == state for v in _as_list(roles.get("supplier", []))):
        return  # "the Interior Ministry handed the government ...": the state's own body, no sale to the state
    roles["recipient"] = [*_as_list(roles["recipient"]), state]
    why = "recipient: the state the document is about, for a buyer named by a common noun"
    ev["explanation"] = f"{ev['explanation']}; {why}" if ev.get("explanation") else why


def _bare_word_aliases_yield(signals: _DocumentSignals) -> None:
    """A body named by one common word that the agency table holds as another name of one state's body ("Treasury"
    for the US Department of the Treasury, "Commerce") loses that state in a text about another state: where the
    text names that state nowhere else (no COUNTRY mention of it, no other body of it, no place of it) and names
    some other state (a COUNTRY mention, a body or a place of it). "Treasury" in a story on Kenya's budget is
    Kenya's treasury; :func:`_one_state_documents` then gives it the document's state (issue 13 round 18).
    An acronym ("FBI", "BIS") keeps its state: it is the name, not a word many states use. Changes the mentions
    in place (agencies' countries and canonical forms only, so ``signals`` stays true)."""
    entities = signals.entities
    bare = [e for e in entities if e.label == "GOV_AGENCY" and e.country and e.text.isalpha() and e.text.istitle()
            and name_key(e.text) != e.canonical and zipf_frequency(e.text.casefold(), "en") >= _COMMON_WORD_ZIPF]
    if not bare:
        return
    places = signals.places
    for e in bare:
        state = e.country
        others = {x.canonical for x in entities if x.label == "COUNTRY"} | places | {
            x.country for x in entities if x.label == "GOV_AGENCY" and x.country and x not in bare}
        if state in others or not others - {state}:
            continue
        e.country = None
        e.canonical = name_key(e.text)  # (no longer that state's body)


def _one_state_documents(signals: _DocumentSignals) -> None:
    """A state body the text names without its state ("the Interior Ministry had bought ...") takes the country of
    the other bodies of the document when every body whose country is known belongs to one and the same state,
    named at least twice (a news story on one country's surveillance names its ministries, police and services
    together, and a bare "Ministry of Finance" there is that state's). Its confidence drops by
    ``DOCUMENT_COUNTRY_FACTOR``: the country is read from the document, not the name. Never when the bodies of two
    states are named (a bare ministry could be either's), nor when another state is named more often than the
    bodies' one (a story about a foreign buyer that names one home agency: on the real set's counted half this
    guard turned four wrong countries into none and lost no right one). Where no body's state is known, a text that
    names one state only gives it to its bodies (round 13: on the real set's tuning half five more bodies got their
    country and none a wrong one; the counted half unchanged). One body of known state is enough when the text
    names no other state (firms' nationalities apart) and names that one again or a place of it (round 17).
    Changes the mentions in place."""
    entities = signals.entities
    known = [e.country for e in entities if e.label == "GOV_AGENCY" and e.country]
    named_only = signals.named_apart_from_firms
    if not known:
        # (no body's state is known: a text that names one state only, and names it beside no firm, is about
        # that state's bodies, "the Interior Ministry" of a story on Kenya)
        if len(named_only) == 1 and all(e.canonical in named_only for e in entities if e.label == "COUNTRY"):
            known = [next(iter(named_only))] * 2
        elif not any(e.label == "COUNTRY" for e in entities) and len(places := signals.places) == 1 \
                and sum(bool(_places_states(par)) for par in re.split(r"\n\s*\n", signals.text)) >= 2 \
                and not any(e.label == "GOV_AGENCY" and set(e.text.casefold().split()) & shared_region_states().keys()
                            for e in entities):
            # (nor names any state but the places of one, in two paragraphs or more: "the National Police Service"
            # of a story set in Nairobi and Mombasa, not of one place named once; round 18; not where a body bears
            # the name of a region two states share, "the Punjab Police": a place of one of them does not say which)
            known = [next(iter(places))] * 2
        elif (main := _document_state(signals)) is not None:
            # (a body named in lower case, "the junta", "the military government", is a body of the state the
            # story is about: the one it names most often, at least twice; round 18)
            for e in entities:
                if e.label == "GOV_AGENCY" and e.country is None and e.text[:1].islower():
                    e.country = main
                    e.confidence = round(e.confidence * DOCUMENT_COUNTRY_FACTOR, 3)
            return
    elif len(known) == 1 and set(named_only) <= set(known) and known[0] in set(named_only) | signals.places:
        # (one body's state is known and the text names no other state but as a firm's nationality, and names
        # this one again, or a place of it: "the Egyptian authorities ... Egypt ... the Information Technology
        # Industry Development Agency"; "An Accra High Court ... the National Communications Authority" (round 17))
        known = known * 2
    if not known or len(set(known)) != 1:
        return
    named = Counter(e.canonical for e in entities if e.label == "COUNTRY")
    if named and any(n > named.get(known[0], 0) for n in named.values()):
        return  # another state is named more often: the story may be about its bodies
    for e in entities:
        # (a body named in lower case, "the attorney general's office", "the interior ministry", is a body of the
        # state the story is about: one body of that state named elsewhere is enough)
        if e.label == "GOV_AGENCY" and e.country is None and (len(known) >= 2 or e.text[:1].islower()):
            e.country = known[0]
            e.confidence = round(e.confidence * DOCUMENT_COUNTRY_FACTOR, 3)


# a news story's dateline opens its first paragraph or the one after its headline and standfirst, short paragraphs
_HEADLINE_CHARS = 200
_HEADLINE_PARAGRAPHS = 2


def _dateline_country(text: str, gazetteer: Gazetteer) -> str | None:
    """The country of the dateline that opens ``text`` (``Gazetteer.dateline_country``) or, after a headline and a
    standfirst (at most two paragraphs of at most 200 characters each, none opening with a dateline), the one
    that opens the story's first paragraph ("Safe Cities: Agreement signed ...\n\nChinese company Huawei will
    supply ...\n\nLAHORE: An agreement was signed ...": PK; round 17). Shapes: str -> ISO code or None."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for k, paragraph in enumerate(paragraphs[: _HEADLINE_PARAGRAPHS + 1]):
        code = gazetteer.dateline_country(paragraph.lstrip() if k else text)
        if code is not None or len(paragraph.strip()) > _HEADLINE_CHARS:
            return code
    return None


class _DocumentSignals:
    """What a document says about the state it is about, each read once and only when a rule asks: its dateline's
    country (:func:`_dateline_country`), the states its COUNTRY mentions name apart from firms' nationalities
    (:func:`_states_named_apart_from_firms`) and the states of the places it names (:func:`_places_states`).
    The rules that use them change agencies' countries and confidences only, never a mention's label or
    canonical form, so the readings stay true while they run."""

    def __init__(self, entities: list[EntityMention], text: str, gazetteer: Gazetteer) -> None:
        self.entities, self.text, self.gazetteer = entities, text, gazetteer

    @cached_property
    def dateline(self) -> str | None:
        return _dateline_country(self.text, self.gazetteer)

    @cached_property
    def named_apart_from_firms(self) -> Counter[str]:
        return _states_named_apart_from_firms(self.entities, self.text)

    @cached_property
    def places(self) -> frozenset[str]:
        return frozenset(_places_states(self.text))


def _dateline_state(signals: _DocumentSignals) -> None:
    """A state body still without its state in a news text whose dateline names a place of one country ("LAHORE:
    ... Punjab Police", "ABU DHABI // ... the Critical National Infrastructure Authority") is that country's: a
    local paper's dateline says where the story is, and a foreign body is named with its state. Not when the
    bodies whose state is known are all another state's, nor when another state is named at least twice and more
    often than the dateline's (a story filed from one capital about another state; a firm's nationality, "Chinese
    company Huawei", does not count: round 17). Confidence drops by
    ``DOCUMENT_COUNTRY_FACTOR`` as for the document's one state. Changes the mentions in place."""
    entities = signals.entities
    if not any(e.label == "GOV_AGENCY" and e.country is None for e in entities):
        return
    code = signals.dateline
    if code is None:
        return
    known = {e.country for e in entities if e.label == "GOV_AGENCY" and e.country}
    if known and code not in known:
        return
    named = signals.named_apart_from_firms  # ("Chinese company Huawei" is no story on China)
    if any(n >= 2 and n > named.get(code, 0) for c, n in named.items() if c != code):
        return
    for e in entities:
        if e.label == "GOV_AGENCY" and e.country is None:
            e.country = code
            e.confidence = round(e.confidence * DOCUMENT_COUNTRY_FACTOR, 3)



# one to three title-case words after an article or none, letters of any script ("Bogotá", "Yaoundé", "São Tomé")
_TITLE_WORD = r"\p{Lu}\p{Ll}+"
_CAPITALISED_RUN = regex.compile(rf"(?<!\w)(?:(?:The|An|A) )?{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}}(?!\w)")
_RUN_ARTICLES = frozenset({"the", "a", "an"})


def _shared_region_bodies(signals: _DocumentSignals) -> None:
    """A state body of a region two states share ("Punjab Police", "the Punjab government", "Kashmir Police",
    "West Bengal police") still without its state takes the one of those states the document's other signals name:
    a country mention, another body's state, the dateline's place, a capital or a city of one country named in the
    text ("Lahore", "Islamabad", "Amritsar"), a currency only that state issues ("PKR", "INR", "Tk"). None when
    the signals name both states or neither (issue 13 round 15: "the Punjab Police plan to acquire 25 drones, with a
    budget allocation of 35 million PKR"). Confidence drops by ``DOCUMENT_COUNTRY_FACTOR``, as for the document's
    one state. Changes the mentions in place."""
    entities, text = signals.entities, signals.text
    regions = shared_region_states()
    todo: list[tuple[EntityMention, frozenset[str]]] = []
    for e in entities:
        if e.label == "GOV_AGENCY" and e.country is None:
            words = e.text.casefold()
            states = frozenset().union(*(v for k, v in regions.items() if re.search(rf"\b{re.escape(k)}\b", words)))
            if states:
                todo.append((e, states))
    if not todo:
        return
    states_named: set[str] = {e.canonical for e in entities if e.label == "COUNTRY"}
    states_named |= {e.country for e in entities if e.label == "GOV_AGENCY" and e.country}
    if (code := signals.dateline) is not None:
        states_named.add(code)
    states_named |= signals.places
    states_named |= states_of_currencies(text)
    for e, states in todo:
        named = states_named & states
        if len(named) == 1:
            e.country = next(iter(named))
            e.confidence = round(e.confidence * DOCUMENT_COUNTRY_FACTOR, 3)


# a city name that is also a common English word ("Police", a Polish town; "March", "Reading", "Mission") says no
# place: wordfreq's Zipf frequency at or above this marks one
_COMMON_WORD_ZIPF = 4.0


def _places_states(text: str) -> set[str]:
    """The states of the capitals ("Islamabad", "Tashkent", "Bogotá") and of the cities of one country (GeoNames,
    15,000 people or more: "Lahore", "Hetauda") that ``text`` names in title case, also where the place opens a
    body's name ("An Accra High Court", "the Lahore Police": the first words of a run ending in a body word of
    ``nlp.public_agencies.BODY_WORDS``, round 17); a
    city name that is a common English word does not count, nor a capital that opens a sentence before a lower-case
    word ("Male officers ...")."""
    capitals = capital_countries()
    out: set[str] = set()
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split(" ")
        skip = 1 if len(words) > 1 and words[0].casefold() in _RUN_ARTICLES else 0
        start = m.start() + (len(words[0]) + 1 if skip else 0)
        body = words[-1].casefold() in BODY_WORDS  # ("New York Times": no body, no place of its own)
        for n in range(len(words), skip if body else len(words) - 1, -1):  # the run, then a body's opening words
            place = " ".join(words[skip:n])
            end = start + len(place)
            if n < len(words) and words[n] == "County":
                continue  # ("the Nassau County Police": a county of that name, no city of the Bahamas)
            code = capitals.get(place.casefold())
            if code is not None:
                opening = not skip and (start == 0 or text[max(0, start - 2) : start].strip() in (".", ""))
                if not (opening and re.match(r"\s+[a-z]", text[end:])):
                    out.add(code)
                break
            if (code := city_country(place)) is not None and zipf_frequency(place.casefold(), "en") < _COMMON_WORD_ZIPF:
                out.add(code)
                break
    return out


def _place_state(signals: _DocumentSignals) -> None:
    """A state body still without its state in a text whose places all lie in one state, and which names no other
    state, takes that state ("a data centre of the city programme in Tashkent ... the Ministry of
    Interior"; "The Regional Police Office, Hetauda, ... Bardibas Municipality"): a capital, a city of one country
    or the dateline's place says where the story is (issue 13 round 15). Not when a body of another state is
    known, nor when a country other than the places' one is named, unless only as a firm's nationality ("from
    Israeli surveillance company NSO Group"), or priced in another state's currency; a body of a divided region
    is left to :func:`_shared_region_bodies`. Confidence drops by ``DOCUMENT_COUNTRY_FACTOR``. Changes the
    mentions in place."""
    entities, text = signals.entities, signals.text
    if not any(e.label == "GOV_AGENCY" and e.country is None for e in entities):
        return
    places = set(signals.places)
    if (code := signals.dateline) is not None:
        places.add(code)
    if len(places) != 1:
        return
    state = next(iter(places))  # (every place of the text lies in this state)
    if any(e.label == "GOV_AGENCY" and e.country and e.country != state for e in entities):
        return
    named = set(signals.named_apart_from_firms)
    named |= states_of_currencies(text)
    if named - {state}:
        return
    regions = shared_region_states()
    dateline = signals.dateline
    for e in entities:
        if e.label == "GOV_AGENCY" and e.country is None and not any(
                re.search(rf"\b{re.escape(k)}\b", e.text.casefold()) for k in regions):
            # (a divided region's body keeps the none its own rule left on conflicting signals; a body takes the
            # state only from a place of its own paragraph or the dateline: a text of several stories pasted
            # together has a place in one of them)
            start = text.rfind("\n\n", 0, e.start) + 1
            end = text.find("\n\n", e.end)
            if dateline == state or _places_states(text[start : end if end >= 0 else len(text)]) == {state}:
                e.country = state
                e.confidence = round(e.confidence * DOCUMENT_COUNTRY_FACTOR, 3)


_NO_LISTING: dict[str, Any] = {"counts": [], "names": [], "verbs": [], "sentences": 0}


def _unit_result(doc: Doc) -> _UnitResult:
    conf = {(s, e): c for s, e, c in (doc._.redflag_conf or [])}
    ents = [(e.start_char, e.end_char, e.label_, e.kb_id_ or e.text, conf.get((e.start_char, e.end_char), 0.7))
            for e in doc.ents if e.label_ in OUTPUT_LABELS]
    ents += [(s.start_char, s.end_char, "COUNTRY", s.kb_id_, 0.95) for s in aux_spans(doc) if s.label_ == COUNTRY_IN_NAME]
    ents += [(s.start_char, s.end_char, "PERSON", s.kb_id_, 0.8) for s in aux_spans(doc) if s.label_ == LEADER_IN_NAME]
    ents.sort(key=lambda x: (x[0], x[1]))
    countries = {(s, e): code for s, e, code in (doc._.redflag_country or [])}
    return _UnitResult(ents, list(doc._.redflag_events or []), countries, list(doc._.redflag_makers or []),
                       doc._.redflag_topic, doc._.redflag_opening_maker, doc._.redflag_state_topic,
                       doc._.redflag_listing_window)


# the article or particle of an Arabic surname, written joined by a hyphen and left out when the surname is used
# alone ("al-Sisi" ... "Sisi"; issue 13 round 7)
_ARTICLE_PARTICLE = re.compile(r"^(?:al|el|as|ash|ad|an|ar)-", re.IGNORECASE)


# a verb of speech right after a name ("Maqsood said", "Maniu told reporters", ", claimed")
_SPEECH_AFTER = re.compile(r",? (?:said|says|told|tells|added|adds|claimed|stated|explained|informed|revealed)\b")

# "according to" right before a name: a source quoted, most often a person ("according to Tamir")
_ACCORDING_TO = re.compile(r"\baccording to $", re.IGNORECASE)
# a one-word name rarer than this in English (wordfreq Zipf) is no common word used as a brand ("Apple said")
_NAME_WORD_ZIPF = 3.0


def _speaker_alone(text: str, s: int, e: int, conf: float, gaz_conf: float, firms: set[str]) -> bool:
    """True for a one-word ORG guess that is a person quoted alone ("Hulio said ...", "according to Tamir"): a speech
    verb right after it or "according to" before it, a title-case word that is no common English word, that no
    list or gazetteer knows as a firm (those keep their label: "Sandvine said"), that the text never types as a firm
    and never writes with a firm's name after it ("Hulio Systems"). Issue 13 round 16."""
    word = text[s:e]
    if conf in (gaz_conf, TYPED_CONFIDENCE) or word in firms or not word.isalpha() or not word.istitle():
        return False
    if not (_SPEECH_AFTER.match(text[e : e + 20]) or _ACCORDING_TO.search(text[max(0, s - 16) : s])):
        return False
    if zipf_frequency(word.casefold(), "en") >= _NAME_WORD_ZIPF:
        return False  # ("Apple said", "Oracle told reporters": a brand that is a word)
    return not re.search(rf"\b{re.escape(word)}(?:'s)? [A-Z][a-z]", text)


def _surnames_are_people(text: str, raw: list[tuple[int, int, str, str, float]],
                         gaz_conf: float = 1.0) -> list[tuple[int, int, str, str, float]]:
    """An ORG that is only the surname of a person named in the document is that person ("Boris Livshits" ...
    "Livshits said"), and one that is a person's full name found elsewhere in the document is that person; an
    ORG made only of such surnames ("Skvortsova and Ippolitov") is dropped; a later bare
    surname that ner left untagged is a mention of that person ("Bill Marczak" ... "Marczak and his team"); a
    one-word PERSON that is an organisation's name or its first word elsewhere in the document is that
    organisation ("suing Gamma" and "Gamma Group"; "Dahua has received" and "Dahua is ... company")."""
    people: dict[str, tuple[int, str, float]] = {}  # surname -> (end of the first full name, canonical, confidence)
    for s, e, lab, can, conf in raw:
        words = text[s:e].split()
        if lab == "PERSON" and len(words) > 1 and len(words[-1]) >= 3 and words[-1][:1].isupper():
            people.setdefault(words[-1], (e, can, conf))
        if lab == "PERSON" and len(words) > 1 and (bare := _ARTICLE_PARTICLE.sub("", words[-1])) != words[-1] \
                and len(bare) >= 3 and bare[:1].isupper():
            people.setdefault(bare, (e, can, conf))  # "Abdel Fattah al-Sisi" ... "Sisi's regime"
    full_names = {text[s:e]: can for s, e, lab, can, _ in raw if lab == "PERSON" and len(text[s:e].split()) > 1}
    # (a one-word organisation guess that says something is the person of that name where one is named: a later
    # word of a full name, "Yoosuf Maniu Mohamed" ... "Maniu said", or a one-word person elsewhere, "Maqsood told
    # the meeting" ... "Maqsood said"; issue 13 round 15)
    speakers: dict[str, str] = {}
    for s, e, lab, can, _ in raw:
        if lab == "PERSON":
            words = text[s:e].split()
            for w in words[1:] if len(words) > 1 else words:
                if len(w) >= 3 and w[:1].isupper() and not w.isupper():
                    speakers.setdefault(w, can)
    firms = {text[s:e].split()[0] for s, e, lab, _, conf in raw if lab == "ORG" and (
        len(text[s:e].split()) > 1 or conf == TYPED_CONFIDENCE)}  # a one-word name only where the text typed it
    out: list[tuple[int, int, str, str, float]] = []
    for s, e, lab, can, conf in raw:
        words = [w for w in re.split(r"[\s,]+", text[s:e]) if w and w not in ("and", "&")]
        if lab == "PERSON" and len(words) == 1 and words[0] in firms and words[0] not in people:
            out.append((s, e, "ORG", can, conf))  # "suing Gamma" and "Gamma Group": the firm's short name
            continue
        if lab == "ORG" and words and all(w in people for w in words):
            if len(words) == 1:
                out.append((s, e, "PERSON", people[words[0]][1], conf))
            continue
        if lab == "ORG" and len(words) == 1 and words[0] in speakers and _SPEECH_AFTER.match(text[e : e + 20]):
            out.append((s, e, "PERSON", speakers[words[0]], conf))  # '"...," Maniu said' of Yoosuf Maniu Mohamed
            continue
        if lab == "ORG" and len(words) == 1 and _speaker_alone(text, s, e, conf, gaz_conf, firms):
            out.append((s, e, "PERSON", can, conf))  # "Hulio said ...": a person quoted by surname alone
            continue
        if lab == "ORG" and len(words) > 1 and text[s:e] in full_names:
            out.append((s, e, "PERSON", full_names[text[s:e]], conf))  # "affiliates of Kyriakos Mitsotakis"
            continue
        out.append((s, e, lab, can, conf))
    if not people:
        return out
    # "Marczak said ...": a later bare surname that ner left untagged is the person named before in full
    pattern = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(w) for w in people) + r")(?![\w-])")
    starts = sorted((s, e) for s, e, *_ in out)
    begins = [s for s, _ in starts]
    added = []
    for m in pattern.finditer(text):
        first_end, can, conf = people[m.group(1)]
        if m.start() < first_end or m.group(1) in firms:
            continue
        i = bisect.bisect_right(begins, m.start()) - 1
        if i >= 0 and starts[i][0] <= m.start() < starts[i][1] or (i + 1 < len(starts) and starts[i + 1][0] < m.end()):
            continue
        added.append((m.start(), m.end(), "PERSON", can, conf))
    if added:
        out = sorted(out + added, key=lambda x: (x[0], x[1]))
    return out


def _typed_names_repeated(text: str, raw: list[tuple[int, int, str, str, float]],
                          gaz_conf: float) -> list[tuple[int, int, str, str, float]]:
    """Other uses in the document of an organisation or product name whose kind the text stated (confidence
    ``TYPED_CONFIDENCE``: "Circles is a surveillance firm" ... "Circles customers"; the "Golden Shield" system ...
    "the Golden Shield"), where ner left them untagged:
    exact, case-sensitive, whole-word matches outside any other mention and not followed by another capitalised
    word ("Circles Cloud" is a product's name)."""
    names = {text[s:e]: (lab, can) for s, e, lab, can, conf in raw
             if lab in ("ORG", "PRODUCT") and conf == TYPED_CONFIDENCE and e - s >= 4}
    if not names:
        return raw
    # a name the text calls a firm is a firm in its other paragraphs too, where it looked like a state body's
    # ("Kestrel Intelligence, a Swiss firm" ... "bought from Kestrel Intelligence"), unless from the gazetteer; a
    # name the text calls a system is the system in its other paragraphs, also where the agency table holds the
    # body that runs it ("a monitoring system called ECU 911" ... "the success of ECU 911"; issue 13 round 17)
    # ("... ECU 911's deputy director": a possessive before its staff keeps the body)
    raw = [(s, e, *names[text[s:e]], TYPED_CONFIDENCE) if lab == "GOV_AGENCY" and (
        conf < gaz_conf and names.get(text[s:e], ("",))[0] == "ORG" or names.get(text[s:e], ("",))[0] == "PRODUCT"
        and text[e : e + 2] not in ("'s", "\u2019s")) else (s, e, lab, can, conf) for s, e, lab, can, conf in raw]
    spans = sorted((s, e) for s, e, *_ in raw)
    begins = [s for s, _ in spans]
    products_at = {(s, e) for s, e, lab, *_ in raw if lab == "PRODUCT"}
    added = []
    replaced: set[tuple[int, int]] = set()
    pattern = re.compile(r"(?<![\w.&'-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w&-]|\s+[A-Z][a-z])")
    for m in pattern.finditer(text):
        label, canonical = names[m.group(1)]
        near = spans[max(0, bisect.bisect_right(begins, m.start()) - 1) : bisect.bisect_left(begins, m.end())]
        inside = [(s, e) for s, e in near if s < m.end() and m.start() < e]
        if inside and not (label == "PRODUCT" and all(m.start() <= s and e <= m.end() and (s, e) in products_at
                                                      for s, e in inside)):
            continue  # (a product's name inside a longer one the text typed, "Hebron Smart City", gives way to it)
        replaced.update(inside)
        added.append((m.start(), m.end(), label, canonical, TYPED_CONFIDENCE))
    raw = [r for r in raw if (r[0], r[1]) not in replaced]
    return sorted(raw + added, key=lambda x: (x[0], x[1])) if added else raw


def _observers_are_no_people(text: str, raw: list[tuple[int, int, str, str, float]]) -> list[tuple[int, int, str, str, float]]:
    """A PERSON guess whose whole text is a newsroom's or watchdog's name (nlp/data/observers.tsv: "Motherboard",
    "Reuters", which the table matches alone only inside a longer form, being English words) is that organisation:
    "told Motherboard", "according to Reuters" (issue 13 round 19)."""
    keys = observer_keys()
    return [(s, e, "ORG", name_key(text[s:e]), conf)
            if lab == "PERSON" and (name_key(text[s:e]) in keys or _newsroom_written(text[s:e]))
            else (s, e, lab, can, conf) for s, e, lab, can, conf in raw]


def _newsroom_written(name: str) -> bool:
    """A PERSON guess written as a newsroom's name (gazetteer.outlet_shaped, nlp/data/outlet_words.tsv: "Noticias
    Caracol reported", "Prensa Libre", "the Gazette's investigation"; issue 13 round 23), unless its first word is a
    common English word before an English head word, as a given name is ("Emily Post"): the first word must then be
    an outlet word itself ("Daily Herald"), a place ("Nairobi Tribune") or rare in English ("Kestrel Post")."""
    if not outlet_shaped(name):
        return False
    words = name.split()
    if len(words) < 2:
        return True
    first, _last = outlet_words()
    head = words[0]
    return head.casefold() in first or bool(city_country(head) or local_place_code(head)) \
        or zipf_frequency(head.casefold(), "en") < NAME_ZIPF


# a firm's first word used alone later is its short form when rarer in English than repeated_names.NAME_ZIPF
# (wordfreq Zipf 3.85): "Memento" (2.9), "Flock" (3.7), "Clearview" (2.1); not "Hacking" (3.9, of Hacking Team),
# "Digital" (4.8), "National" (5.5); at a sentence's start, where any word is capitalised, rarer than
# repeated_names.OPENING_ZIPF (3.0: "Clearview said", not "Flock of"): one bar for both rules
_FIRST_WORD = regex.compile(r"\p{Lu}[\p{L}\d]{2,}")
SHORT_FORM_CONFIDENCE = 0.6


def _short_forms_of_firms(text: str, raw: list[tuple[int, int, str, str, float]]) -> list[tuple[int, int, str, str, float]]:
    """A firm named in full ("Memento Labs", "Flock Safety", "Clearview AI") and later by its first word alone
    ("Memento", "Flock", "Clearview"): the later word is the same organisation (its canonical, confidence
    ``SHORT_FORM_CONFIDENCE``), where ner left it untagged. The first word must be a name, not a word: title- or
    camel-case, rarer in English than ``NAME_ZIPF`` (wordfreq; at a sentence's start
    ``OPENING_ZIPF``), no country, demonym, city, province or region ("Chinese", "Shenzhen",
    "Xinjiang"); the match is whole-word,
    case-sensitive, outside any other mention and not followed by another capitalised word (issue 13 round 19:
    news and reports name a vendor in full once and by its short name after)."""
    forms: dict[str, tuple[str, int]] = {}  # first word -> (canonical, end of the first full mention)
    for s, e, lab, can, _conf in raw:
        words = text[s:e].split()
        if lab != "ORG" or len(words) < 2 or words[0] in forms or not _FIRST_WORD.fullmatch(words[0]):
            continue
        word = words[0]
        if zipf_frequency(word.casefold(), "en") >= NAME_ZIPF or country_code(word) or city_country(word) \
                or local_place_code(word) or word in world_regions():
            continue  # (a place: "Xinjiang & Sanctions Background", a heading read as a name, says no firm)
        forms[word] = (can, e)
    if not forms:
        return raw
    taken = sorted((s, e) for s, e, *_ in raw)
    begins = [s for s, _ in taken]
    added = []
    pattern = regex.compile(r"(?<![\w.&'-])(" + "|".join(regex.escape(w) for w in forms) + r")(?![\w&-]|\s+\p{Lu})")
    for m in pattern.finditer(text):
        canonical, first_end = forms[m.group(1)]
        if m.start() < first_end:
            continue  # (before the full name: nothing yet says it is a firm)
        near = taken[max(0, bisect.bisect_right(begins, m.start()) - 1) : bisect.bisect_left(begins, m.end())]
        if any(s < m.end() and m.start() < e for s, e in near):
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        opening = m.start() == 0 or "\n" in before or bool(regex.search(r"[.!?][\"'\u201d\u2019]?\s+$", before))
        if opening and zipf_frequency(m.group(1).casefold(), "en") >= OPENING_ZIPF:
            continue
        added.append((m.start(), m.end(), "ORG", canonical, SHORT_FORM_CONFIDENCE))
    return sorted(raw + added, key=lambda x: (x[0], x[1])) if added else raw


@lru_cache(maxsize=4)
def _place_after_name(countries: frozenset[str]) -> re.Pattern[str]:
    """One space, then a country's name or a world region that opens no longer place name ("Mexico City")."""
    places = countries | world_regions()
    return re.compile(r" (" + "|".join(re.escape(n) for n in sorted(places, key=len, reverse=True))
                      + r")(?![\w&-]|\s+(?:City|Province|State|Region|County)\b)")


def _regional_arms_of_firms(text: str, raw: list[tuple[int, int, str, str, float]],
                            countries: frozenset[str]) -> list[tuple[int, int, str, str, float]]:
    """A firm's name followed, after one space, by a country's name or a world region is the name of the firm's
    arm there, one organisation: "Huawei Pakistan", "Dahua Kenya", "Huawei Southern Africa" (a regional subsidiary,
    not the parent and a COUNTRY; issue 13 round 18). Shapes: the document's text, its mentions as (start, end,
    label, canonical, confidence) and the country names (:meth:`Extractor._country_names`) -> the mentions with the
    ORG widened over the place and the place's own mention dropped. The place must be alone there: not opening
    another name ("Huawei Mexico City office"), not set off by a comma or a preposition ("Huawei, Kenya", "Huawei
    in Kenya"), nor a COUNTRY mention of some other extent; a firm's possessive before it ("Huawei's Kenya office")
    is no arm either."""
    pattern = _place_after_name(countries)
    widened: dict[tuple[int, int], int] = {}
    dropped: set[tuple[int, int]] = set()
    for s, e, label, _, _ in raw:
        if label != "ORG":
            continue
        m = pattern.match(text, e)
        if m is None:
            continue
        inner = [(rs, re_, lab) for rs, re_, lab, *_ in raw if rs < m.end() and re_ > e]
        if any(not (rs == m.start(1) and re_ == m.end(1) and lab == "COUNTRY") for rs, re_, lab in inner):
            continue  # the words after the firm belong to some other mention ("Huawei China Mobile")
        widened[(s, e)] = m.end()
        dropped.update((rs, re_) for rs, re_, _ in inner)
    if not widened:
        return raw
    out = []
    for s, e, label, canonical, conf in raw:
        if (s, e) in dropped:
            continue
        if (s, e) in widened:
            end = widened[(s, e)]
            out.append((s, end, label, name_key(text[s:end]), conf))
        else:
            out.append((s, e, label, canonical, conf))
    return out


_GIVEN_AS = re.compile(r"\b(?:abbreviated|shortened)(?: to| as)? $")


def _add_acronym_mentions(text: str, raw: list[tuple[int, int, str, str, float]]) -> list[tuple[int, int, str, str, float]]:
    """Later bare uses of an acronym defined in parentheses ("State Security Directorate (SSD)") or after "abbreviated
    to" ("The Central Monitoring System, abbreviated to CMS") as mentions with the long form's label."""
    defined: dict[str, tuple[str, str, float]] = {}
    for s, e, label, canonical, conf in raw:
        surface = text[s:e]
        mixed = surface.isalpha() and surface[:1].isupper() and len(surface) <= 6 \
            and sum(c.isupper() for c in surface) >= 2  # "Department of Telecommunications (DoT)"
        if label in ("ORG", "GOV_AGENCY", "PRODUCT") and (surface.isupper() or mixed) and 2 <= len(surface) <= 8 and (
                text[s - 1 : s] == "(" or _GIVEN_AS.search(text[max(0, s - 20) : s])):
            # (also "The Central Monitoring System, abbreviated to CMS, ...")
            defined.setdefault(surface, (label, canonical, conf))
    # an agency's initials used as a name without having been given in brackets ("the Defence Intelligence Agency
    # ... the DIA", "Intelligence Bureau ... the IB"): an organisation guess spelling them is that agency
    initials: dict[str, tuple[str, str, float]] = {}
    for s, e, label, canonical, conf in raw:
        if label == "GOV_AGENCY" and len(text[s:e].split()) >= 2:
            for form in (text[s:e], text[s:e].rsplit(" of ", 1)[0]):  # ("Defence Intelligence Agency of Nigeria")
                initials.setdefault(acronym(form), (label, canonical, conf))
    for s, e, label, _, _ in raw:
        surface = text[s:e]
        if label == "ORG" and surface.isupper() and 2 <= len(surface) <= 6 and surface in initials:
            defined.setdefault(surface, initials[surface])
    if not defined:
        return raw
    raw = [(s, e, *defined[text[s:e]]) if text[s:e] in defined else (s, e, lab, can, conf)
           for s, e, lab, can, conf in raw]
    covered = [(s, e) for s, e, *_ in raw]
    covered.sort()
    added = list(raw)
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in defined) + r")\b")
    starts = [s for s, _ in covered]
    for m in pattern.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and covered[i][0] <= m.start() < covered[i][1]:
            continue
        label, canonical, conf = defined[m.group(1)]
        added.append((m.start(), m.end(), label, canonical, conf))
    added.sort(key=lambda x: (x[0], x[1]))
    return added
