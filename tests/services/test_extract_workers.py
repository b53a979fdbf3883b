"""`extract_pending` with worker processes: an interrupted run keeps what it stored and the next one resumes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.archive import Archive
from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from nlp.evaluate import default_gold_dir, load_gold
from nlp.extract import Extractor
from ontology.records import Document
from redflag.services.pipeline import build_gazetteer, extract_pending, extraction_workers, extractor_marker
from redflag.settings import load_settings


def _archive_with_real_texts(data_dir: Path, n: int) -> Archive:
    """An archive holding the first ``n`` public texts of the real development set as fetched documents."""
    archive = Archive(data_dir / "archive")
    run = archive.start_run("devset")
    for g in load_gold(default_gold_dir() / "real")[:n]:
        url = f"https://example.test/{g.id}"
        _, sha = archive.record_fetch(run, "devset", url, 200, g.text.encode("utf-8"))
        archive.store_document(Document(id=Document.id_for(url), url=url, source_id="devset", publisher="devset",
                                        tier=2, title=g.id, text=g.text, sha256=sha, retrieved_at="2026-12-04"))
    archive.finish_run(run, "ok")
    return archive


def test_an_interrupted_extraction_over_two_workers_resumes_with_the_documents_not_yet_stored(
    data_dir: Path, falkordb_store: FalkorDBStore
):
    archive = _archive_with_real_texts(data_dir, 4)
    cfg = load_settings(data_dir)
    marker = extractor_marker(cfg, falkordb_store)

    def interrupt_after_two(done: int, total: int, label: str) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_pending(falkordb_store, archive, cfg, interrupt_after_two, workers=2)
    left = archive.documents_pending(marker)
    assert len(left) == 2  # the first two were stored and marked before the interruption

    report = extract_pending(falkordb_store, archive, cfg, workers=2)
    assert report.processed == 2 and report.workers == 2
    # two documents over two workers: the first worker ready may take both (a loaded machine), so one or two
    # processes report, each with a real model's memory
    assert 1 <= len(report.peak_rss_mb) <= 2 and all(mb > 100 for mb in report.peak_rss_mb.values())
    assert archive.documents_pending(marker) == []
    # the resumed run found what one process finds in those two documents
    one = Extractor(cfg.spacy_model, build_gazetteer(falkordb_store))  # type: ignore[arg-type]
    expected = [one.extract_document(d) for d in left]
    assert report.mentions == sum(len(x.entities) for x in expected) > 0
    assert report.events == sum(len(x.events) for x in expected)


def test_workers_follow_the_option_then_the_setting_and_never_exceed_the_documents(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    docs = [Document(id=f"d{i}", url="u", source_id="s", publisher="p", tier=2, title="t", text="x" * 10,
                     sha256=str(i), retrieved_at="") for i in range(3)]
    monkeypatch.setenv("REDFLAG_EXTRACT_WORKERS", "8")
    cfg = load_settings(data_dir)
    assert extraction_workers(cfg, docs) == 3
    assert extraction_workers(cfg, docs, requested=2) == 2
    monkeypatch.setenv("REDFLAG_EXTRACT_WORKERS", "0")
    assert extraction_workers(load_settings(data_dir), docs) == 1  # 30 characters: not worth a second process
    with pytest.raises(ValueError, match="--workers -1"):
        extraction_workers(cfg, docs, requested=-1)


def test_redflag_extract_with_two_workers_reports_each_process_peak_memory(data_dir: Path):
    _archive_with_real_texts(data_dir, 3)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAG_", "NEO4J_"))}
    try:
        done = subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data_dir), "extract", "--workers", "2"],
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.startswith("processed 3 document(s)")
        line = next(x for x in done.stdout.splitlines() if "extraction process(es)" in x)
        assert line.startswith("2 extraction process(es); peak memory per process (MB): ")
        peaks = [float(x) for x in line.rsplit(": ", 1)[1].split(", ")]
        # one peak per process that read a document: the first worker ready may read all three (a loaded machine)
        assert 1 <= len(peaks) <= 2 and all(100 < mb < 4_000 for mb in peaks)
        again = subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data_dir), "extract"],
                               env=env, capture_output=True, text=True, timeout=600)
        assert again.stdout.startswith("processed 0 document(s)")  # all were stored: nothing is redone
    finally:
        falkordb_server.stop(data_dir / "graph")


def test_redflag_extract_refuses_a_negative_number_of_workers(data_dir: Path):
    done = subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data_dir), "extract", "--workers", "-1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--workers" in done.stderr


def test_a_document_the_extractor_fails_on_is_reported_kept_pending_and_retried(
    data_dir: Path, falkordb_store: FalkorDBStore, monkeypatch: pytest.MonkeyPatch
):
    archive = _archive_with_real_texts(data_dir, 3)
    cfg = load_settings(data_dir)
    marker = extractor_marker(cfg, falkordb_store)
    broken = archive.documents_pending(marker)[1]
    read = Extractor._read_document

    def read_or_fail(self: Extractor, pending):  # type: ignore[no-untyped-def]  # a fault injected for one document
        if pending.document.id == broken.id:
            raise IndexError("test fault")
        return read(self, pending)

    monkeypatch.setattr(Extractor, "_read_document", read_or_fail)
    report = extract_pending(falkordb_store, archive, cfg, workers=1)
    assert report.processed == 2
    assert [(where, "IndexError: test fault" in error) for where, error in report.failed] == [(broken.url, True)]
    assert [d.id for d in archive.documents_pending(marker)] == [broken.id]  # not marked: the next run tries again
    monkeypatch.undo()
    again = extract_pending(falkordb_store, archive, cfg, workers=1)
    assert again.processed == 1 and again.failed == [] and archive.documents_pending(marker) == []
