"""One link (``redflag fetch URL``): archive a page or file, extract it and load the result into the graph.

The link is crawled like any source (a one-link catalog entry with the ``link`` spider: robots.txt,
AutoThrottle, the size limit and the identifying user agent apply), under the source id
``link-<first 10 hex of SHA-1(url)>`` so that fetching the same link again is a refresh of that source
(``redflag changes --source link-...``). HTML, PDF and list files are told apart by their content
(:mod:`crawler.parsers.sniff`).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.archive import Archive, RunRecord
from crawler.sources import Source
from crawler.user_sources import save_user_sources
from graph.queries import q
from redflag.services.crawling import COUNTRY_LOOKUP, CrawlEvent, run_crawl
from redflag.settings import Settings

DOCUMENT_ENTITIES = q(
    "fetching.document_entities",
    "MATCH (e:Entity)-[m:MENTIONED_IN]->(p:Passage {document_id: $doc}) "
    "RETURN DISTINCT e.id AS id, e.name AS name, m.label AS label ORDER BY name",
    "doc",
)
DOCUMENT_EVENTS = q(
    "fetching.document_events",
    "MATCH (ev:Event {document_id: $doc}) RETURN ev.id AS id, ev.type AS type, ev.sentence AS sentence, "
    "ev.confidence AS confidence ORDER BY ev.id",
    "doc",
)


@dataclass
class FetchResult:
    url: str
    source_id: str
    runs: list[RunRecord]
    errors: list[str] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)  # id, title, author, published, kind, chars
    entities: list[dict[str, Any]] = field(default_factory=list)  # id, name, label
    events: list[dict[str, Any]] = field(default_factory=list)  # id, type, sentence, confidence
    list_entries: list[dict[str, Any]] = field(default_factory=list)  # id, schema, name, dataset

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "source_id": self.source_id, "runs": [r.to_dict() for r in self.runs],
                "errors": self.errors, "documents": self.documents, "entities": self.entities,
                "events": self.events, "list_entries": self.list_entries}  # fmt: skip


def link_source_id(url: str) -> str:
    return "link-" + hashlib.sha1(url.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]


def link_source(url: str, publisher: str | None = None, tier: int = 4) -> Source:
    """The one-link catalog entry; ValueError for a URL that is not http(s) or a tier outside 1..4."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{url!r} is not an http(s) URL")
    if not 1 <= tier <= 4:
        raise ValueError(f"--tier {tier} is not 1..4 (1 official/UN, 2 NGO or lab, 3 press, 4 other)")
    return Source(id=link_source_id(url), publisher=(publisher or parts.hostname or "unknown").strip(),
                  kind="prose", spider="link", start_urls=[url], tier=tier, cadence_days=3650,
                  robots="obey (ROBOTSTXT_OBEY)", concurrency=1, extra={"document_kind": "article"})  # fmt: skip


def fetch_link(
    settings: Settings,
    url: str,
    *,
    publisher: str | None = None,
    tier: int = 4,
    on_event: Callable[[CrawlEvent], None] | None = None,
    crawl_settings: dict[str, str] | None = None,
    country_lookup: str = COUNTRY_LOOKUP,
    load: bool = True,
) -> FetchResult:
    """Fetch URL into the archive, parse it, and (``load``) load lists and extract documents into the graph.

    Raises ValueError for a bad URL or tier, CrawlError when the crawl could not run.
    """
    source = link_source(url, publisher, tier)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="fetch-", suffix=".toml", dir=settings.data_dir)
    os.close(fd)
    catalog = Path(name)
    try:
        save_user_sources(catalog, [source])
        runs = run_crawl(settings.archive_dir, [source.id], sources_file=catalog, on_event=on_event,
                         settings=crawl_settings, country_lookup=country_lookup)  # fmt: skip
    finally:
        catalog.unlink(missing_ok=True)
    result = FetchResult(url, source.id, runs)
    with Archive(settings.archive_dir) as archive:
        for run in runs:
            result.errors += [f"{e.location}: {e.reason}" for e in archive.errors(run.run_id)]
        docs = [d for d in archive.latest_documents() if d.source_id == source.id]
        result.documents = [{"id": d.id, "title": d.title, "author": d.author, "published": d.published,
                             "kind": d.kind, "chars": len(d.text), "url": d.url} for d in docs]  # fmt: skip
        sets = archive.list_sets(source.id)
        if sets:
            records = archive.set_records(int(sets[-1]["id"]))
            result.list_entries = [{"id": rid, "schema": r.get("schema", ""), "name": r.get("name", ""),
                                    "dataset": r.get("dataset", "")} for rid, r in sorted(records.items())]  # fmt: skip
    if not load or (not docs and not sets):
        return result
    from redflag.services.pipeline import archive_for, extract_pending, load_lists
    from redflag.services.store import open_store

    with open_store(settings) as store:
        archive = archive_for(settings)
        if sets:
            load_lists(store, archive)
        if docs:
            extraction = extract_pending(store, archive, settings)
            result.errors += [f"{where}: {error}" for where, error in extraction.failed]
            for d in docs:
                result.entities += store.run(DOCUMENT_ENTITIES, {"doc": d.id})
                result.events += store.run(DOCUMENT_EVENTS, {"doc": d.id})
    return result
