"""`kill -9` of `redflag crawl`, `load` and `extract` at a seeded random moment, then the same command again:
the archive and the graph end exactly as after an uninterrupted run, with no duplicate and no torn record."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fault_helpers import (
    Reference,
    archive_counts,
    assert_archive_sound,
    assert_graph_has_no_duplicates,
    copy_crawled,
    findings,
    graph_counts,
    kill9_after,
    processes_mentioning,
    run,
    start,
    stop_server,
    wait_until_gone,
)

pytestmark = pytest.mark.slow
SEEDS = [11, 23, 37]


def kill_midway(
    reference: Reference, data_dir: Path, command: str, seed: int, prepare: Callable[[], None]
) -> None:
    """Run `redflag COMMAND` on a freshly prepared folder and kill -9 it at a seeded moment within the time the
    uninterrupted command took; if it finished first (a quieter machine), start over with an earlier moment."""
    fraction = random.Random(seed).uniform(0.3, 0.9)
    for attempt in range(4):
        prepare()
        delay = fraction * reference.seconds[command] / (2**attempt)
        if kill9_after(start(data_dir, command, *(["--sample"] if command == "crawl" else [])), delay):
            return
        stop_server(data_dir)
        shutil.rmtree(data_dir)
    raise AssertionError(f"redflag {command} always ended before the kill")


@pytest.mark.parametrize("seed", SEEDS)
def test_crawl_killed_then_rerun_equals_an_uninterrupted_crawl(
    reference: Reference, fault_dir: Path, seed: int
) -> None:
    kill_midway(reference, fault_dir, "crawl", seed, lambda: None)
    # the crawler child must not outlive the command it belongs to and keep writing
    assert wait_until_gone(str(fault_dir / "archive")) == []
    if (fault_dir / "archive" / "archive.sqlite").exists():
        assert_archive_sound(fault_dir)
    run(fault_dir, "crawl", "--sample")
    assert_archive_sound(fault_dir)
    assert archive_counts(fault_dir) == reference.archive


@pytest.mark.parametrize("seed", SEEDS)
def test_load_killed_then_rerun_equals_an_uninterrupted_load(
    reference: Reference, fault_dir: Path, seed: int
) -> None:
    kill_midway(reference, fault_dir, "load", seed, lambda: copy_crawled(reference, fault_dir))
    run(fault_dir, "load")
    assert graph_counts(fault_dir) == reference.after_load
    assert_graph_has_no_duplicates(fault_dir)


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_extract_killed_then_rerun_equals_an_uninterrupted_extract(
    reference: Reference, fault_dir: Path, seed: int
) -> None:
    def prepare() -> None:
        copy_crawled(reference, fault_dir)
        run(fault_dir, "load")

    kill_midway(reference, fault_dir, "extract", seed, prepare)
    assert processes_mentioning(str(fault_dir / "archive")) == []
    run(fault_dir, "extract")
    assert_archive_sound(fault_dir)
    assert archive_counts(fault_dir) == reference.archive
    assert graph_counts(fault_dir) == reference.graph
    assert_graph_has_no_duplicates(fault_dir)
    assert findings(fault_dir) == reference.findings
