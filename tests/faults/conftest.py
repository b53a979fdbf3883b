"""Fixtures of the fault tests: the uninterrupted reference run and a data folder per faulted run."""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import (
    Reference,
    archive_counts,
    findings,
    graph_counts,
    processes_mentioning,
    run,
    stop_server,
)


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reference]:
    """One uninterrupted run: crawl --sample, load, extract; counts; then the findings of the diversion deal."""
    root = tmp_path_factory.mktemp("faults-reference")
    data = root / "data"
    seconds = {}
    t0 = time.monotonic()
    run(data, "crawl", "--sample")
    seconds["crawl"] = time.monotonic() - t0
    crawled = root / "crawled"
    shutil.copytree(data, crawled)
    try:
        archive = archive_counts(data)
        t0 = time.monotonic()
        run(data, "load")
        seconds["load"] = time.monotonic() - t0
        after_load = graph_counts(data)
        t0 = time.monotonic()
        run(data, "extract")
        seconds["extract"] = time.monotonic() - t0
        graph = graph_counts(data)
        yield Reference(crawled, archive, after_load, graph, findings(data), seconds)
    finally:
        stop_server(data)


@pytest.fixture
def fault_dir(tmp_path: Path) -> Iterator[Path]:
    """A data folder for one faulted run; its graph server and any leftover child are stopped afterwards."""
    data = tmp_path / "data"
    yield data
    stop_server(data)
    for pid in processes_mentioning(str(data)):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
