"""Loading with provenance: idempotent, and a re-processed document replaces its old extractions."""

from __future__ import annotations

import pytest

from graph.queries import Query
from ontology.records import Document, DocumentExtraction, EntityMention, EventMention
from redflag.services.loading import load_documents, load_extraction

TEXT = "Acme Systems sold the surveillance suite to the Interior Ministry in 2021. Zeta Corp denied selling to it."


def _doc(text: str = TEXT, sha: str = "a" * 64) -> Document:
    return Document(
        id=Document.id_for("http://example.test/r"),
        url="http://example.test/r",
        source_id="test-source",
        publisher="Test Publisher",
        tier=2,
        title="A report",
        text=text,
        sha256=sha,
        retrieved_at="2026-01-01T00:00:00Z",
    )


def _extraction(doc: Document, supplier: str = "Acme Systems") -> DocumentExtraction:
    start = doc.text.index(supplier)
    sentence_end = doc.text.index(".") + 1
    return DocumentExtraction(
        document_id=doc.id,
        document_sha256=doc.sha256,
        entities=[
            EntityMention(supplier, "ORG", supplier.lower(), start, start + len(supplier), 0.9),
            EntityMention("Interior Ministry", "GOV_AGENCY", "interior ministry", TEXT.index("Interior"),
                          TEXT.index("Interior") + 17, 0.9),
        ],
        events=[
            EventMention("supply", {"supplier": supplier, "recipient": "Interior Ministry", "date": "2021"},
                         doc.text[:sentence_end], 0, sentence_end, 0.8),
            EventMention("supply", {"supplier": "Zeta Corp", "recipient": "Interior Ministry"},
                         doc.text[sentence_end + 1:], sentence_end + 1, len(doc.text), 0.8, negated=True),
        ],
        model="test",
    )


@pytest.fixture()
def store(falkordb_store):
    return falkordb_store


SUPPLIED = Query("t.supplied", "MATCH (a:Entity)-[r:SUPPLIED]->(b:Entity) RETURN a.name AS a, b.name AS b, "
                 "r.evidence AS evidence, r.status AS status")
EVIDENCE = Query("t.evidence", "MATCH (p:Passage {id: $id}) RETURN p.text AS text, p.url AS url, "
                 "p.publisher AS publisher, p.start AS start, p.end AS end", ("id",))


def test_an_extracted_supply_becomes_an_edge_with_its_passage(store) -> None:
    doc = _doc()
    load_documents(store, [doc])
    load_extraction(store, doc, _extraction(doc), set())
    rows = store.run(SUPPLIED)
    assert [(r["a"], r["b"], r["status"]) for r in rows] == [("Acme Systems", "Interior Ministry", "extracted")]
    passage = store.run(EVIDENCE, {"id": rows[0]["evidence"][0]})[0]
    assert passage["url"] == doc.url and passage["publisher"] == "Test Publisher"
    assert TEXT[passage["start"]:passage["end"]] == passage["text"]


def test_a_sale_read_in_two_sentences_keeps_both_passages_as_evidence(store) -> None:
    # (issue 13 round 21) an event with a repeated reading folded in names that sentence's offsets in ``evidence``
    text = "Acme Systems sold the suite to the Interior Ministry. The Interior Ministry later bought it from Acme Systems."
    doc = _doc(text)
    second = text.index("The Interior")
    ext = DocumentExtraction(document_id=doc.id, document_sha256=doc.sha256, model="test", events=[
        EventMention("supply", {"supplier": "Acme Systems", "recipient": "Interior Ministry"}, text[:second - 1], 0,
                     second - 1, 0.8, evidence=[[second, len(text)]])])
    load_documents(store, [doc])
    load_extraction(store, doc, ext, set())
    [row] = store.run(SUPPLIED)
    passages = [store.run(EVIDENCE, {"id": pid})[0] for pid in row["evidence"]]
    assert [(p["start"], p["end"]) for p in passages] == [(0, second - 1), (second, len(text))]
    assert passages[1]["text"] == text[second:]


def test_a_denial_never_becomes_a_relation(store) -> None:
    doc = _doc()
    load_extraction(store, doc, _extraction(doc), set())
    assert all(r["a"] != "Zeta Corp" for r in store.run(SUPPLIED))


def test_loading_twice_changes_nothing(store) -> None:
    doc = _doc()
    load_documents(store, [doc])
    load_extraction(store, doc, _extraction(doc), set())
    before = store.counts()
    load_documents(store, [doc])
    load_extraction(store, doc, _extraction(doc), set())
    assert store.counts() == before


def test_a_changed_document_replaces_its_old_extractions(store) -> None:
    doc = _doc()
    load_extraction(store, doc, _extraction(doc), set())
    changed = _doc(TEXT.replace("Acme Systems", "Borealis Ltd"), sha="b" * 64)
    load_extraction(store, changed, _extraction(changed, "Borealis Ltd"), set())
    assert [(r["a"], r["b"]) for r in store.run(SUPPLIED)] == [("Borealis Ltd", "Interior Ministry")]
    events = store.run(Query("t.events", "MATCH (e:Event) RETURN count(e) AS n"))
    assert events[0]["n"] == 2  # the new version's two events, none of the old ones


CAPABILITIES = Query("t.capabilities", "MATCH (:Entity)-[r:SUPPLIED]->(:Entity) RETURN r.capability AS capability, "
                     "r.product AS product")


def test_a_supplied_named_product_carries_its_capability_from_the_product_table(store) -> None:
    text = "Acme Systems sold Pegasus to the Interior Ministry in 2021."
    doc = _doc(text, sha="b" * 64)
    load_documents(store, [doc])
    at = text.index("Pegasus")
    extraction = DocumentExtraction(
        document_id=doc.id, document_sha256=doc.sha256,
        entities=[EntityMention("Acme Systems", "ORG", "acme systems", 0, 12, 0.9),
                  EntityMention("Pegasus", "PRODUCT", "Pegasus", at, at + 7, 0.9),
                  EntityMention("Interior Ministry", "GOV_AGENCY", "interior ministry", text.index("Interior"),
                                text.index("Interior") + 17, 0.9)],
        events=[EventMention("supply", {"supplier": "Acme Systems", "recipient": "Interior Ministry",
                                        "product": "Pegasus"}, text, 0, len(text), 0.8)],
        model="test",
    )
    load_extraction(store, doc, extraction, {"spyware"})
    assert [(r["capability"], r["product"]) for r in store.run(CAPABILITIES)] == [(["spyware"], ["Pegasus"])]


def test_a_product_the_table_lacks_adds_no_capability(store) -> None:
    from redflag.services.loading import _product_capabilities

    assert _product_capabilities(["Unlisted Suite", "FinSpy"], {"spyware"}) == ["spyware"]
    assert _product_capabilities(["Unlisted Suite"], {"spyware"}) == []
    assert _product_capabilities(["Pegasus"], set()) == []  # a concept the ontology lacks is never attached
