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
from redflag.services.loading import (
    LoadReport,
    load_documents,
    load_extraction,
    load_indicators,
    load_list_entities,
)
from redflag.settings import Settings

Progress = Callable[[int, int, str], None]

GAZETTEER_ENTITIES = q(
    "pipeline.gazetteer_entities",
    "MATCH (e:Entity) WHERE e.schema IN $schemas AND e.status = 'curated' "
    "RETURN e.id AS id, e.name AS name, e.schema AS schema, e.aliases AS aliases, e.countries AS countries, "
    "e.roles AS roles",
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


def load_lists(store: GraphStore, archive: Archive, progress: Progress = _quiet) -> LoadReport:
    """Load every current list record and indicator from the archive into the graph (idempotent)."""
    entities = archive.list_entities()
    relations = archive.list_relations()
    indicators = archive.indicators()
    progress(0, 2, "list entities")
    report = load_list_entities(store, entities, relations)
    progress(1, 2, "country indicators")
    report.add(load_indicators(store, indicators))
    progress(2, 2, "lists loaded")
    return report


def build_gazetteer(store: GraphStore) -> object:
    """The NER gazetteer grows with the graph: curated names and aliases, and known countries.

    Government bodies (FtM PublicBody, or a list entity with a government role such as ``security_service``)
    become GOV_AGENCY names with their country when the entity has exactly one, so extraction finds the real
    agencies of any state as lists load.
    """
    from nlp.gazetteer import CountryEntry, Gazetteer, GazetteerEntry
    from redflag.rules.context import GOVERNMENT_ROLES

    gaz = Gazetteer.default()
    label_for = {"PublicBody": "GOV_AGENCY", "Person": "PERSON"}
    entries = []
    for row in store.run(GAZETTEER_ENTITIES, {"schemas": ["Company", "Organization", "PublicBody", "Person", "LegalEntity"]}):
        name = str(row["name"] or "")
        if 2 < len(name) < 120:
            label = label_for.get(row["schema"], "ORG")
            if label == "ORG" and set(row.get("roles") or []) & GOVERNMENT_ROLES - {"state_owned"}:
                label = "GOV_AGENCY"
            countries = [str(c).upper() for c in (row.get("countries") or []) if c]
            country = countries[0] if len(countries) == 1 and label == "GOV_AGENCY" else ""
            entries.append(GazetteerEntry(label, name, name, [a for a in (row["aliases"] or []) if a], country))
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
