"""The sample world (parties, items, deals; no crawl, no NLP) in a fresh embedded store, findings evaluated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.store import GraphStore, NodeRecord, RelRecord
from redflag.services.demo import evaluate_all
from redflag.services.world import load_sample_world


@pytest.fixture
def world(falkordb_store: GraphStore) -> Iterator[GraphStore]:
    load_sample_world(falkordb_store)
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
