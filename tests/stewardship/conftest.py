"""The sample world (parties, items, deals; no crawl, no NLP) in a fresh embedded store, findings evaluated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.store import GraphStore, NodeRecord, RelRecord
from redflag.services.demo import evaluate_all
from redflag.services.world import load_sample_world

OFAC_ROWS = Path(__file__).resolve().parents[2] / "crawler" / "sample_site" / "site" / "lists" / "ofac"


@pytest.fixture
def world(falkordb_store: GraphStore, data_dir: Path) -> Iterator[GraphStore]:
    """The sample world, and the real OFAC rows imported and loaded as a user would (the red flags screen the
    parties against a loaded list: with none, `flags` refuses)."""
    from crawler.archive import Archive
    from redflag.services.crawling import import_files
    from redflag.services.pipeline import load_lists

    load_sample_world(falkordb_store)
    import_files(data_dir / "archive", "ofac", [OFAC_ROWS])
    load_lists(falkordb_store, Archive(data_dir / "archive"))
    evaluate_all(falkordb_store)
    yield falkordb_store


def add_abuse_report(store: GraphStore, actor: str, published: str, text: str, key: str = "1") -> None:
    """A published NGO report of abuse by ``actor``: Document, Passage, Event (as extraction would load it)."""
    doc, psg, ev = f"doc-test-{key}", f"psg-test-{key}", f"evt-test-{key}"
    store.merge_nodes([
        NodeRecord("Document", doc, {"url": f"http://ngo.test/{key}", "title": "Report", "source_id": "ngo",
                                     "publisher": "Test NGO", "tier": 2, "published": published}),
        NodeRecord("Passage", psg, {"document_id": doc, "start": 0, "end": len(text), "text": text, "tier": 2,
                                    "source_id": "ngo", "publisher": "Test NGO", "url": f"http://ngo.test/{key}",
                                    "confidence": 0.9, "published": published}),
        NodeRecord("Event", ev, {"type": "abuse", "status": "extracted", "confidence": 0.9, "hedged": False,
                                 "negated": False, "date": published, "document_id": doc,
                                 "victim_group": "protesters"}),
    ])  # fmt: skip
    store.merge_rels([
        RelRecord("IN_DOCUMENT", "Passage", psg, "Document", doc),
        RelRecord("EVIDENCED_BY", "Event", ev, "Passage", psg),
        RelRecord("PARTICIPANT", "Event", ev, "Entity", actor, {"role": "actor"}),
    ])  # fmt: skip


def rules_of(report: Any) -> set[str]:
    return {f.rule for f in report.findings}
