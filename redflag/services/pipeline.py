"""The flow, stage by stage, each re-runnable and idempotent: lists -> graph, documents -> NLP -> graph,
entity resolution. The CLI and the UI call these; progress is reported through a callback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.archive import Archive, DamagedRecord
from crawler.parsers.common import ParsedList, norm_name
from graph.queries import q
from graph.store import GraphStore
from ontology import vocab
from ontology.records import CountryIndicator, Document, ListEntity, ListRelation, RowError, stable_id
from redflag.services.load_checkpoint import ListLoadCheckpoint
from redflag.services.loading import (
    DELETE_ORPHAN_EXTRACTED,
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
    # countries of a loaded catalog (the sample world's); nodes only named by the country authority are left out:
    # the packaged nlp/data/countries.tsv already chooses which real country names the NER looks for
    "MATCH (c:Country) WHERE c.name IS NOT NULL AND c.origin IS NOT NULL "
    "RETURN c.id AS code, c.name AS name, c.aliases AS aliases, c.demonyms AS demonyms, "
    "c.capitals AS capitals, c.free_trade_zones AS zones",
)


LISTED_ENTITY_NAMES = q(
    "pipeline.listed_entity_names",
    "MATCH (e:Entity) WHERE e.listed = true RETURN e.id AS id, e.name AS name, e.aliases AS aliases",
)


def _quiet(done: int, total: int, label: str) -> None:
    return None


NO_LISTS = ":nolists"
ANY_LIST_ENTITY = q(
    "pipeline.any_list_entity",
    "MATCH (e:Entity) WHERE 'list' IN coalesce(e.origin, []) RETURN e.id AS id LIMIT 1",
)


def extractor_marker(settings: Settings, store: GraphStore | None = None) -> str:
    """Documents are re-extracted when the model or the extractor changes, and once more when lists arrive.

    The gazetteer the extractor uses is built from the graph, so a document extracted while no list was
    loaded found fewer names than it will once lists are there. Such documents are marked with the
    ``:nolists`` suffix; as soon as the graph holds list entities the marker differs and they are redone, so
    the graph does not depend on the order of ``load`` and ``extract`` (issue 15 item 6).
    """
    import nlp

    marker = f"{settings.spacy_model}:{getattr(nlp, '__version__', '0')}"
    if store is not None and not store.run(ANY_LIST_ENTITY):
        marker += NO_LISTS
    return marker


def needs_reextraction(store: GraphStore, archive: Archive, settings: Settings) -> bool:
    """True when documents were extracted before any list was loaded and lists are loaded now."""
    marker = extractor_marker(settings, store)
    return not marker.endswith(NO_LISTS) and archive.has_marker(marker + NO_LISTS)


def load_lists(
    store: GraphStore,
    archive: Archive,
    progress: Progress = _quiet,
    batch: int = LIST_BATCH,
    checkpoint: Path | None = None,
    restart: bool = False,
) -> LoadReport:
    """Load every current list record and indicator from the archive into the graph (idempotent), then the
    version of every list set (``ListVersion`` nodes: files, SHA-256, dates, entity counts).

    Records are streamed from the archive and loaded BATCH entities at a time (nodes, then their
    relationships), so memory does not grow with the list; relations between entities follow once every
    entity is in. PROGRESS(done, total, label) counts records. With CHECKPOINT (a file path), the records written
    are noted after every batch and a run cut short resumes after them when called again on the same archive sets
    (``report.resumed_from``: records passed over); RESTART ignores the note. Every write is a MERGE, so a batch
    written twice duplicates nothing. A list record that cannot be read back is skipped and reported among the
    report's errors (field ``damaged``); the rest loads. Raises LoadCheckpointError for an unreadable checkpoint.
    """
    report = _load_records(store, archive, progress, batch, None, checkpoint, restart)
    from redflag.services.list_versions import load_list_versions

    load_list_versions(store, archive)  # after the records: a version in the graph means its entities are there
    return report


def load_list_set(
    store: GraphStore,
    archive: Archive,
    key: str,
    progress: Progress = _quiet,
    batch: int = LIST_BATCH,
    checkpoint: Path | None = None,
    restart: bool = False,
) -> LoadReport:
    """Load the current archived set KEY (one import: ``ImportResult.key``) into the graph, streamed BATCH
    records at a time as :func:`load_lists` does: the graph load of an import too large to hold in memory (FtM).
    Idempotent (MERGE on stable ids); a run cut short resumes from CHECKPOINT as in :func:`load_lists`. List
    versions are not loaded here (:func:`redflag.services.list_versions.load_list_versions`)."""
    return _load_records(store, archive, progress, batch, key, checkpoint, restart)


def _load_records(
    store: GraphStore,
    archive: Archive,
    progress: Progress,
    batch: int,
    key: str | None,
    checkpoint: Path | None = None,
    restart: bool = False,
) -> LoadReport:
    damaged: list[DamagedRecord] = []
    total = archive.current_record_count(key=key)
    mark = ListLoadCheckpoint.open(checkpoint, archive.current_set_ids(key), restart) if checkpoint else None
    report = LoadReport()
    done = 0
    for kind, label, load in (("entity", "list entities", _load_entity_batch),
                              ("relation", "list relations", _load_relation_batch)):  # fmt: skip
        skip = mark.skip(kind) if mark else 0
        report.resumed_from += skip
        seen = 0
        pending: list[dict[str, Any]] = []
        progress(done + skip, total, label)
        for data in archive.iter_current_records(kind, damaged=damaged, key=key):
            seen += 1
            if seen <= skip:
                continue
            pending.append(data)
            if len(pending) >= batch:
                report.add(load(store, pending))
                pending = []
                if mark:
                    mark.record(kind, seen)
                progress(done + seen, total, label)
        if pending:
            report.add(load(store, pending))
        if mark and seen > skip:
            mark.record(kind, seen)
        done += seen
    progress(done, total, "country indicators")
    indicators: dict[str, CountryIndicator] = {}
    for data in archive.iter_current_records("indicator", damaged=damaged, key=key):
        ind = CountryIndicator.from_dict(data)
        indicators.setdefault(ind.id, ind)  # newer sets come first and win, as in Archive.indicators
    report.add(load_indicators(store, list(indicators.values())))
    if mark:
        mark.finish()
    progress(total, total, "lists loaded")
    report.errors += [RowError(f"archive {d.kind} {d.key}", 0, "damaged", d.reason) for d in damaged]
    return report


def _load_entity_batch(store: GraphStore, rows: list[dict[str, Any]]) -> LoadReport:
    return load_list_entities(store, [ListEntity.from_dict(d) for d in rows])


def _load_relation_batch(store: GraphStore, rows: list[dict[str, Any]]) -> LoadReport:
    return load_list_relations(store, [ListRelation.from_dict(d) for d in rows])


def load_parsed(
    store: GraphStore, parsed: ParsedList, progress: Progress = _quiet, batch_size: int = 2000
) -> LoadReport:
    """Load the records of one import into the graph, in batches, reporting progress (done, total, label).

    Writes are MERGE on stable ids, so a run cut short and run again completes the load and a second run
    duplicates nothing. Relations go after every entity (their ends may be anywhere in the file); a relation
    whose end is in neither the file nor the graph is reported in the returned errors.
    """
    total = parsed.record_count
    done = 0
    report = LoadReport()
    for kind, records in (("entities", parsed.entities), ("relations", parsed.relations),
                          ("indicators", parsed.indicators)):  # fmt: skip
        for start in range(0, len(records), batch_size):
            chunk = records[start : start + batch_size]
            if kind == "entities":
                report.add(load_list_entities(store, chunk))  # type: ignore[arg-type]
            elif kind == "relations":
                report.add(load_list_relations(store, chunk))  # type: ignore[arg-type]
            else:
                report.add(load_indicators(store, chunk))  # type: ignore[arg-type]
            done += len(chunk)
            progress(done, total, kind)
    links = links_to_loaded_entities(store, parsed)
    if links:
        report.add(load_list_relations(store, links))
    progress(total, total, "loaded")
    return report


def links_to_loaded_entities(store: GraphStore, parsed: ParsedList) -> list[ListRelation]:
    """``Linked To:`` parties of this import found among list entities already in the graph (another list or an
    earlier import: a consolidated entry linked to an SDN entry, say), matched on the same name key the parser
    uses within one import. Returns the LinkedTo relations (stable ids, so loading them twice adds nothing)."""
    own = {norm_name(n) for e in parsed.entities for n in [e.name, *e.aliases]}
    wanted = [(e, i.value) for e in parsed.entities for i in e.identifiers
              if i.scheme == "linked_to" and norm_name(i.value) not in own]  # fmt: skip
    if not wanted:
        return []
    by_name: dict[str, str] = {}
    for row in store.run(LISTED_ENTITY_NAMES):
        for n in [row["name"], *(row["aliases"] or [])]:
            if n:
                by_name.setdefault(norm_name(str(n)), str(row["id"]))
    out: dict[str, ListRelation] = {}
    for e, name in wanted:
        target = by_name.get(norm_name(name))
        if target and target != e.id:
            rid = stable_id("rel", e.id, "LinkedTo", target)
            out[rid] = ListRelation(rid, "LinkedTo", e.id, target, e.dataset, role="Linked To")
    return list(out.values())


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
    damaged: list[DamagedRecord] = field(default_factory=list)  # unreadable archive records, left out
    # (url or id, error) of documents the extractor failed on: not loaded, not marked processed (their earlier
    # extraction stays in the graph; the next run tries them again)
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    mentions: int = 0
    workers: int = 0  # extraction processes used (0: nothing to extract)
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # pid -> peak resident memory (MB) of each


def extraction_workers(settings: Settings, documents: list[Document], requested: int | None = None) -> int:
    """Processes for extracting ``documents``: ``requested`` (``--workers``), else REDFLAG_EXTRACT_WORKERS; when
    that is 0, the machine's cores capped by memory and by the amount of text (a small batch, such as the demo's
    or one fetched page, is read in this process: :func:`nlp.workers.default_workers`). Never more than the
    documents."""
    from nlp.workers import default_workers

    n = requested if requested is not None else settings.extract_workers
    if n < 0:
        raise ValueError(f"--workers {n}: give a number of processes, 1 or more (0 = as many as cores and memory allow)")
    if n == 0:
        n = default_workers(text_chars=sum(len(d.text or "") for d in documents))
    return max(1, min(n, len(documents)))


def extract_pending(
    store: GraphStore, archive: Archive, settings: Settings, progress: Progress = _quiet, workers: int | None = None
) -> ExtractReport:
    """Run NLP over documents not processed yet (or changed since) and load the results with evidence.

    Documents are read by ``workers`` processes (see :func:`extraction_workers`); results arrive in archive
    order and each is loaded and then marked processed before the next, so an interrupted run (Ctrl-C: the
    workers stop with it) keeps what it stored and the next run resumes with the documents not yet marked.
    A document the extractor fails on (``DocumentExtraction.error``) is listed in ``report.failed``, neither
    loaded nor marked, so its earlier extraction stays and the next run tries it again; the others go on.
    """
    from contextlib import closing

    from nlp.workers import ExtractionStats, extract_documents

    marker = extractor_marker(settings, store)
    report = ExtractReport()
    pending = archive.documents_pending(marker, damaged=report.damaged)  # a damaged record never stops the rest
    if not pending:
        return report
    n = extraction_workers(settings, pending, workers)
    stats = ExtractionStats()
    gazetteer = build_gazetteer(store)
    capability_ids = {c.id for c in vocab.capabilities()}
    load_documents(store, pending)
    total = len(pending)
    progress(0, total, f"starting {n} extraction process(es)")
    results = extract_documents(pending, settings.spacy_model, gazetteer, n, stats=stats,  # type: ignore[arg-type]
                                supply_pairs=settings.supply_pairs)
    try:
        with closing(results):  # an interruption below stops the workers before it propagates
            for i, (doc, extraction) in enumerate(zip(pending, results, strict=True)):
                if extraction.document_id != doc.id:  # results keep input order; anything else is a bug
                    raise RuntimeError(f"extraction of {extraction.document_id} arrived for {doc.id}")
                if extraction.error:
                    report.failed.append((doc.url or doc.id, extraction.error))
                    progress(i + 1, total, f"FAILED: {doc.title[:50] or doc.url}")
                    continue
                load_extraction(store, doc, extraction, capability_ids)
                archive.mark_processed(doc.id, doc.sha256, marker)  # only after the graph holds the result
                report.processed += 1
                report.events += len(extraction.events)
                report.mentions += len(extraction.entities)
                if extraction.skipped_reason:
                    report.skipped.append((doc.url, extraction.skipped_reason))
                progress(i + 1, total, doc.title[:60] or doc.url)
    finally:
        report.workers = stats.workers
        report.peak_rss_mb = {p.pid: p.max_rss_mb for p in stats.peaks.values()}
    # an entity only a replaced extraction mentioned (e.g. an alias read before the lists told whose it is)
    # is left with no edge at all: it carries nothing, and keeping it would make the graph depend on history
    store.run(DELETE_ORPHAN_EXTRACTED)
    progress(total, total, "extraction done")
    return report


def archive_for(settings: Settings) -> Archive:
    return Archive(settings.archive_dir)


def ensure_dirs(settings: Settings) -> None:
    Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
