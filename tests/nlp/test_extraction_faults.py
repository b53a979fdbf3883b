"""A fault of the extractor on one document (a component raising on some text) costs that document only: it comes
back with ``error`` naming the step and the exception, in its place, and the documents around it are read as
usual. The fault is injected with a test-only spaCy component that raises on a marker word; the firms are
fictional (Quobrix, Velmora)."""
from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nlp.extract import Extractor
from ontology.records import Document
from tests.nlp.conftest import MODEL

MARKER = "Zzqxfault"


@Language.component("raises_on_marker")
def _raises_on_marker(doc: Doc) -> Doc:
    if MARKER in doc.text:
        raise IndexError("test fault: marker word in the text")
    return doc


def _document(n: int, text: str) -> Document:
    return Document(id=f"doc-{n}", url=f"https://example.test/{n}", source_id="test", publisher="test", tier=2,
                    title=f"text {n}", text=text, sha256=f"sha-{n}", retrieved_at="2026-12-07")


@pytest.fixture(scope="module")
def faulty_extractor() -> Extractor:
    ext = Extractor(MODEL)
    ext.nlp.add_pipe("raises_on_marker", before="parser")
    return ext


def test_a_component_failing_on_one_document_leaves_the_others_read(faulty_extractor: Extractor) -> None:
    texts = ["Quobrix Ltd sold spyware to the Ghana Police Service in 2021.",
             f"Velmora Inc supplied {MARKER} cameras to the Kenyan army.",
             "The Ugandan police bought interception gear from Velmora Inc."]
    results = list(faulty_extractor.pipe_documents(_document(n, t) for n, t in enumerate(texts)))
    assert [r.document_id for r in results] == ["doc-0", "doc-1", "doc-2"]
    failed = results[1]
    assert failed.error is not None and "raises_on_marker" in failed.error and "IndexError" in failed.error
    assert failed.entities == [] and failed.events == []
    assert results[0].error is None and any("Quobrix" in m.text for m in results[0].entities)
    assert results[2].error is None and any("Velmora" in m.text for m in results[2].entities)


def test_a_fault_in_one_paragraph_fails_the_whole_document_not_a_part_of_it() -> None:
    text = "Quobrix Ltd sold spyware to the Ghana Police Service.\n\n" + f"The {MARKER} unit was set up in 2020."
    small = Extractor(MODEL, unit_chars=60)  # one paragraph per unit: the fault is in the second
    small.nlp.add_pipe("raises_on_marker", before="parser")
    [result] = list(small.pipe_documents([_document(9, text)]))
    assert result.error is not None and result.entities == []  # no half-read document is ever returned as whole


def test_a_text_given_to_the_pipeline_directly_still_raises(faulty_extractor: Extractor) -> None:
    with pytest.raises(IndexError, match="test fault"):
        faulty_extractor.nlp(f"A {MARKER} here.")


def test_a_fault_after_parsing_also_costs_only_its_document(faulty_extractor: Extractor,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    read = Extractor._read_document

    def read_or_fail(self: Extractor, pending):  # type: ignore[no-untyped-def]
        if pending.document.id == "doc-1":
            raise KeyError("test fault after parsing")
        return read(self, pending)

    monkeypatch.setattr(Extractor, "_read_document", read_or_fail)
    results = list(faulty_extractor.pipe_documents(
        _document(n, "Velmora Inc sold cameras to the Kenyan army.") for n in range(3)))
    assert [r.error is None for r in results] == [True, False, True]
    assert "KeyError" in (results[1].error or "") and results[0].entities
