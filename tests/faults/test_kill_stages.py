"""`kill -9` of `redflag crawl`, `load` and `extract` at a seeded random moment, then the same command again:
the archive and the graph end exactly as after an uninterrupted run, with no duplicate and no torn record."""

from __future__ import annotations

import random
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
    wait_until_gone,
)

pytestmark = pytest.mark.slow
SEEDS = [11, 23, 37]


@pytest.mark.parametrize("seed", SEEDS)
def test_crawl_killed_then_rerun_equals_an_uninterrupted_crawl(
    reference: Reference, fault_dir: Path, seed: int
) -> None:
    delay = random.Random(seed).uniform(1.5, 7.0)
    proc = start(fault_dir, "crawl", "--sample")
    assert kill9_after(proc, delay), "the crawl ended before the kill"
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
    copy_crawled(reference, fault_dir)
    delay = random.Random(seed).uniform(1.0, 2.2)
    assert kill9_after(start(fault_dir, "load"), delay), "the load ended before the kill"
    run(fault_dir, "load")
    assert graph_counts(fault_dir) == reference.after_load
    assert_graph_has_no_duplicates(fault_dir)


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_extract_killed_then_rerun_equals_an_uninterrupted_extract(
    reference: Reference, fault_dir: Path, seed: int
) -> None:
    copy_crawled(reference, fault_dir)
    run(fault_dir, "load")
    delay = random.Random(seed).uniform(4.0, 13.0)
    assert kill9_after(start(fault_dir, "extract"), delay), "the extract ended before the kill"
    assert processes_mentioning(str(fault_dir / "archive")) == []
    run(fault_dir, "extract")
    assert_archive_sound(fault_dir)
    assert archive_counts(fault_dir) == reference.archive
    assert graph_counts(fault_dir) == reference.graph
    assert_graph_has_no_duplicates(fault_dir)
    assert findings(fault_dir) == reference.findings
