"""Load records into the graph with their provenance; every load is idempotent.

Curated facts (list entities, relations, country indicators, the sample world's countries, parties and items)
load with ``status = "curated"``. NLP output loads with ``status = "extracted"`` until an analyst confirms or
rejects it; a re-processed document replaces its old extractions (they are deleted by ``document_id`` first).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.queries import q
from graph.store import GraphStore, NodeRecord, RelRecord
from ontology.countries import country_name
from ontology.names import normalize_name
from ontology.records import (
    CountryIndicator,
    Document,
    DocumentExtraction,
    EventMention,
    ListEntity,
    ListRelation,
    RowError,
    stable_id,
)

DELETE_DOC_EVENTS = q(
    "loading.delete_document_events",
    "MATCH (e:Event {document_id: $doc}) DETACH DELETE e",
    "doc",
    write=True,
)
DELETE_DOC_RELS = q(
    "loading.delete_document_relations",
    "MATCH ()-[r]->() WHERE r.document_id = $doc DELETE r",
    "doc",
    write=True,
)
DELETE_ORPHAN_EXTRACTED = q(
    "loading.delete_orphan_extracted_entities",
    "MATCH (e:Entity {status: 'extracted'}) OPTIONAL MATCH (e)-[r]-() WITH e, count(r) AS n WHERE n = 0 "
    "DELETE e RETURN count(*) AS deleted",
    write=True,
)
DELETE_DOC_PASSAGES = q(
    "loading.delete_document_passages",
    "MATCH (p:Passage {document_id: $doc}) DETACH DELETE p",
    "doc",
    write=True,
)
ENTITY_IDS = q("loading.entity_ids", "MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id", "ids")

SCHEMA_FOR_LABEL = {"ORG": "Organization", "GOV_AGENCY": "PublicBody", "PERSON": "Person"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize_name(text, split_han=False)).strip("-")[:80] or "x"


def extracted_entity_id(label: str, canonical: str) -> str:
    """Entities found in text are keyed by label class and normalised name, so documents share them."""
    return stable_id("ent", SCHEMA_FOR_LABEL.get(label, label), normalize_name(canonical, split_han=False))


@dataclass
class LoadReport:
    """What a load wrote: node and relationship rows, rejected rows, and ``resumed_from``, the records an
    interrupted earlier run had written and this one passed over (0 for a run from the start)."""

    nodes: int = 0
    relationships: int = 0
    errors: list[RowError] = field(default_factory=list)
    resumed_from: int = 0

    def add(self, other: LoadReport) -> None:
        self.nodes += other.nodes
        self.relationships += other.relationships
        self.errors.extend(other.errors)
        self.resumed_from += other.resumed_from


# ------------------------------------------------------------------------------------------ countries
def load_countries(store: GraphStore, countries: Iterable[dict[str, Any]], origin: str = "catalog") -> LoadReport:
    nodes = []
    for c in countries:
        code = str(c["code"]).upper()
        ftz = [z["name"] if isinstance(z, dict) else str(z) for z in c.get("free_trade_zones", [])]
        nodes.append(
            NodeRecord(
                "Country",
                code,
                {
                    "name": c["name"],
                    "aliases": list(c.get("aliases", [])),
                    "demonyms": list(c.get("demonyms", [])),
                    "capitals": list(c.get("capitals", [])),
                    "free_trade_zones": ftz,
                    "region": c.get("region", ""),
                    "origin": origin,
                },
            )
        )
    return LoadReport(nodes=store.merge_nodes(nodes))


def _ensure_countries(store: GraphStore, codes: Iterable[str]) -> None:
    """Country nodes referenced by facts exist, named by the country authority (:mod:`ontology.countries`)."""
    store.merge_nodes(NodeRecord("Country", c, _country_props(c)) for c in sorted({c.upper() for c in codes if c}))


def _country_props(code: str) -> dict[str, Any]:
    """The authority's display name where it knows the code; an unknown code keeps whatever name it has."""
    name = country_name(code)
    return {"name": name} if name else {}


# ------------------------------------------------------------------------------------------ lists
def list_entity_records(entities: Sequence[ListEntity]) -> tuple[list[NodeRecord], list[RelRecord], set[str]]:
    """The graph rows of list entities: (nodes, relationships, country codes they refer to)."""
    nodes: list[NodeRecord] = []
    rels: list[RelRecord] = []
    countries: set[str] = set()
    for e in entities:
        countries.update(e.countries)
        nodes.append(
            NodeRecord(
                "Entity",
                e.id,
                {
                    "name": e.name,
                    "schema": e.schema,
                    "aliases": e.aliases,
                    "weak_aliases": e.weak_aliases,
                    "name_notes": e.name_notes,
                    "countries": e.countries,
                    "datasets": [e.dataset],
                    "origin": ["list"],
                    "status": "curated",
                    "listed": bool(e.listings),
                    "identifiers": [f"{i.scheme}:{i.value}" for i in e.identifiers],
                    "birth_dates": e.birth_dates,
                    "source_url": e.source_url,
                    "name_norm": normalize_name(e.name),
                },
            )
        )
        for c in e.countries:
            rels.append(RelRecord("LOCATED_IN", "Entity", e.id, "Country", c.upper(), {"origin": e.dataset}))
        for text in e.addresses:
            aid = stable_id("addr", normalize_name(text, split_han=False))
            nodes.append(NodeRecord("Address", aid, {"text": text}))
            rels.append(RelRecord("HAS_ADDRESS", "Entity", e.id, "Address", aid, {"dataset": e.dataset}))
        for listing in e.listings:
            lid = stable_id("listing", e.id, listing.list_code, listing.program, listing.start_date or "")
            nodes.append(
                NodeRecord(
                    "Listing",
                    lid,
                    {**listing.to_dict(), "dataset": e.dataset, "entity_id": e.id, "entity_name": e.name},
                )
            )
            rels.append(RelRecord("HAS_LISTING", "Entity", e.id, "Listing", lid, {}))
    return nodes, rels, countries


def load_list_entities(
    store: GraphStore, entities: Sequence[ListEntity], relations: Sequence[ListRelation] = ()
) -> LoadReport:
    nodes, rels, countries = list_entity_records(entities)
    _ensure_countries(store, countries)
    report = LoadReport(nodes=store.merge_nodes(nodes))
    report.relationships = store.merge_rels(rels)
    report.add(load_list_relations(store, relations))
    return report


_REL_TYPE = {
    "Ownership": "OWNS",
    "Directorship": "DIRECTOR_OF",
    "LinkedTo": "LINKED_TO",
    "Associate": "LINKED_TO",
    "UnknownLink": "LINKED_TO",
    "Family": "LINKED_TO",
    "Employment": "LINKED_TO",
    "Membership": "LINKED_TO",
}


def list_relation_record(r: ListRelation) -> RelRecord:
    """The graph relationship of one list relation (Ownership -> OWNS, Directorship -> DIRECTOR_OF, ...)."""
    return RelRecord(
        _REL_TYPE.get(r.schema, "LINKED_TO"),
        "Entity",
        r.source,
        "Entity",
        r.target,
        {
            "share": r.share,
            "role": r.role,
            "start_date": r.start_date,
            "end_date": r.end_date,
            "dataset": r.dataset,
            "relation_id": r.id,
            "status": "curated",
            "confidence": 1.0,
            "schema": r.schema,
        },
        key=r.id,
    )


def load_list_relations(store: GraphStore, relations: Sequence[ListRelation]) -> LoadReport:
    if not relations:
        return LoadReport()
    ids = sorted({r.source for r in relations} | {r.target for r in relations})
    known = {row["id"] for row in store.run(ENTITY_IDS, {"ids": ids})}
    report = LoadReport()
    rels = []
    for r in relations:
        missing = [x for x in (r.source, r.target) if x not in known]
        if missing:
            report.errors.append(
                RowError(r.dataset, 0, r.schema, f"relation {r.id} refers to unknown entity {', '.join(missing)}")
            )
            continue
        rels.append(list_relation_record(r))
    report.relationships = store.merge_rels(rels)
    return report


def load_indicators(store: GraphStore, indicators: Sequence[CountryIndicator]) -> LoadReport:
    _ensure_countries(store, (i.country for i in indicators))
    nodes = [NodeRecord("Indicator", i.id, {**i.to_dict(), "country": i.country.upper()}) for i in indicators]
    rels = [RelRecord("HAS_INDICATOR", "Country", i.country.upper(), "Indicator", i.id, {}) for i in indicators]
    return LoadReport(nodes=store.merge_nodes(nodes), relationships=store.merge_rels(rels))


# ------------------------------------------------------------------------------------------ documents
def load_documents(store: GraphStore, docs: Sequence[Document]) -> LoadReport:
    nodes: list[NodeRecord] = []
    rels: list[RelRecord] = []
    for d in docs:
        nodes.append(NodeRecord("Source", d.source_id, {"publisher": d.publisher, "tier": d.tier}))
        nodes.append(
            NodeRecord(
                "Document",
                d.id,
                {
                    "url": d.url,
                    "title": d.title,
                    "source_id": d.source_id,
                    "publisher": d.publisher,
                    "tier": d.tier,
                    "sha256": d.sha256,
                    "published": d.published,
                    "retrieved_at": d.retrieved_at,
                    "language": d.language,
                    "kind": d.kind,
                    "country_hints": d.country_hints,
                },
            )
        )
        rels.append(RelRecord("FROM_SOURCE", "Document", d.id, "Source", d.source_id, {}))
    return LoadReport(nodes=store.merge_nodes(nodes), relationships=store.merge_rels(rels))


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


def _section_key(doc: Document, offset: int) -> str:
    for s in doc.sections:
        if s.start <= offset < s.end:
            return s.key
    return ""


class _Resolver:
    """Maps a role value (a surface name) to a graph node: Country by ISO, Capability by concept, else Entity."""

    def __init__(self, extraction: DocumentExtraction, capability_ids: set[str]) -> None:
        self.by_text: dict[str, tuple[str, str]] = {}
        self.display: dict[str, str] = {}
        self.capability_ids = capability_ids
        for m in extraction.entities:
            key = normalize_name(m.text)
            self.by_text.setdefault(key, (m.label, m.canonical))
            self.by_text.setdefault(normalize_name(m.canonical), (m.label, m.canonical))
            # the longest surface form is the name people read (the canonical form is lower-cased)
            if len(m.text) > len(self.display.get(m.canonical, "")):
                self.display[m.canonical] = m.text

    def node(self, value: str, role: str) -> tuple[str, str, str] | None:
        """(label, id, display name) for a role value, or None when it is not a graph node."""
        label, canonical = self.by_text.get(normalize_name(value), ("", value))
        if role == "country" or label == "COUNTRY":
            code = canonical.upper() if re.fullmatch(r"[A-Za-z]{2}", canonical) else ""
            return ("Country", code, code) if code else None
        if role == "capability" or label == "CAPABILITY":
            return ("Capability", canonical, canonical) if canonical in self.capability_ids else None
        if label == "PRODUCT" or role in ("product", "item"):
            return ("Item", slug(canonical), canonical)
        if role in ("victim_group", "victim_type", "date", "authority", "list", "share"):
            return None
        return ("Entity", extracted_entity_id(label or "ORG", canonical), self.display.get(canonical, value))


def load_extraction(
    store: GraphStore, doc: Document, extraction: DocumentExtraction, capability_ids: set[str]
) -> LoadReport:
    """Replace the document's previous extractions with these ones, evidence attached to every fact."""
    for query in (DELETE_DOC_EVENTS, DELETE_DOC_RELS, DELETE_DOC_PASSAGES):
        store.run(query, {"doc": doc.id})
    if extraction.skipped_reason:
        return LoadReport()
    resolver = _Resolver(extraction, capability_ids)
    nodes: list[NodeRecord] = []
    rels: list[RelRecord] = []
    base = {"document_id": doc.id, "status": "extracted", "method": f"{extraction.method}:{extraction.model}"}

    def passage(start: int, end: int, text: str, confidence: float) -> str:
        pid = stable_id("psg", doc.id, doc.sha256, start, end)
        nodes.append(
            NodeRecord(
                "Passage",
                pid,
                {
                    "document_id": doc.id,
                    "start": start,
                    "end": end,
                    "text": text,
                    "url": doc.url,
                    "title": doc.title,
                    "source_id": doc.source_id,
                    "publisher": doc.publisher,
                    "tier": doc.tier,
                    "published": doc.published,
                    "retrieved_at": doc.retrieved_at,
                    "section": _section_key(doc, start),
                    "method": base["method"],
                    "confidence": confidence,
                },
            )
        )
        rels.append(RelRecord("IN_DOCUMENT", "Passage", pid, "Document", doc.id, {"document_id": doc.id}))
        return pid

    # mentions: entities named in the text, linked to the sentence that names them
    for m in extraction.entities:
        if m.label not in SCHEMA_FOR_LABEL:
            continue
        eid = extracted_entity_id(m.label, m.canonical)
        display = resolver.display.get(m.canonical, m.text)
        roles = ["security_service"] if m.label == "GOV_AGENCY" else []
        nodes.append(
            NodeRecord(
                "Entity",
                eid,
                {
                    "name": display,
                    "schema": SCHEMA_FOR_LABEL[m.label],
                    "origin": ["extracted"],
                    "status": "extracted",
                    "roles": roles,
                    "name_norm": normalize_name(display),
                },
            )
        )
        s, e = _sentence_bounds(doc.text, m.start, m.end)
        pid = passage(s, e, doc.text[s:e], m.confidence)
        rels.append(
            RelRecord(
                "MENTIONED_IN", "Entity", eid, "Passage", pid, {**base, "label": m.label, "confidence": m.confidence}
            )
        )

    for index, ev in enumerate(extraction.events):
        _load_event(doc, ev, index, resolver, passage, nodes, rels, base)

    # node batches must exist before relationships that point at them
    report = LoadReport(nodes=store.merge_nodes(nodes))
    report.relationships = store.merge_rels(rels)
    return report


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    s = left + 1 if left >= 0 else 0
    while s < start and text[s].isspace():
        s += 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    e = min(right_candidates) + 1 if right_candidates else len(text)
    if e - s > 600:  # very long "sentences" (tables, lists): keep a window around the mention
        s, e = max(s, start - 250), min(e, end + 250)
    return s, e


def _load_event(
    doc: Document,
    ev: EventMention,
    index: int,
    resolver: _Resolver,
    passage: Any,
    nodes: list[NodeRecord],
    rels: list[RelRecord],
    base: dict[str, Any],
) -> None:
    evid = stable_id("evt", doc.id, doc.sha256, index, ev.type, ev.start)
    pid = passage(ev.start, ev.end, ev.sentence, ev.confidence)
    more = [passage(s, e, doc.text[s:e], ev.confidence) for s, e in ev.evidence if 0 <= s < e <= len(doc.text)]
    roles_text = {k: _as_list(v) for k, v in ev.roles.items()}
    date = next(iter(roles_text.get("date") or []), None)
    victim = ", ".join(roles_text.get("victim_group", []))
    nodes.append(
        NodeRecord(
            "Event",
            evid,
            {
                "type": ev.type,
                "confidence": ev.confidence,
                "hedged": ev.hedged,
                "negated": ev.negated,
                "status": "extracted",
                "date": date,
                "victim_group": victim,
                "document_id": doc.id,
                "sentence": ev.sentence,
                "roles": json.dumps(ev.roles, sort_keys=True),
            },
        )
    )
    for p in [pid, *more]:  # the sentence of the event and those of its repeated readings
        rels.append(RelRecord("EVIDENCED_BY", "Event", evid, "Passage", p, {"document_id": doc.id}))
    resolved: dict[str, list[tuple[str, str, str]]] = {}
    for role, values in roles_text.items():
        for value in values:
            node = resolver.node(value, role)
            if node is None:
                continue
            label, nid, name = node
            if label == "Entity":
                nodes.append(
                    NodeRecord(
                        "Entity",
                        nid,
                        {"name": name, "origin": ["extracted"], "status": "extracted", "name_norm": normalize_name(name)},
                    )
                )
            elif label == "Item":
                nodes.append(NodeRecord("Item", nid, {"name": name}))
            elif label == "Country":
                nodes.append(NodeRecord("Country", nid, {}))
            resolved.setdefault(role, []).append(node)
            rels.append(
                RelRecord("PARTICIPANT", "Event", evid, label, nid, {"role": role, "document_id": doc.id}, key=f"{evid}|{role}|{nid}")
            )
    if ev.negated:
        return  # a denial is kept as an event for the record, never as a relation
    edge = {**base, "confidence": ev.confidence, "hedged": ev.hedged, "evidence": [pid, *more], "event_id": evid, "date": date}
    ents = {r: [n for n in v if n[0] == "Entity"] for r, v in resolved.items()}
    caps = [n[1] for n in resolved.get("capability", []) if n[0] == "Capability"]
    products = [n[2] for n in resolved.get("product", []) + resolved.get("item", [])]
    caps += [c for c in _product_capabilities(products, resolver.capability_ids) if c not in caps]  # "Pegasus": spyware
    if ev.type == "supply":
        chain = ents.get("supplier", [])[:1] + ents.get("via", []) + ents.get("recipient", [])[:1]
        for (_, a, _), (_, b, _) in zip(chain, chain[1:], strict=False):
            if a != b:
                rels.append(
                    RelRecord(
                        "SUPPLIED", "Entity", a, "Entity", b,
                        {**edge, "capability": caps, "product": products}, key=f"{evid}|{a}|{b}",
                    )
                )
    elif ev.type == "ownership":
        for _, owner, _ in ents.get("owner", []):
            for _, owned, _ in ents.get("owned", []):
                share = next(iter(roles_text.get("share") or []), None)
                rels.append(
                    RelRecord("OWNS", "Entity", owner, "Entity", owned, {**edge, "share": _share(share)}, key=f"{evid}|{owner}|{owned}")
                )
    elif ev.type == "reexport":
        origin = ents.get("via", []) + ents.get("from", [])
        for _, a, _ in origin:
            for label, c, _ in resolved.get("to", []):
                if label == "Country":
                    rels.append(RelRecord("REEXPORTS_TO", "Entity", a, "Country", c, edge, key=f"{evid}|{a}|{c}"))


def _share(value: str | None) -> float | None:
    if not value:
        return None
    m = re.search(r"(\d+(?:\.\d+)?)", value)
    return float(m.group(1)) if m else None


def _product_capabilities(products: Sequence[str], capability_ids: set[str]) -> list[str]:
    """Capability concepts of named products by the product table's hint (nlp/data/products.tsv, column 3):
    "Pegasus" -> spyware, "Safe City" -> surveillance_cameras; a product the table lacks gives none. The map by name
    and alias is read once (nlp.gazetteer.product_capability_hints), not per event."""
    from nlp.gazetteer import product_capability_hints

    hints = product_capability_hints()
    return [hints[p] for p in products if hints.get(p) in capability_ids]
