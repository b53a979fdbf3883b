"""The flow, stage by stage, each re-runnable and idempotent: lists -> graph, documents -> NLP -> graph,
entity resolution. The CLI and the UI call these; progress is reported through a callback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crawler.archive import Archive
from graph.queries import q
from graph.store import GraphStore
from ontology import vocab
from ontology.records import ListEntity, ListRelation
from redflag.services.loading import (
    LoadReport,
    load_documents,
    load_extraction,
    load_indicators,
    load_list_entities,
    load_list_relations,
)
from redflag.settings import Settings

Progress = Callable[[int, int, str], None]
LIST_BATCH = 5000
"""List entities loaded into the graph per step (their nodes, listings, addresses and relationships)."""

GAZETTEER_ENTITIES = q(
    "pipeline.gazetteer_entities",
    "MATCH (e:Entity) WHERE e.schema IN $schemas AND e.status = 'curated' "
    "RETURN e.id AS id, e.name AS name, e.schema AS schema, e.aliases AS aliases",
    "schemas",
)
GAZETTEER_ITEMS = q(
    "pipeline.gazetteer_items",
    "MATCH (i:Item) WHERE i.registered = true RETURN i.id AS id, i.name AS name",
)
GAZETTEER_COUNTRIES = q(
    "pipeline.gazetteer_countries",
    "MATCH (c:Country) WHERE c.name IS NOT NULL "
    "RETURN c.id AS code, c.name AS name, c.aliases AS aliases, c.demonyms AS demonyms, "
    "c.capitals AS capitals, c.free_trade_zones AS zones",
)


def _quiet(done: int, total: int, label: str) -> None:
    return None


def extractor_marker(settings: Settings) -> str:
    """Documents are re-extracted when the model or the extractor changes."""
    import nlp

    return f"{settings.spacy_model}:{getattr(nlp, '__version__', '0')}"


def load_lists(
    store: GraphStore, archive: Archive, progress: Progress = _quiet, batch: int = LIST_BATCH
) -> LoadReport:
    """Load every current list record and indicator from the archive into the graph (idempotent).

    Records are streamed from the archive and loaded BATCH entities at a time (nodes, then their
    relationships), so memory does not grow with the list; relations between entities follow once every
    entity is in. PROGRESS(done, total, label) counts records. Interrupted, it is simply run again: every write
    is a MERGE.
    """
    total = archive.current_record_count()
    done = 0
    report = LoadReport()
    progress(0, total, "list entities")
    entities: list[ListEntity] = []
    for data in archive.iter_current_records("entity"):
        entities.append(ListEntity.from_dict(data))
        if len(entities) >= batch:
            report.add(load_list_entities(store, entities))
            done += len(entities)
            entities = []
            progress(done, total, "list entities")
    if entities:
        report.add(load_list_entities(store, entities))
        done += len(entities)
    relations: list[ListRelation] = []
    for data in archive.iter_current_records("relation"):
        relations.append(ListRelation.from_dict(data))
        if len(relations) >= batch:
            report.add(load_list_relations(store, relations))
            done += len(relations)
            relations = []
            progress(done, total, "list relations")
    if relations:
        report.add(load_list_relations(store, relations))
        done += len(relations)
    progress(done, total, "country indicators")
    indicators = archive.indicators()
    report.add(load_indicators(store, indicators))
    progress(total, total, "lists loaded")
    return report


def build_gazetteer(store: GraphStore) -> object:
    """The NER gazetteer grows with the graph: curated names and aliases, and known countries."""
    from nlp.gazetteer import CountryEntry, Gazetteer, GazetteerEntry

    gaz = Gazetteer.default()
    label_for = {"PublicBody": "GOV_AGENCY", "Person": "PERSON"}
    entries = []
    for row in store.run(GAZETTEER_ENTITIES, {"schemas": ["Company", "Organization", "PublicBody", "Person", "LegalEntity"]}):
        name = str(row["name"] or "")
        if 2 < len(name) < 120:
            entries.append(
                GazetteerEntry(label_for.get(row["schema"], "ORG"), name, name, [a for a in (row["aliases"] or []) if a])
            )
    # the exporter's own products, so reports that name them are tied to the item register
    entries += [GazetteerEntry("PRODUCT", str(r["name"]), str(r["name"]), []) for r in store.run(GAZETTEER_ITEMS)
                if r["name"] and 2 < len(str(r["name"])) < 120]
    gaz.add_entries(entries)
    gaz.add_countries(
        CountryEntry(
            code=row["code"],
            name=row["name"],
            aliases=list(row["aliases"] or []),
            demonyms=list(row["demonyms"] or []),
            capitals=list(row["capitals"] or []),
            places=list(row["zones"] or []),
        )
        for row in store.run(GAZETTEER_COUNTRIES)
    )
    return gaz


@dataclass
class ExtractReport:
    processed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    mentions: int = 0


def extract_pending(
    store: GraphStore, archive: Archive, settings: Settings, progress: Progress = _quiet
) -> ExtractReport:
    """Run NLP over documents not processed yet (or changed since) and load the results with evidence."""
    from nlp.extract import Extractor

    marker = extractor_marker(settings)
    pending = archive.documents_pending(marker)
    report = ExtractReport()
    if not pending:
        return report
    extractor = Extractor(settings.spacy_model, build_gazetteer(store))  # type: ignore[arg-type]
    capability_ids = {c.id for c in vocab.capabilities()}
    load_documents(store, pending)
    total = len(pending)
    for i, doc in enumerate(pending):
        progress(i, total, doc.title[:60] or doc.url)
        extraction = extractor.extract_document(doc)
        load_extraction(store, doc, extraction, capability_ids)
        archive.mark_processed(doc.id, doc.sha256, marker)  # only after the graph holds the result
        report.processed += 1
        report.events += len(extraction.events)
        report.mentions += len(extraction.entities)
        if extraction.skipped_reason:
            report.skipped.append((doc.url, extraction.skipped_reason))
    progress(total, total, "extraction done")
    return report


def archive_for(settings: Settings) -> Archive:
    return Archive(settings.archive_dir)


def ensure_dirs(settings: Settings) -> None:
    Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
